"""Nothing recoupe starts outlives it: worker processes die with a parent killed by SIGKILL, and
Ctrl-C stops a run with workers within a second, leaving the cache as it was and no file behind."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(), reason="finds worker processes through Linux's /proc",
)


def _large_corpus(folder: Path, count: int = 8, size: int = 2_000_000) -> Path:
    """``count`` documents of about ``size`` bytes: each takes a worker seconds, so runs are caught mid-way."""
    folder.mkdir()
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))) + "\n\n"
    for index in range(count):
        (folder / f"grand_{index}.txt").write_text(text * (size // len(text) + 1), encoding="utf-8")
    return folder


def _start(args: list[str], cwd: Path, code: str | None = None) -> subprocess.Popen:
    """``recoupe ARGS`` in a process of its own session; ``code``: Python run first (to change recoupe)."""
    prelude = (code or "") + "\nimport sys\nfrom cli.main import main\nsys.argv = ['recoupe', *sys.argv[1:]]\nmain()\n"
    return subprocess.Popen(
        [sys.executable, "-c", prelude, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _workers(process: subprocess.Popen, count: int = 2, timeout: float = 20) -> list[int]:
    """The worker processes of ``process`` once ``count`` of them run, and a little work is under way."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [int(pid) for pid in children.read_text().split()]
        if len(found) >= count:
            time.sleep(0.5)
            assert process.poll() is None, "the run ended before it could be stopped: make the corpus bigger"
            return found
        time.sleep(0.02)
    raise AssertionError("no worker process started")


def _stopped(process: subprocess.Popen, send) -> tuple[int, str, float]:
    """``send()`` a signal, then wait for ``process``: its exit code, its stderr, and the seconds it took."""
    start = time.monotonic()
    send()
    _, err = process.communicate(timeout=30)
    return process.returncode, err, time.monotonic() - start


def _alive(pid: int) -> bool:
    """Running, and not a zombie left for whoever adopts it to reap."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _gone_within(pids: list[int], seconds: float) -> float | None:
    """How long until none of ``pids`` runs, or None if some still do after ``seconds``."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if not any(_alive(pid) for pid in pids):
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def _rows(cache: Path) -> list[tuple]:
    with closing(sqlite3.connect(cache / "extract.sqlite3")) as connection:
        return sorted(connection.execute("SELECT key, text, value FROM extraction").fetchall())


@pytest.fixture()
def workspace(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A large corpus, and a cache already holding the extraction of a small one."""
    corpus = _large_corpus(tmp_path / "docs")
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("Le plan est doté de 650 M€.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    run = ["--rules", str(ROOT / "rules"), "--fail-on", "never", "--cache-dir", str(cache)]
    filled = subprocess.run(
        [sys.executable, "-m", "cli", "check", str(small), *run], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert filled.returncode == 0, filled.stderr
    return corpus, cache, ["check", str(corpus), "--jobs", "2", *run]


# "watch": without the parent-death signal (as on macOS, the BSDs, Windows), a thread of each
# worker notices its parent is gone
@pytest.mark.parametrize("way", ["signal", "watch"])
def test_workers_die_when_their_parent_is_killed(workspace, tmp_path: Path, way: str) -> None:
    corpus, cache, args = workspace
    before = _rows(cache)
    out = tmp_path / "out"
    out.mkdir()
    code = "import checker.running.lifeline\nchecker.running.lifeline._parent_death_signal = lambda: False" if way == "watch" else None
    process = _start([*args, "--output", f"json:{out / 'report.json'}"], tmp_path, code)
    workers = _workers(process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    took = _gone_within(workers, 5)
    assert took is not None, f"worker processes {workers} outlived their parent"
    assert list(out.iterdir()) == []
    assert _rows(cache) == before  # the run's new entries were never committed
    if way == "signal":
        assert took < 1
        # the next run finds the cache as it was, says nothing, and leaves only the cache's own files
        small = [arg if arg != str(corpus) else str(tmp_path / "small") for arg in args]
        again = subprocess.run([sys.executable, "-m", "cli", *small], cwd=tmp_path, capture_output=True, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert (again.returncode, again.stderr) == (0, "")
        assert sorted(path.name for path in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "extract.sqlite3", "rules-validated.json"]


def test_ctrl_c_with_workers_returns_within_a_second(workspace, tmp_path: Path) -> None:
    corpus, cache, args = workspace
    before = _rows(cache)
    digest = hashlib.sha256((cache / "extract.sqlite3").read_bytes()).hexdigest()
    out = tmp_path / "out"
    out.mkdir()
    process = _start([*args, "--output", f"json:{out / 'report.json'}", "--output", f"sarif:{out / 'report.sarif'}"], tmp_path)
    workers = _workers(process)
    code, err, took = _stopped(process, lambda: os.killpg(process.pid, signal.SIGINT))  # as a terminal sends it: to the whole group, workers too
    assert (code, err) == (130, "recoupe: interrupted\n")
    assert took < 1, f"Ctrl-C took {took:.2f} s to return"
    assert _gone_within(workers, 1) is not None
    assert list(out.iterdir()) == []
    assert _rows(cache) == before
    assert hashlib.sha256((cache / "extract.sqlite3").read_bytes()).hexdigest() == digest
    assert sorted(path.name for path in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "extract.sqlite3", "rules-validated.json"]


@pytest.mark.parametrize("to", ["parent", "group"])
def test_sigterm_stops_a_run_as_ctrl_c_does(workspace, tmp_path: Path, to: str) -> None:
    """SIGTERM (a CI job cancelled, ``timeout``, ``kill``), to the parent alone or to its whole group:
    workers ended, no report file nor temporary file left, the cache as it was, exit code 143."""
    corpus, cache, args = workspace
    before = _rows(cache)
    out = tmp_path / "out"
    out.mkdir()
    process = _start([*args, "--output", f"json:{out / 'report.json'}"], tmp_path)
    workers = _workers(process)
    code, err, took = _stopped(process, lambda: (os.kill if to == "parent" else os.killpg)(process.pid, signal.SIGTERM))
    assert (code, err) == (143, "recoupe: terminated\n")
    assert took < 2, f"SIGTERM took {took:.2f} s to return"
    assert _gone_within(workers, 1) is not None
    assert list(out.iterdir()) == []
    assert _rows(cache) == before
    assert sorted(path.name for path in cache.iterdir()) == [".gitignore", "CACHEDIR.TAG", "extract.sqlite3", "rules-validated.json"]
