"""``recoupe discover`` and ``recoupe rules suggest``: discovery without rules."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.outcomes import ExitCode
from cli.common import _close_cache, _err, _load_rules, _no_color, _open_cache, _progress, _table_width
from cli.outputs import write_report
from cli.settings import _cache_max_size

DISCOVER_SCHEMA_VERSION = "2.0"
JOBS_HELP = "Worker processes reading, extracting and reading the figures' subjects [default: every core when there are more than 8 documents, else 1]."


class DiscoverFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def _run(paths: list[Path], rules: Optional[Path], jobs: Optional[int], no_cache: bool, cache_dir: Optional[Path], quotes: int):
    """The discovery (its first ``quotes`` candidates quoted), and every error met (of a rule, of a
    document), each said on stderr."""
    from checker.discovery.corpus import discover as run_discover

    loaded_rules, errors = None, []
    if rules is not None:  # an invalid rule is reported and left out; the others mark what they cover
        loaded = _load_rules(rules, cache_dir, no_cache)
        loaded_rules, errors = list(loaded.rules), list(loaded.errors)
    cache = _open_cache(no_cache, cache_dir, _cache_max_size(no_cache, None))
    try:
        from checker.reading.corpus import discover_all

        with _progress(len(discover_all(paths)[0])) as progress:
            discovery = run_discover(paths, loaded_rules, jobs=jobs, cache=cache, progress=progress, quotes=quotes)
    finally:
        _close_cache(cache)
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    errors.extend(discovery.errors)
    for error in errors:
        _err(str(error))
    for item in discovery.skipped:
        _err(f"warning: {item}")
    return discovery, errors


def _claim_dict(figure) -> dict[str, object]:
    q = figure.quantity
    return {
        "source": figure.source, "line": figure.line, "column": figure.column, "page": figure.page,
        "text": q.text, "kind": q.kind, "value": q.value, "unit": q.unit, "low": q.low, "high": q.high,
        "qualifier": q.qualifier, "noun": q.noun, "quote": figure.quote, "measure": figure.measure,
        "period": figure.period.when, "period_label": figure.period.label, "period_origin": figure.period.origin,
        "covered_by": figure.covered_by,
    }


def _summary(discovery) -> dict[str, object]:
    return {
        "documents": discovery.documents, "figures": discovery.figures, "compared": discovery.compared,
        "blocks": discovery.blocks, "proposed_pairs": discovery.proposed_pairs, "covered": discovery.covered,
        "left_out": [{"reason": reason, "figures": count} for reason, count in discovery.left_out],
    }


def render_json(discovery, top: int) -> str:
    return json.dumps({
        "schema_version": DISCOVER_SCHEMA_VERSION, **_summary(discovery),
        "candidates": [
            {
                "id": c.id, "kind": c.kind, "rank": c.tier, "score": round(c.score, 4), "block": c.block,
                "similarity": round(c.similarity, 4), "sources": c.sources, "timeline": c.timeline,
                "shared_terms": list(c.shared[:8]), "subjects": list(c.subjects),
                "camps": [{"period": camp.when, "sources": camp.sources, "values": [f.quantity.text for f in camp.figures]} for camp in c.camps],
                "explanation": c.explanation, "claims": [_claim_dict(f) for f in c.figures],
            }
            for c in discovery.candidates[:top]
        ],
    }, ensure_ascii=False, indent=2) + "\n"


def render_table(discovery, top: int, color: bool = False) -> str:
    import os

    from checker.render.discover_table import render_discover_table

    return render_discover_table(discovery, top, color=color, width=_table_width(), cwd=os.getcwd())


def render_markdown(discovery, top: int) -> str:
    from checker.render.discover_table import figure_facts, figure_where, footer_lines

    lines = ["# recoupe discover", ""]
    for c in discovery.candidates[:top]:
        lines.append(f"## {c.id} · {c.kind} · score {c.score:.2f}")
        lines.append("")
        lines.append(c.explanation)
        lines.append("")
        for figure in c.figures:
            lines.append(f"- **{figure.quantity.text}** `{figure_where(figure)}` ({figure_facts(figure)})")
            lines.append(f"  > {figure.quote}")
        lines.append("")
    lines.extend(footer_lines(discovery, top))
    return "\n".join(lines) + "\n"


def _render_html(discovery, top: int) -> str:
    from checker.render.html import render_discovery_html

    return render_discovery_html(discovery, top)


def discover(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.", show_default=False)],
    rules: Annotated[Optional[Path], typer.Option("--rules", "-r", help="Rule file or folder: figures they cover are marked.", show_default=False)] = None,
    output_format: Annotated[DiscoverFormat, typer.Option("--format", "-f", help="table, json, markdown or html (one page with timeline charts).")] = DiscoverFormat.table,
    top: Annotated[int, typer.Option("--top", "-n", help="How many candidates to show.", min=1)] = 20,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Folder of the cache [default: .recoupe_cache in the current folder].", show_default=False)] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours in the table (NO_COLOR is respected too).")] = False,
) -> None:
    """Without rules: rank candidate conflicts, double attributions, evolutions and agreements across the documents.

    Exit codes: 0 (exploratory, whatever is found); 2 a document or rule file could not be read.
    """
    discovery, errors = _run(paths, rules, jobs, no_cache, cache_dir, top)
    if output_format is DiscoverFormat.table:
        text = render_table(discovery, top, color=sys.stdout.isatty() and not _no_color(no_color))
    else:
        text = {"json": render_json, "markdown": render_markdown, "html": _render_html}[output_format.value](discovery, top)
    sys.stdout.write(text)
    if errors:
        raise typer.Exit(ExitCode.ERROR)


def suggest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Rule file to write (TOML, atomically).")],
    pick: Annotated[Optional[str], typer.Option("--pick", help="Candidate ids, e.g. C1,C3.", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="Without --pick: the first N candidates.", min=1)] = 5,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=JOBS_HELP, show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Folder of the cache [default: .recoupe_cache in the current folder].", show_default=False)] = None,
) -> None:
    """Write a rule file with one rule per chosen candidate of 'recoupe discover', ready to edit.

    The written rules load and pass their own examples (checked after writing).
    Exit codes: 0 written; 2 input error, unknown candidate id, or a rule that fails to load.
    """
    from checker.discovery.suggest import publisher_words, render_rules, suggest_rule
    from checker.binding.loading import load_rules

    from checker.discovery.quotes import quoted

    discovery, errors = _run(paths, None, jobs, no_cache, cache_dir, 0)
    by_id = {c.id: c for c in discovery.candidates}
    if pick:
        wanted = [part.strip() for part in pick.split(",") if part.strip()]
        unknown = [name for name in wanted if name not in by_id]
        if unknown:
            _err(f"unknown candidate ids: {', '.join(unknown)} (see 'recoupe discover')")
            raise typer.Exit(ExitCode.ERROR)
        chosen = [by_id[name] for name in wanted]
    else:
        chosen = list(discovery.candidates[:top])
    chosen = quoted(chosen, discovery.document, discovery.meta)
    taken: set[str] = set()
    publishers = publisher_words(discovery.meta.values())
    tables, comments = [], []
    for candidate in chosen:
        table, notes = suggest_rule(candidate, discovery.read, taken, publishers, discovery.generic, discovery.terms_of)
        tables.append(table)
        comments.append([f"{candidate.id} {candidate.kind}: {candidate.explanation}"] + notes)
    if not write_report(output, render_rules(tables, comments)):
        raise typer.Exit(ExitCode.ERROR)
    problems = load_rules(output).errors
    for problem in problems:
        _err(f"the written rules do not load: {problem}")
    if problems:
        raise typer.Exit(ExitCode.ERROR)
    typer.echo(f"{len(tables)} rules written to {output}")
    if errors:
        raise typer.Exit(ExitCode.ERROR)
