"""The rows of ``recoupe extract --format jsonl|json``: each figure of a document as JSON text.

A row is ``{"source", "line", "column", ["page",] then Quantity.as_dict()}``. Its text is exactly
what the command wrote when it built a dict per figure and encoded it: ``json.JSONEncoder(
ensure_ascii=False).encode(row)`` for jsonl, ``json.dumps(indent=2)``'s layout for json, where a row
sits at depth two of ``{"quantities": [...]}``. It is written here from a template of the keys,
with the standard library's own encoders for the values, so that the rows of a document can be
made where it was extracted (a worker process) and sent back as one string: building and pickling
dicts and dataclasses, and encoding them one by one, cost the main process more than the text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.jsonlayout import LEAVES, encode_string, value_text

if TYPE_CHECKING:
    from checker.reading.documents import Document
    from checker.extraction.quantity import Quantity

JSONL = "jsonl"
JSON = "json"

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode

# The keys after "source", "line", "column" and the optional "page": Quantity.as_dict()'s.
_FIGURE_KEYS = ("start", "end", "text", "kind", "value", "unit", "low", "high", "qualifier", "noun", "inferred")
# Row separators of --format json: rows at depth two, each key at depth three.
JSON_ROW = ",\n    "
_JSON_KEY = ",\n      "


def _jsonl_value(value: object) -> str:
    """The text of one value of a jsonl row: a leaf as the report's layout writes it, anything
    else (a subclass of str, int or float) by the standard library's encoder."""
    leaf = LEAVES.get(type(value))
    return _ENCODE(value) if leaf is None else leaf(value)


def _json_value(value: object) -> str:
    """The text of one value of a json row, at depth three."""
    return value_text(value, "\n      ")


def _template(opening: str, separator: str, closing: str, page: bool) -> str:
    """A row with ``%s`` for each value, keys in order; ``%%`` cannot occur: keys are plain words."""
    keys = ("source", "line", "column", *(("page",) if page else ()), *_FIGURE_KEYS)
    return opening + separator.join(f'"{key}": %s' for key in keys) + closing


_TEMPLATES = {
    (JSONL, False): _template("{", ", ", "}\n", False),
    (JSONL, True): _template("{", ", ", "}\n", True),
    (JSON, False): _template(JSON_ROW + "{\n      ", _JSON_KEY, "\n    }", False),
    (JSON, True): _template(JSON_ROW + "{\n      ", _JSON_KEY, "\n    }", True),
}


def render_rows(document: Document, quantities: Sequence[Quantity], output_format: str) -> str:
    """The rows of ``quantities`` (figures of ``document``), one after the other.

    jsonl: one line each. json: each row preceded by JSON_ROW, as every row but the first of the
    array is; the caller drops the comma of the first row it writes.
    """
    if not quantities:
        return ""
    value = _jsonl_value if output_format == JSONL else _json_value
    paged = bool(document.page_starts)
    template = _TEMPLATES[output_format, paged]
    source = value(document.source)
    parts = []
    for quantity, (line, column) in zip(quantities, document.positions([q.start for q in quantities])):
        head = (source, line, column, document.page_at(quantity.start)) if paged else (source, line, column)
        try:
            parts.append(template % (*head, *_figure(quantity)))
        except TypeError:  # a value of another type than a Quantity declares
            parts.append(template % (*head, *map(value, _values(quantity))))
    return "".join(parts)


def _values(quantity: Quantity) -> tuple[object, ...]:
    return (
        quantity.start, quantity.end, quantity.text, quantity.kind, quantity.value, quantity.unit,
        quantity.low, quantity.high, quantity.qualifier, quantity.noun, quantity.inferred,
    )


def _figure(quantity: Quantity) -> tuple[str, ...]:
    """The texts of a figure's values when they are of the types Quantity declares, else TypeError.

    The fast way of the common case, without a call per value: finite floats are written by
    ``repr`` (float's own, the type being float exactly), strings by ``encode_basestring``, which
    refuses what is not a str; anything else (a bool, which ``%s`` would write ``True``, a NaN, a
    subclass of int or float) is refused here and goes the way of ``_jsonl_value``, ``_json_value``.
    """
    start, end, value, low, high, noun = quantity.start, quantity.end, quantity.value, quantity.low, quantity.high, quantity.noun
    inferred = quantity.inferred
    if (
        type(start) is not int or type(end) is not int or type(value) is not float or value - value
        or low is not None and (type(low) is not float or low - low) or high is not None and (type(high) is not float or high - high)
    ):  # x - x is 0.0 for a finite float, NaN (true) for an infinite one or a NaN
        raise TypeError("not the types of a Quantity, or not finite")
    return (
        repr(start), repr(end), encode_string(quantity.text), encode_string(quantity.kind), repr(value),
        encode_string(quantity.unit), "null" if low is None else repr(low), "null" if high is None else repr(high),
        encode_string(quantity.qualifier), "null" if noun is None else encode_string(noun),
        "null" if inferred is None else encode_string(inferred),
    )
