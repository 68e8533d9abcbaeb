"""Binding and comparison on real French sentences, and the acceptance checks on seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.binding.bind import bind
from checker.comparison.compare import compare, disagreeing
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.running.pipeline import check
from checker.binding.rules import parse_rules
from checker.binding.loading import load_rules

REPO = Path(__file__).resolve().parents[2]

RULES = """
[[rule]]
id = "budget-plan-velo"
title = "Budget du plan vélo"
kind = "money"
unit = "M€"
subject = ['plan\\s+vélo']
scope = "paragraph"
tolerance = 0.0

[[rule]]
id = "pistes-cyclables"
title = "Kilomètres de pistes"
kind = "length"
unit = "km"
subject = ['pistes?\\s+cyclables?']
"""


@pytest.fixture(scope="module")
def seeds_report():
    return check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())


def claims_of(text: str, rules_text: str = RULES):
    document = Document.from_text(text, source="article.txt")
    claims, near = bind(document, extract(text), parse_rules(rules_text, "r.toml"))
    return claims, near


def test_figure_binds_to_subject_in_same_paragraph():
    claims, _ = claims_of("Le plan vélo est relancé. Il sera doté de 250 millions d’euros d’ici 2027.")
    (claim,) = claims
    assert claim.rule == "budget-plan-velo"
    assert claim.quantity.value == 250e6
    assert claim.measure == "doté"
    assert claim.evidence[0].matched == "plan vélo"


def test_figure_outside_scope_is_not_bound():
    claims, _ = claims_of("Le plan vélo est relancé.\nLa mairie a dépensé 3 millions d’euros en fleurs.")
    assert claims == []


def test_kind_decides_between_rules():
    claims, _ = claims_of("Le plan vélo finance 120 km de pistes cyclables pour 80 M€.")
    assert {(c.rule, c.quantity.text) for c in claims} == {("pistes-cyclables", "120 km"), ("budget-plan-velo", "80 M€")}


def test_conflict_and_consistency_from_intervals():
    rules = parse_rules(RULES, "r.toml")
    first, _ = bind(Document.from_text("Le plan vélo : 250 M€.", "a.txt"), extract("Le plan vélo : 250 M€."), rules)
    second, _ = bind(Document.from_text("Le plan vélo coûtera plus de 240 millions d’euros.", "b.txt"),
                     extract("Le plan vélo coûtera plus de 240 millions d’euros."), rules)
    third, _ = bind(Document.from_text("Le plan vélo : 280 M€.", "c.txt"), extract("Le plan vélo : 280 M€."), rules)
    assert compare(rules[0], first + second).verdict == "consistent"
    finding = compare(rules[0], first + second + third)
    assert finding.verdict == "conflict"
    assert finding.severity == "medium"  # (275 - 255) / 280 = 7 %: 280 is 275 to 285 as written
    assert {(a.source, b.source) for a, b in disagreeing(finding)} == {("a.txt", "c.txt")}
    assert compare(rules[0], third).verdict == "single"


def test_tolerance_absorbs_small_gaps():
    rules = parse_rules(RULES.replace("tolerance = 0.0", "tolerance = 0.1"), "r.toml")
    claims = []
    for source, text in (("a.txt", "Le plan vélo : 250 M€."), ("b.txt", "Le plan vélo : 270 M€.")):
        found, _ = bind(Document.from_text(text, source), extract(text), rules)
        claims += found
    assert compare(rules[0], claims).verdict == "consistent"


def test_seeds_funding_conflict_names_every_source(seeds_report):
    (finding,) = [f for f in seeds_report.findings if f.rule.id == "sasn-funding"]
    assert finding.verdict == "conflict"
    stated = {(Path(c.source).name, c.quantity.text) for c in finding.claims}
    assert stated == {
        ("000_24e455942a2c1529.txt", "+650 M€"),
        ("001_01d4b650f65474cf.txt", "550 millions d’euros"),
        ("003_e1b8272edf995ba4.txt", "plus de 550 millions d’euros"),
        ("004_7d23bb10be307744.txt", "718,4 millions d’euros"),
    }
    for claim in finding.claims:
        assert claim.quantity.text in claim.quote
        assert claim.line > 0 and claim.column > 0


def test_seeds_350_projects_are_consistent_across_three_sources(seeds_report):
    (finding,) = [f for f in seeds_report.findings if f.rule.id == "sasn-projects"]
    assert finding.verdict == "consistent"
    about_350 = [c for c in finding.claims if c.quantity.value == 350]
    assert len({c.source for c in about_350}) == 3
    assert all(c.quantity.qualifier == "about" for c in about_350)


def test_seeds_different_subjects_are_not_conflicts(seeds_report):
    conflicts = {f.rule.id for f in seeds_report.conflicts}
    assert conflicts == {"sasn-funding"}
    bound = {c.quantity.text: f.rule.id for f in seeds_report.findings for c in f.claims}
    assert bound.get("8 000 apprenants") != bound.get("70 000 étudiants")
    assert bound.get("1,5 Md€") != bound.get("1,5 milliard d’euros")
