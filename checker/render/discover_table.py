"""discover's candidates for people (``recoupe discover --format table``), laid out as check's report.

One block per candidate: a header line (id, kind, score, block, sources), why it was raised
wrapped under it, then each figure as a block: as written with its period and measure word,
``file:line:col``, and its sentence wrapped to the width with the figure highlighted
(underlined by carets when colour is off). The last lines count the figures left out and why.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from checker.render.common import plural
from checker.render.table import hanging, quote_lines, relative

KIND_STYLE = {"conflict": "bold red", "attribution": "bold magenta", "evolution": "cyan", "agreement": "green"}
INDENT = 4


def figure_where(figure, cwd: str | None = None) -> str:
    """``file:line:col`` of a figure, with the page of a PDF."""
    page = f" (p. {figure.page})" if figure.page else ""
    return f"{relative(figure.source, cwd)}:{figure.line}:{figure.column}{page}"


def figure_facts(figure) -> str:
    """What a reader checks first about a figure: the time it speaks of, its measure word, a rule."""
    parts = [figure.period.label or "period unknown"]
    if figure.measure:
        parts.append(figure.measure)
    if figure.covered_by:
        parts.append(f"rule {figure.covered_by}")
    return " · ".join(parts)


def footer_lines(discovery, top: int) -> list[str]:
    """How many candidates, from how many figures, and the figures left out with their reasons."""
    shown = min(top, len(discovery.candidates))
    lines = [
        f"{plural(len(discovery.candidates), 'candidate')} ({shown} shown) from {plural(discovery.figures, 'figure')} "
        f"in {plural(discovery.documents, 'document')}; {discovery.compared} compared in "
        f"{plural(discovery.blocks, 'block')}, {plural(discovery.proposed_pairs, 'pair')} proposed; "
        f"{discovery.covered} covered by a rule"
    ]
    for reason, count in discovery.left_out:
        lines.append(f"left out: {plural(count, 'figure')}, {reason}")
    return lines


def _header(candidate) -> Text:
    line = Text.assemble((candidate.id, "bold"), "  ", (candidate.kind.upper(), KIND_STYLE.get(candidate.kind, "bold")))
    line.append(f"  score {candidate.score:.2f}  {candidate.block}", style="dim")
    line.append(f"  {plural(len(candidate.figures), 'figure')}, {plural(candidate.sources, 'source')}", style="dim")
    return line


def _figure_block(figure, number: int, width: int, color: bool, cwd: str | None) -> list[Text]:
    pad = " " * INDENT
    head = Text(f"{number:>2}. ")
    head.append(f"“{figure.quantity.text}”", style="bold")
    head.append(f"  {figure_facts(figure)}", style="italic")
    lines = [*hanging(head.plain, width, "", rest=pad)]
    if color:  # the figure in bold, as check shows a value
        lines[0].stylize("bold", 4, 4 + len(figure.quantity.text) + 2)
    lines += hanging(figure_where(figure, cwd), width, pad, "cyan")
    for line in quote_lines(figure, max(width - INDENT - 2, 20), color):
        lines.append(Text(pad + "│ ") + line)
    return lines


def render_discover_table(discovery, top: int, color: bool = False, width: int = 80, cwd: str | None = None) -> str:
    """The first ``top`` candidates at ``width`` columns; paths relative to ``cwd`` when under it."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=not color, force_terminal=color, highlight=False, emoji=False, soft_wrap=False)

    def say(text: str, indent: str = "", style: str = "", rest: str | None = None) -> None:
        for line in hanging(text, width, indent, style, rest):
            console.print(line)

    for candidate in discovery.candidates[:top]:
        console.print(_header(candidate))
        say(f"why: {candidate.explanation}", "  ", "italic", rest="       ")
        for number, figure in enumerate(candidate.figures, 1):
            for line in _figure_block(figure, number, width, color, cwd):
                console.print(line)
        console.print()
    for line in footer_lines(discovery, top):
        say(line)
    return buffer.getvalue()
