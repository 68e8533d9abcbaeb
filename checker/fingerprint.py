"""What recoupe's output depends on besides its inputs: its code and the libraries it runs on.

``settings_key`` names what decides a document's extraction (the reading and extraction stages,
the words of French they read, the libraries that read HTML, PDF and number words): the cache
(checker.running.cache) keys each document's figures on it. ``code_digest`` covers the whole
source and every library an output depends on: the record of validated rule files
(checker.binding.rules) and the replay of whole runs (checker.running.replay) are keyed on it.
Shared by the stages, importing none of them.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from checker import __version__

# What decides the extraction of a document's bytes: these modules' source (paths within checker/,
# the reading and extraction stages and the words of French they read), and these libraries.
EXTRACTION_MODULES = (
    "reading/dates.py", "reading/documents.py", "reading/files.py", "reading/formats.py", "reading/header.py", "reading/sources.py",
    "extraction/extractor.py", "extraction/quantity.py", "extraction/infer.py", "extraction/language.py", "extraction/numbers.py",
    "extraction/units.py", "extraction/units.txt", "extraction/unit_factors.py", "extraction/stretches.py",
    "extraction/patterns.py", "extraction/candidates.py", "extraction/not_quantities.py", "extraction/tables.py",
    "extraction/readings.py", "extraction/nouns.py", "extraction/after.py", "extraction/before.py", "extraction/values.py",
    "extraction/figure.py", "extraction/joins.py",
    "french/__init__.py", "french/figures.py", "french/sentences.py", "french/units.py",
)
EXTRACTION_LIBRARIES = ("regex", "text2num", "pint", "trafilatura", "pdfminer.six", "pyyaml")


@functools.cache
def settings_key() -> str:
    """recoupe's version, the libraries' versions and a hash of the extracting modules' source.

    Computed once a process: the cache, the replay key and the record of validated rules all ask.
    """
    digest = hashlib.sha256(__version__.encode())
    for name in EXTRACTION_LIBRARIES:
        digest.update(f"{name}={library_version(name)};".encode())
    folder = Path(__file__).parent  # checker/
    for name in EXTRACTION_MODULES:
        try:
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
        except OSError:
            digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:16]


def library_version(name: str) -> str:
    """The installed version of the distribution ``name``, or "none".

    Read from the name of its ``NAME-VERSION.dist-info`` folder on ``sys.path``, where installers
    put it, because importing ``importlib.metadata`` alone costs about a tenth of a short run;
    ``importlib.metadata`` answers when there is no such folder (an egg, a zip).
    """
    prefix = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for item in names:
            lowered = item.lower()
            if lowered.startswith(prefix) and lowered.endswith(".dist-info"):
                return item[len(prefix):-len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"



# Libraries whose versions can change an output beyond extraction (checker.running.cache covers those):
# rich lays out the table format, typer the command line.
_OUTPUT_LIBRARIES = ("rich", "typer")
_CODE_SUFFIXES = (".py", ".txt", ".toml")


class Digest:
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
    that the extraction settings (checker.running.cache.settings_key) know nothing about.
    """
    digest = Digest()
    digest.add(__version__)
    digest.add(settings_key())
    digest.add(sys.version)
    for name in _OUTPUT_LIBRARIES:
        digest.add(f"{name}={library_version(name)}")
    for package in packages:
        for path in sorted(package.rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.add(str(path.relative_to(package)))
                digest.add(path.read_bytes())
    return digest.hexdigest()
