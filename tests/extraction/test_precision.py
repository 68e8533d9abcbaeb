"""Written precision: a figure stands for the values that round to it, as French writers round.

Pairs of statements of one subject at one date, and whether a careful reader takes them to agree.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.binding.bind import bind
from checker.comparison.compare import compare
from checker.comparison.intervals import bounds
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.rules import parse_rules
from checker.reading.sources import Source

RULES = {
    "money": 'kind = "money"\ncurrency = "EUR"',
    "percent": 'kind = "percent"',
    "duration": 'kind = "duration"',
    "count": 'kind = "count"',
    "number": 'kind = "number"',
}


def claims_of(kind: str, *sentences: str):
    (rule,) = parse_rules(f'[[rule]]\nid = "r"\ntitle = "t"\nsubject = [\'programme\']\n{RULES[kind]}\n', "r.toml")
    found = []
    for number, sentence in enumerate(sentences):
        document = Document.from_text(sentence, source=f"{number}.txt", meta=Source(date="2025-03-01"))
        (claim,) = bind(document, extract(sentence), [rule])[0]
        found.append(claim)
    return rule, found


PAIRS = [
    # a round figure before a scale word is precise to its last digit
    ("money", "Le programme a reçu 30 millions d'euros.", "Le programme a reçu 27 millions d'euros.", False),
    ("money", "Le programme a reçu 20 millions d'euros.", "Le programme a reçu 19,5 millions d'euros.", True),
    ("money", "Le programme a reçu 550 millions d'euros.", "Le programme a reçu 550,4 millions d'euros.", True),
    ("money", "Le programme a reçu 550 millions d'euros.", "Le programme a reçu 552 millions d'euros.", False),
    ("money", "Le programme a reçu 2 milliards d'euros.", "Le programme a reçu plus de 2,5 milliards d'euros.", False),
    # one digit before a scale is read to a tenth at most: 2 milliards is 1,8 to 2,2 milliards
    ("money", "Le programme a reçu 2 milliards d'euros.", "Le programme a reçu 2,4 milliards d'euros.", False),
    ("money", "Le programme a reçu 2 milliards d'euros.", "Le programme a reçu 2,1 milliards d'euros.", True),
    ("money", "Le programme a reçu 1 milliard d'euros.", "Le programme a reçu 1,4 milliard d'euros.", False),
    ("count", "Le programme compte près de 20 millions de profils.", "Le programme compte 24 millions de profils.", False),
    ("count", "Le programme compte près de 20 millions de profils.", "Le programme compte 19,2 millions de profils.", True),
    ("money", "Le programme a reçu 3 500 €.", "Le programme a reçu 3 400 €.", False),
    # a figure agrees with a more precise one it rounds
    ("percent", "Le programme touche 8 % des patients.", "Le programme touche 8,3 % des patients.", True),
    ("percent", "Le programme touche 8 % des patients.", "Le programme touche 8,6 % des patients.", False),
    ("percent", "Le programme touche 20 % des patients.", "Le programme touche 25 % des patients.", False),
    # neighbouring roundings do not touch
    ("duration", "Le programme dure 3 ans.", "Le programme dure quatre ans.", False),
    ("duration", "Le programme dure deux ans et demi.", "Le programme dure 2,6 ans.", True),
    ("duration", "Le programme dure deux ans et demi.", "Le programme dure trois ans et demi.", False),
    # bounds a writer states are closed: where two meet, they agree
    ("count", "Le programme compte plus de 400 projets.", "Le programme compte moins de 400 projets.", True),
    ("count", "Le programme compte plus de 400 projets.", "Le programme compte près de 400 projets.", True),
    ("count", "Le programme compte plus de 400 projets.", "Le programme compte 399 projets.", False),
    # a bare count may be round, but no looser than "environ"
    ("count", "Le programme compte 550 projets.", "Le programme compte 548 projets.", True),
    ("count", "Le programme a formé 8 000 apprenants.", "Le programme a formé 8 300 apprenants.", True),
    ("count", "Le programme a formé 8 000 apprenants.", "Le programme a formé 7 000 apprenants.", False),
    ("count", "Le programme compte 30 000 patients.", "Le programme compte 27 000 patients.", False),
    ("count", "Le programme compte environ 30 000 patients.", "Le programme compte 27 000 patients.", True),
    ("count", "Le programme compte 10 centres.", "Le programme compte 12 centres.", False),
]


@pytest.mark.parametrize(("kind", "first", "second", "agree"), PAIRS)
def test_two_statements_agree_as_their_rounding_allows(kind, first, second, agree):
    rule, claims = claims_of(kind, first, second)
    assert compare(rule, claims).verdict == ("consistent" if agree else "conflict")


@pytest.mark.parametrize(
    "figure",
    ["550 millions d'euros", "30 M€", "8 000 apprenants", "550 projets", "3 ans", "20 %", "718,4 M€", "12 000 000 €", "trente projets"],
)
def test_a_plain_figure_is_never_vaguer_than_the_same_figure_with_environ(figure):
    (plain,) = extract(f"Le programme compte {figure}.")
    (about,) = extract(f"Le programme compte environ {figure}.")
    assert about.low <= plain.low and plain.high <= about.high


@given(st.integers(1, 999), st.sampled_from(["millions d'euros", "M€", "milliards", "%", "ans", "km"]))
def test_before_a_scale_word_or_unit_the_last_written_digit_is_the_precision(number, unit):
    (figure,) = extract(f"Le programme compte {number} {unit} au total.")
    scale = figure.value / number
    # before a scale word, never more than a tenth either side (SCALED_RELATIVE_MAX)
    half = min(0.5, 0.1 * number) if unit in ("millions d'euros", "M€", "milliards") else 0.5
    assert figure.low == pytest.approx((number - half) * scale) and figure.high == pytest.approx((number + half) * scale)


def test_rounding_intervals_exclude_their_upper_end():
    rule, (three, four) = claims_of("duration", "Le programme dure 3 ans.", "Le programme dure quatre ans.")
    assert bounds(three, 0.0).high == bounds(four, 0.0).low and bounds(three, 0.0).high_open
    assert compare(rule, [three, four]).severity == "low"
