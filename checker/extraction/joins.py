"""The joining of figures read one by one: ranges and shares.

In and out: the ``Quantity`` list of a text, in order. ``_merge_ranges`` makes one range of two
figures ("entre 10 et 20 %", "de 6 à 14 ans") or gives the second's unit to the first ("de 1500 à
7 litres"); ``_join_shares`` makes a share of a numerator and a denominator after "sur" ("un
Français sur cinq", "1 patient sur 2").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import regex

from checker import french
from checker.extraction.after import _read_after
from checker.extraction.before import _qualifier
from checker.extraction.numbers import parse_digits, parse_words
from checker.extraction.patterns import _APOS, _Lazy, _SP
from checker.extraction.quantity import Quantity
from checker.extraction.readings import _NOT_A_FIGURE
from checker.extraction.values import _canonical, _fraction_precision, _interval, _number_value


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


_RANGE_CONNECTOR = regex.compile(r"\s+(?i:et|à|a)\s+|\s*[-–]\s*")
_ENTRE_BEFORE = regex.compile(r"(?<![\p{L}])(?i:entre)\s+$")
_DE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:de|d{_APOS}|du)\s*$")
_CHANGE_WORD = regex.compile(rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])")
_FALL_WORD = regex.compile(rf"(?i:{french.FALL_WORDS})(?![\p{{L}}])")
_RISE_WORD = regex.compile(rf"(?i:{french.RISE_WORDS})(?![\p{{L}}])")
_CHANGE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{french.CHANGE_WORDS})(?![\p{{L}}])[^.\n;]{{0,60}}$")


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


_SUR_BEFORE = _Lazy(r"(?<![\p{L}])(?i:sur)\s+$")
# "un Français sur", "une sur", "un médecin généraliste sur", "un euro investi sur": the numerator 1
# of a share, and the noun phrase it counts if any (up to three words, no verb of being or having)
_ONE_BEFORE = _Lazy(
    r"(?<![\p{L}])(?P<one>(?i:une?))(?:\s+(?!(?i:est|a|ont|sont|été|était|sera|avait|y)(?![\p{L}]))\p{L}+(?:-\p{L}+)*){0,3}\s+$"
)
