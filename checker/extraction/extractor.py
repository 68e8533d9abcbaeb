"""Find every figure in French text and normalise it: money, counts, percentages, durations...

One compiled pattern finds candidate numbers (digits or number words); each candidate is then read
the way a French reader reads it, by looking at the words just after it (scale, currency, unit,
counted noun) and just before it (qualifier, currency symbol, range). Dates, years, times, phone
numbers, ordinals, list enumerators and names that contain digits are recognised and left out.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from decimal import Decimal
from typing import Any, NamedTuple

import regex

from checker import french
from checker.extraction import units
from checker.extraction.infer import infer_units
from checker.extraction.language import is_english
from checker.extraction.stretches import stretches
from checker.extraction.numbers import (
    APPROXIMATE_WORDS, NUMBER_WORDS, VULGAR_FRACTIONS, ParsedNumber, only_english, parse_digits, parse_english_digits,
    parse_words, reads_differently_in_english,
)

from checker.extraction.quantity import ABOUT_RELATIVE, KINDS, QUALIFIERS, SCALED_RELATIVE_MAX, Quantity  # noqa: F401 (KINDS, QUALIFIERS: named here too)


class _Lazy:
    """A ``regex`` pattern compiled when first used: most of them serve rare forms ("la moitié",
    "moins 5 degrés"), and compiling every pattern costs a short run's start-up."""

    __slots__ = ("args", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.args = (pattern, flags)
        self._pattern: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._pattern is None:
            self._pattern = regex.compile(*self.args)
        return self._pattern

    def match(self, *args: Any) -> regex.Match[str] | None:
        return self.compiled.match(*args)

    def search(self, *args: Any) -> regex.Match[str] | None:
        return self.compiled.search(*args)

    def fullmatch(self, *args: Any) -> regex.Match[str] | None:
        return self.compiled.fullmatch(*args)

    def finditer(self, *args: Any) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(*args)


# What ``regex`` calls ``\s`` (Python's str.isspace() also takes U+001C..U+001F).
WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_SP = r"[ \u00a0\u202f\u2009]"
_APOS = r"['’ʼ]"
_DE = rf"(?:d{_APOS}\s*|de\s+)"

_DIGITS = (
    r"(?:(?<![\p{L}\p{N}_])|(?<=(?<![\p{L}\p{N}_])[A-Z]{3}))(?<![\p{L}\p{N}][/.:,])(?<![\p{L}_]-)"  # "EUR29,99" too
    r"(?P<digits>\d{1,3}(?:" + _SP + r"\d{3})+(?:,\d+)?(?![\d])"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d,.])"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # English: 3,000,000 and 1,234.5
    r"|\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?(?![\d])"  # Swiss: 1'200, 1’500’000.50
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
# "la moitié", "le tiers", "le quart": a share, when what it is of follows (see _share_noun); "du
# tiers" after a qualifier of shares ("près du tiers des lits")
_SHARE = rf"(?<![\p{{L}}])(?:la|le|du)\s+(?P<share>{'|'.join(french.SHARE_NOUNS)})(?![\p{{L}}\p{{N}}'’ʼ-])"
# "½ litre": a fraction of one character alone (after digits, "2 ½" is read with them)
_VULGAR = f"(?<![\\p{{N}}])(?P<vulgar>[{''.join(VULGAR_FRACTIONS)}])"
_TIMES = r"(?<![\p{L}\p{N}])[x×]\s?(?P<times>\d+(?:,\d+)?)(?![\p{L}\p{N}])"
# What a candidate number is: the alternatives of one pattern, in this order (see _candidates).
CANDIDATE = f"{_DIGITS}|(?i:{_APPROX})|(?i:{_SHARE})|(?i:{_WORDS})|{_VULGAR}|{_TIMES}"
_DIGITS_ALONE = regex.compile(_DIGITS)
_APPROX_ALONE = regex.compile(f"(?i:{_APPROX})")
_SHARE_ALONE = _Lazy(f"(?i:{_SHARE})")
_VULGAR_ALONE = _Lazy(_VULGAR)
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
_DIGITS_KIND, _APPROX_KIND, _SHARE_KIND, _WORDS_KIND, _VULGAR_KIND, _TIMES_KIND = range(6)


class _Candidate(NamedTuple):
    """A number found by CANDIDATE: ``text[start:end]``, of one of the kinds above."""

    start: int
    end: int
    kind: int
    number: str  # the digits, the words, the collective noun (dizaine), the share noun (moitié), the fraction (½), or the digits after "x"
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
    share: tuple[Any, str] = (_SHARE_ALONE, text)
    if lowered_reads:
        nouns = _collective_nouns(lowered)  # "une dizaine": only where one of those nouns is
        approx = (_Found(_approx_matches(text, lowered, nouns) if nouns else []), text)
        share = (_Found(_share_matches(text, lowered)), text)  # "la moitié": only where such a noun is
    # "½": scanned for only in a text that has one of those characters (most have none)
    vulgar = (_Found(list(_VULGAR_ALONE.finditer(text)) if any(char in text for char in VULGAR_FRACTIONS) else []), text)
    scans: list[tuple[Any, str]] = [(_DIGITS_ALONE, text), approx, share, *words, vulgar, (_Found(_times_matches(text)), text)]
    kinds = (_DIGITS_KIND, _APPROX_KIND, _SHARE_KIND, *[_WORDS_KIND] * len(words), _VULGAR_KIND, _TIMES_KIND)  # of each scan
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
        elif kind == _SHARE_KIND:
            yield _Candidate(best_start, position, kind, match.group("share"), match.start("share"))
        elif kind == _VULGAR_KIND:
            yield _Candidate(best_start, position, kind, match.group("vulgar"), best_start)
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


def _share_matches(text: str, lowered: str) -> list[regex.Match[str]]:
    """The matches of _SHARE_ALONE ("la moitié"), tried only before the share nouns found in the
    lower-cased text (``lowered``, with the same offsets): "la", "le" or "du", then spaces, start there."""
    found: dict[int, regex.Match[str]] = {}
    for noun in french.SHARE_NOUNS:
        at = lowered.find(noun)
        while at != -1:
            article_end = at
            while article_end > 0 and text[article_end - 1] in WHITESPACE:
                article_end -= 1
            if article_end < at and article_end >= 2 and (match := _SHARE_ALONE.match(text, article_end - 2)):
                found[article_end - 2] = match
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
_FIRST_LETTERS = regex.compile(r"\p{L}+")


def _words_after_one() -> frozenset[str]:
    """The first words of every unit, currency, scale... in the singular (after "un" a plural,
    "un euros", is a slip: the singular is there too) and not an ISO code ("un EUR")."""
    words = {
        word.lower()
        for key in (*french.SCALE_WORDS, *french.SCALE_SYMBOLS, *french.CURRENCY_NAMES, *french.CURRENCY_SYMBOLS,
                    *french.QUALIFIED_CURRENCY_NAMES, *french.CURRENCY_SUBUNITS, *french.UNIT_WORDS, *french.FRACTION_WORDS,
                    *french.UNIT_SYMBOLS, *french.PRENOMINAL_ADJECTIVES,
                    "pour", "pourcent", "pourcents", "point", "points", "pt", "pts", "pp",  # percent, points
                    "demi")  # "un demi-million", "une demi-heure"
        for word in _FIRST_LETTERS.findall(key)[:1]
    }
    return frozenset(word for word in words if not (word.endswith(("s", "x")) and word[:-1] in words))


_AFTER_ONE = _words_after_one()
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

def _alternatives(words: Iterable[str], spaces: bool = False) -> str:
    r"""A pattern for any of ``words`` that takes the longest that matches, as ``a|b|...`` of them
    sorted longest first would (so that "millions" is not read "million"); with ``spaces``, a
    space in a word stands for any white space (``\s+``).

    The words are written as a tree of their common beginnings ("dollar(?:s(?:\s+us)?)?"):
    ``regex`` tries a long alternation of words one word at a time, the tree one letter at a time,
    several times faster on the currency and unit tables (tests/test_extractor_speed.py)."""
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


# A scale after a number: a word (french.SCALE_WORDS, any case), a symbol (french.SCALE_SYMBOLS,
# case-sensitive: "M" is a million, "m" a metre; a currency code may be glued to it, "12 MEUR",
# "450 kEUR", "2 MdUSD", as finance writes), or a collective noun ("trois douzaines", "deux
# centaines": numbers.APPROXIMATE_WORDS, approximate).
_SCALE_WORD = regex.compile(
    rf"{_SP}?(?P<scale>(?i:{_alternatives(french.SCALE_WORDS)}))(?![\p{{L}}])"
    rf"|{_SP}?(?P<symbol>{_alternatives(french.SCALE_SYMBOLS)})(?:(?![\p{{L}}])|(?=(?:{_alternatives(french.ISO_CODES)})(?![\p{{L}}])))"
    rf"|(?:\s+|(?<=-))(?P<collective>(?i:{_alternatives(APPROXIMATE_WORDS)})s?)(?![\p{{L}}])"  # after "demi-" too
)
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
# A currency written before a number: "$5", "C$10", "€ 3,5", "EUR 300", "EUR29,99".
_CURRENCY_BEFORE = regex.compile(
    rf"(?P<currency>(?<![\p{{L}}])[A-Z]{{1,3}}\$|{_alternatives(french.CURRENCY_SYMBOLS)}|(?<![\p{{L}}])(?:{_alternatives(french.ISO_CODES)}))\s?$"
)
# The last characters of those currencies: a text that ends otherwise (spaces left out) has none.
_CURRENCY_BEFORE_LAST = frozenset({"$", *french.CURRENCY_SYMBOLS, *(code[-1] for code in french.ISO_CODES)})
# After a currency named alone, what qualifies it: an adjective of nationality ("dollars
# australiens"), a country ("dollars de Namibie"), a code ("dollars HK").
_CURRENCY_QUALIFIER = _Lazy(
    r"\s+(?:(?i:de|des|du)\s+\p{Lu}\p{L}*|[A-Z]{2,3}|(?P<adjective>\p{Ll}[\p{L}-]*))(?![\p{L}])"
)
# Hundredths after an amount: "3 € 50", "15 euros 50", "15 dollars et 50 cents"
_SUBUNIT_AFTER = regex.compile(
    r"(?P<and>\s+(?i:et))?[ \u00a0\u202f]?(?P<cents>\d{1,2})(?![\d,.]\d|\d|\p{L})"
    rf"(?:[ \u00a0\u202f]+(?P<subunit>(?i:{_alternatives(french.CURRENCY_SUBUNITS)}))(?![\p{{L}}]))?"
)
# "20 centimes d'euro", "50 cents de dollar": the "de" before the currency of a subunit
_SUBUNIT_OF = _Lazy(rf"\s+{_DE}", regex.IGNORECASE)
_PERCENT = regex.compile(r"\s?(?:%|(?i:pour[\s-]?cents?|pourcents?|per\s?cent)(?![\p{L}]))")  # "per cent": English
_POINTS = regex.compile(
    r"\s(?i:points?\s+de\s+pourcentage|pts?\s+de\s+pourcentage|points?\s+%|pp)(?![\p{L}])"
)
_ABOUT_AFTER = regex.compile(r"[ \u00a0\u202f]+(?i:environ)(?![\p{L}])")
_FREQUENCY_AFTER = _Lazy(rf"\s+(?i:{french.FREQUENCY_AFTER_TIMES})(?![\p{{L}}])")
_SMALLER_AFTER = _Lazy(rf"\s+(?i:{french.SMALLER_AFTER_TIMES})(?![\p{{L}}])")
_ABOUT_SPACES, _ABOUT_WORD = " \u00a0\u202f", len("environ")
_FOIS = regex.compile(r"\s(?i:fois)(?![\p{L}])")
_UNIT_SYMBOL = regex.compile(
    r"\s?(?P<unit>" + _alternatives(french.UNIT_SYMBOLS)
    + r")(?![\p{L}\p{N}'’ʼ]|-[\p{L}\p{N}])"  # "5 m-" closing an incise, not "m-commerce"
)
# A unit word after a number, with one space before it (or after an apostrophe, "d'heure", or a
# hyphen, "demi-heure"), ending where no letter, digit, apostrophe or hyphen follows.
_UNIT_WORD = _WordTable(french.UNIT_WORDS, "unit", letters=r"[\p{L}\p{N}'’ʼ-]", joints=" ", spaces=False, lead="units")
_AND_HALF = regex.compile(r"\s+et\s+demie?(?![\p{L}])", regex.IGNORECASE)
# Spaces within a line and a cell: a counted noun is never taken across a tab, a blank line or a
# line that starts with a capital (a table's next row, a heading), but a line of prose wrapped
# between the number and its noun goes on ("120\nprojets")
_SAME_LINE_SPACE = r"[^\S\t\n\r\x0b\x0c\x85\u2028\u2029]"
_WRAPPED_LINE = rf"{_SAME_LINE_SPACE}*\r?\n{_SAME_LINE_SPACE}*(?=\p{{Ll}})"
# A counted noun, after spaces (and an opening quote: 25 « maisons sport-santé ») or an apostrophe
_NOUN = regex.compile(rf"(?:{_SAME_LINE_SPACE}+(?:[«\"“][ \u00a0\u202f]*)?|{_WRAPPED_LINE}|(?<=['’ʼ]))(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])")
_DE_NOUN = regex.compile(rf"(?:{_SP}|\s)+{_DE}(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])", regex.IGNORECASE)
# "une dizaine de projets", "1 000 000 d'euros": a "de" between a noun-like number and what it counts.
_DE_AFTER = regex.compile(rf"(?:{_SP}|\s)+(?i:d{_APOS}|de(?=\s))")
_ORDINAL_SUFFIXES = "ièmes?|iemes?|èmes?|emes?|ème|e|è|ers?|ères?|eres?|res?|nde?s?|ᵉʳᵉ|ᵉʳ|ʳᵉ|ᵉ|°|st|rd|th"  # 3rd, 21st: English
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
_CHANGE_WORD = regex.compile(rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])")
_FALL_WORD = regex.compile(rf"(?i:{french.FALL_WORDS})(?![\p{{L}}])")
_RISE_WORD = regex.compile(rf"(?i:{french.RISE_WORDS})(?![\p{{L}}])")
_CHANGE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])[^.\n;]{{0,60}}$")
_TIME_BEFORE = regex.compile(r"(?<![\p{L}])(?i:à|vers|dès|avant|après|jusqu['’ʼ]à|de|entre|et)\s*$")
_NAME_AFTER = _Lazy(r"[ \u00a0\u202f](?P<name>\p{Lu}\p{Ll}+)(?![\p{L}])")  # a capitalised word, on the same line
_NAME_BEFORE = regex.compile(r"(?P<name>\p{Lu}[\p{L}\p{N}_&-]*)\s$")
_SENTENCE_OPENING = regex.compile(r"(?:^|[\n.!?:;«\"“(–—•-])\s*$")
_YEAR = regex.compile(r"(?:1[89]|20|21)\d\d")
_DOTTED_LABEL = regex.compile(r"\d+\.\d{1,2}")  # "49.3", "4.0": not a French decimal, nor thousands ("1.500")
_DE_SHORT = regex.compile(rf"\s*{_DE}", regex.IGNORECASE)
_MONTH_WORD = regex.compile(french.ALL_MONTHS, regex.IGNORECASE)
_LETTERS = regex.compile(r"[\p{L}]+")
_LETTERS_AND_HYPHENS = regex.compile(r"\p{L}+(?:-\p{L}+)*")

# What can follow a number: the readings _read_after tries in turn, the first that matches wins.
# after_pattern(), their alternation, is what that means (tests/test_extractor_speed.py); it is not compiled
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


_LOOK_BEHIND = 48
_SLASH_FRACTION = _Lazy(r"/(\d{1,4})(?![\d/])")
_SUR_BEFORE = _Lazy(r"(?<![\p{L}])(?i:sur)\s+$")
# "un Français sur", "une sur", "un médecin généraliste sur", "un euro investi sur": the numerator 1
# of a share, and the noun phrase it counts if any (up to three words, no verb of being or having)
_ONE_BEFORE = _Lazy(
    r"(?<![\p{L}])(?P<one>(?i:une?))(?:\s+(?!(?i:est|a|ont|sont|été|était|sera|avait|y)(?![\p{L}]))\p{L}+(?:-\p{L}+)*){0,3}\s+$"
)
_PARTITIVE = _Lazy(rf"\s+(?i:{french.PARTITIVE})(?![\p{{L}}])")
_ORDINAL_WORD_AFTER = _Lazy(r"\s+et\s+\p{L}*ième", regex.IGNORECASE)  # "vingt et unième"
_WORD_BEFORE = _Lazy(r"(\p{L}+)['’ʼ]?\s*$")
_DEMI = _Lazy(r"\s+demi-(?=\p{L})", regex.IGNORECASE)
# Abbreviated scales, which may end with a dot ("2 M.€"): the symbols, and words such as "mds"
_ABBREVIATED_SCALES = frozenset(
    {symbol.lower() for symbol in french.SCALE_SYMBOLS} | {word for word in french.SCALE_WORDS if len(word) <= 4 and word != "mille"}
)
_BELOW_ZERO = _Lazy(rf"\s+(?i:{french.BELOW_ZERO})(?![\p{{L}}\p{{N}}])")
_CONTEXT_WORDS = {
    kind: _Lazy(rf"(?<![\p{{L}}])(?i:{words})(?![\p{{L}}])") for kind, words in french.KIND_CONTEXT_WORDS.items()
}
_ONLY_NEGATION = _Lazy(french.ONLY_NEGATION)
# "en hausse de +12 %", "progression annuelle : +5 %": a word of change, then the sign of the change
_CHANGE_THEN_SIGN = _Lazy(
    rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])(?:\s+\p{{L}}+){{0,3}}?\s*(?i:de|d{_APOS}|:|\(|,)?\s*$"
)
# "en hausse de 3 points", "un écart de 4 points", "5 points de moins": points of a rate (_points_of_change)
_POINTS_CHANGE_BEFORE = _Lazy(
    rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS}|écarts?|gains?|pertes?)(?![\p{{L}}])(?:\s+\p{{L}}+){{0,2}}?\s*(?i:de|d{_APOS}|:)?\s*$"
)
_POINTS_MORE_OR_LESS = _Lazy(r"\s+(?i:de\s+(?:plus|moins)|en\s+(?:plus|moins))(?![\p{L}])")
# "-2,1 milliards d'euros- ont progressé": a dash glued to the end of a figure's words closes an incise
# A minus sign written before digits: the hyphen, the minus sign, the non-breaking hyphen and the
# figure dash, and the en dash word processors put for a hyphen ("–18 °C"); all but the minus sign
# also open an incise, which _INCISE_CLOSE finds closed.
_MINUS_SIGNS = "-−‑‒–"
_INCISE_CLOSE = _Lazy(r"[^\s\d.;!?()\-–—‑‒]{0,40}[-–‑‒](?=[\s,.;:!?)]|$)")
_SIGN_WORD_ENDINGS = tuple(french.SIGN_WORDS)
_SIGN_WORD_BEFORE = _Lazy(
    rf"(?:(?<![\p{{L}}])(?P<before>\p{{L}}+)\s+)?(?<![\p{{L}}])(?P<sign>(?i:{'|'.join(french.SIGN_WORDS)}))\s+$"
)
# Kinds whose figure a sign word can make negative ("moins 3 projets" is no count of -3)
_SIGNED_KINDS = frozenset({"money", "percent", "percentage_point", "number", "temperature"})


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


def _read_after(text: str, pos: int, allow_noun: bool, takes_de: bool = False, plural: bool = False) -> _Reading | None:
    """Read scale, currency, percent, unit or counted noun right after a number ending at pos.

    ``takes_de``: the number is itself a noun (``une dizaine``, ``1 000 000``), so what it counts
    follows a ``de``, as after ``millions``: ``une dizaine de projets``, ``1 000 000 d'euros``.
    ``plural``: the number is 2 or more, so a noun right after it is in the plural: "40
    viendront" counts nothing (see _looks_plural).
    """
    if takes_de and (de := _DE_AFTER.match(text, pos)) and not _SCALE_WORD.match(text, pos):
        inner = _read_after(text, de.end(), allow_noun)
        if inner is not None and inner is not _NOT_A_FIGURE and (inner.kind not in ("number", "percent", "percentage_point", "factor") or inner.scale != 1):
            return inner
    if text.startswith("demi-", pos + 1) and text[pos:pos + 1] in WHITESPACE and (half := _DEMI.match(text, pos)):
        # "un demi-million", "une demi-douzaine", "une demi-heure": half of a scale or a unit
        inner = _read_after(text, half.end(), allow_noun=False)
        if inner is None or inner is _NOT_A_FIGURE or inner.kind == "number" and inner.scale == 1:
            return _NOT_A_FIGURE  # "un demi-tarif"
        return inner._replace(scale=inner.scale * Decimal("0.5"), strong=True)
    what, match = _after_match(text, pos)
    if match is None:
        return None
    if what == "counted" and text.startswith("et", pos + 1) and (half := _AND_HALF.match(text, pos)):
        return _Reading(half.end(), "number", "count", add=Decimal("0.5"), half_unit=Decimal("0.25"))  # "trois et demi"
    if what == "scaled":
        return _read_after_scale(text, pos, match, plural)
    if what == "money":
        money = _money(text, match, 1, pos)
        if money is None and allow_noun and (noun_match := _NOUN.match(text, pos)):
            return _counted(text, noun_match, plural)  # "3 couronnes dentaires": crowns
        return money
    if what == "percent":
        if (name := _NAME_AFTER.match(text, match.end())) and name.group("name") not in french.SENTENCE_WORDS:
            return _NOT_A_FIGURE  # "la réforme 100 % Santé": the name of a programme, not a share
        return _Reading(match.end(), "percent", "percent")
    if what == "points":
        return _Reading(match.end(), "percentage_point", "percentage_point")
    if what == "times":
        if _FREQUENCY_AFTER.match(text, match.end(), match.end() + 24):
            return _NOT_A_FIGURE  # "deux fois par an": a frequency, no factor
        if half := _AND_HALF.match(text, match.end()):  # "deux fois et demie": 2,5
            return _Reading(half.end(), "factor", "times", add=Decimal("0.5"), half_unit=Decimal("0.25"))
        return _Reading(match.end(), "factor", "times")
    if what == "unit_symbol" or what == "unit_word":
        unit_name = match.group("unit")
        kind, unit = french.UNIT_SYMBOLS[unit_name] if what == "unit_symbol" else french.UNIT_WORDS[unit_name.lower()]
        end = match.end()
        add, half_unit = Decimal(0), None
        if half := _AND_HALF.match(text, end):  # "deux ans et demi": to the half year
            add, half_unit, end = Decimal("0.5"), Decimal("0.25"), half.end()
        if kind != "temperature":
            return _Reading(end, kind, unit, add=add, half_unit=half_unit)
        below = _BELOW_ZERO.match(text, end)
        return _Reading(below.end() if below else end, kind, unit, add=add, half_unit=half_unit, negative=below is not None,
                        needs_context=what == "unit_word" and unit_name.lower() in french.UNIT_WORDS_IN_CONTEXT)
    if allow_noun:  # what == "counted"
        return _counted(text, match, plural)
    return None


def _counted(text: str, match: regex.Match[str], plural: bool = False) -> _Reading | None:
    """The counted noun after a number (``match``, with its group ``noun``), if it is one; an
    adjective before it is passed over ("120 nouveaux projets", "les six premiers mois"). A
    fraction ("deux tiers") is read by _fraction. A word cut at the end of a line or by an
    ellipsis ("25 établis-", "12 pro…") is no noun, nor a word not in the plural after a
    ``plural`` number ("40 viendront")."""
    noun = match.group("noun")
    end = match.end()
    lower = noun.lower()
    if (denominator := french.FRACTION_WORDS.get(lower)) is not None:
        return _fraction(text, end, denominator)
    if len(noun) < 2 or text.startswith(("…", "...", "-\n", "-\r"), end) or text.endswith("-") and end == len(text) - 1:
        return None  # a word cut by the end of a line or an ellipsis
    if lower in french.PRENOMINAL_ADJECTIVES:
        if unit_match := _UNIT_WORD.match(text, end):
            kind, unit = french.UNIT_WORDS[unit_match.group("unit").lower()]  # "les six premiers mois"
            return _Reading(unit_match.end(), kind, unit)
        if (following := _NOUN.match(text, end)) and following.group("noun").lower() not in french.NOT_NOUNS:
            noun, end = following.group("noun"), following.end()
            lower = noun.lower()
    if lower not in french.NOT_NOUNS and not _MONTH_WORD.fullmatch(noun) and (not plural or _looks_plural(noun)):
        return _Reading(end, "count", "count", noun=singular(noun), strong=False)
    return None


def _looks_plural(noun: str) -> bool:
    """Whether a noun after a number of 2 or more is in the plural, as French writes it: a part in
    -s, -x or -z ("projets", "tiers-lieux"), an invariable noun ("data", "start-up"), or a
    name or acronym ("3 CHU")."""
    if noun[-1] in "sxz" or not noun.islower() or noun in french.INVARIABLE_NOUNS:
        return True
    return "-" in noun and any(part[-1:] in ("s", "x", "z") for part in noun.split("-"))


def _fraction(text: str, end: int, denominator: int) -> _Reading:
    """A fraction after its numerator ("deux tiers", ending at ``end``): a share in percent of what
    follows it ("deux tiers des médecins"), a fraction of a unit ("un quart d'heure"), or else a
    bare number ("cinq huitièmes": 0,625; "un tiers" alone is a third party, see _read_candidate)."""
    if _PARTITIVE.match(text, end):
        return _Reading(end, "percent", "percent", Decimal(100) / denominator, fraction=denominator)
    if (de := _DE_AFTER.match(text, end)) and (unit_match := _UNIT_WORD.match(text, de.end() - 1 if text[de.end() - 1].isspace() else de.end())):
        kind, unit = french.UNIT_WORDS[unit_match.group("unit").lower()]
        return _Reading(unit_match.end(), kind, unit, Decimal(1) / denominator, fraction=denominator)
    return _Reading(end, "number", "count", Decimal(1) / denominator, strong=False, fraction=denominator)


def _fraction_number(numerator: Decimal, denominator: int) -> ParsedNumber:
    """The value of ``numerator / denominator``, as precise as its denominator says (see _fraction_precision)."""
    value = numerator / denominator
    half = _fraction_precision(value, denominator)
    return ParsedNumber(value, half, half)


def _fraction_precision(value: Decimal, denominator: int) -> Decimal:
    """A fraction k/n is written to the nearest n-th of its value: 1/5 (20 %) is 18 to 22 %, 1/2 is
    37,5 to 62,5 %: half of value / n either side, and never less than ``environ`` allows
    (ABOUT_RELATIVE: "un sur cent" is 0,95 to 1,05 %)."""
    return value * max(Decimal(1) / (2 * denominator), Decimal(str(ABOUT_RELATIVE)))


def _parse_digits_in(text: str, digits: str, start: int) -> ParsedNumber:
    """The digits at ``start`` read as French, or as English where only English writes them so
    ("3,000,000") or where French and English read them differently ("1,200") and the sentence
    is English (checker.extraction.language), or where a currency comes first, as only English writes it
    ("$1,500", "€2,300": French writes "1 500 $")."""
    if only_english(digits) or reads_differently_in_english(digits) and (
        is_english(text, start) or "," in digits and _currency_before(text, start) is not None
    ):
        return parse_english_digits(digits)
    return parse_digits(digits)


def _currency_before(text: str, start: int, floor: int = 0) -> regex.Match[str] | None:
    """The currency ("$", "€", "US$", "EUR") that ends right before ``start``, a space at most
    between, never before ``floor``; the last character is looked at first (most have none)."""
    before = text[max(0, start - 6, floor):start]
    return _CURRENCY_BEFORE.search(before) if before.rstrip(WHITESPACE)[-1:] in _CURRENCY_BEFORE_LAST else None


# Kinds whose unit, followed by "/" and another unit, makes a rate that is none of them ("130 km/h");
# money, percents and points per unit stay what they are ("4,99 €/mois", "2 %/an").
_PER_UNIT_KINDS = frozenset(units.CANONICAL) - {"money", "percent", "percentage_point", "factor", "number"}


def _per_unit_after(text: str, end: int) -> bool:
    """Whether a unit or a counted noun that ends at ``end`` is followed by "/" and a letter: the
    first unit of a compound one ("km/h", "mg/kg", "Gbit/s", "patients/jour")."""
    return text[end:end + 1] == "/" and text[end + 1:end + 2].isalpha()


def _english_thousands_of_count(text: str, digits: str, number_end: int, reading: _Reading | None) -> bool:
    """Whether digits written "1,200" (a comma, then three digits) count a plural noun with no scale
    ("1,200 personnes", "2,500 hôpitaux"): a count with three decimals is no French figure, so the
    comma groups thousands, the English way."""
    if reading is None or reading.kind != "count" or reading.scale != 1 or "," not in digits:
        return False
    if not reads_differently_in_english(digits):
        return False
    written = _LETTERS_AND_HYPHENS.findall(text, number_end, reading.end)
    return bool(written) and _looks_plural(written[-1])


def _share_noun(text: str, candidate: _Candidate, floor: int) -> Quantity | None:
    """"la moitié des patients", "plus du tiers du budget": a share in percent, when what it is a
    share of follows (french.PARTITIVE); "à moitié", "le quart d'heure" are no share."""
    if not _PARTITIVE.match(text, candidate.end):
        return None
    denominator = french.SHARE_NOUNS[candidate.number.casefold()]
    value = Decimal(100) / denominator
    if text[candidate.start:candidate.start + 2].lower() == "du":
        qualifier, start = _share_qualifier(text, candidate.number_start, floor)
        if qualifier == "exact":
            return None  # "du tiers des ...": a share only after "plus du", "près du"
    else:
        qualifier, start = _qualifier(text, candidate.start, floor, False)
    low, high = _interval(float(value), float(_fraction_precision(value, denominator)), qualifier)
    return Quantity(start, candidate.end, text[start:candidate.end], "percent", float(value), "percent", low, high,
                    qualifier, None, candidate.number_start, candidate.end)


_SHARE_QUALIFIER_BEFORE = _Lazy(
    "(?:" + "|".join(rf"(?P<{name}>(?<![\p{{L}}]){pattern})" for name, pattern in french.SHARE_QUALIFIERS_BEFORE.items()) + ")$",
    regex.IGNORECASE,
)


def _share_qualifier(text: str, number_start: int, floor: int) -> tuple[str, int]:
    """The qualifier of a share written just before its number ("plus des deux tiers", "près du
    tiers", "moins des 3/4": french.SHARE_QUALIFIERS_BEFORE), and where it starts; else exact."""
    window_start = max(0, number_start - 16, floor)
    match = _SHARE_QUALIFIER_BEFORE.search(text, window_start, number_start)
    if match is None:
        return "exact", number_start
    return next(name for name in french.SHARE_QUALIFIERS_BEFORE if match.group(name) is not None), match.start()


def _join_shares(text: str, found: list[Quantity]) -> list[Quantity]:
    """"un Français sur cinq", "1 patient sur 2", "neuf sur dix": a share, in percent, of the
    numerator (a figure of its own, or "un", "une") over a bare number after "sur" that shares are
    given in (up to french.SHARE_DENOMINATOR_MAX, or a power of ten). "25 pays sur 29" and a score
    "4,5 sur 5" stay as they are: a count out of a total, a number that is no share."""
    joined: list[Quantity] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        share = _share_over(text, quantity, previous) if quantity.kind == "number" else None
        if share is None:
            joined.append(quantity)
            continue
        if previous is not None and share.start <= previous.start:
            joined.pop()  # the numerator was a figure of its own: "1 patient sur 2"
        joined.append(share)
    return joined


def _share_over(text: str, denominator: Quantity, previous: Quantity | None) -> Quantity | None:
    """The share whose denominator is ``denominator`` (a bare number after "sur"), if it is one."""
    written = text[denominator.number_start:denominator.number_end]
    total = _number_value(text, denominator)
    if denominator.qualifier != "exact" or total != denominator.value or total != int(total):
        return None
    if not (2 <= total <= french.SHARE_DENOMINATOR_MAX or total >= 10 and str(int(total)).rstrip("0") == "1") or "," in written:
        return None
    sur = _SUR_BEFORE.search(text, max(0, denominator.start - 12), denominator.start)
    if sur is None:
        return None
    floor = previous.end if previous is not None else 0
    if previous is not None and previous.kind in ("count", "number") and not text[previous.end:sur.start()].strip():
        numerator = _number_value(text, previous)
        if previous.value != numerator or numerator != int(numerator) or not 1 <= numerator <= total or previous.qualifier == "range":
            return None
        start, number_start, qualifier = previous.start, previous.number_start, previous.qualifier
    else:
        one = _ONE_BEFORE.search(text, max(0, sur.start() - 40, floor), sur.start())
        if one is None:
            return None
        numerator, number_start = 1.0, one.start("one")
        qualifier, start = _qualifier(text, number_start, floor, True)
    value = 100 * numerator / total
    low, high = _interval(value, float(_fraction_precision(Decimal(value), int(total))), qualifier)
    return Quantity(start, denominator.end, text[start:denominator.end], "percent", value, "percent", low, high,
                    qualifier, None, number_start, denominator.number_end)


def _number_words_alone(text: str, start: int, end: int) -> bool:
    """Whether number words with nothing they count are a figure: "ils étaient quatre-vingt-dix-neuf",
    "nonante". Not the adjective "neuf" ("un bâtiment neuf"), a name written with capitals in a
    sentence ("les Quinze-Vingts"), nor a number of french.NOT_FIGURES_AFTER ("repartir de zéro")."""
    written = text[start:end]
    lower = written.lower()
    if lower in french.AMBIGUOUS_NUMBER_WORDS:
        return False
    if written[0].isupper() and not _SENTENCE_OPENING.search(text[max(0, start - 40):start]):
        return False
    if lower in french.NOT_FIGURES_AFTER and _word_before(text, start) in french.NOT_FIGURES_AFTER[lower]:
        return False
    return not _ORDINAL_WORD_AFTER.match(text, end)


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` (spaces left out), lower-case."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""


def _read_after_scale(text: str, pos: int, match: regex.Match[str], plural: bool = False) -> _Reading | None:
    """What follows a number and its scale (``match``, of _SCALE_WORD): a currency, a counted noun.

    "3 millions et demi" is 3,5 millions; an abbreviation may end with a dot before its currency
    ("2 M.€", "3 Mds. d'euros"); a collective noun makes the figure approximate and, like
    "millions", takes "de" before what it counts ("trois douzaines d'œufs").
    """
    if collective := match.group("collective"):
        scale = APPROXIMATE_WORDS[collective.lower().removesuffix("s")]
        inner = _read_after(text, match.end(), allow_noun=True, takes_de=True)
        if inner is not None and inner is not _NOT_A_FIGURE and (inner.kind != "number" or inner.scale != 1):
            return inner._replace(scale=inner.scale * scale, about=True, strong=True)
        return _Reading(match.end(), "number", "count", scale, about=True)
    word = match.group("scale")
    scale = french.SCALE_WORDS[word.lower()] if word else french.SCALE_SYMBOLS[match.group("symbol")]
    if word and word.lower() in french.ENGLISH_SCALE_WORDS and (
        plural and not word.lower().endswith("s") or is_english(text, pos) or _DECIMAL_POINT_END.search(text, max(0, pos - 24), pos)
    ):
        scale = french.ENGLISH_SCALE_WORDS[word.lower()]  # "€3 billion", "a $2.5 billion fund", "1.2 billion": 10^9
    after_scale = match.end()
    add, half_unit = Decimal(0), None
    if half := _AND_HALF.match(text, after_scale):
        add, half_unit, after_scale = Decimal("0.5"), Decimal("0.25"), half.end()
    elif text.startswith(".", after_scale) and (word or match.group("symbol")).lower() in _ABBREVIATED_SCALES:
        de = _DE_SHORT.match(text, after_scale + 1, after_scale + 9)
        if _CURRENCY.match(text, de.end() if de else after_scale + 1):
            after_scale += 1  # "2 M.€", "3 Mds. d'euros": the dot of the abbreviation
    if word and scale >= 10**6 and not add and (rest := _rest_of_compound(text, after_scale, scale)) is not None:
        return rest  # "1 million 200 000 euros", "deux millions cinq cent mille ordonnances": one figure
    # Money: [scale] [de|d'] currency
    currency_at = after_scale
    if de := _DE_SHORT.match(text[after_scale:after_scale + 8]):
        currency_at = after_scale + de.end()
    if currency := _CURRENCY.match(text, currency_at) or (currency_at != after_scale and _CURRENCY.match(text, after_scale)):
        money = _money(text, currency, scale, after_scale)
        return money._replace(add=add, half_unit=half_unit) if add and money is not None and money is not _NOT_A_FIGURE else money
    if currency_at != after_scale and (unit := _unit_after_de(text, currency_at)) is not None:
        kind, unit_name, end = unit  # "1,2 million de kilomètres", "3,5 millions d'heures": a length, a duration
        return _Reading(end, kind, unit_name, scale, add=add, half_unit=half_unit)
    if noun_match := _DE_NOUN.match(text, after_scale):
        noun = noun_match.group("noun")
        if noun.lower() not in french.NOT_NOUNS:
            return _Reading(noun_match.end(), "count", "count", scale, singular(noun), add=add, half_unit=half_unit)
    if not word and not add and (noun_match := _NOUN.match(text, after_scale)) and text[after_scale:noun_match.start("noun")].isspace():
        counted = _counted(text, noun_match, plural=True)  # "1200K visiteurs", "3 M abonnés": an abbreviation takes no "de"
        if counted is not None and counted.kind == "count":
            return counted._replace(scale=scale, strong=True)
    return _Reading(after_scale, "number", "count", scale, add=add, half_unit=half_unit)


# A decimal point at the end of a number ("1.2", "2.75"), not dots grouping thousands ("1.500"):
# English writing, whose "billion" is 10^9
_DECIMAL_POINT_END = _Lazy(r"(?<![\d,.])\d+\.\d{1,2}\s*$")


_COMPOUND_DIGITS = _Lazy(rf"{_SP}+(?P<rest>\d{{1,3}}(?:{_SP}\d{{3}})*)(?![\d,.'’\p{{L}}])")
_COMPOUND_WORDS = _Lazy(rf"\s+(?P<rest>(?i:{_WORDS}))")


def _rest_of_compound(text: str, after_scale: int, scale: int) -> _Reading | None:
    """The rest of a number written as a scale word then a smaller number ("1 million 200 000
    euros", "deux millions cinq cent mille ordonnances", "trois milliards deux cents millions
    d'euros"), read with what follows it, as one figure of ``scale``: its ``add`` is the rest over
    the scale. None when no smaller number follows, or when it is no part of the figure (a year,
    a percent, a unit that is none of a count or money)."""
    match = _COMPOUND_DIGITS.match(text, after_scale) or _COMPOUND_WORDS.match(text, after_scale)
    if match is None:
        return None
    written = match.group("rest")
    try:
        parsed = parse_digits(written) if written[0].isdigit() else parse_words(written)
    except ValueError:
        return None
    if not parsed.value or _YEAR.fullmatch(written) or written.lower() in ("un", "une"):
        return None  # "3 millions 2024", "2 millions un projet"
    rest = _read_after(text, match.end(), allow_noun=True, takes_de=True, plural=True)
    if rest is _NOT_A_FIGURE or rest is not None and rest.kind not in ("number", "count", "money"):
        return None
    rest_scale = Decimal(rest.scale) if rest is not None else Decimal(1)
    value = (parsed.value + (rest.add if rest is not None else 0)) * rest_scale
    if not value < scale or rest_scale >= scale:
        return None
    # digits are as precise as written ("1 million 200 000"), words as round as they are ("cinq cent mille")
    half = (parsed.digit_half if written[0].isdigit() else parsed.half_unit) * rest_scale / scale
    if rest is None:
        return _Reading(match.end(), "number", "count", scale, add=value / scale, half_unit=half)
    return rest._replace(scale=scale, add=value / scale, half_unit=half, strong=True)


def _unit_after_de(text: str, pos: int) -> tuple[str, str, int] | None:
    """The unit word that starts at ``pos``, right after a "de" or "d'" (its kind, its unit, where
    it ends), as in "2 millions de tonnes"; not a word that is a unit only in context ("degrés")."""
    unit_match = _UNIT_WORD.match(text, pos - 1 if text[pos - 1:pos].isspace() else pos)
    if unit_match is None or unit_match.group("unit").lower() in french.UNIT_WORDS_IN_CONTEXT:
        return None
    kind, unit = french.UNIT_WORDS[unit_match.group("unit").lower()]
    return kind, unit, unit_match.end()


def _money(text: str, match: regex.Match[str], scale: int | Decimal, after_scale: int) -> _Reading | None:
    """The reading of a currency (``match``, with its group ``currency``) after a number and its scale.

    A currency this cannot name (french.AMBIGUOUS_CURRENCY_NAMES, a dollar of a country it does not
    know) leaves the figure a bare number with its scale; "50 cents" of no named currency is no figure.
    """
    written = match.group("currency")
    end = match.end()
    name = " ".join(written.lower().split())
    if name in french.CURRENCY_SUBUNITS:
        return _subunit(text, name, end, scale)
    if name in french.QUALIFIED_CURRENCY_NAMES and (qualifier := _CURRENCY_QUALIFIER.match(text, end)):
        adjective = qualifier.group("adjective")
        if adjective is None or adjective.lower().endswith(french.NATIONALITY_ENDINGS):
            return _bare(after_scale, scale)  # "dollars australiens" unknown here: not US dollars
    if name in french.AMBIGUOUS_CURRENCY_NAMES:
        return _bare(after_scale, scale)  # "100 francs": French, Swiss or CFA?
    code = _currency_code(written)
    if written in french.ISO_CODES_ALSO_WORDS and not _shows_money(text, after_scale, scale):
        return None  # "les 18 ARS", "12 MAD": agencies, a counted acronym, not pesos nor dirhams
    if code is None:
        if name in french.QUALIFIED_CURRENCY_NAMES:
            return None  # "3 couronnes": crowns, a counted noun
        if written.startswith("$") and written[1:2].isspace():
            code, end = "USD", match.start("currency") + 1  # "14 $ HT" (hors taxes): the dollar alone
        else:
            return _NOT_A_FIGURE  # "6 XY$": a dollar of no known country
    if scale == 1 and (cents := _SUBUNIT_AFTER.match(text, end)):
        # "3 € 50", "15 euros 50", "15 dollars et 50 cents": an amount and its hundredths
        subunit = cents.group("subunit")
        if subunit or not cents.group("and") and len(cents.group("cents")) == 2 and not _read_after(text, cents.end(), True):
            return _Reading(cents.end(), "money", code, add=Decimal(cents.group("cents")) / 100, half_unit=Decimal("0.005"))
    return _Reading(end, "money", code, scale)


# Decimals at the end of a number ("12,50", "3.5"), not a group of thousands ("1.500")
_DECIMALS_END = _Lazy(r"(?<![\d,.])\d+(?:,\d+|\.\d{1,2})$")


def _shows_money(text: str, number_end: int, scale: int | Decimal) -> bool:
    """Whether a figure that ends at ``number_end``, before a code of french.ISO_CODES_ALSO_WORDS
    (ARS, COP), shows money on its own: a scale ("12 M ARS"), decimals ("12,50 ARS"), an English
    sentence. Else the code is an acronym, a name ("les 18 ARS", "la COP 28")."""
    if scale != 1:
        return True
    return _DECIMALS_END.search(text, max(0, number_end - 24), number_end) is not None or is_english(text, number_end)


def _currency_code(written: str) -> str | None:
    """The ISO code of a currency as _CURRENCY matched it, or None."""
    code = french.CURRENCIES.get(written) or french.CURRENCIES.get(" ".join(written.lower().split()))
    if code is None and "$" in written:
        code = french.DOLLAR_CODES.get(written.replace("$", "").strip())
    return code


def _subunit(text: str, name: str, end: int, scale: int | Decimal) -> _Reading:
    """"50 centimes", "20 centimes d'euro", "30 pence": hundredths of a currency; "50 cents" alone
    name no currency (euro or dollar?): no figure."""
    de = _SUBUNIT_OF.match(text, end)
    of = _CURRENCY_NAME.match(text, de.end()) if de else None
    code = _currency_code(of.group("currency")) if of else french.SUBUNIT_CURRENCY.get(name)
    if code is None or code in french.AMBIGUOUS_CURRENCY_NAMES:
        return _NOT_A_FIGURE
    return _Reading(of.end() if of else end, "money", code, Decimal(scale) / french.CURRENCY_SUBUNITS[name])


def _points_of_change(text: str, number_start: int, end: int, floor: int) -> bool:
    """Whether "N points" that ends at ``end`` is a change of a rate, in percentage points: after a
    word of change ("en hausse de 3 points", "a perdu 0,5 point", "un écart de 4 points") or
    before "de plus", "de moins" ("5 points de moins qu'en 2020"); elsewhere points are counted
    ("un plan en 10 points", "12 points au classement")."""
    return bool(_POINTS_CHANGE_BEFORE.search(text[max(0, number_start - 40, floor):number_start]) or _POINTS_MORE_OR_LESS.match(text, end))


def _bare(end: int, scale: int | Decimal) -> _Reading:
    """A figure whose currency cannot be named: a bare number, with its scale if it has one (and
    not the count of a currency's name)."""
    return _Reading(end, "number", "count", scale, strong=scale != 1)


def _qualifier(text: str, before_number: int, floor: int, words: bool) -> tuple[str, int]:
    """The qualifier written before a figure that starts at ``before_number``, and where it starts;
    never before ``floor`` (what the last figure read)."""
    qualifier, start = _qualifier_before(text, before_number)
    if qualifier == "exact" or start < floor:
        return "exact", before_number
    written = text[start:before_number].lower()
    if words and qualifier == "about" and written.startswith("autour"):
        return "exact", before_number  # "structurée autour de trois objectifs": around what, not about how many
    if written.startswith(("plus qu", "moins qu")) and _ONLY_NEGATION.search(_clause_before(text, start, floor)):
        return "exact", before_number  # "il ne reste plus que 10 lits": only 10
    if written.rstrip(WHITESPACE) == "+" and _CHANGE_THEN_SIGN.search(text[max(0, start - 40, floor):start]):
        return "exact", start  # "en hausse de +12 %": the sign of a change, not "plus de"
    return qualifier, start


# Kinds of a rate, whose "+" glued to the number is the sign of a change ("+8 %", "+2 points")
_RATE_KINDS = frozenset({"percent", "percentage_point"})


def _plus_sign_of_rate(text: str, start: int, before_number: int, reading: _Reading | None) -> bool:
    """Whether the qualifier at ``start`` is a "+" glued to a percent or points: "(+8 %)", "soit +40 %"
    are changes, exact; "+650 M€", "+3 000 participants" (money, counts) stay "plus de"."""
    return reading is not None and reading.kind in _RATE_KINDS and text[start:before_number] == "+"


def _clause_before(text: str, start: int, floor: int) -> str:
    """The text of the clause before ``start``: back to a sentence or clause mark, 60 characters at most."""
    window = text[max(0, start - 60, floor):start]
    return window[max(window.rfind(mark) for mark in ".;:!?\n") + 1:]


def _sign_word_before(text: str, start: int, floor: int) -> int | None:
    """Where a sign word (french.SIGN_WORDS) written just before ``start`` begins, if there is one."""
    window = text[max(0, start - 24, floor):start]
    if not window.rstrip(WHITESPACE).lower().endswith(_SIGN_WORD_ENDINGS):
        return None
    match = _SIGN_WORD_BEFORE.search(window)
    if match is None or (match.group("before") or "").lower() in french.NOT_SIGN_AFTER:
        return None
    return start - (len(window) - match.start("sign"))


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
    """Half the unit an exact figure was rounded to, before its scale (see checker.extraction.numbers).

    Before a scale word or a unit, the digits written are the precision the writer chose
    (``30 millions``: 29,5 to 30,5 millions; ``3 ans``; ``20 %``). A bare count may be a round
    figure (``8 000 apprenants``): it keeps the rounding of its last digit other than a trailing
    zero, but never more than ``environ`` allows (ABOUT_RELATIVE).
    """
    if reading is not None and reading.half_unit is not None:
        return reading.half_unit  # "3 € 50", "deux ans et demi"
    if reading is not None and reading.fraction:
        return _fraction_precision(value, reading.fraction)  # "deux tiers des médecins": 66,7 % give or take 11,1
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


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance. Never raises on any string.

    A long text is scanned a stretch at a time (checker.extraction.stretches), so that the scans' copies of
    it (lower-cased, every run of digits) are of one stretch, never of a 100 MB document at once.
    """
    found: list[Quantity] = []
    consumed = 0  # end of the last figure's surface: what it read is not read twice
    for start, end in stretches(text):
        consumed = _extract_stretch(text, start, end, found, consumed)
    return infer_units(text, _join_shares(text, _merge_ranges(text, found)))


def _extract_stretch(text: str, start: int, end: int, found: list[Quantity], consumed: int) -> int:
    """The figures of the candidates of ``text[start:end]`` appended to ``found``; returns where
    the last one ends. The scans run on the stretch, the reading of each candidate on ``text``."""
    stretch = text[start:end]  # ``text`` itself when it is one stretch
    excluded = _excluded_spans(stretch)  # sorted, disjoint: dates, phone numbers...
    if start:
        excluded = [(low + start, high + start) for low, high in excluded]
    after = 0  # how many excluded spans start at or before the candidate: candidates come in order
    for candidate in _candidates(stretch, articles=False):  # an article left out would only be skipped below
        if start:
            candidate = candidate._replace(start=candidate.start + start, end=candidate.end + start, number_start=candidate.number_start + start)
        if candidate.start < consumed:
            continue
        while after < len(excluded) and excluded[after][0] <= candidate.start:
            after += 1
        if after and excluded[after - 1][1] > candidate.start or after < len(excluded) and excluded[after][0] < candidate.end:
            continue  # inside a date, a phone number..., or one starts inside the candidate
        if candidate.kind == _WORDS_KIND and _is_article(text, candidate):
            continue
        if candidate.kind == _WORDS_KIND and _words_value(candidate.number) is None:
            parts: Iterable[_Candidate] = _word_parts(candidate)  # "entre deux et trois ans": two numbers
        else:
            parts = (candidate,)
        for part in parts:
            if part.start < consumed:
                continue
            quantity = _read_candidate(text, part, consumed)
            if quantity is not None:
                found.append(quantity)
                consumed = quantity.end
    return consumed


def _words_value(words: str) -> Decimal | None:
    try:
        return parse_words(words).value
    except ValueError:
        return None


def _word_parts(candidate: _Candidate) -> list[_Candidate]:
    """Number words that are several numbers ("deux et trois", "septante et nonante"): the
    longest run of words from the left that is one number, then the next, "et" between them left out."""
    words = [(match.start(), match.end()) for match in _LETTERS_AND_HYPHENS.finditer(candidate.number)]
    parts: list[_Candidate] = []
    first = 0
    while first < len(words):
        for last in range(len(words) - 1, first - 1, -1):
            start, end = words[first][0], words[last][1]
            if _words_value(candidate.number[start:end]) is not None:
                parts.append(_Candidate(candidate.start + start, candidate.start + end, _WORDS_KIND,
                                        candidate.number[start:end], candidate.start + start))
                first = last + 1
                break
        else:
            first += 1  # "et", or a word that is no number alone
    return parts


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
            parsed = _parse_digits_in(text, digits, number_start)
        except ValueError:
            return None
    elif candidate.kind == _APPROX_KIND:
        number = APPROXIMATE_WORDS.get(candidate.number.casefold())  # "ſoixantaine" is "soixantaine" to (?i)
        if number is None:
            return None
        parsed = ParsedNumber(Decimal(number), Decimal(number) / 2)
        approximate = True
    elif candidate.kind == _SHARE_KIND:
        return _share_noun(text, candidate, floor)
    elif candidate.kind == _VULGAR_KIND:
        numerator, denominator = VULGAR_FRACTIONS[candidate.number]
        parsed = _fraction_number(Decimal(numerator), denominator)
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
        if following == "/" and (slash := _SLASH_FRACTION.match(text, number_end)) and _PARTITIVE.match(text, slash.end()):
            # "3/4 des patients": a share (elsewhere "3/4" is left out with the dates, see NOT_QUANTITIES)
            denominator = int(slash.group(1))
            if not parsed.value or denominator == 0 or parsed.value > denominator or "," in digits or "." in digits:
                return None
            value = Decimal(100) * parsed.value / denominator
            low, high = _interval(float(value), float(_fraction_precision(value, denominator)), "exact")
            qualifier, start = _qualifier(text, number_start, floor, False)
            if qualifier == "exact":
                qualifier, start = _share_qualifier(text, number_start, floor)  # "près des 3/4 des"
            if qualifier != "exact":
                low, high = _interval(float(value), float(_fraction_precision(value, denominator)), qualifier)
            return Quantity(start, slash.end(), text[start:slash.end()], "percent", float(value), "percent", low, high,
                            qualifier, None, number_start, slash.end())
        if following in VULGAR_FRACTIONS or following == " " and text[number_end + 1:number_end + 2] in VULGAR_FRACTIONS and text[number_end + 1:number_end + 2]:
            # "2 ½ ans", "1¾": digits and a fraction
            number_end = text.index(next(char for char in text[number_end:number_end + 2] if char in VULGAR_FRACTIONS), number_end) + 1
            numerator, denominator = VULGAR_FRACTIONS[text[number_end - 1]]
            half = Decimal(1) / (2 * denominator)  # "2 ½" is to the half, as "deux et demi"
            parsed = ParsedNumber(parsed.value + Decimal(numerator) / denominator, half, half)

    # A million or more written in digits is a noun, like "millions": "1 000 000 d'euros".
    takes_de = approximate or digits is not None and parsed.value >= 10**6
    reading = _read_after(text, number_end, allow_noun=True, takes_de=takes_de, plural=parsed.value >= 2)
    if reading is _NOT_A_FIGURE:
        return None
    if approximate and reading is None and candidate.number.casefold() in french.DAYS_COLLECTIVES and (
        _word_before(text, candidate.start) in french.TIME_PREPOSITIONS
    ):
        reading = _Reading(number_end, "duration", "day")  # "dans une quinzaine": about fifteen days
    if digits is not None and reading is not None and reading.kind == "number" and text.startswith("K", number_end) and len(digits) == 1:
        return None  # "un écran 4K": a name, like 5G
    if reading is not None and reading.kind in _PER_UNIT_KINDS and _per_unit_after(text, reading.end):
        return None  # "130 km/h", "1,26 g/l", "10 Gbit/s": a rate, not a length, a mass, a count
    if digits is not None and _english_thousands_of_count(text, digits, number_end, reading):
        parsed = parse_english_digits(digits)  # "1,200 personnes", "2,500 hôpitaux": no count has three decimals
    if reading is not None and reading.noun == "point" and _points_of_change(text, number_start, reading.end, floor):
        reading = _Reading(reading.end, "percentage_point", "percentage_point")  # "en hausse de 3 points"
    factor_window = max(0, number_start - 30, floor)  # what the last figure read is not read again
    factor_text = text[factor_window:number_start]
    factor_before = _FACTOR_BEFORE.search(factor_text) if factor_text.rstrip(WHITESPACE)[-3:].lower() == "par" else None
    if digits is not None and number_start >= 2 and text[number_start - 1] == "+" and text[number_start - 2].isalpha():
        return None  # "J+7", "H+24", "Bac+5": a label, no figure
    if digits is not None and number_start >= 2 and text[number_start - 1] == "-" and text[number_start - 2].isdigit():
        if reading is None or not reading.strong or reading.kind == "number":
            return None  # "2019-774", "3-1": only "10-15 %", "18-25 ans" are a range
    if words and not factor_before:
        # "un", "une" alone are articles ("un projet"), but one of a unit is a figure: "un an", "un euro"
        if parsed.value == 1 and (reading is None or not reading.strong or reading.kind == "factor") and not (reading and reading.add):
            return None
        if reading is None and not _number_words_alone(text, number_start, number_end):
            return None  # "un bâtiment neuf", "les Quinze-Vingts", "repartir de zéro"

    before_number = number_start
    currency_before = _currency_before(text, number_start, floor)
    if currency_before and reading is not None and reading.unit == "meter" and text[number_end:reading.end] == "m":
        reading = _Reading(reading.end, "number", "count", 10**6)  # "£300m", "$5m": English money writes a million "m"
    if currency_before and currency_before.group("currency") in french.ISO_CODES_ALSO_WORDS and not _shows_money(
        text, number_end, reading.scale if reading is not None and reading.kind in ("number", "count") else 1
    ):
        currency_before = None  # "la COP 28", "SAR 2": a name and its number, not pesos nor riyals
    if currency_before and (reading is None or reading.kind in ("number", "count")):
        code = _currency_code(currency_before.group("currency"))
        if code is None:
            return None  # "XY$10": a dollar of no known country
        scale = reading.scale if reading is not None else 1
        end = reading.end if reading is not None and reading.kind == "number" else number_end
        reading = _Reading(end, "money", code, scale)
        before_number = number_start - (len(currency_before.group()))
    elif digits is not None and number_start and text[number_start - 1].isalpha():
        return None  # digits glued to letters that are no currency code: "ABC123"
    negative = False
    if digits is not None and before_number > floor and text[before_number - 1] in _MINUS_SIGNS:
        if (before_number == 1 or text[before_number - 2] in " \t\n(\u00a0\u202f") and not (
            text[max(0, before_number - 6):before_number - 1].rstrip(WHITESPACE)[-1:].isdigit()  # "12 -18 ans": a range
        ) and not (
            text[before_number - 1] != "−" and _INCISE_CLOSE.match(text, reading.end if reading is not None else number_end)
        ):  # "les aides -2,1 milliards d'euros- ont progressé": a dash opening an incise, not a minus
            negative, before_number = True, before_number - 1

    if reading is not None and reading.unit == "hour" and parsed.value <= 24 and _TIME_BEFORE.search(text[max(0, before_number - 12):before_number]):
        return None  # "à 14 h", "de 9 heures à 18 heures": a time of day ("un délai de 48 heures" is none)

    if digits is not None and (reading is None or not reading.strong):
        compact = digits.strip()
        if _YEAR.fullmatch(compact) and (reading is None or not reading.noun or reading.noun in ("an", "année")):
            return None  # en 2026, d'ici 2030, France 2030
        if _YEAR.fullmatch(compact) and reading is not None and not reading.noun.endswith(("s", "x")) and not text[number_end:reading.end].rstrip().endswith(("s", "x")):
            return None  # "2025 doit", "2030 année": a year followed by a word
        if _YEAR.fullmatch(compact) and _word_before(text, number_start) in french.YEAR_BEFORE_WORDS:
            return None  # "Depuis 2019 hôpitaux et cliniques coopèrent": a year, no count of hôpitaux
        if (reading is None or "." in compact and "," not in compact) and _is_name_label(text, number_start):
            return None  # DALVIA 2.0, Windows 11, "L'Industrie 4.0 arrive" (a dotted version, not a count)
        if reading is None and _DOTTED_LABEL.fullmatch(compact) and not is_english(text, number_start):
            return None  # "le 49.3", "l'industrie 4.0", "le web 3.0": French writes a decimal comma, so a label
        if reading is None and before_number == number_start and _word_before(text, number_start) in french.SINGULAR_ARTICLES:
            return None  # "composez le 3919", "le 15 a répondu", "appeler au 112": one thing named by a number

    divided = False
    if (reading is None or reading.kind in ("count", "number")) and factor_before and before_number == number_start:
        if reading is not None and reading.add and reading.noun is None:  # "multiplié par deux et demi": 2,5
            reading = _Reading(reading.end, "factor", "times", add=reading.add, half_unit=reading.half_unit)
        else:
            reading = _Reading(number_end, "factor", "times")
        before_number = factor_window + factor_before.start()  # "multiplié par 3" is the figure
        divided = factor_before.group().lower().startswith("divis")
    elif reading is not None and reading.kind == "factor" and _smaller_after(text, reading.end):
        divided = True  # "deux fois moins", "dix fois moindre", "quatre fois plus courts": a factor 1/N

    qualifier, start = _qualifier(text, before_number, floor, words)
    if qualifier == "exact" and reading is not None and reading.fraction and reading.kind == "percent":
        qualifier, start = _share_qualifier(text, before_number, floor)  # "plus des deux tiers des hôpitaux"
    if qualifier == "at_least" and _plus_sign_of_rate(text, start, before_number, reading):
        qualifier = "exact"  # "(+8 %)", "+35 % en un an": the sign of a change, not "plus de"
    if qualifier == "exact" and not negative and (reading is None or reading.kind in _SIGNED_KINDS):
        signed = _sign_word_before(text, start, floor)
        if signed is not None:
            negative, start = True, signed  # "moins 5 degrés", "un solde de moins 1 200 euros"
    if reading is not None and reading.negative:
        negative = True
    if reading is not None and reading.needs_context and not negative and not _in_context(text, start, reading):
        return None  # "une vision à 360 degrés": no temperature, and no count of degrés either
    if approximate or reading is not None and reading.about and qualifier == "exact":
        qualifier, start = "about", number_start if approximate else start
    end = reading.end if reading is not None else number_end
    if qualifier == "exact" and (about_after := _word_after_spaces(_ABOUT_AFTER, text, end, _ABOUT_SPACES, _ABOUT_WORD)):
        qualifier, end = "about", about_after.end()  # "350 projets environ"
    kind = reading.kind if reading is not None else "number"
    unit = reading.unit if reading is not None else "count"
    scale = Decimal(reading.scale) if reading is not None else Decimal(1)
    value = (parsed.value + (reading.add if reading else 0)) * scale
    written = _precision(parsed, reading, parsed.value + (reading.add if reading else 0)) * scale
    loose = parsed.half_unit * scale
    if scale >= 1000 and value and not approximate and not (reading is not None and reading.about):
        cap = abs(value) * Decimal(str(SCALED_RELATIVE_MAX))
        written, loose = min(written, cap), min(loose, cap)
    if negative:
        value = -value
    value_f, factor, unit = _canonical(value, kind, unit)
    low, high = _interval(value_f, float(written) * factor, qualifier, float(loose) * factor)
    if divided and value_f:
        # "divisé par 4": the thing became a quarter of itself, a factor of 0.25
        value_f, low, high = 1 / value_f, (1 / high if high else None), (1 / low if low else None)
    return Quantity(start, end, text[start:end], kind, value_f, unit, low, high, qualifier,
                    reading.noun if reading is not None else None, number_start, number_end)


def _canonical(value: Decimal, kind: str, unit: str) -> tuple[float, float, str]:
    """A value in ``unit`` converted to the canonical unit of ``kind`` (money stays in its
    currency): the value, the factor that converts a difference (a precision), the canonical unit."""
    if kind not in units.CANONICAL or kind in ("count", "number", "percent", "percentage_point", "factor"):
        return float(value), 1.0, unit
    factor = units.factor(unit, kind)
    return float(value) * factor + units.offset(unit, kind), factor, units.CANONICAL[kind]


def _in_context(text: str, start: int, reading: _Reading) -> bool:
    """Whether the sentence around a figure read as ``reading`` has a context word of its kind
    (french.KIND_CONTEXT_WORDS): "30 degrés" is a temperature in "la température atteint 30 degrés"."""
    window = text[max(0, start - 120):reading.end + 80]
    before, after = window[:start - max(0, start - 120)], window[start - max(0, start - 120):]
    sentence = before[max(before.rfind(mark) for mark in ".!?\n") + 1:] + after[:min((i for i in (after.find(m) for m in ".!?\n") if i >= 0), default=len(after))]
    return _CONTEXT_WORDS[reading.kind].search(sentence) is not None


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


def _smaller_after(text: str, end: int) -> bool:
    """Whether words after "N fois" that ends at ``end`` make it a factor 1/N (french.SMALLER_AFTER_TIMES)."""
    return text[end:end + 1] in WHITESPACE and end < len(text) and _SMALLER_AFTER.match(text, end, end + 40) is not None


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
    if is_bare and not (first.qualifier == second.qualifier == "exact"
                        and (second.kind != "number" or second.value != _number_value(text, second))
                        and _number_value(text, first) < _number_value(text, second)):
        return None
    if first.kind == "number" and first.qualifier == "exact" and (second.kind != "number" or second.value != _number_value(text, second)):
        first = _borrowed(text, first, second)  # "de 1500 à 7 litres", "entre 5 et 10 M€", "2 à 3 millions"
        if first is None:
            return None
    elif first.kind != second.kind or first.unit != second.unit:
        return None
    change = _CHANGE_BEFORE.search(prefix)
    if is_from and change and _against_its_direction(prefix[change.start():], first.value, second.value):
        change = None  # "a baissé de 20 à 30 %": a fall of 20 to 30 %, not a fall from 20 % to 30 %
    elif is_from and (change or first.value > second.value):
        return [first, second]  # "passant de 7 % à 21 %": a change, two figures
    low, high = min(first.value, second.value), max(first.value, second.value)
    start = first.start
    if is_between and first.qualifier == "exact":
        start -= len(prefix) - is_between.start()  # "entre 10 et 20": "entre" makes it a range
    return [Quantity(start, second.end, text[start:second.end], second.kind, (first.value + second.value) / 2,
                     second.unit, low, high, "range", second.noun, first.number_start, second.number_end)]


def _against_its_direction(words: str, first: float, second: float) -> bool:
    """Whether a change "de X à Y" after ``words`` (the text before X, from a word of change on)
    would go against what its last word of change says: a fall to a larger figure, a rise to a
    smaller one."""
    last = None
    for last in _CHANGE_WORD.finditer(words):
        pass
    if last is None:
        return False
    if _FALL_WORD.match(words, last.start()):
        return first < second
    if _RISE_WORD.match(words, last.start()):
        return first > second
    return False


def _borrowed(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """The first figure of a range or a change read with the second's unit, and its scale when the
    first has none of its own: "entre 2 et 3 millions", "de 1500 à 7 litres". A scale written once
    for two figures grouped in thousands is shared too, when the first is less than the second's
    leading group and more than a tenth of it: "de 300 à 400 000 logements" is 300 000 to 400 000
    ("de 1 à 10 000 euros" stays 1 to 10 000). "passant de 6 milliards à 5 milliards d'euros"
    keeps its own scale. None when the second's unit cannot be read again."""
    reading = _read_after(text, second.number_end, allow_noun=True, takes_de=True)
    if reading is None or reading is _NOT_A_FIGURE or second.kind == "money" and reading.kind != "money":
        return None  # "$5 à $10": a currency before the second, which the first does not show
    surface = text[first.number_start:first.number_end]
    try:
        parsed = parse_digits(surface)
    except ValueError:
        try:
            parsed = parse_words(surface)
        except ValueError:
            return None
    own_scale = Decimal(first.value) / parsed.value if parsed.value else Decimal(1)
    half = Decimal((first.high - first.low) / 2) if first.low is not None and first.high is not None else Decimal(0)
    if abs(own_scale - 1) > Decimal("1e-9"):
        scale = own_scale.quantize(Decimal(1)) if own_scale >= 1 else own_scale
        half /= scale  # the first's precision, with its own scale, as written before it
    else:
        scale = Decimal(reading.scale) * _shared_thousands(surface, text[second.number_start:second.number_end])
    value, factor, unit = _canonical((parsed.value + reading.add) * scale, reading.kind, reading.unit)
    low, high = _interval(value, float(half * scale) * factor, "exact")
    return replace(first, kind=second.kind, unit=unit, value=value, low=low, high=high, noun=second.noun)


_GROUPS = _Lazy(rf"\d{{1,3}}(?:{_SP}\d{{3}})+")


def _shared_thousands(first: str, second: str) -> int:
    """1000 ** n when ``second`` ends with n groups of "000" that ``first``, an integer written
    without them, leaves for it to say: "300" before "400 000" (see _borrowed); else 1."""
    if not first.isdigit() or not _GROUPS.fullmatch(second):
        return 1
    groups = regex.split(_SP, second)
    zeros = 0
    while zeros < len(groups) - 1 and groups[-1 - zeros] == "000":
        zeros += 1
    lead = int("".join(groups[:len(groups) - zeros]))
    if zeros and int(first) < lead < 10 * int(first):
        return 1000**zeros
    return 1


def _number_value(text: str, quantity: Quantity) -> float:
    surface = text[quantity.number_start:quantity.number_end]
    try:
        return float(parse_digits(surface).value)
    except ValueError:
        try:
            return float(parse_words(surface).value)
        except ValueError:
            return 0.0
