"""Hostile inputs: each gives a clear one-line message or works, never a traceback, and the other
documents are still checked."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def _invoke(*args: str):
    result = CliRunner().invoke(app, [*args, "--no-cache"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    return result


def _extract(folder: Path):
    result = _invoke("extract", str(folder), "--format", "json")
    return result, json.loads(result.stdout)


def _check(folder: Path):
    result = _invoke("check", str(folder), "--format", "json", "--fail-on", "never", "--rules", str(ROOT / "rules"))
    return result, json.loads(result.stdout)


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _sources(report: dict) -> set[str]:
    return {Path(row["source"]).name for row in report["quantities"]}


def test_symlink_loop(docs: Path) -> None:
    (docs / "boucle").mkdir()
    (docs / "boucle" / "haut").symlink_to("..")
    (docs / "boucle" / "soi").symlink_to("../boucle")
    result, report = _extract(docs)
    assert result.exit_code == 0 and _sources(report) == {SEED.name}
    result, report = _check(docs)
    assert result.exit_code == 0 and report["summary"]["documents"] == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a chmod 000 file")
def test_unreadable_file(docs: Path) -> None:
    locked = docs / "verrouillé.txt"
    locked.write_text("Le plan prévoit 650 M€.", encoding="utf-8")
    locked.chmod(0)
    try:
        result, report = _extract(docs)
        assert result.exit_code == 2 and _sources(report) == {SEED.name}
        lines = [line for line in result.stderr.splitlines() if "verrouillé.txt" in line]
        assert lines == [f"recoupe: {locked}: cannot be read (Permission denied)"]
        result, report = _check(docs)
        assert result.exit_code == 2 and report["summary"]["documents"] == 1
    finally:
        locked.chmod(0o644)


def test_file_name_not_utf8(docs: Path) -> None:
    name = os.fsencode(docs) + b"/caf\xe9 350 projets.txt"
    with open(name, "wb") as handle:
        handle.write("Plus de 350 projets.".encode())
    result, report = _extract(docs)
    assert result.exit_code == 0
    assert _sources(report) == {SEED.name, "caf\ufffd 350 projets.txt"}
    result.stdout.encode("utf-8")  # no lone surrogate: any UTF-8 output can carry it
    result, report = _check(docs)
    assert result.exit_code == 0 and report["summary"]["documents"] == 2
    table = _invoke("extract", str(docs))
    assert table.exit_code == 0 and "in 2 documents" in table.stdout


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result, report = _extract(tmp_path / "vide")
    assert result.exit_code == 0 and report["quantities"] == []
    result, report = _check(tmp_path / "vide")
    assert result.exit_code == 0 and report["summary"]["documents"] == 0


def _lines(count: int) -> str:
    return "".join("Ligne {} : 12 projets et 3,5 M€.\n".format(i) if i % 1000 == 0 else "x\n" for i in range(count))


def test_million_line_file(docs: Path) -> None:
    (docs / "million.txt").write_text(_lines(1_000_000), encoding="utf-8")
    result, report = _extract(docs)
    assert result.exit_code == 0 and _sources(report) == {SEED.name, "million.txt"}
    last = [row for row in report["quantities"] if row["source"].endswith("million.txt")][-1]
    assert (last["line"], last["text"]) == (999_001, "3,5 M€")


def test_long_file_is_checked_in_linear_time(docs: Path) -> None:
    # 200 000 one-line paragraphs: finding each figure's paragraph was once a scan of them all
    (docs / "long.txt").write_text(_lines(200_000), encoding="utf-8")
    result, report = _check(docs)
    assert result.exit_code == 0 and report["summary"]["documents"] == 2


def _corpus(folder: Path, count: int = 60, size: int = 40_000) -> Path:
    """``count`` documents of about ``size`` characters, made of the seeds: long enough to interrupt."""
    folder.mkdir()
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for index in range(count):
        text = seeds[index % len(seeds)] + "\n\n"
        (folder / f"d{index:02}.txt").write_text(text * (size // len(text) + 1), encoding="utf-8")
    return folder


def _interrupted(args: list[str], cwd: Path, stdout=subprocess.PIPE, started=None) -> subprocess.CompletedProcess:
    """``recoupe ARGS`` as a real process, sent Ctrl-C as a terminal does (to its whole group): once
    ``started()`` says the work is under way, else after a second."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")  # Linux: worker processes
    if args[args.index("--jobs") + 1] != "1" and children.exists():  # Ctrl-C while the workers extract
        deadline = time.monotonic() + 10
        while not children.read_text().strip() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)
    elif started is not None:
        deadline = time.monotonic() + 10
        while not started() and time.monotonic() < deadline:
            time.sleep(0.01)
    else:
        time.sleep(1)
    assert process.poll() is None, "the run ended before Ctrl-C: make the corpus bigger"
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_no_output_and_a_usable_cache(tmp_path: Path, jobs: str) -> None:
    corpus = _corpus(tmp_path / "docs")
    out, cache = tmp_path / "out", tmp_path / "cache"
    out.mkdir()
    run = ["check", str(corpus), "--rules", str(ROOT / "rules"), "--jobs", jobs, "--fail-on", "never"]
    reports = ["--output", f"json:{out / 'OUT.json'}", "--output", f"sarif:{out / 'OUT.sarif'}"]
    result = _interrupted([*run, *reports, "--cache-dir", str(cache)], tmp_path)
    assert (result.returncode, result.stderr) == (130, "recoupe: interrupted\n")
    assert list(out.iterdir()) == []
    # interrupted at any moment: perhaps before the cache was opened, never with a file of the run left there
    assert not cache.exists() or {path.name for path in cache.iterdir()} <= {".gitignore", "CACHEDIR.TAG", "extract.sqlite3"}
    cached = subprocess.run(
        [sys.executable, "-m", "cli", *run, "--format", "json", "--cache-dir", str(cache)],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    fresh = subprocess.run(
        [sys.executable, "-m", "cli", *run, "--format", "json", "--no-cache"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert (cached.returncode, cached.stderr) == (0, "")
    assert cached.stdout == fresh.stdout and json.loads(cached.stdout)["summary"]["documents"] == 60


def test_ctrl_c_during_extract(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "docs", count=200)  # seconds of work: still running when Ctrl-C comes
    figures = tmp_path / "figures.jsonl"
    with open(figures, "w", encoding="utf-8") as target:
        result = _interrupted(
            ["extract", str(corpus), "--format", "jsonl", "--jobs", "1", "--no-cache"], tmp_path, stdout=target,
            started=lambda: figures.stat().st_size > 0,  # rows are coming: Ctrl-C in the middle of the stream
        )
    assert (result.returncode, result.stderr) == (130, "recoupe: interrupted\n")


def test_100_mb_single_line_file(docs: Path) -> None:
    # one run of letters, no newline: about 15 s and 320 MB a command (figure-dense 100 MB lines are slower, see #6)
    (docs / "ligne.txt").write_bytes(b"a" * 100_000_000)
    result, report = _extract(docs)
    assert result.exit_code == 0 and _sources(report) == {SEED.name}
    result, report = _check(docs)
    assert result.exit_code == 0 and report["summary"]["documents"] == 2


def test_a_rule_pattern_over_its_time_limit_on_one_document_spares_the_others(tmp_path: Path) -> None:
    """A pattern that backtracks catastrophically on one document's text is reported, naming the
    rule and the document, and the other documents are still checked (no internal error)."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        "[[rule]]\n"
        'id = "budget-hopital"\n'
        'title = "Budget du plan hôpital"\n'
        'kind = "money"\n'
        'subject = [\'plan\\s+hôpital\', \'(a|aa)+b\']\n'
        'scope = "document"\n',
        encoding="utf-8",
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_piege.txt").write_text("Le plan hôpital coûte 12 millions d'euros. " + "a" * 40 + "\n", encoding="utf-8")
    (docs / "b_article.txt").write_text("Le plan hôpital est doté de 15 millions d'euros.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(docs), "--rules", str(rules), "--format", "json", "--no-cache", "--jobs", "1"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    [error] = report["errors"]
    assert "budget-hopital" in error["message"] and "a_piege.txt" in error["message"]
    [finding] = report["findings"]
    assert [Path(claim["source"]).name for claim in finding["claims"]] == ["b_article.txt"]
    assert "internal error" not in result.stderr and "Traceback" not in result.output


def test_ctrl_c_while_the_command_line_is_imported(monkeypatch, capsys) -> None:
    """A Ctrl-C that lands while ``recoupe`` is still importing gives the same line and exit code."""
    import builtins

    import cli

    real_import = builtins.__import__

    def interrupted_import(name, *args, **kwargs):
        if name == "cli.main":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted_import)
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "recoupe: interrupted\n"
