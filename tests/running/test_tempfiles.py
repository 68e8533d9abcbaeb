"""Temporary files left by a killed run are removed by the next one, and only those: recoupe's
own names, of a process that is gone (or over a day old), never a user's file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.running.tempfiles import host_tag, prefix, running, sweep

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.skipif(os.name == "nt", reason="Windows cannot probe a process id without ending it: only age counts there")
def test_sweep_removes_only_recoupe_leftovers_of_processes_that_are_gone(tmp_path: Path) -> None:
    dead, host = _dead_pid(), host_tag()
    assert not running(dead) and running(os.getpid())
    leftovers = {
        "dead": f".report.json.recoupe-{host}-{dead}-k3j2.tmp",
        "old, other machine": f".report.json.recoupe-0badf00d-{dead}-a1.tmp",
    }
    kept = {
        "running process": f".report.json.recoupe-{host}-{os.getppid()}-zz.tmp",
        "this process": f"{prefix('report.json')}here.tmp",
        "recent, other machine": f".report.json.recoupe-0badf00d-{dead}-b2.tmp",
        "another file's": f".notes.json.recoupe-{host}-{dead}-c3.tmp",
        "not recoupe's": ".report.json.x8f2.tmp",
        "a user's": "report.json.recoupe-notes.tmp",
        "no suffix": f".report.json.recoupe-{host}-{dead}-d4",
    }
    for name in [*leftovers.values(), *kept.values()]:
        (tmp_path / name).write_text("partial report", encoding="utf-8")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(tmp_path / leftovers["old, other machine"], (day_ago, day_ago))
    removed = sweep(tmp_path, "report.json")
    assert sorted(path.name for path in removed) == sorted(leftovers.values())
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(kept.values())
    assert sweep(tmp_path, "notes.json") == [tmp_path / kept["another file's"]]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills the run with SIGKILL")
def test_a_report_left_half_written_by_a_killed_run_is_removed_by_the_next_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", docs)
    report = tmp_path / "out" / "report.json"
    args = ["check", str(docs), "--rules", str(ROOT / "rules"), "--fail-on", "never", "--no-cache", "--output", f"json:{report}"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # killed as the report's bytes reach its temporary file, before the rename
    killed = "import os, signal\nos.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
    run = "import sys\nfrom cli.main import main\nsys.argv = ['recoupe', *sys.argv[1:]]\nmain()\n"
    first = subprocess.run([sys.executable, "-c", killed + run, *args], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert first.returncode == -9
    [leftover] = list(report.parent.iterdir())
    assert leftover.name.startswith(".report.json.recoupe-") and leftover.stat().st_size > 1000
    second = subprocess.run([sys.executable, "-c", run, *args], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert [path.name for path in report.parent.iterdir()] == ["report.json"]
