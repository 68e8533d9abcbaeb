"""Discovery without rules (issue 7): candidates on seeds/ and on French text written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.discover import discover, load
from checker.documents import Document
from checker.extractor import extract
from checker.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _seeds():
    documents, errors, _ = load([SEEDS])
    assert not errors
    return discover(documents)


def _names(candidate) -> set[str]:
    return {Path(found.claim.source).name[:3] for found in candidate.claims}


def _texts(candidate) -> set[str]:
    return {found.claim.quantity.text for found in candidate.claims}


def test_funding_disagreement_is_among_the_first_five_with_all_its_claims():
    top = _seeds().candidates[:5]
    funding = [c for c in top if c.kind == "conflict" and "718,4 millions d’euros" in _texts(c)]
    assert len(funding) == 1
    candidate = funding[0]
    assert _names(candidate) == {"000", "001", "003", "004"}
    assert _texts(candidate) == {"+650 M€", "550 millions d’euros", "plus de 550 millions d’euros", "718,4 millions d’euros"}
    assert all(found.claim.quote for found in candidate.claims)
    assert "SASN" in [feature.surface for feature in candidate.shared]


def test_double_attribution_of_the_investment_is_among_the_first_five():
    top = _seeds().candidates[:5]
    attribution = [c for c in top if c.kind == "attribution" and "1,5 Md€" in _texts(c)]
    assert len(attribution) == 1
    candidate = attribution[0]
    assert {"1,5 Md€", "1,5 milliard d’euros", "40 %", "40%"} <= _texts(candidate)
    assert "Takeda" in candidate.subjects[0] and "Pfizer" in candidate.subjects[1]
    assert {found.claim.line for found in candidate.claims} == {74, 135}


def test_learners_and_students_are_never_one_candidate():
    for candidate in _seeds().candidates:
        texts = " ".join(_texts(candidate))
        assert not ("apprenants" in texts and "étudiants" in texts)


def test_discovery_is_deterministic():
    first = [(c.id, c.kind, round(c.score, 9), [f.place for f in c.claims]) for c in _seeds().candidates]
    second = [(c.id, c.kind, round(c.score, 9), [f.place for f in c.claims]) for c in _seeds().candidates]
    assert first == second


def _doc(name: str, text: str):
    document = Document.from_text(text, source=name)
    return document, extract(text)


def test_written_french_conflict_and_agreement():
    documents = [
        _doc("a.txt", "Le plan vélo\nLe gouvernement annonce que le plan vélo sera doté de 250 millions d’euros en 2025.\n"
                      "La ville compte 40 000 cyclistes quotidiens.\n"),
        _doc("b.txt", "Plan vélo : les chiffres\nSelon le ministère, le plan vélo est doté de 320 millions d’euros.\n"
                      "Les pistes cyclables couvrent 1 200 kilomètres.\n"),
        _doc("c.txt", "Vélo en ville\nLe plan vélo, doté de 250 M€, finance les pistes cyclables.\n"),
    ]
    result = discover(documents)
    conflicts = [c for c in result.candidates if c.kind == "conflict" and c.block == "money:EUR"]
    assert conflicts and _names(conflicts[0]) == {"a.t", "b.t", "c.t"}
    assert "vélo" in conflicts[0].explanation
    assert result.compared_pairs < len(result.found) ** 2


def test_covered_by_marks_figures_a_rule_covers():
    documents, _, _ = load([SEEDS])
    result = discover(documents, load_rules(ROOT / "rules").or_raise())
    assert result.covered > 0
    funding = next(c for c in result.candidates if "718,4 millions d’euros" in _texts(c))
    assert all(found.covered_by for found in funding.claims)


def _recoupe(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_discover_formats_and_exit_code():
    table = _recoupe("discover", "seeds/", "--top", "5")
    assert table.returncode == 0, table.stderr
    assert "C1" in table.stdout and "seeds/004_7d23bb10be307744.txt:3:10" in table.stdout
    data = json.loads(_recoupe("discover", "seeds/", "--format", "json").stdout)
    assert [c["id"] for c in data["candidates"]][:3] == ["C1", "C2", "C3"]
    assert _recoupe("discover", "seeds/", "--format", "markdown").stdout.startswith("# recoupe discover")
    assert _recoupe("discover", "missing-folder/").returncode == 2


def test_rules_suggest_for_the_funding_writes_a_rule_that_check_uses(tmp_path):
    result = _seeds()
    funding = next(c for c in result.candidates if "718,4 millions d’euros" in _texts(c))
    output = tmp_path / "suggested.toml"
    written = _recoupe("rules", "suggest", "seeds/", "--pick", funding.id, "--output", str(output))
    assert written.returncode == 0, written.stderr
    rules = load_rules(output).or_raise()
    assert len(rules) == 1 and rules[0].kind == "money" and rules[0].currency == "EUR"
    checked = _recoupe("check", "seeds/", "--rules", str(output), "--format", "json")
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    text = json.dumps(report, ensure_ascii=False)
    for name in ("000_", "001_", "003_", "004_"):
        assert name in text
    assert _recoupe("rules", "suggest", "seeds/", "--pick", "C999", "--output", str(tmp_path / "x.toml")).returncode == 2


def test_two_values_stated_by_one_writer_are_ranked_below_a_cross_source_conflict():
    documents = [
        _doc("a.txt", "Le programme Santé Azur\nLe programme Santé Azur a financé 120 nouveaux projets cette année, "
                      "et environ 350 projets au total depuis son lancement.\n"),
        _doc("b.txt", "Le programme Santé Azur\nLe programme Santé Azur a financé plus de 120 projets cette année, "
                      "soit environ 350 projets au total.\n"),
        _doc("c.txt", "Le programme Santé Azur\nLe programme Santé Azur est doté de 300 millions d’euros.\n"),
        _doc("d.txt", "Le programme Santé Azur\nLe programme Santé Azur est doté de 450 millions d’euros.\n"),
    ]
    result = discover(documents)
    conflicts = [c for c in result.candidates if c.kind == "conflict"]
    money = next(c for c in conflicts if c.block == "money:EUR")
    projects = [c for c in conflicts if c.block.startswith("count")]
    assert projects, "the 120 vs 350 projects are still a candidate, ranked lower"
    assert all(money.score > c.score for c in projects)
    assert all("one source states both values" in c.explanation for c in projects)
