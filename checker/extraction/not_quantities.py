"""The spans that contain digits but are no quantities: dates, times, phone numbers,
addresses, spans of years, labels ("Article 51"), "24/7", web and e-mail addresses.

What they are: ``_NOT_QUANTITY_PATTERNS`` (``NOT_QUANTITIES`` as one pattern). How they are found
fast: ``_excluded_spans(text)`` gives the sorted, disjoint spans the one pattern gives (its
docstring says how), with what decides which alternatives to try at a run of digits above it and
the searches before a run of digits or an ``@`` below it. tests/extraction/test_scans.py checks them against
the pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from checker import french
from checker.extraction.patterns import WHITESPACE, _Lazy, _SP, _compiled

_MONTH = f"(?:{french.ALL_MONTHS})(?![\\p{{L}}])"
# Spans that contain digits but are not quantities.
# White space within one paragraph: a date, a label or an address does not go on past a blank line.
_GAP = r"(?:[^\S\n]|\n(?![^\S\n]*\n))"
_NOT_QUANTITY_PATTERNS = [
    r"(?<![\d.])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d])",  # 12/11/25
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",  # 2025-11-12
    rf"(?<![\p{{L}}\p{{N}}])(?:1er|\d{{1,2}})(?:{_SP}|{_GAP})+{_MONTH}(?:{_GAP}+\d{{4}})?",  # 28 janvier 2025
    rf"{_MONTH}{_GAP}+\d{{4}}(?!\d)",  # septembre 2025
    rf"(?<![\p{{L}}\p{{N}}])(?:1er|\d{{1,2}})(?:{_GAP}*(?:,|et|au|à|-|–){_GAP}*(?:1er|\d{{1,2}}))+(?:{_SP}|{_GAP})+{_MONTH}",  # du 3 au 5 mars
    r"(?<![\d:])\d{1,2}\s?[h:]\s?\d{2}(?![\d])",  # 22:49, 10h30
    r"(?<![\d+])(?:\+33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)",  # 06 08 77 61 02
    r"(?<![\d+])0\s?[89]\d{2}(?:\s?\d{3}){2}(?!\d)",  # 0 800 123 456
    rf"(?<![\p{{L}}\p{{N}}])\d{{1,4}}(?:{_GAP}*(?:bis|ter|quater))?,?{_GAP}+(?:{french.STREET_WORDS})(?![\p{{L}}])",  # 12 rue de la Paix
    rf"(?<![\p{{N}}.,])\d{{5}}{_GAP}+(?:(?-i:\p{{Lu}})|cedex)",  # 75013 Paris
    r"(?<![\d])(?:1[89]|20|21)\d{2}\s?[-–/]\s?(?:(?:1[89]|20|21)\d{2}|\d{2})(?![\d])",  # 2024-2025
    rf"(?<![\p{{L}}])(?:{french.LABEL_WORDS}){_GAP}*\d+(?:[.,]\d+)*",  # Article 51
    rf"(?<![\d/])\d+[hj]?/\d+(?![\d/])(?!{_GAP}+(?:{french.PARTITIVE})(?![\p{{L}}]))",  # 24/7, 24h/24, 7j/7, 3/4 (but "3/4 des patients": a share)
    r"https?://\S+",
    r"www\.\S+",
    rf"(?<![\p{{L}}])(?:{french.ENGLISH_MONTHS})(?![\p{{L}}]){_GAP}+\d{{1,2}}(?:st|nd|rd|th)?(?:,?{_GAP}+\d{{4}})?(?!\d)",  # September 3, 2021
    r"[\w.+-]+@[\w-]+\.[\w.-]+",  # an e-mail address: looked for only before an @
]
# As one pattern (what the exclusion means); _excluded_spans scans each alternative on its own,
# which gives the same spans several times faster.
NOT_QUANTITIES = "|".join(_NOT_QUANTITY_PATTERNS)  # case-insensitive


def _part(index: int) -> regex.Pattern[str]:
    """Alternative ``index`` of NOT_QUANTITIES, on its own."""
    return _compiled(_NOT_QUANTITY_PATTERNS[index], regex.IGNORECASE)


_EMAIL = len(_NOT_QUANTITY_PATTERNS) - 1
_MONTH_YEAR = 3  # "septembre 2025": looked for only before a year
assert _NOT_QUANTITY_PATTERNS[_MONTH_YEAR].startswith(_MONTH)
_MONTH_LENGTH = max(len(word) for word in french.ALL_MONTHS.split("|"))  # of the pattern: no shorter than a match
_MONTH_ENDS = regex.compile(rf"(?r)(?:{french.ALL_MONTHS})", regex.IGNORECASE)  # a month name ending at the slice's end
_MONTH_DAY = 15  # "September 3, 2021": looked for only before one or two digits
assert _NOT_QUANTITY_PATTERNS[_MONTH_DAY].startswith(r"(?<![\p{L}])(?:" + french.ENGLISH_MONTHS)
_ENGLISH_MONTH_ENDS = _Lazy(rf"(?r)(?:{french.ENGLISH_MONTHS})", regex.IGNORECASE)
_LABEL = 11  # "Article 51": looked for only before digits
assert _NOT_QUANTITY_PATTERNS[_LABEL].startswith(r"(?<![\p{L}])(?:" + french.LABEL_WORDS)
_LABEL_LENGTH = max(len(word.replace("\\", "")) for word in french.LABEL_WORDS.split("|"))
_LABEL_LAST = frozenset(word.replace("\\", "")[-1] for word in french.LABEL_WORDS.split("|"))
# Matched backwards ((?r)): a label word that ends at the end of the slice, found in one try
# where a forward search would try every start.
_LABEL_ENDS = regex.compile(rf"(?r)(?:{french.LABEL_WORDS})", regex.IGNORECASE)
_PHONE = 6  # starts with a digit, or with "+33"
_URL, _WWW = 13, 14  # start with their letters: searched for over the whole text
assert _NOT_QUANTITY_PATTERNS[_URL].startswith("https?") and _NOT_QUANTITY_PATTERNS[_WWW].startswith("www")
# The alternatives whose every match starts with the first digit of a run of digits, tried only
# there, in the order of the whole pattern, so that the first that matches wins.
_AT_DIGITS_INDICES = tuple(
    index for index in range(len(_NOT_QUANTITY_PATTERNS)) if index not in (_MONTH_YEAR, _LABEL, _URL, _WWW, _MONTH_DAY, _EMAIL)
)


def _beginnings(alternation: str, length: int) -> regex.Pattern[str]:
    """The first ``length`` characters of the words of ``alternation`` (``a|b\\.|...``, each word
    beginning with that many literal characters), as a pattern that ignores case as IGNORECASE does."""
    prefixes = sorted({word[:length] for word in alternation.split("|")})
    assert all(regex.fullmatch(rf"[\p{{L}},:\-–]{{{length}}}", prefix) for prefix in prefixes)
    return regex.compile("|".join(map(regex.escape, prefixes)), regex.IGNORECASE)


# What can begin the word after the spaces that follow a run of digits, for the patterns that allow
# spaces there: a month (28 janvier), a connector (du 3 au 5 mars), a street (12 rue, 3 bis), an
# hour (10 h 30); by the first two characters, or the first one.
_WORD_BEGINNINGS = (
    (_beginnings(french.ALL_MONTHS, 2), 2), (_beginnings(",|et|au|à|-|–", 1), 1),
    (_beginnings("bis|ter|quater|" + french.STREET_WORDS, 2), 2), (_beginnings("h|:", 1), 1),
)
_ANY_WORD = (True,) * len(_WORD_BEGINNINGS)


@lru_cache(maxsize=None)
def _word_may_begin(word: str) -> tuple[bool, ...]:
    """Whether ``word``, the first two characters after the spaces (fewer at the end of the text),
    all ASCII, can begin a month, a connector, a street, an hour. A non-ASCII character may be
    an ASCII letter to IGNORECASE (ſ, K): such a word is given as _ANY_WORD instead."""
    return tuple(beginning.fullmatch(word[:length]) is not None for beginning, length in _WORD_BEGINNINGS)


def _could_start_at_digits(index: int, length: int, following: str, first: str, word: tuple[bool, ...] = _ANY_WORD, one_space: bool = False) -> bool:
    """Whether alternative ``index`` can match from a run of ``length`` digits starting with
    ``first``, followed by ``following`` ("" at the end, " " for any white space). A pattern
    that begins ``\\d{1,2}`` then a non-digit needs a run of at most two digits, and so on;
    IGNORECASE lets "et" begin with "E", "à" with "À". After white space, ``word`` says what the
    word after it can begin (see _word_may_begin) and ``one_space`` whether the space is one
    character."""
    short, space = length <= 2, following == " "
    first_of_1er = first == "1" and length == 1 and following in ("e", "E")
    month, connector, street, hour = word
    conditions = {
        0: short and following in ("/", ".", "-"),  # 12/11/25
        1: length == 4 and following == "-",  # 2025-11-12
        2: short and space and month or first_of_1er,  # 28 janvier
        4: short and (space and connector or following in (",", "e", "E", "a", "A", "à", "À", "-", "–")) or first_of_1er,  # du 3 au 5 mars
        5: short and (space and one_space and hour or following in ("h", "H", ":")),  # 10h30, 10 h 30
        _PHONE: first == "0",  # 06 08 77 61 02
        7: first == "0",  # 0 800 123 456
        8: length <= 4 and (space and street or following in (",", "b", "B", "t", "T", "q", "Q")),  # 12 rue, 3 bis
        9: length == 5 and space,  # 75013 Paris
        10: length == 4 and (space or following in ("-", "–", "/")),  # 2024-2025
        12: following in ("/", "h", "H", "j", "J"),  # 24/7, 24h/24, 7j/7
    }
    return conditions[index]


_AT_DIGITS_FOLLOWING = frozenset("/.-–,:eEaAàÀhHbBtTqQjJ")  # the characters _could_start_at_digits names


@lru_cache(maxsize=None)
def _at_digits(length: int, following: str, first: str, word: tuple[bool, ...] = _ANY_WORD, one_space: bool = False) -> tuple[regex.Pattern[str], ...]:
    """The alternatives of _AT_DIGITS_INDICES that can match at such a run, in order, each on its
    own: one pattern per combination would cost a short run more to compile than they save."""
    return tuple(
        _part(index) for index in _AT_DIGITS_INDICES if _could_start_at_digits(index, length, following, first, word, one_space)
    )


_DIGIT_RUN = regex.compile(r"\d+")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")  # letters (\p{L}) in any Unicode version
_EMAIL_CHAR = regex.compile(r"[\w.+-]", regex.IGNORECASE)


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``regex.compile(NOT_QUANTITIES, regex.IGNORECASE).finditer(text)`` gives, found faster.

    The one pattern is an alternation the ``regex`` engine tries at every position of the text;
    here each alternative is tried only where it can start, and the scan of the alternation is
    replayed: from the end of the last span, the first position where an alternative matches,
    the first such alternative in pattern order. Dates, times, phone numbers, addresses and
    fractions start with the first digit of a run of digits: they are tried there, as one pattern
    in their order; "Article 51" is looked for just before such a run, "septembre 2025" just
    before four digits, an e-mail address in the run of characters before an ``@``.
    """
    at: dict[int, int] = {}  # start -> end; the first alternative wins, so they come in pattern order
    runs = [run.span() for run in _DIGIT_RUN.finditer(text)]
    for start, end in runs:
        following = text[end:end + 1]
        word, one_space = _ANY_WORD, False  # not used after other characters
        if following in WHITESPACE and following:
            following = " "
            after = end + 1
            while after < len(text) and text[after] in WHITESPACE:
                after += 1
            one_space = after == end + 1
            beginning = text[after:after + 2]
            if beginning.isascii():
                word = _word_may_begin(beginning)
        elif following not in _AT_DIGITS_FOLLOWING:
            following = "x"  # any other character: the same patterns
        for pattern in _at_digits(min(end - start, 6), following, text[start] if text[start] in "01" else "2", word, one_space):
            if match := pattern.match(text, start):
                at[start] = match.end()  # the first alternative that matches, as in the whole pattern
                break
    phone = _part(_PHONE)
    plus = text.find("+")
    while plus != -1:
        if plus not in at and (match := phone.match(text, plus)):
            at[plus] = match.end()
        plus = text.find("+", plus + 1)
    later = (
        _month_year_matches(text, _part(_MONTH_YEAR), runs),
        _label_matches(text, [start for start, _ in runs]),
        # "https?://": no letters in "://", which case does not change
        ((match.start(), match.end()) for match in (_part(_URL).finditer(text, overlapped=True) if "://" in text else ())),
        # "www.": only "w" and "W" are a "w" to IGNORECASE (tests/extraction/test_extractor_speed.py)
        ((match.start(), match.end()) for match in (_part(_WWW).finditer(text, overlapped=True) if "w." in text or "W." in text else ())),
        _month_day_matches(text, runs),
        _email_matches(text, _part(_EMAIL)),
    )
    for matches in later:
        for start, end in matches:
            if start not in at:
                at[start] = end
    spans: list[tuple[int, int]] = []
    position = 0
    for start in sorted(at):
        if start >= position:
            end = at[start]
            spans.append((start, end))
            position = end
    return spans


def _label_matches(text: str, runs: list[int]) -> list[tuple[int, int]]:
    """Where "Article 51" matches: a label word ends where the spaces before a run of digits begin."""

    def worth_trying(first: int, space: int) -> bool:
        return space > 0 and text[space - 1].lower() in _LABEL_LAST and _LABEL_ENDS.match(text, first, space) is not None

    return _matches_before(text, _part(_LABEL), runs, _LABEL_LENGTH, worth_trying, after_letter=False)


def _month_year_matches(text: str, pattern: regex.Pattern[str], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where ``month year`` matches: a month name ends where the spaces before four digits begin
    (``runs``: the spans of the runs of digits)."""

    def worth_trying(first: int, space: int) -> bool:
        return _MONTH_ENDS.match(text, first, space) is not None

    # the four digits of a year after a space (\s): a run of four digits, after a space
    years = [start for start, end in runs if end - start == 4 and start > 0 and text[start - 1] in WHITESPACE]
    return _matches_before(text, pattern, years, _MONTH_LENGTH, worth_trying)


def _month_day_matches(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where "September 3, 2021" matches: an English month name ends where the spaces before one
    or two digits begin (``runs``: the spans of the runs of digits)."""

    def worth_trying(first: int, space: int) -> bool:
        return _ENGLISH_MONTH_ENDS.match(text, first, space) is not None

    days = [start for start, end in runs if end - start <= 2 and start > 0 and text[start - 1] in WHITESPACE]
    return _matches_before(text, _part(_MONTH_DAY), days, _MONTH_LENGTH, worth_trying) if days else []


def _matches_before(
    text: str, pattern: regex.Pattern[str], positions: list[int], length: int,
    worth_trying: Callable[[int, int], bool] | None = None, after_letter: bool = True,
) -> list[tuple[int, int]]:
    """Where ``pattern`` matches, starting in the ``length`` characters before the spaces that
    precede each of ``positions`` (when ``worth_trying(first, space)`` for that window).
    ``after_letter=False``: the pattern begins with ``(?<![\\p{L}])``, not tried after an ASCII letter."""
    found: list[tuple[int, int]] = []
    seen: set[int] = set()
    for position in positions:
        space = position
        while space > 0 and text[space - 1] in WHITESPACE:
            space -= 1
        first = max(space - length, 0)
        if worth_trying is not None and not worth_trying(first, space):
            continue
        for start in range(first, space):
            if not after_letter and start > 0 and text[start - 1] in _ASCII_LETTERS:
                continue  # inside a word: most of the window
            if start not in seen and (match := pattern.match(text, start)):
                seen.add(start)
                found.append((start, match.end()))
    return found


def _email_matches(text: str, pattern: regex.Pattern[str]) -> list[tuple[int, int]]:
    """Where the e-mail alternative matches: only in a run of ``[\\w.+-]`` ending at an ``@``."""
    found: list[tuple[int, int]] = []
    done = 0
    at = text.find("@")
    while at != -1:
        first = at
        while first > done and _EMAIL_CHAR.match(text, first - 1):
            first -= 1
        for start in range(first, at):
            if match := pattern.match(text, start):
                found.append((start, match.end()))
        done = at
        at = text.find("@", at + 1)
    return found
