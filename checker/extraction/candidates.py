"""The fast scans that find the candidate numbers of a text, as ``CANDIDATE`` would.

In: a text. Out: from ``_candidates``, ``_Candidate`` tuples in order: where, which alternative of
``checker.extraction.patterns.CANDIDATE``, the number written. How each alternative is scanned and
the scans merged is told at ``_candidates`` and at each scan. A lone "un", "une" that is an
article is left out by the scan of the words (``_WORDS_LOWER_NO_ARTICLE``) or by ``_is_article``.
tests/extraction/test_scans.py checks the scans against the pattern.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import regex

from checker import french
from checker.extraction.numbers import APPROXIMATE_WORDS, NUMBER_WORDS, VULGAR_FRACTIONS
from checker.extraction.patterns import (
    WHITESPACE, _APPROX, _DIGITS, _Lazy, _SHARE, _TIMES, _VULGAR, _WORD, _WORDS, _compiled,
)

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
# character that is no letter is that character (tests/extraction/test_scans.py checks every character),
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
