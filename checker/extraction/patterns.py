"""The pattern fragments the extractor's modules share, what a candidate number is, and patterns
compiled on first use.

``CANDIDATE`` is the grammar of the numbers the extractor reads, as the alternatives of one
pattern: digits ("1 200", "3,5", "3,000,000"), a collective noun after its article ("une
dizaine"), a share noun after its article ("la moitié"), number words ("vingt-deux"), a fraction
of one character ("½"), a factor ("x 3"); ``checker.extraction.candidates`` finds its matches
faster than the pattern would. ``_Lazy`` and ``_compiled`` compile a pattern when first used.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from checker import french
from checker.extraction.numbers import APPROXIMATE_WORDS, NUMBER_WORDS, VULGAR_FRACTIONS


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


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern built where it is used, compiled on first use (as _Lazy says why) and kept."""
    return regex.compile(pattern, flags)


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

# Patterns that several of the extractor's modules read with.
# "une dizaine de projets", "1 000 000 d'euros": a "de" between a noun-like number and what it counts.
_DE_AFTER = regex.compile(rf"(?:{_SP}|\s)+(?i:d{_APOS}|de(?=\s))")
_PARTITIVE = _Lazy(rf"\s+(?i:{french.PARTITIVE})(?![\p{{L}}])")
_YEAR = regex.compile(r"(?:1[89]|20|21)\d\d")
_LETTERS_AND_HYPHENS = regex.compile(r"\p{L}+(?:-\p{L}+)*")
