"""GitHub Actions workflow commands: an annotation on every claim of a conflict."""

from __future__ import annotations

from checker.binding.bind import Claim
from checker.comparison.compare import Finding
from checker.errors import RecoupeError
from checker.running.pipeline import Report
from checker.render.common import claim_end, claim_label, posix_path, sorted_errors
from checker.render.table import summary_line

# Severities from the highest: a conflict at or above --fail-on is an ::error (it fails the run),
# one below it a ::warning.
SEVERITIES = ("high", "medium", "low")


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


def level(finding: Finding, fail_on: str = "low") -> str:
    """``error`` for a conflict that fails the run (``fail_on``: high, medium, low or never), else ``warning``."""
    failing = fail_on != "never" and SEVERITIES.index(finding.severity) <= SEVERITIES.index(fail_on)
    return "error" if failing else "warning"


def annotations(finding: Finding, fail_on: str = "low") -> list[str]:
    rule = finding.rule
    lines = []
    for claim in finding.claims:
        others = "; ".join(claim_label(rule, other) for other in finding.claims if other is not claim)
        message = f"{claim_label(rule, claim)}; the other sources say {others} ({finding.severity} conflict, rule {rule.id})"
        lines.append(command(level(finding, fail_on), {**claim_position(claim), "title": rule.title}, message))
    return lines


def error_line(error: RecoupeError) -> str:
    properties: dict[str, object] = {"file": posix_path(error.path)}
    if error.line is not None:
        properties["line"] = error.line
        if error.column is not None:
            properties["col"] = error.column
    return command("error", properties, error.message)


def render_github(report: Report, fail_on: str = "low") -> str:
    """Workflow commands: an annotation on each claim of a conflict, the tool's errors, and the
    coverage line as a notice."""
    conflicts = sorted(report.conflicts, key=lambda finding: finding.rule.id)
    lines = [line for finding in conflicts for line in annotations(finding, fail_on)]
    lines += [error_line(error) for error in sorted_errors(report)]
    lines.append(command("notice", {"title": "recoupe"}, summary_line(report)))
    return "".join(line + "\n" for line in lines)
