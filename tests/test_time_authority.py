"""Periods of claims, figures that accumulate over time, and the most authoritative source."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.bind import bind
from checker.compare import compare
from checker.documents import Document
from checker.extractor import extract
from checker.period import claim_period, same_period
from checker.pipeline import check
from checker.rules import load_rules, parse_rules
from checker.sources import Source

REPO = Path(__file__).resolve().parents[1]

RULE = """
[[rule]]
id = "bornes-recharge"
title = "Bornes de recharge installées"
kind = "count"
unit = "bornes"
nouns = ["borne"]
subject = ['réseau\\s+Azur']
accumulates = true
"""


def claim(text: str, source: str, date: str | None, authority: str = "press", rule_text: str = RULE):
    meta = Source(date=date, authority=authority)
    document = Document.from_text(text, source=source, meta=meta)
    (rule,) = parse_rules(rule_text, "r.toml")
    claims, _ = bind(document, extract(text), [rule])
    return rule, claims[0]


@pytest.mark.parametrize(
    ("sentence", "date", "when", "origin"),
    [
        ("Le réseau a installé 300 bornes en 2023.", "2025-02-10", "2023", "text"),
        ("Cette année, 300 bornes ont été posées.", "2025-02-10", "2025", "text"),
        ("L'an dernier, 300 bornes ont été posées.", "2025-02-10", "2024", "text"),
        ("300 bornes d'ici 2030, promet le réseau.", "2025-02-10", "2030", "text"),
        ("Le réseau compte 300 bornes.", "2025-02-10", "2025-02-10", "source"),
        ("Le réseau compte 300 bornes.", None, None, "unknown"),
    ],
)
def test_claim_period_reads_the_text_before_the_source_date(sentence, date, when, origin):
    offset = sentence.index("300")
    period = claim_period(sentence, offset, Source(date=date))
    assert (period.when, period.origin) == (when, origin)


def test_same_period_compares_at_the_coarser_precision():
    assert same_period("2025", "2025-11-12")
    assert not same_period("2024-01-18", "2025-11")
    assert same_period(None, "2025")


def test_smaller_earlier_figure_of_an_accumulating_rule_is_an_evolution():
    rule, earlier = claim("Le réseau Azur compte 148 bornes.", "a.txt", "2024-01-18")
    _, later = claim("Le réseau Azur compte environ 350 bornes.", "b.txt", "2025-11-12")
    finding = compare(rule, [earlier, later])
    assert finding.verdict == "evolution"
    assert finding.evolutions == ((earlier, later),)


def test_later_smaller_figure_remains_a_conflict():
    rule, earlier = claim("Le réseau Azur compte 350 bornes.", "a.txt", "2024-01-18")
    _, later = claim("Le réseau Azur compte 148 bornes.", "b.txt", "2025-11-12")
    assert compare(rule, [earlier, later]).verdict == "conflict"


def test_same_period_disagreement_remains_a_conflict():
    rule, first = claim("Le réseau Azur compte 148 bornes.", "a.txt", "2025-11")
    _, second = claim("Le réseau Azur compte 350 bornes.", "b.txt", "2025-11-12")
    assert compare(rule, [first, second]).verdict == "conflict"


def test_without_accumulates_time_does_not_excuse_a_gap():
    not_accumulating = RULE.replace("accumulates = true", "accumulates = false")
    rule, earlier = claim("Le réseau Azur compte 148 bornes.", "a.txt", "2024-01-18", rule_text=not_accumulating)
    _, later = claim("Le réseau Azur compte 350 bornes.", "b.txt", "2025-11-12", rule_text=not_accumulating)
    assert compare(rule, [earlier, later]).verdict == "conflict"


def test_official_source_is_the_reference_and_deviations_are_named():
    rule, official = claim("Le réseau Azur compte 350 bornes.", "ministere.txt", "2025-11", "official")
    _, agreeing = claim("Le réseau Azur compte 350 bornes.", "journal.txt", "2025-11", "press")
    _, deviating = claim("Le réseau Azur compte 420 bornes.", "blog.txt", "2025-11", "blog")
    finding = compare(rule, [official, agreeing, deviating])
    assert finding.verdict == "conflict"
    assert finding.reference is official
    assert finding.deviating == (deviating,)


def test_seeds_laureates_of_2024_are_an_evolution_and_funding_names_the_official_release():
    report = check([REPO / "seeds"], load_rules(REPO / "rules").require_all())
    findings = {finding.rule.id: finding for finding in report.findings}
    projects = findings["sasn-projects"]
    assert projects.verdict == "consistent"
    assert {(e.quantity.text, l.quantity.value) for e, l in projects.evolutions} == {("148 lauréats", 350.0)}
    funding = findings["sasn-funding"]
    assert funding.verdict == "conflict"
    assert Path(funding.reference.source).name == "003_e1b8272edf995ba4.txt"
    assert funding.reference.source_meta.authority == "official"
    for claim_ in funding.claims:
        assert claim_.source_meta is not None and claim_.source_meta.publisher or claim_.source_meta.authority
