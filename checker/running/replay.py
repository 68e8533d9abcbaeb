"""What a whole run depends on, as one digest: the key under which its output can be replayed.

recoupe's output is a pure function of its inputs: the documents' bytes and names, the
``sources.toml`` manifests beside them, the rule files, the options, recoupe's own code and the
libraries it uses. When all of them are the same as in an earlier run, so is the output, and the
extraction cache (checker.running.cache) keeps that output to write it again instead of binding,
comparing and rendering anew: a second CI run on an unchanged corpus costs little more than
reading and hashing its files.

A digest is None when an input cannot be read: such a run is never replayed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.fingerprint import Digest
from checker.reading.corpus import discover_all, display_name
from checker.reading.files import read_regular
from checker.reading.sources import MANIFEST_NAME

def inputs_digest(paths: list[Path], extra_files: Iterable[Path] = (), discovered=None) -> str | None:
    """The documents under ``paths`` as recoupe finds them (names, bytes, what is skipped or
    missing), the manifests of their folders, and ``extra_files`` (rules, a baseline); None when
    any of them cannot be read. ``discovered``: what ``discover_all(paths)`` returned, if known."""
    digest = Digest()
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
    digest = Digest()
    for part in parts:
        digest.add(part)
    return digest.hexdigest()
