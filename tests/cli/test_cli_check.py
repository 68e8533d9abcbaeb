"""recoupe check and recoupe rules check, in-process, in hostile little workspaces."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

REPO = Path(__file__).resolve().parents[2]
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
    # each claim says why it got its period: 8 000 learners "en deux ans et demi" up to the 12 November 2025 event
    assert "period 2023-05 to 2025-11-12: 'en deux ans et demi' follows the figure in its clause" in " ".join(explained.stdout.split())
    claims = [claim for finding in json.loads(first.stdout)["findings"] for claim in finding["claims"]]
    assert all(claim["period"]["reason"] for claim in claims)


def test_help_documents_exit_codes(runner):
    result = runner.invoke(app, ["check", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout


# An invalid rule among valid ones (issue 13, point 8): the invalid one is one error, exit code 2,
# and the valid ones are still checked and reported. VISITS is a second, valid rule; each case
# breaks it in one way: (the broken text, the line of the error within it, what the error says).
VISITS = """[[rule]]
id = "visites-musee"
title = "Visiteurs du musée"
kind = "count"
subject = ['musée']
"""
BROKEN_VISITS = {
    "failing example": (VISITS + 'examples.match = ["Le musée est fermé."]\n', 6, "rule 'visites-musee': key 'examples.match'"),
    "bad pattern": (VISITS.replace("['musée']", "['mus(ée']"), 5, "key 'subject': invalid regular expression"),
    "unknown key": (VISITS.replace("kind =", "kinds ="), 4, "unknown key 'kinds'"),
    "bad value": (VISITS.replace('"count"', '"visiteurs"'), 4, "key 'kind': expected one of"),
    "missing key": (VISITS.replace('title = "Visiteurs du musée"\n', ""), 1, "rule is missing the required key 'title'"),
    "duplicate id": (VISITS.replace("visites-musee", "budget-musee"), 1, "key 'id': rule id 'budget-musee' is"),
}
BAD_TOML = (VISITS.replace('"Visiteurs du musée"', '"Visiteurs du musée'), 3, "invalid TOML")


def _rule_cases():
    for name, (text, line, says) in BROKEN_VISITS.items():
        yield pytest.param("same file", text, line, says, id=f"{name}, same file")
        yield pytest.param("own file", text, line, says, id=f"{name}, own file")
    yield pytest.param("own file", *BAD_TOML, id="bad TOML, own file")


def _break_rules(workspace: Path, where: str, text: str, line: int) -> tuple[str, int]:
    """Write the broken rule into musee.toml after the valid one, or into a file of its own (read
    after musee.toml); return the file and the line of the error in it."""
    if where == "same file":
        (workspace / "rules" / "musee.toml").write_text(RULE + "\n" + text, encoding="utf-8")
        return "rules/musee.toml", line + RULE.count("\n") + 1
    (workspace / "rules" / "visites.toml").write_text(text, encoding="utf-8")
    return "rules/visites.toml", line


@pytest.mark.parametrize(("where", "text", "line", "says"), list(_rule_cases()))
def test_an_invalid_rule_is_one_error_and_the_valid_ones_are_checked(runner, workspace, monkeypatch, where, text, line, says):
    monkeypatch.chdir(workspace)
    file, line = _break_rules(workspace, where, text, line)
    expected = f"{file}:{line}:"  # then a column for a TOML error, then the message
    command = ["check", "docs", "--rules", "rules", "--no-cache"]

    result = runner.invoke(app, [*command, "--format", "json"])
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    assert (finding["rule"], finding["verdict"]) == ("budget-musee", "conflict")
    assert [c["value"] for c in finding["claims"]] == [12e6, 15e6]
    (error,) = report["errors"]
    assert (error["source"], error["line"], error["type"]) == (file, line, "RuleError")
    assert says in error["message"]
    (said,) = result.stderr.strip().splitlines()  # the error, once
    assert said.startswith(f"recoupe: {expected}") and says in said

    table = runner.invoke(app, [*command, "--no-color"], env={"COLUMNS": "200"})
    assert table.exit_code == 2, table.output
    assert "CONFLICT" in table.stdout and "Budget du musée" in table.stdout
    # said once, on stderr, not again in the table on standard output; the table counts it
    assert "error: " not in table.stdout and table.stdout.rstrip().endswith("1 error")
    assert table.stderr == result.stderr


def test_an_invalid_rule_is_carried_by_every_format(runner, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    file, line = _break_rules(workspace, "own file", *BROKEN_VISITS["bad pattern"][:2])
    outputs = {name: workspace / f"out.{name}" for name in ("json", "sarif", "github", "markdown", "table")}
    command = ["check", "docs", "--rules", "rules", "--no-cache", "--format", "json"]
    for name, path in outputs.items():
        command += ["--output", f"{name}:{path}"]
    result = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    expected = f"{file}:{line}: key 'subject': invalid regular expression"
    for name, path in outputs.items():
        text = path.read_text(encoding="utf-8")
        assert "budget-musee" in text or "Budget du musée" in text, name
        if name in ("json", "sarif"):
            assert text.count("invalid regular expression") == 1, name
        elif name == "github":
            assert text.count(f"::error file={file},line={line}::key 'subject': invalid regular expression") == 1
        else:
            assert text.count(expected) == 1, name


def test_rules_check_reports_every_error_of_every_file(runner, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    (workspace / "rules" / "musee.toml").write_text(
        RULE + "\n" + BROKEN_VISITS["bad pattern"][0] + "\n" + BROKEN_VISITS["unknown key"][0].replace("visites-musee", "entrees-musee"),
        encoding="utf-8",
    )
    (workspace / "rules" / "visites.toml").write_text(BAD_TOML[0], encoding="utf-8")
    (workspace / "rules" / "zz.toml").write_text(VISITS.replace("visites-musee", "budget-musee"), encoding="utf-8")
    result = runner.invoke(app, ["rules", "check", "rules"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "recoupe: rules/musee.toml:13: key 'subject': invalid regular expression 'mus(ée' (missing ) at position 6)",
        "recoupe: rules/musee.toml:18: unknown key 'kinds' (expected one of " + ", ".join(__import__("checker.binding.rules").binding.rules._KEYS) + ")",
        "recoupe: rules/visites.toml:3:28: invalid TOML: Illegal character '\\n'",
        "recoupe: rules/zz.toml:1: key 'id': rule id 'budget-musee' is also defined at rules/musee.toml:1",
    ]
    assert result.stdout == "1 rules valid, 4 errors\n"


def test_a_run_with_an_invalid_rule_is_never_replayed_and_its_file_never_recorded(runner, workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    (workspace / ".recoupe_cache").mkdir()
    _break_rules(workspace, "own file", *BROKEN_VISITS["failing example"][:2])
    command = ["check", "docs", "--rules", "rules", "--format", "json"]
    first = runner.invoke(app, command)
    assert first.exit_code == 2 and "visites.toml:6" in first.stderr
    record = json.loads((workspace / ".recoupe_cache" / "rules-validated.json").read_text(encoding="utf-8"))
    assert len(record["valid"]) == 1  # musee.toml only
    import checker.binding.bind

    ran: list[str] = []
    real = checker.binding.bind.check_examples
    monkeypatch.setattr(checker.binding.bind, "check_examples", lambda rule: (ran.append(rule.id), real(rule)))
    second = runner.invoke(app, command)
    assert ran == ["visites-musee"]  # validated in full again; musee.toml is trusted
    assert (second.exit_code, second.stdout, second.stderr) == (2, first.stdout, first.stderr)
    from checker.running.cache import Cache

    cache = Cache(workspace / ".recoupe_cache")
    try:
        assert cache._connection.execute("SELECT COUNT(*) FROM replay").fetchone() == (0,)
    finally:
        cache.close()
