"""The human view of a check: one table per subject, conflicts first, with highlighted quotes."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.period import Period
from checker.pipeline import Report
from checker.render.common import display_value, finding_notes, quote_window

_VERDICT_STYLE = {"conflict": "bold red", "consistent": "green", "evolution": "cyan", "single": "dim"}


def summary_line(report: Report) -> str:
    conflicts = len(report.conflicts)
    return (
        f"{len(report.documents)} documents read, {report.figures} figures found, "
        f"{report.bound} bound to a rule, {conflicts} conflict{'s' if conflicts != 1 else ''}"
        + (f", {len(report.errors)} error{'s' if len(report.errors) != 1 else ''}" if report.errors else "")
        + (f", {len(report.skipped)} skipped" if report.skipped else "")
    )


def where(claim) -> str:
    """source:line:column, the page of a PDF, and on a second line who published it and when."""
    text = f"{claim.source}:{claim.line}:{claim.column}"
    if claim.page is not None:
        text += f" (p. {claim.page})"
    label = claim.source_meta.label(publisher_width=16) if claim.source_meta is not None else ""
    return text + "\n" + label if label else text


def period_words(period: Period) -> str:
    """A period as --explain names it: ``2021``, ``2028 (target)``, ``2021 to 2025-11-12``, ``unknown``."""
    when = period.when or "unknown"
    text = f"{period.since} to {when}" if period.since else when
    return text + " (target)" if period.target else text


def render_table(report: Report, color: bool = True, width: int = 120, explain: bool = False, show_single: bool = True) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=not color, force_terminal=color, highlight=False, emoji=False)
    for finding in report.findings:
        if finding.verdict == "single" and not show_single:
            continue
        verdict = finding.verdict.upper()
        if finding.verdict == "conflict":
            verdict += f" ({finding.severity})"
        title = Text.assemble((verdict, _VERDICT_STYLE[finding.verdict]), "  ", (finding.rule.id, "bold"), f"  {finding.rule.title}")
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("as written", no_wrap=True)
        table.add_column("value", no_wrap=True)
        table.add_column("measure")
        table.add_column("where", no_wrap=True)
        table.add_column("quote", ratio=1)
        for claim in finding.claims:
            before, figure, after = quote_window(claim)
            quote = Text.assemble(before, (figure, "bold yellow"), after)
            table.add_row(
                claim.quantity.text, display_value(finding.rule, claim), claim.measure or "",
                where(claim), quote,
            )
        console.print(table)
        for line in finding_notes(finding):
            console.print(Text(f"  {line}", style="italic"), soft_wrap=True)
        if explain:
            for claim in finding.claims:
                reasons = "; ".join(
                    f"{e.role} {e.pattern!r} matched '{e.matched}' at {e.line}:{e.column} (same {e.scope})" for e in claim.evidence
                )
                console.print(Text(f"  {claim.source}:{claim.line}:{claim.column} bound because {reasons}", style="dim"), soft_wrap=True)
                if claim.period is not None:
                    console.print(Text(f"    period {period_words(claim.period)}: {claim.period.reason}", style="dim"), soft_wrap=True)
    if explain and report.near_misses:
        console.print(Text("Near misses (figures of the right kind near a subject, left out):", style="bold"))
        for miss in report.near_misses:
            console.print(f"  {miss.rule}: {miss.source}:{miss.line}:{miss.column} '{miss.text}': {miss.reason}")
    for error in report.errors:
        console.print(Text(f"error: {error}", style="red"))
    for skipped in report.skipped:
        console.print(Text(f"warning: {skipped}", style="yellow"))
    console.print(summary_line(report))
    return buffer.getvalue()
