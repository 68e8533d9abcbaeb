"""extract's table for people at a fixed width: each source on a line of its own, numbers never split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from cli.main import app

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, width: int, monkeypatch) -> str:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", str(width))
    result = CliRunner().invoke(app, ["extract", "seeds", "--no-cache", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("width", [80, 120])
def test_every_row_fits_and_every_number_is_whole(width, monkeypatch):
    table = _run(width=width, monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in _run("--format", "jsonl", width=width, monkeypatch=monkeypatch).splitlines()]
    lines = table.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    for source in {row["source"] for row in rows}:
        assert source in lines  # a document's path on a line of its own, relative to the current folder
    for row in rows:
        digits = f"{row['value']:,.6g}" if abs(row["value"]) < 1e6 else f"{row['value']:,.0f}"
        number = digits.replace(",", "\u00a0")
        assert any(number in line for line in lines), f"{row['text']!r}: {number!r} split or missing"
        assert any(f"{row['line']}:{row['column']} " in line for line in lines)
        if row["noun"]:
            assert any(row["noun"] in line for line in lines), f"{row['text']!r}: its noun is cut"
