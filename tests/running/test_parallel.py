"""--jobs: documents read and extracted in worker processes give the very same output."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.running.parallel import PARALLEL_FROM, Rows, batch_size, default_jobs, extract_documents, rows_of
from cli.main import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """seeds/ and a few more files: an unreadable one, an empty one, an HTML page, sub-folders."""
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        (docs / f"copie {index}").mkdir()
        (docs / f"copie {index}" / f"note_{index}.md").write_text(seed.read_text(encoding="utf-8")[:900], encoding="utf-8")
    (docs / "binaire.txt").write_bytes(b"\x00\x01\x02 pas du texte")
    (docs / "vide.txt").write_text("  \n", encoding="utf-8")
    (docs / "page.html").write_text(
        "<html><body><article><p>Le plan prévoit 650 M€ pour 350 projets en 2025, soit plus de 40 % "
        "du budget de la santé numérique.</p></article></body></html>", encoding="utf-8",
    )
    return docs


@pytest.mark.parametrize("command", [
    ["extract", "--format", "json"], ["extract", "--format", "jsonl"], ["check", "--format", "json", "--fail-on", "never"],
])
def test_jobs_two_gives_the_output_of_jobs_one(corpus: Path, command: list[str], tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(app, [command[0], str(corpus), *command[1:], "--jobs", "1", "--no-cache"])
    two = runner.invoke(app, [command[0], str(corpus), *command[1:], "--jobs", "2", "--no-cache"])
    # the workers also make the cache's entries: filling it, then reading it, changes nothing
    # (a run with an error is never replayed: the second one reads the extraction rows)
    filling = runner.invoke(app, [command[0], str(corpus), *command[1:], "--jobs", "2", "--cache-dir", str(tmp_path / "cache")])
    reading = runner.invoke(app, [command[0], str(corpus), *command[1:], "--jobs", "1", "--cache-dir", str(tmp_path / "cache")])
    assert one.exit_code == two.exit_code == filling.exit_code == reading.exit_code == 2, one.output  # binaire.txt cannot be read
    for run in (two, filling, reading):
        assert (one.stdout, one.stderr) == (run.stdout, run.stderr)
    assert "binaire.txt" in one.stdout + one.stderr and '"value"' in one.stdout


@pytest.mark.parametrize("output_format", ["jsonl", "json"])
def test_rows_written_by_workers_into_the_cache_are_read_back_the_same(corpus: Path, tmp_path: Path, output_format: str) -> None:
    """Rows and cache entries made in workers: filling the cache, then reading it, writes what --no-cache does."""
    import sqlite3

    from checker.running.cache import FILE_NAME

    runner = CliRunner()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    reference = runner.invoke(app, ["extract", str(corpus), "--format", output_format, "--jobs", "1", "--no-cache"])
    filled = runner.invoke(app, ["extract", str(corpus), "--format", output_format, "--jobs", "2", *cache])
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as connection:
        connection.execute("DELETE FROM replay")  # else the run is replayed, not read from the extraction rows
        assert connection.execute("SELECT count(*) FROM extraction").fetchone()[0] > PARALLEL_FROM
    read = runner.invoke(app, ["extract", str(corpus), "--format", output_format, "--jobs", "2", *cache])
    assert "empty: no text" in reference.stderr
    for run in (filled, read):
        assert (run.exit_code, run.stdout, run.stderr) == (reference.exit_code, reference.stdout, reference.stderr)


def test_rows_asked_for_come_instead_of_documents(corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.txt"))
    outcomes = list(extract_documents(paths, jobs=2, finish=functools.partial(rows_of, "jsonl")))
    assert [outcome.path for outcome in outcomes] == paths
    read = [outcome for outcome in outcomes if outcome.error is None]
    assert all(outcome.document is None and isinstance(outcome.finished, Rows) for outcome in read)
    assert [outcome.finished.blank for outcome in read if outcome.path.name == "vide.txt"] == [True]
    assert sum(outcome.finished.text.count("\n") for outcome in read) == sum(len(o.quantities) for o in extract_documents(paths, jobs=1) if o.error is None)


def _in_batches_of_three(paths: list[Path], warm: list[Path], cache_dir: Path, monkeypatch, rows: str | None) -> None:
    """Extracted by two workers in batches of three, ``warm`` in the cache: what one process gives."""
    import checker.running.parallel
    from checker.running.cache import Cache

    finish = None if rows is None else functools.partial(rows_of, rows)
    expected = [(o.path, str(o.error), o.quantities, o.finished) for o in extract_documents(paths, jobs=1, finish=finish)]
    cache = Cache(cache_dir)
    list(extract_documents(warm, jobs=1, cache=cache))
    cache.close()
    monkeypatch.setattr(checker.running.parallel, "batch_size", lambda documents, jobs: 3)
    cache = Cache(cache_dir)
    outcomes = list(extract_documents(paths, jobs=2, cache=cache, finish=finish))
    cache.close()
    assert sum(outcome.cached for outcome in outcomes) >= len(paths) // 3
    got = [(o.path, str(o.error), o.quantities if rows is None else (), o.finished) for o in outcomes]
    assert got == [(path, error, quantities if rows is None else (), found) for path, error, quantities, found in expected]


@pytest.mark.parametrize("rows", [None, "jsonl"])
def test_batches_of_documents_give_each_outcome_in_order(corpus: Path, tmp_path: Path, monkeypatch, rows: str | None) -> None:
    paths = sorted(path for path in corpus.rglob("*") if path.is_file()) * 3 + [corpus / "absent.txt"]
    _in_batches_of_three(paths, paths[::2], tmp_path / "cache", monkeypatch, rows)  # hits and errors between batches


@pytest.mark.parametrize("rows", [None, "jsonl"])
def test_a_batch_not_full_is_sent_when_enough_documents_are_read_ahead(tmp_path: Path, monkeypatch, rows: str | None) -> None:
    """A document alone in its batch, then only cache hits: its batch is sent as it is, not waited for."""
    first = tmp_path / "premier.txt"
    first.write_text("Seul de son lot : 12 projets.", encoding="utf-8")
    copies = []
    for index in range(40):
        copies.append(tmp_path / f"copie_{index:02}.txt")
        copies[-1].write_text("Le plan prévoit 650 M€ pour 350 projets.", encoding="utf-8")
    _in_batches_of_three([first, *copies], copies[:1], tmp_path / "cache", monkeypatch, rows)


def test_batches_are_small_when_documents_are_few() -> None:
    assert [batch_size(documents, 2) for documents in (9, 16, 32, 48, 64, 611)] == [1, 1, 2, 3, 4, 4]
    assert batch_size(9, 1) == 1


def test_results_come_in_the_order_of_the_paths(corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.txt")) + [corpus / "absent.txt"]
    outcomes = list(extract_documents(paths, jobs=2))
    assert [outcome.path for outcome in outcomes] == paths
    assert outcomes[-1].error is not None and "absent.txt" in str(outcomes[-1].error)
    assert all(outcome.document is not None for outcome in outcomes if outcome.path.name.startswith("00"))


def test_default_is_one_process_for_a_few_documents() -> None:
    assert default_jobs(PARALLEL_FROM) == 1
    assert default_jobs(PARALLEL_FROM + 1) >= 1


def test_one_document_is_extracted_without_starting_workers(monkeypatch, tmp_path: Path) -> None:
    import concurrent.futures

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool of workers was started for one document")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    document = tmp_path / "seul.txt"
    document.write_text("Le plan prévoit 650 M€ pour 350 projets.", encoding="utf-8")
    [outcome] = extract_documents([document], jobs=4)
    assert [quantity.text for quantity in outcome.quantities] == ["650 M€", "350 projets"]


def _summary(document, quantities, context) -> tuple[str, list[str], object, int]:
    """A finish for the tests: what it was given, and the process it ran in."""
    import os

    return document.source, [quantity.text for quantity in quantities], context, os.getpid()


def test_a_finish_runs_in_the_workers_with_its_context(corpus: Path) -> None:
    import os

    paths = sorted(corpus.rglob("*.txt")) + [corpus / "absent.txt"]
    asked: list[str] = []

    def context(path: Path) -> str:
        asked.append(path.name)
        return f"contexte de {path.name}"

    one = list(extract_documents(paths, jobs=1, finish=_summary, context=context))
    assert asked == [path.name for path in paths[:-1]]  # in order, once each; none for a file not read
    two = list(extract_documents(paths, jobs=2, finish=_summary, context=context))
    for first, second in zip(one, two):
        if first.error is not None:
            assert str(first.error) == str(second.error) and second.finished is None
            continue
        assert first.finished[:3] == second.finished[:3]
        assert first.finished[2] == f"contexte de {first.path.name}"
        assert first.finished[3] == os.getpid() != second.finished[3]  # here with one job, in a worker with two
        assert second.document is None and second.quantities == ()  # the figures stayed in the worker
    assert any("550 millions d’euros" in outcome.finished[1] for outcome in two if outcome.finished is not None)


def test_cache_rows_written_by_workers_read_back_as_a_fresh_extraction(corpus: Path, tmp_path: Path) -> None:
    from checker.running.cache import Cache

    paths = sorted(corpus.rglob("*.txt")) + sorted(corpus.rglob("*.md")) + sorted(corpus.rglob("*.html"))
    fresh = list(extract_documents(paths, jobs=1))
    filling = Cache(tmp_path / "cache")
    list(extract_documents(paths, jobs=2, cache=filling, finish=_summary, context=lambda path: None))
    reading = Cache(tmp_path / "cache")
    again = list(extract_documents(paths, jobs=1, cache=reading, finish=_summary, context=lambda path: None))
    read = [outcome for outcome in fresh if outcome.error is None]
    assert (reading.hits, reading.misses) == (len(read), 1) and len(read) >= 10  # binaire.txt is never kept
    for before, after in zip(fresh, again):
        assert (before.document is None) == (after.document is None)
        if before.document is not None:
            assert after.cached and after.document.text == before.document.text
            assert after.document.meta == before.document.meta and after.quantities == before.quantities
            assert after.finished[1] == [quantity.text for quantity in before.quantities]  # finished here, from the cache


def test_documents_in_the_cache_are_finished_in_the_workers_too(corpus: Path, tmp_path: Path) -> None:
    """After one document changed, a check binds every other one again: from their cache entries,
    decoded in the workers; an entry that does not decode is extracted there and stored anew."""
    import os
    import sqlite3

    from checker.running.cache import FILE_NAME, Cache

    paths = sorted(corpus.rglob("*.txt")) + sorted(corpus.rglob("*.md"))
    fresh = [outcome.finished for outcome in extract_documents(paths, jobs=1, finish=_summary, context=lambda path: None)]
    list(extract_documents(paths, jobs=1, cache=Cache(tmp_path / "cache")))
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as connection:
        [(damaged,)] = connection.execute("SELECT key FROM extraction ORDER BY key LIMIT 1").fetchall()
        connection.execute("UPDATE extraction SET value = '{}' WHERE key = ?", (damaged,))
    cache = Cache(tmp_path / "cache")
    outcomes = list(extract_documents(paths, jobs=2, cache=cache, finish=_summary, context=lambda path: None))
    cache.close()
    read = [outcome for outcome in outcomes if outcome.error is None]
    assert (cache.hits, cache.misses) == (len(read) - 1, 2)  # the damaged entry, and binaire.txt (never stored)
    assert [outcome.cached for outcome in read].count(False) == 1
    assert all(outcome.document is None and outcome.finished[3] != os.getpid() for outcome in read)
    assert [outcome.finished for outcome in outcomes] == [None if finished is None else finished[:3] + (outcome.finished[3],)
                                                          for finished, outcome in zip(fresh, outcomes)]
    again = Cache(tmp_path / "cache")
    list(extract_documents(paths, jobs=1, cache=again))
    assert (again.hits, again.misses) == (len(read), 1)  # the damaged entry was stored anew
