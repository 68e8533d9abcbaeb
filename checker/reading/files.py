"""The file system, carefully: only regular files are read, and folders are walked without recursion.

A FIFO, a socket or a device is never opened: reading a FIFO waits for a writer for ever, and a
device can act when opened. What a walk meets is named: ``walk`` returns every entry that is not a
folder it descends into (files, links, anything else), for the caller to judge with ``kind``.
Folders are walked with an explicit stack, so any depth works (``Path.rglob`` recursed once per
level, and Python stops at about a thousand); symbolic links to folders are not followed, as
neither ``rglob`` nor ``os.walk`` follow them.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check: open does not wait
_BINARY = getattr(os, "O_BINARY", 0)  # Windows
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
)


class NotRegular(OSError):
    """A path that is not a regular file, refused before it is opened."""


def kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, for a message."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "an unknown kind of file"


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file at ``path`` (symbolic links followed); NotRegular for anything
    else, IsADirectoryError for a folder, without opening it; other OSErrors as they come."""
    mode = os.stat(path).st_mode
    _refuse(path, mode)
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC)
    with open(descriptor, "rb") as handle:
        _refuse(path, os.fstat(descriptor).st_mode)  # swapped since the first look
        return handle.read()


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file; b"" for anything else or on an error."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return b""
        descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC)
        with open(descriptor, "rb") as handle:
            return handle.read(size) if stat.S_ISREG(os.fstat(descriptor).st_mode) else b""
    except OSError:
        return b""


def _refuse(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegular(errno.EINVAL, f"{kind(mode)}, not a regular file", str(path))


# What ``walk`` says of an entry, from the folder listing alone (no stat on most systems).
REGULAR, LINK, OTHER = "regular", "link", "other"


def walk(root: Path, skip_hidden: bool = True) -> tuple[list[tuple[Path, str]], list[tuple[Path, OSError]]]:
    """Every entry under the folder ``root`` that is not a folder walked into, in no set order,
    with what it is (REGULAR file, symbolic LINK, OTHER), and the folders that could not be
    listed, with why. Real folders are walked into (hidden ones, ``.git``..., not when
    ``skip_hidden``); a symbolic link to a folder is returned, not followed.
    """
    entries: list[tuple[Path, str]] = []
    unreadable: list[tuple[Path, OSError]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                found = list(listing)
        except OSError as exc:
            unreadable.append((folder, exc))
            continue
        for entry in found:
            if skip_hidden and entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(folder / entry.name)
                    continue
                what = LINK if entry.is_symlink() else REGULAR if entry.is_file(follow_symlinks=False) else OTHER
            except OSError:
                what = OTHER
            entries.append((folder / entry.name, what))
    return entries, unreadable
