"""The human view of a check (``--format table``), laid out as the best diagnostics show one problem in several places.

One block per subject: a header line (verdict, severity, rule id) and its title, then each claim
as a block of its own: the value normalised and as written with its measure word, ``file:line:col``
with who published it, when and with what authority, the period it speaks of, and its sentence
wrapped to the width with the figure highlighted (underlined with carets when colour is off).
Nothing is a table column, so nothing collapses at 80 columns and a wide terminal is used whole.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from checker.binding.bind import Claim
from checker.comparison.compare import Finding
from checker.running.pipeline import Report
from checker.binding.period import Period
from checker.render.common import display_value, finding_notes, plural
from checker.running.spool import heads

VERDICT_STYLE = {"conflict": "bold red", "consistent": "green", "evolution": "cyan", "single": "dim"}
FIGURE_STYLE = "bold yellow underline"
INDENT = 4  # where a claim's lines start, under its number
QUOTE_LIMIT = 480  # characters of a sentence shown around its figure; longer ones are cut with …


def relative(source: str, cwd: str | None) -> str:
    """A source path relative to the current folder when it lies under it, else as given."""
    if cwd is None or not os.path.isabs(source):
        return source
    try:
        return str(Path(source).relative_to(cwd))
    except ValueError:
        return source


def where(claim: Claim, cwd: str | None = None) -> str:
    """``file:line:col`` of a claim, with the page of a PDF."""
    text = f"{relative(claim.source, cwd)}:{claim.line}:{claim.column}"
    return text + (f" (p. {claim.page})" if claim.page is not None else "")


def who(claim: Claim) -> str:
    """Publisher · date · authority, as the source says (publisher in full: lines wrap)."""
    return claim.source_meta.label() if claim.source_meta is not None else ""


def period_label(claim: Claim) -> str:
    period = claim.period
    if period is None or period.when is None:
        return f"period: {period.label}" if period is not None and period.origin == "compared" else "period unknown"
    kind = "objective" if period.target else "period"
    return f"{kind} {period.when}" + (f" ({period.label})" if period.origin == "text" and period.label != period.when else "")


def quote_excerpt(claim: Claim, limit: int = QUOTE_LIMIT) -> tuple[str, int, int]:
    """The claim's sentence, cut to ``limit`` characters around the figure; the figure's span in it."""
    quote, start = claim.quote, max(claim.quote_offset, 0)
    end = min(start + len(claim.quantity.text), len(quote))
    if len(quote) <= limit:
        return quote, start, end
    side = max((limit - (end - start)) // 2, 20)
    left, right = max(start - side, 0), min(end + side, len(quote))
    before = ("…" + quote[left:start].lstrip()) if left else quote[:start]
    after = quote[end:right].rstrip() + ("…" if right < len(quote) else "")
    return before + quote[start:end] + after, len(before), len(before) + end - start


def wrap(text: str, width: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` wrapped at spaces to ``width`` cells (a word
    longer than a line is cut)."""
    start, length = 0, len(text)
    while start < length:
        end, cells, last_space = start, 0, -1
        while end < length and cells + cell_len(text[end]) <= width:
            if text[end] == " ":
                last_space = end
            cells += cell_len(text[end])
            end += 1
        if end < length and last_space > start:
            end = last_space
        yield start, end
        start = end
        while start < length and text[start] == " ":
            start += 1


def quote_lines(claim: Claim, width: int, color: bool) -> list[Text]:
    """The sentence wrapped to ``width`` with the figure highlighted, or underlined by carets."""
    text, figure_start, figure_end = quote_excerpt(claim)
    text = " ".join(text.split("\n"))
    lines: list[Text] = []
    for start, end in wrap(text, width):
        line = Text(text[start:end])
        low, high = max(figure_start, start), min(figure_end, end)
        if low < high:
            if color:
                line.stylize(FIGURE_STYLE, low - start, high - start)
                lines.append(line)
            else:
                lines.append(line)
                lead = cell_len(text[start:low])
                lines.append(Text(" " * lead + "^" * max(cell_len(text[low:high]), 1)))
        else:
            lines.append(line)
    return lines


def claim_block(finding: Finding, claim: Claim, number: int, width: int, color: bool, cwd: str | None) -> list[Text]:
    rule = finding.rule
    pad = " " * INDENT
    head = Text(f"{number:>2}. ")
    head.append(display_value(rule, claim), style="bold")
    head.append(f"  “{claim.quantity.text}”")
    if claim.measure:
        head.append(f"  {claim.measure}", style="italic")
    if claim.implied_unit:
        head.append(f"  (unit from the rule: {claim.implied_unit})", style="dim")
    elif claim.quantity.inferred:
        head.append(f"  (unit inferred: {claim.quantity.inferred})", style="dim")
    if finding.reference is claim:
        head.append("  reference", style="bold green")
    elif claim in finding.deviating:
        head.append("  deviates from the reference", style="red")
    lines = [head, *hanging(where(claim, cwd), width, pad, "cyan")]
    details = " · ".join(part for part in (who(claim), period_label(claim)) if part)
    lines += hanging(details, width, pad, "dim")
    for line in quote_lines(claim, max(width - INDENT - 2, 20), color):
        lines.append(Text(pad + "│ ") + line)
    return lines


def hanging(text: str, width: int, indent: str, style: str = "", rest: str | None = None) -> list[Text]:
    """``text`` wrapped to ``width``, each line after ``indent`` (the next ones after ``rest``)."""
    rest = indent + "  " if rest is None else rest
    lines = []
    for number, (start, end) in enumerate(wrap(text, max(width - len(rest), 20))):
        lines.append(Text((indent if number == 0 else rest) + text[start:end], style=style))
    return lines


def header(finding: Finding) -> Text:
    verdict = finding.verdict.upper() + (f" ({finding.severity})" if finding.verdict == "conflict" else "")
    line = Text.assemble((verdict, VERDICT_STYLE[finding.verdict]), "  ", (finding.rule.id, "bold"))
    sources = len({claim.source for claim in finding.claims})
    line.append(f"  {plural(len(finding.claims), 'claim')}, {plural(sources, 'source')}", style="dim")
    return line


def summary_line(report: Report) -> str:
    """The coverage line every format ends with."""
    parts = [
        plural(len(report.documents), "document") + " read", plural(report.figures, "figure") + " found",
        f"{report.bound} bound to a rule", plural(len(report.conflicts), "conflict"),
    ]
    evolutions = sum(1 for finding in heads(report.findings) if finding.verdict == "evolution")
    if evolutions:
        parts.append(plural(evolutions, "evolution"))
    if report.errors:
        parts.append(plural(len(report.errors), "error"))
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    return ", ".join(parts)


def render_table(report: Report, color: bool = True, width: int = 80, explain: bool = False, cwd: str | None = None, messages: bool = True) -> str:
    """The report for people, at ``width`` columns; paths relative to ``cwd`` when under it;
    ``messages``: with its errors and warnings (not when they are said on stderr already)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=not color, force_terminal=color, highlight=False, emoji=False, soft_wrap=False)

    def say(text: str, indent: str = "", style: str = "") -> None:
        for line in hanging(text, width, indent, style):
            console.print(line)

    singles = [finding for finding in report.findings if finding.verdict == "single"]
    for finding in report.findings:
        if finding.verdict == "single":
            continue
        console.print(header(finding))
        say(finding.rule.title, style="bold")
        for number, claim in enumerate(finding.claims, 1):
            for line in claim_block(finding, claim, number, width, color, cwd):
                console.print(line)
        for note in finding_notes(finding):
            say(note, "  ", "italic")
        for explained in explain_lines(finding, cwd) if explain else ():
            say(explained, "  ", "dim")
        console.print()
    if singles:
        say(f"Stated by one source only ({plural(len(singles), 'subject')}):", style="bold")
        for finding in singles:
            (claim,) = finding.claims
            say(f"{finding.rule.id}  {display_value(finding.rule, claim)}  “{claim.quantity.text}”  {where(claim, cwd)}", "  ")
            for explained in explain_lines(finding, cwd) if explain else ():
                say(explained, "    ", "dim")
        console.print()
    if explain and report.near_misses:
        say("Near misses (figures of the right kind near a subject, left out):", style="bold")
        for miss in report.near_misses:
            say(f"{miss.rule}: {relative(miss.source, cwd)}:{miss.line}:{miss.column} '{miss.text}': {miss.reason}", "  ")
        console.print()
    for error in report.errors if messages else ():
        say(f"error: {error}", style="red")
    for skipped in report.skipped if messages else ():
        say(f"warning: {skipped}", style="yellow")
    say(summary_line(report))
    return buffer.getvalue()


def explain_lines(finding: Finding, cwd: str | None = None) -> list[str]:
    """Why each claim was bound (the patterns that matched) and why it got its period."""
    lines = []
    for claim in finding.claims:
        reasons = "; ".join(
            f"{e.role} '{e.pattern}' matched '{e.matched}' at {e.line}:{e.column} (same {e.scope})" for e in claim.evidence
        )
        lines.append(f"{where(claim, cwd)} bound because {reasons}")
        if claim.period is not None:
            lines.append(f"  period {period_words(claim.period)}: {claim.period.reason}")
    return lines


def period_words(period: Period) -> str:
    """A period as --explain names it: ``2021``, ``2028 (target)``, ``2021 to 2025-11-12``, ``unknown``."""
    when = period.when or "unknown"
    text = f"{period.since} to {when}" if period.since else when
    return text + " (target)" if period.target else text
