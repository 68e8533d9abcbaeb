"""JSON text laid out as ``json.dumps(value, ensure_ascii=False, indent=2)`` lays it out, faster."""

from __future__ import annotations

import json
from typing import Any


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text, several times faster.

    With ``indent`` the standard library encodes in Python, one generator per container; a report
    of a large corpus holds a million values. Here strings and numbers are still encoded by the
    standard library's own functions; only the layout is written out.
    """
    parts: list[str] = []
    _write(value, parts, "\n")
    return "".join(parts)


_encode_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
_SPECIAL_FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _write(value: Any, parts: list[str], newline: str) -> None:
    if isinstance(value, str):
        parts.append(_encode_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        text = float.__repr__(value)
        parts.append(_SPECIAL_FLOATS.get(text, text))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            parts.append(separator)
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            parts.append(_encode_string(key))
            parts.append(": ")
            _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
