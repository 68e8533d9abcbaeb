"""The one pint UnitRegistry of recoupe, built lazily, once, from ``units.txt``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

DEFINITIONS = Path(__file__).with_name("units.txt")

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
    """How many canonical units of ``kind`` one ``unit`` is (cached: a few dozen units exist)."""
    return to_canonical(1.0, unit, kind)[0]
