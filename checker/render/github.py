"""GitHub Actions workflow commands: an annotation on every claim of a conflict."""

from __future__ import annotations

from checker.bind import Claim
from checker.compare import Finding
from checker.errors import RecoupeError
from checker.pipeline import Report
from checker.render.common import claim_end, claim_label, posix_path, sorted_errors

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict[str, object], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {listed}::{escape_data(message)}"


def claim_position(claim: Claim) -> dict[str, object]:
    """file, line and, on one line, the columns of the figure (GitHub's endColumn is inclusive)."""
    end_line, end_column = claim_end(claim)
    if end_line != claim.line:
        return {"file": posix_path(claim.source), "line": claim.line, "endLine": end_line}
    return {"file": posix_path(claim.source), "line": claim.line, "col": claim.column, "endColumn": end_column - 1}


def annotations(finding: Finding) -> list[str]:
    rule = finding.rule
    lines = []
    for claim in finding.claims:
        others = "; ".join(claim_label(rule, other) for other in finding.claims if other is not claim)
        message = f"{claim_label(rule, claim)}; the other sources say {others} ({finding.severity} conflict, rule {rule.id})"
        lines.append(command(LEVELS[finding.severity], {**claim_position(claim), "title": rule.title}, message))
    return lines


def error_line(error: RecoupeError) -> str:
    properties: dict[str, object] = {"file": posix_path(error.path)}
    if error.line is not None:
        properties["line"] = error.line
        if error.column is not None:
            properties["col"] = error.column
    return command("error", properties, error.message)


def render_github(report: Report) -> str:
    conflicts = sorted(report.conflicts, key=lambda finding: finding.rule.id)
    lines = [line for finding in conflicts for line in annotations(finding)]
    lines += [error_line(error) for error in sorted_errors(report)]
    return "".join(line + "\n" for line in lines)
