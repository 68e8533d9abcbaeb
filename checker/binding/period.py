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
from functools import cache, lru_cache
from typing import Callable, Literal, Sequence

from checker.binding.clauses import CUTS, Clause, clause_of, lower, split
from checker.french import COMPARISON_WORDS, EVENT_NOUNS, EVENT_PARTICIPLES
from checker.reading.dates import MONTHS
from checker.reading.sources import Source

Kind = Literal["point", "part", "relative", "ago", "prior", "since", "elapsed", "span", "deadline"]


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


@dataclass(frozen=True)
class Form:
    """One way French writes a period: ``pattern`` (lower case) read as ``kind``.

    Patterns are Python ``re`` expressions matched where a word starts, in the lower-cased
    sentence whose month names are masked (``_MONTH`` stands for one); they are only tried near
    a year, a month or one of ``_ANCHOR_WORDS``, which each phrase must hold.

    Kinds: ``point`` (a year, month or day, named by groups ``year``, ``month``, ``day``; a
    missing year is the latest one not after the source's date), ``part`` (a half-year or
    quarter), ``relative`` (``offset`` years from the source's), ``ago`` (``count`` years before
    the source's), ``prior`` (a year before the sentence's previous period, else the source's), ``since``
    (a running total from the date to the source's), ``elapsed`` (``count`` years or months up
    to the source's date), ``span`` (from ``year`` to ``year2``), ``deadline`` (``avant 2027``:
    read only when after the source's date, as a target). ``target``: an objective whatever its
    date.
    """

    name: str
    kind: Kind
    pattern: str
    target: bool = False
    offset: int = 0
    from_source_year: bool = False  # a ``since`` that starts with the source's year (``depuis le début de l'année``)
    named: bool = False  # a year that names a budget or a report (``le budget 2025``): never a target for being later
    edge: bool = False  # ``début 2024``, ``mi-2024``, ``fin 2023``: a month of that year (EDGE_MONTHS)


_A = r"['’ʼ]"
_LETTER = r"[^\W\d_]"
_YEAR_DIGITS = r"(?:19|20)\d\d(?!\d)"
_YEAR = rf"(?P<year>{_YEAR_DIGITS})(?!\s*[-–/]\s*\d)"
_YEAR2 = rf"(?P<year2>{_YEAR_DIGITS})"
_MONTH_MASK = "µ"  # a month name is masked by as many of these, so that patterns stay short
_MONTH = rf"(?P<month>{_MONTH_MASK}+)"
_MONTH2 = rf"(?P<month2>{_MONTH_MASK}+)"
_DAY = r"(?P<day>1er|[12]\d|3[01]|0?[1-9])(?!\d)"
_COUNT = r"(?P<count>\d{1,2}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|dix-huit|vingt|trente|trente-six)"
_WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_EDGE_OF_YEAR = rf"(?:(?:à\s+)?(?:la\s+)?(?:fin|début|mi)(?:\s*-\s*|\s+)(?:de\s+l{_A}année\s+|d{_A}année\s+|de\s+)?|au\s+début\s+(?:de\s+l{_A}année\s+|de\s+)?|à\s+la\s+fin\s+(?:de\s+l{_A}année\s+|de\s+)?)"
_EDGE_OF_MONTH = rf"(?:(?:à\s+)?(?:la\s+)?(?:fin|début|mi)(?:\s*-\s*|\s+)(?:de\s+|d{_A})?|au\s+début\s+(?:de\s+|d{_A})?)"
_PART = r"(?P<ordinal>premier|1er|deuxième|2e|2ème|second|troisième|3e|3ème|quatrième|4e|4ème|dernier)\s+(?P<part>semestre|trimestre)"
_NOT_THIS_YEAR = rf"(?!\s+(?:dernière|passée|prochaine|{_YEAR_DIGITS}))"

FORMS: tuple[Form, ...] = (
    # objectives: a date by which something is to be reached
    Form("d'ici", "point", rf"d{_A}ici\s+(?:à\s+|au\s+)?(?:(?:la\s+)?fin\s+(?:de\s+l{_A}année\s+|de\s+|d{_A})?)?(?:{_MONTH}\s+)?{_YEAR}", target=True),
    Form("d'ici la fin de l'année", "relative", rf"d{_A}ici\s+(?:à\s+)?(?:la\s+)?fin\s+(?:de\s+l{_A}année|d{_A}année|de\s+cette\s+année){_NOT_THIS_YEAR}", target=True),
    Form("d'ici l'an prochain", "relative", rf"d{_A}ici\s+(?:à\s+)?(?:l{_A}an\s+prochain|l{_A}année\s+prochaine|la\s+fin\s+de\s+l{_A}année\s+prochaine)", target=True, offset=1),
    Form("à l'horizon", "point", rf"à\s+(?:l{_A})?horizon\s+(?:de\s+)?(?:fin\s+)?{_YEAR}", target=True),
    Form("avant", "deadline", rf"(?:avant|jusqu{_A}(?:en|à|au)|au\s+plus\s+tard\s+(?:en|d{_A}ici))\s+(?:la\s+)?(?:fin\s+(?:de\s+)?)?(?:{_DAY}\s+)?(?:{_MONTH}\s+)?{_YEAR}"),
    # running totals and spans that end when the source speaks
    Form("depuis <date>", "since", rf"depuis\s+(?:le\s+)?{_EDGE_OF_YEAR}?(?:l{_A}année\s+)?(?:{_DAY}\s+)?(?:{_MONTH}\s+)?{_YEAR}"),
    Form("depuis <month>", "since", rf"depuis\s+(?:le\s+)?(?:{_DAY}\s+)?{_MONTH}(?!\s+(?:{_YEAR_DIGITS}|dernier|prochain))"),
    Form("depuis le début de l'année", "since", rf"depuis\s+le\s+début\s+(?:de\s+l{_A}année|d{_A}année|de\s+cette\s+année){_NOT_THIS_YEAR}", from_source_year=True),
    Form("depuis son lancement", "since", rf"depuis\s+(?:son|sa|leur|le|la|l{_A})\s*(?:lancement|création|ouverture|démarrage|origine|début|naissance|inauguration|généralisation|mise\s+en\s+(?:place|service|œuvre|oeuvre|ligne)|entrée\s+en\s+vigueur)(?:\s+(?:du|des|de\s+la|de\s+l{_A}|d{_A})\s*(?:{_LETTER}|['’ʼ-])+(?:\s+(?:{_LETTER}|['’ʼ-])+){{0,2}}?)?(?:\s+(?:en|le)\s+(?:{_DAY}\s+)?(?:{_MONTH}\s+)?{_YEAR})?"),
    Form("en deux ans", "elapsed", rf"(?:en|depuis)\s+(?:l{_A}espace\s+(?:de\s+|d{_A})|seulement\s+|à\s+peine\s+|(?:un\s+peu\s+)?(?:plus|moins)\s+(?:de\s+|d{_A}))?{_COUNT}\s+(?P<unit>ans|an|années|année|mois)(?P<half>\s+et\s+demie?)?"),
    Form("ces deux dernières années", "elapsed", rf"(?:au\s+cours\s+des|ces|sur\s+les|lors\s+des|durant\s+les|pendant\s+les)\s+{_COUNT}\s+(?P<unit>dernières\s+années|derniers\s+mois|années\s+écoulées|mois\s+écoulés)"),
    Form("entre 2020 et 2023", "span", rf"(?:entre|de)\s+(?:{_MONTH}\s+)?(?P<year>{_YEAR_DIGITS})\s+(?:et|à)\s+(?:{_MONTH2}\s+)?{_YEAR2}"),
    Form("en 2023-2024", "span", rf"(?:(?:en|sur|pour|durant|pendant)\s+(?:la\s+période\s+|les\s+années\s+|l{_A}année\s+(?:scolaire\s+|universitaire\s+)?)?|(?:l{_A}année|l{_A}exercice|la\s+saison|la\s+période)\s+(?:scolaire\s+|universitaire\s+)?)(?P<year>{_YEAR_DIGITS})\s*(?:[-–/]|\s+et\s+)\s*{_YEAR2}"),
    # years counted from the source's
    Form("cette année", "relative", rf"cette\s+année(?:-ci)?|l{_A}année\s+en\s+cours|(?:à\s+la\s+|en\s+|au\s+)?(?:fin|début|milieu)\s+d{_A}année{_NOT_THIS_YEAR}|(?:à\s+la\s+|au\s+)?(?:fin|début|milieu)\s+de\s+l{_A}année{_NOT_THIS_YEAR}"),
    Form("l'an dernier", "relative", rf"l{_A}an\s+(?:dernier|passé)|l{_A}année\s+(?:dernière|passée)", offset=-1),
    Form("l'an prochain", "relative", rf"l{_A}an\s+prochain|l{_A}année\s+prochaine", offset=1),
    Form("il y a deux ans", "ago", rf"il\s+y\s+a\s+{_COUNT}\s+ans?"),
    Form("un an plus tôt", "prior", rf"un\s+an\s+(?:plus\s+tôt|auparavant|avant)|l{_A}année\s+précédente|l{_A}an\s+d{_A}avant"),
    # half-years and quarters
    Form("au premier semestre 2024", "part", rf"(?:au|du|le|pour\s+le|sur\s+le|au\s+cours\s+du|durant\s+le|pendant\s+le)\s+{_PART}(?:\s+(?:de\s+l{_A}année\s+|de\s+|d{_A})?{_YEAR})?"),
    Form("au T2 2024", "part", rf"(?:au|du|le|en|pour\s+le|sur\s+le)\s+(?P<code>[st][1-4])\s+{_YEAR}"),
    # a day, a month, a year
    Form("au 31 décembre 2023", "point", rf"(?:au|le|du|dès\s+le|en\s+date\s+du|à\s+la\s+date\s+du|à\s+compter\s+du|ce)\s+{_WEEKDAY}{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?"),
    Form("au 31/12/2023", "point", r"(?:au|le|du|en\s+date\s+du|à\s+la\s+date\s+du)\s+(?P<day>[0-3]?\d)/(?P<month_number>[01]?\d)/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])"),
    Form("en mars 2024", "point", rf"(?:(?:en|au\s+mois\s+de|au\s+mois\s+d{_A}|courant|dès|de|d{_A}|pour|{_EDGE_OF_MONTH})\s*)?{_MONTH}\s+{_YEAR}"),
    Form("en janvier", "point", rf"(?:en|au\s+mois\s+de|au\s+mois\s+d{_A}|courant|dès|{_EDGE_OF_MONTH})\s*{_MONTH}(?!\s+(?:de\s+l{_A}année\s+)?{_YEAR_DIGITS})(?:\s+(?P<next>prochain)|\s+dernier)?"),
    Form("fin 2023", "point", rf"{_EDGE_OF_YEAR}\s*{_YEAR}", edge=True),
    Form("à la rentrée 2024", "point", rf"(?:(?:à\s+la\s+|lors\s+de\s+la\s+|dès\s+la\s+)?rentrée(?:\s+scolaire|\s+universitaire)?|(?:au\s+|ce\s+)?printemps|(?:à\s+l{_A}|en\s+|l{_A})(?:été|automne|hiver))\s+{_YEAR}"),
    Form("les neuf premiers mois de 2024", "point", rf"(?:sur|pendant|durant|au\s+cours\s+des|lors\s+des|pour)\s+les\s+{_COUNT}\s+(?:premiers|derniers)\s+mois\s+(?:de\s+l{_A}année\s+|de\s+|d{_A})?{_YEAR}"),
    # a year that names what the figure belongs to: "le budget 2025", "le PLFSS 2025", "le bilan 2023"
    Form("budget 2025", "point", rf"(?:budgets?|plfss|plf|lfss|lfi|ondam|bilan|rapport\s+annuel|rapport\s+d{_A}activité|campagne|baromètre|enquête|édition|millésime)\s+(?:de\s+|pour\s+)?{_YEAR}", named=True),
    Form("en 2023", "point", rf"(?:(?:en|au\s+cours\s+de|courant|pour|dès|sur|durant|pendant|au\s+titre\s+de)(?:\s+l{_A}(?:année|an|exercice))?|l{_A}année|l{_A}exercice|l{_A}an)\s+{_YEAR}"),
    Form("(2023)", "point", rf"(?<=\(){_YEAR}(?=\))"),
)
# A phrase holds a year, a month or one of these words: patterns are only tried near them.
_ANCHOR_WORDS = ("an", "ans", "année", "années", "mois", "depuis", "semestre", "trimestre")

# A date right after an event word (``french.EVENT_PARTICIPLES``, ``EVENT_NOUNS``) dates an event,
# not the figures around it; a participle may be said of the figure itself.
_EVENT_BEFORE = (
    rf"\b(?:(?P<participle>{'|'.join(EVENT_PARTICIPLES)})|{'|'.join(EVENT_NOUNS)})"
    r"(?:\s+(?:officiellement|initialement|déjà|seulement|dès|pour\s+la\s+première\s+fois))?\s+$"
)
# A phrase right after one of ``french.COMPARISON_WORDS`` is a point of comparison (plus qu'en 2019).
_COMPARED_BEFORE = rf"\b(?:{'|'.join(COMPARISON_WORDS)})\s*$"
# Words of an objective: a period stated after one of them, in its clause, is a target.
_OBJECTIVE = r"\b(?:objectifs?|cibles?|ambitions?|vise|visent|visant|viser|prévoit|prévoient)\b"
# What may stand between a figure and an event word said of the figure itself (``300 emplois
# ont été créés en 2023``): a few words, none that starts another noun phrase or clause.
_OWN_ITEMS = rf"\s*(?:(?!(?:le|la|les|l|un|une|son|sa|ses|leur|leurs|ce|cet|cette|ces|du|des|au|aux|qui|que|dont|où)\b)(?:{_LETTER}|['’ʼ-])+\s+){{0,3}}"

_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "dix-huit": 18, "vingt": 20, "trente": 30, "trente-six": 36,
}
_PART_MONTH = {("semestre", 1): 1, ("semestre", 2): 7, ("trimestre", 1): 1, ("trimestre", 2): 4, ("trimestre", 3): 7, ("trimestre", 4): 10}
_ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "2e": 2, "2ème": 2, "second": 2, "troisième": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4}


@dataclass(frozen=True)
class _Forms:
    pattern: re.Pattern[str]  # every form, as group ``f<i>``; a form's own groups are ``f<i>_<name>``
    names: tuple[tuple[tuple[str, str], ...], ...]  # for each form, (group in ``pattern``, name in the form)


@cache
def _forms() -> _Forms:
    """The table FORMS as one pattern, compiled when a sentence first holds a year, a month or an
    anchor word (about 20 ms: the largest pattern of the period reader)."""
    alternatives = []
    names = []
    for index, form in enumerate(FORMS):
        own = re.sub(r"\(\?P<(\w+)>", lambda match: f"(?P<f{index}_{match.group(1)}>", form.pattern)
        alternatives.append(f"(?P<f{index}>{own})")
        names.append(tuple((f"f{index}_{name}", name) for name in dict.fromkeys(re.findall(r"\(\?P<(\w+)>", form.pattern))))
    return _Forms(re.compile("|".join(alternatives)), tuple(names))


@dataclass(frozen=True)
class _Patterns:
    years: re.Pattern[str]  # what may be a year: four digits 19.. or 20.. (their edges checked after)
    words: re.Pattern[str]  # months (group ``month``) and _ANCHOR_WORDS
    word_start: re.Pattern[str]
    event_before: re.Pattern[str]
    compared_before: re.Pattern[str]
    objective: re.Pattern[str]
    own_items: re.Pattern[str]
    relative: re.Pattern[str]
    change_opening: re.Pattern[str]
    lead_in: re.Pattern[str]
    set_off: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The patterns around the forms, compiled once, on first use (not on import)."""
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    return _Patterns(
        years=re.compile(r"(?:19|20)\d\d"),  # no look-behind: the engine then skips to a 1 or a 2
        words=re.compile(rf"\b(?:(?P<month>{months})|{'|'.join(_ANCHOR_WORDS)})\b"),
        word_start=re.compile(r"\b\w"),
        event_before=re.compile(_EVENT_BEFORE),
        compared_before=re.compile(_COMPARED_BEFORE),
        objective=re.compile(_OBJECTIVE),
        own_items=re.compile(_OWN_ITEMS),
        relative=re.compile(r"\b(?:qui|où|que|qu['’ʼ]|lequel|laquelle|lesquels|lesquelles|auquel|auxquels|auxquelles|duquel|desquels|desquelles)(?!\w)"),
        change_opening=re.compile(r"(?:^|[\s(])(?:de|d['’ʼ])\s*$"),
        lead_in=re.compile(r"[\W_]*(?:(?:[^\W\d_]|['’ʼ-])+[\s,]+){0,3}"),  # at most three words open the sentence
        set_off=re.compile(r"\s*[,:;–—]"),
    )


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


# --- phrases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    start: int
    end: int
    text: str
    form: Form
    values: dict[str, str]  # the form's groups that matched, lower-cased (``year``, ``month``...)
    contains: frozenset[int]  # figures written inside the phrase ("deux ans" of "en deux ans")
    event: str | None = None  # the event words that date it, when it dates an event
    owner: int | None = None  # the figure an event phrase is said of (300 emplois créés en 2023)
    compared: str | None = None  # the comparison it is the point of (plus qu'en 2019): it dates no figure


_LOOK_BACK = 50  # a phrase starts at most this many characters before the year, month or word it holds


def _phrases(sentence: str, low: str, figures: Sequence[tuple[int, int]], patterns: _Patterns) -> list[_Phrase]:
    """The period phrases of a sentence (``low``: lower-cased), in order, not overlapping one
    another nor a figure's words."""
    anchors = [match.start() for match in patterns.years.finditer(low) if not low[match.start() - 1:match.start()].isdigit()]
    masked = low
    for match in patterns.words.finditer(low):
        anchors.append(match.start())
        if match.group("month"):
            start, end = match.span()
            masked = masked[:start] + _MONTH_MASK * (end - start) + masked[end:]
    if not anchors:
        return []
    starts: set[int] = set()
    window_end = -1
    for anchor in sorted(anchors):  # where a phrase may start: a word's start shortly before what it must hold
        starts.update(match.start() for match in patterns.word_start.finditer(low, max(anchor - _LOOK_BACK, window_end), anchor + 1))
        window_end = anchor + 1
    forms = _forms()
    found: list[_Phrase] = []
    reached = 0
    for position in sorted(starts):
        if position < reached:
            continue
        match = forms.pattern.match(masked, position)
        if match is None:
            continue
        start, end = match.span()
        inside = frozenset(index for index, (low_figure, high) in enumerate(figures) if start <= low_figure and high <= end and low_figure < high)
        if any(low_figure < end and start < high and index not in inside for index, (low_figure, high) in enumerate(figures)):
            continue  # a figure's own words ("entre 2020 et 2023 euros"): the figure is the better reading
        reached = end
        index = next(number for number in range(len(FORMS)) if match.start(f"f{number}") != -1)
        values = {name: low[match.start(group):match.end(group)] for group, name in forms.names[index] if match.start(group) != -1}
        phrase = _Phrase(start, end, sentence[start:end], FORMS[index], values, inside)
        event = patterns.event_before.search(low, max(0, start - 80), start)
        if event is not None:
            owner = _event_owner(low, figures, event.start(), end, patterns) if event.group("participle") else None
            phrase = _Phrase(start, end, phrase.text, phrase.form, values, inside, event=sentence[event.start():end], owner=owner)
        else:
            compared = patterns.compared_before.search(low, max(0, start - 60), start)
            if compared is not None:
                phrase = _Phrase(start, end, phrase.text, phrase.form, values, inside, compared=sentence[compared.start():end])
        found.append(phrase)
    return found


def phrases_of(sentence: str, figures: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """The period phrases of a sentence as ``(start, end, form name)``: what ``FORMS`` reads in it
    (an event's date included), for tests and for whoever extends the table."""
    return [(phrase.start, phrase.end, phrase.form.name) for phrase in _phrases(sentence, lower(sentence), figures, _patterns())]


def _event_owner(low: str, figures: Sequence[tuple[int, int]], event_start: int, end: int, patterns: _Patterns) -> int | None:
    """The figure an event is said of, if any: right before its words (``300 emplois créés en
    2023``) or right after its date (``a lancé en 2021 12 appels à projets``)."""
    for index, (start, finish) in enumerate(figures):
        if finish <= event_start and patterns.own_items.fullmatch(low, finish, event_start):
            return index
        if start >= end and not low[end:start].strip():
            return index
    return None


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
    fallback = _fallback(meta, stated, lead)
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
