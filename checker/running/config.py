"""Settings: one frozen value, from defaults, then ``[tool.recoupe]`` or ``recoupe.toml``, then the CLI.

The configuration file is found by walking up from the current folder: the first
``recoupe.toml``, or ``pyproject.toml`` with a ``[tool.recoupe]`` table. Unknown keys are errors
naming the file, line and key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path, PurePath
from typing import Any

import regex

from checker.errors import RecoupeError, load_toml

FORMATS = ("table", "json", "sarif", "github", "markdown", "html")
# The format of a report file given without one (``--output FILE``), from its suffix: the one place
# to extend. A suffix whose format is not in FORMATS (yet) names none: FILE then gets --format.
SUFFIX_FORMATS = {
    ".json": "json", ".sarif": "sarif", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
}
FAIL_ON = ("high", "medium", "low", "never")
SEVERITIES = ("high", "medium", "low")


class ConfigError(RecoupeError):
    """A configuration file is malformed."""


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...] = ()  # what ``recoupe check`` reads when the command line names nothing
    rules: str = "rules"
    format: str = "table"
    output: tuple[str, ...] = ()  # "FILE" or "FORMAT:FILE"
    baseline: str | None = None
    fail_on: str = "low"
    min_severity: str = "low"
    explain: bool = False
    stats: bool = False
    no_color: bool = False
    cache_max_size: str = "1GB"  # see parse_size; checker.running.cache.DEFAULT_MAX_SIZE
    jobs: int | None = None  # worker processes; None: every core above 8 documents
    sarif_root: str | None = None  # the folder SARIF locations are relative to; None: the git top level
    quiet: bool = False  # no progress bar
    # where each value came from: key -> "default" | file path | "command line"
    origins: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


_CHECKS: dict[str, tuple[str, Any]] = {
    "paths": ("a list of paths (files or folders of documents)", lambda v: isinstance(v, list) and all(isinstance(i, str) and i for i in v)),
    "rules": ("a path", lambda v: isinstance(v, str)),
    "format": (f"one of {', '.join(FORMATS)}", lambda v: v in FORMATS),
    "output": ("a list of 'FILE' or 'FORMAT:FILE' strings", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "baseline": ("a path", lambda v: isinstance(v, str)),
    "fail_on": (f"one of {', '.join(FAIL_ON)}", lambda v: v in FAIL_ON),
    "min_severity": (f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES),
    "explain": ("true or false", lambda v: isinstance(v, bool)),
    "stats": ("true or false", lambda v: isinstance(v, bool)),
    "no_color": ("true or false", lambda v: isinstance(v, bool)),
    "cache_max_size": ("a size such as \"500MB\" or \"2GB\"", lambda v: _is_size(v)),
    "jobs": ("a whole number of worker processes, 1 or more", lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1),
    "sarif_root": ("a path", lambda v: isinstance(v, str) and v != ""),
    "quiet": ("true or false", lambda v: isinstance(v, bool)),
}
KEYS = tuple(f.name for f in fields(Settings) if f.name != "origins")


_SIZE = regex.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*([kmgt]i?[bo]?|[bo])?\s*", regex.IGNORECASE)  # o: octets (Mo, Go)
_SIZE_UNITS = {"": 1, "b": 1, "o": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}


def parse_size(value: str | int) -> int:
    """Bytes of a size written ``500MB``, ``2 GB``, ``1,5 Go``, ``512MiB`` or as a number of bytes
    (k, M, G, T are powers of 1000, KiB, MiB... of 1024); ValueError unless it is positive."""
    if isinstance(value, bool):
        raise ValueError(f"not a size: {value!r}")
    if isinstance(value, int):
        size = value
    else:
        found = _SIZE.fullmatch(value)
        if found is None:
            raise ValueError(f"not a size: {value!r} (expected a number and a unit, such as 500MB or 2GB)")
        unit = (found[2] or "").lower()
        scale = _SIZE_UNITS[unit[:1]] if "i" not in unit else 1024 ** ("kmgt".index(unit[0]) + 1)
        size = int(float(found[1].replace(",", ".")) * scale)
    if size <= 0:
        raise ValueError(f"not a positive size: {value!r} (to use no cache, --no-cache)")
    return size


def _is_size(value: object) -> bool:
    try:
        parse_size(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


_FORMAT_PREFIX = regex.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def parse_output(item: str) -> tuple[str | None, str]:
    """One ``--output`` value as (format, file): ``FORMAT:FILE`` when FORMAT is a word, else ``FILE``
    and None (see ``suffix_format``). ValueError saying what is wrong: an unknown format, no file.

    ``FORMAT:`` is only ever a format: a typo (``sarf:recoupe.sarif``) is an error, not a file of
    that name (``./sarf:recoupe.sarif`` is one). On Windows ``C:`` is a drive.
    """
    name, colon, file = item.partition(":")
    if colon and _FORMAT_PREFIX.fullmatch(name) and not (os.name == "nt" and len(name) == 1):
        if name not in FORMATS:
            raise ValueError(f"unknown format '{name}' (known formats: {', '.join(FORMATS)}; a file of that name: ./{item})")
        if not file:
            raise ValueError(f"no file name after '{name}:'")
        return name, file
    if not item.strip():
        raise ValueError("no file name")
    return None, item


def suffix_format(file: str) -> str | None:
    """The format the suffix of ``file`` names (SUFFIX_FORMATS), or None."""
    found = SUFFIX_FORMATS.get(PurePath(file).suffix.lower())
    return found if found in FORMATS else None


def find_config(start: Path) -> tuple[Path, dict[str, Any], str] | None:
    """The nearest configuration: (file, its recoupe table, its text)."""
    for folder in (start, *start.parents):
        standalone = folder / "recoupe.toml"
        if standalone.is_file():
            text = _read(standalone)
            return standalone, _parse(standalone, text), text
        project = folder / "pyproject.toml"
        if project.is_file():
            text = _read(project)
            table = _parse(project, text).get("tool", {}).get("recoupe")
            if table is not None:
                return project, table, text
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot be read ({exc})") from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    return load_toml(text, str(path), ConfigError)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.split("\n"), 1):
        if regex.match(rf"\s*{regex.escape(key)}\s*=", line):
            return number
    return None


def _relative(path: Path) -> str:
    """``path`` relative to the current folder when it can be (reports then name documents as a
    user would, ``docs/a.txt``), else as it is."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def load_settings(start: Path, overrides: dict[str, Any]) -> Settings:
    """Defaults, then the configuration file, then ``overrides`` (the command line's explicit options)."""
    values: dict[str, Any] = {}
    origins = {key: "default" for key in KEYS}
    found = find_config(start)
    if found is not None:
        path, table, text = found
        if path.name == "recoupe.toml" and "tool" in table and isinstance(table["tool"], dict):
            table = table["tool"].get("recoupe", table)
        for key, value in table.items():
            name = key.replace("-", "_")
            if name not in _CHECKS:
                raise ConfigError(str(path), f"unknown key '{key}' (expected one of {', '.join(KEYS)})", _line_of(text, key))
            expected, check = _CHECKS[name]
            if not check(value):
                raise ConfigError(str(path), f"key '{key}': expected {expected}, got {value!r}", _line_of(text, key))
            if name == "output":
                for item in value:
                    try:
                        parse_output(item)
                    except ValueError as exc:
                        raise ConfigError(str(path), f"key '{key}': {item!r}: {exc}", _line_of(text, key)) from None
            if name in ("rules", "baseline", "sarif_root"):
                value = str((path.parent / value))
            elif name == "paths":  # relative to the current folder, as if named on the command line
                value = [_relative(path.parent / item) for item in value]
            values[name] = tuple(value) if name in ("output", "paths") else str(value) if name == "cache_max_size" else value
            origins[name] = str(path)
    for key, value in overrides.items():
        if value is not None:
            values[key] = tuple(value) if key == "output" else value
            origins[key] = "command line"
    return replace(Settings(), **values, origins=origins)


def to_toml(settings: Settings) -> str:
    """The settings as a ``[tool.recoupe]`` table that ``recoupe.toml`` or ``pyproject.toml`` accepts
    as it is, each line with a comment saying where its value came from; a setting that is not set
    (no value in TOML) is a comment."""
    lines = [
        "# recoupe's effective settings: paste into recoupe.toml, or into pyproject.toml",
        "[tool.recoupe]",
    ]
    for key in KEYS:
        value = getattr(settings, key)
        origin = settings.origins.get(key, "default")
        if value is None:
            lines.append(f"# {key} is not set ({origin})")
        else:
            lines.append(f"{key} = {_toml_value(value)}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    """A TOML value: strings in the JSON spelling TOML's basic strings share, lists as arrays."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)
