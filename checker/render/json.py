"""The JSON document of a check: one object, versioned by ``schema_version``."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from checker.binding.bind import Claim
from checker.running.collector import no_cycle_collection
from checker.comparison.compare import Finding
from checker.binding.period import Period
from checker.running.pipeline import Report
from checker.jsonlayout import Laid, Streamed, dumps_indented, value_text, write_indented

SCHEMA_VERSION = "1.5"


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    data: dict[str, Any] = {"source": claim.source, "line": claim.line, "column": claim.column, "page": claim.page}
    data.update(claim.quantity.as_dict())
    data["quote"] = claim.quote
    data["measure"] = claim.measure
    data["evidence"] = [
        {"role": e.role, "pattern": e.pattern, "matched": e.matched, "line": e.line, "column": e.column, "scope": e.scope}
        for e in claim.evidence
    ]
    data["source_meta"] = claim.source_meta.as_dict() if claim.source_meta is not None else None
    period = claim.period
    data["period"] = None if period is None else {
        "when": period.when, "label": period.label, "origin": period.origin, "target": period.target,
        "since": period.since, "reason": period.reason,
    }
    data["implied_unit"] = claim.implied_unit
    return data


def _laid_claim(claim: Claim) -> Laid:
    """``claim_to_dict(claim)`` laid out by ``dumps_indented``, written field by field.

    Claims are most of a report (a million values for 25 MB of text): building a dict of each and
    walking it took a tenth of a check. The same text, field for field (tests/render/test_render_claims.py).
    """
    period = claim.period
    quantity = "".join(f'\n  {value_text(key)}: {value_text(value, _INNER)},' for key, value in claim.quantity.as_dict().items())
    evidence = ",".join(
        f'\n    {{\n      "role": {value_text(e.role)},\n      "pattern": {value_text(e.pattern)},\n      "matched": {value_text(e.matched)},'
        f'\n      "line": {value_text(e.line)},\n      "column": {value_text(e.column)},\n      "scope": {value_text(e.scope)}\n    }}'
        for e in claim.evidence
    )
    return Laid(
        f'{{\n  "source": {value_text(claim.source)},\n  "line": {value_text(claim.line)},\n  "column": {value_text(claim.column)},'
        f'\n  "page": {value_text(claim.page)},{quantity}\n  "quote": {value_text(claim.quote)},\n  "measure": {value_text(claim.measure)},'
        f'\n  "evidence": {"[" + evidence + _INNER + "]" if evidence else "[]"},'
        f'\n  "source_meta": {value_text(claim.source_meta.as_dict() if claim.source_meta is not None else None, _INNER)},'
        f'\n  "period": {"null" if period is None else _laid_period(period)},'
        f'\n  "implied_unit": {value_text(claim.implied_unit)}\n}}'
    )


_INNER = "\n  "


def _laid_period(period: Period) -> str:
    return (
        f'{{\n    "when": {value_text(period.when)},\n    "label": {value_text(period.label)},'
        f'\n    "origin": {value_text(period.origin)},\n    "target": {value_text(period.target)},'
        f'\n    "since": {value_text(period.since)},\n    "reason": {value_text(period.reason)}\n  }}'
    )


def _finding_to_dict(finding: Finding, claim_value=claim_to_dict, listing: Callable[[Iterable[Any]], Any] = list) -> dict[str, Any]:
    index = {id(claim): number for number, claim in enumerate(finding.claims)}  # claims are referred to by position
    return {
        "rule": finding.rule.id,
        "title": finding.rule.title,
        "kind": finding.rule.kind,
        "unit": finding.rule.unit,
        "verdict": finding.verdict,
        "severity": finding.severity,
        "gap": round(finding.gap, 6),
        "claims": listing(claim_value(claim) for claim in finding.claims),
        "evolutions": [{"earlier": index[id(earlier)], "later": index[id(later)]} for earlier, later in finding.evolutions],
        "reference": index[id(finding.reference)] if finding.reference is not None else None,
        "deviating": [index[id(claim)] for claim in finding.deviating],
        "timeline": {
            "mode": finding.rule.timeline,
            "steps": [
                {
                    "when": step.when, "label": step.label, "target": step.target,
                    "claims": [index[id(claim)] for claim in step.claims],
                    "low": _finite(step.low), "high": _finite(step.high),
                }
                for step in finding.timeline
            ],
        },
        "placements": [
            {"claim": index[id(p.claim)], "fits": p.fits, "reason": p.reason} for p in finding.placements
        ],
    }


def _finite(value: float) -> float | None:
    """An interval's end for JSON: an unbounded end is null, as a claim's ``low`` and ``high``."""
    return value if math.isfinite(value) else None


def report_to_dict(report: Report, claim_value=claim_to_dict, listing: Callable[[Iterable[Any]], Any] = list) -> dict[str, Any]:
    """The JSON document as values; ``claim_value`` makes each claim's (render_json: laid out);
    ``listing`` makes the lists of findings and near misses (write_json: ``Streamed``, made as
    they are written)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": {
            "documents": len(report.documents),
            "figures": report.figures,
            "bound": report.bound,
            "conflicts": len(report.conflicts),
            "errors": len(report.errors),
            "skipped": len(report.skipped),
        },
        "findings": listing(_finding_to_dict(finding, claim_value, listing) for finding in report.findings),
        "near_misses": listing(
            {"rule": m.rule, "source": m.source, "line": m.line, "column": m.column, "text": m.text, "reason": m.reason}
            for m in report.near_misses
        ),
        "documents": [
            {
                "source": d.source, "figures": d.figures, "bound": d.bound, "pages": d.pages,
                "source_meta": d.meta.as_dict() if d.meta is not None else None,
            }
            for d in report.documents
        ],
        "skipped": [{"source": s.path, "reason": s.reason} for s in report.skipped],
        "errors": [
            {"source": e.path, "line": e.line, "column": e.column, "message": e.message, "type": type(e).__name__}
            for e in report.errors
        ],
    }


def render_json(report: Report) -> str:
    with no_cycle_collection():
        return dumps_indented(report_to_dict(report, _laid_claim)) + "\n"


def write_json(report: Report, write: Callable[[str], object]) -> None:
    """``render_json(report)`` given to ``write`` a claim and a near miss at a time: the text of
    a large corpus's report (as large as the corpus) is never all in memory, nor a whole finding's."""
    with no_cycle_collection():
        write_indented(report_to_dict(report, _laid_claim, Streamed), write)
    write("\n")
