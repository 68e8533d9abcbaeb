"""The record of rule files already validated (.recoupe_cache/rules-validated.json): it only ever
skips work that passed before, for the same text and the same code, and is never trusted blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.binding import loading as rules_module
from checker.errors import RuleError
from checker.binding.loading import load_rules
from test_rules import GOOD  # the tests' folder is on sys.path (pytest's default import mode)

RECORD = Path(".recoupe_cache") / "rules-validated.json"


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".recoupe_cache").mkdir()
    (tmp_path / "regles.toml").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def examples_run(monkeypatch) -> list[str]:
    """The ids of the rules whose examples are run."""
    import checker.binding.bind

    ran: list[str] = []
    real = checker.binding.bind.check_examples

    def spy(rule):
        ran.append(rule.id)
        real(rule)

    monkeypatch.setattr(checker.binding.bind, "check_examples", spy)
    return ran


def test_second_load_skips_examples_and_compiles_patterns_when_used(workspace, examples_run):
    first = load_rules(Path("regles.toml")).or_raise()
    assert examples_run == ["budget-hopital"]
    assert len(json.loads(RECORD.read_text(encoding="utf-8"))["valid"]) == 1
    second = load_rules(Path("regles.toml")).or_raise()
    assert examples_run == ["budget-hopital"]  # not run again
    assert second == first
    assert "compiled" not in vars(second[0].subject[0])  # not compiled yet
    assert second[0].subject[0].compiled.search("L'HÔPITAL")


def test_changed_text_is_validated_again(workspace, examples_run):
    load_rules(Path("regles.toml"))
    Path("regles.toml").write_text(GOOD.replace("La mairie", "L'hôpital"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"regles\.toml:9: .*examples\.no_match"):
        load_rules(Path("regles.toml")).or_raise()
    assert examples_run == ["budget-hopital", "budget-hopital"]


def test_other_code_does_not_trust_the_record(workspace, examples_run, monkeypatch):
    load_rules(Path("regles.toml"))
    monkeypatch.setattr(rules_module, "_code_fingerprint", lambda: b"another recoupe")
    load_rules(Path("regles.toml"))
    assert examples_run == ["budget-hopital", "budget-hopital"]
    assert len(json.loads(RECORD.read_text(encoding="utf-8"))["valid"]) == 2


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[1, 2]", b'{"schema": 1, "valid": ["abc"]}', b'{"schema": 2, "valid": []}', b"{"])
def test_corrupt_record_is_ignored_and_replaced(workspace, examples_run, content):
    RECORD.write_bytes(content)
    load_rules(Path("regles.toml"))
    assert examples_run == ["budget-hopital"]
    assert len(json.loads(RECORD.read_text(encoding="utf-8"))["valid"]) == 1


def test_no_record_without_the_cache_folder_or_with_cache_dir_none(workspace, examples_run):
    load_rules(Path("regles.toml"), cache_dir=None)
    assert not RECORD.exists()
    (workspace / ".recoupe_cache").rmdir()
    load_rules(Path("regles.toml"))
    assert not (workspace / ".recoupe_cache").exists()
    assert examples_run == ["budget-hopital", "budget-hopital"]


def test_forged_record_still_reports_a_bad_pattern_with_file_and_line(workspace):
    bad = GOOD.replace("subject = ['hôpital']", "subject = ['hôp(ital']")
    Path("regles.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(RuleError, match=r"regles\.toml:7: key 'subject': invalid regular expression"):
        load_rules(Path("regles.toml")).or_raise()
    forged = rules_module._Validated(Path(".recoupe_cache"))
    forged.add([forged.digest(bad.lstrip("\ufeff"))])
    (rule,) = load_rules(Path("regles.toml")).or_raise()  # the record claims the file passed: trusted for the examples only
    with pytest.raises(RuleError, match=r"regles\.toml:7: key 'subject': invalid regular expression"):
        rule.subject[0].compiled


def test_cli_still_reports_malformed_rules_with_a_record(workspace):
    from cli.main import app

    runner = CliRunner()
    (workspace / "doc.txt").write_text("Le budget de l'hôpital atteint 12 millions d'euros.\n", encoding="utf-8")
    args = ["check", "doc.txt", "--rules", "regles.toml", "--format", "json", "--fail-on", "never"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert runner.invoke(app, args).stdout == first.stdout
    Path("regles.toml").write_text(GOOD.replace('title = "Budget de l\'hôpital"\n', ""), encoding="utf-8")
    broken = runner.invoke(app, args)
    assert broken.exit_code == 2
    assert "regles.toml:2: rule is missing the required key 'title'" in broken.stderr


def test_check_no_cache_neither_reads_nor_writes_the_record_and_cache_dir_moves_it(workspace, examples_run):
    from checker.running.cache import FOLDER
    from cli.main import app

    assert rules_module.DEFAULT_RECORD_FOLDER == Path(FOLDER)
    (workspace / "doc.txt").write_text("Le budget de l'hôpital est de 40 M€.\n", encoding="utf-8")
    command = ["check", "doc.txt", "--rules", "regles.toml", "--format", "json"]
    assert CliRunner().invoke(app, [*command, "--no-cache"]).exit_code in (0, 1)
    assert not RECORD.exists()
    assert CliRunner().invoke(app, [*command, "--no-cache"]).exit_code in (0, 1)
    assert examples_run == ["budget-hopital", "budget-hopital"]  # validated in full each time
    elsewhere = workspace / "ailleurs"
    elsewhere.mkdir()
    for _ in range(2):
        assert CliRunner().invoke(app, [*command, "--cache-dir", str(elsewhere)]).exit_code in (0, 1)
    assert (elsewhere / "rules-validated.json").is_file() and not RECORD.exists()
    assert examples_run == ["budget-hopital"] * 3  # the second run read the record in --cache-dir


def test_only_files_without_any_error_are_recorded(workspace, examples_run):
    rules = workspace / "regles"
    rules.mkdir()
    (rules / "a.toml").write_text(GOOD, encoding="utf-8")
    second = GOOD.replace("budget-hopital", "budget-ecole").replace("hôpital", "école")
    (rules / "b.toml").write_text(second + second.replace("budget-ecole", "budget-mairie").replace("La mairie", "L'école"), encoding="utf-8")
    first = load_rules(Path("regles"))
    assert [rule.id for rule in first.rules] == ["budget-ecole", "budget-hopital"]
    assert [error.line for error in first.errors] == [18]  # budget-mairie's no_match example binds
    record = rules_module._Validated(Path(".recoupe_cache"))
    assert record.digests == [record.digest(GOOD)]
    again = load_rules(Path("regles"))
    assert again.rules == first.rules and list(map(str, again.errors)) == list(map(str, first.errors))
    assert examples_run == ["budget-hopital", "budget-ecole", "budget-mairie", "budget-ecole", "budget-mairie"]
