"""The dates a document gives of itself, as ISO 8601 strings of the precision known.

``normalise_date`` checks a date already in ISO form (a ``sources.toml`` value), ``written_date``
reads one in any common form (a metadata value: ``12/03/2024``, ``12 mars 2024``, ``March 12,
2024``), ``dateline`` finds the date an article states as its own near its top (``Paris, le 12
novembre 2025``, ``Publié le ...``) and not an event's (``lancée le 3 mars 2020``). Read by
checker.reading.sources (the manifest), header (a text file's front matter) and formats (HTML
metadata, datelines); ``MONTHS`` also by checker.binding.period.

Dates are ISO 8601 strings of the precision known: ``2025-11-12``, ``2025-11``, ``2025``, or
``--11-12`` (day and month, year unknown), so that a later stage can order sources in time
without guessing more than was written.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

import regex

_ISO = regex.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?|--(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """An ISO date string of the precision given, or None when ``value`` is not one."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _ISO.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, md_month, md_day = match.groups()
    try:
        if md_month:
            datetime.date(2000, int(md_month), int(md_day))  # 2000: a leap year accepts 29 Feb
        elif day:
            datetime.date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            return None
    except ValueError:
        return None
    return value.strip()


MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
# Month names a metadata value may use besides the French ones: English, and abbreviations of both.
_OTHER_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "janv": 1, "feb": 2, "fév": 2,
    "fev": 2, "févr": 2, "fevr": 2, "mar": 3, "apr": 4, "avr": 4, "jun": 6, "jul": 7, "juil": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "déc": 12,
}


@cache
def _written_date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """(ISO date and time, day/month/year in digits, dates in words), compiled on first use."""
    months = "|".join(sorted({*MONTHS, *_OTHER_MONTHS}, key=len, reverse=True))
    day = r"(?P<day>1er|\d{1,2})(?:st|nd|rd|th)?"
    month = rf"(?P<month>{months})\b\.?"
    year = r"(?P<year>\d{4})\b"
    words = (
        re.compile(rf"\b{day}\s+(?:de\s+|of\s+)?{month},?\s+{year}"),  # 12 mars 2024, 1er mars 2024, 12 March 2024
        re.compile(rf"\b{month}\s+{day},?\s+{year}"),  # March 12, 2024
        re.compile(rf"\b{month}\s+{year}"),  # mars 2024, March 2024
    )
    iso_time = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
    return iso_time, re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"), words


def written_date(value: object) -> str | None:
    """The date a metadata value gives, in any common form, as ``normalise_date`` writes it; None
    when it gives none (never an error).

    ``2024-03-12``, ``2024-03``, ``2024``; a date and time (``2024-03-12T23:30:00-05:00``: the date
    where it was written); ``12/03/2024``, ``12.03.24`` (day first; month first only when the
    day-first reading is no date); ``12 mars 2024``, ``mardi 1er mars 2024``, ``March 12, 2024``,
    ``12 March 2024``, ``mars 2024``; a ``datetime.date``; a year as a number (``2024``).
    """
    if isinstance(value, datetime.date):
        return normalise_date(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    iso = normalise_date(text)
    if iso is not None or not text:
        return iso
    iso_time, numeric, words = _written_date_patterns()
    if iso_time.match(text):
        try:
            return datetime.datetime.fromisoformat(text.replace(" ", "T", 1)).date().isoformat()
        except ValueError:
            return normalise_date(text[:10])
    match = numeric.search(text)
    if match is not None:
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        year += 2000 if len(match.group(3)) == 2 else 0
        for day, month in ((first, second), (second, first)):
            try:
                return datetime.date(year, month, day).isoformat()
            except ValueError:
                continue
        return None
    text = text.lower()
    for pattern in words:
        match = pattern.search(text)
        if match is None:
            continue
        found = match.groupdict()
        month = MONTHS.get(found["month"]) or _OTHER_MONTHS[found["month"]]
        year = int(found["year"])
        if found.get("day") is None:
            return f"{year:04d}-{month:02d}"
        day = 1 if found["day"] == "1er" else int(found["day"])
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


# --- datelines -----------------------------------------------------------------------------

DATELINE_CHARS = 400  # a dateline is looked for in the first characters of the text only

_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"


@dataclass(frozen=True)
class _DatelinePatterns:
    """Python ``re`` patterns, matched against a lower-cased line (they compile several times faster
    than ``regex``'s case-insensitive ones, and a dateline is looked for in every document)."""

    date: re.Pattern[str]  # a date: numeric (day, month, year), ISO, or in words (wday, wmonth, wyear)
    place: re.Pattern[str]  # what may open a dateline's line before its date: a place and a comma
    label: re.Pattern[str]  # "Publié le", "Mis à jour le", "Date :", opening the line or after a separator
    event: re.Pattern[str]  # an event word right before the date: running prose, not a dateline


@cache
def _dateline_patterns() -> _DatelinePatterns:
    """Compiled when a document is first read, not on import (a run whose documents all come from
    the extraction cache reads none)."""
    from checker.french import EVENT_WORDS

    months = "|".join(MONTHS)
    return _DatelinePatterns(
        date=re.compile(
            rf"(?<![^\W_])(?:(?:les?|du)\s+)?(?:(?:{_WEEKDAYS})\s+)?"
            rf"(?:(?P<day>\d{{1,2}})[/.](?P<month>\d{{1,2}})[/.](?P<year>\d{{4}}|\d{{2}})(?![\d/.]\d|\d)"
            rf"|(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}})(?!\d)"
            rf"|(?P<wday>1er|\d{{1,2}})\s+(?P<wmonth>{months})(?:\s+(?P<wyear>\d{{4}}))?(?![^\W_]))"
        ),
        place=re.compile(r"(?:[^\W\d_](?:[^\W\d_]|['’ʼ.-])*(?:[\s-]+[^\W\d_](?:[^\W\d_]|['’ʼ.-])*){0,3}\s*(?:\([^)]{0,30}\))?\s*,\s*)?"),
        label=re.compile(
            r"(?:^|[·|•,–—]|\s-)\s*(?:publi[ée]e?|mise?\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|post[ée]e?|mise?\s+en\s+ligne|dat[ée]e?|"
            r"rédig[ée]e?|écrite?|date(?:\s+de\s+publication)?|publication|dernière\s+mise\s+à\s+jour)"
            r"\s*(?:le|du|en\s+date\s+du)?\s*:?\s*$"
        ),
        event=re.compile(rf"\b(?:{'|'.join(EVENT_WORDS)})\s*(?:officiellement\s+)?$"),
    )


def dateline(text: str) -> str | None:
    """The date a document states as its own near its top, as ISO 8601, or None.

    A dateline is where an article dates itself: a date that starts a line (``Le 12 novembre, à
    Paris...``, a date alone on its line), after a place (``Paris, le 12 novembre 2025``) or a
    label that opens its line or follows a separator (``Publié le``, ``Par J. Martin · Mis à jour
    le``, ``Date :``), or a date in the title (the first line, a heading). A date in running prose
    (``la plateforme, lancée le 3 mars 2020, ...``) is an event's, not the document's; so is a date
    right after an event word, even in a title. The first dateline wins; ``Le 12 novembre``
    without a year gives ``--11-12``.
    """
    head = text[:DATELINE_CHARS]
    patterns = _dateline_patterns()
    title = True  # the first line that holds something
    for line in head.split("\n"):
        if not line.strip():
            continue
        low = _lowered(line)
        for match in patterns.date.finditer(low):
            iso = _date_iso(match)
            if iso is None:
                continue
            before = low[: match.start()]
            if patterns.label.search(before) is not None:  # "Publié le": a label, though publié dates an event too
                return iso
            if patterns.event.search(before):
                continue
            # a place opens the line with a capital ("Paris, le..."), else the date opens it
            opening = before.lstrip()
            starts_line = not opening or (patterns.place.fullmatch(opening) is not None and line.lstrip()[0].isupper())
            in_title = title and not line.rstrip().endswith((".", "!", "?", ";", ":")) and len(line.strip()) <= 200
            if starts_line or in_title:
                return iso
        title = False
    return None


def _lowered(text: str) -> str:
    """``text.lower()`` of the same length, so that offsets hold (``İ`` lowers to two characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _date_iso(match: re.Match[str]) -> str | None:
    """The ISO date of a dateline pattern's match, or None when it is no date (31/02)."""
    if match.group("wmonth"):
        day = 1 if match.group("wday").lower() == "1er" else int(match.group("wday"))
        month = MONTHS[match.group("wmonth").lower()]
        year = match.group("wyear")
        try:
            datetime.date(int(year) if year else 2000, month, day)  # 2000: a leap year accepts 29 Feb
        except ValueError:
            return None
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if match.group("iso_year"):
        year, month, day = int(match.group("iso_year")), int(match.group("iso_month")), int(match.group("iso_day"))
    else:
        year, month, day = int(match.group("year")), int(match.group("month")), int(match.group("day"))
        year += 2000 if year < 100 else 0
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
