"""What can follow a number: the readings, tried in turn, and how the first that fits is found.

``_Reading`` is what the words after a number say it is (kind, unit, scale, counted noun...).
``_AFTER_PARTS`` are the readings in the order they are tried (scale, currency, percent, points,
"fois", unit symbol, unit word, counted noun); ``_after_match(text, pos)`` gives the first that
matches, trying only those that can begin with the character there. What each one means is read
in ``checker.extraction.after``.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from checker import french
from checker.extraction.numbers import APPROXIMATE_WORDS
from checker.extraction.patterns import WHITESPACE
from checker.extraction.tables import _CURRENCY, _CURRENCY_NAME, _SCALE_WORD, _UNIT_SYMBOL, _UNIT_WORD, _WordTable


class _Reading(NamedTuple):
    """What the words after a number say it is (internal to the extractor; a tuple: one is built
    for most candidates, and a tuple is built several times faster than a frozen dataclass)."""

    end: int
    kind: str
    unit: str  # ISO currency code, or a pint unit
    scale: int | Decimal = 1  # "millions", "k", "douzaines"; a half ("un demi-million")
    noun: str | None = None
    add: Decimal = Decimal(0)  # "deux ans et demi", "3 € 50"
    strong: bool = True  # a unit or currency, not only a noun
    half_unit: Decimal | None = None  # the precision, when what follows the number sets it ("3 € 50")
    negative: bool = False  # what follows says the figure is below zero: "10 degrés en dessous de zéro"
    needs_context: bool = False  # a unit word of french.UNIT_WORDS_IN_CONTEXT: a figure only near its context words
    about: bool = False  # a collective noun: "trois douzaines", "deux centaines de personnes"
    fraction: int = 0  # the denominator of a fraction after the number ("deux tiers": 3)


# What _read_after gives for words after a number that make it no figure at all ("un demi-tarif",
# "50 cents" of no named currency), where None means that nothing after the number was read.
_NOT_A_FIGURE = _Reading(0, "", "")

_PERCENT = regex.compile(r"\s?(?:%|(?i:pour[\s-]?cents?|pourcents?|per\s?cent)(?![\p{L}]))")  # "per cent": English
_POINTS = regex.compile(
    r"\s(?i:points?\s+de\s+pourcentage|pts?\s+de\s+pourcentage|points?\s+%|pp)(?![\p{L}])"
)
_FOIS = regex.compile(r"\s(?i:fois)(?![\p{L}])")

# Spaces within a line and a cell: a counted noun is never taken across a tab, a blank line or a
# line that starts with a capital (a table's next row, a heading), but a line of prose wrapped
# between the number and its noun goes on ("120\nprojets")
_SAME_LINE_SPACE = r"[^\S\t\n\r\x0b\x0c\x85\u2028\u2029]"
_WRAPPED_LINE = rf"{_SAME_LINE_SPACE}*\r?\n{_SAME_LINE_SPACE}*(?=\p{{Ll}})"
# A counted noun, after spaces (and an opening quote: 25 « maisons sport-santé ») or an apostrophe
_NOUN = regex.compile(rf"(?:{_SAME_LINE_SPACE}+(?:[«\"“][ \u00a0\u202f]*)?|{_WRAPPED_LINE}|(?<=['’ʼ]))(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])")

# What can follow a number: the readings _read_after tries in turn, the first that matches wins.
# after_pattern(), their alternation, is what that means (tests/extraction/test_extractor_speed.py); it is not compiled
# here, which would cost a short run's start-up more than trying them in turn costs.
_AFTER_PARTS: tuple[tuple[str, Any], ...] = (
    ("scaled", _SCALE_WORD), ("money", _CURRENCY), ("percent", _PERCENT), ("points", _POINTS), ("times", _FOIS),
    ("unit_symbol", _UNIT_SYMBOL), ("unit_word", _UNIT_WORD), ("counted", _NOUN),
)


def after_pattern() -> str:
    """AFTER: the alternation of the readings, in their order (for the tests)."""
    return "|".join(
        f"(?P<{name}>(?i:{pattern.pattern}))" if isinstance(pattern, _WordTable) or pattern.flags & regex.IGNORECASE
        else f"(?P<{name}>{pattern.pattern})" for name, pattern in _AFTER_PARTS
    )


# The characters other than letters that can begin a reading, after the spaces: "%", a currency
# or unit symbol ("€", "$", "°C", "µg"), an opening quote before a counted noun.
_AFTER_FIRST = frozenset(
    {"%", "«", '"', "“"} | {word[0] for table in (french.CURRENCY_SYMBOLS, french.UNIT_SYMBOLS) for word in table}
)
# The first two letters (lower-case ASCII) of every word the readings before "counted" can begin
# with, in a text that writes them in lower case: after the spaces that follow a number, a word
# that begins otherwise can only be a counted noun, which _after_match then reads on its own.
_AFTER_BEGINNINGS = frozenset(
    word[:2].lower()
    for table in (
        french.SCALE_WORDS, [f"{noun}s" for noun in APPROXIMATE_WORDS], french.CURRENCY_NAMES,
        french.CURRENCY_SUBUNITS, french.QUALIFIED_CURRENCY_NAMES,
        ("pour", "pourcent", "per", "point", "pts", "pt", "pp", "fois"), french.UNIT_WORDS,  # matched in any case
        [symbol for symbol in (*french.SCALE_SYMBOLS, *french.UNIT_SYMBOLS) if symbol[:2].islower()],  # as written
    )
    for word in table
)


def _after_match(text: str, pos: int) -> tuple[str, Any]:
    """What ``regex.compile(AFTER).match(text, pos)`` finds, and the name of its alternative
    ("scaled", "money"...): the readings are tried in turn, only those that can begin with the
    first character after the spaces (_readings_from)."""
    at = pos
    while at < len(text) and text[at] in WHITESPACE:
        at += 1
    first = text[at:at + 1]
    if not first or not first.isalpha() and first not in _AFTER_FIRST:
        return "", None  # "12, ", "12.": nothing that follows a number begins so
    two = text[at:at + 2]
    if at > pos and len(two) == 2 and two.isascii() and two.isalpha() and two.islower() and two not in _AFTER_BEGINNINGS:
        match = _NOUN.match(text, pos)
        return ("counted", match) if match else ("", None)
    for name, pattern in _readings_from(first):
        if match := pattern.match(text, pos):
            return name, match
    return "", None


def _first_characters(words: Iterable[str], ignore_case: bool) -> set[str]:
    """The characters the words begin with, in both cases if ``ignore_case`` (with those that a
    case-insensitive pattern also reads so: "ſ" for "s", the Kelvin sign for "k")."""
    firsts = {word[0] for word in words}
    if ignore_case:
        firsts |= {char.upper() for char in firsts} | {char.lower() for char in firsts}
        firsts |= {"ſ"} if "s" in firsts else set()
        firsts |= {"\u212a"} if "k" in firsts else set()
    return firsts


# The characters each reading can begin with, after the spaces (see _after_match).
_READING_FIRSTS: dict[str, set[str] | None] = {
    "scaled": _first_characters(french.SCALE_WORDS, True) | _first_characters(french.SCALE_SYMBOLS, False)
    | _first_characters(APPROXIMATE_WORDS, True),
    "money": _first_characters(french.CURRENCY_SYMBOLS, False) | set(string.ascii_uppercase)  # "AUD$", "EUR"
    | _first_characters(_CURRENCY_NAME.words, True),
    "percent": {"%", "p", "P"}, "points": {"p", "P"}, "times": {"f", "F"},
    "unit_symbol": _first_characters(french.UNIT_SYMBOLS, False), "unit_word": _first_characters(french.UNIT_WORDS, True),
    "counted": None,  # any letter, or an opening quote
}


@lru_cache(maxsize=None)
def _readings_from(first: str) -> tuple[tuple[str, Any], ...]:
    """The readings of _AFTER_PARTS, in their order, that can begin with the character ``first``."""
    return tuple((name, pattern) for name, pattern in _AFTER_PARTS if (_READING_FIRSTS[name] is None or first in _READING_FIRSTS[name]))
