"""Helpers shared by renderers: how a claim's value reads in its rule's display unit."""

from __future__ import annotations

from checker.bind import Claim
from checker.rules import Rule

QUOTE_CONTEXT = 60  # characters of the sentence kept on each side of the figure


def display_number(value: float) -> str:
    """French style: decimal comma, thin grouping of thousands, no useless decimals."""
    if value == int(value) and abs(value) < 1e15:
        text = f"{int(value):,}".replace(",", "\u202f")
    else:
        text = f"{value:,.3f}".rstrip("0").rstrip(".").replace(",", "\u202f").replace(".", ",")
    return text


def display_value(rule: Rule, claim: Claim) -> str:
    quantity = claim.quantity
    scale = rule.display_scale
    unit = rule.unit or quantity.unit
    prefix = {"at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}.get(quantity.qualifier, "")
    if quantity.qualifier == "range" and quantity.low is not None and quantity.high is not None:
        return f"{display_number(quantity.low / scale)}–{display_number(quantity.high / scale)} {unit}"
    return f"{prefix}{display_number(quantity.value / scale)} {unit}".strip()


def quote_window(claim: Claim) -> tuple[str, str, str]:
    """(before, figure, after) of the claim's sentence, trimmed around the figure."""
    quote = claim.quote
    start = max(claim.quote_offset, 0)
    end = min(start + len(claim.quantity.text), len(quote))
    before = quote[:start]
    after = quote[end:]
    if len(before) > QUOTE_CONTEXT:
        before = "…" + before[-QUOTE_CONTEXT:].lstrip()
    if len(after) > QUOTE_CONTEXT:
        after = after[:QUOTE_CONTEXT].rstrip() + "…"
    return before, quote[start:end], after
