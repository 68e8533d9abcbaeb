"""The extractor against corpora of French sentences: tests/data/extract_cases.toml, and
tests/data/forms.toml, where each case names the form of French writing it tests (issue 14)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.extraction.extractor import extract
from checker.extraction.quantity import KINDS, QUALIFIERS

DATA = Path(__file__).parent.parent / "data"
CASES_FILE = DATA / "extract_cases.toml"
FORMS_FILE = DATA / "forms.toml"
FORM_CASES: list[dict] = tomllib.loads(FORMS_FILE.read_text(encoding="utf-8"))["case"]
CASES: list[dict] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))["case"] + FORM_CASES

# Fields compared on every expected figure, and those compared only when the case gives them.
ALWAYS = ("text", "kind", "value", "unit", "qualifier", "noun")
WHEN_GIVEN = ("low", "high")
DEFAULTS = {"qualifier": "exact", "noun": None}
# TOML has no null: the corpus writes an open end or a missing noun as "none".
NONE = "none"


CASE_KEYS = {"text", "expect", "note", "form", "negative"}


def _expected(figure: dict) -> dict:
    unknown = set(figure) - set(ALWAYS) - set(WHEN_GIVEN)
    assert not unknown, f"unknown keys in the corpus: {unknown}"
    fields = {**DEFAULTS, **figure}
    return {key: None if value == NONE else value for key, value in fields.items()}


def _approx(value: object) -> object:
    return pytest.approx(value, rel=1e-9, abs=1e-12) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _case_id(case: dict) -> str:
    return case["text"][:50]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_extracts_what_a_french_reader_reads(case: dict) -> None:
    expected = [_expected(figure) for figure in case["expect"]]
    found = extract(case["text"])
    # each figure found, on the fields its expected counterpart gives (all of them for an extra one)
    keys = [list(figure) for figure in expected] + [list(ALWAYS)] * max(0, len(found) - len(expected))
    actual = [{key: getattr(quantity, key) for key in figure_keys} for quantity, figure_keys in zip(found, keys)]
    assert actual == [{key: _approx(value) for key, value in figure.items()} for figure in expected]

def test_every_form_has_positive_and_negative_cases() -> None:
    """Each form of forms.toml has sentences where it makes a figure, and at least one where its
    words make none (``negative = true``: the figures expected there, if any, are others)."""
    forms: dict[str, list[dict]] = {}
    for case in FORM_CASES:
        assert set(case) <= CASE_KEYS and "form" in case, case
        forms.setdefault(case["form"], []).append(case)
    for form, cases in forms.items():
        assert any(not case.get("negative") and case["expect"] for case in cases), f"{form}: no positive case"
        assert any(case.get("negative") for case in cases), f"{form}: no negative case"
        assert len(cases) >= 3, f"{form}: fewer than three cases"


def test_every_surface_is_the_text_between_its_offsets() -> None:
    for case in CASES:
        for quantity in extract(case["text"]):
            assert case["text"][quantity.start:quantity.end] == quantity.text


def test_the_corpus_covers_every_kind_and_qualifier() -> None:
    kinds = {figure["kind"] for case in CASES for figure in case["expect"]}
    qualifiers = {figure.get("qualifier", "exact") for case in CASES for figure in case["expect"]}
    assert kinds == set(KINDS), f"kinds without a case: {set(KINDS) - kinds}"
    assert qualifiers == set(QUALIFIERS)


def test_the_corpus_has_negatives_and_no_duplicates() -> None:
    negatives = [case for case in CASES if not case["expect"]]
    assert len(negatives) >= 20
    texts = [case["text"] for case in CASES]
    assert len(texts) == len(set(texts))
    assert len(CASES) >= 120


def test_volumes_in_litres_hectolitres_and_cubic_metres() -> None:
    found = extract("La cuve contient 3 hl, soit 300 litres ; le bassin fait 2 m³ et la dose 5 ml.")
    assert [(q.text, q.kind, q.unit) for q in found] == [
        ("3 hl", "volume", "liter"), ("300 litres", "volume", "liter"),
        ("2 m³", "volume", "liter"), ("5 ml", "volume", "liter"),
    ]
    assert [q.value for q in found] == pytest.approx([300, 300, 2000, 0.005])


@pytest.mark.parametrize("text", [
    "Le coefficient 1 multiplié par 3 donne 3.",  # the first figure's reading ends inside "multiplié par"
    "1 multiplié par 1",
])
def test_a_figure_never_reaches_back_into_the_previous_one(text: str) -> None:
    quantities = extract(text)
    for first, second in zip(quantities, quantities[1:]):
        assert first.end <= second.start, (first.text, second.text)


def test_digits_of_another_script_after_x_are_no_factor() -> None:
    """extract never raises: "x٣" (an Arabic-Indic three) was a ValueError."""
    assert extract("Un rendement x٣ annoncé.") == []


def test_long_s_is_read_as_the_case_insensitive_patterns_read_it() -> None:
    """"ſ" (long s) is an "s" to a case-insensitive pattern: "une ſoixantaine" is found as
    "une soixantaine" is, and was once a KeyError."""
    [quantity] = extract("Il y avait une ſoixantaine de lits.")
    assert (quantity.text, quantity.value, quantity.qualifier) == ("une ſoixantaine de lits", 60.0, "about")
