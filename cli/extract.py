"""``recoupe extract``: every figure found in the documents, as a table for people or as JSONL or
JSON rows for programs (written as documents come, and kept for a replay)."""

import functools
import itertools
import json
import os
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker.jsonlayout import dumps_indented
from checker.outcomes import ExitCode
from checker.running.session import Recorder, keep_run, replayed as replay_of, run_key, spool
from cli.common import (
    CODE, CacheDirOption, CacheMaxSizeOption, Engine, EngineOption, JobsOption, SchedulerOption, _close_cache, _engine, _err,
    _no_color, _open_cache,
)
from cli.outputs import _emit
from cli.settings import _cache_max_size

SCHEMA_VERSION = "1"


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive: .txt, .md, .html, .pdf).", show_default=False)],
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table for people; jsonl or json for programs.")] = ExtractFormat.table,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR is respected too).")] = False,
    jobs: JobsOption = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache (extracted figures, outputs of earlier runs for a replay).")] = False,
    cache_dir: CacheDirOption = None,
    cache_max_size: CacheMaxSizeOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
) -> None:
    """List every figure found in the documents, normalised.

    Exit codes: 0 every document read; 2 a document could not be read (the others are still listed).
    """
    from checker.reading.documents import blank
    from checker.reading.corpus import discover_all

    max_size = _cache_max_size(no_cache, cache_max_size)
    files, errors, skipped = discover_all(paths)
    said: list[str] = []  # the messages of this run, kept with its output for a replay
    for item in skipped:  # unsupported files met in a folder: named, never silent
        said.append(f"warning: {item}")
        _err(said[-1])
    # jsonl and json rows are written as documents come (memory does not grow with the corpus),
    # each document's by the process that extracted it (checker.running.rows); the table, for people,
    # needs them all to size its columns.
    rows: list[dict[str, object]] = []
    streamed = output_format is not ExtractFormat.table
    written = False
    with _engine(engine, scheduler, jobs) as runner:
        cache = _open_cache(no_cache, cache_dir, max_size)
        discovered = (files, list(errors), skipped)
        key = run_key(cache, "extract", paths, (), output_format.value, discovered=discovered, code=CODE) if streamed else None
        replayed = replay_of(cache, key)
        if replayed is not None:
            try:
                _emit(replayed, cache, already_said=len(said))
            finally:
                _close_cache(cache)
        from checker.running.parallel import Rows, extract_documents, rows_of  # the extractor: not for a replay

        out = Recorder(sys.stdout.write, spool(cache) if key is not None else None)
        if output_format is ExtractFormat.json:
            out.write('{\n  "schema_version": ' + json.dumps(SCHEMA_VERSION) + ',\n  "quantities": [')
        # documents extracted in worker processes when jobs > 1, their rows written there when streamed
        finish = functools.partial(rows_of, output_format.value) if streamed else None
        for outcome in extract_documents(files, jobs, cache, runner, finish):
            if outcome.error is not None:
                errors.append(outcome.error)
                continue
            rendered, document = outcome.finished, outcome.document
            assert rendered is None or isinstance(rendered, Rows)
            source, empty = (rendered.source, rendered.blank) if rendered is not None else (document.source, blank(document.text))
            if empty:
                said.append(f"warning: {source}: empty: no text")
                _err(said[-1])
            if rendered is not None:
                if rendered.text:
                    # each json row comes after ",\n    ": the first of the array without its comma
                    out.write(rendered.text if written or output_format is ExtractFormat.jsonl else rendered.text[1:])
                    written = True
                continue
            for quantity in outcome.quantities:
                line, column = document.position(quantity.start)
                row: dict[str, object] = {"source": document.source, "line": line, "column": column}
                if document.page_starts:
                    row["page"] = document.page_at(quantity.start)
                row.update(quantity.as_dict())
                rows.append(row)
        if output_format is ExtractFormat.json:
            listed = [{"source": e.path, "line": e.line, "message": e.message} for e in errors]
            out.write(("\n  ]" if written else "]") + ',\n  "errors": ' + dumps_indented(listed).replace("\n", "\n  ") + "\n}\n")
        if cache is not None and out.spool is not None and not errors:
            keep_run(cache, key, out.spool, said, (), ExitCode.OK)
        out.close()
        _close_cache(cache)
    for error in errors:
        _err(str(error))
    if output_format is ExtractFormat.table:
        _print_quantity_table(rows, no_color=_no_color(no_color))
    if errors:
        raise typer.Exit(ExitCode.ERROR)


def _format_value(row: dict[str, object]) -> str:
    value = row["value"]
    assert isinstance(value, float)
    text = f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    # digits grouped by no-break spaces: a narrow column wraps between the number and its unit, never inside it
    return text.replace(",", "\u00a0") + f" {row['unit']}"


def _print_quantity_table(rows: list[dict[str, object]], no_color: bool) -> None:
    """extract's table for people: each document's path on a line of its own (never cut), then its
    figures, one row each, the columns wrapping to the terminal's width."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(no_color=no_color, highlight=False, width=max(shutil.get_terminal_size((100, 24)).columns, 60))
    cwd = os.getcwd()
    for source, group in itertools.groupby(rows, key=lambda row: str(row["source"])):
        console.print(_relative_to(source, cwd), style="bold", overflow="fold")
        table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
        group = list(group)
        values = [_format_value(row) + (" (unit inferred)" if row.get("inferred") else "") for row in group]
        widest = max(len(value.split(" ")[0]) for value in values)
        for column, wrap in (("line:col", False), ("as written", True), ("kind", False), ("value", True), ("qualifier", False), ("noun", True)):
            # a number is never split: the value column is at least as wide as its longest number
            table.add_column(column, no_wrap=not wrap, overflow="fold", min_width=widest if column == "value" else None)
        for row, value in zip(group, values):
            table.add_row(
                f"{row['line']}:{row['column']}", str(row["text"]), str(row["kind"]), value, str(row["qualifier"]), str(row["noun"] or ""),
            )
        console.print(table)
    documents = len({row["source"] for row in rows})
    console.print(f"{len(rows)} figure{'s' * (len(rows) != 1)} in {documents} document{'s' * (documents != 1)}")


def _relative_to(source: str, cwd: str) -> str:
    """A path relative to the current folder when it lies under it."""
    if os.path.isabs(source):
        try:
            return str(Path(source).relative_to(cwd))
        except ValueError:
            pass
    return source

