"""French number grammar: digits with a decimal comma and grouped thousands, and number words.

Every parser returns the value and two precisions, so that later stages know what rounding
allows: half a unit of the last written digit (``718,4`` -> 0.05, ``550`` -> 0.5: the writer who
chose ``550 millions`` could have written ``550,5 millions``), and half a unit of the last digit
that is not a trailing zero (``550`` -> 5, ``8 000`` -> 500: how far a round figure may be from
what it rounds, which is how ``environ 8 000`` is read).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

import regex

# Characters French typography uses to group thousands.
GROUP_SEPARATORS = " \u00a0\u202f\u2009\u2007'’"  # and the Swiss apostrophe: 1'200, 1’500’000
_DOT_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")

# Number words, cardinal, as they can appear inside a compound ("vingt-et-un", "quatre-vingts").
NUMBER_WORDS = (
    "zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente",
    "quarante", "cinquante", "soixante", "cent", "cents", "mille",
    # Belgian and Swiss French
    "septante", "huitante", "octante", "nonante",
)

# "une dizaine de projets": approximate collective numerals.
APPROXIMATE_WORDS: dict[str, int] = {
    "huitaine": 8, "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}


# Fractions written as one character, the ones French prose uses: "½ litre", "2 ½ ans", "¾ des patients".
VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4)}


@dataclass(frozen=True)
class ParsedNumber:
    value: Decimal
    half_unit: Decimal  # half of the place value of the last digit that is not a trailing zero
    digit_half: Decimal = Decimal("0.5")  # half of the place value of the last written digit


def _half_unit_of_integer(digits: str) -> Decimal:
    stripped = digits.rstrip("0")
    if not stripped:  # "0" or "000": precise to the unit
        return Decimal("0.5")
    return Decimal(5) * Decimal(10) ** (len(digits) - len(stripped) - 1)


@lru_cache(maxsize=8192)
def parse_digits(surface: str) -> ParsedNumber:
    """Parse a number written in digits, French style.

    ``"718,4"`` -> 718.4; ``"3 500"`` (any group separator) -> 3500; ``"1.500.000"`` -> 1500000
    (dots grouping thousands); ``"2.5"`` -> 2.5 (a dot not followed by exactly three digits is a
    decimal point). Raises ValueError for anything else. Cached: the same figures come back in
    every document (the result is immutable).
    """
    compact = "".join(ch for ch in surface if ch not in GROUP_SEPARATORS)
    if _DOT_THOUSANDS.fullmatch(compact) and "," not in compact:
        compact = compact.replace(".", "")
    elif "," in compact and "." in compact:
        # "1.500,25": dots group, the comma is the decimal mark.
        compact = compact.replace(".", "")
    compact = compact.replace(",", ".")
    digits = compact.replace(".", "")
    if not compact or compact.count(".") > 1 or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a French number: {surface!r}")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        raise ValueError(f"not a French number: {surface!r}") from None
    if "." in compact:
        decimals = len(compact.split(".")[1])
        half_unit = Decimal(5) * Decimal(10) ** (-decimals - 1)
        return ParsedNumber(value, half_unit, half_unit)
    return ParsedNumber(value, _half_unit_of_integer(compact.lstrip("0") or "0"))


# A number as English writes it: commas between thousands, a decimal point.
_ENGLISH_NUMBER = regex.compile(r"(?a:\d{1,3}(?:,\d{3})+|\d+)(?:\.(?a:\d+))?")
# Written the same way in both languages but read differently: "1,200" (French 1,2), "1.500" (French 1 500).
_AMBIGUOUS_NUMBER = regex.compile(r"(?a:\d{1,3}[,.]\d{3})")
# Only English writes this: several thousands commas, or a comma then a decimal point ("3,000,000", "1,234.5").
_ENGLISH_ONLY = regex.compile(r"(?a:\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+)")


@lru_cache(maxsize=4096)
def parse_english_digits(surface: str) -> ParsedNumber:
    """Parse a number written in digits the English way: ``"1,200"`` -> 1200, ``"3,000,000"``,
    ``"1,234.5"`` -> 1234.5, ``"1.500"`` -> 1.5. Raises ValueError for anything else."""
    if not _ENGLISH_NUMBER.fullmatch(surface):
        raise ValueError(f"not an English number: {surface!r}")
    compact = surface.replace(",", "")
    value = Decimal(compact)
    if "." in compact:
        half_unit = Decimal(5) * Decimal(10) ** (-len(compact.split(".")[1]) - 1)
        return ParsedNumber(value, half_unit, half_unit)
    return ParsedNumber(value, _half_unit_of_integer(compact.lstrip("0") or "0"))


def reads_differently_in_english(surface: str) -> bool:
    """Whether digits read as English give another value than read as French: "1,200", "1.500"."""
    return _AMBIGUOUS_NUMBER.fullmatch(surface) is not None


def only_english(surface: str) -> bool:
    """Whether digits can only be English: "3,000,000", "1,234.5" (no French reading)."""
    return _ENGLISH_ONLY.fullmatch(surface) is not None


def parse_words(surface: str) -> ParsedNumber:
    """Parse French number words (``"trente-deux"``, ``"quatre-vingt-dix"``) with text2num."""
    parsed = _parse_normalised_words(_SPACES.sub(" ", surface.strip().lower()))
    if parsed is None:
        raise ValueError(f"not French number words: {surface!r}")
    return parsed


_SPACES = regex.compile(r"\s+")


@lru_cache(maxsize=4096)
def _parse_normalised_words(normalised: str) -> ParsedNumber | None:
    """parse_words, cached (None: not number words): the same words come back in every document."""
    from text_to_num import text2num

    if normalised in ("un", "une"):
        return ParsedNumber(Decimal(1), Decimal("0.5"))
    try:
        value = int(text2num(normalised, "fr"))
    except ValueError:
        return None
    return ParsedNumber(Decimal(value), _half_unit_of_integer(str(value)))
