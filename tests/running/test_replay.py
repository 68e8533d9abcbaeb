"""Replayed runs: when documents, manifests, rules, baseline, options and code are all unchanged,
``check`` and ``extract`` write the earlier output again (same standard output, messages, files
and exit code) without extracting or binding anything; any change makes a real run."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.running.parallel
import checker.running.pipeline
from checker.running.cache import FILE_NAME, REPLAYS_KEPT
from checker.running.cache_entries import Replay
from cli.main import app

ROOT = Path(__file__).resolve().parents[2]

RULE = '''
[[rule]]
id = "budget-plan"
title = "Budget du plan"
kind = "money"
currency = "EUR"
subject = ["plan"]
[rule.examples]
match = ["Le plan est doté de 40 M€."]
'''


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Le plan est doté de 650 M€, selon le ministère.\n", encoding="utf-8")
    (docs / "b.txt").write_text("Pour le plan, 550 millions d'euros ont été engagés.\n", encoding="utf-8")
    (docs / "notes.csv").write_text("a;b\n", encoding="utf-8")  # skipped, with a warning
    (tmp_path / "rules.toml").write_text(RULE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*extra: str):
    return CliRunner().invoke(app, ["check", "docs", "--rules", "rules.toml", "--format", "json", *extra])


def _no_work(monkeypatch) -> None:
    """From now on, extracting or binding anything fails the test: only a replay can answer."""

    def refuse(*args, **kwargs):
        raise AssertionError("the run was not replayed")

    monkeypatch.setattr(checker.running.pipeline, "check", refuse)
    monkeypatch.setattr(checker.running.parallel, "extract_documents", refuse)


def _same(first, second) -> None:
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)


def test_unchanged_check_is_replayed_with_its_messages_files_and_exit_code(workspace: Path, monkeypatch) -> None:
    first = _check("--output", "sarif:out/report.sarif", "--stats")
    assert first.exit_code == 1, first.output  # 550 vs 650 M€: a conflict
    assert "notes.csv" in first.stderr
    written = (workspace / "out" / "report.sarif").read_text(encoding="utf-8")
    (workspace / "out" / "report.sarif").unlink()
    _no_work(monkeypatch)
    second = _check("--output", "sarif:out/report.sarif", "--stats")
    _same(first, second)
    assert (workspace / "out" / "report.sarif").read_text(encoding="utf-8") == written


def test_unchanged_extract_is_replayed(workspace: Path, monkeypatch) -> None:
    for output_format in ("jsonl", "json"):
        first = CliRunner().invoke(app, ["extract", "docs", "--format", output_format])
        assert first.exit_code == 0 and "650 M€" in first.stdout
        with monkeypatch.context() as patched:
            _no_work(patched)
            _same(first, CliRunner().invoke(app, ["extract", "docs", "--format", output_format]))


def test_a_replay_does_not_import_the_extractor(workspace: Path) -> None:
    """What keeps a replay short: the extractor, whose patterns compile when it is imported, is
    not even imported (a process of its own: this one has imported everything long ago)."""
    probe = (
        "import atexit, sys; atexit.register(lambda: print('extractor imported:', 'checker.extraction.extractor' in sys.modules, "
        "file=sys.stderr)); sys.argv[0] = 'recoupe'; from cli import run; run()"
    )
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "NO_COLOR": "1"}
    for command in (["extract", "docs", "--format", "jsonl"], ["check", "docs", "--rules", "rules.toml", "--format", "json"]):
        first, second = (subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, env=env, cwd=workspace)
                         for _ in range(2))
        assert "extractor imported: True" in first.stderr, first.stderr  # a real run
        assert "extractor imported: False" in second.stderr, second.stderr  # its replay
        assert (second.returncode, second.stdout) == (first.returncode, first.stdout) and "650" in first.stdout


@pytest.mark.parametrize("change", ["document", "manifest", "rules", "option", "new file", "baseline"])
def test_any_changed_input_makes_a_real_run(workspace: Path, change: str) -> None:
    baseline = workspace / "baseline.json"
    assert CliRunner().invoke(app, ["baseline", "docs", "--rules", "rules.toml", "--output", str(baseline)]).exit_code == 0
    before = _check("--baseline", str(baseline))
    assert before.exit_code == 0, before.output  # the conflict is acknowledged
    extra = ["--baseline", str(baseline)]
    if change == "document":
        (workspace / "docs" / "b.txt").write_text("Pour le plan, 650 millions d'euros ont été engagés.\n", encoding="utf-8")
    elif change == "manifest":
        (workspace / "docs" / "sources.toml").write_text('["a.txt"]\npublisher = "Ministère"\nauthority = "official"\n', encoding="utf-8")
    elif change == "rules":
        path = workspace / "rules.toml"
        path.write_text(path.read_text(encoding="utf-8").replace('subject = ["plan"]', 'subject = ["plan"]\ntolerance = 0.5'), encoding="utf-8")
    elif change == "option":
        extra.append("--stats")
    elif change == "new file":
        (workspace / "docs" / "c.txt").write_text("Le plan : 900 M€.\n", encoding="utf-8")
    else:
        baseline.write_text(baseline.read_text(encoding="utf-8").replace("budget-plan", "autre-regle"), encoding="utf-8")
    after = _check(*extra)
    assert after.stdout != before.stdout or after.exit_code != before.exit_code, change


def test_run_with_an_unreadable_document_is_not_kept(workspace: Path, monkeypatch) -> None:
    (workspace / "docs" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    first = _check()
    assert first.exit_code == 2
    with sqlite3.connect(workspace / ".recoupe_cache" / FILE_NAME) as connection:
        assert connection.execute("SELECT COUNT(*) FROM replay").fetchone() == (0,)


def test_tampered_replay_is_ignored(workspace: Path) -> None:
    first = _check()
    database = workspace / ".recoupe_cache" / FILE_NAME
    with sqlite3.connect(database) as connection:  # same size, one byte changed: the digest differs
        [(rowid, stored)] = connection.execute("SELECT rowid, stdout FROM replay").fetchall()
        damaged = stored[:20] + bytes([stored[20] ^ 1]) + stored[21:]
        connection.execute("UPDATE replay SET stdout = ? WHERE rowid = ?", (damaged, rowid))
    _same(first, _check())
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE replay SET meta = '{\"stderr\": [3], \"files\": [], \"exit\": 0}', stdout = 'forged'")
    _same(first, _check())
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE replay SET meta = 'not json'")
    _same(first, _check())


def test_only_the_most_recent_runs_are_kept(workspace: Path) -> None:
    for severity in ("high", "medium", "low", "never", "high", "medium"):
        assert _check("--fail-on", severity).exit_code in (0, 1)
    with sqlite3.connect(workspace / ".recoupe_cache" / FILE_NAME) as connection:
        assert connection.execute("SELECT COUNT(*) FROM replay").fetchone() == (REPLAYS_KEPT,)


@pytest.mark.parametrize("meta", [
    '{"stderr": [], "files": [], "exit": "0", "stdout_size": 4, "stdout_sha256": "ab"}',
    '{"stderr": [], "files": [["a"]], "exit": 0, "stdout_size": 4, "stdout_sha256": "ab"}',
    '{"stderr": "x", "files": [], "exit": true, "stdout_size": 4, "stdout_sha256": "ab"}',
    '{"stderr": [], "files": [], "exit": 0, "stdout_size": 4.0, "stdout_sha256": "ab"}',
    '{"stderr": [], "files": [], "exit": 0, "stdout_size": 4}',
    '{"files": [], "exit": 0}',
    "[]",
])
def test_replay_rows_are_decoded_strictly(meta: str) -> None:
    assert Replay.decode(zlib.compress(meta.encode()), 7) is None
    good = '{"stderr": ["w"], "files": [["f", "t"]], "exit": 1, "stdout_size": 4, "stdout_sha256": "ab"}'
    assert Replay.decode(zlib.compress(good.encode()), 7) == Replay("", ("w",), (("f", "t"),), 1, 7, 4, "ab")
    assert Replay.decode(good.encode(), 7) is None  # kept compressed: anything else is not a replay's
    assert Replay.decode(zlib.compress(good.encode())[:-3], 7) is None


def test_a_long_output_is_kept_without_holding_it_in_memory(workspace: Path, monkeypatch) -> None:
    """extract's rows go to a spool file as they are written; the replay copies them back in chunks."""
    import checker.running.cache

    monkeypatch.setattr(checker.running.cache, "_CHUNK", 7)  # many chunks, on a small output
    first = CliRunner().invoke(app, ["extract", "docs", "--format", "jsonl"])
    assert first.exit_code == 0 and first.stdout.count("\n") == 2
    with monkeypatch.context() as patched:
        _no_work(patched)
        _same(first, CliRunner().invoke(app, ["extract", "docs", "--format", "jsonl"]))


def test_seeds_check_is_the_same_replayed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    command = ["check", str(ROOT / "seeds"), "--rules", str(ROOT / "rules"), "--format", "json", "--explain"]
    first = CliRunner().invoke(app, command)
    uncached = CliRunner().invoke(app, [*command, "--no-cache"])
    _same(uncached, first)
    _no_work(monkeypatch)
    _same(first, CliRunner().invoke(app, command))


def test_copy_of_the_corpus_elsewhere_is_not_replayed(workspace: Path, tmp_path: Path) -> None:
    first = _check()
    shutil.copytree(workspace / "docs", tmp_path / "copy")
    moved = CliRunner().invoke(app, ["check", str(tmp_path / "copy"), "--rules", "rules.toml", "--format", "json"])
    assert moved.exit_code == first.exit_code and moved.stdout != first.stdout  # other names
