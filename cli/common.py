"""What several commands of ``recoupe`` share: their messages on stderr, the options of colour,
width, progress, engine and cache, and the rule files they load.

No ``from __future__ import annotations`` here and in the other command modules: typer reads every
command's parameters on each run, and annotations kept as strings would be compiled and evaluated
anew each time (about 10 ms of every start-up); evaluated once when the module is imported, they
come from its bytecode.
"""

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.outcomes import ExitCode

# The command line's own source, which outputs depend on as they do on checker/'s: in the replay key.
CODE = (Path(__file__).parent,)
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


# The options extract and check share, declared once.
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)]
CacheDirOption = Annotated[Optional[Path], typer.Option("--cache-dir", help="Folder of the cache [default: .recoupe_cache in the current folder].", show_default=False)]
CacheMaxSizeOption = Annotated[Optional[str], typer.Option("--cache-max-size", metavar="SIZE", help=CACHE_MAX_SIZE_HELP, show_default=False)]
EngineOption = Annotated[Engine, typer.Option("--engine", help=ENGINE_HELP)]
SchedulerOption = Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help=SCHEDULER_HELP, show_default=False)]


def _err(message: str) -> None:
    typer.echo(f"recoupe: {message}", err=True)


def _no_color(flag: bool) -> bool:
    return flag or "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != ""


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


def _open_cache(no_cache: bool, cache_dir: Path | None, max_size: int):
    """The extraction cache (see checker.running.cache), or None with --no-cache; its warnings on stderr."""
    if no_cache:
        return None
    from checker.running.session import open_cache

    cache, warnings = open_cache(cache_dir, max_size)
    for warning in warnings:
        _err(f"warning: {warning}")
    return cache


def _close_cache(cache) -> None:
    if cache is not None:
        from checker.running.session import close_cache

        for warning in close_cache(cache):
            _err(f"warning: {warning}")


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


def _table_width() -> int:
    import shutil

    return max(shutil.get_terminal_size((120, 24)).columns, 80)


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

