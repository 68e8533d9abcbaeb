"""The small exception hierarchy of recoupe: the CLI catches these in one place."""

from __future__ import annotations


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
