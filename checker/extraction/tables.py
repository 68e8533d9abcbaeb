"""The word tables read after a number, and how their words are matched fast: scales,
currencies, units.

``_alternatives`` writes a table's words as a tree of their beginnings; ``_WordTable`` finds the
longest word of a large table written at a position by looking the text's words up. Built on
them: the scale after a number (``_SCALE_WORD``), its currency (``_CURRENCY``, by mark or by name;
``_currency_code``, the ISO code of what it matched) and its unit (``_UNIT_SYMBOL``,
``_UNIT_WORD``). The words themselves are in ``checker.french``.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from checker import french
from checker.extraction.numbers import APPROXIMATE_WORDS
from checker.extraction.patterns import WHITESPACE, _SP


def _alternatives(words: Iterable[str], spaces: bool = False) -> str:
    r"""A pattern for any of ``words`` that takes the longest that matches, as ``a|b|...`` of them
    sorted longest first would (so that "millions" is not read "million"); with ``spaces``, a
    space in a word stands for any white space (``\s+``).

    The words are written as a tree of their common beginnings ("dollar(?:s(?:\s+us)?)?"):
    ``regex`` tries a long alternation of words one word at a time, the tree one letter at a time,
    several times faster on the currency and unit tables (tests/extraction/test_extractor_speed.py)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(" " if spaces and char.isspace() else char, {})
        node[""] = {}  # a word ends here
    return _branches(tree, spaces)


def _branches(node: dict[str, dict], spaces: bool) -> str:
    parts = [
        (r"\s+" if spaces and char == " " else regex.escape(char)) + _branches(child, spaces)
        for char, child in sorted(node.items()) if char
    ]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


class _WordMatch:
    """A word of a table found in a text (see _WordTable), read as a ``regex`` match is read:
    ``group(name)`` and ``start(name)`` are the word's, ``start()``, ``end()`` the whole match's."""

    __slots__ = ("string", "_start", "_word_start", "_end")

    def __init__(self, string: str, start: int, word_start: int, end: int) -> None:
        self.string, self._start, self._word_start, self._end = string, start, word_start, end

    def group(self, name: str | int = 0) -> str:
        return self.string[self._word_start if name else self._start:self._end]

    def start(self, name: str | int = 0) -> int:
        return self._word_start if name else self._start

    def end(self, name: str | int = 0) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


class _WordTable:
    """The longest word of a table written in a text at a position, found as ``pattern`` (the
    alternation of the words, kept for the tests) would find it, by looking the text's words up in
    a dict: compiling the alternation of a large table costs more than a short run's extraction.

    A word of the table is runs of ``letters`` joined by ``joints`` (a space standing for any white
    space when ``spaces``); it must end where a run ends, so the letters are also those that may
    not follow it. ``lead`` is what comes before it: one white space, or an apostrophe or a hyphen
    just before ("units"), or an optional white space ("names"). Case is ignored.
    """

    def __init__(self, words: Iterable[str], group: str, letters: str, joints: str, spaces: bool, lead: str) -> None:
        self.words = frozenset(_fold(word) for word in words)
        space = r"\s+" if spaces else " "
        joint = rf"(?:{space}|{joints})"
        runs = [word.replace(joints, " ").split(" ") for word in self.words]  # a joint is one character
        self.first_runs = frozenset(word_runs[0] for word_runs in runs)
        self.runs = regex.compile(rf"{letters}+(?:{joint}{letters}+){{0,{max(map(len, runs)) - 1}}}")
        self.run = regex.compile(f"{letters}+")
        self.spaces, self.lead = spaces, lead
        self.group, self.letters = group, letters

    @property
    def pattern(self) -> str:
        """The alternation of the words, which ``match`` finds as it would (built for the tests only)."""
        before = r"(?:\s|(?<=['’ʼ-]))" if self.lead == "units" else r"\s?"
        return rf"{before}(?P<{self.group}>{_alternatives(self.words, spaces=self.spaces)})(?!{self.letters})"

    def match(self, text: str, pos: int, endpos: int | None = None) -> _WordMatch | None:
        if self.lead == "units":
            if text[pos:pos + 1] in WHITESPACE and pos < len(text):
                start = pos + 1
            elif pos and text[pos - 1] in "'’ʼ-":
                start = pos
            else:
                return None
        else:
            start = pos + 1 if pos < len(text) and text[pos] in WHITESPACE else pos
        runs = self.runs.match(text, start)
        if runs is None or _fold(self.run.match(text, start).group()) not in self.first_runs:
            return None
        ends = [run.end() for run in self.run.finditer(text, start, runs.end())]
        for end in reversed(ends):
            written = text[start:end]
            if _fold(" ".join(written.split()) if self.spaces else written) in self.words:
                return _WordMatch(text, pos, start, end)
        return None


def _fold(word: str) -> str:
    """A word as the case-insensitive patterns read it ("ſ", the long s, is an "s")."""
    return word.lower().replace("ſ", "s")


# A scale after a number: a word (french.SCALE_WORDS, any case), a symbol (french.SCALE_SYMBOLS,
# case-sensitive: "M" is a million, "m" a metre; a currency code may be glued to it, "12 MEUR",
# "450 kEUR", "2 MdUSD", as finance writes), or a collective noun ("trois douzaines", "deux
# centaines": numbers.APPROXIMATE_WORDS, approximate).
_SCALE_WORD = regex.compile(
    rf"{_SP}?(?P<scale>(?i:{_alternatives(french.SCALE_WORDS)}))(?![\p{{L}}])"
    rf"|{_SP}?(?P<symbol>{_alternatives(french.SCALE_SYMBOLS)})(?:(?![\p{{L}}])|(?=(?:{_alternatives(french.ISO_CODES)})(?![\p{{L}}])))"
    rf"|(?:\s+|(?<=-))(?P<collective>(?i:{_alternatives(APPROXIMATE_WORDS)})s?)(?![\p{{L}}])"  # after "demi-" too
)

# Currency names and subunits after a number: "euros", "dollars australiens", "50 centimes"
_CURRENCY_NAME = _WordTable(
    {*french.CURRENCY_NAMES, *french.CURRENCY_SUBUNITS, *french.QUALIFIED_CURRENCY_NAMES}, "currency",
    letters=r"\p{L}", joints="-", spaces=True, lead="names",
)
# A currency after a number (and its scale), by its mark: a dollar with its country's code
# ("C$", "AUD$", "$CAD", "$ HK"), a symbol, an ISO code. Its name is looked up in _CURRENCY_NAME.
_CURRENCY_MARK = regex.compile(
    r"\s?(?P<currency>(?<![\p{L}])[A-Z]{1,3}\$|\$(?:[A-Z]{2,3}|\s[A-Z]{2,3})?(?![\p{L}])"
    rf"|{_alternatives(set(french.CURRENCY_SYMBOLS) - {'$'})}|{_alternatives(french.ISO_CODES)})(?![\p{{L}}])"
)


class _Currency:
    """A currency after a number: its mark (symbol, code) or its name, as ``pattern`` finds it."""

    flags = 0

    @property
    def pattern(self) -> str:
        """What ``match`` finds, as one pattern (built for the tests only)."""
        return (
            r"\s?(?P<currency>(?<![\p{L}])[A-Z]{1,3}\$|\$(?:[A-Z]{2,3}|\s[A-Z]{2,3})?(?![\p{L}])"
            rf"|{_alternatives(set(french.CURRENCY_SYMBOLS) - {'$'})}"
            rf"|(?i:{_alternatives(_CURRENCY_NAME.words, spaces=True)})|{_alternatives(french.ISO_CODES)})(?![\p{{L}}])"
        )

    @staticmethod
    def match(text: str, pos: int) -> regex.Match[str] | _WordMatch | None:
        # in the pattern's order: a dollar's code or a symbol, a name, an ISO code (which no name spells)
        mark = _CURRENCY_MARK.match(text, pos)
        if mark is not None and mark.group("currency") not in french.ISO_CODES:
            return mark
        return _CURRENCY_NAME.match(text, pos) or mark


_CURRENCY = _Currency()


def _currency_code(written: str) -> str | None:
    """The ISO code of a currency as _CURRENCY matched it, or None."""
    code = french.CURRENCIES.get(written) or french.CURRENCIES.get(" ".join(written.lower().split()))
    if code is None and "$" in written:
        code = french.DOLLAR_CODES.get(written.replace("$", "").strip())
    return code


_UNIT_SYMBOL = regex.compile(
    r"\s?(?P<unit>" + _alternatives(french.UNIT_SYMBOLS)
    + r")(?![\p{L}\p{N}'’ʼ]|-[\p{L}\p{N}])"  # "5 m-" closing an incise, not "m-commerce"
)
# A unit word after a number, with one space before it (or after an apostrophe, "d'heure", or a
# hyphen, "demi-heure"), ending where no letter, digit, apostrophe or hyphen follows.
_UNIT_WORD = _WordTable(french.UNIT_WORDS, "unit", letters=r"[\p{L}\p{N}'’ʼ-]", joints=" ", spaces=False, lead="units")
