"""A long document read a stretch at a time (checker.extraction.stretches, issue 17): the figures found and the
claims bound are those of the whole text read at once, only the memory of the scans is bounded.
The stretch length is made tiny here so that ordinary texts are cut into many stretches."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checker.extraction.stretches
from checker.binding.bind import bind
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.loading import load_rules
from checker.extraction.stretches import stretches

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FORMS = tomllib.loads((ROOT / "tests" / "data" / "forms.toml").read_text(encoding="utf-8"))["case"]
CASES = tomllib.loads((ROOT / "tests" / "data" / "extract_cases.toml").read_text(encoding="utf-8"))["case"]


def _seed_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in SEEDS)


def _sentences() -> list[str]:
    return [case["text"] for case in (*FORMS, *CASES)]


def _read(text: str, length: int, monkeypatch) -> list:
    monkeypatch.setattr(checker.extraction.stretches, "STRETCH_CHARS", length)
    return extract(text)


# ---------------------------------------------------------------- the cut itself


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Le plan", " vaut 3 M€", ". ", "Puis", "\n\n", "\n", " ", "! Ainsi", "?\u00a0Or", "x"]), max_size=60),
    st.integers(min_value=1, max_value=40),
)
def test_stretches_cover_the_text_in_order(parts: list[str], length: int) -> None:
    text = "".join(parts)
    pieces = list(stretches(text, length))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:]):
        assert end == start
    for start, end in pieces[:-1]:
        assert end - start >= length
        # a stretch ends after the end of a sentence or a blank line, never within a word
        before = text[start:end].rstrip()
        assert before[-1:] in {".", "!", "?"} or "\n\n" in text[start:end].replace(" ", "")[-3:] or text[start:end].endswith("\n")


def test_a_short_text_is_one_stretch() -> None:
    text = _seed_text()
    assert list(stretches(text)) == [(0, len(text))]


def test_a_text_without_an_end_of_sentence_is_one_stretch() -> None:
    text = "un mot, puis un autre, " * 200
    assert list(stretches(text, 50)) == [(0, len(text))]


# ---------------------------------------------------------------- the figures read


@pytest.mark.parametrize("length", [40, 200, 700])
def test_the_seeds_read_in_stretches_give_the_figures_read_whole(length: int, monkeypatch) -> None:
    text = _seed_text()
    assert len(list(stretches(text, length))) > 10
    whole = _read(text, 10**9, monkeypatch)
    assert len(whole) > 50
    assert _read(text, length, monkeypatch) == whole


@pytest.mark.parametrize("joint", [" ", "\n\n", "\n"])
def test_the_test_sentences_read_in_stretches_give_the_figures_read_whole(joint: str, monkeypatch) -> None:
    """Every sentence of the extraction tables, one after another: a stretch ends between two of
    them, and a figure at the start of one is read as it is alone (its case says how)."""
    text = joint.join(_sentences())
    if joint != "\n":  # a single line break is not a stretch's end: only sentences' ends are
        assert len(list(stretches(text, 60))) > 100
    whole = _read(text, 10**9, monkeypatch)
    assert _read(text, 60, monkeypatch) == whole


# ---------------------------------------------------------------- the claims bound


def test_the_claims_of_a_document_of_many_stretches_are_those_of_one(monkeypatch) -> None:
    """bind lower-cases a long document a stretch at a time and scans every rule's patterns on each
    (matches._Matches): the claims and near misses are those of the text scanned whole."""
    rules = list(load_rules(ROOT / "rules", cache_dir=None).rules)
    document = Document.from_text(_seed_text(), source="seeds.txt")
    monkeypatch.setattr(checker.extraction.stretches, "STRETCH_CHARS", 10**9)
    quantities = extract(document.text)
    whole = bind(document, quantities, rules)
    assert len(whole[0]) > 20
    monkeypatch.setattr(checker.extraction.stretches, "STRETCH_CHARS", 300)
    assert len(list(stretches(document.text))) > 20
    assert bind(document, extract(document.text), rules) == whole
