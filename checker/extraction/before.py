"""The reading of what precedes a number: its qualifier, its sign, its currency, the word before it.

``_qualifier`` gives the qualifier written before a figure ("plus de", "environ", "jusqu'à":
at_least, about, at_most) and where it starts, ``_share_qualifier`` that of a share ("plus des
deux tiers"); ``_sign_word_before`` finds a sign word ("moins 5 degrés"), next to the minus signs
written before digits; ``_currency_before`` a currency written first ("$5", "EUR 300");
``_points_of_change`` whether points follow a word of change; ``_word_before`` the word before.
"""

from __future__ import annotations

import regex

from checker import french
from checker.extraction.patterns import WHITESPACE, _APOS, _Lazy
from checker.extraction.readings import _Reading
from checker.extraction.tables import _alternatives

_LOOK_BEHIND = 48

# A qualifier that ends where a number begins ("plus de 300"): what its leftmost match in the text
# before the number means, a search that tries every start of that text (case-insensitive).
QUALIFIER_BEFORE = "(?:" + "|".join(
    f"(?P<{name}>(?<![\\p{{L}}])(?:{'|'.join(patterns)}))" for name, patterns in french.QUALIFIERS_BEFORE.items()
) + r")$"
# The same match found in one try, backwards from the end ((?r)): POSIX matching ((?p)) takes the
# longest match that ends there, which begins where the leftmost one does; no two kinds of
# qualifier spell the same words, so that it is of the same kind (tests/extraction/test_extractor_speed.py).
_QUALIFIER_BEFORE = regex.compile(f"(?rp){QUALIFIER_BEFORE}", regex.IGNORECASE)


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


_ONLY_NEGATION = _Lazy(french.ONLY_NEGATION)
# "en hausse de +12 %", "progression annuelle : +5 %": a word of change, then the sign of the change
_CHANGE_THEN_SIGN = _Lazy(
    rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])(?:\s+\p{{L}}+){{0,3}}?\s*(?i:de|d{_APOS}|:|\(|,)?\s*$"
)


def _clause_before(text: str, start: int, floor: int) -> str:
    """The text of the clause before ``start``: back to a sentence or clause mark, 60 characters at most."""
    window = text[max(0, start - 60, floor):start]
    return window[max(window.rfind(mark) for mark in ".;:!?\n") + 1:]


# Kinds of a rate, whose "+" glued to the number is the sign of a change ("+8 %", "+2 points")
_RATE_KINDS = frozenset({"percent", "percentage_point"})


def _plus_sign_of_rate(text: str, start: int, before_number: int, reading: _Reading | None) -> bool:
    """Whether the qualifier at ``start`` is a "+" glued to a percent or points: "(+8 %)", "soit +40 %"
    are changes, exact; "+650 M€", "+3 000 participants" (money, counts) stay "plus de"."""
    return reading is not None and reading.kind in _RATE_KINDS and text[start:before_number] == "+"


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


def _sign_word_before(text: str, start: int, floor: int) -> int | None:
    """Where a sign word (french.SIGN_WORDS) written just before ``start`` begins, if there is one."""
    window = text[max(0, start - 24, floor):start]
    if not window.rstrip(WHITESPACE).lower().endswith(_SIGN_WORD_ENDINGS):
        return None
    match = _SIGN_WORD_BEFORE.search(window)
    if match is None or (match.group("before") or "").lower() in french.NOT_SIGN_AFTER:
        return None
    return start - (len(window) - match.start("sign"))


# A currency written before a number: "$5", "C$10", "€ 3,5", "EUR 300", "EUR29,99".
_CURRENCY_BEFORE = regex.compile(
    rf"(?P<currency>(?<![\p{{L}}])[A-Z]{{1,3}}\$|{_alternatives(french.CURRENCY_SYMBOLS)}|(?<![\p{{L}}])(?:{_alternatives(french.ISO_CODES)}))\s?$"
)
# The last characters of those currencies: a text that ends otherwise (spaces left out) has none.
_CURRENCY_BEFORE_LAST = frozenset({"$", *french.CURRENCY_SYMBOLS, *(code[-1] for code in french.ISO_CODES)})


def _currency_before(text: str, start: int, floor: int = 0) -> regex.Match[str] | None:
    """The currency ("$", "€", "US$", "EUR") that ends right before ``start``, a space at most
    between, never before ``floor``; the last character is looked at first (most have none)."""
    before = text[max(0, start - 6, floor):start]
    return _CURRENCY_BEFORE.search(before) if before.rstrip(WHITESPACE)[-1:] in _CURRENCY_BEFORE_LAST else None


# "en hausse de 3 points", "un écart de 4 points", "5 points de moins": points of a rate (_points_of_change)
_POINTS_CHANGE_BEFORE = _Lazy(
    rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS}|écarts?|gains?|pertes?)(?![\p{{L}}])(?:\s+\p{{L}}+){{0,2}}?\s*(?i:de|d{_APOS}|:)?\s*$"
)
_POINTS_MORE_OR_LESS = _Lazy(r"\s+(?i:de\s+(?:plus|moins)|en\s+(?:plus|moins))(?![\p{L}])")


def _points_of_change(text: str, number_start: int, end: int, floor: int) -> bool:
    """Whether "N points" that ends at ``end`` is a change of a rate, in percentage points: after a
    word of change ("en hausse de 3 points", "a perdu 0,5 point", "un écart de 4 points") or
    before "de plus", "de moins" ("5 points de moins qu'en 2020"); elsewhere points are counted
    ("un plan en 10 points", "12 points au classement")."""
    return bool(_POINTS_CHANGE_BEFORE.search(text[max(0, number_start - 40, floor):number_start]) or _POINTS_MORE_OR_LESS.match(text, end))


_WORD_BEFORE = _Lazy(r"(\p{L}+)['’ʼ]?\s*$")


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` (spaces left out), lower-case."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return match.group(1).lower() if match else ""
