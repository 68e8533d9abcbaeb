"""check's report for people at a fixed width: nothing cut, nothing wider than the terminal.

The report of seeds/ is kept as a snapshot at 80 and at 200 columns (tests/data/snapshots);
``RECOUPE_UPDATE_SNAPSHOTS=1`` writes them anew after a wanted change, to be read in the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from checker.running.pipeline import check
from checker.render.common import display_value
from checker.render.table import quote_excerpt, render_table, wrap
from checker.binding.loading import load_rules

REPO = Path(__file__).resolve().parents[2]
SNAPSHOTS = REPO / "tests" / "data" / "snapshots"


@pytest.fixture(scope="module")
def seeds_report():
    previous = os.getcwd()
    os.chdir(REPO)  # the report names seeds/ as a user in the repository would
    try:
        return check([Path("seeds")], load_rules(REPO / "rules", cache_dir=None).rules)
    finally:
        os.chdir(previous)


@pytest.mark.parametrize("width", [80, 200])
def test_the_report_matches_its_snapshot(seeds_report, width):
    text = render_table(seeds_report, color=False, width=width)
    snapshot = SNAPSHOTS / f"check-seeds-{width}.txt"
    if os.environ.get("RECOUPE_UPDATE_SNAPSHOTS"):
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 100, 200])
def test_every_claim_is_shown_whole_within_the_width(seeds_report, width):
    text = render_table(seeds_report, color=False, width=width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    # the text as read: the quotes' gutter and the carets under the figures left out
    read = [line.strip().removeprefix("│").strip() for line in text.splitlines()]
    flat = " ".join(" ".join(line for line in read if line.strip("^")).split())
    for finding in seeds_report.findings:
        for claim in finding.claims:
            assert " ".join(display_value(finding.rule, claim).split()) in flat
            assert f"{claim.source}:{claim.line}:{claim.column}" in flat
            if finding.verdict != "single":
                quote, _, _ = quote_excerpt(claim)
                assert " ".join(quote.split()) in flat


def test_without_colour_the_figure_is_underlined_by_carets(seeds_report):
    lines = render_table(seeds_report, color=False, width=80).splitlines()
    (at,) = [number for number, line in enumerate(lines) if line.endswith("│ ✔️ +650 M€ investis")]
    quote, carets = lines[at], lines[at + 1]
    start = carets.index("^")
    assert carets.strip(" │") == "^" * cell_len("+650 M€")
    assert cell_len(quote[:quote.index("+650")]) == cell_len(carets[:start])


def test_with_colour_the_figure_is_highlighted_and_there_are_no_carets(seeds_report):
    text = render_table(seeds_report, color=True, width=80)
    assert "^^^" not in text and "\x1b[" in text


@pytest.mark.parametrize("width", [1, 5, 20, 80])
def test_wrapping_covers_the_text_within_the_width(width):
    text = "Avec plus de 550 millions d’euros engagés, elle a permis de financer plus de 660 porteurs ✔️ anticonstitutionnellement."
    spans = list(wrap(text, width))
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(text[a:b]) <= max(width, 2) for a, b in spans)
