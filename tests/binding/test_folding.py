"""Rules' patterns matched on lower-cased text (checker.binding.folding) find what IGNORECASE finds."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.binding.folding import CHECKED_RANGES, EXCEPTIONS, folded_pattern, folded_text

FLAGS = regex.IGNORECASE | regex.VERSION0


def _checked_characters() -> list[str]:
    """The characters of CHECKED_RANGES that a text may hold and still be folded."""
    chars = (chr(code) for low, high in CHECKED_RANGES for code in range(low, high + 1))
    return [char for char in chars if char not in EXCEPTIONS and folded_text(char) is not None]


def test_every_checked_character_lower_cases_to_what_ignorecase_reads():
    """The ground truth of the module: for any two characters a folded text may hold, IGNORECASE
    takes one for the other exactly when their lower cases are the same character; and the
    classes a folded pattern keeps (\\w, \\s, \\d) say the same of a character and of its lower case."""
    chars = _checked_characters()
    assert len(chars) > 8000
    everything = "".join(chars)
    by_lower: dict[str, set[str]] = {}
    for char in chars:
        by_lower.setdefault(char.lower(), set()).add(char)
    for char in chars:
        assert set(regex.compile(regex.escape(char), FLAGS).findall(everything)) == by_lower[char.lower()], char
    for escape in (r"\w", r"\s", r"\d"):
        pattern = regex.compile(escape, regex.VERSION0)
        assert [c for c in chars if (pattern.match(c) is None) != (pattern.match(c.lower()) is None)] == []
    upper, lower = regex.compile("[A-Z]", FLAGS), regex.compile("[a-z]", regex.VERSION0)
    assert [c for c in chars if (upper.match(c) is None) != (lower.match(c.lower()) is None)] == []


def test_the_dotless_i_and_the_letters_that_fold_otherwise_are_left_as_written():
    for text in ("Istanbul, ılık", "la ſanté", "5 µg", "Straße", "İzmir", "ΣΟΦΟΣ σοφός"):
        assert folded_text(text) is None, text
    assert folded_text("Le DMP 🎯 : 12ᵉ édition, « Mon espace santé ») — Ω") == "le dmp 🎯 : 12ᵉ édition, « mon espace santé ») — ω"


def test_patterns_whose_meaning_does_not_depend_on_case_are_lowered():
    assert folded_pattern(r"\bDMP\b") == r"\bdmp\b"
    assert folded_pattern(r"Mon\s+Espace\s+Santé") == r"mon\s+espace\s+santé"
    assert folded_pattern(r"dot[ÉE]\w*") == r"dot[ée]\w*"
    assert folded_pattern(r"[A-Z]{2,}\S*\W\D") == r"[a-z]{2,}\S*\W\D"
    assert folded_pattern(r"(?:appels?|AMI)\s+(?<!pas )à\s+(?P<Quoi>projets)\.") == r"(?:appels?|ami)\s+(?<!pas )à\s+(?P<quoi>projets)\."
    assert folded_pattern(r"[-A-Z]|[a-z-]") == r"[-a-z]|[a-z-]"


def test_patterns_that_lowering_could_change_are_left_as_written():
    for source in (
        r"(?-i:DMP)", r"(?i)dmp", r"(?x) d m p", r"\p{Lu}+", r"\x41MI", r"\u0041", r"\N{LATIN CAPITAL LETTER A}",
        r"(a)\1", r"\Adébut", r"fin\Z", r"[À-Ý]", r"[A-z]", r"[\x00-\x7f]", r"[[:upper:]]", "ſanté", "Straße",
    ):
        assert folded_pattern(source) is None, source


WORDS = ["santé", "Santé", "SANTÉ", "numérique", "DMP", "dmp", "Mon", "espace", "ÉTAT", "état", "projets", "AMI", "ami", "œuvre", "Œuvre"]
SEPARATORS = [" ", "  ", "\n", "\u00a0", ", ", "-", "’", "'", ". ", "🎯", "ᵉ", "ſ", "ı", "İ", "ß", "K"]


@st.composite
def _texts(draw) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12))
    return "".join(word + separator for word, separator in parts)


@st.composite
def _patterns(draw) -> str:
    def atom() -> str:
        word = draw(st.sampled_from(WORDS))
        return draw(st.sampled_from([word, rf"\b{word}\b", f"{word[:3]}\\w*", f"[{word[0]}{word[0].swapcase()}]{word[1:]}", f"(?:{word}|[A-Z]{{2}})"]))

    atoms = [atom() for _ in range(draw(st.integers(1, 3)))]
    return draw(st.sampled_from([r"\s+", r"\W+", r"[\s’'-]*", ".{0,3}"])).join(atoms)


@settings(max_examples=300, deadline=None)
@given(_patterns(), _texts())
def test_a_folded_pattern_on_a_folded_text_finds_the_same_spans(source, text):
    expected = [match.span() for match in regex.compile(source, FLAGS).finditer(text)]
    pattern, lowered = folded_pattern(source), folded_text(text)
    if pattern is not None and lowered is not None:
        assert [match.span() for match in regex.compile(pattern, regex.VERSION0).finditer(lowered)] == expected
