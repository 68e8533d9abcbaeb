"""When a claim speaks of: the period its own words give, else its source's date.

A period phrase (``en 2021``, ``au 31 décembre 2023``, ``depuis 2021``, ``d'ici 2030``...) is read
by the table ``FORMS`` and applies to the figure it qualifies: the nearest figure in the same
clause (checker.binding.clauses), so that each figure of ``passé de 1,2 million en 2018 à 6 millions en
2021`` gets its own year and ``contre 9 % en 2019`` dates the 9 % only. A phrase that opens the
sentence (``En 2023, ...``) frames the figures whose clause has none; a span (``entre 2020 et
2023``) over a change ``de X à Y`` gives X its start and Y its end. A date that dates an event
(``lancée le 3 mars 2020``: ``french.EVENT_PARTICIPLES``, ``EVENT_NOUNS``), a period set as a
point of comparison (``plus qu'en 2019``) or in an apposition or a relative clause of another
noun dates no figure. Otherwise a figure gets its source's date, else it is undated: when the
text is ambiguous, the source's date is kept, a wrong period being worse.

A period is an ISO 8601 string of the precision known; how each phrase is read, and the table of
its forms, are in checker.binding.period_reading and checker.binding.period_phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Sequence

from checker.binding.clauses import CUTS, Clause, clause_of, lower, split
from checker.binding.period_phrases import _Patterns, _Phrase, _patterns, _phrases
from checker.binding.period_reading import _Reading, _after, _latest, _read, _source_words, source_when
from checker.reading.sources import Source


@dataclass(frozen=True)
class Period:
    """The period a claim refers to. ``when`` orders claims; ``label`` is shown to people."""

    when: str | None  # ISO 8601 of the precision known, or None when nothing says
    label: str
    # "text" (a phrase about the figure), "source" (the document's date), "compared" (the start of a
    # change or a point of comparison whose period the text does not say), "unknown"
    origin: str
    target: bool = False  # "d'ici 2030": an objective, not a state of things
    reason: str = ""  # why the claim got this period, for --explain
    since: str | None = None  # where a running total or a span starts ("depuis 2021"), ISO 8601


# --- a sentence's periods -------------------------------------------------------------------


@dataclass(frozen=True)
class _Choice:
    """What dates one figure: a phrase, how it qualifies the figure, which end of a span."""

    distance: int
    phrase: _Phrase
    how: str
    end: Literal["start", "end", None] = None


def sentence_periods(sentence: str, figures: Sequence[tuple[int, int]], meta: Source | None, before: str | None = None) -> list[Period]:
    """The period of each figure of a sentence, in the order of ``figures``.

    ``figures``: ``(start, end)`` of every figure of the sentence within it (all of them: the
    figures around a phrase decide which one it qualifies). ``meta``: the source, whose date
    dates the figures the text does not. ``before``: the last period the sentence before this one
    gives in its own words, which ``un an plus tôt`` counts from when this sentence gives none
    ("Fin 2024, 520 000 ... Ils étaient 350 000 un an plus tôt.").
    """
    if not figures:
        return []
    stated = source_when(meta)
    patterns = _patterns()
    low = lower(sentence)
    phrases = _phrases(sentence, low, figures, patterns)
    if not phrases:
        periods = [_fallback(meta, stated, "no period in the text")] * len(figures)
        if len(figures) < 2 or not _MAY_COMPARE.search(low):
            return periods
        clauses = split(sentence, figures)
        figure_clause = [clause_of(clauses, start) for start, _ in figures]
        return _compared_figures(_changes(low, figures, clauses, figure_clause, patterns), clauses, figure_clause, periods)
    clauses = split(sentence, figures)
    figure_clause = [clause_of(clauses, start) for start, _ in figures]
    frame = _frame(sentence, figures, phrases, clauses, figure_clause, patterns)
    chosen: dict[int, _Choice] = {}

    def offer(index: int, choice: _Choice) -> None:
        if index not in chosen or choice.distance < chosen[index].distance:
            chosen[index] = choice

    spans: list[_Phrase] = []
    for phrase in phrases:
        if phrase is frame:
            continue
        if phrase.event is not None:
            if phrase.owner is not None:
                offer(phrase.owner, _Choice(0, phrase, f"'{phrase.event}' is said of the figure itself"))
            continue
        if phrase.compared is not None:
            continue
        if phrase.form.kind == "span":
            spans.append(phrase)  # after the others: a span over a change needs both figures free
            continue
        _offer_in_clause(sentence, low, figures, clauses, figure_clause, phrase, offer, patterns)
    changes = _changes(low, figures, clauses, figure_clause, patterns)
    for phrase in spans:
        clause = clause_of(clauses, phrase.start)
        change = next((pair for pair in changes if clause in (figure_clause[pair[0]], figure_clause[pair[1]])), None)
        if change is not None and change[0] not in chosen and change[1] not in chosen:
            _span_over_change(chosen, change, phrase, "spans")
        else:
            _offer_in_clause(sentence, low, figures, clauses, figure_clause, phrase, offer, patterns)
    if frame is not None and frame.form.kind == "span":
        for change in changes:
            if change[0] not in chosen and change[1] not in chosen:
                _span_over_change(chosen, change, frame, "frames")
    asides = [f"'{phrase.event}' dates an event" for phrase in phrases if phrase.event is not None and phrase.owner is None]
    asides += [f"'{phrase.compared}' is a point of comparison" for phrase in phrases if phrase.compared is not None]
    lead = "; ".join(asides) if asides else "no period in the text"
    latest = _latest(meta)
    frame_when = _read(frame, stated, None).when if frame is not None else None
    earlier = _earlier_periods(phrases, stated)
    frame_clause = clause_of(clauses, frame.start) if frame is not None else None
    periods: list[Period] = []
    for index in range(len(figures)):
        choice = chosen.get(index)
        if choice is None and frame is not None and index not in frame.contains and _framed(low, clauses, frame, frame_clause, figures[index], figure_clause[index], patterns):
            how = "precedes the figure in its clause" if frame_clause == figure_clause[index] else "frames the sentence; the figure's clause has no period of its own"
            choice = _Choice(0, frame, f"'{frame.text}' {how}")
        if choice is None:
            periods.append(_fallback(meta, stated, _not_its_own(phrases, chosen, clauses, index, figure_clause[index]) or lead))
            continue
        reference = earlier.get(id(choice.phrase)) or frame_when or (before if choice.phrase.form.kind == "prior" else None)
        periods.append(_period(low, choice, stated, latest, reference, meta, clauses[figure_clause[index]], patterns))
    periods = _parts_of_the_whole(figures, clauses, figure_clause, chosen, periods)
    return _compared_figures(changes, clauses, figure_clause, periods)


# Words of a period counted from another ("un an plus tôt", "l'année précédente"): a sentence
# that has one may need the period of the sentence before it (sentence_periods' ``before``).
COUNTS_FROM_ANOTHER = re.compile(r"plus\s+tôt|auparavant|précédente|d['’ʼ]avant|\ban\s+avant\b")


# The cuts that set a figure against the one before it (checker.binding.clauses): its period is another
# than the sentence's, and the sentence does not always say which.
_COMPARED_CUTS = frozenset(cut.name for cut in CUTS if cut.condition == "before_figure" and cut.name != "à")  # contre, après, face à...
_MAY_COMPARE = re.compile(r"\bà\b|\bau\b|\bcontre\b|\baprès\b|\bpar rapport\b|\bcompar|\bface\b|\bversus\b|\bvs\b")


def _compared_figures(changes: list[tuple[int, int]], clauses: list[Clause], figure_clause: list[int], periods: list[Period]) -> list[Period]:
    """The start of a change (``passé de 1,2 million à 6 millions``) and a point of comparison
    (``62 %, contre 35 %``) whose own words give no period: not the sentence's period, which is
    the other figure's, but an earlier or another one that the text does not say. Such a figure
    is on the timeline, set against its partner; it conflicts with no period (checker.comparison.compare)."""
    starts = dict(changes)  # the changes de X à Y of the sentence (_changes): X, then Y
    for first, second in starts.items():
        start, end = periods[first], periods[second]
        same = (start.when, start.since, start.target, start.label) == (end.when, end.since, end.target, end.label)
        if start.origin == "text" and end.origin == "text" and same:  # one phrase dates the whole change: "En un an, passé de 7 % à 21 %"
            if start.since is not None:
                periods[first] = Period(start.since, start.since, "text", reason=f"{start.reason}; the start of the change, where the span starts")
            else:
                when = f"earlier, or early in {start.when}" if start.when else "earlier"
                periods[first] = Period(None, when, "compared", reason=f"{start.reason}; the start of the change within it: {when}")
    for index in range(len(periods)):
        if periods[index].origin in ("text", "compared"):
            continue
        if index in starts:
            later = periods[starts[index]]
            when = f"before {later.when}" if later.when else "earlier"
            periods[index] = Period(None, when, "compared", reason=f"the start of a change 'de … à …' whose words give no period: {when}, not said")
        elif clauses[figure_clause[index]].opened_by in _COMPARED_CUTS and figure_clause[index] > 0:
            cut = clauses[figure_clause[index]].opened_by
            periods[index] = Period(None, f"compared ('{cut}')", "compared", reason=f"set against the figure before it by '{cut}', with no period of its own: another period, not said")
    return periods


def _parts_of_the_whole(figures: Sequence[tuple[int, int]], clauses: list[Clause], figure_clause: list[int],
                        chosen: dict[int, _Choice], periods: list[Period]) -> list[Period]:
    """A figure of a ``dont`` clause without a period of its own is a part of the figure before it,
    of the same period (``227 000 médecins au 1er janvier 2023, dont 99 000 généralistes``)."""
    for index, (start, _) in enumerate(figures):
        if index in chosen or clauses[figure_clause[index]].opened_by != "dont":
            continue
        before = [other for other, (_, end) in enumerate(figures) if end <= clauses[figure_clause[index]].start]
        if not before:
            continue
        whole = max(before, key=lambda other: figures[other][1])
        period = periods[whole]
        if period.origin == "text" and periods[index].origin != "text":
            periods[index] = Period(period.when, period.label, period.origin, period.target, f"'dont': a part of the figure before it; {period.reason}", period.since)
    return periods


def _earlier_periods(phrases: list[_Phrase], stated: str | None) -> dict[int, str]:
    """For each ``un an plus tôt``, the period it counts from: the sentence's last period before it
    (``140 M€ pour 2024, contre 120 M€ l'année précédente``); by ``id`` of the phrase."""
    found: dict[int, str] = {}
    last: str | None = None
    for phrase in phrases:
        if phrase.event is not None or phrase.compared is not None:
            continue
        if phrase.form.kind == "prior":
            if last is not None:
                found[id(phrase)] = last
            continue
        last = _read(phrase, stated, None).when or last
    return found


def _not_its_own(phrases: list[_Phrase], chosen: dict[int, _Choice], clauses: list[Clause], index: int, clause: int) -> str:
    """Why the periods of a figure's clause are not the figure's, if it holds one (empty if not)."""
    holding = next((phrase for phrase in phrases if index in phrase.contains), None)
    if holding is not None:
        return f"the figure is written inside '{holding.text}'"
    taken = {id(choice.phrase) for choice in chosen.values()}
    reasons = [
        f"'{phrase.text}' in its clause is said of {'another figure' if id(phrase) in taken else 'something else'}"
        for phrase in phrases
        if clause_of(clauses, phrase.start) == clause and phrase.event is None and phrase.compared is None
    ]
    return "; ".join(reasons)


def _span_over_change(chosen: dict[int, _Choice], change: tuple[int, int], phrase: _Phrase, verb: str) -> None:
    chosen[change[0]] = _Choice(0, phrase, f"'{phrase.text}' {verb} the change from this figure to the next: its start", "start")
    chosen[change[1]] = _Choice(0, phrase, f"'{phrase.text}' {verb} the change from the previous figure to this one: its end", "end")


def _offer_in_clause(sentence: str, low_sentence: str, figures: Sequence[tuple[int, int]], clauses: list[Clause], figure_clause: list[int],
                     phrase: _Phrase, offer, patterns: _Patterns) -> None:
    """Offer a phrase to the nearest figure of its clause, the one it follows on a tie; a phrase
    alone in parentheses right after a figure, to that figure. A phrase in a relative clause of
    another noun (``50 M€ pour les hôpitaux qui ont été rénovés en 2019``) dates none: the
    relative pronoun must follow the figure's own words (``300 patients qui ont été soignés en 2023``)."""
    clause = clause_of(clauses, phrase.start)
    best: tuple[int, int, int] | None = None  # (distance, 0 if the phrase follows the figure, figure)
    for index, (low, high) in enumerate(figures):
        if figure_clause[index] != clause or index in phrase.contains:
            continue
        if phrase.start >= high:
            relative = patterns.relative.search(low_sentence, high, phrase.start)
            if relative is not None and not patterns.own_items.fullmatch(low_sentence, high, relative.start()):
                continue
        elif _apposed(sentence, phrase, clauses[clause], low):
            continue
        candidate = (phrase.start - high, 0, index) if phrase.start >= high else (max(low - phrase.end, 0), 1, index)
        if best is None or candidate < best:
            best = candidate
    if best is not None:
        distance, precedes, index = best
        offer(index, _Choice(distance, phrase, f"'{phrase.text}' {'precedes' if precedes else 'follows'} the figure in its clause"))
        return
    if clauses[clause].opened_by == "(":
        opening = clauses[clause].start - 1
        for index, (_, high) in enumerate(figures):
            if high <= opening and not sentence[high:opening].strip():
                offer(index, _Choice(phrase.start - high, phrase, f"'{phrase.text}' stands in parentheses after the figure"))


def _frame(sentence: str, figures: Sequence[tuple[int, int]], phrases: list[_Phrase], clauses: list[Clause], figure_clause: list[int], patterns: _Patterns) -> _Phrase | None:
    """The phrase that frames the whole sentence, if one does: before its first figure, and
    either at its start (``En 2023, ...``), or set off by a comma or colon, or in a clause
    without figures."""
    for phrase in phrases:
        first_figure = min((low for index, (low, _) in enumerate(figures) if index not in phrase.contains), default=len(sentence))
        if phrase.start >= first_figure:
            return None
        if phrase.event is not None or phrase.compared is not None or phrase.form.kind in ("prior", "deadline"):
            continue
        if clauses[clause_of(clauses, phrase.start)].opened_by in _UNFRAMED:
            continue  # "Alors que l'an dernier...": the period of a clause set against the main one
        at_start = patterns.lead_in.fullmatch(sentence, 0, phrase.start) is not None
        # set off by a comma, and not in an apposition (", entrée dans le droit commun en juillet
        # 2023,", which dates the noun before it): alone after an earlier comma (", en 2023,"), or
        # ending the sentence's first stretch ("Le nombre a doublé en deux ans, à 12 millions")
        comma = sentence.rfind(",", 0, phrase.start)
        set_off = (comma == -1 or _words(sentence, comma + 1, phrase.start) <= 1) and patterns.set_off.match(sentence, phrase.end) is not None
        alone = clause_of(clauses, phrase.start) not in figure_clause
        if at_start or set_off or alone:
            return phrase
    return None


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _apposed(text: str, phrase: _Phrase, clause: Clause, figure_start: int) -> bool:
    """Whether a phrase before a figure stands in an apposition between commas (``La télésurveillance,
    entrée dans le droit commun en juillet 2023, concerne 45 000 patients``): it dates the noun
    the apposition follows, not the figure after it."""
    comma = text.rfind(",", clause.start, phrase.start)
    return comma != -1 and _words(text, comma + 1, phrase.start) > 1 and "," in text[phrase.end:figure_start]


# A frame stops at a semicolon, and does not date a figure set against the others (``contre 9 %``,
# ``alors que 20 %``) or an objective (``, avec un objectif de 8 000``): their period is another.
_FRAME_ENDS = frozenset({";"})
_UNFRAMED = frozenset({
    "contre", "après", "par rapport à", "comparé à", "face à", "versus", "mais", "alors que", "tandis que", "bien que",
    "même si", "cependant", "toutefois", "néanmoins", "pourtant", "or",
})


def _framed(low: str, clauses: list[Clause], frame: _Phrase, frame_clause: int, figure: tuple[int, int], figure_clause: int, patterns: _Patterns) -> bool:
    """Whether the sentence's frame, in clause ``frame_clause``, dates a figure of ``figure_clause``."""
    if figure_clause == frame_clause:
        return True
    clause = clauses[figure_clause]
    if clause.opened_by in _UNFRAMED:
        return False
    if not frame.form.target and patterns.objective.search(low, clause.start, figure[0]):
        return False  # "En 2023, 3 000 pharmacies..., avec un objectif de 8 000": the objective has no date
    return not any(clause.opened_by in _FRAME_ENDS for clause in clauses[frame_clause + 1:figure_clause + 1])


def _changes(low: str, figures: Sequence[tuple[int, int]], clauses: list[Clause], figure_clause: list[int], patterns: _Patterns) -> list[tuple[int, int]]:
    """Pairs of figures that state a change, ``de X à Y``: X follows ``de`` and ends its clause,
    Y opens the next one, cut at its ``à``."""
    pairs: list[tuple[int, int]] = []
    order = sorted(range(len(figures)), key=lambda index: figures[index])
    for first, second in zip(order, order[1:]):
        if figure_clause[second] != figure_clause[first] + 1 or clauses[figure_clause[second]].opened_by != "à":
            continue
        if patterns.change_opening.search(low, 0, figures[first][0]):
            pairs.append((first, second))
    return pairs


def _period(low: str, choice: _Choice, stated: str | None, latest: str | None, reference: str | None,
            meta: Source | None, clause: Clause, patterns: _Patterns) -> Period:
    """The Period of a figure from the phrase chosen for it; ``clause``: the figure's;
    ``reference``: the period an ``un an plus tôt`` counts from, when the sentence gives one."""
    phrase = choice.phrase
    reading = _read(phrase, stated, reference if phrase.form.kind in ("prior", "since") else None)
    if choice.end is not None and reading.when is not None:
        reading = _Reading(reading.since if choice.end == "start" else reading.when)
    kind = phrase.form.kind
    if reading.when is None and not (kind in ("since", "elapsed") and stated is None):
        return _fallback(meta, stated, reading.note)
    notes = [choice.how] + ([reading.note] if reading.note else [])
    target = reading.target
    if kind == "deadline":
        if latest is None or not _after(reading.when, latest):
            return _fallback(meta, stated, f"'{phrase.text}' is a limit, not a period")
        target = True
        notes.append(f"a limit after the source's date {latest}: a target")
    elif not target and (phrase.form.named or _FISCAL_YEAR.search(phrase.text.lower())):
        pass  # "le budget 2025", "pour l'exercice 2025": the budget of that year, voted before it, no objective
    elif not target and reading.when is not None and latest is not None and _after(reading.when, latest):
        target = True
        notes.append(f"after the source's date {latest}: a target")
    elif not target and reading.when is not None and patterns.objective.search(low, min(clause.start, phrase.start), phrase.start):
        if latest is None or not _after(latest[:4], reading.when[:4]):
            target = True
            notes.append("stated as an objective: a target")
    label = phrase.text
    if kind in ("since", "elapsed") and reading.when is not None and choice.end is None:
        label = f"{phrase.text} (to {reading.when})"
    since = reading.since if choice.end is None else None
    return Period(reading.when, label, "text" if reading.when is not None else "unknown", target=target, reason="; ".join(notes), since=since)


_FISCAL_YEAR = re.compile(r"\bexercice\b")  # "pour l'exercice 2025": a fiscal year, named before it starts


@lru_cache(maxsize=256)  # a document's sentences mostly share one: no period in the text, the source's date
def _fallback(meta: Source | None, stated: str | None, lead: str) -> Period:
    """The period of a figure the text does not date: its source's date, else unknown; ``lead``
    says why the text does not date it."""
    if stated is None:
        return Period(None, "date unknown", "unknown", reason=f"{lead}; no date for the source")
    return Period(stated, stated, "source", reason=f"{lead}; {_source_words(meta, stated)}")


def same_period(first: str | None, second: str | None) -> bool:
    """Unknown periods are taken as the same; otherwise one must contain the other (2025 ⊇ 2025-11)."""
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)
