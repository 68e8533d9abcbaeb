"""Temporary files that recoupe names so that a later run can tell its own leftovers and remove them.

A report is written to a temporary file beside it, then renamed over it (``cli.main.write_atomic``);
a run killed in between (SIGKILL, out of memory, a CI job cancelled hard) leaves that file behind,
as large as the report. Its name says who made it: ``.NAME.recoupe-HOST-PID-RANDOM.tmp``, HOST a
short hash of this machine's name and PID the process that wrote it. ``sweep`` removes such files
when that process is no longer running on this machine, or when they are over a day old (a
process of another machine, on a shared folder); it never touches a name of any other shape.
"""

from __future__ import annotations

import os
import re
import time
import zlib
from pathlib import Path

MARK = "recoupe"
SUFFIX = ".tmp"
STALE_SECONDS = 24 * 3600  # a leftover of another machine's process is removed after this
_LEFTOVER = re.compile(rf"\.(?P<name>.+)\.{MARK}-(?P<host>[0-9a-f]{{8}})-(?P<pid>[0-9]+)-[^.]*\{SUFFIX}")


def host_tag() -> str:
    """This machine, as 8 hexadecimal digits (a process id only means something on its machine)."""
    try:
        name = os.uname().nodename
    except AttributeError:  # Windows
        name = os.environ.get("COMPUTERNAME", "")
    return f"{zlib.crc32(name.encode('utf-8', 'replace')):08x}"


def prefix(name: str) -> str:
    """The start of the name of a temporary file this process makes for the file ``name``
    (``tempfile`` adds a random part, then SUFFIX)."""
    return f".{name}.{MARK}-{host_tag()}-{os.getpid()}-"


def sweep(folder: Path, name: str | None = None) -> list[Path]:
    """Remove recoupe's leftover temporary files in ``folder`` (only those for the file ``name``,
    if given) whose process is gone or that are over STALE_SECONDS old; return what was removed.

    Errors are ignored: a leftover that cannot be removed now will be at another run.
    """
    removed: list[Path] = []
    start = f".{name}.{MARK}-" if name is not None else "."
    try:
        entries = [entry for entry in os.scandir(folder) if entry.name.startswith(start) and entry.name.endswith(SUFFIX)]
    except OSError:
        return removed
    host = host_tag()
    for entry in entries:
        found = _LEFTOVER.fullmatch(entry.name)
        if found is None or name is not None and found["name"] != name:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            mine = found["host"] == host
            if mine and int(found["pid"]) == os.getpid():
                continue  # this very run's
            if (mine and not running(int(found["pid"]))) or time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def running(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine; True when it cannot be told (Windows, where
    ``os.kill`` would end it, not probe it)."""
    if os.name == "nt" or pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or an answer we cannot read
    return True
