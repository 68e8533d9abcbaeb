"""--format html: the page of seeds/, escaping of what documents and rules say, discover's page, the CLI."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.discovery.corpus import discover
from checker.running.pipeline import Report, check
from checker.render.chart import charted
from checker.render.html import render_discovery_html, render_html
from checker.render.htmlpage import http_url
from checker.binding.loading import load_rules
from cli.main import app

REPO = Path(__file__).resolve().parents[2]


class _Elements(HTMLParser):
    """The elements of a page, with their attributes, and its text outside tags."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def seeds() -> Report:
    return check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())


@pytest.fixture(scope="module")
def page(seeds) -> str:
    return render_html(seeds)


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start:page.index("</section>", start)]


def test_the_page_is_self_contained_and_allows_no_script_nor_request(page):
    elements = _Elements(page)
    assert page.startswith("<!DOCTYPE html>")
    assert not elements.named("script") and not elements.named("link") and not elements.named("img")
    (policy,) = [attrs for attrs in elements.named("meta") if attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy["content"]
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # seeds/ name no URL
    assert "https://" not in page


def test_the_summary_counts_what_the_report_holds(page, seeds):
    table = page[page.index('<table class="summary">'):page.index("</table>")]
    heads = [cell.split(">")[1].split("<")[0] for cell in table.split("<th")[1:]]
    counts = [int(cell.split(">")[1].split("<")[0]) for cell in table.split("<td")[1:]]
    assert dict(zip(heads, counts)) == {
        "documents": 5, "figures": seeds.figures, "bound": seeds.bound, "subjects": len(seeds.findings),
        "conflicts": 1, "evolutions": 0, "consistent": 5, "one source": 11, "errors": 0, "skipped": 0,
    }
    assert "5 documents read, 97 figures found, 26 bound to a rule, 1 conflict" in page


def test_the_funding_conflict_shows_its_four_sources_with_their_figures_marked(page):
    section = _section(page, "subject-sasn-funding")
    assert '<span class="verdict conflict">CONFLICT (medium)</span>' in section
    assert "Financement de la stratégie « Santé numérique » (SASN) de France 2030" in section
    for source, line, figure in [("000", 17, "+650 M€"), ("001", 10, "550 millions d’euros"), ("003", 20, "plus de 550 millions d’euros"), ("004", 3, "718,4 millions d’euros")]:
        assert f"seeds/{source}_" in section and f".txt:{line}:" in section
        assert f"<mark>{figure}</mark>" in section
    assert section.count('<li value="') == 4
    assert section.count('<span class="tag reference">reference</span>') == 1
    assert section.index("reference</span>") > section.index("plus de 550 millions d’euros”")  # on 003's claim
    assert "Ministère de la Santé" in section and "authority: official" in section and "published 2025-11-12" in section
    assert "period <strong>2024-01-18</strong>" in section and "the source&#x27;s event date" in section
    assert "interval compared: 549,5 – 550,5 M€" in section and "interval compared: 650 – ∞ M€" in section
    assert section.count("<svg") == 1 and "no claim deviates from the reference" in section


def test_every_subject_of_several_claims_with_a_date_has_a_chart(page, seeds):
    charted_subjects = [finding for finding in seeds.findings if charted(finding)]
    assert len(charted_subjects) == 6
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img"') == len(charted_subjects)
    singles = _section(page, "singles")
    assert "Stated by one source only (11 subjects)" in singles and "<svg" not in singles
    assert 'id="subject-pfizer-investment-france"' in singles


def test_a_source_url_is_a_link_and_only_when_it_is_http(seeds):
    funding = next(finding for finding in seeds.findings if finding.rule.id == "sasn-funding")
    first = funding.claims[0]
    meta = replace(first.source_meta, url='https://sante.gouv.fr/a?b=1&c="2"')
    hostile = replace(funding.claims[1], source_meta=replace(funding.claims[1].source_meta, url="javascript:alert(1)"))
    claims = (replace(first, source_meta=meta), hostile, *funding.claims[2:])
    report = replace(seeds, findings=(replace(funding, claims=claims, reference=None),))
    links = [attrs["href"] for attrs in _Elements(render_html(report)).named("a") if not attrs["href"].startswith("#")]
    assert links == ['https://sante.gouv.fr/a?b=1&c="2"']
    assert 'href="https://sante.gouv.fr/a?b=1&amp;c=&quot;2&quot;"' in render_html(report)
    assert http_url("javascript:alert(1)") is None and http_url("file:///etc/passwd") is None and http_url(None) is None
    assert http_url("HTTPS://example.org") == "HTTPS://example.org"


HOSTILE_RULE = """[[rule]]
id = "budget-musee"
title = "Budget du <b>musée</b> & des \\"amis\\""
description = "<img src=x onerror=alert(1)>"
kind = "money"
unit = "M€"
subject = ['musée']
scope = "document"
"""


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "musee.toml").write_text(HOSTILE_RULE, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text('Le musée & ses "amis" <script>alert("x")</script> disposeront de 12 millions d’euros <i>ici</i>.\n', encoding="utf-8")
    (docs / "b<i>.txt").write_text("Le musée reçoit 15 M€ <b onmouseover='alert(1)'>en gras</b>.\n", encoding="utf-8")
    (docs / "sources.toml").write_text(
        '["a.txt"]\npublisher = "Le <script>Journal</script> & Cie"\ndate = 2024-05-02\nurl = "https://example.org/?x=1&y=\\"2\\""\n',
        encoding="utf-8",
    )
    return tmp_path


def test_nothing_a_document_or_a_rule_says_becomes_markup(hostile):
    report = check([hostile / "docs"], load_rules(hostile / "rules").or_raise())
    assert report.conflicts, "the two figures disagree"
    page = render_html(report)
    elements = _Elements(page)
    names = {name for name, _ in elements.tags}
    assert not names & {"script", "img", "b", "i"}
    assert not any(key.startswith("on") for _, attrs in elements.tags for key in attrs)
    text = "".join(elements.text)
    for said in ('<script>alert("x")</script>', "Budget du <b>musée</b> & des \"amis\"", "<img src=x onerror=alert(1)>",
                 "Le <script>Journal</script> & Cie", "b<i>.txt", "<b onmouseover='alert(1)'>en gras</b>", 'Le musée & ses "amis"', "<i>ici</i>"):
        assert said in text, said  # shown as written, as text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="https://example.org/?x=1&amp;y=&quot;2&quot;"' in page


def test_the_page_is_the_same_bytes_every_time(seeds):
    assert render_html(seeds).encode() == render_html(seeds).encode()
    assert render_html(seeds).encode() == render_html(check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())).encode()


def test_an_empty_report_with_errors_is_a_page_too():
    from checker.errors import RecoupeError

    page = render_html(Report((), (RecoupeError("rules/x.toml", "key 'subject': <bad>", 3),), (), ()))
    assert "<h2>Errors</h2>" in page and "rules/x.toml:3: key &#x27;subject&#x27;: &lt;bad&gt;" in page
    assert "<svg" not in page


# -- discover --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def discovery():
    return discover([REPO / "seeds"])


def test_discover_page_has_each_candidate_with_its_chart(discovery):
    page = render_discovery_html(discovery, top=20)
    assert page == render_discovery_html(discovery, top=20)
    assert not _Elements(page).named("script")
    conflict = next(c for c in discovery.candidates if c.kind == "conflict")
    section = _section(page, f"candidate-{conflict.id}")
    assert "<svg" in section and '<span class="verdict conflict">CONFLICT</span>' in section
    assert "≥ 650 M€" in section and "718,4 M€" in section  # amounts in the unit an article uses
    for source in ("000", "001", "003", "004"):
        assert f"seeds/{source}_" in section
    attribution = next(c for c in discovery.candidates if c.kind == "attribution")
    section = _section(page, f"candidate-{attribution.id}")
    assert "<svg" not in section and "1,5 Md€" in section and "40 %" in section
    assert f"{len(discovery.candidates)} candidates" in page


def test_discover_page_shows_only_the_top_candidates(discovery):
    page = render_discovery_html(discovery, top=1)
    assert page.count('<section class="subject') == 1


# -- the command line ------------------------------------------------------------------------------


def test_check_writes_html_on_stdout_and_to_a_file(tmp_path):
    runner = CliRunner()
    target = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["check", str(REPO / "seeds"), "--rules", str(REPO / "rules"), "--no-cache", "--format", "html", "--output", f"html:{target}"])
    assert result.exit_code == 1, result.output  # the funding conflict
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert target.read_text(encoding="utf-8") == result.stdout
    assert 'id="subject-sasn-funding"' in result.stdout


def test_a_file_named_html_gets_the_html_report(tmp_path):
    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", str(REPO / "seeds"), "--rules", str(REPO / "rules"), "--no-cache", "--output", str(target)])
    assert result.exit_code == 1, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and result.stdout == ""


def test_discover_writes_html(tmp_path):
    result = CliRunner().invoke(app, ["discover", str(REPO / "seeds"), "--no-cache", "--format", "html", "--top", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.count('<section class="subject') == 2


def test_html_is_a_format_of_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "recoupe.toml").write_text('format = "html"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(REPO / "seeds"), "--rules", str(REPO / "rules"), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")
