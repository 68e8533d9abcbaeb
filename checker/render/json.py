"""The JSON document of a check: one object, versioned by ``schema_version``."""

from __future__ import annotations

from typing import Any

from checker.bind import Claim
from checker.compare import Finding
from checker.pipeline import Report, no_cycle_collection
from checker.render.layout import dumps_indented

SCHEMA_VERSION = "1.2"


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
    }
    return data


def _finding_to_dict(finding: Finding) -> dict[str, Any]:
    index = {id(claim): number for number, claim in enumerate(finding.claims)}  # claims are referred to by position
    return {
        "rule": finding.rule.id,
        "title": finding.rule.title,
        "kind": finding.rule.kind,
        "unit": finding.rule.unit,
        "verdict": finding.verdict,
        "severity": finding.severity,
        "gap": round(finding.gap, 6),
        "claims": [claim_to_dict(claim) for claim in finding.claims],
        "evolutions": [{"earlier": index[id(earlier)], "later": index[id(later)]} for earlier, later in finding.evolutions],
        "reference": index[id(finding.reference)] if finding.reference is not None else None,
        "deviating": [index[id(claim)] for claim in finding.deviating],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
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
        "findings": [_finding_to_dict(finding) for finding in report.findings],
        "near_misses": [
            {"rule": m.rule, "source": m.source, "line": m.line, "column": m.column, "text": m.text, "reason": m.reason}
            for m in report.near_misses
        ],
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
        return dumps_indented(report_to_dict(report)) + "\n"
