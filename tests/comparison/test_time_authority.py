"""Periods of claims, figures that accumulate over time, and the most authoritative source."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.binding.bind import bind
from checker.comparison.compare import compare, disagreeing
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.period import same_period, sentence_periods
from checker.running.pipeline import check
from checker.binding.rules import parse_rules
from checker.binding.loading import load_rules
from checker.reading.sources import Source

REPO = Path(__file__).resolve().parents[2]

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
    (period,) = sentence_periods(sentence, [(offset, offset + len("300 bornes"))], Source(date=date))
    assert (period.when, period.origin) == (when, origin)


def test_same_period_compares_at_the_coarser_precision():
    assert same_period("2025", "2025-11-12")
    assert not same_period("2024-01-18", "2025-11")
    assert same_period(None, "2025")


def _finding(rule_text: str, *stated: tuple[str, str | None]):
    """compare() over one claim per (sentence, source date), each from a document of its own."""
    found = [claim(text, f"{number}.txt", date, rule_text=rule_text) for number, (text, date) in enumerate(stated)]
    return compare(found[0][0], [c for _, c in found]), [c for _, c in found]


CHANGING = RULE.replace("accumulates = true\n", "")
FIXED = RULE.replace("accumulates = true", 'timeline = "fixed"')


def test_a_figure_that_rose_between_two_dates_is_an_evolution():
    finding, (earlier, later) = _finding(
        CHANGING,
        ("Le réseau Azur compte 148 bornes.", "2024-01-18"),
        ("Le réseau Azur compte désormais environ 350 bornes.", "2025-11-12"),
    )
    assert finding.verdict == "evolution"
    assert finding.evolutions == ((earlier, later),)
    # dated by their sources only, they are of their sources' months (articles of one month speak of one moment)
    assert [(step.when, step.claims) for step in finding.timeline] == [("2024-01", (earlier,)), ("2025-11", (later,))]


def test_a_figure_that_fell_is_an_evolution_unless_it_is_a_running_total():
    stated = (("Le réseau Azur compte 350 bornes.", "2024-01-18"), ("Le réseau Azur ne compte plus que 148 bornes.", "2025-11-12"))
    assert _finding(CHANGING, *stated)[0].verdict == "evolution"
    running = _finding(RULE, *stated)[0]
    assert (running.verdict, running.severity) == ("conflict", "high")


def test_a_running_total_that_grew_is_an_evolution():
    finding, (earlier, later) = _finding(
        RULE, ("Le réseau Azur compte 148 bornes.", "2024-01-18"), ("Le réseau Azur compte environ 350 bornes.", "2025-11-12"),
    )
    assert finding.verdict == "evolution"
    assert finding.evolutions == ((earlier, later),)


def test_two_sources_of_the_same_period_that_disagree_conflict_whatever_the_timeline():
    stated = (("Le réseau Azur compte 148 bornes.", "2025-11"), ("Le réseau Azur compte 350 bornes.", "2025-11-12"))
    for rule_text in (CHANGING, RULE, FIXED):
        assert _finding(rule_text, *stated)[0].verdict == "conflict"


def test_a_fixed_moment_is_compared_across_dates():
    stated = (("Le réseau Azur a été doté de 148 bornes.", "2024-01-18"), ("Le réseau Azur a été doté de 350 bornes.", "2025-11-12"))
    assert _finding(FIXED, *stated)[0].verdict == "conflict"
    same = (("Le réseau Azur a été doté de 350 bornes.", "2024-01-18"), ("Le réseau Azur, doté de 350 bornes, s'étend.", "2025-11-12"))
    assert _finding(FIXED, *same)[0].verdict == "consistent"


def test_periods_stated_in_the_text_make_the_timeline():
    finding, claims = _finding(
        CHANGING,
        ("En 2022, le réseau Azur comptait 120 bornes.", "2025-06-01"),
        ("Le réseau Azur compte 300 bornes en 2024.", "2025-06-01"),
        ("Le réseau Azur a installé 300 bornes en 2024, selon la région.", None),
    )
    assert finding.verdict == "evolution"
    assert [(step.when, len(step.claims)) for step in finding.timeline] == [("2022", 1), ("2024", 2)]


def test_an_undated_claim_that_agrees_with_a_period_is_placed_there():
    finding, (earlier, later, undated) = _finding(
        CHANGING,
        ("Le réseau Azur compte 148 bornes.", "2024-01-18"),
        ("Le réseau Azur compte 350 bornes.", "2025-11-12"),
        ("Le réseau Azur compte 350 bornes.", None),
    )
    assert finding.verdict == "evolution"
    assert [(p.claim, p.fits) for p in finding.placements] == [(undated, True)]
    assert "2025-11" in finding.placements[0].reason


@pytest.mark.parametrize(("rule_text", "fits"), [(RULE, True), (CHANGING, False)])
def test_an_undated_claim_between_two_values_fits_a_running_total_only(rule_text, fits):
    # a running total passed through 260 between 148 and 350; a figure that changes may not have
    finding, (_, _, undated) = _finding(
        rule_text,
        ("Le réseau Azur compte 148 bornes.", "2024-01-18"),
        ("Le réseau Azur compte 350 bornes.", "2025-11-12"),
        ("Le réseau Azur compte 260 bornes.", None),
    )
    assert finding.verdict == ("evolution" if fits else "conflict")
    assert [(p.claim, p.fits) for p in finding.placements] == [(undated, fits)]
    assert finding.placements[0].reason.startswith("date unknown")
    if not fits:
        assert all(undated in pair for pair in disagreeing(finding))


def test_undated_claims_alone_are_compared_with_each_other():
    stated = (("Le réseau Azur compte 148 bornes.", None), ("Le réseau Azur compte 350 bornes.", None))
    assert _finding(CHANGING, *stated)[0].verdict == "conflict"


def test_an_objective_is_not_a_conflict_with_the_state_of_things():
    text = "Le réseau Azur compte 3 000 bornes, avec un objectif de 8 000 bornes d'ici 2028."
    (rule,) = parse_rules(CHANGING, "r.toml")
    document = Document.from_text(text, source="a.txt", meta=Source(date="2025-02-01"))
    claims, _ = bind(document, extract(text), [rule])
    assert [(c.quantity.value, c.period.when, c.period.target) for c in claims] == [(3000, "2025-02-01", False), (8000, "2028", True)]
    finding = compare(rule, claims)
    assert finding.verdict == "consistent"
    assert [step.label for step in finding.timeline] == ["2025-02", "objective 2028"]


def test_official_source_is_the_reference_and_deviations_are_named():
    rule, official = claim("Le réseau Azur compte 350 bornes.", "ministere.txt", "2025-11", "official")
    _, agreeing = claim("Le réseau Azur compte 350 bornes.", "journal.txt", "2025-11", "press")
    _, deviating = claim("Le réseau Azur compte 420 bornes.", "blog.txt", "2025-11", "blog")
    finding = compare(rule, [official, agreeing, deviating])
    assert finding.verdict == "conflict"
    assert finding.reference is official
    assert finding.deviating == (deviating,)


def test_seeds_projects_agree_and_funding_names_the_official_release():
    report = check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())
    findings = {finding.rule.id: finding for finding in report.findings}
    projects = findings["sasn-projects"]
    assert projects.verdict == "consistent"
    assert len({claim_.source for claim_ in projects.claims}) == 3
    funding = findings["sasn-funding"]
    assert {Path(claim_.source).name[:3] for claim_ in funding.claims} == {"000", "001", "003", "004"}
    assert funding.verdict == "conflict"
    assert Path(funding.reference.source).name == "003_e1b8272edf995ba4.txt"
    assert funding.reference.source_meta.authority == "official"
    for claim_ in funding.claims:
        assert claim_.source_meta is not None and claim_.source_meta.publisher or claim_.source_meta.authority



def test_a_year_earlier_in_the_next_sentence_counts_from_the_sentence_before():
    rule_text = """
[[rule]]
id = "ecps"
title = "Utilisateurs de la e-CPS"
kind = ["count", "number"]
subject = ['e-CPS']
scope = "paragraph"
"""
    (rule,) = parse_rules(rule_text, "r.toml")
    text = "Fin 2024, 520 000 professionnels utilisaient la e-CPS. Ils étaient 350 000 un an plus tôt."
    document = Document.from_text(text, source="a.txt", meta=Source(date="2025-01-08"))
    claims, _ = bind(document, extract(text), [rule])
    assert [(claim.quantity.value, claim.period.when) for claim in claims] == [(520000, "2024-12"), (350000, "2023")]
    assert compare(rule, claims).verdict == "evolution"
    # without a period in the sentence before, it counts from the source's date
    text = "520 000 professionnels utilisent la e-CPS. Ils étaient 350 000 un an plus tôt."
    document = Document.from_text(text, source="a.txt", meta=Source(date="2025-01-08"))
    claims, _ = bind(document, extract(text), [rule])
    assert [claim.period.when for claim in claims] == ["2025-01-08", "2024"]
