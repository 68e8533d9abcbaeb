"""``recoupe discover`` and ``recoupe rules suggest``: discovery without rules (issue 7)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.report import ExitCode


class DiscoverFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _err(message: str) -> None:
    typer.echo(f"recoupe: {message}", err=True)


def _run(paths: list[Path], rules: Optional[Path]):
    from checker.discover import discover as run_discover
    from checker.discover import load
    from checker.rules import load_rules

    loaded_rules = None
    rule_errors: list = []
    if rules is not None:  # an invalid rule is reported and left out; the others mark what they cover
        loaded = load_rules(rules)
        loaded_rules, rule_errors = list(loaded.rules), list(loaded.errors)
    documents, errors, skipped = load(paths)
    errors = [*rule_errors, *errors]
    for error in errors:
        _err(str(error))
    for item in skipped:
        _err(f"warning: {item}")
    return run_discover(documents, loaded_rules), errors


def _where(found) -> str:
    claim = found.claim
    page = f" (p. {claim.page})" if claim.page else ""
    return f"{claim.source}:{claim.line}:{claim.column}{page}"


def _claim_dict(found) -> dict[str, object]:
    claim = found.claim
    q = claim.quantity
    return {
        "source": claim.source, "line": claim.line, "column": claim.column, "page": claim.page,
        "text": q.text, "kind": q.kind, "value": q.value, "unit": q.unit, "low": q.low, "high": q.high,
        "qualifier": q.qualifier, "noun": q.noun, "quote": claim.quote, "measure": claim.measure,
        "covered_by": found.covered_by,
    }


def render_json(discovery, top: int) -> str:
    return json.dumps({
        "figures": discovery.figures, "documents": discovery.documents, "blocks": discovery.blocks,
        "compared_pairs": discovery.compared_pairs, "covered": discovery.covered,
        "candidates": [
            {
                "id": c.id, "kind": c.kind, "score": round(c.score, 4), "block": c.block,
                "similarity": round(c.similarity, 4), "gap": round(c.gap, 4), "sources": c.sources,
                "shared_keywords": [f.surface for f in c.shared[:8]], "subjects": list(c.subjects),
                "explanation": c.explanation, "claims": [_claim_dict(f) for f in c.claims],
            }
            for c in discovery.candidates[:top]
        ],
    }, ensure_ascii=False, indent=2) + "\n"


def _covered(found) -> str:
    return f"  [rule {found.covered_by}]" if found.covered_by else ""


def render_table(discovery, top: int) -> str:
    lines = []
    for c in discovery.candidates[:top]:
        lines.append(f"{c.id}  {c.kind.upper()}  score {c.score:.2f}  [{c.block}]")
        lines.append(f"    why: {c.explanation}")
        for found in c.claims:
            lines.append(f"    - '{found.claim.quantity.text}'  {_where(found)}{_covered(found)}")
            lines.append(f"      « {found.claim.quote} »")
        lines.append("")
    lines.append(
        f"{len(discovery.candidates)} candidates ({min(top, len(discovery.candidates))} shown) from {discovery.figures} figures "
        f"in {discovery.documents} documents; {discovery.blocks} blocks, {discovery.compared_pairs} pairs compared; "
        f"{discovery.covered} figures covered by a rule"
    )
    return "\n".join(lines) + "\n"


def render_markdown(discovery, top: int) -> str:
    lines = ["# recoupe discover", ""]
    for c in discovery.candidates[:top]:
        lines.append(f"## {c.id} · {c.kind} · score {c.score:.2f}")
        lines.append("")
        lines.append(c.explanation)
        lines.append("")
        for found in c.claims:
            covered = f" (rule `{found.covered_by}`)" if found.covered_by else ""
            lines.append(f"- **{found.claim.quantity.text}** `{_where(found)}`{covered}")
            lines.append(f"  > {found.claim.quote}")
        lines.append("")
    lines.append(f"{len(discovery.candidates)} candidates from {discovery.figures} figures in {discovery.documents} documents.")
    return "\n".join(lines) + "\n"


def discover(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.", show_default=False)],
    rules: Annotated[Optional[Path], typer.Option("--rules", "-r", help="Rule file or folder: figures they cover are marked.", show_default=False)] = None,
    output_format: Annotated[DiscoverFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = DiscoverFormat.table,
    top: Annotated[int, typer.Option("--top", "-n", help="How many candidates to show.", min=1)] = 20,
) -> None:
    """Without rules: rank candidate conflicts, double attributions and agreements across the documents.

    Exit codes: 0 (exploratory, whatever is found); 2 a document or rule file could not be read.
    """
    discovery, errors = _run(paths, rules)
    renderer = {"table": render_table, "json": render_json, "markdown": render_markdown}[output_format.value]
    sys.stdout.write(renderer(discovery, top))
    if errors:
        raise typer.Exit(ExitCode.ERROR)


def suggest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Rule file to write (TOML, atomically).")],
    pick: Annotated[Optional[str], typer.Option("--pick", help="Candidate ids, e.g. C1,C3.", show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="Without --pick: the first N candidates.", min=1)] = 5,
) -> None:
    """Write a rule file with one rule per chosen candidate of 'recoupe discover', ready to edit.

    The written rules load and pass their own examples (checked after writing).
    Exit codes: 0 written; 2 input error, unknown candidate id, or a rule that fails to load.
    """
    from checker.discover import render_rules, suggest_rule
    from checker.rules import load_rules
    from cli.main import write_atomic

    discovery, errors = _run(paths, None)
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
    taken: set[str] = set()
    tables, comments = [], []
    for candidate in chosen:
        table, notes = suggest_rule(discovery, candidate, taken)
        tables.append(table)
        comments.append([f"{candidate.id} {candidate.kind}: {candidate.explanation}"] + notes)
    write_atomic(output, render_rules(tables, comments))
    problems = load_rules(output).errors
    for problem in problems:
        _err(f"the written rules do not load: {problem}")
    if problems:
        raise typer.Exit(ExitCode.ERROR)
    typer.echo(f"{len(tables)} rules written to {output}")
    if errors:
        raise typer.Exit(ExitCode.ERROR)
