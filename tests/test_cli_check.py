"""recoupe check and recoupe rules check, in-process, in hostile little workspaces."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

REPO = Path(__file__).resolve().parents[1]
RULE = """[[rule]]
id = "budget-musee"
title = "Budget du musée"
kind = "money"
unit = "M€"
subject = ['musée']
scope = "document"
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "musee.toml").write_text(RULE, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Le musée disposera de 12 millions d’euros.\n", encoding="utf-8")
    (docs / "b b é.md").write_bytes("Le musée\u00a0: budget de 15\u202fM€.\r\n".encode("utf-8-sig"))
    return tmp_path


def test_conflict_exits_1_and_json_names_both_claims(runner, workspace):
    result = runner.invoke(app, ["check", str(workspace / "docs"), "--rules", str(workspace / "rules"), "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"]
    (finding,) = report["findings"]
    assert finding["verdict"] == "conflict"
    assert [c["value"] for c in finding["claims"]] == [12e6, 15e6]
    for claim in finding["claims"]:
        for key in ("source", "line", "column", "start", "end", "text", "kind", "value", "unit", "low", "high", "qualifier", "noun", "quote"):
            assert key in claim


def test_agreement_exits_0(runner, workspace):
    (workspace / "docs" / "b b é.md").write_text("Le musée : 12 M€.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(workspace / "docs"), "--rules", str(workspace / "rules")])
    assert result.exit_code == 0, result.output
    assert "CONSISTENT" in result.stdout
    assert "2 documents read" in result.stdout


def test_binary_document_is_reported_and_others_still_checked(runner, workspace):
    (workspace / "docs" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(app, ["check", str(workspace / "docs"), "--rules", str(workspace / "rules"), "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["findings"][0]["verdict"] == "conflict"
    assert [e["source"].endswith("image.txt") for e in report["errors"]] == [True]
    assert "image.txt: binary file" in result.stderr


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (RULE.replace("kind =", "kinds ="), "musee.toml:4: unknown key 'kinds'"),
        (RULE.replace("['musée']", "['mus(ée']"), "musee.toml:6: key 'subject': invalid regular expression"),
        (RULE + 'examples.match = ["Le musée est fermé."]\n', "musee.toml:8: rule 'budget-musee': key 'examples.match'"),
        (RULE.replace('title = "Budget du musée"', 'title = "Budget du musée'), "musee.toml:3:"),
    ],
)
def test_malformed_rule_file_exits_2_with_one_line(runner, workspace, broken, expected):
    (workspace / "rules" / "musee.toml").write_text(broken, encoding="utf-8")
    for args in (["check", str(workspace / "docs"), "--rules", str(workspace / "rules")], ["rules", "check", str(workspace / "rules")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], result.stderr


def test_rules_check_accepts_the_shipped_pack(runner):
    result = runner.invoke(app, ["rules", "check", str(REPO / "rules")])
    assert result.exit_code == 0
    assert "rules valid" in result.stdout


def test_check_on_seeds_is_deterministic_and_explains(runner, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", seeds)
    args = ["check", str(seeds), "--rules", str(REPO / "rules"), "--format", "json"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == 1
    assert first.stdout == second.stdout
    explained = runner.invoke(app, ["check", str(seeds), "--rules", str(REPO / "rules"), "--explain", "--no-color"])
    assert "bound because" in explained.stdout
    assert "Near misses" in explained.stdout
    # each claim says why it got its period: 148 lauréats "en deux ans" up to the SASN's 2024-01-18 point
    assert "period 2022-01 to 2024-01-18: 'en deux ans' follows the figure in its clause" in " ".join(explained.stdout.split())
    claims = [claim for finding in json.loads(first.stdout)["findings"] for claim in finding["claims"]]
    assert all(claim["period"]["reason"] for claim in claims)


def test_help_documents_exit_codes(runner):
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
