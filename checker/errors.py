"""The small exception hierarchy of recoupe: the CLI catches these in one place."""

from __future__ import annotations

import re
import tomllib
from typing import Any

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


class RecoupeError(Exception):
    """Base of every error recoupe reports to its user as one line."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class DocumentError(RecoupeError):
    """A document could not be read (binary, unreadable, undecodable)."""


class RuleError(RecoupeError):
    """A rule file is malformed or one of its rules fails its own examples."""


def load_toml(text: str, path: str, error: type[RecoupeError]) -> dict[str, Any]:
    """Parse TOML; a syntax error becomes ``error`` with the file's line and column, on one line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        message = _TOML_POSITION.sub("", str(exc))
        line = int(found.group(1)) if found else None
        column = int(found.group(2)) if found else None
        raise error(path, f"invalid TOML: {message}", line, column) from None
