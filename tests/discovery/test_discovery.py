"""Walking folders: only regular files are read, everything else is named in a warning (FIFOs,
sockets, devices, symbolic link loops, links to folders), and any depth of folders works."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from checker.reading.corpus import discover_all

ROOT = Path(__file__).resolve().parents[2]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def _recoupe(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """A real process, with a time limit: a FIFO opened for reading would wait for ever."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _warnings(stderr: str) -> dict[str, str]:
    """Each warning's file name (relative to the run's folder) -> reason."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("recoupe: warning: "):
            path, reason = line.removeprefix("recoupe: warning: ").split(": ", 1)
            found[path] = reason
    return found


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _link(target: str, link: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")


@needs_fifo
@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_fifo_named_on_the_command_line_is_skipped_with_a_warning_never_opened(docs: Path, command: str) -> None:
    os.mkfifo(docs / "tube.txt")  # opened for reading, it would wait for a writer for ever
    extra = ["--rules", str(ROOT / "rules"), "--fail-on", "never"] if command == "check" else []
    result = _recoupe(command, "docs/tube.txt", f"docs/{SEED.name}", "--format", "json", *extra, cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    assert _warnings(result.stderr) == {"docs/tube.txt": "skipped: a named pipe (FIFO), not a regular file: never read"}
    report = json.loads(result.stdout)
    assert {Path(row["source"]).name for row in report.get("quantities", report.get("claims", []))} <= {SEED.name}
    if command == "check":
        assert report["summary"]["documents"] == 1
        assert [item["source"] for item in report["skipped"]] == ["docs/tube.txt"]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_what_is_not_a_regular_file_in_a_folder_is_named_in_a_warning(docs: Path, command: str) -> None:
    if hasattr(os, "mkfifo"):
        os.mkfifo(docs / "tube.txt")
    if hasattr(socket, "AF_UNIX"):
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(docs / "prise.txt"))
        server.close()
    if Path(os.devnull).exists() and os.name != "nt":
        _link(os.devnull, docs / "nul.txt")
    (docs / "boucle").mkdir()
    _link("..", docs / "boucle" / "haut")  # back up to docs/: walked, it would never end
    _link("../boucle", docs / "boucle" / "soi")
    _link("soi-meme", docs / "soi-meme")  # a link to itself
    _link("nulle-part.txt", docs / "cassé.txt")
    (docs / "ailleurs").mkdir()
    (docs / "ailleurs" / "note.txt").write_text("Le plan compte 12 projets.\n", encoding="utf-8")
    _link("ailleurs", docs / "raccourci")  # a link to a folder: not followed, ailleurs/ is walked itself
    extra = ["--rules", str(ROOT / "rules"), "--fail-on", "never"] if command == "check" else []
    result = _recoupe(command, "docs", "--format", "json", *extra, cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    expected = {
        "docs/boucle/haut": f"skipped: symbolic link loop (to {docs.resolve()}, a folder it is in)",
        "docs/boucle/soi": f"skipped: symbolic link loop (to {docs.resolve() / 'boucle'}, a folder it is in)",
        "docs/soi-meme": "skipped: symbolic link loop",
        "docs/cassé.txt": "skipped: broken symbolic link (to nulle-part.txt)",
        "docs/raccourci": "skipped: symbolic link to a folder, not followed (name that folder to check it)",
    }
    if hasattr(os, "mkfifo"):
        expected["docs/tube.txt"] = "skipped: a named pipe (FIFO), not a regular file: never read"
    if hasattr(socket, "AF_UNIX"):
        expected["docs/prise.txt"] = "skipped: a socket, not a regular file: never read"
    if (docs / "nul.txt").is_symlink():
        expected["docs/nul.txt"] = "skipped: a character device, not a regular file: never read"
    assert _warnings(result.stderr) == expected
    report = json.loads(result.stdout)
    if command == "check":
        assert report["summary"]["documents"] == 2  # the seed and ailleurs/note.txt, once each
    else:
        assert {Path(row["source"]).name for row in report["quantities"]} == {SEED.name, "note.txt"}


def test_1500_nested_folders(docs: Path) -> None:
    deepest = docs
    try:
        for _ in range(1500):  # one at a time: Path.mkdir(parents=True), os.makedirs and, in Python 3.11, Path.rglob recurse a level a call
            deepest = deepest / "d"
            deepest.mkdir()
        (deepest / "fond.txt").write_text("Au fond, le plan compte 12 projets.\n", encoding="utf-8")
        files, errors, skipped = discover_all([docs])
        assert (files, errors, skipped) == ([docs / SEED.name, deepest / "fond.txt"], [], [])
        for command in ("extract", "check"):
            extra = ["--rules", str(ROOT / "rules"), "--fail-on", "never"] if command == "check" else []
            result = _recoupe(command, "docs", "--format", "json", *extra, cwd=docs.parent)
            assert result.returncode == 0 and "RecursionError" not in result.stderr, result.stderr[-500:]
    finally:
        _remove_upwards(docs / "d")  # pytest removes old temporary folders recursively: it would hit the recursion limit


def _remove_upwards(top: Path) -> None:
    """Remove a chain of nested folders from its deepest end, without recursion."""
    chain = [top]
    while chain[-1].is_dir():
        chain.append(chain[-1] / "d")
    for folder in reversed(chain[:-1]):
        for child in folder.iterdir():
            if not child.is_dir():
                child.unlink()
        folder.rmdir()


def test_documents_are_found_as_os_walk_finds_them_in_the_same_order(docs: Path) -> None:
    """Same files as os.walk without following links (and as Path.rglob, which follows none either),
    hidden ones passed over, sorted as paths: the order every output follows."""
    for folder in ("a", "a/b", "a b", "a/.cache", "z", ".git"):
        (docs / folder).mkdir()
        for name in ("x.txt", "x.md", "É.html", ".caché.txt", "sources.toml"):
            (docs / folder / name).write_text("<html><body><p>12 projets</p></body></html>" if name.endswith("html") else "12 projets\n", encoding="utf-8")
    _link("a", docs / "lien")
    found, errors, _ = discover_all([docs])
    walked = []
    for folder, folders, names in os.walk(docs):
        folders[:] = [name for name in folders if not name.startswith(".")]
        walked += [Path(folder) / name for name in names if not name.startswith(".") and name != "sources.toml" and not (Path(folder) / name).is_symlink()]
    assert errors == [] and found == sorted(walked)
    rglobbed = [path for path in docs.rglob("*") if path.is_file() and not path.is_symlink() and path.name != "sources.toml"
                and not any(part.startswith(".") for part in path.relative_to(docs).parts)]
    assert found == sorted(rglobbed)
