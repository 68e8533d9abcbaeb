"""What a figure is once read: the ``Quantity`` type, its kinds and its qualifiers.

Every stage after extraction handles figures as ``Quantity`` objects; this module holds the type
alone, so that reading one back (from the cache, from a worker) does not compile the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.extraction import units

# Kinds of quantity with what their values are expressed in: money, then every kind that has a
# canonical pint unit (checker.extraction.units.CANONICAL), described where the unit name is not enough.
_KIND_NOTES = {
    "count": "count, with the counted noun",
    "number": "count, nothing named is counted",
    "percent": "percent (value in percentage points of 100)",
    "factor": "times (multiplié par 3)",
    "temperature": "degree_Celsius (104 °F is 40)",
}
KINDS: dict[str, str] = {
    "money": "an ISO 4217 currency code (EUR, USD, ...)",
    **{kind: _KIND_NOTES.get(kind, unit) for kind, unit in units.CANONICAL.items()},
}

QUALIFIERS = ("exact", "at_least", "about", "at_most", "range")
# "environ 350": at least 5 % either side, or the rounding of a round figure if it is wider
# (``environ 8 000``: 7 500 to 8 500). A plain figure is never read more loosely than that.
ABOUT_RELATIVE = 0.05
# A figure written with a scale ("2 milliards", "1 million", "près de 20 millions") is never read
# more loosely than a tenth either side: its one digit does not make "2 milliards" agree with
# "2,5 milliards", which a journalist flags ("30 millions", 29,5 to 30,5, is finer already).
SCALED_RELATIVE_MAX = 0.10


@dataclass(frozen=True, slots=True)  # slots: a corpus has hundreds of thousands of figures
class Quantity:
    """A figure found in a text: ``text[start:end]`` is its surface."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str
    low: float | None
    high: float | None
    qualifier: str
    noun: str | None = None
    number_start: int = 0  # the digits or words of the number itself
    number_end: int = 0
    # why the unit is not the one written next to the number (checker.extraction.infer), else None
    inferred: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
            "value": self.value, "unit": self.unit, "low": self.low, "high": self.high,
            "qualifier": self.qualifier, "noun": self.noun, "inferred": self.inferred,
        }
