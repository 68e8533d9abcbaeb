"""check streams (issue 17, point 3): near misses only when an output shows them, claims spooled
to disk and compared rule by rule, reports written as they are made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.pipeline as pipeline
from checker.pipeline import check
from checker.rules import load_rules
from cli.main import app

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="module")
def rules():
    return load_rules(REPO / "rules").or_raise()


def test_near_misses_are_kept_only_when_asked(rules):
    kept = check([SEEDS], rules, jobs=1)
    dropped = check([SEEDS], rules, jobs=1, near_misses=False)
    assert kept.near_misses  # seeds/ has figures left out near a subject
    assert tuple(dropped.near_misses) == ()
    assert [f.rule.id for f in dropped.findings] == [f.rule.id for f in kept.findings]


@pytest.mark.parametrize(("args", "wanted"), [
    ([], False), (["--explain"], True), (["--format", "json"], True), (["--output", "json:out.json"], True),
    (["--format", "sarif"], False), (["--format", "markdown", "--explain"], True),
])
def test_the_cli_asks_for_near_misses_only_for_explain_and_json(args, wanted, monkeypatch, tmp_path):
    asked = []
    real = pipeline.check

    def spy(*positional, **named):
        asked.append(named.get("near_misses", True))
        return real(*positional, **named)

    monkeypatch.setattr(pipeline, "check", spy)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--no-cache", "--jobs", "1", *args])
    assert result.exit_code in (0, 1), result.output
    assert asked == [wanted]


def test_explain_lists_near_misses_and_json_always_does(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    base = ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--no-cache", "--jobs", "1", "--no-color"]
    runner = CliRunner()
    assert "near misses" not in runner.invoke(app, base).stdout.lower()
    assert "near miss" in runner.invoke(app, [*base, "--explain"]).stdout.lower()
    assert json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)["near_misses"]
