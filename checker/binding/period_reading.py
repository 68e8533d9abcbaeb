"""What a period phrase names: an ISO 8601 period, read from its words and its source's date.

In: a ``_Phrase`` (checker.binding.period_phrases), the source's date (``source_when``) and the
period that frames the sentence, if any. Out: a ``_Reading``: the period (``when``), where a
running total or a span starts (``since``), whether it is an objective, and how it was read (for
--explain). checker.binding.period chooses which figure each phrase dates.

Periods are ISO 8601 strings of the precision known (``2025``, ``2025-11``, ``2025-11-12``) so
that two claims can be ordered, or found to speak of the same period, without inventing days.
Half-years and quarters have no ISO 8601 calendar form of their own (only the EDTF extension's
``2024-40``, which would not order with months): they are kept as their year, the label saying
which part. ``début 2024``, ``mi-2024``, ``fin 2023`` are a month of their year (January, June,
December: EDGE_MONTHS), ``fin mai 2024`` its month.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Callable

from checker.binding.period_phrases import _Phrase
from checker.reading.dates import MONTHS
from checker.reading.sources import Source

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "dix-huit": 18, "vingt": 20, "trente": 30, "trente-six": 36,
}
_PART_MONTH = {("semestre", 1): 1, ("semestre", 2): 7, ("trimestre", 1): 1, ("trimestre", 2): 4, ("trimestre", 3): 7, ("trimestre", 4): 10}
_ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "2ème": 2, "second": 2, "troisième": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4}


# --- the source's date ----------------------------------------------------------------------


def source_when(meta: Source | None) -> str | None:
    """The date a source's figures are stated at: the event it reports, else its publication."""
    if meta is None:
        return None
    for value in (meta.event_date, meta.date):
        if value and not value.startswith("--"):
            return value
    return None


def _latest(meta: Source | None) -> str | None:
    """The latest date the source is known by: what lies after it is the future to its writer."""
    known = [value for value in ((meta.event_date, meta.date) if meta is not None else ()) if value and not value.startswith("--")]
    return max(known, default=None)


def _after(when: str, reference: str) -> bool:
    """Whether ``when`` is later than ``reference`` at the precision both have."""
    size = min(len(when), len(reference))
    return when[:size] > reference[:size]


def _source_words(meta: Source | None, stated: str | None) -> str:
    if stated is None:
        return "no date for the source"
    which = "event date" if meta is not None and meta.event_date == stated else "date"
    return f"the source's {which} {stated}"


# --- reading a phrase -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    when: str | None
    since: str | None = None
    target: bool = False
    note: str = ""  # how the phrase was read, when it is not plain


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


Values = dict[str, str]  # a phrase's groups that matched, by name (``year``, ``month``, ``day``...)


def _month_of(values: Values, group: str = "month") -> int | None:
    name = values.get(group)
    if name:
        return MONTHS[name]
    number = values.get("month_number") if group == "month" else None
    return int(number) if number and 1 <= int(number) <= 12 else None


def _day_of(values: Values) -> int | None:
    day = values.get("day")
    if not day:
        return None
    return 1 if day == "1er" else int(day)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve_year(month: int, day: int | None, stated: str | None, upcoming: bool = False) -> int | None:
    """The year of a month (and day) written without one: the latest not after the source's
    date (``upcoming``, ``en janvier prochain``: the first after it). None when the source's
    date has no month: which year is meant cannot be told."""
    if stated is None or len(stated) < 7:
        return None
    year, stated_month = int(stated[:4]), int(stated[5:7])
    stated_day = int(stated[8:10]) if len(stated) >= 10 and day is not None else 0
    later = (month, day or 0) > (stated_month, stated_day)
    if upcoming:
        return year if later else year + 1
    return year - 1 if later else year


def _months_before(stated: str, months: int) -> str:
    """The date ``months`` before ``stated``, at the month's precision when ``stated`` has one."""
    year = int(stated[:4])
    if len(stated) < 7:
        return _iso(year - months // 12)
    index = year * 12 + int(stated[5:7]) - 1 - months
    return _iso(index // 12, index % 12 + 1)


def _count(values: Values) -> int:
    text = values["count"]
    return int(text) if text.isdigit() else _NUMBER_WORDS[text]


def _date_of(values: Values, stated: str | None) -> str | None:
    """The ISO date of a phrase's ``year``, ``month`` and ``day``; a missing year resolved with
    the source's date; None when there is none or it cannot be resolved."""
    year = _year(values.get("year"))
    month = _month_of(values)
    day = _day_of(values) if month is not None else None
    if year is None:
        if month is None:
            return None
        year = _resolve_year(month, day, stated, "next" in values)
        if year is None:
            return None
    if day is not None and month is not None and not _valid_day(year, month, day):
        return None
    return _iso(year, month, day)


def _unresolved(phrase: _Phrase, stated: str | None) -> str:
    if stated is None:
        return f"'{phrase.text}' has no year"
    return f"'{phrase.text}' has no year, and the source's date {stated} does not tell which"


def _read_relative(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    kind = phrase.form.kind
    reference = frame if kind == "prior" and frame else stated
    if reference is None:
        return _Reading(None, note=f"'{phrase.text}' is counted from the source's date")
    offset = phrase.form.offset if kind == "relative" else -1 if kind == "prior" else -_count(phrase.values)
    base = "the period before it" if kind == "prior" and frame else "the source's date"
    return _Reading(str(int(reference[:4]) + offset), target=phrase.form.target, note=f"counted from {base} {reference}")


def _read_elapsed(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    if stated is None:
        return _Reading(None, note=f"'{phrase.text}' ends at the source's date, which is not known")
    values = phrase.values
    months = _count(values) * (1 if "mois" in values["unit"] else 12) + (6 if "half" in values else 0)
    return _Reading(stated, since=_months_before(stated, months), note=f"a span that ends at the source's date {stated}")


def _read_since(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    since = stated[:4] if phrase.form.from_source_year and stated else _date_of(phrase.values, stated)
    if frame is not None and (since is None or not _after(since, frame)) and (stated is None or not _after(frame, stated)):
        # "Fin 2022, ... avait financé 300 projets depuis 2021": from 2021 to the sentence's frame
        return _Reading(frame, since=since, note=f"a running total from {since or 'its start'} to the sentence's period {frame}")
    if stated is None:
        return _Reading(None, since=since, note=f"'{phrase.text}' runs to the source's date, which is not known")
    if since is not None and _after(since, stated):
        return _Reading(None, note=f"'{phrase.text}' starts after the source's date {stated}")
    return _Reading(stated, since=since, note=f"a running total from {since or 'its start'} to the source's date {stated}")


def _read_span(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    values = phrase.values
    first, last = _year(values.get("year")), _year(values.get("year2"))
    if first is None or last is None or first > last:
        return _Reading(None, note=f"'{phrase.text}' does not run forward in time")
    return _Reading(_iso(last, _month_of(values, "month2")), since=_iso(first, _month_of(values)))


def _read_part(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    values = phrase.values
    code = values.get("code")
    part = ("semestre" if code[0] == "s" else "trimestre", int(code[1])) if code else (values["part"], _ORDINALS.get(values["ordinal"], 0))
    plural = "half-years" if part[0] == "semestre" else "quarters"
    year = _year(values.get("year"))
    if year is None:
        year = _resolve_year(_PART_MONTH[part], None, stated) if part in _PART_MONTH else None
        if year is None:
            return _Reading(None, note=_unresolved(phrase, stated))
    return _Reading(_iso(year), note=f"{'a half-year' if part[0] == 'semestre' else 'a quarter'}, kept as its year (ISO 8601 has no {plural})")


# The month that ``début``, ``mi`` and ``fin`` of a year stand for: not the whole year, so that
# "mi-2024, 65 %" and "fin 2024, 82 %" are two moments, and a running total "début 2024" is not
# its end-of-year figure.
EDGE_MONTHS = {"début": 1, "mi": 6, "fin": 12}
_EDGE_WORD = re.compile(r"\b(début|mi|fin)\b")


def _read_point(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    values = phrase.values
    if phrase.form.edge and (edge := _EDGE_WORD.search(phrase.text.lower())) and values.get("year"):
        year = _year(values["year"])
        return _Reading(_iso(year, EDGE_MONTHS[edge.group(1)]), note=f"'{edge.group(1)}' of {year}: its month {EDGE_MONTHS[edge.group(1)]:02d}")
    when = _date_of(values, stated)
    if when is None:
        return _Reading(None, note=_unresolved(phrase, stated) if _month_of(values) else f"'{phrase.text}' is not a date")
    upcoming = "next" in values
    note = ""
    if "year" not in values:
        note = f"no year written: the {'first after' if upcoming else 'latest not after'} the source's date {stated}"
    return _Reading(when, target=phrase.form.target or upcoming, note=note)


_READERS: dict[str, Callable[[_Phrase, str | None, str | None], _Reading]] = {
    "point": _read_point, "deadline": _read_point, "part": _read_part, "relative": _read_relative, "ago": _read_relative,
    "prior": _read_relative, "since": _read_since, "elapsed": _read_elapsed, "span": _read_span,
}


def _read(phrase: _Phrase, stated: str | None, frame: str | None) -> _Reading:
    """The period a phrase names, given the source's date and the sentence's frame's."""
    return _READERS[phrase.form.kind](phrase, stated, frame)
