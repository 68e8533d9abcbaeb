"""SARIF 2.1.0 for code scanning: one result per conflict, its claims as locations."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.bind import Claim
from checker.compare import Finding
from checker.errors import RecoupeError
from checker.pipeline import Report
from checker.render.common import claim_end, claim_label, posix_path, sorted_errors
from checker.rules import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/recoupe/recoupe"  # as in schemas/recoupe-rules.schema.json
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
FINGERPRINT_KEY = "recoupeConflict/v1"


def artifact_uri(source: str) -> str:
    """A relative path stays relative (forward slashes, percent-encoded); an absolute one becomes file://."""
    for flavour in (PurePosixPath, PureWindowsPath):
        if flavour(source).is_absolute():
            return flavour(source).as_uri()
    return quote(posix_path(source))


def location(claim: Claim) -> dict[str, Any]:
    end_line, end_column = claim_end(claim)
    region = {"startLine": claim.line, "startColumn": claim.column, "endColumn": end_column}
    if end_line != claim.line:
        region["endLine"] = end_line
    region["snippet"] = {"text": claim.quantity.text}
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(claim.source)}, "region": region}}


def fingerprint(finding: Finding) -> str:
    """Stable across line moves: rule, values, file names and quotes, never line numbers."""
    claims = sorted(
        [q.value, q.low, q.high, q.unit, PurePosixPath(posix_path(c.source)).name, hashlib.sha256(c.quote.encode()).hexdigest()]
        for c in finding.claims
        for q in [c.quantity]
    )
    payload = json.dumps([finding.rule.id, claims], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description.strip() or rule.title},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": sorted({"recoupe", "figures", rule.kind})},
    }


def result(finding: Finding, rule_index: int) -> dict[str, Any]:
    rule = finding.rule
    named = "; ".join(claim_label(rule, claim) for claim in finding.claims)
    return {
        "ruleId": rule.id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": f"{rule.title}: sources disagree ({finding.severity}, gap {finding.gap:.1%}): {named}"},
        "locations": [location(finding.claims[0])],
        "relatedLocations": [
            {"id": number, **location(claim), "message": {"text": claim_label(rule, claim)}}
            for number, claim in enumerate(finding.claims[1:], 1)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
    }


def notification(error: RecoupeError) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(error.path)}}
    if error.line is not None:
        physical["region"] = {"startLine": error.line, **({"startColumn": error.column} if error.column else {})}
    return {"level": "error", "message": {"text": error.message}, "locations": [{"physicalLocation": physical}]}


def report_to_sarif(report: Report) -> dict[str, Any]:
    rules = sorted({finding.rule.id: finding.rule for finding in report.findings}.values(), key=lambda rule: rule.id)
    index = {rule.id: number for number, rule in enumerate(rules)}
    conflicts = sorted(report.conflicts, key=lambda finding: finding.rule.id)
    errors = sorted_errors(report)
    driver = {"name": "recoupe", "version": __version__, "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules]}
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": [notification(e) for e in errors]}],
        "columnKind": "unicodeCodePoints",
        "results": [result(finding, index[finding.rule.id]) for finding in conflicts],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"
