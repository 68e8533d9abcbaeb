"""--engine dask: the same output as the default engine, on one local Dask cluster for the module."""

from __future__ import annotations

import json
import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.running import dask_engine
from checker.running.dask_engine import DaskEngine, EngineError
from cli.main import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-process local cluster, started once for the module."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR,
        scheduler_kwargs={"dashboard_address": dask_engine.LOCAL_HTTP},
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _both(runner: CliRunner, command: list[str], scheduler: str):
    local = runner.invoke(app, [*command, "--no-cache"])
    dask = runner.invoke(app, [*command, "--no-cache", "--engine", "dask", "--scheduler", scheduler])
    return local, dask


def test_check_json_is_the_same_on_dask(runner: CliRunner, scheduler: str) -> None:
    local, dask = _both(runner, ["check", str(SEEDS), "--format", "json"], scheduler)
    assert local.exit_code == dask.exit_code == 1, dask.output  # the seeds disagree on some rules
    assert dask.stdout == local.stdout
    assert json.loads(dask.stdout)["summary"]["documents"] == len(list(SEEDS.glob("*.txt")))


def test_extract_jsonl_is_the_same_on_dask(runner: CliRunner, scheduler: str) -> None:
    local, dask = _both(runner, ["extract", str(SEEDS), "--format", "jsonl"], scheduler)
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout
    assert len(dask.stdout.splitlines()) > 50


@pytest.mark.parametrize("command", [["extract", "--format", "json"], ["check", "--format", "json", "--fail-on", "never"]])
def test_an_unreadable_document_is_reported_the_same_on_dask(runner: CliRunner, scheduler: str, tmp_path: Path, command: list[str]) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    (docs / "002_binaire.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    local, dask = _both(runner, [command[0], str(docs), *command[1:]], scheduler)
    assert local.exit_code == dask.exit_code == 2
    assert dask.stdout == local.stdout
    assert dask.stderr == local.stderr
    assert "002_binaire.txt: binary file" in dask.stderr


def test_without_a_scheduler_a_local_cluster_gives_the_same_output(runner: CliRunner, scheduler: str) -> None:
    local = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl", "--no-cache"])
    dask = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl", "--no-cache", "--engine", "dask", "--jobs", "1"])
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout
    assert dask.stderr == ""


def test_results_keep_the_order_of_the_items_across_many_batches(scheduler: str) -> None:
    engine = DaskEngine(scheduler)
    try:
        assert list(engine.map(str, range(300))) == [str(number) for number in range(300)]
        assert list(engine.map(str, [])) == []
    finally:
        engine.close()


def test_a_worker_that_extracts_otherwise_is_refused(scheduler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = DaskEngine(scheduler)
    monkeypatch.setattr(dask_engine, "_settings", lambda: "another-recoupe")  # here only, not on the workers
    try:
        with pytest.raises(EngineError, match="extracts with other settings .*, here another-recoupe"):
            list(engine.map(str, range(10)))
    finally:
        engine.close()


def test_scheduler_without_the_dask_engine_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr == "recoupe: --scheduler needs --engine dask\n"
    assert result.stdout == ""


def test_jobs_with_a_scheduler_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"])
    assert result.exit_code == 2
    assert result.stderr.startswith("recoupe: --jobs sets the workers of a local Dask cluster")


def test_without_dask_installed_one_line_says_how_to_install_it(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr == "recoupe: --engine dask: dask is not installed: pip install 'recoupe[dask]'\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_items_are_read_as_batches_are_sent(scheduler: str) -> None:
    """A long stream of documents is never read whole: when the first result comes back, only the
    look-ahead (four batches a worker) and the batches in flight have been read."""
    pulled = 0

    def items():
        nonlocal pulled
        for number in range(5000):
            pulled += 1
            yield number

    engine = DaskEngine(scheduler)
    try:
        results = engine.map(str, items())
        assert next(results) == "0"
        assert pulled < 1000
        assert list(results) == [str(number) for number in range(1, 5000)]
        assert pulled == 5000
    finally:
        engine.close()
