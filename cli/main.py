"""The ``recoupe`` command: a thin typer layer over the ``checker`` library.

This module makes the typer app and registers every command on it (``extract``: cli.extract,
``check``: cli.check, ``discover`` and ``rules suggest``: cli.discover; the small ``baseline``,
``config`` and ``rules check`` here), and ``main()`` runs it, with Ctrl-C, SIGTERM and a bug of
ours each said in one line.
"""

# No ``from __future__ import annotations`` here: typer reads every command's parameters on each
# run, and annotations kept as strings would be compiled and evaluated anew each time (about 10 ms
# of every start-up); evaluated once when the module is imported, they come from its bytecode.
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker import __version__
from checker.outcomes import EXIT_CODES_HELP, ExitCode
from cli.check import _with_rule_errors, check
from cli.common import _err, _load_rules
from cli.discover import discover, suggest
from cli.extract import extract
from cli.outputs import write_report
from cli.settings import _settings_or_exit

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recoupe {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Cross-check the figures French sources publish about the same thing."""


app.command()(extract)
app.command()(check)


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


app.command("discover")(discover)
rules_app.command("suggest")(suggest)


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
