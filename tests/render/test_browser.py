"""The HTML report in a real browser: headless Chromium from the system's packages loads it.

Skipped, saying why, where /usr/bin/chromium is not installed (``apt-get install chromium``);
the rest of the suite does not need it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.running.pipeline import check
from checker.render.html import render_html
from checker.binding.loading import load_rules
from tests.chromium import CHROMIUM, Browser

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (Debian: apt-get install chromium): the HTML report is not opened in a browser",
)

FUNDING = """(() => {
  const section = document.getElementById('subject-sasn-funding');
  const box = (element) => { const b = element.getBoundingClientRect(); return [b.width, b.height]; };
  return {
    title: document.title,
    scripts: document.scripts.length,
    claims: [...section.querySelectorAll('li.claim .where code')].map((code) => code.textContent),
    marked: [...section.querySelectorAll('li.claim mark')].map((mark) => mark.textContent),
    verdict: section.querySelector('.verdict').textContent,
    chart: box(section.querySelector('svg.timeline')),
    marks: section.querySelectorAll('svg.timeline g.mark').length,
    charts: [...document.querySelectorAll('svg.timeline')].map(box),
  };
})()"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    opened = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield opened
    opened.close()


def test_the_seeds_report_loads_without_errors_with_the_funding_conflict_and_its_charts(browser, tmp_path):
    page = tmp_path / "recoupe-seeds.html"
    page.write_text(render_html(check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())), encoding="utf-8")
    assert browser.open(page) == []
    seen = browser.evaluate(FUNDING)
    assert seen["title"] == "recoupe: figures cross-checked" and seen["scripts"] == 0
    assert seen["verdict"] == "CONFLICT (medium)"
    assert [Path(claim).name[:3] for claim in seen["claims"]] == ["000", "001", "003", "004"]
    assert seen["marked"] == ["+650 M€", "550 millions d’euros", "plus de 550 millions d’euros", "718,4 millions d’euros"]
    width, height = seen["chart"]
    assert width > 300 and height > 150 and seen["marks"] == 4
    assert len(seen["charts"]) == 6 and all(w > 0 and h > 0 for w, h in seen["charts"])


def test_a_hostile_document_runs_nothing_in_the_browser(browser, tmp_path):
    docs, rules = tmp_path / "docs", tmp_path / "rules"
    docs.mkdir()
    rules.mkdir()
    (rules / "r.toml").write_text(
        '[[rule]]\nid = "musee"\ntitle = "Musée <script>console.error(1)</script> <b>gras</b>"\nkind = "money"\nunit = "M€"\n'
        "subject = ['musée']\nscope = \"document\"\n", encoding="utf-8",
    )
    (docs / "a.txt").write_text('Le musée <img src="http://example.invalid/x.png" onerror="console.error(2)"> reçoit 12 M€ & "plus".\n', encoding="utf-8")
    (docs / "b.txt").write_text("Le musée reçoit 15 M€ <script>console.error(3)</script>.\n", encoding="utf-8")
    page = tmp_path / "hostile.html"
    page.write_text(render_html(check([docs], load_rules(rules).or_raise())), encoding="utf-8")
    assert browser.open(page) == []
    counts = browser.evaluate("[document.scripts.length, document.images.length, document.querySelectorAll('main b').length]")
    assert counts == [0, 0, 0]
    assert "<script>console.error(3)</script>" in browser.evaluate("document.body.textContent")


def test_the_browser_does_report_a_page_that_errs(browser, tmp_path):
    """The check above can fail: a script the page's policy blocks is an error the test sees."""
    page = tmp_path / "erring.html"
    head = render_html(check([REPO / "seeds" / "004_7d23bb10be307744.txt"], load_rules(REPO / "rules").or_raise()))
    page.write_text(head.replace("</main>", "<script>console.log(1)</script></main>"), encoding="utf-8")
    errors = browser.open(page)
    assert len(errors) == 1 and "Content Security Policy" in errors[0]
