"""The ``recoupe`` command: a thin typer layer over the ``checker`` library."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker import __version__
from checker.report import EXIT_CODES_HELP, ExitCode

app = typer.Typer(
    name="recoupe",
    help="Cross-check the figures that French sources publish about the same thing.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

SCHEMA_VERSION = "1"


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recoupe {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Cross-check the figures French sources publish about the same thing."""


def _err(message: str) -> None:
    typer.echo(f"recoupe: {message}", err=True)


def _no_color(flag: bool) -> bool:
    return flag or "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != ""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive: .txt, .md).", show_default=False)],
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table for people; jsonl or json for programs.")] = ExtractFormat.table,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR is respected too).")] = False,
) -> None:
    """List every figure found in the documents, normalised.

    Exit codes: 0 every document read; 2 a document could not be read (the others are still listed).
    """
    from checker.documents import discover, read_document
    from checker.errors import DocumentError
    from checker.extract import extract as extract_text

    files, errors = discover(paths)
    rows: list[dict[str, object]] = []
    for path in files:
        try:
            document = read_document(path)
        except DocumentError as exc:
            errors.append(exc)
            continue
        for quantity in extract_text(document.text):
            line, column = document.position(quantity.start)
            row: dict[str, object] = {"source": document.source, "line": line, "column": column}
            row.update(quantity.as_dict())
            rows.append(row)
    for error in errors:
        _err(str(error))
    if output_format is ExtractFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif output_format is ExtractFormat.json:
        document_json = {
            "schema_version": SCHEMA_VERSION,
            "quantities": rows,
            "errors": [{"source": e.path, "line": e.line, "message": e.message} for e in errors],
        }
        sys.stdout.write(json.dumps(document_json, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_quantity_table(rows, no_color=_no_color(no_color))
    if errors:
        raise typer.Exit(ExitCode.ERROR)


def _format_value(row: dict[str, object]) -> str:
    value = row["value"]
    assert isinstance(value, float)
    text = f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return f"{text.replace(',', ' ')} {row['unit']}"


def _print_quantity_table(rows: list[dict[str, object]], no_color: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=no_color, highlight=False)
    table = Table(show_lines=False)
    for column in ("source", "line:col", "text", "kind", "value", "qualifier", "noun"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["source"]), f"{row['line']}:{row['column']}", str(row["text"]), str(row["kind"]),
            _format_value(row), str(row["qualifier"]), str(row["noun"] or ""),
        )
    console.print(table)
    console.print(f"{len(rows)} figures in {len({r['source'] for r in rows})} documents")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(ExitCode.INTERRUPTED)


if __name__ == "__main__":
    main()
