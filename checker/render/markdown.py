"""A Markdown report for a pull-request comment or a job summary: one table per subject."""

from __future__ import annotations

import re

from checker.comparison.compare import Finding
from checker.running.pipeline import Report
from checker.render.common import display_value, finding_notes, quote_window, sorted_errors
from checker.render.table import summary_line
from checker.running.spool import ordered

_SPECIAL = "\\`*_[]<>|#"


def escape(text: str) -> str:
    """Inline text that Markdown shows as written: specials backslashed, one line."""
    text = re.sub(r"\s+", " ", text)
    return "".join("\\" + char if char in _SPECIAL else char for char in text)


def subject(finding: Finding) -> list[str]:
    rule = finding.rule
    verdict = finding.verdict.upper() + (f" ({finding.severity})" if finding.verdict == "conflict" else "")
    lines = [
        f"### {verdict}: {escape(rule.id)} — {escape(rule.title)}",
        "",
        "| as written | value | measure | where | quote |",
        "| --- | --- | --- | --- | --- |",
    ]
    for claim in finding.claims:
        before, figure, after = quote_window(claim)
        quote = f"{escape(before)}**{escape(figure)}**{escape(after)}"
        where = escape(f"{claim.source}:{claim.line}:{claim.column}")
        cells = [escape(claim.quantity.text), escape(display_value(rule, claim)), escape(claim.measure or ""), where, quote]
        lines.append("| " + " | ".join(cells) + " |")
    notes = finding_notes(finding)
    if notes:
        lines.append("")
        lines += [f"- {escape(note)}" for note in notes]
    return lines + [""]


def render_markdown(report: Report) -> str:
    lines = ["## recoupe: figures cross-checked", "", escape(summary_line(report)), ""]
    for finding in ordered(report.findings):  # each read back as it is written (checker.running.spool)
        lines += subject(finding)
    errors = sorted_errors(report)
    if errors:
        lines += ["### Errors", ""]
        lines += [f"- {escape(str(error))}" for error in errors]
        lines.append("")
    if report.skipped:
        lines += ["### Skipped (warnings)", ""]
        lines += [f"- {escape(str(skipped))}" for skipped in report.skipped]
        lines.append("")
    return "\n".join(lines)
