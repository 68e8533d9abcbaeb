"""JSON text laid out as ``json.dumps(value, ensure_ascii=False, indent=2)`` lays it out, faster."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
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


class Streamed:
    """A list whose items are made while it is written: a report's findings, one at a time.

    ``dumps_indented`` writes it as the list of its items; ``write_indented`` hands the text on
    after each item, so that neither the items nor their text are ever all in memory.
    """

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class _Sink(list):
    """The pieces of text not yet written, and where they go."""

    def __init__(self, write: Callable[[str], object]) -> None:
        super().__init__()
        self.write = write

    def flush(self) -> None:
        if self:
            self.write("".join(self))
            self.clear()


def write_indented(value: Any, write: Callable[[str], object]) -> None:
    """``dumps_indented(value)`` given to ``write`` in pieces: one after each item of a ``Streamed``
    list, and the rest at the end."""
    sink = _Sink(write)
    _write(value, sink, "\n")
    sink.flush()


encode_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
_SPECIAL_FLOATS = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _float(value: float) -> str:
    text = float.__repr__(value)
    return _SPECIAL_FLOATS.get(text, text)


# The text of a value of exactly these types, by type: most values of a report are such leaves,
# written with the item that holds them rather than by a call of ``_write`` each (checker.running.rows
# writes the values of its rows with them too).
LEAVES = {
    str: encode_string, int: int.__repr__, float: _float,
    type(None): lambda _: "null", bool: lambda value: "true" if value else "false",
}


class Laid:
    """JSON text its maker already laid out, as ``dumps_indented`` would at the left margin."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def value_text(value: Any, newline: str = "\n") -> str:
    """The text of one value as ``dumps_indented`` writes it where its lines start with ``newline``."""
    leaf = LEAVES.get(type(value))
    if leaf is not None:
        return leaf(value)
    parts: list[str] = []
    _write(value, parts, newline)
    return "".join(parts)


def _write(value: Any, parts: list[str], newline: str) -> None:
    if type(value) is Laid:
        # encoded strings hold no line break: the text's lines are its layout's
        parts.append(value.text.replace("\n", newline))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            leaf = LEAVES.get(type(item))
            if leaf is not None:
                parts.append(separator + encode_string(key) + ": " + leaf(item))
            else:
                parts.append(separator + encode_string(key) + ": ")
                _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "}")
    elif type(value) is Streamed:
        _write_streamed(value, parts, newline)
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            leaf = LEAVES.get(type(item))
            if leaf is not None:
                parts.append(separator + leaf(item))
            else:
                parts.append(separator)
                _write(item, parts, inner)
            separator = "," + inner
        parts.append(newline + "]")
    else:
        parts.append(_leaf(value))


def _write_streamed(value: Streamed, parts: list[str], newline: str) -> None:
    """A ``Streamed`` list laid out as a list, the pieces handed on after each item (``_Sink``)."""
    inner = newline + "  "
    separator = "[" + inner
    for item in value.items:
        parts.append(separator)
        _write(item, parts, inner)
        separator = "," + inner
        if type(parts) is _Sink:
            parts.flush()
    parts.append("[]" if separator[0] == "[" else newline + "]")


def _leaf(value: Any) -> str:
    """The text of a scalar of any type, subclasses of str and int included (as json.dumps)."""
    if isinstance(value, str):
        return encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
