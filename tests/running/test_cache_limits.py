"""The cache is bounded and self-describing: a size limit with the least recently used entries
evicted, replayed outputs compressed, a folder git ignores, two runs sharing a new cache without a
word, and a full disk is one warning while the run goes on."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.running.cache
import checker.running.cache_entries
from checker.running.cache import FILE_NAME, Cache
from checker.running.parallel import extract_documents
from cli.main import app

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _corpus(folder: Path, count: int, size: int = 20_000) -> Path:
    folder.mkdir()
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for index in range(count):
        text = f"Document {index}.\n\n" + seeds[index % len(seeds)] + "\n\n"
        (folder / f"d{index:03}.txt").write_text(text * (size // len(text) + 1), encoding="utf-8")
    return folder


def _rows(cache_dir: Path, table: str) -> list[tuple]:
    with closing(sqlite3.connect(cache_dir / FILE_NAME)) as connection:
        return connection.execute(f"SELECT key, used FROM {table} ORDER BY used, key").fetchall()


def test_the_cache_folder_is_ignored_by_git_and_tagged(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["extract", "seeds", "--format", "jsonl"]).exit_code == 0
    folder = tmp_path / ".recoupe_cache"
    assert "*" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    if shutil.which("git") is None:
        return
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    added = subprocess.run(["git", "ls-files", "--cached"], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert "seeds/" in added and ".recoupe_cache" not in added
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert ".recoupe_cache" not in status


# Each run waits, just before it opens the cache, for the same moment: the two then reach the new
# file together (without it they seldom do; an earlier recoupe warned 8 times in 8 then).
_TOGETHER = """
import os, sys, time
import checker.running.cache
_open = checker.running.cache.Cache.__init__
def together(self, *args, **kwargs):
    time.sleep(max(0.0, float(os.environ["RECOUPE_TEST_OPEN_AT"]) - time.time()))
    _open(self, *args, **kwargs)
checker.running.cache.Cache.__init__ = together
from cli.main import main
sys.argv = ["recoupe", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("command", ["extract", "check"])
def test_two_runs_started_together_on_a_new_cache_say_nothing_and_both_fill_it(tmp_path: Path, command: str) -> None:
    import time

    docs = _corpus(tmp_path / "docs", 12)
    extra = ["--format", "jsonl"] if command == "extract" else ["--rules", str(ROOT / "rules"), "--format", "json", "--fail-on", "never"]
    reference = subprocess.run([sys.executable, "-m", "cli", command, str(docs), *extra, "--no-cache"], capture_output=True, text=True, env=ENV)
    for attempt in range(3):
        cache = tmp_path / f"cache{attempt}"
        env = {**ENV, "RECOUPE_TEST_OPEN_AT": str(time.time() + 2)}
        runs = [
            subprocess.Popen([sys.executable, "-c", _TOGETHER, command, str(docs), *extra, "--cache-dir", str(cache), "--jobs", jobs],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for jobs in ("1", "2")
        ]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert (run.returncode, err) == (0, ""), f"attempt {attempt}: {err}"
            assert out == reference.stdout
        assert len(_rows(cache, "extraction")) == 12  # neither rebuilt the other's cache
        assert len(_rows(cache, "replay")) == 1


@pytest.fixture()
def clock(monkeypatch) -> list[int]:
    """The cache's clock, a second a run: which entries are older is then certain."""
    now = [1_700_000_000]
    monkeypatch.setattr(checker.running.cache.time, "time", lambda: now[0])
    return now


def _fill(cache_dir: Path, paths: list[Path], clock: list[int], max_size: int) -> Cache:
    clock[0] += 10
    cache = Cache(cache_dir, max_size)
    list(extract_documents(paths, jobs=1, cache=cache))
    cache.close()
    return cache


def test_least_recently_used_entries_are_evicted_beyond_the_limit(tmp_path: Path, clock: list[int]) -> None:
    docs = _corpus(tmp_path / "docs", 30)
    paths = sorted(docs.iterdir())
    first, second, third = paths[:10], paths[10:20], paths[20:]
    cache_dir = tmp_path / "cache"
    _fill(cache_dir, first, clock, max_size=10**9)
    _fill(cache_dir, second, clock, max_size=10**9)
    limit = (cache_dir / FILE_NAME).stat().st_size * 21 // 20  # room for twenty documents
    _fill(cache_dir, first[:5], clock, max_size=limit)  # used again: now more recent than the second ten
    _fill(cache_dir, third, clock, max_size=limit)  # ten more: the ten least recently used go
    with closing(sqlite3.connect(cache_dir / FILE_NAME)) as connection:
        kept = {row[0] for row in connection.execute("SELECT text FROM extraction")}
    survivors = [path for path in paths if path.read_text(encoding="utf-8") in kept]
    kept = [path for path in second if path in survivors]
    assert survivors == [*first[:5], *kept, *third]  # the last run's and those used again are all kept
    assert kept == second[-len(kept):] and 3 <= len(kept) <= 7  # the oldest went first: first[5:], then second's
    assert (cache_dir / FILE_NAME).stat().st_size <= limit * 1.1  # the file itself shrank (incremental vacuum)
    hits = Cache(cache_dir, limit)
    list(extract_documents(survivors, jobs=1, cache=hits))
    assert (hits.hits, hits.misses) == (len(survivors), 0)  # what is left is whole


def test_a_run_larger_than_the_limit_keeps_all_it_needs(tmp_path: Path, clock: list[int]) -> None:
    docs = _corpus(tmp_path / "docs", 10)
    paths = sorted(docs.iterdir())
    _fill(tmp_path / "cache", paths, clock, max_size=1000)
    again = Cache(tmp_path / "cache", 1000)
    list(extract_documents(paths, jobs=1, cache=again))
    assert (again.hits, again.misses) == (10, 0)


def test_replayed_outputs_are_compressed_and_not_kept_beyond_a_share_of_the_limit(tmp_path: Path, monkeypatch) -> None:
    docs = _corpus(tmp_path / "docs", 10)
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(app, ["extract", "docs", "--format", "jsonl", "--cache-dir", "big"])
    with closing(sqlite3.connect(tmp_path / "big" / FILE_NAME)) as connection:
        [(stored,)] = connection.execute("SELECT length(stdout) FROM replay").fetchall()
    assert first.exit_code == 0 and stored * 4 < len(first.stdout.encode("utf-8"))
    small = CliRunner().invoke(app, ["extract", "docs", "--format", "jsonl", "--cache-dir", "small", "--cache-max-size", str(stored * 3)])
    assert (small.exit_code, small.stdout, small.stderr) == (0, first.stdout, "")
    assert _rows(tmp_path / "small", "replay") == [] and len(_rows(tmp_path / "small", "extraction")) == 10
    del docs


@pytest.mark.parametrize(("value", "message"), [
    ("lots", "recoupe: --cache-max-size: not a size: 'lots' (expected a number and a unit, such as 500MB or 2GB)"),
    ("0", "recoupe: --cache-max-size: not a positive size: '0' (to use no cache, --no-cache)"),
])
def test_a_bad_cache_max_size_is_a_usage_error(tmp_path: Path, monkeypatch, value: str, message: str) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for command in (["extract", "seeds"], ["check", "seeds", "--rules", str(ROOT / "rules")]):
        result = CliRunner().invoke(app, [*command, "--cache-max-size", value])
        assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert not (tmp_path / ".recoupe_cache").exists()


def test_the_limit_can_be_set_in_the_configuration(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "recoupe.toml").write_text('cache_max_size = "2 Go"\n', encoding="utf-8")
    assert 'cache_max_size = "2 Go"' in CliRunner().invoke(app, ["config"]).stdout
    opened = []
    monkeypatch.setattr(checker.running.cache.Cache, "__init__", lambda self, folder, max_size: opened.append(max_size) or None)
    monkeypatch.setattr(checker.running.cache.Cache, "replay", lambda self, key: None)
    CliRunner().invoke(app, ["extract", "seeds", "--format", "jsonl"])
    CliRunner().invoke(app, ["extract", "seeds", "--format", "jsonl", "--cache-max-size", "300MiB"])
    assert opened == [2 * 10**9, 300 * 2**20]
    (tmp_path / "recoupe.toml").write_text('fail_on = "never"\ncache_max_size = "beaucoup"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "seeds"])
    assert result.exit_code == 2 and "recoupe.toml:2: key 'cache_max_size': expected a size" in result.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="limits the file size of a child process (POSIX)")
@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_full_disk_is_one_warning_and_the_run_goes_on(tmp_path: Path, command: str) -> None:
    """RLIMIT_FSIZE makes every write past 256 kB fail, as a full disk does."""
    import resource
    import signal

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256_000, 256_000))

    docs = _corpus(tmp_path / "docs", 20)
    extra = ["--format", "jsonl"] if command == "extract" else ["--rules", str(ROOT / "rules"), "--format", "json", "--fail-on", "never"]
    run = [sys.executable, "-m", "cli", command, str(docs), *extra]
    reference = subprocess.run([*run, "--no-cache"], capture_output=True, text=True, env=ENV, cwd=tmp_path)
    full = subprocess.run([*run, "--cache-dir", "cache"], capture_output=True, text=True, env=ENV, cwd=tmp_path, preexec_fn=small_files)
    assert (full.returncode, full.stdout) == (reference.returncode, reference.stdout), full.stderr
    assert full.stderr.splitlines() == [f"recoupe: warning: cache {Path('cache') / FILE_NAME} not updated (File too large); running without it"]
    again = subprocess.run([*run, "--cache-dir", "cache"], capture_output=True, text=True, env=ENV, cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (reference.returncode, reference.stdout, "")  # the cache still works


def test_a_database_full_at_commit_is_one_warning(tmp_path: Path) -> None:
    docs = _corpus(tmp_path / "docs", 3)

    class Full(sqlite3.Connection):
        def executemany(self, sql, rows):
            raise sqlite3.OperationalError("database or disk is full")

    cache = Cache(tmp_path / "cache")
    cache._connection.close()
    cache._connection = sqlite3.connect(tmp_path / "cache" / FILE_NAME, isolation_level=None, factory=Full)
    outcomes = list(extract_documents(sorted(docs.iterdir()), jobs=1, cache=cache))
    assert all(outcome.error is None for outcome in outcomes)
    cache.keep_replay("k", checker.running.cache_entries.Replay("output"))
    cache.commit()
    assert cache.warnings == [f"cache {tmp_path / 'cache' / FILE_NAME} not updated (database or disk is full); running without it"]
    cache.close()
    assert _rows(tmp_path / "cache", "extraction") == []


@pytest.mark.parametrize("state", ["empty file", "empty database"])
def test_a_cache_left_half_set_up_is_set_up_without_a_word(tmp_path: Path, state: str) -> None:
    """A run stopped (Ctrl-C, a kill) just as it created a new cache leaves an empty file, or a
    database without tables: the next run sets it up, as a new cache, with no warning."""
    folder = tmp_path / "cache"
    folder.mkdir()
    if state == "empty file":
        (folder / FILE_NAME).write_bytes(b"")
    else:
        with closing(sqlite3.connect(folder / FILE_NAME)) as connection:
            connection.execute("PRAGMA journal_mode = WAL")
        assert (folder / FILE_NAME).stat().st_size > 0
    docs = _corpus(tmp_path / "docs", 2)
    cache = Cache(folder)
    list(extract_documents(sorted(docs.iterdir()), jobs=1, cache=cache))
    cache.close()
    assert cache.warnings == [] and len(_rows(folder, "extraction")) == 2


def test_the_default_limit_is_said_once() -> None:
    from checker.running.config import Settings, parse_size

    assert parse_size(Settings().cache_max_size) == checker.running.cache.DEFAULT_MAX_SIZE
