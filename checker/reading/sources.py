"""What is known about where a document comes from: a frozen ``Source`` value per document.

Three origins, the first that knows a field wins:

1. the manifest ``sources.toml`` in the document's folder, one table per file name;
2. what the document says itself: an HTML page's metadata, a text file's header (front matter
   or ``Key: value`` lines, checker.reading.header), or a dateline near the top (``Le 12 novembre``,
   ``le 12/11/25``);
3. the file's name (the title, when nothing else names the document).

Dates are ISO 8601 strings of the precision known, read by checker.reading.dates (``2025-11-12``,
``2025-11``, ``2025``, ``--11-12``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path

import regex

from checker.errors import RecoupeError, load_toml
from checker.reading.dates import normalise_date

MANIFEST_NAME = "sources.toml"
AUTHORITIES = ("official", "press", "blog", "company", "academic", "other")
MANIFEST_KEYS = ("title", "publisher", "url", "date", "event_date", "authority")


class ManifestError(RecoupeError):
    """A ``sources.toml`` is malformed: bad TOML, an unknown key, a wrong value."""


@dataclass(frozen=True)
class Source:
    """Metadata of one document. ``origin`` says where each known field came from."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None  # publication date, ISO 8601 of the precision known
    event_date: str | None = None  # the date of the event the document reports, if it says
    authority: str | None = None  # official, press, blog, company, academic, other
    origin: tuple[tuple[str, str], ...] = ()  # (field, "manifest" | "document" | "file name")

    def merged_over(self, fallback: Source) -> Source:
        """This source's known fields, completed by ``fallback``'s."""
        values: dict[str, object] = {}
        origin = dict(fallback.origin)
        origin.update(self.origin)
        for item in fields(self):
            if item.name == "origin":
                continue
            mine = getattr(self, item.name)
            values[item.name] = mine if mine is not None else getattr(fallback, item.name)
        known = tuple((name, origin[name]) for name in MANIFEST_KEYS if values.get(name) is not None and name in origin)
        return replace(self, **values, origin=known)  # type: ignore[arg-type]

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {name: getattr(self, name) for name in MANIFEST_KEYS}
        data["origin"] = dict(self.origin)
        return data

    def label(self, publisher_width: int = 0) -> str:
        """A short line for people: publisher · date · authority (publisher cut to a width if > 0)."""
        publisher = self.publisher or ""
        if publisher_width and len(publisher) > publisher_width:
            publisher = publisher[: publisher_width - 1].rstrip(" ,") + "…"
        parts = [publisher, self.date or (f"event {self.event_date}" if self.event_date else ""), self.authority or ""]
        return " · ".join(part for part in parts if part)


def make_source(origin: str, **values: str | None) -> Source:
    known = {key: value for key, value in values.items() if value}
    return Source(**known, origin=tuple((key, origin) for key in MANIFEST_KEYS if key in known))  # type: ignore[arg-type]


# --- the manifest --------------------------------------------------------------------------


@cache
def _key_line(key: str) -> re.Pattern[str]:
    """A line that sets ``key``; the standard ``re``, which compiles it several times faster than ``regex``."""
    return re.compile(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")


def _line_of(lines: list[str], start: int, key: str) -> int | None:
    """The 1-based line of ``key = ...`` after line ``start`` and before the next table."""
    pattern = _key_line(key)
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if number > start + 1 and line.lstrip().startswith("["):
            break
        if pattern.match(line):
            return number
    return None


def _table_line(lines: list[str], name: str) -> int:
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("[") and name in stripped:
            return number
    return 1


def load_manifest(path: Path) -> dict[str, Source]:
    """Parse and validate one ``sources.toml``: file name -> Source; ManifestError with file:line."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(where, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    data = load_toml(text, where, ManifestError)
    lines = text.split("\n")
    manifest: dict[str, Source] = {}
    for name, table in data.items():
        table_line = _table_line(lines, name)
        if not isinstance(table, dict):
            raise ManifestError(where, f"'{name}' must be a table ([\"{name}\"]) of title, publisher, url, date, authority", _line_of(lines, 0, name) or 1)
        values: dict[str, str] = {}
        for key, value in table.items():
            line = _line_of(lines, table_line, key) or table_line
            if key not in MANIFEST_KEYS:
                raise ManifestError(where, f"['{name}']: unknown key '{key}' (expected one of {', '.join(MANIFEST_KEYS)})", line)
            if key in ("date", "event_date"):
                iso = normalise_date(value)
                if iso is None:
                    raise ManifestError(where, f"['{name}']: key '{key}': expected an ISO date (2025-11-12, 2025-11 or 2025), got {value!r}", line)
                values[key] = iso
                continue
            if not isinstance(value, str) or not value.strip():
                raise ManifestError(where, f"['{name}']: key '{key}': expected a non-empty string, got {value!r}", line)
            if key == "authority" and value not in AUTHORITIES:
                raise ManifestError(where, f"['{name}']: key 'authority': expected one of {', '.join(AUTHORITIES)}, got {value!r}", line)
            if key == "url" and not regex.match(r"(?i)https?://\S+$", value):
                raise ManifestError(where, f"['{name}']: key 'url': expected an http(s) URL, got {value!r}", line)
            values[key] = value.strip()
        manifest[name] = make_source("manifest", **values)
    return manifest


def from_file_name(path: Path) -> Source:
    return make_source("file name", title=printable(path.stem))


def printable(name: str) -> str:
    """A file name as text any UTF-8 output can carry: bytes that were not UTF-8 become U+FFFD."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate that no file name decodes to
            return name.encode("utf-8", "replace").decode("utf-8")
    return name


class Catalog:
    """The manifests met while checking, read once per folder; their errors are collected."""

    def __init__(self) -> None:
        self._manifests: dict[Path, dict[str, Source]] = {}
        self.errors: list[ManifestError] = []

    def manifest(self, folder: Path) -> dict[str, Source]:
        key = folder.resolve()
        if key not in self._manifests:
            path = folder / MANIFEST_NAME
            entries: dict[str, Source] = {}
            if path.is_file():
                try:
                    entries = load_manifest(path)
                except ManifestError as exc:
                    self.errors.append(exc)
            self._manifests[key] = entries
        return self._manifests[key]

    def source_of(self, path: Path, said: Source | None) -> Source:
        """The manifest's entry for ``path``, completed by what the document said, then its name."""
        return completed(*self.known_of(path), said)

    def known_of(self, path: Path) -> tuple[Source, Source]:
        """What is known of ``path`` before it is read: its manifest entry and its file name's."""
        return self.manifest(path.parent).get(path.name, Source()), from_file_name(path)


def completed(entry: Source, named: Source, said: Source | None) -> Source:
    """A document's source: its manifest ``entry``, completed by what it ``said``, then its name."""
    if said is not None:
        entry = entry.merged_over(said)
    return entry.merged_over(named)
