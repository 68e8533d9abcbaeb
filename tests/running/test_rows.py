"""checker.running.rows writes each row of ``extract --format jsonl|json`` as the standard library encodes it."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.extraction.quantity import Quantity
from checker.running.rows import JSON, JSONL, render_rows

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode

# Any text: lone surrogates, control characters, quotes and backslashes included.
_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF))
_FLOAT = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, -0.0, math.inf, -math.inf, math.nan, 1e16, 5e-324])
# A Quantity holds floats; ints, booleans and subclasses of str and float take the fallback.
_NUMBER = _FLOAT | st.integers() | st.booleans() | st.builds(type("Float", (float,), {}), _FLOAT)
_LABEL = _TEXT | st.builds(type("Text", (str,), {}), _TEXT)


@st.composite
def _documents(draw) -> tuple[Document, list[Quantity]]:
    text = draw(_TEXT)
    paged = draw(st.booleans())
    page_starts = tuple(sorted(draw(st.sets(st.integers(0, len(text)), min_size=1)))) if paged else ()
    document = Document.from_text(text, source=draw(_TEXT), page_starts=page_starts)
    quantities = [
        Quantity(
            start=draw(st.integers(0, len(text))), end=draw(st.integers(0, 10**12)), text=draw(_LABEL), kind=draw(_LABEL),
            value=draw(_NUMBER), unit=draw(_LABEL), low=draw(st.none() | _NUMBER), high=draw(st.none() | _NUMBER),
            qualifier=draw(_LABEL), noun=draw(st.none() | _LABEL),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    return document, quantities


def _row(document: Document, quantity: Quantity) -> dict[str, object]:
    """A row as ``extract`` made it before checker.running.rows: a dict per figure."""
    line, column = document.position(quantity.start)
    row: dict[str, object] = {"source": document.source, "line": line, "column": column}
    if document.page_starts:
        row["page"] = document.page_at(quantity.start)
    row.update(quantity.as_dict())
    return row


@settings(max_examples=300)
@given(_documents())
def test_jsonl_rows_are_what_the_json_encoder_writes(drawn: tuple[Document, list[Quantity]]) -> None:
    document, quantities = drawn
    assert render_rows(document, quantities, JSONL) == "".join(_ENCODE(_row(document, q)) + "\n" for q in quantities)


@settings(max_examples=300)
@given(_documents())
def test_json_rows_are_laid_out_as_json_dumps_indent_2(drawn: tuple[Document, list[Quantity]]) -> None:
    document, quantities = drawn
    rows = [_row(document, q) for q in quantities]
    rendered = render_rows(document, quantities, JSON)
    whole = json.dumps({"quantities": rows}, ensure_ascii=False, indent=2)
    # as extract writes the array: the first row without the comma that comes before every row
    assert '{\n  "quantities": [' + rendered[1:] + ("\n  ]" if rows else "]") + "\n}" == whole


def test_rows_of_real_text_carry_lines_columns_and_escapes() -> None:
    text = 'Titre\n\tLe « plan » coûte 650\u00a0M€ ; "40 %" des 3\u202f000 élèves\\\n'
    document = Document.from_text(text, source='dossier "x"\\a.txt')
    quantities = extract(text)
    lines = render_rows(document, quantities, JSONL).splitlines()
    assert [json.loads(line) for line in lines] == [json.loads(_ENCODE(_row(document, q))) for q in quantities]
    assert len(lines) == len(quantities) >= 2
    assert lines[0].startswith('{"source": "dossier \\"x\\"\\\\a.txt", "line": 2, "column": ')
    assert "650\u00a0M€" in lines[0]  # not escaped: ensure_ascii=False


def test_no_figure_is_no_row() -> None:
    assert render_rows(Document.from_text("rien"), [], JSONL) == render_rows(Document.from_text("rien"), [], JSON) == ""


@given(st.data())
def test_positions_are_those_of_position(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab\n", max_size=40))
    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=8))  # in any order, repeated or not
    expected = [Document.from_text(text).position(offset) for offset in offsets]
    counted = Document.from_text(text)
    assert counted.positions(offsets) == expected  # by counting line breaks
    counted.line_starts()
    assert counted.positions(offsets) == expected  # by bisection of the line starts
