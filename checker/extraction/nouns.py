"""A counted noun or a fraction after a number: "120 nouveaux projets", "deux tiers des médecins".

``_counted`` reads the noun (an adjective before it passed over) as its ``singular``, ``_fraction``
a fraction word ("tiers", "quart"); both give a ``_Reading``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from checker import french
from checker.extraction.patterns import _DE_AFTER, _PARTITIVE
from checker.extraction.readings import _NOUN, _Reading
from checker.extraction.tables import _UNIT_WORD

_MONTH_WORD = regex.compile(french.ALL_MONTHS, regex.IGNORECASE)


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
