"""When a claim speaks of: the period the text names near the figure, or else its source's date.

Periods are ISO 8601 strings of the precision known (``2025``, ``2025-11``, ``2025-11-12``) so
that two claims can be ordered, or found to speak of the same period, without inventing days.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.sources import Source

_YEAR = r"((?:19|20)\d\d)"
# Period phrases, nearest to the figure wins. Each maps to how the period is read.
_PHRASES = regex.compile(
    rf"(?P<target>d['’ʼ]ici\s+(?:à\s+|fin\s+)?{_YEAR})"
    rf"|(?P<since>depuis\s+{_YEAR})"
    rf"|(?P<in_year>(?:en|au\s+cours\s+de|pour)\s+(?:l['’ʼ]année\s+)?{_YEAR})"
    r"|(?P<this_year>cette\s+année|cette\s+année-ci|l['’ʼ]an\s+dernier|l['’ʼ]année\s+dernière)"
    r"|(?P<span>en\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+ans)",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    """The period a claim refers to. ``when`` orders claims; ``label`` is shown to people."""

    when: str | None  # ISO 8601 of the precision known, or None when nothing says
    label: str
    origin: str  # "text" (a phrase near the figure), "source" (the document's date), "unknown"
    target: bool = False  # "d'ici 2030": an objective, not a state of things


def source_when(meta: Source | None) -> str | None:
    """The date a source's figures are stated at: the event it reports, else its publication."""
    if meta is None:
        return None
    for value in (meta.event_date, meta.date):
        if value and not value.startswith("--"):
            return value
    return None


def period_phrases(sentence: str) -> list[regex.Match[str]]:
    """The period phrases of a sentence, in order (see ``claim_period``)."""
    return list(_PHRASES.finditer(sentence))


def claim_period(sentence: str, figure_offset: int, meta: Source | None, phrases: list[regex.Match[str]] | None = None) -> Period:
    """Read the period phrase nearest to the figure in its sentence, else the source's date.

    ``phrases``: ``period_phrases(sentence)`` when the caller keeps them for the sentence's
    other figures.
    """
    stated = source_when(meta)
    best: tuple[int, regex.Match[str]] | None = None
    for match in period_phrases(sentence) if phrases is None else phrases:
        distance = abs(match.start() - figure_offset)
        if best is None or distance < best[0]:
            best = (distance, match)
    if best is None:
        return Period(stated, stated or "date unknown", "source" if stated else "unknown")
    match = best[1]
    phrase = match.group()
    if match.group("target"):
        return Period(regex.search(_YEAR, phrase).group(1), phrase, "text", target=True)
    if match.group("in_year"):
        return Period(regex.search(_YEAR, phrase).group(1), phrase, "text")
    if match.group("this_year") and stated:
        year = int(stated[:4]) - (1 if "dernière" in phrase.lower() or "dernier" in phrase.lower() else 0)
        return Period(str(year), phrase, "text")
    # "depuis 2021", "en deux ans": a span that ends when the source speaks
    return Period(stated, f"{phrase} (to {stated})" if stated else phrase, "text" if stated else "unknown")


def same_period(first: str | None, second: str | None) -> bool:
    """Unknown periods are taken as the same; otherwise one must contain the other (2025 ⊇ 2025-11)."""
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)
