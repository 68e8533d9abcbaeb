"""The extractor's shortcuts give what they stand for.

The qualifier before a number ("plus de 300") is searched for backwards from the number, in one
try, with POSIX matching; QUALIFIER_BEFORE, searched forwards, is what that search means. "www."
is looked for only where "w." is. What follows a number is read by the noun's pattern alone when
the word there begins no word of the tables (_after_match), and the tables' words are written as
trees of their beginnings (_alternatives).
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import french
from checker.extraction.before import _LOOK_BEHIND, _QUALIFIER_BEFORE, QUALIFIER_BEFORE
from checker.extraction.readings import _AFTER_PARTS, _after_match, after_pattern
from checker.extraction.tables import _alternatives

_REFERENCE_QUALIFIER = regex.compile(QUALIFIER_BEFORE, regex.IGNORECASE)
_KINDS = ("at_most", "at_least", "about")

# Qualifiers, some of them the end of another of another kind ("moins de", "pas moins de"), and
# their words alone, to be shuffled together.
QUALIFIER_PIECES = [
    "pas plus de ", "moins de ", "jusqu'à ", "jusqu’a ", "au plus ", "au maximum ", "en dessous de ", "au-dessous d'",
    "dans la limite de ", "maximum ", "inférieure à ", "inférieurs à ", "< ", "≤", "pas moins d'", "plus de ", "au moins ",
    "au-delà de ", "au minimum ", "minimum ", "dès ", "à partir de ", "au-dessus de ", "supérieures à ", "≥ ", ">", "+ de ",
    "+", "+d'", "environ ", "quelque ", "près de ", "presque ", "à peu près ", "plus ou moins ", "autour de ",
    "de l'ordre de ", "aux alentours d’", "grosso modo ", "~", "≈ ", "env. ", "env.",
    "dépasse ", "dépassent parfois ", "n'excède pas ", "ne devrait pas excéder ", "ne pas dépasser ", "pas loin de ",
    "un maximum de ", "un minimum d'", "au bas mot ", "supérieur ou égal à ", "avoisinent ", "plafonnée à ", "excéder ",
    "pas", "plus", "moins", "au", "de", "d'", "à", "a", "ou", "dans", "la", "limite", "en", "-", "dessous", "peu", "près",
    " ", "  ", "\n", "\u00a0", "x", "é", "ſ", "PLUS ", "De ", "MOINS ",
]


def _found(match: regex.Match[str] | None) -> tuple[str, int] | None:
    if match is None:
        return None
    return next(kind for kind in _KINDS if match.group(kind) is not None), match.start()


def _check(window: str) -> bool:
    """Both searches agree on the window; whether they found a qualifier."""
    found = _found(_REFERENCE_QUALIFIER.search(window))
    assert _found(_QUALIFIER_BEFORE.search(window)) == found
    return found is not None


def test_the_longest_qualifier_is_the_leftmost() -> None:
    assert _found(_QUALIFIER_BEFORE.search("il en faut pas moins de ")) == ("at_least", 11)
    assert _found(_QUALIFIER_BEFORE.search("il en faut moins de ")) == ("at_most", 11)
    assert _found(_QUALIFIER_BEFORE.search("quasiment plus ou moins ")) == ("about", 10)
    assert _found(_QUALIFIER_BEFORE.search("rien de ")) is None


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(QUALIFIER_PIECES), max_size=14).map("".join), st.booleans())
def test_on_shuffled_qualifiers(text: str, upper: bool) -> None:
    _check((text.upper() if upper else text)[-_LOOK_BEHIND:])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=_LOOK_BEHIND))
def test_on_any_text(text: str) -> None:
    _check(text)


def test_shuffled_qualifiers_are_found() -> None:
    """The pieces make qualifiers (the test above tries more than misses)."""
    assert sum(_check(piece) for piece in QUALIFIER_PIECES) > 30


def test_only_w_is_a_w_to_ignorecase() -> None:
    """Where "www." can be (see _excluded_spans): the characters the pattern's "w" matches."""
    w = regex.compile("w", regex.IGNORECASE)
    assert [char for char in map(chr, range(0x110000)) if w.match(char)] == ["W", "w"]


_REFERENCE_AFTER = regex.compile(after_pattern())


def _reference_after(text: str, pos: int) -> tuple[str, tuple[int, int] | None]:
    match = _REFERENCE_AFTER.match(text, pos)
    if match is None:
        return "", None
    return next(name for name, _ in _AFTER_PARTS if match.group(name) is not None), match.span()


# What follows a number: the tables' words, nouns that begin like them or not, spaces, case
AFTER_PIECES = [
    " ", "  ", "\u00a0", "\n", "'", "’", "-", ".", "€", "$", "%", "M", "k", "millions", "millier", "mds", "euros", "dollars",
    "australiens", "centimes", "pour", "cent", "points", "de", "pourcentage", "fois", "km", "kilometres", "mètres",
    "degrés", "Celsius", "projets", "patients", "mois", "maisons", "mi", "pr", "po", "AUD", "XY", "Projets", "ſ", "K",
    "é", "ans", "année", "heures", "et", "demi", "x", "q", "z", ",", ";", ")", "«", "“", "°C", "µg", "²", "2", "\u2009",
    "km", "Go", "go", "MW", "mw", "CHF", "chf", "EUR", "pp", "pts", "tiers", "quarts",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(AFTER_PIECES), max_size=8).map("".join))
def test_what_follows_a_number_is_read_as_the_whole_pattern_reads_it(text: str) -> None:
    what, match = _after_match("3" + text, 1)
    assert (what, match.span() if match else None) == _reference_after("3" + text, 1)


def _plain_alternation(words: list[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["m", "mi", "mil", "million", "millions", "milliard", "s", "x", " ", "é"]), max_size=5).map("".join))
def test_a_tree_of_words_matches_as_their_alternation_longest_first(text: str) -> None:
    for table in (french.SCALE_WORDS, french.UNIT_WORDS, french.UNIT_SYMBOLS, french.CURRENCY_NAMES, french.ISO_CODES):
        words = sorted(table)
        tree = regex.compile(f"(?:{_alternatives(words)})(?![\\p{{L}}])", regex.IGNORECASE)
        plain = regex.compile(f"(?:{_plain_alternation(words)})(?![\\p{{L}}])", regex.IGNORECASE)
        for start in range(len(text)):
            found, expected = tree.match(text, start), plain.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start)
