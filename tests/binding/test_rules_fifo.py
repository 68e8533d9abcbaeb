"""A FIFO among the rule files is skipped with a warning, never opened (issue 17): reading one would
wait for a writer for ever."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.binding.loading import load_rules, rule_files

REPO = Path(__file__).resolve().parents[2]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@pytest.fixture
def rules_with_fifo(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(REPO / "rules" / "sante-numerique.toml", folder)
    os.mkfifo(folder / "tube.toml")
    return folder


@needs_fifo
def test_load_rules_skips_a_fifo_with_a_warning(rules_with_fifo: Path) -> None:
    loaded = load_rules(rules_with_fifo, cache_dir=None)
    assert loaded.rules and not loaded.errors
    assert loaded.skipped == (f"{rules_with_fifo / 'tube.toml'}: skipped: a named pipe (FIFO), not a regular file: never read",)
    assert rule_files(rules_with_fifo) == [rules_with_fifo / "sante-numerique.toml"]


@needs_fifo
def test_check_with_a_fifo_among_the_rules_does_not_hang(rules_with_fifo: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "check", str(REPO / "seeds"), "--rules", str(rules_with_fifo), "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 1  # the conflict of seeds/: the other rules are checked
    assert f"recoupe: warning: {rules_with_fifo / 'tube.toml'}: skipped: a named pipe (FIFO)" in done.stderr


@needs_fifo
def test_a_fifo_named_as_the_rule_file_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.toml")
    loaded = load_rules(tmp_path / "tube.toml", cache_dir=None)
    assert not loaded.rules
    assert "not a regular file" in loaded.errors[0].message


def test_rule_files_nested_at_any_depth_are_found(tmp_path: Path) -> None:
    from tests.discovery.test_discovery import _remove_upwards

    folder = tmp_path / "rules"
    folder.mkdir()
    deepest = folder
    try:
        for _ in range(1500):  # deeper than Python's recursion limit, one level at a time
            deepest = deepest / "d"
            deepest.mkdir()
        shutil.copy(REPO / "rules" / "sante-numerique.toml", deepest / "r.toml")
        (folder / "notes.txt").write_text("pas une règle", encoding="utf-8")
        assert rule_files(folder) == [deepest / "r.toml"]
    finally:
        _remove_upwards(folder / "d")
