"""The period phrases of a sentence: the table ``FORMS`` of how French writes a period, and where its phrases stand.

In: a sentence, its lower-cased copy and the ``(start, end)`` of its figures. Out: its ``_Phrase``s
in order, not overlapping one another nor a figure's words: each with its ``Form``, the groups it
matched (``year``, ``month``, ``day``...), the figures written inside it, and whether it dates an
event (``lancée le 3 mars 2020``: ``french.EVENT_PARTICIPLES``, ``EVENT_NOUNS``) or is a point of
comparison (``plus qu'en 2019``). What a phrase names is read by checker.binding.period_reading;
which figure it dates is chosen by checker.binding.period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, Sequence

from checker.binding.clauses import lower
from checker.french import COMPARISON_WORDS, EVENT_NOUNS, EVENT_PARTICIPLES
from checker.reading.dates import MONTHS

Kind = Literal["point", "part", "relative", "ago", "prior", "since", "elapsed", "span", "deadline"]


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
