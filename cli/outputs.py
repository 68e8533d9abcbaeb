"""Where ``recoupe check`` and ``extract`` write: the reports of ``--format`` and ``--output``
(rendered by checker.render, standard output or a file written atomically), the report of an
error that stops a run, and an earlier run's output written again for a replay."""

import os
import sys
from collections.abc import Callable
from pathlib import Path

import typer

from checker.outcomes import ExitCode
from cli.common import _err, _table_width


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

