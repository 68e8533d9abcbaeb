"""The parts of recoupe's HTML pages: the page shell with its inline style, a summary, a subject
with its chart and claims. Shared by ``check``'s report and ``discover``'s candidates
(``checker.render.html``).

Every text taken from a document, a rule or a path goes through ``esc`` (``html.escape``); a
source's URL becomes a link only when it is http(s). The page loads nothing: its
Content-Security-Policy allows no script, no font, no image and no request at all, so even a
tag that slipped through could neither run nor call out.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from checker import __version__
from checker.binding.bind import Claim
from checker.comparison.compare import Finding
from checker.comparison.intervals import bounds
from checker.display import number
from checker.render.chart import ROLE_WORDS, charted, layout, roles, svg
from checker.render.common import display_value, finding_notes

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
QUOTE_LIMIT = 900  # characters of a sentence shown around its figure

STYLE = """
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #212121; background: #fff;
  margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; }
h3 { font-size: 16px; margin: 0 0 4px; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
a { color: #0b57d0; }
.coverage { color: #555; margin: 0 0 12px; }
table.summary { border-collapse: collapse; margin: 8px 0 16px; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: 4px 10px; text-align: right; }
table.summary th { background: #f5f5f5; font-weight: 600; }
nav ul { margin: 4px 0 16px; padding-left: 20px; columns: 2; }
section.subject, section.group { border: 1px solid #ddd; border-left: 6px solid #9e9e9e; border-radius: 4px;
  padding: 12px 16px; margin: 16px 0; break-inside: avoid-page; }
section.conflict { border-left-color: #c62828; }
section.consistent, section.agreement { border-left-color: #2e7d32; }
section.evolution { border-left-color: #1565c0; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 3px; color: #fff; background: #616161;
  font-size: 13px; font-weight: 700; letter-spacing: .03em; vertical-align: 2px; }
.verdict.conflict { background: #c62828; }
.verdict.consistent, .verdict.agreement { background: #2e7d32; }
.verdict.evolution { background: #1565c0; }
.rule-id { color: #555; }
.about { color: #555; margin: 2px 0 8px; }
figure.chart { margin: 8px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
ol.claims { padding-left: 28px; margin: 8px 0; }
ol.claims > li { margin: 10px 0; padding-left: 4px; }
li.conflicting::marker { color: #c62828; font-weight: 700; }
li.agreeing::marker { color: #2e7d32; font-weight: 700; }
li.evolution::marker { color: #1565c0; font-weight: 700; }
.value strong { font-size: 16px; }
.as-written { color: #333; }
.measure { font-style: italic; color: #555; }
.tag { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; border: 1px solid; margin-left: 4px; }
.tag.reference { color: #1b5e20; border-color: #1b5e20; font-weight: 700; }
.tag.deviating, .tag.conflicting { color: #b71c1c; border-color: #b71c1c; }
.tag.agreeing { color: #2e7d32; border-color: #2e7d32; }
.tag.evolution { color: #1565c0; border-color: #1565c0; }
.tag.objective, .tag.single { color: #555; border-color: #888; border-style: dashed; }
.where { color: #444; font-size: 14px; }
.period { color: #555; font-size: 14px; }
blockquote { margin: 6px 0 0; padding: 4px 10px; border-left: 3px solid #ccc; background: #fafafa; }
mark { background: #ffe082; color: #000; padding: 0 2px; font-weight: 700; }
ul.notes { margin: 8px 0 0; padding-left: 20px; color: #333; font-size: 14px; }
.errors li { color: #b71c1c; }
.warnings li { color: #8d6e00; }
footer { color: #777; font-size: 13px; margin-top: 24px; }
@media print {
  body { max-width: none; padding: 0; font-size: 12px; }
  section.subject, section.group { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  a { color: inherit; }
}
"""


def esc(text: object) -> str:
    """Text for HTML, quotes included (attributes and content alike)."""
    return escape(str(text), quote=True)


def page(title: str, body: list[str]) -> str:
    """A whole, self-contained HTML document."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="recoupe">',
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    footer = f'<footer>Written by recoupe {esc(__version__)}. Claims are numbered as in each chart.</footer>'
    return "\n".join([*head, *body, footer, "</body>", "</html>"]) + "\n"


def summary_table(rows: list[tuple[str, int]]) -> str:
    """One row of headings and one of counts."""
    heads = "".join(f"<th scope=\"col\">{esc(name)}</th>" for name, _ in rows)
    cells = "".join(f"<td>{count}</td>" for _, count in rows)
    return f'<table class="summary"><tr>{heads}</tr><tr>{cells}</tr></table>'


def http_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address (never ``javascript:`` or a file), else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def quote_html(claim: Claim, limit: int = QUOTE_LIMIT) -> str:
    """The claim's sentence, escaped, with its figure in ``<mark>`` (cut with … around it when long)."""
    quote, start = claim.quote, max(claim.quote_offset, 0)
    end = min(start + len(claim.quantity.text), len(quote))
    before, figure, after = quote[:start], quote[start:end], quote[end:]
    side = max((limit - len(figure)) // 2, 40)
    if len(before) > side:
        before = "…" + before[-side:].lstrip()
    if len(after) > side:
        after = after[:side].rstrip() + "…"
    return f"{esc(_one_line(before))}<mark>{esc(_one_line(figure))}</mark>{esc(_one_line(after))}"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def interval_text(finding: Finding, claim: Claim) -> str:
    """The interval a claim is compared with, in the rule's display unit: ``545 – 555 M€``."""
    span = bounds(claim, finding.rule.tolerance)
    scale = finding.rule.display_scale
    unit = finding.rule.unit or claim.quantity.unit
    low = number(span.low / scale) if span.low > float("-inf") else "−∞"
    high = number(span.high / scale) if span.high < float("inf") else "∞"
    return f"{low} – {high} {unit}".strip()


def where_text(claim: Claim) -> str:
    page_note = f" (p. {claim.page})" if claim.page is not None else ""
    return f"{claim.source}:{claim.line}:{claim.column}{page_note}"


def source_html(claim: Claim) -> str:
    """Publisher (a link to the source when its URL is known), date, authority and title."""
    meta = claim.source_meta
    if meta is None:
        return ""
    parts = []
    url = http_url(meta.url)
    name = meta.publisher or meta.title or ("source" if url else "")
    if name:
        label = esc(name)
        parts.append(f'<a href="{esc(url)}" rel="noreferrer">{label}</a>' if url else label)
    if meta.date:
        parts.append(f"published {esc(meta.date)}")
    if meta.event_date and meta.event_date != meta.date:
        parts.append(f"event {esc(meta.event_date)}")
    if meta.authority:
        parts.append(f"authority: {esc(meta.authority)}")
    text = " · ".join(parts)
    if meta.title and meta.title != name:
        text += f' · <cite lang="fr">{esc(meta.title)}</cite>'
    return text


def period_html(claim: Claim) -> str:
    period = claim.period
    if period is None or period.when is None:
        reason = f" — {esc(period.reason)}" if period is not None and period.reason else ""
        if period is not None and period.origin == "compared":
            return f"period: {esc(period.label)}{reason}"
        return f"period unknown (date unknown){reason}"
    kind = "objective" if period.target else "period"
    label = f" ({esc(period.label)})" if period.label and period.label != period.when else ""
    since = f", since {esc(period.since)}" if period.since else ""
    reason = f" — {esc(period.reason)}" if period.reason else ""
    return f"{kind} <strong>{esc(period.when)}</strong>{label}{since}{reason}"


def claim_item(finding: Finding, claim: Claim, number_: int, role: str | None, extra: str = "") -> str:
    """One claim as a list item: value normalised and as written, where, who, when, the sentence
    (``role``: its colour in the chart, a key of ``chart.COLOURS``; None: not compared)."""
    tags = [f'<span class="tag {role}">{esc(ROLE_WORDS[role])}</span>'] if role is not None else []
    if finding.reference is claim:
        tags.append('<span class="tag reference">reference</span>')
    if any(other is claim for other in finding.deviating):
        tags.append('<span class="tag deviating">deviates from the reference</span>')
    if claim.period is not None and claim.period.target:
        tags.append('<span class="tag objective">objective</span>')
    measure = f' <span class="measure">{esc(claim.measure)}</span>' if claim.measure else ""
    implied = f" (unit from the rule: {esc(claim.implied_unit)})" if claim.implied_unit else ""
    source = source_html(claim)
    lines = [
        f'<li value="{number_}" class="claim {role or "alone"}">',
        f'<div class="value"><strong>{esc(display_value(finding.rule, claim))}</strong>{implied} '
        f'<span class="as-written">“{esc(claim.quantity.text)}”</span>{measure} {"".join(tags)}{extra}</div>',
        f'<div class="interval where">interval compared: {esc(interval_text(finding, claim))}</div>',
        f'<div class="where"><code>{esc(where_text(claim))}</code>{" · " + source if source else ""}</div>',
        f'<div class="period">{period_html(claim)}</div>',
        f'<blockquote lang="fr">{quote_html(claim)}</blockquote>',
        "</li>",
    ]
    return "\n".join(lines)


def subject_body(finding: Finding, extras: dict[int, str] | None = None) -> list[str]:
    """A subject's chart (when it has claims of a known period), its numbered claims and its notes."""
    out = []
    if charted(finding):
        out.append(f'<figure class="chart">{svg(layout(finding))}</figure>')
    out.append('<ol class="claims">')
    for number_, (claim, role) in enumerate(zip(finding.claims, roles(finding)), 1):
        out.append(claim_item(finding, claim, number_, role, (extras or {}).get(number_, "")))
    out.append("</ol>")
    notes = finding_notes(finding)
    if notes:
        out.append('<ul class="notes">' + "".join(f"<li>{esc(note)}</li>" for note in notes) + "</ul>")
    return out


def message_list(title: str, css: str, items: list[str]) -> list[str]:
    if not items:
        return []
    entries = "".join(f"<li>{esc(item)}</li>" for item in items)
    return [f'<section class="{css}"><h2>{esc(title)}</h2><ul>{entries}</ul></section>']
