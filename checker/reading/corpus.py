"""The documents of a target: the files named and the files of the folders named, read into
``Document`` objects (checker.reading.documents) by their format (checker.reading.formats).

A file that is not read is named in a ``Skipped`` record with the reason (a FIFO, a socket, a
symbolic link loop, an unsupported type), never opened; folders are walked without recursion.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from checker.errors import DocumentError
from checker.reading.documents import DOCUMENT_SUFFIXES, Document
from checker.reading.files import LINK, REGULAR, NotRegular, kind, read_head, read_regular, walk
from checker.reading.formats import sniff, to_document
from checker.reading.sources import MANIFEST_NAME, printable


def read_document(path: Path, source: str | None = None) -> Document:
    """Read one file as text, HTML or PDF (by suffix, then content); errors are DocumentErrors."""
    name = source if source is not None else display_name(path)
    return to_document(read_bytes(path, name), name, suffix=path.suffix)


def display_name(path: Path) -> str:
    """``str(path)``, with the bytes of a file name that is not valid UTF-8 shown as U+FFFD.

    Such a name decodes to lone surrogates, which no UTF-8 output (JSON, SARIF, a terminal) can
    carry; the file itself is still read through ``path``.
    """
    return printable(str(path))


def read_bytes(path: Path, name: str) -> bytes:
    """A file's bytes; a DocumentError naming ``name`` when it cannot be read or is not a regular
    file (a FIFO, a socket, a device is never opened: checker.reading.files)."""
    try:
        return read_regular(path)
    except IsADirectoryError:
        raise DocumentError(name, "is a directory, not a document") from None
    except NotRegular as exc:
        raise DocumentError(name, f"{exc.strerror}: not read") from None
    except OSError as exc:
        raise DocumentError(name, f"cannot be read ({exc.strerror or exc})") from None


@dataclass(frozen=True)
class Skipped:
    """A file met while walking a folder and not checked (unsupported type), or an empty one."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def discover(paths: list[Path]) -> tuple[list[Path], list[DocumentError]]:
    """Expand files and folders into documents and missing paths; see ``discover_all``."""
    found, errors, _ = discover_all(paths)
    return found, errors


def discover_all(paths: list[Path]) -> tuple[list[Path], list[DocumentError], list[Skipped]]:
    """Expand files and folders (recursively) into documents, sorted; report what is missing.

    In a folder, files with a document suffix are read, and so are files whose content is
    sniffed as HTML or PDF; every other file is returned as skipped, by name, and so is what is
    not a regular file (a FIFO, a socket, a device: never opened), a symbolic link to a folder
    (not followed; a loop when it leads back up), a broken link, a folder that cannot be listed.
    Hidden files and folders (``.git``...) and the ``sources.toml`` manifests are passed over
    silently. A regular file named on the command line is always read; anything else named there
    is skipped in the same way.
    """
    found: list[Path] = []
    errors: list[DocumentError] = []
    skipped: list[Skipped] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            reason = _unreachable(path, exc)
            if exc.errno == errno.ELOOP:
                skipped.append(Skipped(display_name(path), f"skipped: {reason}"))
            else:  # named, so expected: missing or unreadable is an error
                errors.append(DocumentError(display_name(path), "no such file or directory" if reason is None else reason))
            continue
        if stat.S_ISDIR(mode):
            _discover_folder(path, found, skipped)
        elif stat.S_ISREG(mode):
            found.append(path)
        else:
            skipped.append(Skipped(display_name(path), f"skipped: {kind(mode)}, not a regular file: never read"))
    return found, errors, skipped


def _discover_folder(root: Path, found: list[Path], skipped: list[Skipped]) -> None:
    """The documents under the folder ``root`` into ``found``, in order; the rest into ``skipped``."""
    entries, unreadable = walk(root)
    for folder, exc in unreadable:
        skipped.append(Skipped(display_name(folder), f"skipped: folder cannot be read ({exc.strerror or exc})"))
    # without links, each file is met once; with some, a file and a link to it are read once
    linked = any(what == LINK for _, what in entries)
    real_root = root.resolve() if linked else root
    seen: set[Path] = set()
    for child, what in sorted(entries):
        if child.name == MANIFEST_NAME:
            continue
        name = display_name(child)
        if what != REGULAR:
            try:
                mode = child.stat().st_mode
            except OSError as exc:
                reason = _unreachable(child, exc) or f"cannot be read ({exc.strerror or exc})"
                skipped.append(Skipped(name, f"skipped: {reason}"))
                continue
            if stat.S_ISDIR(mode):  # a link: real folders were walked into
                here = real_root.joinpath(*child.parent.relative_to(root).parts)
                target = child.resolve()
                if target == here or target in here.parents:
                    skipped.append(Skipped(name, f"skipped: symbolic link loop (to {display_name(target)}, a folder it is in)"))
                else:
                    skipped.append(Skipped(name, "skipped: symbolic link to a folder, not followed (name that folder to check it)"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(name, f"skipped: {kind(mode)}, not a regular file: never read"))
                continue
        if linked:
            # below a walked root every folder is real (links to folders are not followed)
            real = child.resolve() if what == LINK else real_root.joinpath(*child.relative_to(root).parts)
            if real in seen:
                continue
            seen.add(real)
        if child.suffix.lower() in DOCUMENT_SUFFIXES or sniff(read_head(child, 1024)) is not None:
            found.append(child)
        else:
            kind_of = child.suffix.lower() or "no extension"
            skipped.append(Skipped(name, f"skipped: unsupported file type ({kind_of}); recoupe reads .txt, .md, .html, .pdf"))


def _unreachable(path: Path, exc: OSError) -> str | None:
    """Why a path whose stat() failed is skipped: a symbolic link loop or a broken link; None when
    there is nothing there at all."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (to {printable(target)})"
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return None
    return f"cannot be read ({exc.strerror or exc})"
