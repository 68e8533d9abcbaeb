"""Helpers shared by renderers: how a claim's value reads in its rule's display unit."""

from __future__ import annotations

from pathlib import Path

from checker.display import number

from checker.binding.bind import Claim
from checker.comparison.compare import Finding, Step, disagreeing
from checker.comparison.intervals import bounds
from checker.errors import RecoupeError
from checker.running.pipeline import Report
from checker.binding.rules import Rule

QUOTE_CONTEXT = 60  # characters of the sentence kept on each side of the figure


def plural(count: int, noun: str) -> str:
    """``1 rule``, ``2 rules``, ``0 conflicts``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


display_number = number  # French style: checker.display


def display_value(rule: Rule, claim: Claim) -> str:
    quantity = claim.quantity
    scale = rule.display_scale
    unit = rule.unit or quantity.unit
    prefix = {"at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}.get(quantity.qualifier, "")
    if quantity.qualifier == "range" and quantity.low is not None and quantity.high is not None:
        return f"{display_number(quantity.low / scale)}–{display_number(quantity.high / scale)} {unit}"
    return f"{prefix}{display_number(quantity.value / scale)} {unit}".strip()


def quote_window(claim: Claim) -> tuple[str, str, str]:
    """(before, figure, after) of the claim's sentence, trimmed around the figure."""
    quote = claim.quote
    start = max(claim.quote_offset, 0)
    end = min(start + len(claim.quantity.text), len(quote))
    before = quote[:start]
    after = quote[end:]
    if len(before) > QUOTE_CONTEXT:
        before = "…" + before[-QUOTE_CONTEXT:].lstrip()
    if len(after) > QUOTE_CONTEXT:
        after = after[:QUOTE_CONTEXT].rstrip() + "…"
    return before, quote[start:end], after


def posix_path(source: str) -> str:
    """A source path with forward slashes, as annotations and SARIF URIs want it."""
    return source.replace("\\", "/")


def sorted_errors(report: Report) -> list[RecoupeError]:
    """The report's tool errors in a stable order: by path, line, column, message."""
    return sorted(report.errors, key=lambda e: (e.path, e.line or 0, e.column or 0, e.message))


def claim_end(claim: Claim) -> tuple[int, int]:
    """(line, column) just after the claim's figure, which may run over a line break."""
    text = claim.quantity.text
    if "\n" not in text:
        return claim.line, claim.column + len(text)
    return claim.line + text.count("\n"), len(text) - text.rfind("\n")


def claim_label(rule: Rule, claim: Claim) -> str:
    """How a message names a claim: as written, its value, where."""
    return f"'{claim.quantity.text}' ({display_value(rule, claim)}) at {claim.source}:{claim.line}"


def _short(claim: Claim) -> str:
    return f"'{claim.quantity.text}' ({Path(claim.source).name}:{claim.line})"


def finding_notes(finding: Finding) -> list[str]:
    """Sentences under a subject: the reference source, who deviates from it, what grew over time."""
    notes: list[str] = []
    if finding.reference is not None:
        meta = finding.reference.source_meta
        who = (meta.publisher if meta is not None and meta.publisher else Path(finding.reference.source).name)
        authority = meta.authority if meta is not None and meta.authority else "most authoritative"
        notes.append(f"reference: {_short(finding.reference)}, {who} ({authority})")
        if finding.deviating:
            notes.append("deviating from the reference: " + ", ".join(_short(claim) for claim in finding.deviating))
        elif finding.verdict == "conflict":
            notes.append("no claim deviates from the reference; the others disagree among themselves")
    notes.extend(conflict_pairs(finding))
    line = timeline_line(finding)
    if line:
        notes.append(line)
    for earlier, later in finding.evolutions:
        notes.append(f"evolution, not a conflict: {_short(earlier)} {_of(earlier)} became {_short(later)} {_of(later)}")
    for placement in finding.placements:
        notes.append(f"{_short(placement.claim)}: {placement.reason}" + ("" if placement.fits else " (a conflict)"))
    return notes


SHOWN_PAIRS = 3  # the widest disagreements a conflict names; the others are counted


def conflict_pairs(finding: Finding) -> list[str]:
    """Which claims a conflict is made of: its widest disagreements first, each pair once."""
    if finding.verdict != "conflict":
        return []
    tolerance = finding.rule.tolerance
    pairs = sorted(disagreeing(finding), key=lambda pair: -bounds(pair[0], tolerance).gap(bounds(pair[1], tolerance)))
    notes = [f"conflict: {_short(first)} {_of(first)} against {_short(second)} {_of(second)}" for first, second in pairs[:SHOWN_PAIRS]]
    if len(pairs) > SHOWN_PAIRS:
        notes.append(f"and {len(pairs) - SHOWN_PAIRS} more disagreeing pair{'s' if len(pairs) - SHOWN_PAIRS > 1 else ''}")
    return notes


def _of(claim: Claim) -> str:
    """"of 2021", "(before 2022-06-10)": a claim's period in a sentence about an evolution."""
    period = claim.period
    return f"({period.label})" if period is not None and period.origin == "compared" else f"of {_when(claim)}"


def _when(claim: Claim) -> str:
    period = claim.period
    if period is not None and period.origin == "compared":
        return period.label  # "before 2022-06-10": the start of a change the text states
    return period.when if period is not None and period.when else "date unknown"


def step_value(rule: Rule, step: Step) -> str:
    """What the claims of one period say, in the rule's display unit: one value, or their span."""
    values = sorted({display_value(rule, claim) for claim in step.claims})
    return values[0] if len(values) == 1 else " / ".join(values)


def timeline_line(finding: Finding) -> str | None:
    """``timeline: 2024-01-18 148 projets (1 source) → 2025-11-12 ≈ 350 projets (3 sources)``,
    when the claims speak of more than one period."""
    steps = finding.timeline
    if len(steps) < 2:
        return None
    parts = []
    for step in steps:
        sources = len({claim.source for claim in step.claims})
        value = step_value(finding.rule, step).replace(" / ", "\0").replace(" ", "\u00a0").replace("\0", " / ")
        parts.append(f"{step.label} {value} ({plural(sources, 'source')})")  # a value is never cut by wrapping
    return "timeline: " + " → ".join(parts)
