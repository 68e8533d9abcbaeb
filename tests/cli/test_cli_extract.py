"""recoupe extract, in-process, in a small workspace of documents."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

FIELDS = {"source", "line", "column", "start", "end", "text", "kind", "value", "unit", "low", "high", "qualifier", "noun", "inferred"}


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sous dossier").mkdir(parents=True)
    (docs / "a.txt").write_text("Titre\nLe plan prévoit 650 M€ et ~350 projets.\n", encoding="utf-8")
    (docs / "sous dossier" / "été 2025 – note.md").write_bytes(
        codecs.BOM_UTF8 + "# Note\r\n\r\nPlus de 40\u00a0% des patients.\r\n".encode("utf-8")
    )
    (docs / "ancien.txt").write_bytes("Dotée de 718,4 millions d'euros.".encode("cp1252"))
    (docs / "ignoré.csv").write_text("12 projets\n", encoding="utf-8")
    return tmp_path


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_has_every_field_and_positions(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(app, ["extract", str(workspace / "docs" / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert all(set(row) == FIELDS for row in rows)
    assert [(r["text"], r["line"], r["column"], r["kind"], r["unit"], r["qualifier"], r["noun"]) for r in rows] == [
        ("650 M€", 2, 17, "money", "EUR", "exact", None),
        ("~350 projets", 2, 27, "count", "count", "about", "projet"),
    ]
    text = (workspace / "docs" / "a.txt").read_text(encoding="utf-8")
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert row["source"].endswith("a.txt")
    assert rows[0]["value"] == 650e6 and rows[0]["low"] == 649.5e6 and rows[0]["high"] == 650.5e6


def test_folder_recursion_reads_txt_and_md_with_odd_names(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(app, ["extract", str(workspace / "docs"), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = _jsonl(result.stdout)
    by_file = {(Path(r["source"]).name, r["text"]) for r in rows}
    assert by_file == {
        ("a.txt", "650 M€"), ("a.txt", "~350 projets"),
        ("été 2025 – note.md", "Plus de 40\u00a0%"),
        ("ancien.txt", "718,4 millions d'euros"),
    }
    note = next(r for r in rows if r["source"].endswith(".md"))
    assert (note["line"], note["column"], note["qualifier"], note["high"]) == (3, 1, "at_least", None)


def test_json_has_a_schema_version_and_the_same_figures(runner: CliRunner, workspace: Path) -> None:
    docs = str(workspace / "docs")
    as_json = runner.invoke(app, ["extract", docs, "--format", "json"])
    as_jsonl = runner.invoke(app, ["extract", docs, "--format", "jsonl"])
    assert as_json.exit_code == 0
    document = json.loads(as_json.stdout)
    assert document["schema_version"] == "1"
    assert document["errors"] == []
    assert document["quantities"] == _jsonl(as_jsonl.stdout)


def test_table_lists_figures_for_people(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(app, ["extract", str(workspace / "docs"), "--no-color"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "650 M€" in result.stdout and "projet" in result.stdout
    assert "4 figures in 3 documents" in result.stdout


def test_a_binary_file_is_one_error_line_and_the_others_are_still_listed(runner: CliRunner, workspace: Path) -> None:
    (workspace / "docs" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    for output_format in ("jsonl", "json", "table"):
        result = runner.invoke(app, ["extract", str(workspace / "docs"), "--format", output_format, "--no-color"],
                               env={"COLUMNS": "200"})
        assert result.exit_code == 2
        error_lines = [line for line in result.stderr.strip().splitlines() if "warning:" not in line]
        assert len(error_lines) == 1 and "image.txt" in error_lines[0], result.stderr
        assert "ignoré.csv: skipped: unsupported file type (.csv)" in result.stderr
        assert "650 M€" in result.stdout and "718,4 millions" in result.stdout
    document = json.loads(runner.invoke(app, ["extract", str(workspace / "docs"), "--format", "json"]).stdout)
    assert [Path(error["source"]).name for error in document["errors"]] == ["image.txt"]


def test_a_missing_file_is_exit_code_2_and_named(runner: CliRunner, workspace: Path) -> None:
    result = runner.invoke(app, ["extract", str(workspace / "docs" / "a.txt"), str(workspace / "absent.txt"), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "absent.txt" in result.stderr
    assert len(_jsonl(result.stdout)) == 2


def test_an_empty_folder_lists_nothing(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout == ""
