"""The one pint UnitRegistry of recoupe, built lazily, once, from ``units.txt``.

Importing pint and building the registry costs more than the rest of a ``recoupe check`` of one
small file, so the conversion factors the extractor needs are precomputed by pint into
``unit_factors.py`` and looked up there; pint stays the source of truth and converts anything the
table does not hold. After editing ``units.txt`` or the extractor's unit tables, regenerate the
table with ``python -m cli.units --write`` (a test fails while it is stale).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

DEFINITIONS = Path(__file__).with_name("units.txt")
FACTORS_MODULE = Path(__file__).with_name("unit_factors.py")

# Canonical unit per kind of quantity: values in reports are expressed in these.
CANONICAL: dict[str, str] = {
    "count": "count",
    "number": "count",
    "percent": "percent",
    "percentage_point": "percentage_point",
    "factor": "times",
    "duration": "year",
    "length": "meter",
    "area": "meter ** 2",
    "volume": "liter",
    "mass": "kilogram",
    "energy": "watt_hour",
    "power": "watt",
    "data": "byte",
    "temperature": "degree_Celsius",
}


@cache
def registry() -> pint.UnitRegistry:
    import pint

    ureg = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True, cache_folder=None)
    ureg.load_definitions(str(DEFINITIONS))
    return ureg


def quantity(value: float, unit: str) -> Any:
    """A pint Quantity in recoupe's registry."""
    return registry().Quantity(value, unit)


def to_canonical(value: float, unit: str, kind: str) -> tuple[float, str]:
    """Convert ``value unit`` to the canonical unit of ``kind``; currencies stay as they are."""
    target = CANONICAL.get(kind)
    if target is None or unit == target:
        return value, unit if target is None else target
    converted = registry().Quantity(value, unit).to(target)
    return float(converted.magnitude), target


@cache
def factor(unit: str, kind: str) -> float:
    """How many canonical units of ``kind`` one ``unit`` is: from the precomputed table, else pint.

    For a unit whose zero is not the canonical unit's (degrees Fahrenheit), the factor applies to
    differences, and a value converts as ``value * factor(unit, kind) + offset(unit, kind)``."""
    from checker.extraction.unit_factors import FACTORS

    known = FACTORS.get((kind, unit))
    if known is not None:
        return known
    return _conversion(unit, kind)[0]


@cache
def offset(unit: str, kind: str) -> float:
    """What zero ``unit`` is in the canonical unit of ``kind``: 0 but for temperatures (0 °F is about -17.8 °C)."""
    from checker.extraction.unit_factors import FACTORS, OFFSETS

    if (kind, unit) in FACTORS:
        return OFFSETS.get((kind, unit), 0.0)
    return _conversion(unit, kind)[1]


def _conversion(unit: str, kind: str) -> tuple[float, float]:
    """(factor, offset) of ``unit`` in the canonical unit of ``kind``, by pint."""
    zero = to_canonical(0.0, unit, kind)[0]
    if not zero:
        return to_canonical(1.0, unit, kind)[0], 0.0
    # an affine unit: the factor from a wide difference, where pint's rounding of the offsets is negligible
    return (to_canonical(1e6, unit, kind)[0] - zero) / 1e6, zero


def extractor_units() -> list[tuple[str, str]]:
    """Every (kind, unit) the extractor can produce, canonical units included, sorted."""
    from checker import french

    pairs = {(kind, unit) for kind, unit in CANONICAL.items() if kind not in ("count", "number")}
    pairs.update(french.UNIT_SYMBOLS.values())
    pairs.update(french.UNIT_WORDS.values())
    return sorted(pairs)


def compute_factors() -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float], list[str]]:
    """The factors and the non-zero offsets pint computes from ``units.txt`` for ``extractor_units()``,
    and the units it cannot convert."""
    import pint

    factors: dict[tuple[str, str], float] = {}
    offsets: dict[tuple[str, str], float] = {}
    problems: list[str] = []
    for kind, unit in extractor_units():
        try:
            unit_factor, unit_offset = _conversion(unit, kind)
        except pint.PintError as exc:
            problems.append(f"{kind} {unit!r}: {exc}")
            continue
        factors[(kind, unit)] = _tidy(unit_factor)
        if unit_offset:
            offsets[(kind, unit)] = _tidy(unit_offset)
    return factors, offsets, problems


def _tidy(factor: float) -> float:
    """``factor`` without the rounding error of pint's float arithmetic: a cubic metre is 1000
    litres, not 999.9999999999999 (else "2 m³" reads as 1999.9999999999998 L). A factor is set to
    its value at 12 significant digits only when it is that value to within a few units of the
    last place; a factor like a day in years (0.0027378507871321013) is left as computed."""
    rounded = float(f"{factor:.12g}")
    return rounded if abs(rounded - factor) <= 1e-14 * abs(factor) else factor


def factors_source(factors: dict[tuple[str, str], float], offsets: dict[tuple[str, str], float]) -> str:
    """The text of ``unit_factors.py`` for ``factors`` and ``offsets`` (repr of a float reads back exactly)."""
    lines = [
        '"""Conversion factors to the canonical unit of each kind, computed by pint from units.txt;',
        "OFFSETS: what zero of a unit is in the canonical unit, where it is not zero (temperatures).",
        "",
        "Generated by ``python -m cli.units --write``: do not edit by hand.",
        '"""',
        "",
    ]
    for name, table in (("FACTORS", factors), ("OFFSETS", offsets)):
        lines.append(f"{name}: dict[tuple[str, str], float] = {{")
        for (kind, unit), value in sorted(table.items()):
            lines.append(f"    ({kind!r}, {unit!r}): {value!r},")
        lines.append("}")
    return "\n".join(lines) + "\n"

