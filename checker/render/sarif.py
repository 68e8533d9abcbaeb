"""SARIF 2.1.0 for code scanning: one result per conflict, its claims as locations."""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.binding.bind import Claim
from checker.comparison.compare import Finding
from checker.errors import RecoupeError
from checker.running.pipeline import Report
from checker.render.common import claim_end, claim_label, posix_path, sorted_errors, timeline_line
from checker.jsonlayout import Streamed, write_indented
from checker.render.table import summary_line
from checker.binding.rules import Rule
from checker.running.spool import heads

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/recoupe/recoupe"  # as in schemas/recoupe-rules.schema.json
LEVELS = {"high": "error", "medium": "warning", "low": "note"}
FINGERPRINT_KEY = "recoupeConflict/v1"
SRCROOT = "%SRCROOT%"  # the repository's top, which artifact URIs are relative to


def artifact_location(source: str, root: str | None = None) -> dict[str, Any]:
    """Where a document is, for code scanning: relative to ``root`` (the repository's top, named
    by ``%SRCROOT%``) when it lies under it; else a relative path as given, or an absolute one as
    a file:// URI. A relative ``source`` is taken as relative to ``root`` already (see
    ``report_to_sarif``'s ``cwd``)."""
    for flavour in (PurePosixPath, PureWindowsPath):
        path = flavour(source)
        if path.is_absolute():
            if root is not None:
                try:
                    return {"uri": quote(path.relative_to(root).as_posix()), "uriBaseId": SRCROOT}
                except ValueError:
                    pass
            return {"uri": path.as_uri()}
    if root is not None:
        return {"uri": quote(posixpath.normpath(posix_path(source))), "uriBaseId": SRCROOT}
    return {"uri": quote(posix_path(source))}


def location(claim: Claim, root: str | None = None) -> dict[str, Any]:
    end_line, end_column = claim_end(claim)
    region = {"startLine": claim.line, "startColumn": claim.column, "endColumn": end_column}
    if end_line != claim.line:
        region["endLine"] = end_line
    region["snippet"] = {"text": claim.quantity.text}
    return {"physicalLocation": {"artifactLocation": artifact_location(claim.source, root), "region": region}}


def fingerprint(finding: Finding) -> str:
    """Stable across line moves: rule, values, file names and quotes, never line numbers."""
    claims = sorted(
        [q.value, q.low, q.high, q.unit, PurePosixPath(posix_path(c.source)).name, hashlib.sha256(c.quote.encode()).hexdigest()]
        for c in finding.claims
        for q in [c.quantity]
    )
    payload = json.dumps([finding.rule.id, claims], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def rule_name(rule: Rule) -> str:
    """A rule's name as SARIF spells names (``SasnFunding`` for ``sasn-funding``), apart from its id."""
    return "".join(part.capitalize() for part in rule.id.split("-"))


def rule_help(rule: Rule) -> tuple[str, str]:
    """(text, markdown) of what the rule tracks and how to read one of its findings."""
    aliases = ", ".join(pattern.source for pattern in rule.subject)
    kinds = " or ".join(rule.kinds)
    unit = f" in {rule.unit}" if rule.unit else ""
    timeline = {
        "changes": "Claims of different periods are an evolution, not a conflict.",
        "accumulates": "A running total: a later figure below an earlier one is a conflict.",
        "fixed": "One moment restated at any date: every claim is compared with every other.",
    }[rule.timeline]
    reading = (
        "A result names the sources that state this figure differently at the same time: the first "
        "location is one claim, the related locations the others, each with its value as written and "
        "normalised. Check the sentences: a figure that changed over time, or that measures something "
        "else (committed against paid, public against private), is not an error of the source."
    )
    intro = f"{rule.title}: {kinds} figures{unit} about a subject named {aliases}."
    description = rule.description.strip()
    text = " ".join(part for part in (intro, description, timeline, reading) if part)
    markdown = "\n\n".join(part for part in (
        f"**{rule.title}** ({kinds}{unit})", description,
        "Subject aliases (regular expressions): " + ", ".join(f"`{pattern.source}`" for pattern in rule.subject),
        timeline, reading,
    ) if part)
    return text, markdown


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    text, markdown = rule_help(rule)
    return {
        "id": rule.id,
        "name": rule_name(rule),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description.strip() or rule.title},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": sorted({"recoupe", "figures", *rule.kinds})},
    }


def result(finding: Finding, rule_index: int, root: str | None = None) -> dict[str, Any]:
    rule = finding.rule
    named = "; ".join(claim_label(rule, claim) for claim in finding.claims)
    timeline = timeline_line(finding)
    message = f"{rule.title}: sources disagree ({finding.severity}, gap {finding.gap:.1%}): {named}"
    return {
        "ruleId": rule.id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message + (f". {timeline}" if timeline else "")},
        "locations": [location(finding.claims[0], root)],
        "relatedLocations": [
            {"id": number, **location(claim, root), "message": {"text": claim_label(rule, claim)}}
            for number, claim in enumerate(finding.claims[1:], 1)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
    }


def notification(error: RecoupeError, root: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(error.path, root)}
    if error.line is not None:
        physical["region"] = {"startLine": error.line, **({"startColumn": error.column} if error.column else {})}
    return {"level": "error", "message": {"text": error.message}, "locations": [{"physicalLocation": physical}]}


def report_to_sarif(
    report: Report, root: str | None = None, cwd: str | None = None, listing: Callable[[Iterable[Any]], Any] = list,
) -> dict[str, Any]:
    """The SARIF log of a check; ``root``: the repository's top folder, to which artifact URIs are
    relative (``%SRCROOT%``), or None to write them as the report names the documents; ``cwd``:
    the folder the report's relative paths are relative to, when it is not ``root``; ``listing``
    makes the list of results (write_sarif: ``Streamed``, made as they are written)."""
    rules = sorted({finding.rule.id: finding.rule for finding in heads(report.findings)}.values(), key=lambda rule: rule.id)
    index = {rule.id: number for number, rule in enumerate(rules)}
    conflicts = report.conflicts
    if [finding.rule.id for finding in heads(conflicts)] != sorted(finding.rule.id for finding in heads(conflicts)):
        conflicts = sorted(conflicts, key=lambda finding: finding.rule.id)  # a report's are in that order already
    if root is not None and cwd is not None:  # only conflicts have locations; each is read back as it is written
        conflicts = (_rebased(finding, cwd) for finding in conflicts)
    errors = sorted_errors(report)
    driver = {"name": "recoupe", "version": __version__, "informationUri": INFORMATION_URI, "rules": [rule_descriptor(r) for r in rules]}
    coverage = {"level": "note", "message": {"text": summary_line(report)}, "descriptor": {"id": "coverage"}}
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [{
            "executionSuccessful": not errors,
            "toolExecutionNotifications": [notification(e, root) for e in errors] + [coverage],
        }],
        "columnKind": "unicodeCodePoints",
        "results": listing(result(finding, index[finding.rule.id], root) for finding in conflicts),
        "properties": {"coverage": {
            "documents": len(report.documents), "figures": report.figures, "bound": report.bound,
            "conflicts": len(report.conflicts),
        }},
    }
    if root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": _folder_uri(root)}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _folder_uri(root: str) -> str:
    """``file:///work/repo/``: a folder's URI ends with a slash, as SARIF's base URIs must."""
    for flavour in (PurePosixPath, PureWindowsPath):
        if flavour(root).is_absolute():
            return flavour(root).as_uri().rstrip("/") + "/"
    raise ValueError(f"the SARIF root must be an absolute folder, not {root!r}")


def render_sarif(report: Report, root: str | None = None, cwd: str | None = None) -> str:
    return json.dumps(report_to_sarif(report, root, cwd), ensure_ascii=False, indent=2) + "\n"


def write_sarif(report: Report, write: Callable[[str], object], root: str | None = None, cwd: str | None = None) -> None:
    """``render_sarif``'s text given to ``write`` a result at a time (``write_indented`` lays
    it out as ``json.dumps(indent=2)`` does)."""
    write_indented(report_to_sarif(report, root, cwd, Streamed), write)
    write("\n")


def _rebased(finding: Finding, cwd: str) -> Finding:
    """The finding with its claims' relative document paths made absolute from ``cwd``."""
    def absolute(source: str) -> str:
        return source if PurePosixPath(source).is_absolute() or PureWindowsPath(source).is_absolute() else posixpath.normpath(posixpath.join(cwd, posix_path(source)))

    return replace(finding, claims=tuple(replace(claim, source=absolute(claim.source)) for claim in finding.claims))
