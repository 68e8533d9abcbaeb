"""``recoupe check``: the documents' figures bound to the rules' subjects and compared, reported
in the formats asked (standard output and ``--output`` files), an unchanged run replayed."""

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NamedTuple, Optional

import typer

from checker.outcomes import ExitCode
from checker.running.session import Recorder, check_key, files_for_replay, keep_run, replayed as replay_of, spool
from cli.common import (
    CODE, CacheDirOption, CacheMaxSizeOption, Engine, EngineOption, JobsOption, SchedulerOption, _close_cache, _engine, _err,
    _load_rules, _no_color, _open_cache, _progress, _project_rules, _table_width,
)
from cli.outputs import _emit, _emit_error_report, _outputs, _outputs_or_exit, _sarif_root, _write_output, write_report
from cli.settings import _cache_max_size, _settings_or_exit


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


_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1, "none": 0, "never": 99}


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
    jobs: JobsOption = None,
    sarif_root: Annotated[Optional[Path], typer.Option("--sarif-root", help="Folder the SARIF report's locations are relative to [default: the git repository's top folder, else the current folder].", show_default=False)] = None,
    quiet: Annotated[Optional[bool], typer.Option("--quiet", "-q", help="No progress bar (it is shown on a terminal only, on stderr).", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache (extracted figures, outputs of earlier runs for a replay, rule files validated).")] = False,
    cache_dir: CacheDirOption = None,
    cache_max_size: CacheMaxSizeOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
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
            options = [repr(getattr(settings, name)) for name in ("format", "output", "baseline", "fail_on", "min_severity", "explain", "stats")]
            if any(name == "table" for name, _ in _outputs(settings)):
                options.append(f"width={_table_width()}")
            if any(name == "sarif" for name, _ in _outputs(settings)):
                options.append(f"sarif_root={_sarif_root(settings)}")  # its locations are relative to it
            # the documents found once, for the key and for the run
            key, discovered = check_key(cache, paths, rules_path, settings.baseline, options, code=CODE)
        replayed = replay_of(cache, key)
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


def _write_check(outcome: _Outcome, settings, color: bool, cache, key: str | None) -> int:
    """Say the run's messages, then write its reports as they are made: standard output (through a
    spool of it for a replay, when ``key``), then each file atomically. The exit code: the
    outcome's, or 2 when a file could not be written (a run that wrote everything is kept for a replay)."""
    for message in outcome.said:
        _err(message)
    keep = cache is not None and key is not None and not outcome.report.errors
    out = Recorder(sys.stdout.write, spool(cache) if keep else None)
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
        kept = files_for_replay(files) if keep and all(written) and out.spool is not None else None
        if kept is not None:
            keep_run(cache, key, out.spool, outcome.said, kept, outcome.code)
    finally:
        out.close()
    return outcome.code if all(written) else ExitCode.ERROR


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

