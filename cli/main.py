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


class CheckFormat(str, Enum):
    table = "table"
    json = "json"


def _project_rules() -> Path:
    """``[tool.recoupe] rules`` of the nearest pyproject.toml, else rules/ beside it, else ./rules."""
    import tomllib

    here = Path.cwd()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                settings = tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}).get("recoupe", {})
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                settings = {}
            if isinstance(settings.get("rules"), str):
                return folder / settings["rules"]
            if (folder / "rules").is_dir():
                return folder / "rules"
            break
    return here / "rules"


def _load_rules_or_exit(target: Path | None):
    from checker.errors import RuleError
    from checker.rules import load_rules

    try:
        return load_rules(target if target is not None else _project_rules())
    except RuleError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.ERROR) from None


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents (recursive: .txt, .md).", show_default=False)],
    rules: Annotated[Optional[Path], typer.Option("--rules", "-r", help="Rule file or folder [default: rules/ of the project, or [tool.recoupe] rules in pyproject.toml].")] = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="table for people, json for programs.")] = CheckFormat.table,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each claim was bound, and the near misses left out.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR is respected too).")] = False,
) -> None:
    """Bind the figures of the documents to the rules' subjects and report where sources disagree.

    Exit codes: 0 no conflict; 1 at least one conflict; 2 usage, rule or input error.
    """
    from checker.pipeline import check as run_check

    loaded = _load_rules_or_exit(rules)
    report = run_check(paths, loaded)
    for error in report.errors:
        _err(str(error))
    if output_format is CheckFormat.json:
        from checker.render.json import render_json

        sys.stdout.write(render_json(report))
    else:
        import shutil

        from checker.render.table import render_table

        color = sys.stdout.isatty() and not _no_color(no_color)
        sys.stdout.write(render_table(report, color=color, width=max(shutil.get_terminal_size((120, 24)).columns, 80), explain=explain))
    if report.errors:
        raise typer.Exit(ExitCode.ERROR)
    if report.conflicts:
        raise typer.Exit(ExitCode.CONFLICTS)


rules_app = typer.Typer(help="Work with rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
def rules_check(
    path: Annotated[Optional[Path], typer.Argument(help="Rule file or folder [default: the project's rules/].")] = None,
) -> None:
    """Validate rule files (keys, types, patterns, and each rule's own examples) without checking documents.

    Exit codes: 0 valid; 2 an error, printed as file:line: message.
    """
    loaded = _load_rules_or_exit(path)
    typer.echo(f"{len(loaded)} rules valid, every example passes")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(ExitCode.INTERRUPTED)


if __name__ == "__main__":
    main()
