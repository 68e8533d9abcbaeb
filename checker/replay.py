"""What a whole run depends on, as one digest: the key under which its output can be replayed.

recoupe's output is a pure function of its inputs: the documents' bytes and names, the
``sources.toml`` manifests beside them, the rule files, the options, recoupe's own code and the
libraries it uses. When all of them are the same as in an earlier run, so is the output, and the
extraction cache (checker.cache) keeps that output to write it again instead of binding,
comparing and rendering anew: a second CI run on an unchanged corpus costs little more than
reading and hashing its files.

A digest is None when an input cannot be read: such a run is never replayed.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

from checker import __version__
from checker.documents import discover_all, display_name
from checker.files import read_regular
from checker.sources import MANIFEST_NAME

# Libraries whose versions can change an output beyond extraction (checker.cache covers those):
# rich lays out the table format, typer the command line.
_LIBRARIES = ("rich", "typer")
_CODE_SUFFIXES = (".py", ".txt", ".toml")


class _Digest:
    """SHA-256 over length-prefixed parts, so that no two different sequences of parts collide."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def add(self, part: str | bytes) -> None:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        self._hash.update(len(data).to_bytes(8, "big") + data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def code_digest(packages: Iterable[Path]) -> str:
    """recoupe's version, the extraction settings, some library versions, Python's version and the
    source of ``packages`` (also what the record of validated rule files is keyed on).

    The source is hashed whole: a change in binding, comparison or rendering changes outputs
    that the extraction settings (checker.cache.settings_key) know nothing about.
    """
    from checker.cache import library_version, settings_key

    digest = _Digest()
    digest.add(__version__)
    digest.add(settings_key())
    digest.add(sys.version)
    for name in _LIBRARIES:
        digest.add(f"{name}={library_version(name)}")
    for package in packages:
        for path in sorted(package.rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.add(str(path.relative_to(package)))
                digest.add(path.read_bytes())
    return digest.hexdigest()


def inputs_digest(paths: list[Path], extra_files: Iterable[Path] = (), discovered=None) -> str | None:
    """The documents under ``paths`` as recoupe finds them (names, bytes, what is skipped or
    missing), the manifests of their folders, and ``extra_files`` (rules, a baseline); None when
    any of them cannot be read. ``discovered``: what ``discover_all(paths)`` returned, if known."""
    digest = _Digest()
    files, missing, skipped = discovered if discovered is not None else discover_all(paths)
    for error in missing:
        digest.add(f"missing {error}")
    for item in skipped:
        digest.add(f"skipped {item}")
    folders: set[Path] = set()
    try:
        for path in files:
            digest.add(f"document {display_name(path)}")
            digest.add(read_regular(path))
            folders.add(path.parent)
        for folder in sorted(folders):
            manifest = folder / MANIFEST_NAME
            digest.add(f"manifest {display_name(manifest)}")
            digest.add(manifest.read_bytes() if manifest.is_file() else b"none")
        for path in extra_files:
            digest.add(f"file {display_name(path)}")
            digest.add(read_regular(path))
    except OSError:
        return None
    return digest.hexdigest()


def run_key(*parts: str) -> str:
    """One key from the digests and option values of a run."""
    digest = _Digest()
    for part in parts:
        digest.add(part)
    return digest.hexdigest()
