"""checker.extraction.language: whether a figure stands in an English sentence (a documented heuristic)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extraction.language import ENGLISH_WORDS, FRENCH_WORDS, is_english


@pytest.mark.parametrize(("text", "english"), [
    ("The company raised 3 billion euros in 2021.", True),
    ("It will invest 1,200 dollars in each of the new centres.", True),
    ("La société a levé 3 milliards d'euros en 2021.", False),
    ("Le fonds investit 1,200 % de plus que prévu.", False),
    ("€3 billion", False),  # no small word at all: French, the language recoupe reads
    ("Selon le ministère, « the fund has 3 billion » dit-il.", True),  # the quoted passage decides
    ("Selon le rapport, « le fonds a 3 milliards » dit-il.", False),
    ("The minister said: “le fonds a 3 milliards”, then left the room.", False),
    ("Le PDG a déclaré : « Over 3,200 hospitals are connected », un record.", True),
    ("Le ministère cite « 3 » projets pour la région.", False),  # no small word in the quote: the sentence
])
def test_a_sentence_is_english_when_it_has_more_english_small_words(text: str, english: bool) -> None:
    assert is_english(text, text.index("3") if "3" in text else 0) is english


def test_the_sentence_decides_not_the_page() -> None:
    text = "Le ministère a publié ses chiffres. The fund has invested 1,200 dollars so far. La suite est en français."
    assert is_english(text, text.index("1,200"))
    assert not is_english(text, text.index("ministère"))
    assert not is_english(text, text.index("suite"))


def test_a_figure_outside_the_quote_is_judged_on_the_sentence() -> None:
    text = "Le fonds de la région a investi 1,200 milliard pour les hôpitaux, sous le slogan « the future »."
    assert not is_english(text, text.index("1,200"))
    text = "Le rapport dit « the fund has grown » et « il a 3 milliards » selon lui."
    assert not is_english(text, text.index("3"))


def test_no_small_word_is_in_both_lists() -> None:
    assert not ENGLISH_WORDS & FRENCH_WORDS


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=300))
def test_never_raises(text: str, position: int) -> None:
    assert is_english(text, min(position, len(text))) in (True, False)
