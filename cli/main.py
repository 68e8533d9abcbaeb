"""The ``recoupe`` command: a thin typer layer over the ``checker`` library."""

# No ``from __future__ import annotations`` here: typer reads every command's parameters on each
# run, and annotations kept as strings would be compiled and evaluated anew each time (about 10 ms
# of every start-up); evaluated once when the module is imported, they come from its bytecode.
import contextlib
import functools
import itertools
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, NamedTuple, Optional

import typer

from checker import __version__
from checker.jsonlayout import dumps_indented
from checker.outcomes import EXIT_CODES_HELP, ExitCode

app = typer.Typer(
    name="recoupe",
    help="Cross-check the figures that French sources publish about the same thing.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # help is printed as written: rich markup would take '[tool.recoupe]' or '[default: ...]' for tags
    # and drop them; wide terminals get wider help (up to 120 columns) instead of click's 80.
    rich_markup_mode=None,
    context_settings={"max_content_width": 120},
)

SCHEMA_VERSION = "1"
JOBS_HELP = (
    "Worker processes reading and extracting documents [default: every core when there are more than 8 documents, else 1]; "
    "with --engine dask and no --scheduler, the workers of the local Dask cluster (one a core if not given)."
)
ENGINE_HELP = (
    "local: this machine's worker processes (see --jobs). dask: a Dask cluster, the same output "
    "(needs recoupe's optional dask extra); worth it only for corpora that outgrow one machine."
)
CACHE_MAX_SIZE_HELP = (
    "Size the cache is kept to, e.g. 500MB or 2GB: the entries least recently used go first, never "
    "those of this run [default: 1GB, or cache_max_size in the configuration]."
)
SCHEDULER_HELP = "With --engine dask: address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786; without it, a cluster is started on this machine."


class Engine(str, Enum):
    local = "local"
    dask = "dask"


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
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive: .txt, .md, .html, .pdf).", show_default=False)],
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table for people; jsonl or json for programs.")] = ExtractFormat.table,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR is respected too).")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache (extracted figures, outputs of earlier runs for a replay).")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Folder of the cache [default: .recoupe_cache in the current folder].", show_default=False)] = None,
    cache_max_size: Annotated[Optional[str], typer.Option("--cache-max-size", metavar="SIZE", help=CACHE_MAX_SIZE_HELP, show_default=False)] = None,
    engine: Annotated[Engine, typer.Option("--engine", help=ENGINE_HELP)] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP, show_default=False)] = None,
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
        key = _run_key(cache, "extract", paths, (), output_format.value, discovered=discovered) if streamed else None
        replayed = cache.replay(key) if cache is not None and key is not None else None
        if replayed is not None:
            try:
                _emit(replayed, cache, already_said=len(said))
            finally:
                _close_cache(cache)
        from checker.running.parallel import Rows, extract_documents, rows_of  # the extractor: not for a replay

        out = _Recorder(sys.stdout.write, _spool(cache) if key is not None else None)
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
            cache.keep_replay(key, _replay_of("", said, (), ExitCode.OK), stdout=out.spool)
            cache.commit()
        out.close()
        _close_cache(cache)
    for error in errors:
        _err(str(error))
    if output_format is ExtractFormat.table:
        _print_quantity_table(rows, no_color=_no_color(no_color))
    if errors:
        raise typer.Exit(ExitCode.ERROR)


class _Recorder:
    """Writes through ``write`` and, when given a ``spool`` (a binary file), into it too, so that
    the output can be kept for a replay without holding it in memory."""

    def __init__(self, write: Callable[[str], object], spool) -> None:
        self._write = write
        self.spool = spool

    def write(self, text: str) -> None:
        self._write(text)
        if self.spool is not None:
            try:
                self.spool.write(text.encode("utf-8"))
            except (UnicodeEncodeError, OSError):  # text UTF-8 cannot carry, a full disk: not kept
                self.close()
                self.spool = None

    def close(self) -> None:
        if self.spool is not None:
            try:
                self.spool.close()
            except OSError:  # what was buffered cannot be written either: the spool is dropped all the same
                pass


def _spool(cache):
    """An anonymous temporary file beside the cache (removed when closed), or None."""
    import tempfile

    from checker.running.tempfiles import SUFFIX, prefix

    if cache is None:
        return None
    try:
        return tempfile.TemporaryFile(dir=cache.path.parent, prefix=prefix("spool"), suffix=SUFFIX)
    except OSError:
        return None


def _run_key(cache, command: str, paths: list[Path], extra_files: tuple[Path, ...], *options: str, discovered=None) -> str | None:
    """The replay key of this run (checker.running.replay), or None when it cannot be replayed."""
    if cache is None:
        return None
    import checker
    from checker.fingerprint import code_digest
    from checker.running.replay import inputs_digest, run_key

    inputs = inputs_digest(paths, extra_files, discovered)
    if inputs is None:
        return None
    packages = [Path(checker.__file__).parent, Path(__file__).parent]  # checker/ and cli/
    return run_key(command, code_digest(packages), inputs, os.getcwd(), *map(str, paths), *options)


def _replay_of(stdout: str, said: list[str], files: tuple[tuple[str, str], ...], code: int):
    from checker.running.cache import Replay

    return Replay(stdout, tuple(said), files, int(code))


def _emit(replayed, cache=None, already_said: int = 0) -> None:
    """Do what a run did, and exit as it did: ``replayed`` from this run, or from an earlier run
    with the same inputs read from ``cache`` (its standard output is copied from there).

    ``already_said``: how many of its messages this run has already written (before it knew).
    """
    for message in replayed.stderr[already_said:]:
        _err(message)
    if cache is None:
        sys.stdout.write(replayed.stdout)
    else:
        sys.stdout.flush()
        cache.write_stdout(replayed, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    written = [write_report(Path(file), text) for file, text in replayed.files]
    raise typer.Exit(replayed.exit_code if all(written) else ExitCode.ERROR)


@contextmanager
def _engine(
    engine: Engine, scheduler: str | None, jobs: int | None, report: Callable[[Exception], None] | None = None,
) -> Iterator[object]:
    """None for the local engine, else a DaskEngine, closed on leaving; its errors: ``report`` (else stderr), exit 2."""
    if engine is Engine.local:
        if scheduler is not None:
            _err("--scheduler needs --engine dask")
            raise typer.Exit(ExitCode.ERROR)
        yield None
        return
    if scheduler is not None and jobs is not None:
        _err("--jobs sets the workers of a local Dask cluster; the one at --scheduler has its own")
        raise typer.Exit(ExitCode.ERROR)
    from checker.running.dask_engine import DaskEngine, EngineError

    runner = None
    try:
        runner = DaskEngine(scheduler, workers=jobs)
        yield runner
    except EngineError as exc:
        if report is None:
            _err(str(exc))
        else:
            report(exc)
        raise typer.Exit(ExitCode.ERROR) from None
    finally:
        if runner is not None:
            runner.close()


def _cache_max_size(no_cache: bool, option: str | None, settings=None) -> int:
    """The cache's size limit in bytes: --cache-max-size, else the configuration's; a bad one is
    a usage error (exit 2). ``settings``: those of the run, if it has read them."""
    if no_cache and option is None:
        return 0
    from checker.running.config import parse_size

    if option is not None:
        try:
            return parse_size(option)
        except ValueError as exc:
            _err(f"--cache-max-size: {exc}")
            raise typer.Exit(ExitCode.ERROR) from None
    if settings is None:
        settings = _settings_or_exit({}, None)
    return parse_size(settings.cache_max_size)  # checked when the configuration was read


def _open_cache(no_cache: bool, cache_dir: Path | None, max_size: int):
    """The extraction cache (see checker.running.cache), or None with --no-cache; its warnings on stderr."""
    if no_cache:
        return None
    from checker.running.cache import FOLDER, Cache

    cache = Cache(cache_dir if cache_dir is not None else Path.cwd() / FOLDER, max_size)
    for warning in cache.warnings:
        _err(f"warning: {warning}")
    cache.warnings.clear()
    return cache


def _close_cache(cache) -> None:
    if cache is not None:
        for warning in cache.warnings:
            _err(f"warning: {warning}")
        cache.close()


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


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"


class FailOn(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"
    never = "never"


class MinSeverity(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


def _project_rules() -> Path:
    """rules/ beside the nearest pyproject.toml, else ./rules."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file():
            return folder / "rules" if (folder / "rules").is_dir() else here / "rules"
    return here / "rules"


def _rules_record(no_cache: bool, cache_dir: Path | None) -> Path | None:
    """Where load_rules remembers the rule files it validated: the cache's folder, or nowhere."""
    from checker.binding.loading import DEFAULT_RECORD_FOLDER

    if no_cache:
        return None
    return cache_dir if cache_dir is not None else DEFAULT_RECORD_FOLDER


def _load_rules(target: Path | None, cache_dir: Path | None = None, no_cache: bool = False):
    """The rules of ``target`` (default: the project's) that validate, and the errors of the others
    (checker.binding.rules.LoadedRules): an invalid rule is reported and left out, the run goes on."""
    from checker.binding.loading import load_rules

    loaded = load_rules(target if target is not None else _project_rules(), cache_dir=_rules_record(no_cache, cache_dir))
    for warning in loaded.skipped:  # a FIFO among the rule files: never opened, named
        _err(f"warning: {warning}")
    return loaded


_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1, "none": 0, "never": 99}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str | Callable[[Callable[[str], object]], object]) -> None:
    """Write a whole file or nothing: a temporary file beside it, then an atomic rename.

    ``text``: the file's text, or a function that writes it in pieces through the ``write`` it is
    given (a large report, never all in memory). The temporary file is named for the run that
    makes it (checker.running.tempfiles): one left by a run killed while writing is removed here, the
    next time this file is written.
    """
    import tempfile

    from checker.running.tempfiles import SUFFIX, prefix, sweep

    path.parent.mkdir(parents=True, exist_ok=True)
    sweep(path.parent, path.name)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=prefix(path.name), suffix=SUFFIX, delete=False)
    try:
        with handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                text(handle.write)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o666 & ~_umask())  # a temporary file is private (0600); a report is not
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _sarif_root(settings) -> str:
    """The folder SARIF locations are relative to: --sarif-root, else the git repository's top
    folder around the current one, else the current folder."""
    if settings.sarif_root is not None:
        return str(Path(settings.sarif_root).resolve())
    import subprocess

    try:
        found = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        found = None
    if found is not None and found.returncode == 0 and found.stdout.strip():
        return str(Path(found.stdout.strip()).resolve())
    return str(Path.cwd().resolve())


def _table_width() -> int:
    import shutil

    return max(shutil.get_terminal_size((120, 24)).columns, 80)


def _render(name: str, report, settings, color: bool, to_stdout: bool = False) -> str:
    if name == "table":
        from checker.render.table import render_table

        # on standard output, the errors and warnings were said on stderr already: not twice
        return render_table(report, color=color, width=_table_width(), explain=settings.explain, cwd=os.getcwd(), messages=not to_stdout)
    if name == "github":
        from checker.render.github import render_github

        return render_github(report, fail_on=settings.fail_on)
    if name == "sarif":
        from checker.render.sarif import render_sarif

        return render_sarif(report, root=_sarif_root(settings), cwd=os.getcwd())
    import importlib

    module = importlib.import_module(f"checker.render.{name}")
    return getattr(module, f"render_{name}")(report)


def _write_output(name: str, report, settings, color: bool, write: Callable[[str], object], to_stdout: bool = False) -> None:
    """``_render``'s text given to ``write``: the JSON and SARIF reports a finding at a time as
    they are made (their text is as large as the corpus), the others whole."""
    if name == "json":
        from checker.render.json import write_json

        write_json(report, write)
    elif name == "sarif":
        from checker.render.sarif import write_sarif

        write_sarif(report, write, root=_sarif_root(settings), cwd=os.getcwd())
    else:
        write(_render(name, report, settings, color, to_stdout))


def _outputs(settings) -> list[tuple[str, str | None]]:
    """(format, file or None for stdout) pairs. ``--output FORMAT:FILE`` adds a report;
    ``--output FILE`` takes standard output's report to FILE, in the format its suffix names
    (checker.running.config.SUFFIX_FORMATS), else --format. ValueError naming a bad --output value."""
    from checker.running.config import parse_output, suffix_format

    targets: list[tuple[str, str | None]] = []
    redirected = False
    for item in settings.output:
        try:
            name, file = parse_output(item)
        except ValueError as exc:
            raise ValueError(f"--output {item!r}: {exc}") from None
        if name is None:
            name = suffix_format(file)
            asked = settings.origins.get("format", "default") != "default"
            if name is not None and asked and name != settings.format:
                raise ValueError(
                    f"--output {item!r}: its suffix names {name}, the format asked is {settings.format}; "
                    f"write {settings.format}:{file} or {name}:{file}"
                )
            targets.append((name or settings.format, file))
            redirected = True
        else:
            targets.append((name, file))
    if not redirected:
        targets.insert(0, (settings.format, None))
    return targets


def _outputs_or_exit(settings) -> None:
    """A bad --output is a usage error: one line, exit 2, before any document is read."""
    try:
        _outputs(settings)
    except ValueError as exc:
        _err(str(exc))
        raise typer.Exit(ExitCode.ERROR) from None


def write_report(path: Path, text: str | Callable[[Callable[[str], object]], object]) -> bool:
    """``write_atomic``; a failure is one line naming the file asked for and why, and False."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        _err(f"{path}: cannot be written ({exc.strerror or exc})")
        return False
    return True


def _settings_or_exit(overrides: dict[str, object], fallback_format: str | None):
    from checker.running.config import ConfigError, load_settings

    try:
        return load_settings(Path.cwd(), overrides)
    except ConfigError as exc:
        from checker.running.config import Settings

        _emit_error_report([exc], Settings(format=fallback_format or "table"))
        raise typer.Exit(ExitCode.ERROR) from None


def _emit_error_report(errors, settings) -> None:
    """Tool errors that stop a run before any document is read: on stderr, and in every requested format."""
    from checker.running.pipeline import Report

    for error in errors:
        _err(str(error))
    report = Report((), tuple(errors), (), ())
    for name, file in _outputs(settings):
        text = _render(name, report, settings, color=False)
        if file is None:
            if name != "table":
                sys.stdout.write(text)
        else:
            write_report(Path(file), text)


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders of documents (recursive: .txt, .md, .html, .pdf; sources.toml gives their metadata) [default: 'paths' in the configuration].", show_default=False)] = None,
    rules: Annotated[Optional[Path], typer.Option("--rules", "-r", help="Rule file or folder [default: rules/ of the project, or 'rules' in the configuration].", show_default=False)] = None,
    output_format: Annotated[Optional[CheckFormat], typer.Option("--format", "-f", help="Format on standard output: table (people), json, sarif (code scanning), github (workflow commands), markdown (PR comment), html (one page with timeline charts).", show_default=False)] = None,
    output: Annotated[Optional[list[str]], typer.Option("--output", "-o", help="Write a report to a file, atomically. FORMAT:FILE (e.g. sarif:recoupe.sarif) adds one; FILE alone takes standard output's report there, in the format its suffix names (.json, .sarif, .md, .html) or else --format. Repeatable. An unknown FORMAT, or no FILE, is a usage error (exit 2).", show_default=False)] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Fail only on conflicts not acknowledged in this baseline file (see 'recoupe baseline').", show_default=False)] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest conflict severity that makes the exit code 1 [default: low].", show_default=False)] = None,
    min_severity: Annotated[Optional[MinSeverity], typer.Option("--min-severity", help="Lowest conflict severity displayed (the exit code still follows --fail-on) [default: low].", show_default=False)] = None,
    explain: Annotated[Optional[bool], typer.Option("--explain", help="Show why each claim was bound, and the near misses left out.", show_default=False)] = None,
    stats: Annotated[Optional[bool], typer.Option("--stats", help="Per-document breakdown: figures found and bound.", show_default=False)] = None,
    no_color: Annotated[Optional[bool], typer.Option("--no-color", help="No colours (NO_COLOR is respected too).", show_default=False)] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)] = None,
    sarif_root: Annotated[Optional[Path], typer.Option("--sarif-root", help="Folder the SARIF report's locations are relative to [default: the git repository's top folder, else the current folder].", show_default=False)] = None,
    quiet: Annotated[Optional[bool], typer.Option("--quiet", "-q", help="No progress bar (it is shown on a terminal only, on stderr).", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache (extracted figures, outputs of earlier runs for a replay, rule files validated).")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Folder of the cache [default: .recoupe_cache in the current folder].", show_default=False)] = None,
    cache_max_size: Annotated[Optional[str], typer.Option("--cache-max-size", metavar="SIZE", help=CACHE_MAX_SIZE_HELP, show_default=False)] = None,
    engine: Annotated[Engine, typer.Option("--engine", help=ENGINE_HELP)] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP, show_default=False)] = None,
) -> None:
    """Bind the figures of the documents to the rules' subjects and report where sources disagree.

    Options can also be set in [tool.recoupe] of pyproject.toml or in recoupe.toml.

    Exit codes: 0 no conflict at or above --fail-on; 1 such a conflict; 2 usage, configuration,
    rule or input error, or a bad sources.toml (the other documents and rules are still checked). Files
    skipped (unsupported type in a folder, empty) are warnings and do not change the exit code.
    """
    overrides = {
        "rules": str(rules) if rules is not None else None,
        "format": output_format.value if output_format is not None else None,
        "output": output or None,
        "baseline": str(baseline) if baseline is not None else None,
        "fail_on": fail_on.value if fail_on is not None else None,
        "min_severity": min_severity.value if min_severity is not None else None,
        "explain": explain, "stats": stats, "no_color": no_color, "jobs": jobs,
        "sarif_root": str(sarif_root) if sarif_root is not None else None, "quiet": quiet,
    }
    settings = _settings_or_exit(overrides, output_format.value if output_format else None)
    jobs = settings.jobs
    _outputs_or_exit(settings)
    if not paths:
        if not settings.paths:
            _err("no documents to check: name files or folders, or set paths = [\"docs\"] in [tool.recoupe] (pyproject.toml) or recoupe.toml")
            raise typer.Exit(ExitCode.ERROR)
        paths = [Path(item) for item in settings.paths]
    max_size = _cache_max_size(no_cache, cache_max_size, settings)
    rules_path = Path(settings.rules) if settings.origins.get("rules") != "default" else _project_rules()
    loaded = _load_rules(rules_path, cache_dir, no_cache)
    if loaded.errors and not loaded.rules:  # nothing left to check the documents against
        _emit_error_report(loaded.errors, settings)
        raise typer.Exit(ExitCode.ERROR)

    color = sys.stdout.isatty() and not _no_color(settings.no_color)
    with _engine(engine, scheduler, jobs, report=lambda exc: _emit_error_report([*loaded.errors, exc], settings)) as runner:
        cache = _open_cache(no_cache, cache_dir, max_size)
        key = discovered = None
        if not color and cache is not None:  # colours follow the terminal, which is not among the inputs
            from checker.reading.corpus import discover_all
            from checker.binding.loading import rule_files

            discovered = discover_all(paths)  # once, for the key and for the run

            extra = (*rule_files(rules_path), *([Path(settings.baseline)] if settings.baseline is not None else []))
            options = [repr(getattr(settings, name)) for name in ("format", "output", "baseline", "fail_on", "min_severity", "explain", "stats")]
            if any(name == "table" for name, _ in _outputs(settings)):
                options.append(f"width={_table_width()}")
            if any(name == "sarif" for name, _ in _outputs(settings)):
                options.append(f"sarif_root={_sarif_root(settings)}")  # its locations are relative to it
            key = _run_key(cache, "check", paths, extra, *options, discovered=discovered)
        replayed = cache.replay(key) if cache is not None and key is not None else None
        if replayed is not None:
            try:
                _emit(replayed, cache)
            finally:
                _close_cache(cache)
        try:
            from checker.running.pipeline import check as run_check  # after the replay: a replayed run needs none of it

            from checker.reading.corpus import discover_all

            discovered = discovered if discovered is not None else discover_all(paths)
            with _progress(len(discovered[0]), settings.quiet) as progress:
                report = run_check(
                    paths, list(loaded.rules), progress=progress, jobs=jobs, cache=cache, engine=runner,
                    discovered=discovered, near_misses=_shows_near_misses(settings),
                )
            try:
                report = _with_rule_errors(report, loaded.errors)
                code = _write_check(_check_outcome(report, settings), settings, color, cache, key)
            finally:
                report.close()  # its spool goes
        finally:
            _close_cache(cache)
    raise typer.Exit(code)


def _shows_near_misses(settings) -> bool:
    """Whether an output of this run lists the near misses: the table with --explain, and the
    JSON report always (its ``near_misses``); else the pipeline does not keep them."""
    return settings.explain or any(name == "json" for name, _ in _outputs(settings))


def _with_rule_errors(report, errors):
    """``report`` with the errors of the rules left out first: it is then never kept for a replay."""
    from dataclasses import replace

    return replace(report, errors=(*errors, *report.errors)) if errors else report


class _Outcome(NamedTuple):
    """What ``check`` says of a run: the report to write (the findings shown), its messages, its exit code."""

    report: object
    said: list[str]
    code: int


# Files a check writes are kept for a replay only up to this size in all: they are read back for it.
REPLAY_FILES_MAX = 4_000_000


def _write_check(outcome: _Outcome, settings, color: bool, cache, key: str | None) -> int:
    """Say the run's messages, then write its reports as they are made: standard output (through a
    spool of it for a replay, when ``key``), then each file atomically. The exit code: the
    outcome's, or 2 when a file could not be written (a run that wrote everything is kept for a replay)."""
    for message in outcome.said:
        _err(message)
    keep = cache is not None and key is not None and not outcome.report.errors
    out = _Recorder(sys.stdout.write, _spool(cache) if keep else None)
    try:
        targets = _outputs(settings)
        for name, file in targets:
            if file is None:
                _write_output(name, outcome.report, settings, color, out.write, to_stdout=True)
        if settings.stats:
            out.write(_stats_table(outcome.report))
        sys.stdout.flush()
        files = [file for _, file in targets if file is not None]
        written = [
            write_report(Path(file), functools.partial(_write_output, name, outcome.report, settings, False))
            for name, file in targets if file is not None
        ]
        kept = _files_for_replay(files) if keep and all(written) and out.spool is not None else None
        if kept is not None:
            cache.keep_replay(key, _replay_of("", outcome.said, kept, outcome.code), stdout=out.spool)
            cache.commit()
    finally:
        out.close()
    return outcome.code if all(written) else ExitCode.ERROR


def _files_for_replay(files: list[str]) -> tuple[tuple[str, str], ...] | None:
    """(file, text) of the reports this run wrote, read back for a replay; None when they are over
    REPLAY_FILES_MAX in all (such a run runs again) or cannot be read."""
    try:
        if sum(Path(file).stat().st_size for file in files) > REPLAY_FILES_MAX:
            return None
        return tuple((file, Path(file).read_text(encoding="utf-8")) for file in files)
    except (OSError, ValueError):
        return None


def _check_outcome(report, settings) -> _Outcome:
    """What ``check`` says of ``report``: the findings shown (--baseline, --min-severity), the
    messages and the exit code."""
    from dataclasses import replace as replace_report

    from checker.running.spool import heads, select

    said = [str(error) for error in report.errors] + [f"warning: {skipped}" for skipped in report.skipped]
    # chosen by what a spooled report knows of its findings without reading them back (checker.running.spool)
    failing = select(report.conflicts, lambda f: _SEVERITY_RANK[f.severity] >= _SEVERITY_RANK[settings.fail_on])
    if settings.baseline is not None:
        from checker.comparison.baseline import Baseline, BaselineError, apply, describe_stale

        try:
            known = Baseline.from_json(Path(settings.baseline).read_text(encoding="utf-8"), settings.baseline)
        except (OSError, BaselineError) as exc:
            for message in said:
                _err(message)
            _err(f"{settings.baseline}: cannot be read ({exc.strerror or exc})" if isinstance(exc, OSError) else str(exc))
            raise typer.Exit(ExitCode.ERROR) from None
        outcome = apply(known, report.conflicts)
        rules_by_id = {finding.rule.id: finding.rule for finding in heads(report.findings)}
        new_rules = {rule for rule, _, _ in outcome.new_pairs}
        failing = select(failing, lambda f: f.rule.id in new_rules)
        shown = select(report.findings, lambda f: f.verdict != "conflict" or f.rule.id in new_rules)
        report = replace_report(report, findings=shown)
        for rule, first, second in outcome.new_pairs:
            said.append(f"new conflict: {rule}: {first.quantity.text!r} ({first.source}:{first.line}) vs {second.quantity.text!r} ({second.source}:{second.line})")
        for key in outcome.stale:
            said.append(f"stale baseline entry: {describe_stale(key, rules_by_id)}")

    displayed = select(
        report.findings, lambda f: f.verdict != "conflict" or _SEVERITY_RANK[f.severity] >= _SEVERITY_RANK[settings.min_severity]
    )
    report = replace_report(report, findings=displayed)
    code = ExitCode.ERROR if report.errors else ExitCode.CONFLICTS if len(failing) else ExitCode.OK
    return _Outcome(report, said, code)


def _stats_table(report) -> str:
    lines = ["", "document\tfigures\tbound"]
    for stats in report.documents:
        lines.append(f"{stats.source}\t{stats.figures}\t{stats.bound}")
    unbound = [s.source for s in report.documents if s.figures and not s.bound]
    if unbound:
        lines.append(f"{len(unbound)} documents with figures but none bound to a rule: {', '.join(unbound)}")
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def _progress(total: int, quiet: bool = False):
    """A progress bar on stderr (documents done of ``total``, the one at hand), only on a terminal
    and without --quiet; yields the callback the pipeline calls after each document, or None."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    console = Console(stderr=True, no_color=_no_color(False))
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("", total=total)

        def advance(name: str) -> None:
            bar.update(task, advance=1, description=Path(name).name[:40])

        yield advance


@app.command()
def baseline(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write (JSON, atomically).")],
    rules: Annotated[Optional[Path], typer.Option("--rules", "-r", help="Rule file or folder.", show_default=False)] = None,
) -> None:
    """Write the current conflicts as acknowledged: 'recoupe check --baseline FILE' then fails only on new ones.

    Entries are keyed on content (rule, values, file names, quote hashes), not on line numbers;
    add a "reason" to an entry to say why it is acknowledged.

    Exit codes: 0 written; 2 usage, rule or input error (the other documents and rules are still used).
    """
    from checker.comparison.baseline import Baseline
    from checker.running.pipeline import check as run_check

    loaded = _load_rules(rules)
    if loaded.errors and not loaded.rules:
        for error in loaded.errors:
            _err(str(error))
        raise typer.Exit(ExitCode.ERROR)
    report = _with_rule_errors(run_check(paths, list(loaded.rules), near_misses=False), loaded.errors)
    for error in report.errors:
        _err(str(error))
    for skipped in report.skipped:
        _err(f"warning: {skipped}")
    known = Baseline.from_findings(report.conflicts)
    report.close()
    if not write_report(output, known.to_json()):
        raise typer.Exit(ExitCode.ERROR)
    typer.echo(f"{len(known.entries)} acknowledged conflicts written to {output}")
    if report.errors:
        raise typer.Exit(ExitCode.ERROR)


@app.command()
def config() -> None:
    """Print the effective settings as TOML, with where each comes from (default or a file).

    The output is a [tool.recoupe] table that recoupe.toml or pyproject.toml accepts as it is.

    Exit codes: 0; 2 a malformed configuration file.
    """
    settings = _settings_or_exit({}, None)
    from checker.running.config import to_toml

    typer.echo(to_toml(settings), nl=False)


rules_app = typer.Typer(help="Work with rule files.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")


@rules_app.command("check")
def rules_check(
    path: Annotated[Optional[Path], typer.Argument(help="Rule file or folder [default: the project's rules/].")] = None,
) -> None:
    """Validate rule files (keys, types, patterns, and each rule's own examples) without checking documents.

    A file that passed before, unchanged, with the same recoupe and libraries, is remembered in
    .recoupe_cache/rules-validated.json (when that folder exists): its examples are not run again.

    Every error of every file is printed, as file:line: message.
    Exit codes: 0 valid; 2 an error.
    """
    loaded = _load_rules(path)
    for error in loaded.errors:
        _err(str(error))
    if loaded.errors:
        typer.echo(f"{len(loaded.rules)} rules valid, {len(loaded.errors)} {'error' if len(loaded.errors) == 1 else 'errors'}")
        raise typer.Exit(ExitCode.ERROR)
    typer.echo(f"{len(loaded.rules)} rules valid, every example passes")


from cli.discover import discover as _discover, suggest as _suggest  # noqa: E402

app.command("discover")(_discover)
rules_app.command("suggest")(_suggest)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread: the run stops as Ctrl-C stops it (workers ended, no
    report file written, the cache as it was), then exits with ExitCode.TERMINATED."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated()


def _terminated(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it was raised from: typer turns Ctrl-C into an exit) is a SIGTERM."""
    while exc is not None:
        if isinstance(exc, _Terminated):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _quiet_shutdown() -> None:
    """A run being stopped says one line: the threads the worker pool leaves behind (its manager
    thread reading a pipe the stopped workers closed) and the exit callbacks that join them may
    still fail on their way out; their tracebacks would be noise after "interrupted"."""
    import threading

    threading.excepthook = lambda args: None
    sys.unraisablehook = lambda unraisable: None


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app()
    except KeyboardInterrupt as exc:
        stopped = _terminated(exc)
        _quiet_shutdown()
        _err("terminated" if stopped else "interrupted")
        sys.exit(ExitCode.TERMINATED if stopped else ExitCode.INTERRUPTED)
    except SystemExit as exc:  # typer turns Ctrl-C into exit 130 without a word: say why we stop
        if exc.code == ExitCode.INTERRUPTED:
            stopped = _terminated(exc)
            _quiet_shutdown()
            _err("terminated" if stopped else "interrupted")
            if stopped:
                sys.exit(ExitCode.TERMINATED)
        raise
    except Exception as exc:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("RECOUPE_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set RECOUPE_DEBUG=1 for the traceback)")
        sys.exit(ExitCode.ERROR)


if __name__ == "__main__":
    main()
