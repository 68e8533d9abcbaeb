"""Numbers and amounts as people read them in messages and reports: French style, in units.

A canonical value (650000000 EUR) is shown the way an article writes it (``650 M€``), with the
scale chosen by its size, so that a message never says ``6.5e+08 EUR`` or ``None``.
"""

from __future__ import annotations

import math

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
# Money scales, largest first: a value is shown in the largest one it reaches.
MONEY_SCALES = ((1e9, "Md"), (1e6, "M"), (1e3, "k"))
UNIT_WORDS = {"percent": "%", "percentage_point": "points", "times": "fois", "count": "", "year": "ans"}


def number(value: float) -> str:
    """French style: decimal comma, thin grouping of thousands, no useless decimals."""
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞" if value < 0 else "?"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}".replace(",", "\u202f")
    digits = 3 if abs(value) >= 1 else 6
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".").replace(",", "\u202f").replace(".", ",")


def amount(value: float, kind: str, unit: str, display_unit: str = "") -> str:
    """A canonical value of ``kind`` (in ``unit``: EUR, percent, count, year...) for a message."""
    if kind == "money":
        symbol = CURRENCY_SYMBOLS.get(unit, f" {unit}" if unit else "")
        for scale, prefix in MONEY_SCALES:
            if abs(value) >= scale:
                return f"{number(round(value / scale, 3))} {prefix}{symbol.strip()}"
        return f"{number(value)} {symbol.strip()}".strip()
    word = display_unit or UNIT_WORDS.get(unit, unit)
    return f"{number(value)} {word}".strip()


def bounds(low: float | None, high: float | None, kind: str, unit: str, display_unit: str = "") -> str:
    """A plausible range for a message: ``100 M€ – 5 Md€``, ``at least 100 M€``, ``at most 5 Md€``."""
    if low is not None and high is not None:
        return f"{amount(low, kind, unit, display_unit)} – {amount(high, kind, unit, display_unit)}"
    if low is not None:
        return f"at least {amount(low, kind, unit, display_unit)}"
    if high is not None:
        return f"at most {amount(high, kind, unit, display_unit)}"
    return "any value"
