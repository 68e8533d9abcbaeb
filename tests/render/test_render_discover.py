"""discover's candidates for people at a fixed width: every figure whole, nothing wider than the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from checker.discovery.corpus import discover
from checker.render.discover_table import render_discover_table
from checker.render.table import quote_excerpt

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds_discovery():
    previous = os.getcwd()
    os.chdir(REPO)
    try:
        return discover([Path("seeds")])
    finally:
        os.chdir(previous)


def _read(text: str) -> str:
    """The text as a person reads it: gutters and carets left out, lines joined."""
    lines = [line.strip().removeprefix("│").strip() for line in text.splitlines()]
    return " ".join(" ".join(line for line in lines if line.strip("^")).split())


@pytest.mark.parametrize("width", [80, 120, 200])
def test_every_figure_of_every_candidate_is_shown_whole_within_the_width(seeds_discovery, width):
    text = render_discover_table(seeds_discovery, top=20, width=width, cwd=str(REPO))
    assert max(cell_len(line) for line in text.splitlines()) <= width
    flat = _read(text)
    assert seeds_discovery.candidates, "seeds/ holds drifting figures"
    for candidate in seeds_discovery.candidates:
        assert " ".join(candidate.explanation.split()) in flat
        for figure in candidate.figures:
            assert f"“{figure.quantity.text}”" in flat
            assert f"{figure.source}:{figure.line}:{figure.column}" in flat
            quote, _, _ = quote_excerpt(figure)
            assert " ".join(quote.split()) in flat


def test_paths_are_relative_to_the_current_folder(seeds_discovery):
    absolute = discover([REPO / "seeds" / "000_24e455942a2c1529.txt", REPO / "seeds" / "001_01d4b650f65474cf.txt",
                         REPO / "seeds" / "003_e1b8272edf995ba4.txt"])
    text = render_discover_table(absolute, top=20, width=80, cwd=str(REPO))
    assert "seeds/000_24e455942a2c1529.txt:17:4" in text and str(REPO) not in text


def test_without_colour_the_figure_is_underlined_by_carets(seeds_discovery):
    lines = render_discover_table(seeds_discovery, top=20, width=80).splitlines()
    (at,) = [number for number, line in enumerate(lines) if line.endswith("│ ✔️ +650 M€ investis")]
    quote, carets = lines[at], lines[at + 1]
    assert carets.strip(" │") == "^" * cell_len("+650 M€")
    assert cell_len(quote[:quote.index("+650")]) == cell_len(carets[:carets.index("^")])


def test_with_colour_there_are_no_carets(seeds_discovery):
    text = render_discover_table(seeds_discovery, top=20, color=True, width=80)
    assert "^^^" not in text and "\x1b[" in text


def test_counts_are_said_with_their_plural(seeds_discovery):
    text = render_discover_table(seeds_discovery, top=1, width=200)
    first = text.splitlines()[0]
    figures = len(seeds_discovery.candidates[0].figures)
    sources = seeds_discovery.candidates[0].sources
    assert f"{figures} figure{'s' if figures != 1 else ''}, {sources} source{'s' if sources != 1 else ''}" in first
    assert f"({min(1, len(seeds_discovery.candidates))} shown)" in text
