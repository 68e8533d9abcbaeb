"""Every renderer on the real report of seeds/ and on a small hand-made one with errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.binding.bind import EVIDENCE_SCOPES, Claim, Evidence
from checker.comparison.compare import Finding
from checker.errors import DocumentError, RecoupeError
from checker.extraction.quantity import KINDS, QUALIFIERS, Quantity
from checker.running.pipeline import DocumentStats, Report, check
from checker.render.github import render_github
from checker.render.html import render_html
from checker.render.json import render_json
from checker.jsonlayout import dumps_indented
from checker.render.markdown import escape, render_markdown
from checker.render.sarif import artifact_location, render_sarif, report_to_sarif
from checker.render.table import render_table
from checker.binding.rules import Rule
from checker.binding.loading import load_rules

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"

RENDERERS = {
    "github": render_github,
    "html": render_html,
    "json": render_json,
    "markdown": render_markdown,
    "sarif": render_sarif,
    "table": render_table,
}

TRICKY_TITLE = "Budget, musée: tranche 1\nrévisée 100%"


def _claim(rule: Rule, source: str, line: int, column: int, text: str, value: float, quote: str) -> Claim:
    quantity = Quantity(0, len(text), text, "money", value, "EUR", value, value, "exact")
    return Claim(
        rule=rule.id, source=source, line=line, column=column, quantity=quantity, quote=quote,
        quote_offset=quote.index(text), measure="alloués",
        evidence=(Evidence("subject", "musée", "musée", line, 1, "sentence"),),
    )


def _hand_made() -> Report:
    rule = Rule(id="budget-musee", title=TRICKY_TITLE, kind="money", unit="M€", subject=(), description="Le budget du musée.")
    single = Rule(id="visiteurs", title="Visiteurs | par an", kind="count", unit="visiteurs", subject=())
    claims = (
        _claim(rule, "docs/a.txt", 3, 5, "12 M€", 12e6, "Le musée a reçu 12 M€ | en 2024."),
        _claim(rule, "docs\\sub\\b.txt", 7, 1, "20 millions\nd’euros", 20e6, "20 millions\nd’euros *alloués* au musée."),
        _claim(rule, "docs/c.txt", 1, 10, "12,5 M€", 12.5e6, "Environ 12,5 M€ pour le musée."),
    )
    count = Quantity(0, 5, "5 000", "count", 5000, "visiteur", 5000, 5000, "exact", "visiteur")
    visitors = Claim("visiteurs", "docs/a.txt", 9, 2, count, "Il y a eu 5 000 visiteurs.", 10, None, ())
    findings = (
        Finding(rule, "conflict", "high", claims, 0.4),
        Finding(single, "single", "none", (visitors,), 0.0),
    )
    errors = (
        DocumentError("docs/z.pdf", "cannot be read, binary: 100%", 2, 4),
        RecoupeError("missing, folder", "no such file or folder"),
    )
    documents = (DocumentStats("docs/a.txt", 4, 2), DocumentStats("docs/c.txt", 1, 1), DocumentStats("docs\\sub\\b.txt", 1, 1))
    return Report(findings, errors, (), documents)


@pytest.fixture(scope="module")
def seeds() -> Report:
    return check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())


@pytest.fixture(scope="module")
def hand_made() -> Report:
    return _hand_made()


@pytest.fixture(params=["seeds", "hand_made"])
def report(request) -> Report:
    return request.getfixturevalue(request.param)


def test_every_renderer_module_is_tested():
    # helpers, tested on their own (the HTML page's parts, its chart and the chart's scales: test_render_html.py, test_chart.py),
    # and discover's table, which renders a discovery, not a report (test_render_discover.py)
    helpers = {"__init__", "common", "layout", "htmlpage", "chart", "scales", "discover_table"}
    modules = {path.stem for path in (REPO / "checker" / "render").glob("*.py")} - helpers
    assert modules == set(RENDERERS)


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_renderers_are_deterministic(name, report):
    first = RENDERERS[name](report)
    assert isinstance(first, str) and first
    assert first.encode() == RENDERERS[name](report).encode()


# SARIF


def _sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_validates_with_one_result_per_conflict(report):
    sarif = json.loads(render_sarif(report))
    _sarif_validator().validate(sarif)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "recoupe"
    results = run["results"]
    assert [result["ruleId"] for result in results] == [finding.rule.id for finding in report.conflicts]
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(results, report.conflicts):
        assert rules[result["ruleIndex"]]["id"] == finding.rule.id
        first, *others = finding.claims
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (first.line, first.column)
        assert region["snippet"]["text"] == first.quantity.text
        related = result["relatedLocations"]
        assert [r["id"] for r in related] == list(range(1, len(others) + 1))
        assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [c.line for c in others]
        for claim in finding.claims:
            assert f"'{claim.quantity.text}'" in result["message"]["text"]
            assert f"{claim.source}:{claim.line}" in result["message"]["text"]


def test_sarif_meets_what_github_code_scanning_asks(seeds):
    # github.com docs, "SARIF support for code scanning": each rule with an id, a name and help;
    # results with a message, a ruleId and a location whose URI is relative to the repository
    sarif = report_to_sarif(seeds, root=str(REPO))
    _sarif_validator().validate(sarif)
    run = sarif["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/") and run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["name"] != rule["id"] and rule["name"][0].isupper() and " " not in rule["name"]
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["shortDescription"]["text"]
    for result in run["results"]:
        assert result["message"]["text"] and result["ruleId"] and result["partialFingerprints"]
        for where in [result["locations"][0], *result["relatedLocations"]]:
            artifact = where["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "%SRCROOT%" and artifact["uri"].startswith("seeds/")
            assert where["physicalLocation"]["region"]["startLine"] >= 1
    assert run["properties"]["coverage"] == {"documents": 5, "figures": seeds.figures, "bound": seeds.bound, "conflicts": 1}
    help_text = {rule["id"]: rule["help"]["text"] for rule in run["tool"]["driver"]["rules"]}["sasn-funding"]
    assert "SASN" in help_text and "every claim is compared" in help_text


def test_sarif_on_seeds_is_one_medium_conflict_with_three_related_locations(seeds):
    run = json.loads(render_sarif(seeds))["runs"][0]
    assert [(r["ruleId"], r["level"], len(r["relatedLocations"])) for r in run["results"]] == [("sasn-funding", "warning", 3)]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_reports_tool_errors_and_relative_forward_slash_uris(hand_made):
    run = json.loads(render_sarif(hand_made))["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "error", "note"]  # the coverage line last
    assert notes[-1]["message"]["text"].startswith("3 documents read")
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 4}
    result = run["results"][0]
    assert result["level"] == "error"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/sub/b.txt"
    # A figure written over a line break ends on the next line.
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["endLine"] == 8


def test_sarif_uris():
    assert artifact_location("seeds/a b.txt") == {"uri": "seeds/a%20b.txt"}
    assert artifact_location("seeds\\x.txt") == {"uri": "seeds/x.txt"}
    assert artifact_location("/work/seeds/x.txt") == {"uri": "file:///work/seeds/x.txt"}
    assert artifact_location("C:\\work\\x.txt") == {"uri": "file:///C:/work/x.txt"}
    # relative to the repository's top when one is given
    assert artifact_location("/work/repo/docs/a b.txt", "/work/repo") == {"uri": "docs/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/elsewhere/a.txt", "/work/repo") == {"uri": "file:///elsewhere/a.txt"}
    assert artifact_location("docs/a.txt", "/work/repo") == {"uri": "docs/a.txt", "uriBaseId": "%SRCROOT%"}


def _fingerprint(report: Report) -> str:
    return json.loads(render_sarif(report))["runs"][0]["results"][0]["partialFingerprints"]["recoupeConflict/v1"]


def test_sarif_fingerprint_ignores_line_moves_but_not_values(hand_made):
    finding = hand_made.findings[0]

    def variant(**changes) -> Report:
        claims = (Claim(**{**finding.claims[0].__dict__, **changes}),) + finding.claims[1:]
        return Report((Finding(finding.rule, "conflict", "high", claims, 0.4),), (), (), ())

    assert _fingerprint(variant(line=40, column=2)) == _fingerprint(hand_made)
    assert _fingerprint(variant(quote="Le musée a reçu 12 M€ en 2025.")) != _fingerprint(hand_made)
    moved = Quantity(0, 5, "13 M€", "money", 13e6, "EUR", 13e6, 13e6, "exact")
    assert _fingerprint(variant(quantity=moved)) != _fingerprint(hand_made)


# GitHub workflow commands

_PROPERTY_VALUE = r"(?:[^%,:\r\n]|%(?:25|0D|0A|3A|2C))*"
_COMMAND = re.compile(
    rf"::(?P<level>error|warning|notice) (?P<properties>(?:file={_PROPERTY_VALUE}"
    rf"(?:,(?:line|endLine|col|endColumn)=[1-9]\d*)*(?:,title={_PROPERTY_VALUE})?|title={_PROPERTY_VALUE}))"
    r"::(?P<message>(?:[^%\r\n]|%(?:25|0D|0A))*)"
)


def _unescape(text: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def test_github_lines_are_workflow_commands(report):
    lines = render_github(report).splitlines()
    claims = [claim for finding in report.conflicts for claim in finding.claims]
    assert len(lines) == len(claims) + len(report.errors) + 1
    assert lines[-1].startswith("::notice title=recoupe::") and "documents read" in lines[-1]
    for line in lines:
        assert _COMMAND.fullmatch(line), line
    for line, claim in zip(lines, claims):
        message = _unescape(_COMMAND.fullmatch(line).group("message"))
        finding = next(f for f in report.conflicts if claim in f.claims)
        for other in finding.claims:
            assert f"'{other.quantity.text}'" in message and f"{other.source}:{other.line}" in message


def test_github_escapes_titles_and_levels(hand_made):
    lines = render_github(hand_made).splitlines()
    first = _COMMAND.fullmatch(lines[0])
    assert first.group("level") == "error"
    properties = dict(item.split("=", 1) for item in first.group("properties").split(","))
    assert properties["title"] == "Budget%2C musée%3A tranche 1%0Arévisée 100%25"
    assert _unescape(properties["title"]) == TRICKY_TITLE
    assert properties["file"] == "docs/a.txt" and properties["col"] == "5" and properties["endColumn"] == "9"
    second = dict(item.split("=", 1) for item in _COMMAND.fullmatch(lines[1]).group("properties").split(","))
    assert second["file"] == "docs/sub/b.txt" and second["endLine"] == "8" and "col" not in second
    assert lines[-3:-1] == [
        "::error file=docs/z.pdf,line=2,col=4::cannot be read, binary: 100%25",
        "::error file=missing%2C folder::no such file or folder",
    ]


@pytest.mark.parametrize(("fail_on", "level"), [("low", "error"), ("medium", "error"), ("high", "warning"), ("never", "warning")])
def test_github_levels_follow_fail_on(seeds, fail_on, level):
    # the seeds' one conflict is of medium severity: an error only when it fails the run
    lines = [line for line in render_github(seeds, fail_on=fail_on).splitlines() if "sasn-funding" in line]
    assert lines and {line.split(" ", 1)[0] for line in lines} == {f"::{level}"}


# Markdown


def test_markdown_shows_every_quote_with_the_figure_in_bold(report):
    markdown = render_markdown(report)
    assert markdown.startswith("## ")
    for finding in report.findings:
        assert f"### {finding.verdict.upper()}" in markdown
        for claim in finding.claims:
            assert f"**{escape(claim.quantity.text)}**" in markdown
            assert escape(f"{claim.source}:{claim.line}:{claim.column}") in markdown
    assert markdown.index("### CONFLICT") == markdown.index("### ")


def test_markdown_on_seeds_quotes_the_sources(seeds):
    markdown = render_markdown(seeds)
    assert "5 documents read, 97 figures found, 26 bound to a rule, 1 conflict" in markdown
    assert "| Au total, **550 millions d’euros** ont été alloués" in markdown
    assert "Errors" not in markdown


def test_markdown_escapes_pipes_and_lists_errors(hand_made):
    markdown = render_markdown(hand_made)
    assert "Le musée a reçu **12 M€** \\| en 2024." in markdown
    assert "**20 millions d’euros** \\*alloués\\* au musée." in markdown
    assert "### SINGLE: visiteurs — Visiteurs \\| par an" in markdown
    for line in markdown.splitlines():
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) == 6, line
    assert "### Errors" in markdown and "- docs/z.pdf:2:4: cannot be read, binary: 100%" in markdown


# JSON


def _report_schema() -> dict:
    return json.loads((REPO / "schemas" / "recoupe-report.schema.json").read_text(encoding="utf-8"))


def test_json_validates_against_the_published_schema(report):
    schema = _report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(render_json(report)))


def test_report_schema_enums_follow_the_code():
    definitions = _report_schema()["$defs"]
    assert definitions["kind"]["enum"] == list(KINDS)
    assert definitions["claim"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert definitions["evidence"]["properties"]["scope"]["enum"] == list(EVIDENCE_SCOPES)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


@given(_JSON_VALUES)
def test_the_json_layout_is_that_of_the_standard_library(value: object) -> None:
    """render_json lays out its document itself, for speed: the text must not change."""
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
