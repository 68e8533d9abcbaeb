"""Claims written into the JSON report from a template read as their dicts laid out by json.dumps."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.binding.bind import Claim, Evidence
from checker.extraction.quantity import Quantity
from checker.binding.period import Period
from checker.render.json import _laid_claim, claim_to_dict
from checker.jsonlayout import dumps_indented
from checker.reading.sources import Source

TEXT = st.text(alphabet=st.sampled_from(list("aé\"\\\n\t’€ \u2028\x00") + ["\U0001f600"]), max_size=6)
MAYBE_TEXT = st.none() | TEXT
NUMBER = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10, 10**20)

quantities = st.builds(
    Quantity, st.integers(0, 99), st.integers(0, 99), TEXT, TEXT, NUMBER, TEXT, st.none() | NUMBER, st.none() | NUMBER, TEXT, MAYBE_TEXT,
)
evidence = st.builds(Evidence, TEXT, TEXT, TEXT, st.integers(1, 99), st.integers(1, 99), TEXT)
sources = st.none() | st.builds(
    Source, MAYBE_TEXT, MAYBE_TEXT, MAYBE_TEXT, MAYBE_TEXT, MAYBE_TEXT, MAYBE_TEXT,
    st.lists(st.tuples(TEXT, TEXT), max_size=3).map(tuple),
)
periods = st.none() | st.builds(Period, MAYBE_TEXT, TEXT, TEXT, st.booleans(), TEXT, MAYBE_TEXT)
claims = st.builds(
    Claim, TEXT, TEXT, st.integers(1, 999), st.integers(1, 999), quantities, TEXT, st.integers(-5, 99), MAYBE_TEXT,
    st.lists(evidence, max_size=3).map(tuple), st.none() | st.integers(1, 9), sources, periods,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(claims, max_size=3))
def test_a_laid_claim_is_its_dict_laid_out(claims):
    laid = {"findings": [{"claims": [_laid_claim(claim) for claim in claims]}]}
    plain = {"findings": [{"claims": [claim_to_dict(claim) for claim in claims]}]}
    assert dumps_indented(laid) == json.dumps(plain, ensure_ascii=False, indent=2)
