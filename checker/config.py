"""Settings: one frozen value, from defaults, then ``[tool.recoupe]`` or ``recoupe.toml``, then the CLI.

The configuration file is found by walking up from the current folder: the first
``recoupe.toml``, or ``pyproject.toml`` with a ``[tool.recoupe]`` table. Unknown keys are errors
naming the file, line and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import regex

from checker.errors import RecoupeError, load_toml

FORMATS = ("table", "json", "sarif", "github", "markdown", "html")
FAIL_ON = ("high", "medium", "low", "never")
SEVERITIES = ("high", "medium", "low")


class ConfigError(RecoupeError):
    """A configuration file is malformed."""


@dataclass(frozen=True)
class Settings:
    rules: str = "rules"
    format: str = "table"
    output: tuple[str, ...] = ()  # "FILE" or "FORMAT:FILE"
    baseline: str | None = None
    fail_on: str = "low"
    min_severity: str = "low"
    explain: bool = False
    stats: bool = False
    no_color: bool = False
    # where each value came from: key -> "default" | file path | "command line"
    origins: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


_CHECKS: dict[str, tuple[str, Any]] = {
    "rules": ("a path", lambda v: isinstance(v, str)),
    "format": (f"one of {', '.join(FORMATS)}", lambda v: v in FORMATS),
    "output": ("a list of 'FILE' or 'FORMAT:FILE' strings", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "baseline": ("a path", lambda v: isinstance(v, str)),
    "fail_on": (f"one of {', '.join(FAIL_ON)}", lambda v: v in FAIL_ON),
    "min_severity": (f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES),
    "explain": ("true or false", lambda v: isinstance(v, bool)),
    "stats": ("true or false", lambda v: isinstance(v, bool)),
    "no_color": ("true or false", lambda v: isinstance(v, bool)),
}
KEYS = tuple(f.name for f in fields(Settings) if f.name != "origins")


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
            if name in ("rules", "baseline"):
                value = str((path.parent / value))
            values[name] = tuple(value) if name == "output" else value
            origins[name] = str(path)
    for key, value in overrides.items():
        if value is not None:
            values[key] = tuple(value) if key == "output" else value
            origins[key] = "command line"
    return replace(Settings(), **values, origins=origins)
