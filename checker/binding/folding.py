"""Case-insensitive scans made fast: a rule's pattern matched as written on lower-cased text.

Rules' patterns are case-insensitive (``regex.IGNORECASE``). The ``regex`` engine searches a
case-insensitive pattern whose literal beginning is short ("mois", ``\\bDMP\\b``) by trying it at
every position of the text, several times slower than it finds a case-sensitive one. So a
document is lower-cased once, and each pattern whose meaning allows it is lower-cased too and
matched case-sensitively there: the same spans (lower-casing keeps every offset), found faster.

Both halves are checked, and either may say no, in which case the pattern is matched as before:

- the text (``folded_text``): only characters of CHECKED_RANGES, where lower-casing a character
  is what IGNORECASE reads it as (tests/binding/test_folding.py verifies each of them against ``regex``),
  and none whose lower case is longer or differs from its case fold (ß, ſ, µ, İ);
- the pattern (``folded_pattern``): the same characters; escapes only of classes that do not
  depend on case (``\\s``, ``\\w``, ``\\d``, ``\\b`` and their complements) or of punctuation;
  ranges only within a-z, A-Z or 0-9; no inline flags (``(?-i:...)`` would change its meaning).
"""

from __future__ import annotations

import string
from functools import lru_cache

import regex

# Unicode ranges whose every character lower-cases to what IGNORECASE matches it with, once the
# characters whose lower case is longer or is not their case fold are left out (checked per text):
# Latin with its diacritics, Greek, Cyrillic, phonetic letters (the "ᵉ" of "XXᵉ siècle"),
# punctuation and symbols, CJK punctuation, variation selectors, full-width forms, emoji. Not the
# dotless i, which IGNORECASE takes for an "I" and lower-casing does not (tests/binding/test_folding.py).
CHECKED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x052F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2000, 0x2BFF), (0x3000, 0x303F),
    (0xFE00, 0xFE0F), (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF),
)
EXCEPTIONS = "ı"


@lru_cache(maxsize=1)
def _foldable() -> tuple[frozenset[str], str]:
    """The characters a folded text may hold: those of CHECKED_RANGES but EXCEPTIONS and the
    characters whose lower case is longer or is not their case fold (ß, ſ, µ, ς, İ); and, apart,
    the characters of Latin-1 that are not among them (ß, µ), looked for one by one."""
    checked = (chr(code) for low, high in CHECKED_RANGES for code in range(low, high + 1))
    foldable = frozenset(
        char for char in checked if char not in EXCEPTIONS and len(lowered := char.lower()) == 1 and lowered == char.casefold()
    )
    return foldable, "".join(chr(code) for code in range(256) if chr(code) not in foldable)


# Runs of characters beyond Latin-1 (’, €, œ, emoji): few in French text, each run checked once.
_BEYOND_LATIN1 = regex.compile("[^\x00-\xff]+")


# The escaped letters a folded pattern may keep: classes that mean the same on either case, and
# white space characters. Any other (\p{Lu}, \x41, \N{...}, \A, backreferences) leaves it as written.
_CASELESS_ESCAPES = frozenset("sSwWdDbBntrfv")
_RANGES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)  # a range is folded only within one of these


def folded_text(text: str) -> str | None:
    """``text`` lower-cased, offsets kept, if a folded pattern reads it as the pattern reads ``text``."""
    return text.lower() if can_fold(text) else None


def can_fold(text: str) -> bool:
    """Whether a folded pattern reads ``text`` lower-cased as the pattern reads ``text`` (and
    lower-casing keeps its offsets): so does any part of it, lower-cased on its own."""
    foldable, latin1_unfoldable = _foldable()
    if any(char in text for char in latin1_unfoldable):
        return False
    return all(foldable.issuperset(run) for run in set(_BEYOND_LATIN1.findall(text)))


def folded_pattern(source: str) -> str | None:
    """``source`` with its letters lower-cased, to be matched without IGNORECASE on folded text;
    None when lower-casing could change what it matches (see the module's docstring)."""
    if folded_text(source) is None:
        return None
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            escaped = source[index + 1:index + 2]
            if not escaped or escaped.isalnum() and escaped not in _CASELESS_ESCAPES:
                return None
            out.append(char + escaped)
            index += 2
            continue
        if in_class:
            if char == "[" and source.startswith("[:", index):
                return None  # a POSIX class, [[:upper:]]
            if char == "]" and source[index - 1] != "[" and not source.endswith("[^", 0, index):
                in_class = False
            elif char == "-" and source[index - 1] not in "[^" and source[index + 1:index + 2] not in ("]", ""):
                low, high = source[index - 1], source[index + 1]
                if source[index - 2:index - 1] == "\\" or not any(low in span and high in span for span in _RANGES):
                    return None
        elif char == "[":
            in_class = True
        elif char == "(" and source.startswith("(?", index):
            group = next((group for group in _GROUPS if source.startswith(group, index)), None)
            if group is None:
                return None  # inline flags, (?i) (?-i:...): only the constructs named in _GROUPS
            out.append(group)
            index += len(group)
            continue
        out.append(char.lower())
        index += 1
    return "".join(out)


# The group constructs a folded pattern may use: non-capturing, look-arounds, atomic, named, comments.
_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?#", "(?P<", "(?P=")

