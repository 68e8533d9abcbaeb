"""The pre-commit hook, run by pre-commit itself (``pre-commit try-repo``) in a repository whose
documents are in docs/: it checks the folder the configuration names, passes on agreeing
documents and fails on conflicting ones, twice in a row, and never modifies a file of the
repository (its cache ignores itself)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed (pip install -e '.[test]')"),
]

RULE = """\
[[rule]]
id = "budget-plan-velo"
title = "Budget du plan vélo"
kind = "money"
currency = "EUR"
subject = ['plan\\s+vélo']
scope = "paragraph"
"""


# Where the hook's repository and pre-commit's environments are kept between test sessions:
# building the hook's environment (pip installing recoupe) takes minutes, and the same working
# tree gives the same commit (fixed author, dates), which pre-commit then finds already built.
# Removed with .pytest_cache (make clean).
KEPT = ROOT / ".pytest_cache" / "recoupe-pre-commit"
_FIXED = {"GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z"}


def _git(*args: str, cwd: Path) -> str:
    identity = ["-c", "user.name=recoupe tests", "-c", "user.email=tests@recoupe.invalid", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, **_FIXED}).stdout


@pytest.fixture(scope="module")
def hook_repository() -> tuple[Path, str]:
    """recoupe as it is in this working tree (changes not yet committed included), committed in a
    repository of its own: every run uses that one commit, so pre-commit builds the hook's
    environment once (and, for an unchanged tree, not again in the next session)."""
    copy = KEPT / "repository"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    _git("init", "-q", cwd=copy)
    _git("add", "-A", cwd=copy)
    _git("commit", "-q", "-m", "recoupe under test", cwd=copy)
    return copy, _git("rev-parse", "HEAD", cwd=copy).strip()


def _project(folder: Path, configured: bool) -> Path:
    """A repository with its documents in docs/ (not seeds/), its rules in rules/; ``configured``:
    ``paths = ["docs"]`` in its pyproject.toml."""
    (folder / "docs").mkdir(parents=True)
    (folder / "rules").mkdir()
    (folder / "rules" / "velo.toml").write_text(RULE, encoding="utf-8")
    table = '\n[tool.recoupe]\npaths = ["docs"]\n' if configured else ""
    (folder / "pyproject.toml").write_text(f'[project]\nname = "projet"\n{table}', encoding="utf-8")
    (folder / "docs" / "ministere.txt").write_text("Le plan vélo est doté de 250 millions d’euros.\n", encoding="utf-8")
    (folder / "docs" / "presse.md").write_text("Selon la presse, le plan vélo dispose de 250 M€.\n", encoding="utf-8")
    _git("init", "-q", cwd=folder)
    _git("add", "-A", cwd=folder)
    _git("commit", "-q", "-m", "documents", cwd=folder)
    return folder


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def _clean(project: Path, *expected: str) -> None:
    """Nothing in the repository changed but ``expected`` (git status lines): .recoupe_cache/ ignores itself."""
    assert _git("status", "--porcelain", "--untracked-files=all", cwd=project).splitlines() == list(expected)
    assert (project / ".recoupe_cache" / "extract.sqlite3").is_file()


def test_try_repo_checks_the_folder_of_the_configuration(tmp_path: Path, hook_repository) -> None:
    """The hook as published (no args): the documents of ``paths`` in [tool.recoupe]."""
    project = _project(tmp_path / "projet", configured=True)
    repository, commit = hook_repository
    # try-repo builds the hook's environment in a store of its own, every time (about a minute)
    run = _pre_commit("try-repo", str(repository), "recoupe", "--ref", commit, "--all-files", "--verbose", cwd=project, home=tmp_path / "home")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout and "files were modified by this hook" not in run.stdout
    _clean(project)


def test_the_hook_passes_and_fails_twice_in_a_row_and_modifies_nothing(tmp_path: Path, hook_repository) -> None:
    """The hook as a user sets it up: .pre-commit-config.yaml naming the folder in ``args``."""
    project = _project(tmp_path / "projet", configured=False)
    repository, commit = hook_repository
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repository.as_posix()}\n    rev: {commit}\n    hooks:\n      - id: recoupe\n        args: [docs/]\n",
        encoding="utf-8",
    )
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", "pre-commit", cwd=project)
    home = KEPT / "home"  # pre-commit's store: the hook's environment, built at the first run
    for _ in range(2):
        run = _pre_commit("run", "--all-files", "--verbose", cwd=project, home=home)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Passed" in run.stdout and "files were modified by this hook" not in run.stdout
    _clean(project)

    (project / "docs" / "blog.txt").write_text("Un blog affirme que le plan vélo n’a reçu que 90 millions d’euros.\n", encoding="utf-8")
    _git("add", "-A", cwd=project)
    for _ in range(2):
        run = _pre_commit("run", "--all-files", "--verbose", cwd=project, home=home)
        assert run.returncode == 1, run.stdout + run.stderr
        assert "Failed" in run.stdout and "budget-plan-velo" in run.stdout and "docs/blog.txt" in run.stdout
        assert "files were modified by this hook" not in run.stdout
    _clean(project, "A  docs/blog.txt")
