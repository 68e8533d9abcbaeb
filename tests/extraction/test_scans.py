"""The extractor's fast scans find exactly what its reference patterns find.

The extractor scans for candidate numbers (checker.extraction.candidates) and for spans that are
not quantities (dates, phone numbers, labels...: checker.extraction.not_quantities) alternative by
alternative, where each can start, instead of running one alternation over the whole text;
CANDIDATE and NOT_QUANTITIES are what those scans mean.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extraction.candidates import _ARTICLE_LETTERS, _WORDS_KIND, _candidates, _collective_nouns, _is_article
from checker.extraction.not_quantities import NOT_QUANTITIES, _excluded_spans
from checker.extraction.numbers import APPROXIMATE_WORDS
from checker.extraction.patterns import CANDIDATE, WHITESPACE

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
CASES = [
    case["text"] for name in ("extract_cases.toml", "forms.toml")
    for case in tomllib.loads((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))["case"]
]

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
    # English dates and numbers (see _month_day_matches)
    "March", "september", "May", "Aug.", "feb.", "3rd", ", 2021", "1,200", "3,000,000", "1,234.5", "1.500",
    # shares and fractions (see _share_matches)
    "la moitié", "Le tiers", "le\u00a0quart", "moitié", "quartier", "tiers-lieu", "la", "le", "½", "¾", "2½", "⅔",
    # lone articles left out by the scan of the words, or not (see _WORDS_LOWER_NO_ARTICLE)
    "par", "PAR", "multiplié par", "\x85", "(", "projet", "élan", "Zoé", "mètres", "euros", "A", "k", "z",
]


def _reference_candidates(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _REFERENCE_CANDIDATE.finditer(text):
        number = next(match.group(name) for name in ("digits", "approx", "share", "words", "vulgar", "times") if match.group(name))
        found.append((match.start(), match.end(), number))
    return found


def _fast_candidates(text: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.number) for c in _candidates(text)]


def _check_articles_left_out(text: str) -> int:
    """The candidates without articles are all the others, in order: every one left out is a
    lone "un", "une" that _is_article drops. How many were left out."""
    everything = list(_candidates(text))  # the reference candidates, as the tests check
    kept = list(_candidates(text, articles=False))
    kept_set = set(kept)
    left_out = [candidate for candidate in everything if candidate not in kept_set]
    assert kept == [candidate for candidate in everything if candidate in kept_set]
    assert all(candidate.kind == _WORDS_KIND and _is_article(text, candidate) for candidate in left_out)
    return len(left_out)


def test_on_the_seeds_and_the_extraction_corpus() -> None:
    left_out = 0
    for text in SEEDS + CASES:
        assert _fast_candidates(text) == _reference_candidates(text)
        assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]
        left_out += _check_articles_left_out(text)
    assert left_out > 100  # the articles of French writing are left out by the scan


def test_the_article_scan_at_its_limits() -> None:
    """Lone articles the scan leaves out, and those it must yield for _is_article to judge: after
    "par" and spaces (str.isspace(): "\\x1c" too), before a word of other letters, at the start."""
    left_out = ["un projet", "Une équipe.", "x, une Zoé!", "x(un avis)", "pas un projet", "sur une voix", "un ka", "un ans"]
    judged = [
        "(un avis)", "par un projet", "multiplié par un projet", "par\nun projet", "divisé PAR  une voix", "par\x1c un projet", "par\x85une voix",
        "un projetß", "un projet\u00f1", "une Ωmega", "un  projet", "un\x1cprojet", "un an", "un deux", "un et deux", "un",
        "une ſoixantaine", " un projet",
    ]
    for text in left_out + judged:
        assert _check_articles_left_out(text) == (text in left_out), text


def test_what_the_article_scan_assumes_of_every_character() -> None:
    """What lower-cases to an article's letters is a letter to ``regex``, what lower-cases to another
    ASCII character or to a space is that character (see _WORDS_LOWER_NO_ARTICLE); what
    str.isspace() takes."""
    letters = set(_ARTICLE_LETTERS.replace("a-z", string.ascii_lowercase))
    letter = regex.compile(r"\p{L}")
    for code in range(0x110000):
        char = chr(code)
        lower = char.lower()
        assert char.isspace() == (char in WHITESPACE or "\x1c" <= char <= "\x1f")
        if len(lower) != 1:
            continue
        if lower in letters:
            assert letter.match(char), char
        elif lower.isascii() or lower in WHITESPACE:
            assert lower == char, char


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_on_shuffled_pieces_of_french_writing(text: str) -> None:
    assert _fast_candidates(text) == _reference_candidates(text)
    assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]
    _check_articles_left_out(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_on_any_text(text: str) -> None:
    assert _fast_candidates(text) == _reference_candidates(text)
    assert _excluded_spans(text) == [match.span() for match in _REFERENCE_EXCLUDED.finditer(text)]
    _check_articles_left_out(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*APPROXIMATE_WORDS, "aine", "z", "t", "semaine", " ", "dizain", "e", "milli", "er"]), max_size=12).map("".join))
def test_collective_nouns_are_those_in_the_text(text: str) -> None:
    assert _collective_nouns(text) == [noun for noun in APPROXIMATE_WORDS if noun in text]
