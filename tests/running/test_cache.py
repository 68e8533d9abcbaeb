"""The extraction cache: a second run reads every document from it, with the same output; a
corrupt or foreign cache file is rebuilt with a warning, never trusted."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.running.cache import FILE_NAME, Cache
from checker.running.parallel import extract_documents
from cli.main import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "page.html").write_text(
        "<html><body><article><p>Le plan prévoit 650 M€ pour 350 projets, soit plus de 40 % du budget."
        "</p></article></body></html>", encoding="utf-8",
    )
    return folder


def _run(docs: Path, cache_dir: Path, *extra: str):
    return CliRunner().invoke(app, ["extract", str(docs), "--format", "json", "--cache-dir", str(cache_dir), *extra])


def test_second_run_reads_from_the_cache_with_the_same_output(docs: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    uncached = _run(docs, cache_dir, "--no-cache")
    assert not cache_dir.exists()
    first, second = _run(docs, cache_dir), _run(docs, cache_dir)
    assert first.exit_code == second.exit_code == 0, first.output
    assert uncached.stdout == first.stdout == second.stdout
    paths = sorted(p for p in docs.iterdir() if p.suffix in (".txt", ".html"))
    cache = Cache(cache_dir)
    outcomes = list(extract_documents(paths, jobs=1, cache=cache))
    assert cache.hits == len(paths) and cache.misses == 0
    assert all(outcome.cached for outcome in outcomes)
    assert outcomes[0].document is not None and outcomes[0].document.source == str(paths[0])


def test_changed_document_is_extracted_again(docs: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    paths = sorted(docs.glob("*.txt"))
    list(extract_documents(paths, jobs=1, cache=cache))
    paths[0].write_text("Le budget est de 12 M€.", encoding="utf-8")
    again = Cache(tmp_path / "cache")
    outcomes = list(extract_documents(paths, jobs=1, cache=again))
    assert (again.hits, again.misses) == (len(paths) - 1, 1)
    assert [q.text for q in outcomes[0].quantities] == ["12 M€"]


@pytest.mark.parametrize("content", [b"not a database at all\n" * 10, b""], ids=["garbage", "empty"])
def test_corrupt_cache_file_is_rebuilt_with_a_warning(docs: Path, tmp_path: Path, content: bytes) -> None:
    cache_dir = tmp_path / "cache"
    reference = _run(docs, cache_dir, "--no-cache").stdout
    cache_dir.mkdir()
    (cache_dir / FILE_NAME).write_bytes(content)
    result = _run(docs, cache_dir)
    assert result.exit_code == 0 and result.stdout == reference
    if content:
        assert "is not an SQLite database: rebuilt" in result.stderr
    assert _run(docs, cache_dir).stdout == reference
    assert Cache(cache_dir).warnings == []


def test_foreign_database_and_other_schema_are_not_trusted(docs: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    reference = _run(docs, cache_dir, "--no-cache").stdout
    cache_dir.mkdir()
    foreign = sqlite3.connect(cache_dir / FILE_NAME)
    foreign.execute("CREATE TABLE extraction (key TEXT, value TEXT)")
    foreign.commit()
    foreign.close()
    result = _run(docs, cache_dir)
    assert "not a recoupe cache: rebuilt" in result.stderr and result.stdout == reference
    with sqlite3.connect(cache_dir / FILE_NAME) as connection:
        connection.execute("PRAGMA user_version = 99")
    result = _run(docs, cache_dir)
    assert "schema version 99" in result.stderr and result.stdout == reference


def test_tampered_row_is_a_miss(docs: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    reference = _run(docs, cache_dir).stdout
    with sqlite3.connect(cache_dir / FILE_NAME) as connection:
        connection.execute("UPDATE extraction SET value = '{\"text\": 3}'")
        connection.execute("DELETE FROM replay")  # else the run is replayed without reading a row
    assert _run(docs, cache_dir).stdout == reference


def test_interrupted_write_leaves_the_cache_as_it_was(docs: Path, tmp_path: Path, monkeypatch) -> None:
    cache = Cache(tmp_path / "cache")
    paths = sorted(docs.glob("*.txt"))

    from checker.running import cache as cache_module

    encode, calls = cache_module.entry, []

    def interrupted(*args):  # Ctrl-C while the third row is being written
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return encode(*args)

    monkeypatch.setattr(cache_module, "entry", interrupted)
    with pytest.raises(KeyboardInterrupt):
        list(extract_documents(paths, jobs=1, cache=cache))
    monkeypatch.undo()
    assert len(calls) == 3
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as connection:
        assert connection.execute("SELECT count(*) FROM extraction").fetchone()[0] == 0


def test_library_versions_are_those_importlib_metadata_reads() -> None:
    from importlib import metadata

    from checker.fingerprint import EXTRACTION_LIBRARIES, library_version

    for name in EXTRACTION_LIBRARIES:
        assert library_version(name) == metadata.version(name)
    assert library_version("no-such-distribution-of-recoupe") == "none"


def _checker_imports(name: str) -> set[str]:
    """The checker modules that ``checker/<name>`` imports, at the top or inside functions, as
    paths within checker/ ("reading/sources.py", "french/__init__.py")."""
    import ast

    root = Path(__file__).resolve().parents[2] / "checker"

    def source(module: str) -> str | None:
        """The file of a module ("reading/sources") or of a package ("french"), if it is one."""
        for path in (f"{module}.py", f"{module}/__init__.py"):
            if module and (root / path).is_file():
                return path
        return None

    tree = ast.parse((root / name).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            folder = "/".join(node.module.split(".")[1:])
            own_names = False  # "from checker.reading.sources import Source", "from checker.french import EVENT_WORDS"
            for alias in node.names:  # "from checker.extraction import units": a module of a folder
                module = source(f"{folder}/{alias.name}".lstrip("/"))
                if module is not None:
                    found.add(module)
                else:
                    own_names = True
            if own_names and (own := source(folder)) is not None:
                found.add(own)
    return found


def test_every_module_that_decides_an_extraction_is_in_its_key() -> None:
    """What a document's bytes become (text, metadata, figures) is decided by the reading and
    extraction stages and what they import; all of them are hashed into the cache's settings key.
    errors.py only words the failures, which are never cached."""
    from checker.fingerprint import EXTRACTION_MODULES

    seen, todo = set(), ["reading/formats.py", "extraction/extractor.py"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_checker_imports(name) - {"errors.py", "running/cache.py"})
    assert seen <= set(EXTRACTION_MODULES), seen - set(EXTRACTION_MODULES)
    assert {"reading/formats.py", "reading/header.py", "reading/sources.py", "reading/documents.py"} <= seen


@pytest.mark.parametrize("name", ["reading/sources.py", "reading/formats.py", "reading/header.py"])
def test_a_change_to_a_module_that_reads_documents_is_a_new_cache_and_replay_key(tmp_path: Path, monkeypatch, name: str) -> None:
    from checker import fingerprint
    from checker.fingerprint import code_digest

    copy = tmp_path / "checker"
    shutil.copytree(Path(fingerprint.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "__file__", str(copy / "fingerprint.py"))
    keys = []
    for _ in range(2):
        fingerprint.settings_key.cache_clear()
        keys.append((fingerprint.settings_key(), code_digest([copy])))
        with open(copy / name, "a", encoding="utf-8") as module:
            module.write("\n# changed\n")
    fingerprint.settings_key.cache_clear()
    assert keys[0][0] != keys[1][0] and keys[0][1] != keys[1][1]
