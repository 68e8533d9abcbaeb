"""French number grammar: parse_digits, parse_words, and properties of the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extraction.extractor import extract
from checker.extraction.nouns import singular
from checker.french import ENGLISH_SCALE_WORDS, SCALE_SYMBOLS, SCALE_WORDS
from checker.extraction.numbers import APPROXIMATE_WORDS, parse_digits, parse_words

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("surface", "value", "half_unit"),
    [
        ("718,4", "718.4", "0.05"),
        ("550", "550", "5"),
        ("8 000", "8000", "500"),
        ("8\u00a0000", "8000", "500"),
        ("8\u202f000", "8000", "500"),
        ("1 000 000", "1000000", "500000"),
        ("1.000.000", "1000000", "500000"),
        ("1.500,25", "1500.25", "0.005"),
        ("3,50", "3.50", "0.005"),
        ("2.5", "2.5", "0.05"),
        ("0", "0", "0.5"),
        ("0,8", "0.8", "0.05"),
        ("7", "7", "0.5"),
        ("12 345,678", "12345.678", "0.0005"),
        ("007", "7", "0.5"),
    ],
)
def test_parse_digits_reads_french_writing(surface: str, value: str, half_unit: str) -> None:
    parsed = parse_digits(surface)
    assert parsed.value == Decimal(value)
    assert parsed.half_unit == Decimal(half_unit)


@pytest.mark.parametrize("surface", ["", "abc", "1,2,3", "1.2.3,4,5", "--", "1,,2", "١٢"])
def test_parse_digits_refuses_what_is_not_a_number(surface: str) -> None:
    with pytest.raises(ValueError):
        parse_digits(surface)


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("un", 1), ("une", 1), ("cinq", 5), ("dix-sept", 17), ("vingt et un", 21), ("vingt-et-un", 21),
        ("trente-deux", 32), ("soixante et onze", 71), ("quatre-vingts", 80), ("quatre-vingt-dix-sept", 97),
        ("cent cinquante", 150), ("deux cents", 200), ("mille", 1000), ("deux mille", 2000),
        ("trois cent mille", 300000), ("septante-cinq", 75), ("nonante", 90), ("Trente-Deux", 32),
    ],
)
def test_parse_words_reads_french_number_words(surface: str, value: int) -> None:
    assert parse_words(surface).value == value


@pytest.mark.parametrize("surface", ["", "bonjour", "projet", "cinq projets"])
def test_parse_words_refuses_other_words(surface: str) -> None:
    with pytest.raises(ValueError):
        parse_words(surface)


def test_parse_words_precision_is_that_of_the_written_number() -> None:
    assert parse_words("trente-deux").half_unit == Decimal("0.5")
    assert parse_words("deux mille").half_unit == Decimal("500")


def _french(integer: int, separator: str) -> str:
    """An integer grouped by thousands the French way: 1 234 567."""
    digits = str(integer)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups)


SEPARATORS = st.sampled_from([" ", NBSP, NNBSP, ""])


@given(st.integers(min_value=0, max_value=10**15), SEPARATORS)
def test_parse_digits_round_trips_grouped_integers(integer: int, separator: str) -> None:
    assert parse_digits(_french(integer, separator)).value == integer


@given(st.integers(min_value=1000, max_value=10**15))
def test_parse_digits_round_trips_dot_grouped_integers(integer: int) -> None:
    assert parse_digits(_french(integer, ".")).value == integer


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**6), SEPARATORS)
def test_parse_digits_round_trips_decimal_commas(integer: int, fraction: int, separator: str) -> None:
    decimals = str(fraction)
    parsed = parse_digits(f"{_french(integer, separator)},{decimals}")
    assert parsed.value == Decimal(f"{integer}.{decimals}")
    assert parsed.half_unit == Decimal(5) * Decimal(10) ** (-len(decimals) - 1)


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False), SEPARATORS)
def test_parse_digits_round_trips_decimals(number: Decimal, separator: str) -> None:
    integer, _, fraction = f"{number:f}".partition(".")
    surface = _french(int(integer), separator) + ("," + fraction if fraction else "")
    assert parse_digits(surface).value == number


@given(st.integers(min_value=1, max_value=10**9), SEPARATORS)
def test_grouped_integers_are_found_in_sentences(integer: int, separator: str) -> None:
    surface = _french(integer, separator if integer >= 10_000 else " ")
    text = f"Le fonds a versé {surface} € aux lauréats."
    (quantity,) = extract(text)
    assert quantity.kind == "money"
    assert quantity.value == integer
    assert quantity.text == f"{surface} €"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_never_raises_and_surfaces_match_offsets(text: str) -> None:
    _check_quantities(text)


# Text made of what the extractor reacts to, so that the odd corners are actually reached.
PIECES = st.sampled_from([
    "1", "12", "2030", "3,5", "1.000", " ", "\u00a0", "\u202f", "\n", "-", "–", "+", "~", "%", "€", "$",
    "M€", "Md", "k", "millions", "d'euros", "d’", "de ", "à ", "et ", "entre ", "plus de ", "environ ",
    "jusqu'à ", "projets", "ans", "mois", "et demi", "trente-deux", "un ", "une dizaine", "multiplié par ",
    "fois", "x", "×", "m²", "janvier", "h", ":", "/", ".", ",", "er", "ᵉ", "France ", "rue", "Paris",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_extract_on_figure_like_text(text: str) -> None:
    _check_quantities(text)


def _check_quantities(text: str) -> None:
    quantities = extract(text)
    previous_end = 0
    for quantity in quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start:quantity.end] == quantity.text
        assert quantity.start >= previous_end, "figures overlap"
        previous_end = quantity.end
        if quantity.low is not None and quantity.high is not None:
            assert quantity.low <= quantity.high


STEMS = st.text(alphabet="abcdefghijklmnopqrstuvwyzéèàô", min_size=2, max_size=10).filter(
    lambda stem: not stem.endswith(("s", "x", "z"))
)


@given(STEMS, st.sampled_from(["", "s"]))
def test_singular_is_idempotent(stem: str, ending: str) -> None:
    once = singular(stem + ending)
    assert singular(once) == once
    assert once == once.lower()


@given(STEMS, STEMS)
def test_singular_works_on_each_part_of_a_compound(first: str, second: str) -> None:
    compound = f"{first}s-{second}s"
    assert singular(compound) == f"{singular(first + 's')}-{singular(second + 's')}"


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("projets", "projet"), ("hôpitaux", "hôpital"), ("bureaux", "bureau"), ("jeux", "jeu"),
        ("travaux", "travail"), ("pays", "pays"), ("mois", "mois"), ("Tiers-Lieux", "tiers-lieu"),
        ("CHU", "chu"), ("DMP", "dmp"), ("prix", "prix"), ("bijoux", "bijou"), ("festivals", "festival"),
    ],
)
def test_singular_of_french_plurals(plural: str, expected: str) -> None:
    assert singular(plural) == expected


# Every scale a number can carry, with its multiplier: words and symbols (checker.french), the
# collective nouns (numbers.APPROXIMATE_WORDS, in the plural after a number).
_SCALES = sorted(
    [*SCALE_WORDS.items(), *SCALE_SYMBOLS.items(), *((f"{noun}s", value) for noun, value in APPROXIMATE_WORDS.items())]
)
_BEFORE_SCALED = ["Le budget atteint", "On compte", "Soit", "Il y a eu", "Près de", "Le fonds de", "(", "Total :"]
_AFTER_SCALED = ["", ".", " €", "€", " d'euros", " de dollars", " de patients", " projets", " et demi", " et demi d’euros", " en 2025."]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_BEFORE_SCALED), st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=99),
    st.sampled_from(["", " ", NBSP, NNBSP]), st.sampled_from(_SCALES), st.sampled_from(_AFTER_SCALED),
)
def test_a_number_followed_by_a_scale_is_never_reported_without_it(
    before: str, integer: int, decimals: int, space: str, scale: tuple[str, int], after: str,
) -> None:
    """The figure that reads the number, if any, carries its scale: 10k is 10 000, "3 millions et
    demi" 3 500 000, "trois douzaines" 36; nothing at all is better than a figure without it."""
    surface, multiplier = scale
    if surface not in SCALE_SYMBOLS:
        space = space or " "  # "3 millions"; a symbol may be glued: "3k", "3M", "3Md"
    if (decimals or surface[:-1] in APPROXIMATE_WORDS) and after.startswith(" et demi"):
        after = ""  # "1,05 million et demi", "3 centaines et demi" are no French
    number = _french(integer, " ") + (f",{decimals:02d}" if decimals else "")
    text = f"{before} {number}{space}{surface}{after}"
    value = Decimal(number.replace(" ", "").replace(",", "."))
    if after.startswith(" et demi"):
        value += Decimal("0.5")
    if surface in ENGLISH_SCALE_WORDS and not surface.endswith("s") and value >= 2:
        multiplier = ENGLISH_SCALE_WORDS[surface]  # "2 billion": English grammar, the short scale
    start = len(before) + 1
    for quantity in extract(text):
        if quantity.number_start <= start < quantity.number_end:
            assert quantity.value == pytest.approx(float(value * multiplier), rel=1e-9), (text, quantity)
