"""``--format html``: one self-contained page for people, of ``check``'s report or ``discover``'s candidates.

A summary, then one section per subject (verdict, severity, rule id and title): its timeline chart
(an inline SVG drawn by ``checker.render.chart``), its claims numbered as in the chart (value as
written and normalised, measure, ``file:line:col``, publisher with a link to the source when its
URL is known, date, authority, period and why, the sentence with the figure marked), the
reference and the deviating claims marked, and the notes. Subjects stated by one source follow,
then errors and skipped files. No script, no request, no timestamp: the same report gives the same
bytes, and the page reads the same printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.binding.bind import Claim
from checker.comparison.compare import Finding
from checker.display import CURRENCY_SYMBOLS, MONEY_SCALES, UNIT_WORDS
from checker.running.pipeline import Report
from checker.render.common import plural, sorted_errors
from checker.render.htmlpage import claim_item, esc, message_list, page, subject_body, summary_table
from checker.render.chart import roles
from checker.render.table import summary_line
from checker.binding.rules import Rule
from checker.running.spool import heads, ordered, select

if TYPE_CHECKING:
    from checker.discovery.corpus import Discovery
    from checker.discovery.ranking import Candidate

CHECK_TITLE = "recoupe: figures cross-checked"
DISCOVER_TITLE = "recoupe discover: candidates"


def _anchor(prefix: str, name: str) -> str:
    return esc(f"{prefix}-{name}")


def _verdict(name: str, severity: str | None = None) -> str:
    text = name.upper() + (f" ({severity})" if severity else "")
    return f'<span class="verdict {esc(name)}">{esc(text)}</span>'


def _check_summary(report: Report) -> list[tuple[str, int]]:
    count = {verdict: sum(1 for finding in heads(report.findings) if finding.verdict == verdict) for verdict in ("conflict", "evolution", "consistent", "single")}
    return [
        ("documents", len(report.documents)), ("figures", report.figures), ("bound", report.bound),
        ("subjects", len(report.findings)), ("conflicts", count["conflict"]), ("evolutions", count["evolution"]),
        ("consistent", count["consistent"]), ("one source", count["single"]),
        ("errors", len(report.errors)), ("skipped", len(report.skipped)),
    ]


def _subject(finding: Finding) -> list[str]:
    rule = finding.rule
    sources = len({claim.source for claim in finding.claims})
    severity = finding.severity if finding.verdict == "conflict" else None
    head = f'<h2>{_verdict(finding.verdict, severity)} <code class="rule-id">{esc(rule.id)}</code> {esc(rule.title)}</h2>'
    about = f"{plural(len(finding.claims), 'claim')}, {plural(sources, 'source')}; timeline: {rule.timeline}"
    lines = [f'<section class="subject {esc(finding.verdict)}" id="{_anchor("subject", rule.id)}">', head, f'<p class="about">{esc(about)}</p>']
    if rule.description:
        lines.append(f'<p class="about">{esc(rule.description)}</p>')
    return lines + subject_body(finding) + ["</section>"]


def _single(finding: Finding) -> list[str]:
    rule = finding.rule
    (claim,) = finding.claims
    (role,) = roles(finding)
    return [
        f'<article class="single" id="{_anchor("subject", rule.id)}">',
        f'<h3><code class="rule-id">{esc(rule.id)}</code> {esc(rule.title)}</h3>',
        '<ol class="claims">', claim_item(finding, claim, 1, role), "</ol>", "</article>",
    ]


def _contents(entries: list[tuple[str, str]]) -> list[str]:
    if not entries:
        return []
    items = "".join(f'<li><a href="#{anchor}">{label}</a></li>' for anchor, label in entries)
    return [f'<nav aria-label="contents"><ul>{items}</ul></nav>']


def render_html(report: Report) -> str:
    """The check report as one HTML page (see the module)."""
    findings = ordered(report.findings)  # each read back as it is written (checker.running.spool)
    compared = select(findings, lambda finding: finding.verdict != "single")
    singles = select(findings, lambda finding: finding.verdict == "single")
    body = [
        "<header>", f"<h1>{esc(CHECK_TITLE)}</h1>", f'<p class="coverage">{esc(summary_line(report))}</p>',
        summary_table(_check_summary(report)),
    ]
    body += _contents([(_anchor("subject", f.rule.id), f"{esc(f.verdict)}: {esc(f.rule.title)}") for f in heads(compared)])
    body += ["</header>", "<main>"]
    for finding in compared:
        body += _subject(finding)
    if singles:
        body += ['<section class="group" id="singles">', f"<h2>Stated by one source only ({plural(len(singles), 'subject')})</h2>"]
        for finding in singles:
            body += _single(finding)
        body.append("</section>")
    body += message_list("Errors", "errors", [str(error) for error in sorted_errors(report)])
    body += message_list("Skipped (warnings)", "warnings", [str(skipped) for skipped in report.skipped])
    body.append("</main>")
    return page(CHECK_TITLE, body)


# -- discover -------------------------------------------------------------------------------


def display_rule(rule: Rule, claims: Sequence[Claim]) -> Rule:
    """The rule a discovered group is shown with: its amounts in the unit an article would use
    (``M€`` for millions of euros), its counts in the counted noun, percents as ``%``."""
    quantity = claims[0].quantity
    if rule.kind == "money":
        symbol = CURRENCY_SYMBOLS.get(rule.unit)
        smallest = min((abs(claim.quantity.value) for claim in claims if claim.quantity.value), default=0.0)
        for scale, prefix in MONEY_SCALES:
            if symbol in ("€", "$", "£") and smallest >= scale:
                return replace(rule, unit=f"{prefix}{symbol}")
        return replace(rule, unit=symbol or rule.unit)
    if rule.kind == "count" and quantity.noun:
        noun = quantity.noun
        return replace(rule, unit=noun if noun[-1] in "sxz" else noun + "s")
    return replace(rule, unit=UNIT_WORDS.get(rule.unit, rule.unit))


def _discovered_rule(claim: Claim) -> Rule:
    quantity = claim.quantity
    return Rule(id="discovered", title="", kind=quantity.kind, unit=quantity.unit, subject=())


def _covered_tags(candidate: Candidate, claims: tuple[Claim, ...]) -> dict[int, str]:
    """Beside each claim a rule given with --rules covers: that rule's id."""
    covered = {figure.place: figure.covered_by for figure in candidate.figures if figure.covered_by}
    return {
        number: f' <span class="tag single">rule {esc(covered[(claim.source, claim.line, claim.column)])}</span>'
        for number, claim in enumerate(claims, 1) if (claim.source, claim.line, claim.column) in covered
    }


def _candidate_body(candidate: Candidate, discovery: Discovery) -> list[str]:
    """A judged group: its chart and claims as a subject's. An attribution (the same figures near
    different names, of any kinds) is not a comparison: its claims each in their own unit, no chart."""
    title = f"{candidate.id} · {candidate.kind} · {candidate.block}"
    finding = candidate.finding
    if finding is not None:
        finding = replace(finding, rule=replace(display_rule(finding.rule, finding.claims), title=title))
        return subject_body(finding, _covered_tags(candidate, finding.claims))
    from checker.discovery.ranking import claims_of

    claims = tuple(claims_of(candidate.figures, discovery.meta))
    extras = _covered_tags(candidate, claims)
    items = []
    for number, claim in enumerate(claims, 1):
        alone = Finding(display_rule(_discovered_rule(claim), (claim,)), "single", "none", (claim,), 0.0)
        items.append(claim_item(alone, claim, number, None, extras.get(number, "")))
    return ['<ol class="claims">', *items, "</ol>"]


def _candidate(candidate: Candidate, discovery: Discovery) -> list[str]:
    head = f'<h2>{_verdict(candidate.kind)} <code class="rule-id">{esc(candidate.id)}</code> score {candidate.score:.2f} <code>{esc(candidate.block)}</code></h2>'
    about = f"{plural(len(candidate.figures), 'figure')}, {plural(candidate.sources, 'source')}; judged as '{candidate.timeline}'"
    lines = [
        f'<section class="subject {esc(candidate.kind)}" id="{_anchor("candidate", candidate.id)}">', head,
        f'<p class="about">{esc(about)}</p>', f"<p>{esc(candidate.explanation)}</p>",
    ]
    return lines + _candidate_body(candidate, discovery) + ["</section>"]


def render_discovery_html(discovery: Discovery, top: int = 20) -> str:
    """``discover``'s ranked candidates as one HTML page."""
    shown = discovery.candidates[:top]
    kinds = ("conflict", "attribution", "evolution", "agreement")
    counts = [(f"{kind}s", sum(1 for candidate in discovery.candidates if candidate.kind == kind)) for kind in kinds]
    rows = [
        ("documents", discovery.documents), ("figures", discovery.figures), ("compared", discovery.compared),
        ("covered by a rule", discovery.covered), ("candidates", len(discovery.candidates)), *counts,
        ("errors", len(discovery.errors)), ("skipped", len(discovery.skipped)),
    ]
    coverage = (
        f"{plural(len(discovery.candidates), 'candidate')} ({len(shown)} shown) from {plural(discovery.figures, 'figure')} "
        f"in {plural(discovery.documents, 'document')}; {discovery.compared} compared in {plural(discovery.blocks, 'block')}, "
        f"{plural(discovery.proposed_pairs, 'pair')} proposed"
    )
    body = ["<header>", f"<h1>{esc(DISCOVER_TITLE)}</h1>", f'<p class="coverage">{esc(coverage)}</p>', summary_table(rows)]
    body += _contents([(_anchor("candidate", c.id), f"{esc(c.id)} {esc(c.kind)}") for c in shown])
    body += ["</header>", "<main>"]
    for candidate in shown:
        body += _candidate(candidate, discovery)
    body += message_list("Figures left out", "left-out", [f"{count} figures: {reason}" for reason, count in discovery.left_out])
    body += message_list("Errors", "errors", [str(error) for error in discovery.errors])
    body += message_list("Skipped (warnings)", "warnings", [str(skipped) for skipped in discovery.skipped])
    body.append("</main>")
    return page(DISCOVER_TITLE, body)
