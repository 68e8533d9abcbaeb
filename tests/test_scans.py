"""The extractor's fast scans find exactly what its reference patterns find.

checker.extractor scans for candidate numbers and for spans that are not quantities (dates,
phone numbers, labels...) alternative by alternative, where each can start, instead of running
one alternation over the whole text; CANDIDATE and NOT_QUANTITIES are what those scans mean.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extractor import CANDIDATE, NOT_QUANTITIES, _candidates, _collective_nouns, _excluded_spans
from checker.numbers import APPROXIMATE_WORDS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
CASES = [case["text"] for case in tomllib.loads((ROOT / "tests" / "data" / "extract_cases.toml").read_text(encoding="utf-8"))["case"]]

_REFERENCE_CANDIDATE = regex.compile(CANDIDATE)
_REFERENCE_EXCLUDED = regex.compile(NOT_QUANTITIES, regex.IGNORECASE)

# Pieces of French press writing that the scans treat specially, to be shuffled together.
PIECES = [
    " ", "\n", "\u00a0", "\u202f", "0", "1", "2", "5", "12", "2025", "06 12 34 56 78", "+33 1 45 67 89 10",
    ",", ".", "-", "/", ":", "h", "x", "×", "%", "€", "M€", "un", "une", "Un", "deux", "vingt-et-un", "mille",
    "dizaine", "une centaine", "quelque", "millions", "Article", "art.", "p.", "pp.", "n°", "janvier",
    "septembre", "1er", "rue", "avenue", "Paris", "cedex", "@", "contact@", "exemple.fr", "http://", "www.",
    "du", "au", "et", "entre", "à", "de", "d'", "projets", "ans", "É", "İ", "ß", "ſ", "K",
    # what may follow a run of digits in a date, a time, an address (see _could_start_at_digits)
    "1ER", "ET", "AU", "À", "–", "H", "bis", "Ter", "Rue", "24/7", "0612345678", "75013", "_",
    # collective nouns, found before the article is tried (see _approx_matches)
    "millier", "milliers", "QUINZAINE", "Une", "QUELQUE", "uné",
    # the first character of the word after the spaces that follow digits (see _could_start_at_digits)
    "  ", "\u2009", "\u3000", "\x1c", "Quai", "Bd", "JANV.", "ſeptembre", "jA", "Fé", "rUE", "R", "sQuare", "Kelvin", "İle", "E", "Et", "Mars",
    # labels inside words are not labels (see _matches_before)
    "particle", "éart.", "_art.", "Lot", "ſection", "ſept", "une ſoixantaine", "Rang",
]


def _reference_candidates(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _REFERENCE_CANDIDATE.finditer(text):
        number = match.group("digits") or match.group("approx") or match.group("words") or match.group("times")
        found.append((match.start(), match.end(), number))
    return found


def _fast_candidates(text: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.number) for c in _candidates(text)]


def test_on_the_seeds_and_the_extraction_corpus() -> None:
    for text in SEEDS + CASES:
        assert _fast_candidates(text) == _reference_candidates(text)
        assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_on_shuffled_pieces_of_french_writing(text: str) -> None:
    assert _fast_candidates(text) == _reference_candidates(text)
    assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_on_any_text(text: str) -> None:
    assert _fast_candidates(text) == _reference_candidates(text)
    assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*APPROXIMATE_WORDS, "aine", "z", "t", "semaine", " ", "dizain", "e", "milli", "er"]), max_size=12).map("".join))
def test_collective_nouns_are_those_in_the_text(text: str) -> None:
    assert _collective_nouns(text) == [noun for noun in APPROXIMATE_WORDS if noun in text]
