"""Figures whose unit is said elsewhere: French leaves the unit out once the sentence makes it plain.

``un budget de 2,3 milliards``, ``480 millions ont été engagés``, ``les 12 milliards du plan``
(after ``un plan de 30 milliards d'euros``), ``300 M€, dont 45 pour la formation et 30 pour la
recherche``, ``sur les 29 pays, 25 ont ratifié``. Each such bare number (kind ``number``) is given
the unit its sentence or paragraph makes plain, and says why in ``Quantity.inferred``. Nothing
else is guessed: a bare number with no such words around it stays a bare number.

Three readings, tried in turn (the words are tables of checker.french), the first with a variant:

1. **a part of the figure before it**: after a figure of the same sentence and a word that
   introduces its parts (``dont``, ``soit``, ``parmi lesquels``), or after ``sur les 29 pays,``;
   the number takes that figure's unit and scale, and must not exceed it; or **a figure set against
   the one before it** (``12 M€ en 2023, contre 10 en 2022``, ``après``, ``face à``), which takes
   its unit and scale and may exceed it;
2. **money said by a word of money**: a number written with a scale word (``2,3 milliards``) next
   to a noun of money before it (``budget de``, ``enveloppe de``), a verb of funding before it
   (``doté de``, ``investit``, ``à hauteur de``) or a participle of spending after it (``ont été
   engagés``);
3. **money said by the paragraph**: a number written with a scale word whose nearest figure before
   it in the paragraph is an amount of money with the same scale word (``un plan de 30 milliards
   d'euros ... les 12 milliards du plan``).

The currency is that of the nearest amount of money in the paragraph, else the only currency the
text states; a text that states none is read in euros (the currency of French writing) only for
the second reading, where a word of money says the figure is one, and ``inferred`` says so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from checker import french

if TYPE_CHECKING:  # the extractor calls this module: no import back at run time
    from checker.extraction.quantity import Quantity

# How far, in characters, the words that make a unit plain are looked for around a figure.
_BEFORE_WINDOW = 60
_AFTER_WINDOW = 50

_SCALE_AFTER = regex.compile(
    r"\s*(?P<scale>(?i:" + "|".join(sorted(map(regex.escape, french.SCALE_WORDS), key=len, reverse=True)) + ")"
    + "|" + "|".join(sorted(map(regex.escape, french.SCALE_SYMBOLS), key=len, reverse=True)) + r")(?![\p{L}])"
)
_MONEY_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:{french.MONEY_NOUNS})\s+(?:\p{{L}}+\s+){{0,2}}(?:de|d['’ʼ]|à|s['’ʼ]élevant\s+à|d['’ʼ]environ)\s*(?:plus\s+de\s+|près\s+de\s+|environ\s+)?$",
    regex.IGNORECASE,
)
_MONEY_VERB_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:{french.MONEY_VERBS})\s*(?:plus\s+de\s+|près\s+de\s+|environ\s+)?$", regex.IGNORECASE
)
_MONEY_AFTER = regex.compile(
    rf"^\s*(?:(?:ont|a|auront|ont\s+déjà|a\s+déjà|sont|seront|vont|doivent)\s+)?(?:(?:été|être|déjà)\s+)*(?:{french.MONEY_PARTICIPLES})(?![\p{{L}}])",
    regex.IGNORECASE,
)
# a currency named after the number but not read ("12 millions de francs"): no currency to infer
_UNNAMED_CURRENCY_AFTER = regex.compile(
    rf"\s*(?:de\s+|d['’ʼ]\s*)?(?:{'|'.join(sorted(french.UNNAMED_CURRENCY_WORDS, key=len, reverse=True))})(?![\p{{L}}])",
    regex.IGNORECASE,
)
_PART_OF = regex.compile(rf"(?<![\p{{L}}])(?:{french.PART_WORDS})(?![\p{{L}}])", regex.IGNORECASE)
# "sur les 29 pays, 25 ...": the whole is named after one of these words, the part follows a comma
_WHOLE_BEFORE = regex.compile(r"(?<![\p{L}])(?:sur|parmi|de|d['’ʼ])\s*(?:les|ces|ses|leurs|nos)\s+$", regex.IGNORECASE)
# between the whole and its part: at most two words (retenus, en tout), then a comma
_WHOLE_THEN_COMMA = regex.compile(r"^(?:\s*[\p{L}'’ʼ-]+){0,2}\s*,\s*(?:seul(?:e?s)?\s+)?$", regex.IGNORECASE)
# a part named after another: "et", "ou" or a comma between them, no new sentence
# between a figure and one set against it: "contre", "après", "face à"... just before the second
_COMPARED_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:contre|après|face\s+(?:à|aux?)|comparée?s?\s+(?:à|aux?)|par\s+rapport\s+(?:à|aux?)|vs\.?|versus)\s+(?:seulement\s+|à\s+peine\s+|les\s+|des\s+)?$",
    regex.IGNORECASE,
)
_ENUMERATION_GOES_ON = regex.compile(r"(?<![\p{L}])(?:et|ou)(?![\p{L}])|,")
_SENTENCE_END = regex.compile(r"[.!?…](?=\s)|\n")
_PARAGRAPH_END = regex.compile(r"\n")
DEFAULT_CURRENCY = "EUR"


def infer_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each bare number read in the unit its words make plain (see the module)."""
    if not any(quantity.kind == "number" for quantity in quantities):
        return quantities
    currencies = {quantity.unit for quantity in quantities if quantity.kind == "money"}
    only_currency = next(iter(currencies)) if len(currencies) == 1 else None
    result = list(quantities)
    wholes: dict[int, Quantity] = {}  # the figure each part was read under, by the part's index
    for index, quantity in enumerate(quantities):
        if quantity.kind != "number" or quantity.value < 0 or _UNNAMED_CURRENCY_AFTER.match(text, quantity.end):
            continue  # "investit 12 millions de francs": French, Swiss or CFA francs, never euros
        previous = _previous_in(text, result, index, _SENTENCE_END)
        inferred = None
        if previous is not None:
            whole = wholes.get(index - 1)
            if whole is not None and _ENUMERATION_GOES_ON.search(text, previous.end, quantity.start):
                inferred = _as_part(text, quantity, whole, listed=True)  # "dont 45 pour X et 30 pour Y"
            else:
                whole = previous
                inferred = _as_part(text, quantity, whole)
            if inferred is not None:
                wholes[index] = whole
            else:
                inferred = _as_compared(text, quantity, previous)  # "12 M€ en 2023, contre 10 en 2022"
        if inferred is None and _scale_of(quantity) is not None:
            inferred = _money(text, quantity, _previous_in(text, result, index, _PARAGRAPH_END), only_currency)
        if inferred is not None:
            result[index] = inferred
    return result


def _previous_in(text: str, quantities: list[Quantity], index: int, end: regex.Pattern[str]) -> Quantity | None:
    """The figure just before ``quantities[index]`` when nothing matching ``end`` lies between them."""
    if index == 0:
        return None
    before = quantities[index - 1]
    if end.search(text, before.end, quantities[index].start):
        return None
    return before


def _scale_of(quantity: Quantity) -> str | None:
    """The scale word written after a bare number (``milliards``, ``M``), or None."""
    match = _SCALE_AFTER.match(quantity.text, quantity.number_end - quantity.start)
    return match.group("scale") if match else None


def _as_part(text: str, quantity: Quantity, whole: Quantity, listed: bool = False) -> Quantity | None:
    """Reading 1: a part of ``whole``, the figure before it in its sentence (``listed``: a part
    named after another part of it)."""
    between = text[whole.end:quantity.start]
    if whole.kind == "money":
        if not (listed or _PART_OF.search(between)):
            return None
        scale = 1.0 if _scale_of(quantity) is not None else _whole_scale(whole)
        read = _in_unit(quantity, "money", whole.unit, scale, f"a part of '{whole.text}' before it")
        return read if read.value <= whole.value else None
    if whole.kind == "count" and whole.noun:
        opened = _WHOLE_BEFORE.search(text[max(0, whole.start - 20):whole.start])
        if not (listed or _PART_OF.search(between) or opened and _WHOLE_THEN_COMMA.match(between)):
            return None
        read = _in_unit(quantity, "count", "count", 1.0, f"a part of '{whole.text}' before it", noun=whole.noun)
        return read if read.value <= whole.value else None
    return None


def _as_compared(text: str, quantity: Quantity, compared: Quantity) -> Quantity | None:
    """Reading 1b: a figure set against the one before it in its sentence (``contre``, ``après``,
    ``face à``...) that leaves its unit out: it is in the unit, and the scale, of that figure
    (``12 M€ en 2023, contre 10 en 2022``; ``52 %, contre 48 en 2015``; ``3 000 pharmacies,
    contre 2 500 un an plus tôt``)."""
    if not _COMPARED_BEFORE.search(text, compared.end, quantity.start):
        return None
    why = f"set against '{compared.text}' before it"
    scale = 1.0 if _scale_of(quantity) is not None else _whole_scale(compared)
    if compared.kind in ("money", "percent", "percentage_point"):
        return _in_unit(quantity, compared.kind, compared.unit, scale, why)
    if compared.kind == "count" and compared.noun:
        return _in_unit(quantity, "count", "count", scale, why, noun=compared.noun)
    return None


def _whole_scale(whole: Quantity) -> float:
    """The scale the whole was written with: ``300 M€`` -> 10^6 (its value over its number's)."""
    scale = _scale_of(whole)
    if scale is None:
        return 1.0
    return float(french.SCALE_WORDS.get(scale.lower()) or french.SCALE_SYMBOLS.get(scale, 1))


def _money(text: str, quantity: Quantity, previous: Quantity | None, only_currency: str | None) -> Quantity | None:
    """Readings 2 and 3: an amount of money said by a word of money, or by the paragraph."""
    before = text[max(0, quantity.start - _BEFORE_WINDOW):quantity.start]
    after = text[quantity.end:quantity.end + _AFTER_WINDOW]
    near = previous if previous is not None and previous.kind == "money" else None
    said = _MONEY_BEFORE.search(before) or _MONEY_VERB_BEFORE.search(before) or _MONEY_AFTER.match(after)
    if said:
        word = said.group().strip()
        if near is not None:
            return _in_unit(quantity, "money", near.unit, 1.0, f"money said by '{word}', currency of '{near.text}'")
        if only_currency is not None:
            return _in_unit(quantity, "money", only_currency, 1.0, f"money said by '{word}', the text's currency")
        return _in_unit(quantity, "money", DEFAULT_CURRENCY, 1.0, f"money said by '{word}', no currency stated: euros")
    if near is not None and _same_scale(near, quantity):
        return _in_unit(quantity, "money", near.unit, 1.0, f"an amount like '{near.text}' before it in the paragraph")
    return None


def _same_scale(first: Quantity, second: Quantity) -> bool:
    one, other = _scale_of(first), _scale_of(second)
    if one is None or other is None:
        return False
    value = lambda word: french.SCALE_WORDS.get(word.lower()) or french.SCALE_SYMBOLS.get(word)  # noqa: E731
    return value(one) == value(other)


def _in_unit(quantity: Quantity, kind: str, unit: str, scale: float, why: str, noun: str | None = None) -> Quantity:
    def scaled(value: float | None) -> float | None:
        return None if value is None else value * scale

    return replace(
        quantity, kind=kind, unit=unit, value=quantity.value * scale, low=scaled(quantity.low),
        high=scaled(quantity.high), noun=noun, inferred=why,
    )

