"""Values in messages read as articles write them, in the rule's unit (checker.display)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import display
from checker.comparison.baseline import describe_stale
from checker.binding.bind import bind
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.rules import parse_rules


@pytest.mark.parametrize(
    ("value", "kind", "unit", "word", "shown"),
    [
        (40e9, "money", "EUR", "", "40 Md€"),
        (100e6, "money", "EUR", "", "100 M€"),
        (718.4e6, "money", "EUR", "", "718,4 M€"),
        (20e3, "money", "EUR", "", "20 k€"),
        (3.5, "money", "EUR", "", "3,5 €"),
        (1.5e9, "money", "USD", "", "1,5 Md$"),
        (2e6, "money", "CHF", "", "2 MCHF"),
        (350, "count", "count", "projets", "350 projets"),
        (12.5, "percent", "percent", "", "12,5 %"),
        (8000, "count", "count", "", "8\u202f000"),
    ],
)
def test_an_amount_reads_as_written(value, kind, unit, word, shown):
    assert display.amount(value, kind, unit, word) == shown


def test_a_range_names_its_open_end():
    assert display.bounds(100e6, 5e9, "money", "EUR") == "100 M€ – 5 Md€"
    assert display.bounds(100e6, None, "money", "EUR") == "at least 100 M€"
    assert display.bounds(None, 2000, "count", "count", "projets") == "at most 2\u202f000 projets"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_number_is_shown_without_raising(value):
    text = display.number(value)
    assert text and ("e+" not in text or not math.isfinite(value))


def test_a_near_miss_out_of_range_says_it_in_the_rules_unit():
    text = "France 2030 a déjà engagé 40 milliards d'euros pour la SASN."
    (rule,) = parse_rules(
        '[[rule]]\nid = "f"\ntitle = "t"\nkind = "money"\nunit = "M€"\ncurrency = "EUR"\nsubject = [\'SASN\']\n'
        "min = 100_000_000\nmax = 5_000_000_000\n", "r.toml",
    )
    _, (miss,) = bind(Document.from_text(text), extract(text), [rule])
    assert miss.reason == "value 40 Md€ outside the rule's plausible range 100 M€ – 5 Md€"


def test_a_stale_baseline_entry_names_values_in_the_rules_unit():
    (rule,) = parse_rules('[[rule]]\nid = "f"\ntitle = "t"\nkind = "money"\nunit = "M€"\ncurrency = "EUR"\nsubject = [\'x\']\n', "r.toml")
    key = ("f", (("001.txt", "exact", 550e6, "h1"), ("004.txt", "at_least", 718.4e6, "h2")))
    assert describe_stale(key, {"f": rule}) == "f: 001.txt 550 M€ vs 004.txt ≥ 718,4 M€"
    assert describe_stale(key) == "f: 001.txt 550\u202f000\u202f000 vs 004.txt ≥ 718\u202f400\u202f000"
