"""Figures whose unit is said elsewhere (checker.extraction.infer): read in the unit their words make plain,
and marked so; a bare number that nothing explains stays bare."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.binding.bind import bind
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.rules import parse_rules

# sentence, the figure as written, its kind, value, unit and noun once read
INFERRED = [
    # a noun of money before it, a participle of spending after it
    ("Le plan dispose d'un budget de 2,3 milliards pour trois ans.", "2,3 milliards", "money", 2.3e9, "EUR", None),
    ("L'enveloppe de 150 millions sera répartie entre les régions.", "150 millions", "money", 150e6, "EUR", None),
    ("Le programme bénéficie d'une dotation de 40 millions.", "40 millions", "money", 40e6, "EUR", None),
    ("Au total, 480 millions ont été engagés par l'État.", "480 millions", "money", 480e6, "EUR", None),
    ("Depuis 2021, 1,2 milliard a déjà été investi dans les hôpitaux.", "1,2 milliard", "money", 1.2e9, "EUR", None),
    ("Cette année, 35 millions seront consacrés à la prévention.", "35 millions", "money", 35e6, "EUR", None),
    # a verb of funding before it
    ("Le programme, doté de 50 millions, compte douze lauréats.", "50 millions", "money", 50e6, "EUR", None),
    ("Le plan investit 1,5 milliard dans les hôpitaux.", "1,5 milliard", "money", 1.5e9, "EUR", None),
    ("Le projet est financé à hauteur de 30 millions par la région.", "30 millions", "money", 30e6, "EUR", None),
    ("La région a investi près de 2 millions l'an dernier.", "près de 2 millions", "money", 2e6, "EUR", None),
    ("L'État débloque 400 millions pour les urgences.", "400 millions", "money", 400e6, "EUR", None),
    # a figure set against the one before it
    ("Le chiffre d'affaires atteint 12 M€ en 2023, contre 10 en 2022.", "10", "money", 10e6, "EUR", None),
    ("Le budget est de 10,5 Md€, après 8,7 en 2022.", "8,7", "money", 8.7e9, "EUR", None),
    ("Le taux atteint 52 %, contre 48 en 2015.", "48", "percent", 48, "percent", None),
    ("On compte 3 000 pharmacies raccordées, contre 2 500 un an plus tôt.", "2 500", "count", 2500, "count", "pharmacie"),
    ("Les dépenses atteignent 2 Md€, face à 1,6 l'an passé.", "1,6", "money", 1.6e9, "EUR", None),
    # the currency the paragraph states
    ("Le fonds américain a levé 200 millions de dollars ; un budget de 50 millions est prévu en 2026.", "50 millions", "money", 50e6, "USD", None),
    # an amount like the one before it in the paragraph
    ("Un plan de 30 milliards d'euros a été annoncé. Les 12 milliards du plan iront à l'industrie.", "12 milliards", "money", 12e9, "EUR", None),
    # the parts of a figure before them
    ("Le plan prévoit 300 M€, dont 45 pour la formation et 30 pour la recherche.", "45", "money", 45e6, "EUR", None),
    ("Le plan prévoit 300 M€, dont 45 pour la formation et 30 pour la recherche.", "30", "money", 30e6, "EUR", None),
    ("La région a reçu 2,5 millions d'euros, soit 1,5 pour les hôpitaux et 1 pour les EHPAD.", "1,5", "money", 1.5e6, "EUR", None),
    ("Sur les 29 pays, 25 ont ratifié le traité.", "25", "count", 25, "count", "pays"),
    ("Parmi les 120 projets retenus, 45 ont été financés.", "45", "count", 45, "count", "projet"),
    ("Sur les 350 établissements, dont 120 en Île-de-France, la plupart sont publics.", "120", "count", 120, "count", "établissement"),
]


@pytest.mark.parametrize(("text", "figure", "kind", "value", "unit", "noun"), INFERRED)
def test_a_bare_number_takes_the_unit_its_words_make_plain(text, figure, kind, value, unit, noun):
    (found,) = [q for q in extract(text) if q.text == figure]
    assert (found.kind, found.unit, found.noun) == (kind, unit, noun)
    assert found.value == pytest.approx(value)
    assert found.inferred  # a reason, shown to people
    assert text[found.start:found.end] == figure


LEFT_BARE = [
    "Le score est de 12 sur 20.",
    "Il a vendu 2 millions d'exemplaires, et 3 millions ont été commandés.",
    "Un plan de 30 milliards d'euros a été annoncé.\nLes 12 milliards du plan iront à l'industrie.",  # another paragraph
    "Le plan prévoit 300 M€ ; en 2024, 45 projets et 30 ont été lancés.",
    "Le plan prévoit 300 M€, dont 450 pour les hôpitaux.",  # a part cannot exceed its whole
    "Le budget de 45 est voté.",  # no scale word, no figure it is a part of: 45 what?
    "Il compte 3 millions d'habitants, dont 2 millions en ville.",  # a count with a scale keeps its noun
    "La campagne a vacciné à hauteur de 2 millions de personnes.",  # a verb of funding, but a noun counted
    "Le score est de 3 contre 2.",  # nothing set against a figure with a unit
    "Le taux atteint 52 %. Contre 48 en 2015, disait-on.",  # another sentence
    "Le laboratoire consacre 3 ans à la recherche et en investit 2 autres.",  # no scale word
]


@pytest.mark.parametrize("text", LEFT_BARE)
def test_a_number_that_nothing_explains_stays_bare(text):
    for found in extract(text):
        assert found.inferred is None or found.kind == "count" and found.noun == "habitant", (found, text)
        if found.kind == "money":
            assert found.inferred is None


def test_a_money_rule_binds_an_inferred_amount_and_says_it_was_inferred():
    text = "Le plan dispose d'un budget de 2,3 milliards pour la santé numérique."
    (rule,) = parse_rules(
        '[[rule]]\nid = "b"\ntitle = "t"\nkind = "money"\nunit = "Md€"\ncurrency = "EUR"\nsubject = [\'santé\\s+numérique\']\n', "r.toml",
    )
    (claim,) = bind(Document.from_text(text), extract(text), [rule])[0]
    assert (claim.quantity.value, claim.quantity.unit) == (2.3e9, "EUR") and "budget" in claim.quantity.inferred


@given(st.text(alphabet="0123456789 ,.dontsoitbudgetmillionsMdeuros€", max_size=60))
def test_inference_never_raises_and_keeps_offsets(text):
    for found in extract(text):
        assert text[found.start:found.end] == found.text
