"""The unit factor table used at run time agrees with what pint computes from units.txt."""

from __future__ import annotations

import pytest

from checker.extraction import units
from checker.extraction.unit_factors import FACTORS, OFFSETS


def test_table_is_what_pint_computes_from_units_txt() -> None:
    """A stale table (units.txt or the extractor's units changed) fails here: run python -m cli.units --write."""
    factors, offsets, _ = units.compute_factors()
    assert units.factors_source(factors, offsets) == units.FACTORS_MODULE.read_text(encoding="utf-8")
    assert FACTORS == factors
    assert OFFSETS == offsets


@pytest.mark.parametrize(("unit", "degrees", "celsius"), [
    ("degree_Fahrenheit", 104.0, 40.0), ("degree_Fahrenheit", 32.0, 0.0), ("degree_Fahrenheit", -40.0, -40.0),
    ("degree_Celsius", -10.0, -10.0),
])
def test_temperatures_convert_with_their_offset(unit: str, degrees: float, celsius: float) -> None:
    converted = degrees * units.factor(unit, "temperature") + units.offset(unit, "temperature")
    assert converted == pytest.approx(celsius)
    assert converted == pytest.approx(units.to_canonical(degrees, unit, "temperature")[0])


@pytest.mark.parametrize(("kind", "unit"), sorted(FACTORS))
def test_factor_from_the_table_equals_pint(kind: str, unit: str) -> None:
    # equal, or pint's value with its rounding error taken off (see units._tidy); for a unit with an
    # offset (degrees Fahrenheit), the factor is that of differences
    zero = units.to_canonical(0.0, unit, kind)[0]
    assert units.offset(unit, kind) == pytest.approx(zero, rel=1e-14, abs=0)
    assert units.factor(unit, kind) == pytest.approx(units.to_canonical(1.0, unit, kind)[0] - zero, rel=1e-12 if zero else 1e-14, abs=0)


@pytest.mark.parametrize(("sentence", "litres"), [
    ("La cuve de l'hôpital contient 2 m³ d'oxygène liquide.", 2000.0),
    ("Chaque unité consomme 3 m³ d'eau par jour.", 3000.0),
    ("Le réservoir fait 0,5 m³.", 500.0),
])
def test_cubic_metres_are_whole_litres(sentence: str, litres: float) -> None:
    """Not 1999.9999999999998: pint's float arithmetic makes a cubic metre 999.9999999999999 L."""
    from checker.extraction.extractor import extract

    [quantity] = [q for q in extract(sentence) if q.kind == "volume"]
    assert (quantity.value, quantity.unit) == (litres, "liter")


def test_a_unit_outside_the_table_is_converted_by_pint() -> None:
    assert ("area", "centimeter ** 2") not in FACTORS
    assert units.factor("centimeter ** 2", "area") == pytest.approx(1e-4)


def test_pint_converts_every_unit_the_extractor_produces() -> None:
    """Texts with "12 hectolitres" or "3 m³" once stopped a run: units.txt lacked hecto- and deci-."""
    _, _, problems = units.compute_factors()
    assert problems == []
