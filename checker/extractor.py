"""Find every figure in French text and normalise it: money, counts, percentages, durations...

One compiled pattern finds candidate numbers (digits or number words); each candidate is then read
the way a French reader reads it, by looking at the words just after it (scale, currency, unit,
counted noun) and just before it (qualifier, currency symbol, range). Dates, years, times, phone
numbers, ordinals, list enumerators and names that contain digits are recognised and left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from decimal import Decimal
from typing import Any, NamedTuple

import regex

from checker import french, units
from checker.infer import infer_units
from checker.numbers import APPROXIMATE_WORDS, NUMBER_WORDS, ParsedNumber, parse_digits, parse_words

# Kinds of quantity with what their values are expressed in: money, then every kind that has a
# canonical pint unit (checker.units.CANONICAL), described where the unit name is not enough.
_KIND_NOTES = {
    "count": "count, with the counted noun",
    "number": "count, nothing named is counted",
    "percent": "percent (value in percentage points of 100)",
    "factor": "times (multiplié par 3)",
}
KINDS: dict[str, str] = {
    "money": "an ISO 4217 currency code (EUR, USD, ...)",
    **{kind: _KIND_NOTES.get(kind, unit) for kind, unit in units.CANONICAL.items()},
}

QUALIFIERS = ("exact", "at_least", "about", "at_most", "range")
# "environ 350": at least 5 % either side, or the rounding of a round figure if it is wider
# (``environ 8 000``: 7 500 to 8 500). A plain figure is never read more loosely than that.
ABOUT_RELATIVE = 0.05


@dataclass(frozen=True)
class Quantity:
    """A figure found in a text: ``text[start:end]`` is its surface."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str
    low: float | None
    high: float | None
    qualifier: str
    noun: str | None = None
    number_start: int = 0  # the digits or words of the number itself
    number_end: int = 0
    # why the unit is not the one written next to the number (checker.infer), else None
    inferred: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "value": self.value, "unit": self.unit, "low": self.low, "high": self.high,
            "qualifier": self.qualifier, "noun": self.noun, "inferred": self.inferred,
        }


# What ``regex`` calls ``\s`` (Python's str.isspace() also takes U+001C..U+001F).
WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_SP = r"[ \u00a0\u202f\u2009]"
_APOS = r"['’ʼ]"
_DE = rf"(?:d{_APOS}\s*|de\s+)"

_DIGITS = (
    r"(?<![\p{L}\p{N}_])(?<![\p{L}\p{N}][/.:,])(?<![\p{L}_]-)"
    r"(?P<digits>\d{1,3}(?:" + _SP + r"\d{3})+(?:,\d+)?(?![\d])"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d,.])"
    r"|\d+(?:[,.]\d+)?(?![\d]))"
)
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDS = (
    rf"(?<![\p{{L}}\p{{N}}-])(?P<words>(?:{_WORD})(?:(?:-et-|-|\s+et\s+|\s+)(?:{_WORD}))*)(?![\p{{L}}\p{{N}}-])"
)
_APPROX = (
    r"(?<![\p{L}])(?P<approx_article>une?|quelque)\s+(?P<approx>"
    + "|".join(APPROXIMATE_WORDS) + r")s?(?![\p{L}])"
)
_TIMES = r"(?<![\p{L}\p{N}])[x×]\s?(?P<times>\d+(?:,\d+)?)(?![\p{L}\p{N}])"
# What a candidate number is: the alternatives of one pattern, in this order (see _candidates).
CANDIDATE = f"{_DIGITS}|(?i:{_APPROX})|(?i:{_WORDS})|{_TIMES}"
_DIGITS_ALONE = regex.compile(_DIGITS)
_APPROX_ALONE = regex.compile(f"(?i:{_APPROX})")
_TIMES_ALONE = regex.compile(_TIMES)
# The number words again, in the syntax of the standard library's ``re``, which scans the
# lower-cased text for them several times faster than ``regex`` scans the text case-insensitively.
# ``[^\W_]`` is a letter or a digit (``[\p{L}\p{N}]``); _RE_SPACE is what ``regex`` calls ``\s``.
# The pattern begins with the character before the first word (neither a letter, a digit nor a
# hyphen) instead of look-behinds, so that ``re`` skips to such characters before trying the
# words; it scans the lower-cased text after one space, which stands for the start of the text.
# It is split in two scans by that character, which takes a third less time: a space, which
# ``re`` finds as a literal, without testing each character against ``[\W_]``; any other, tested
# against ``[\W_]`` only when it is not among the ASCII characters that cannot be it (a space,
# a hyphen, a letter or a digit: most of the text). The words are grouped by first letter: only
# those that begin with the letter at hand are tried.
_RE_SPACE = f"[{WHITESPACE}]"


def _by_first_letter(words: list[str], guards: dict[str, str] | None = None) -> str:
    """``a|b|...`` for ``re`` as ``x(?:...)|y(?:...)``: the same words, in the same order within a letter;
    ``guards[x]``, a look-ahead, is tried after the letter ``x`` before the rest of its words."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}{(guards or {}).get(first, '')}(?:{'|'.join(group)})" for first, group in rests.items()
    )


def _words_lower(first_word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The number words of _WORDS for the lower-cased text, the first one matched by ``first_word``:
    ``[\\W_](?<!-)`` then the words, as two scans, after a space and after any other such character."""
    words = rf"(?:{first_word})(?:(?:-et-|-|{_RE_SPACE}+et{_RE_SPACE}+|{_RE_SPACE}+)(?:{_WORD}))*(?![^\W_])(?!-)"
    return re.compile(f" {words}"), re.compile(rf"[^ \-0-9A-Za-z](?<=[\W_]){words}")


_WORDS_BY_LENGTH = sorted(NUMBER_WORDS, key=len, reverse=True)  # the order of _WORD
_WORDS_LOWER = _words_lower(_by_first_letter(_WORDS_BY_LENGTH))
_DIGITS_KIND, _APPROX_KIND, _WORDS_KIND, _TIMES_KIND = range(4)


class _Candidate(NamedTuple):
    """A number found by CANDIDATE: ``text[start:end]``, of one of the four kinds above."""

    start: int
    end: int
    kind: int
    number: str  # the digits, the words, the collective noun (dizaine), or the digits after "x"
    number_start: int


def _candidates(text: str, articles: bool = True) -> Iterator[_Candidate]:
    """The matches of ``regex.compile(CANDIDATE).finditer(text)``, found faster; with
    ``articles=False``, some of the number words _is_article drops may be left out.

    Each alternative is scanned on its own (the number words by ``re`` on the lower-cased text,
    when lower-casing keeps every offset; "une dizaine" and "x 3" tried only where they can
    start, see _Found) and the scans are merged the way the alternation
    scans: from the end of the last match, the leftmost match, the first alternative on a tie;
    an alternative whose next match starts inside the last one is scanned again from its end.
    A lone "un" left out by the scan of the words (_WORDS_LOWER_NO_ARTICLE) changes nothing else:
    no other alternative can start inside it (at a letter after a letter, or where it starts:
    the digits, "x 3" start otherwise, and "une dizaine" comes first on a tie and is then
    yielded instead), and the scans go on from its end as they would have.
    """
    lowered = text.lower()
    # The scans of the lower-cased text need it to keep every offset, and to spell the words as
    # the case-insensitive pattern reads them: "ſ" (long s) is an "s" to (?i), not to lower().
    lowered_reads = len(lowered) == len(text) and "ſ" not in text
    # A match of either scan of _WORDS_LOWER in " " + lowered starts one character before the
    # words, which is where they start in the text; it ends one character later than in the text.
    if lowered_reads:
        source, words_shift = " " + lowered, 1
        words = [(pattern, source) for pattern in (_WORDS_LOWER if articles else _WORDS_LOWER_NO_ARTICLE)]
    else:
        words, words_shift = [(_compiled(f"(?i:{_WORDS})"), text)], 0
    approx: tuple[Any, str] = (_APPROX_ALONE, text)
    if lowered_reads:
        nouns = _collective_nouns(lowered)  # "une dizaine": only where one of those nouns is
        approx = (_Found(_approx_matches(text, lowered, nouns) if nouns else []), text)
    scans: list[tuple[Any, str]] = [(_DIGITS_ALONE, text), approx, *words, (_Found(_times_matches(text)), text)]
    kinds = (_DIGITS_KIND, _APPROX_KIND, *[_WORDS_KIND] * len(words), _TIMES_KIND)  # of each scan
    iterators = [pattern.finditer(source) for pattern, source in scans]
    heads = [next(iterator, None) for iterator in iterators]
    never = len(text) + 1  # the start of a scan that has no match left
    starts = [never if head is None else head.start() for head in heads]
    position = 0
    while True:
        best_start = min(starts)
        if best_start < position:
            for scan, start in enumerate(starts):
                if start < position:
                    pattern, source = scans[scan]
                    iterators[scan] = pattern.finditer(source, position)
                    heads[scan] = head = next(iterators[scan], None)
                    starts[scan] = never if head is None else head.start()
            best_start = min(starts)
        if best_start == never:
            return
        best = starts.index(best_start)  # the first alternative on a tie (the two of the words never tie)
        match = heads[best]
        heads[best] = head = next(iterators[best], None)
        starts[best] = never if head is None else head.start()
        position = match.end()
        kind = kinds[best]
        if kind == _DIGITS_KIND:
            yield _Candidate(best_start, position, kind, match.group(), best_start)
        elif kind == _APPROX_KIND:
            yield _Candidate(best_start, position, kind, match.group("approx"), match.start("approx"))
        elif kind == _WORDS_KIND:
            position -= words_shift
            yield _Candidate(best_start, position, kind, text[best_start:position], best_start)
        else:
            yield _Candidate(best_start, position, kind, match.group("times"), match.start("times"))


# Most collective nouns end in "aine" (dizaine, centaine): they are looked for where "aine" is,
# after the letter that ends their stem (z, t), with one search of the text instead of one each.
_AINE_NOUNS = tuple(noun for noun in APPROXIMATE_WORDS if noun.endswith("aine"))
_AINE_AFTER = frozenset(noun[-5] for noun in _AINE_NOUNS)
_OTHER_NOUNS = tuple(noun for noun in APPROXIMATE_WORDS if not noun.endswith("aine"))  # millier


def _collective_nouns(lowered: str) -> list[str]:
    """The collective nouns of APPROXIMATE_WORDS found in the lower-cased text, in their order."""
    present = {noun for noun in _OTHER_NOUNS if noun in lowered}
    at = lowered.find("aine")
    while at != -1:
        if lowered[at - 1:at] in _AINE_AFTER:
            present.update(noun for noun in _AINE_NOUNS if lowered.startswith(noun, at + 4 - len(noun)))
        at = lowered.find("aine", at + 1)
    return [noun for noun in APPROXIMATE_WORDS if noun in present]


class _Found:
    """Matches found beforehand, in order and disjoint, given like a pattern's ``finditer``."""

    def __init__(self, matches: list[regex.Match[str]]) -> None:
        self.matches = matches
        self.starts = [match.start() for match in matches]

    def finditer(self, _text: str, position: int = 0) -> Iterator[regex.Match[str]]:
        return iter(self.matches[bisect.bisect_left(self.starts, position):])


def _approx_matches(text: str, lowered: str, nouns: list[str]) -> list[regex.Match[str]]:
    """The matches of _APPROX_ALONE ("une dizaine"), tried only before the collective nouns.

    ``lowered`` is the text lower-cased with the same offsets, ``nouns`` those found in it. The
    article ("un", "une", "quelque") ends where the spaces before the noun begin, so the match
    starts 2, 3 or 7 characters before them. Matches never overlap: these are finditer's.
    """
    found: dict[int, regex.Match[str]] = {}
    for noun in nouns:
        at = lowered.find(noun)
        while at != -1:
            article_end = at
            while article_end > 0 and text[article_end - 1] in WHITESPACE:
                article_end -= 1
            if article_end < at:
                for start in (article_end - 7, article_end - 3, article_end - 2):
                    if start >= 0 and (match := _APPROX_ALONE.match(text, start)):
                        found[start] = match
                        break
            at = lowered.find(noun, at + 1)
    return [found[start] for start in sorted(found)]


def _times_matches(text: str) -> list[regex.Match[str]]:
    """The matches of _TIMES_ALONE ("x 3", "×2"), tried only at an "x" or "×" after no letter or digit.

    A scan of the pattern tries every position; "x" ends many French words (deux, aux, prix),
    where the look-behind fails: an ASCII letter or digit before it is ruled out here.
    """
    found = []
    for sign in ("x", "×"):
        at = text.find(sign)
        while at != -1:
            before = text[at - 1:at]
            if not (before.isascii() and before.isalnum()) and (match := _TIMES_ALONE.match(text, at)):
                found.append(match)
            at = text.find(sign, at + 1)
    found.sort(key=lambda match: match.start())
    return found


# "un", "une" are most often articles: only a unit, a currency, a scale... after them makes a figure
# ("un euro", "un million"). Every word that can begin such a reading; after any other word, a
# lone "un" is not read at all (see _is_article), which _read_candidate would conclude more slowly.
_AFTER_ONE = frozenset(
    word.lower()
    for key in (*french.SCALE_WORDS, *french.SCALE_SYMBOLS, *french.CURRENCIES, *french.UNIT_WORDS,
                *french.UNIT_SYMBOLS, *french.PRENOMINAL_ADJECTIVES,
                "pour", "pourcent", "pourcents", "point", "points", "pt", "pts", "pp")  # percent, points
    for word in regex.findall(r"\p{L}+", key)[:1]
)
_NEXT_WORD = regex.compile(r"\s(\p{L}+)")

# _WORDS_LOWER without the lone "un", "une" that _is_article certainly drops, so that the scan does
# not yield them (most of its matches in press text). The guard after "u" recognises, in the
# lower-cased text, what _is_article checks in the text: "un", "une", one space (\s), then a word
# (\p{L}+) not in _AFTER_ONE, and no "par" before. It reads a word only when all its letters are
# among _ARTICLE_LETTERS and the character after it is ASCII but no letter (or the end): what
# lower-cases to those letters is a letter to ``regex``, and what lower-cases to an ASCII
# character that is no letter is that character (tests/test_scans.py checks every character),
# so that \p{L}+ ends there too. Neither a number word nor "et" is such a word: "un deux",
# "un et deux" are no lone "un". "par" is ruled out where _is_article's look-back could find it:
# the character before the one before the words is no space (str.isspace(), what rstrip takes),
# and the three before those are not "par". Every other lone "un", "une" is yielded as before.
_ARTICLE_LETTERS = "a-zàâäçéèêëîïôöùûüÿœæ"
_NOT_AFTER_ARTICLE = "|".join(map(re.escape, sorted(_AFTER_ONE | set(NUMBER_WORDS) | {"et"}, key=len, reverse=True)))
_ARTICLE = (
    rf"(?s:(?<!par..)(?<![{WHITESPACE}\x1c-\x1f]..))"  # at the letter after "u"; "." takes any character
    rf"ne?{_RE_SPACE}(?!(?:{_NOT_AFTER_ARTICLE})(?![{_ARTICLE_LETTERS}]))[{_ARTICLE_LETTERS}]+(?=[\x00-\x40\x5b-\x60\x7b-\x7f]|\Z)"
)
_WORDS_LOWER_NO_ARTICLE = _words_lower(_by_first_letter(_WORDS_BY_LENGTH, {"u": f"(?!{_ARTICLE})"}))

_MONTH = f"(?:{french.MONTHS})(?![\\p{{L}}])"
# Spans that contain digits but are not quantities.
_NOT_QUANTITY_PATTERNS = [
    r"(?<![\d.])\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d])",  # 12/11/25
    r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",  # 2025-11-12
    rf"(?<![\p{{L}}\p{{N}}])(?:1er|\d{{1,2}})(?:{_SP}|\s)+{_MONTH}(?:\s+\d{{4}})?",  # 28 janvier 2025
    rf"{_MONTH}\s+\d{{4}}(?!\d)",  # septembre 2025
    rf"(?<![\p{{L}}\p{{N}}])(?:1er|\d{{1,2}})(?:\s*(?:,|et|au|à|-|–)\s*(?:1er|\d{{1,2}}))+(?:{_SP}|\s)+{_MONTH}",  # du 3 au 5 mars
    r"(?<![\d:])\d{1,2}\s?[h:]\s?\d{2}(?![\d])",  # 22:49, 10h30
    r"(?<![\d+])(?:\+33\s?(?:\(0\)\s?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)",  # 06 08 77 61 02
    r"(?<![\d+])0\s?[89]\d{2}(?:\s?\d{3}){2}(?!\d)",  # 0 800 123 456
    rf"(?<![\p{{L}}\p{{N}}])\d{{1,4}}(?:\s*(?:bis|ter|quater))?,?\s+(?:{french.STREET_WORDS})(?![\p{{L}}])",  # 12 rue de la Paix
    r"(?<![\p{N}.,])\d{5}\s+(?:(?-i:\p{Lu})|cedex)",  # 75013 Paris
    r"(?<![\d])(?:1[89]|20|21)\d{2}\s?[-–/]\s?(?:(?:1[89]|20|21)\d{2}|\d{2})(?![\d])",  # 2024-2025
    rf"(?<![\p{{L}}])(?:{french.LABEL_WORDS})\s*\d+(?:[.,]\d+)*",  # Article 51
    r"(?<![\d/])\d+/\d+(?![\d/])",  # 24/7, 3/4
    r"https?://\S+",
    r"www\.\S+",
    r"[\w.+-]+@[\w-]+\.[\w.-]+",  # an e-mail address: looked for only before an @
]
# As one pattern (what the exclusion means); _Excluded scans each alternative on its own, which
# gives the same spans several times faster (see _excluded_spans).
NOT_QUANTITIES = "|".join(_NOT_QUANTITY_PATTERNS)  # case-insensitive


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern compiled on first use: compiling them all costs a short run's start-up."""
    return regex.compile(pattern, flags)


def _part(index: int) -> regex.Pattern[str]:
    """Alternative ``index`` of NOT_QUANTITIES, on its own."""
    return _compiled(_NOT_QUANTITY_PATTERNS[index], regex.IGNORECASE)


_EMAIL = len(_NOT_QUANTITY_PATTERNS) - 1
_MONTH_YEAR = 3  # "septembre 2025": looked for only before a year
assert _NOT_QUANTITY_PATTERNS[_MONTH_YEAR].startswith(_MONTH)
_MONTH_LENGTH = max(len(word) for word in french.MONTHS.split("|"))  # of the pattern: no shorter than a match
_MONTH_ENDS = regex.compile(rf"(?r)(?:{french.MONTHS})", regex.IGNORECASE)  # a month name ending at the slice's end
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
_AT_DIGITS_INDICES = tuple(index for index in range(len(_NOT_QUANTITY_PATTERNS)) if index not in (_MONTH_YEAR, _LABEL, _URL, _WWW, _EMAIL))


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
    (_beginnings(french.MONTHS, 2), 2), (_beginnings(",|et|au|à|-|–", 1), 1),
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
        12: following == "/",  # 24/7
    }
    return conditions[index]


_AT_DIGITS_FOLLOWING = frozenset("/.-–,:eEaAàÀhHbBtTqQ")  # the characters _could_start_at_digits names


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

_SCALE_WORD = regex.compile(
    rf"{_SP}?(?P<scale>(?i:milliards?|millions?|billions?|mille|mds|mrds?|mios?))(?![\p{{L}}])"
    rf"|{_SP}?(?P<symbol>Mds|Mrd|Md|Mn|M|k|K)(?![\p{{L}}])"
)
_CURRENCY = regex.compile(
    r"\s?(?P<currency>€|US\$|C\$|\$|£|¥|(?i:(?:dollars?|livres?|francs?)\s+\p{L}+|euros?|dollars?|yens?|yuans?)"
    r"|EUR|USD|GBP|CHF|JPY|CAD|CNY)(?![\p{L}])"
)
_CURRENCIES_BEFORE = ("€", "US$", "C$", "$", "£", "¥", "EUR", "USD", "GBP", "CHF")
_CURRENCY_BEFORE = regex.compile(rf"(?P<currency>{'|'.join(map(regex.escape, _CURRENCIES_BEFORE))})\s?$")
# The last characters of those currencies: a text that ends otherwise (spaces left out) has none.
_CURRENCY_BEFORE_LAST = frozenset(currency[-1] for currency in _CURRENCIES_BEFORE)
_PERCENT = regex.compile(r"\s?(?:%|(?i:pour\s?cents?|pourcents?)(?![\p{L}]))")
_POINTS = regex.compile(
    r"\s(?i:points?\s+de\s+pourcentage|pts?\s+de\s+pourcentage|points?\s+%|pp)(?![\p{L}])"
)
_ABOUT_AFTER = regex.compile(r"[ \u00a0\u202f]+(?i:environ)(?![\p{L}])")
_LESS_AFTER = regex.compile(r"\s+(?i:moins)(?![\p{L}])")
_ABOUT_SPACES, _ABOUT_WORD = " \u00a0\u202f", len("environ")
_LESS_WORD = len("moins")
_FOIS = regex.compile(r"\s(?i:fois)(?![\p{L}])")
_UNIT_SYMBOL = regex.compile(
    r"\s?(?P<unit>" + "|".join(regex.escape(u) for u in sorted(french.UNIT_SYMBOLS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}'’ʼ-])"
)
_UNIT_WORD = regex.compile(
    r"(?:\s|(?<=['’ʼ]))(?P<unit>" + "|".join(regex.escape(u) for u in sorted(french.UNIT_WORDS, key=len, reverse=True))
    + r")(?![\p{L}\p{N}'’ʼ-])",
    regex.IGNORECASE,
)
_CENTS = regex.compile(r"[ \u00a0\u202f]?(?P<cents>\d\d)(?![\d,.]\d|\d|\p{L})")
_AND_HALF = regex.compile(r"\s+et\s+demie?(?![\p{L}])", regex.IGNORECASE)
_NOUN = regex.compile(rf"(?:(?:{_SP}|\s)+|(?<=['’ʼ]))(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])")
_DE_NOUN = regex.compile(rf"(?:{_SP}|\s)+{_DE}(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])", regex.IGNORECASE)
# "une dizaine de projets", "1 000 000 d'euros": a "de" between a noun-like number and what it counts.
_DE_AFTER = regex.compile(rf"(?:{_SP}|\s)+(?i:d{_APOS}|de(?=\s))")
_ORDINAL_SUFFIXES = "ièmes?|iemes?|èmes?|emes?|ème|e|è|ers?|ères?|eres?|res?|nde?s?|ᵉʳᵉ|ᵉʳ|ʳᵉ|ᵉ|°"
_ORDINAL = regex.compile(rf"(?:{_ORDINAL_SUFFIXES})(?![\p{{L}}\p{{N}}])")
_ORDINAL_FIRST = frozenset(suffix[0] for suffix in _ORDINAL_SUFFIXES.split("|"))  # case-sensitive: no other
assert not _ORDINAL_FIRST & set("\\()[]?*+.|")
_LETTER_AFTER = regex.compile(r"\p{L}")
# A qualifier that ends where a number begins ("plus de 300"): what its leftmost match in the text
# before the number means, a search that tries every start of that text (case-insensitive).
QUALIFIER_BEFORE = "(?:" + "|".join(
    f"(?P<{name}>(?<![\\p{{L}}])(?:{'|'.join(patterns)}))" for name, patterns in french.QUALIFIERS_BEFORE.items()
) + r")$"
# The same match found in one try, backwards from the end ((?r)): POSIX matching ((?p)) takes the
# longest match that ends there, which begins where the leftmost one does; no two kinds of
# qualifier spell the same words, so that it is of the same kind (tests/test_extractor_speed.py).
_QUALIFIER_BEFORE = regex.compile(f"(?rp){QUALIFIER_BEFORE}", regex.IGNORECASE)
_ENUMERATOR_AFTER = regex.compile(r"[.)](?:\s|$)")
_LINE_START = regex.compile(r"(?:^|\n)[ \t\u00a0•·*–—-]*$")
_FACTOR_BEFORE = regex.compile(r"(?<![\p{L}])(?i:\p{L}*multipli\w*|divis\w*)\s+par\s+$")
_RANGE_CONNECTOR = regex.compile(r"\s+(?i:et|à|a)\s+|\s*[-–]\s*")
_ENTRE_BEFORE = regex.compile(r"(?<![\p{L}])(?i:entre)\s+$")
_DE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:de|d{_APOS}|du)\s*$")
_CHANGE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])[^.\n;]{{0,60}}$")
_TIME_BEFORE = regex.compile(r"(?<![\p{L}])(?i:à|vers|dès|avant|après|jusqu['’ʼ]à|de|entre|et)\s*$")
_NAME_BEFORE = regex.compile(r"(?P<name>\p{Lu}[\p{L}\p{N}_&-]*)\s$")
_SENTENCE_OPENING = regex.compile(r"(?:^|[\n.!?:;«\"“(–—•-])\s*$")
_YEAR = regex.compile(r"(?:1[89]|20|21)\d\d")
_DE_SHORT = regex.compile(rf"\s*{_DE}", regex.IGNORECASE)
_MONTH_WORD = regex.compile(french.MONTHS, regex.IGNORECASE)
_LETTERS = regex.compile(r"[\p{L}]+")

# What can follow a number, as one pattern: the alternatives _read_after tries in turn, the first
# that matches wins (one call instead of up to eight). The group that matched names the reading
# (found by its number, see below: ``regex``'s lastgroup can name a group inside it).
_AFTER_PARTS = (
    ("scaled", _SCALE_WORD.pattern), ("money", _CURRENCY.pattern), ("percent", _PERCENT.pattern),
    ("points", _POINTS.pattern), ("times", _FOIS.pattern), ("unit_symbol", _UNIT_SYMBOL.pattern),
    ("unit_word", f"(?i:{_UNIT_WORD.pattern})"), ("counted", _NOUN.pattern),
)
_AFTER = regex.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _AFTER_PARTS))
# The groups of each alternative are numbered from its own group on: any group that matched (the
# match's lastindex) says which alternative matched, by bisection among those first numbers.
_AFTER_FIRST_GROUPS = tuple(_AFTER.groupindex[name] for name, _ in _AFTER_PARTS)
_AFTER_NAMES = tuple(name for name, _ in _AFTER_PARTS)
assert list(_AFTER_FIRST_GROUPS) == sorted(_AFTER_FIRST_GROUPS) and _AFTER_FIRST_GROUPS[0] == 1
assert not {name for name, _ in _AFTER_PARTS} & {  # an outer name shared with an inner group would merge them
    name for pattern in (_SCALE_WORD, _CURRENCY, _PERCENT, _POINTS, _FOIS, _UNIT_SYMBOL, _UNIT_WORD, _NOUN) for name in pattern.groupindex
}
assert not _AFTER.flags & regex.IGNORECASE and _UNIT_WORD.flags & regex.IGNORECASE
assert not any(pattern.flags & regex.IGNORECASE for pattern in (_SCALE_WORD, _CURRENCY, _PERCENT, _POINTS, _FOIS, _UNIT_SYMBOL, _NOUN))

_LOOK_BEHIND = 48


class _Reading(NamedTuple):
    """What the words after a number say it is (internal to the extractor; a tuple: one is built
    for most candidates, and a tuple is built several times faster than a frozen dataclass)."""

    end: int
    kind: str
    unit: str  # ISO currency code, or a pint unit
    scale: int = 1
    noun: str | None = None
    add: Decimal = Decimal(0)  # "deux ans et demi", "3 € 50"
    strong: bool = True  # a unit or currency, not only a noun
    half_unit: Decimal | None = None  # the precision, when what follows the number sets it ("3 € 50")


@lru_cache(maxsize=8192)
def singular(noun: str) -> str:
    """The singular, lower-case form of a French counted noun (``Tiers-Lieux`` -> ``tiers-lieu``)."""
    return "-".join(_singular_word(part) for part in noun.lower().split("-"))


def _singular_word(word: str) -> str:
    if word in french.INVARIABLE_NOUNS or len(word) <= 3:
        return word
    if word in french.IRREGULAR_PLURALS:
        return french.IRREGULAR_PLURALS[word]
    if word.endswith(("eaux", "eux", "oux")):  # bureaux, jeux, bijoux (irregulars above)
        return word[:-1]
    if word.endswith("aux"):  # hôpitaux, journaux
        return word[:-3] + "al"
    if not word.endswith("s") or word.endswith(("ss", "ès")):  # stress, accès, succès
        return word
    if word.endswith(("ais", "ois")) and word[:-1] not in french.NOUNS_IN_AI_OI:
        return word  # palais, bois, chinois; but emplois, essais
    return word[:-1]


def _read_after(text: str, pos: int, allow_noun: bool, takes_de: bool = False) -> _Reading | None:
    """Read scale, currency, percent, unit or counted noun right after a number ending at pos.

    ``takes_de``: the number is itself a noun (``une dizaine``, ``1 000 000``), so what it counts
    follows a ``de``, as after ``millions``: ``une dizaine de projets``, ``1 000 000 d'euros``.
    """
    if takes_de and (de := _DE_AFTER.match(text, pos)) and not _SCALE_WORD.match(text, pos):
        inner = _read_after(text, de.end(), allow_noun)
        if inner is not None and (inner.kind not in ("number", "percent", "percentage_point", "factor") or inner.scale != 1):
            return inner
    match = _AFTER.match(text, pos)
    if match is None:
        return None
    what = _AFTER_NAMES[bisect.bisect_right(_AFTER_FIRST_GROUPS, match.lastindex) - 1]
    if what == "scaled":
        return _read_after_scale(text, pos, match)
    if what == "money":
        return _money(text, match, 1, pos)
    if what == "percent":
        return _Reading(match.end(), "percent", "percent")
    if what == "points":
        return _Reading(match.end(), "percentage_point", "percentage_point")
    if what == "times":
        return _Reading(match.end(), "factor", "times")
    if what == "unit_symbol" or what == "unit_word":
        unit_name = match.group("unit")
        kind, unit = french.UNIT_SYMBOLS[unit_name] if what == "unit_symbol" else french.UNIT_WORDS[unit_name.lower()]
        if half := _AND_HALF.match(text, match.end()):  # "deux ans et demi": to the half year
            return _Reading(half.end(), kind, unit, add=Decimal("0.5"), half_unit=Decimal("0.25"))
        return _Reading(match.end(), kind, unit)
    if allow_noun:  # what == "counted"
        noun = match.group("noun")
        end = match.end()
        lower = noun.lower()
        if lower in french.PRENOMINAL_ADJECTIVES:
            if unit_match := _UNIT_WORD.match(text, end):
                kind, unit = french.UNIT_WORDS[unit_match.group("unit").lower()]  # "les six premiers mois"
                return _Reading(unit_match.end(), kind, unit)
            if (following := _NOUN.match(text, end)) and following.group("noun").lower() not in french.NOT_NOUNS:
                noun, end = following.group("noun"), following.end()
                lower = noun.lower()
        if lower not in french.NOT_NOUNS and not _MONTH_WORD.fullmatch(noun):
            return _Reading(end, "count", "count", noun=singular(noun), strong=False)
    return None


def _read_after_scale(text: str, pos: int, match: regex.Match[str]) -> _Reading | None:
    """What follows a number and its scale (``match``, of _SCALE_WORD): a currency, a counted noun."""
    if match.group("scale"):
        scale = french.SCALE_WORDS[match.group("scale").lower()]
    else:
        scale = french.SCALE_SYMBOLS[match.group("symbol")]
    after_scale = match.end()
    # Money: [scale] [de|d'] currency
    currency_at = after_scale
    if de := _DE_SHORT.match(text[after_scale:after_scale + 8]):
        currency_at = after_scale + de.end()
    if currency := _CURRENCY.match(text, currency_at) or (currency_at != after_scale and _CURRENCY.match(text, after_scale)):
        return _money(text, currency, scale, after_scale)
    if noun_match := _DE_NOUN.match(text, after_scale):
        noun = noun_match.group("noun")
        if noun.lower() not in french.NOT_NOUNS:
            return _Reading(noun_match.end(), "count", "count", scale, singular(noun))
    if not match.group("scale") and text[pos:after_scale].strip() in ("k", "K"):
        return None  # "20 k" alone: a kilo of what?
    return _Reading(after_scale, "number", "count", scale)


def _money(text: str, match: regex.Match[str], scale: int, after_scale: int) -> _Reading | None:
    """The reading of a currency (``match``, with its group ``currency``) after a number and its scale."""
    code = french.CURRENCIES.get(match.group("currency").lower()) or french.CURRENCIES.get(match.group("currency"))
    if code is None:  # "livres de cuisine": a name that is not a currency
        words = match.group("currency").lower().split()
        code = french.CURRENCIES.get(words[0]) if words[0] not in ("livre", "livres", "franc", "francs") else None
        if code is None:
            return None if scale == 1 else _Reading(after_scale, "number", "count", scale)
        end = match.start("currency") + len(words[0])
        return _Reading(end, "money", code, scale)
    if scale == 1 and match.group("currency") == "€" and (cents := _CENTS.match(text, match.end())) and not _read_after(text, cents.end(), True):
        # "3 € 50", "3€50": euros then cents, the way prices are written in shops
        return _Reading(cents.end(), "money", code, add=Decimal(cents.group("cents")) / 100, half_unit=Decimal("0.005"))
    return _Reading(match.end(), "money", code, scale)


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    window = text[max(0, start - _LOOK_BEHIND):start]
    if not window.rstrip(WHITESPACE).lower().endswith(french.QUALIFIER_ENDINGS):
        return "exact", start
    match = _QUALIFIER_BEFORE.search(window)
    if not match:
        return "exact", start
    for name in ("at_most", "at_least", "about"):
        if match.group(name) is not None:
            return name, start - (len(window) - match.start())
    return "exact", start


def _interval(value: float, written: float, qualifier: str, loose: float | None = None) -> tuple[float | None, float | None]:
    """The values a figure allows: ``written``, the rounding of its last written digit, for an
    exact figure; ``loose``, the rounding of its last digit other than a trailing zero, for
    ``environ`` (see ABOUT_RELATIVE)."""
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    if qualifier == "about":
        spread = max(written if loose is None else loose, abs(value) * ABOUT_RELATIVE)
        return value - spread, value + spread
    return value - written, value + written


def _precision(parsed: ParsedNumber, reading: _Reading | None, value: Decimal) -> Decimal:
    """Half the unit an exact figure was rounded to, before its scale (see checker.numbers).

    Before a scale word or a unit, the digits written are the precision the writer chose
    (``30 millions``: 29,5 to 30,5 millions; ``3 ans``; ``20 %``). A bare count may be a round
    figure (``8 000 apprenants``): it keeps the rounding of its last digit other than a trailing
    zero, but never more than ``environ`` allows (ABOUT_RELATIVE).
    """
    if reading is not None and reading.half_unit is not None:
        return reading.half_unit  # "3 € 50", "deux ans et demi"
    if reading is not None and (reading.strong or reading.scale != 1):
        return parsed.digit_half
    relative = abs(value) * Decimal(str(ABOUT_RELATIVE))
    return max(parsed.digit_half, min(parsed.half_unit, relative))


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
        # "www.": only "w" and "W" are a "w" to IGNORECASE (tests/test_extractor_speed.py)
        ((match.start(), match.end()) for match in (_part(_WWW).finditer(text, overlapped=True) if "w." in text or "W." in text else ())),
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


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance. Never raises on any string."""
    excluded = _excluded_spans(text)  # sorted, disjoint
    after = 0  # how many excluded spans start at or before the candidate: candidates come in order
    found: list[Quantity] = []
    consumed = 0  # end of the last figure's surface: what it read is not read twice
    for candidate in _candidates(text, articles=False):  # an article left out would only be skipped below
        if candidate.start < consumed:
            continue
        while after < len(excluded) and excluded[after][0] <= candidate.start:
            after += 1
        if after and excluded[after - 1][1] > candidate.start or after < len(excluded) and excluded[after][0] < candidate.end:
            continue  # inside a date, a phone number..., or one starts inside the candidate
        if candidate.kind == _WORDS_KIND and _is_article(text, candidate):
            continue
        quantity = _read_candidate(text, candidate, consumed)
        if quantity is not None:
            found.append(quantity)
            consumed = quantity.end
    return infer_units(text, _merge_ranges(text, found))


def _is_article(text: str, candidate: _Candidate) -> bool:
    """A lone "un", "une" before a word that begins no unit, currency or scale: an article.

    What _read_candidate would decide, cheaply: "un projet" is no figure, "un million" and
    "multiplié par un" are read in full.
    """
    if candidate.number.lower() not in ("un", "une"):
        return False
    following = _NEXT_WORD.match(text, candidate.end)
    if following is None or following.group(1).lower() in _AFTER_ONE:
        return False
    return not text[max(0, candidate.start - 30):candidate.start].rstrip().lower().endswith("par")


def _read_candidate(text: str, candidate: _Candidate, floor: int = 0) -> Quantity | None:
    """Read one candidate number; its surface may not reach back before ``floor`` (the last figure)."""
    number_start, number_end = candidate.start, candidate.end
    approximate = False
    words = False
    digits = candidate.number if candidate.kind == _DIGITS_KIND else None
    if digits is not None:
        try:
            parsed = parse_digits(digits)
        except ValueError:
            return None
    elif candidate.kind == _APPROX_KIND:
        number = APPROXIMATE_WORDS.get(candidate.number.casefold())  # "ſoixantaine" is "soixantaine" to (?i)
        if number is None:
            return None
        parsed = ParsedNumber(Decimal(number), Decimal(number) / 2)
        approximate = True
    elif candidate.kind == _WORDS_KIND:
        words = True
        try:
            parsed = parse_words(candidate.number)
        except ValueError:
            first = _LETTERS.match(candidate.number)
            if first is None:
                return None
            try:
                parsed = parse_words(first.group())
            except ValueError:
                return None
            number_end = number_start + first.end()
    else:
        try:
            parsed = parse_digits(candidate.number)
        except ValueError:  # "x٣": digits of another script after the "x"
            return None
        value = float(parsed.value)
        low, high = _interval(value, float(parsed.digit_half), "exact")
        return Quantity(number_start, number_end, text[number_start:number_end], "factor", value, "times",
                        low, high, "exact", None, candidate.number_start, number_end)

    if digits is not None:
        # the character after the number decides whether each pattern below can match at all
        following = text[number_end:number_end + 1]
        if following in _ORDINAL_FIRST and _ORDINAL.match(text, number_end):
            return None
        letter_after = following.isalpha() if following.isascii() else _LETTER_AFTER.match(text, number_end)
        if letter_after and not (
            _PERCENT.match(text, number_end) or _SCALE_WORD.match(text, number_end)
            or _UNIT_SYMBOL.match(text, number_end) or _CURRENCY.match(text, number_end)
        ):
            return None  # 5G, 3D, 5MART: a name
        if following in (".", ")") and _ENUMERATOR_AFTER.match(text, number_end) and _LINE_START.search(text[max(0, number_start - 12):number_start]) and len(digits) <= 2:
            return None  # "1. Formation des professionnels"

    # A million or more written in digits is a noun, like "millions": "1 000 000 d'euros".
    takes_de = approximate or digits is not None and parsed.value >= 10**6
    reading = _read_after(text, number_end, allow_noun=True, takes_de=takes_de)
    factor_window = max(0, number_start - 30, floor)  # what the last figure read is not read again
    factor_text = text[factor_window:number_start]
    factor_before = _FACTOR_BEFORE.search(factor_text) if factor_text.rstrip(WHITESPACE)[-3:].lower() == "par" else None
    if digits is not None and number_start >= 2 and text[number_start - 1] == "-" and text[number_start - 2].isdigit():
        if reading is None or not reading.strong or reading.kind == "number":
            return None  # "2019-774", "3-1": only "10-15 %", "18-25 ans" are a range
    if words:
        # "un", "une" alone are articles ("un projet"), but one of a unit is a figure: "un an", "un euro"
        bare_one = parsed.value == 1 and (reading is None or not reading.strong or reading.kind == "factor") and not (reading and reading.add)
        if (reading is None or bare_one) and not factor_before:
            return None  # number words count something, or multiply: "multiplié par deux"

    before_number = number_start
    currency_text = text[max(0, number_start - 5, floor):number_start]
    currency_before = _CURRENCY_BEFORE.search(currency_text) if currency_text.rstrip(WHITESPACE)[-1:] in _CURRENCY_BEFORE_LAST else None
    if currency_before and (reading is None or reading.kind in ("number", "count")):
        code = french.CURRENCIES.get(currency_before.group("currency").lower())
        if code:
            scale = reading.scale if reading is not None else 1
            end = reading.end if reading is not None and reading.kind == "number" else number_end
            reading = _Reading(end, "money", code, scale)
            before_number = number_start - (len(currency_before.group()))
    negative = False
    if digits is not None and before_number > floor and text[before_number - 1] in "-−":
        if before_number == 1 or text[before_number - 2] in " \t\n(":
            negative, before_number = True, before_number - 1

    if reading is not None and reading.unit == "hour" and _TIME_BEFORE.search(text[max(0, before_number - 12):before_number]):
        return None  # "à 14 h": a time of day

    if digits is not None and (reading is None or not reading.strong):
        compact = digits.strip()
        if _YEAR.fullmatch(compact) and (reading is None or not reading.noun or reading.noun in ("an", "année")):
            return None  # en 2026, d'ici 2030, France 2030
        if _YEAR.fullmatch(compact) and reading is not None and not reading.noun.endswith(("s", "x")) and not text[number_end:reading.end].rstrip().endswith(("s", "x")):
            return None  # "2025 doit", "2030 année": a year followed by a word
        if (reading is None or "." in compact and "," not in compact) and _is_name_label(text, number_start):
            return None  # DALVIA 2.0, Windows 11, "L'Industrie 4.0 arrive" (a dotted version, not a count)

    divided = False
    if (reading is None or reading.kind in ("count", "number")) and factor_before and before_number == number_start:
        reading = _Reading(number_end, "factor", "times")
        before_number = factor_window + factor_before.start()  # "multiplié par 3" is the figure
        divided = factor_before.group().lower().startswith("divis")
    elif reading is not None and reading.kind == "factor" and _word_after_spaces(_LESS_AFTER, text, reading.end, WHITESPACE, _LESS_WORD):
        divided = True  # "deux fois moins": half as much

    qualifier, start = _qualifier_before(text, before_number)
    if start < floor:
        qualifier, start = "exact", before_number
    if words and qualifier == "about" and text[start:before_number].lower().startswith("autour"):
        # "structurée autour de trois objectifs": around what, not about how many
        qualifier, start = "exact", before_number
    if approximate:
        qualifier, start = "about", number_start
    end = reading.end if reading is not None else number_end
    if qualifier == "exact" and (about_after := _word_after_spaces(_ABOUT_AFTER, text, end, _ABOUT_SPACES, _ABOUT_WORD)):
        qualifier, end = "about", about_after.end()  # "350 projets environ"
    kind = reading.kind if reading is not None else "number"
    unit = reading.unit if reading is not None else "count"
    scale = Decimal(reading.scale) if reading is not None else Decimal(1)
    value = (parsed.value + (reading.add if reading else 0)) * scale
    written = _precision(parsed, reading, parsed.value + (reading.add if reading else 0)) * scale
    loose = parsed.half_unit * scale
    if negative:
        value = -value
    factor = 1.0
    if kind in units.CANONICAL and kind not in ("count", "number", "percent", "percentage_point", "factor"):
        factor = units.factor(unit, kind)
        unit = units.CANONICAL[kind]
    value_f = float(value) * factor
    low, high = _interval(value_f, float(written) * factor, qualifier, float(loose) * factor)
    if divided and value_f:
        # "divisé par 4": the thing became a quarter of itself, a factor of 0.25
        value_f, low, high = 1 / value_f, (1 / high if high else None), (1 / low if low else None)
    return Quantity(start, end, text[start:end], kind, value_f, unit, low, high, qualifier,
                    reading.noun if reading is not None else None, number_start, number_end)


def _word_after_spaces(pattern: regex.Pattern[str], text: str, pos: int, spaces: str, length: int) -> regex.Match[str] | None:
    """``pattern.match(text, pos)`` for a pattern of ``spaces`` then a word of ``length`` letters
    (then a look-ahead at one character).

    The match is bounded to just past the word: unbounded, ``regex`` looks for the word up to the
    end of the text before it tries the position, which costs as much as the text is long.
    """
    end = pos
    while end < len(text) and text[end] in spaces:
        end += 1
    if end == pos:
        return None
    return pattern.match(text, pos, end + length + 1)


def _is_name_label(text: str, number_start: int) -> bool:
    match = _NAME_BEFORE.search(text[max(0, number_start - 40):number_start])
    if not match:
        return False
    name = match.group("name")
    if name in french.SENTENCE_WORDS:
        return False
    if len(name) >= 2 and name.isupper():
        return True
    before_name = text[max(0, number_start - 40):number_start][: match.start()]
    return not _SENTENCE_OPENING.search(before_name)


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``entre 10 et 20 %`` is one range; ``de 1500 à 7 litres`` gives its unit to both figures."""
    merged: list[Quantity] = []
    index = 0
    while index < len(found):
        first = found[index]
        if index + 1 < len(found):
            second = found[index + 1]
            between = text[first.end:second.start]
            joined = _join_range(text, first, second, between)
            if joined is not None:
                merged.extend(joined)
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


def _join_range(text: str, first: Quantity, second: Quantity, between: str) -> list[Quantity] | None:
    if len(between) > 6 or not _RANGE_CONNECTOR.fullmatch(between):
        return None
    connector = between.strip().lower()
    prefix = text[max(0, first.start - 60):first.start]
    # "entre 10 et 20" (and the common slip "entre 20 à 30 %"); "de 6 à 14 ans"; and a bare
    # "3 à 5 jours", "10-15 %": two figures joined by "à" or a dash, the first one without unit.
    is_between = connector in ("et", "à", "a") and _ENTRE_BEFORE.search(prefix)
    is_from = not is_between and connector in ("à", "a", "-", "–") and _DE_BEFORE.search(prefix)
    is_bare = not (is_between or is_from) and connector in ("à", "-", "–")
    if not (is_between or is_from or is_bare):
        return None
    if is_bare and not (first.qualifier == second.qualifier == "exact" and second.kind != "number"
                        and _number_value(text, first) < _number_value(text, second)):
        return None
    if first.kind == "number" and second.kind != "number" and first.qualifier == "exact":
        # the first figure borrows the second's unit: "de 1500 à 7 litres", "entre 5 et 10 M€"
        ratio = second.value / _number_value(text, second) if _number_value(text, second) else 1.0
        value = _number_value(text, first) * ratio
        half = (first.high - first.low) / 2 * ratio if first.low is not None and first.high is not None else 0.0
        first = replace(first, kind=second.kind, unit=second.unit, value=value, low=value - half,
                        high=value + half, noun=second.noun)
    elif first.kind != second.kind or first.unit != second.unit:
        return None
    change = _CHANGE_BEFORE.search(prefix)
    if is_from and (change or first.value > second.value):
        return [first, second]  # "passant de 7 % à 21 %": a change, two figures
    low, high = min(first.value, second.value), max(first.value, second.value)
    start = first.start
    if is_between and first.qualifier == "exact":
        start -= len(prefix) - is_between.start()  # "entre 10 et 20": "entre" makes it a range
    return [Quantity(start, second.end, text[start:second.end], second.kind, (first.value + second.value) / 2,
                     second.unit, low, high, "range", second.noun, first.number_start, second.number_end)]


def _number_value(text: str, quantity: Quantity) -> float:
    surface = text[quantity.number_start:quantity.number_end]
    try:
        return float(parse_digits(surface).value)
    except ValueError:
        try:
            return float(parse_words(surface).value)
        except ValueError:
            return 0.0
