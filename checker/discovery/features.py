"""What each figure of a document is about, as compact features (computed where it was extracted).

For each figure: its block (kind and unit family: money in one currency, counts of one noun...),
its claim's place, quote and period (read as ``check`` reads them), the measure word of its clause
and how that says the figure moves in time, and its **subject terms**: lemmas and names, each
weighted by where it stands. The figure's own words (its noun phrase: ``30 M€ de cofinancements
privés``) weigh most, then its clause, then the rest of its sentence, then the section's heading;
of the sentence before and the document's title only the names count. Figures that say little on
their own (a span of time, the age of the thing, a small whole number) are marked, with why.

``document_features`` is a ``checker.running.parallel`` finish: it runs in the worker that extracted the
document, and only these features travel back, never the document's text.
"""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from checker.binding.bind import bind
from checker.discovery import words as fr
from checker.binding.clauses import clause_bounds
from checker.discovery.statements import low_information, moves_of, outside, own_words, place
from checker.reading.documents import Document, Span, blank
from checker.extraction.quantity import Quantity
from checker.binding.period import Period, sentence_periods
from checker.binding.rules import Rule
from checker.binding.scopes import _measure
from checker.reading.sources import Source, completed

# Weight of a term by where it stands (names count NAME_FACTOR times more: they say which thing).
WEIGHTS = {
    "own": 3.0, "clause": 2.0, "sentence": 0.7, "heading": 0.8, "previous": 0.6, "title": 0.4,
    # another figure stated beside it: of its sentence, or of the sentence just before or after in
    # its section (a list's items): two sources that state the same pair of figures speak of one thing
    "figure": 1.5,
    "nearby": 1.2,
}
NAME_FACTOR = 1.5
WORD_FACTOR = 0.5
MAX_TERMS = 18  # a figure keeps its heaviest terms: enough to say what it is about
MAX_NAMES = 8
KINDS_SKIPPED = ("number",)  # a bare number: nothing says what it is


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure and what it is about: the compact record discovery keeps (no document text)."""

    source: str
    line: int
    column: int
    page: int | None
    quantity: Quantity
    block: str  # money:EUR, count:projet, percent:percent...
    quote: str  # its sentence: "" until read again for the candidates shown (checker.discovery.quotes)
    quote_offset: int  # where it stands in its sentence
    sentence: int  # where its sentence starts: two figures of one sentence are two statements
    measure: str | None  # the measure word nearest to it (investis, dotée...), as check shows it
    moves: str  # what its clause says of time: fixed, running, change, or ""
    period: Period
    own: tuple[str, ...]  # lemmas of its own words (noun phrase), for contrasts and suggested rules
    names: tuple[str, ...]  # names near it as written, nearest first (clause, sentence, heading, sentences before)
    near: int  # how many of ``names`` stand in its own sentence
    headed: int  # how many stand in its sentence or its section's heading (the others: the sentence before)
    wording: array  # array('i'): its sentence's words (stable hashes), figures masked as 0
    low: str | None = None  # why it says little on its own, else None
    covered_by: str | None = None  # the rule that covers it, when rules were given

    @property
    def place(self) -> tuple[str, int, int]:
        return (self.source, self.line, self.column)


@dataclass(frozen=True, slots=True)
class DocumentFeatures:
    """One document's figures, the names it mentions anywhere and its publisher (what travels back)."""

    source: str
    meta: Source | None
    figures: tuple[Figure, ...]
    names: frozenset[str]  # every capitalised word of the text, lower case (words.capitalised)
    total_figures: int
    empty: bool = False
    left_out: tuple[str, ...] = ()  # why, for each figure that says little on its own (no rule covers it)
    # each figure's subject terms, heaviest first ("@sasn" a name, "doter" a lemma, "#count:projet:350"
    # a figure stated beside it), and their weights (array('f')): beside the figures, not in them,
    # for the collector keeps them as integers of its vocabulary
    terms: tuple[tuple[str, ...], ...] = ()
    weights: tuple[array, ...] = ()


def block_of(quantity: Quantity) -> str | None:
    """A figure's block (``money:EUR``, ``count:projet``), one string for all figures of a block."""
    if quantity.kind in KINDS_SKIPPED:
        return None
    if quantity.kind == "count":
        return sys.intern(f"count:{quantity.noun or '?'}")
    return sys.intern(f"{quantity.kind}:{quantity.unit}")


def figure_key(quantity: Quantity) -> str | None:
    """A neighbouring figure as a term: its kind, noun or unit and value to two digits; None for a
    small value (under 10), which coincides too often to say anything."""
    if block_of(quantity) is None or abs(quantity.value) < 10:
        return None
    return f"#{quantity.kind}:{quantity.noun or quantity.unit}:{float(f'{quantity.value:.2g}'):g}"


# ---------------------------------------------------------------------------------------------
# One document


def document_features(
    rules: list[Rule] | None, document: Document, quantities: tuple[Quantity, ...], known: tuple[Source, Source] | None = None,
) -> DocumentFeatures:
    """A ``checker.running.parallel`` finish: the features of a document's figures (``known``:
    ``Catalog.known_of`` its path, for its metadata; ``rules``: to mark the figures they cover)."""
    if blank(document.text):
        return DocumentFeatures(document.source, document.meta, (), frozenset(), 0, empty=True)
    if known is not None:
        document = replace(document, meta=completed(*known, document.meta))
    covered: dict[int, str] = {}
    if rules:
        claims, _ = bind(document, list(quantities), rules)
        covered = {claim.quantity.start: claim.rule for claim in claims}
    reader = _Reader(document)
    by_sentence: dict[tuple[int, int], list[Quantity]] = defaultdict(list)
    for quantity in quantities:
        by_sentence[document.bounds_at("sentence", quantity.number_start)].append(quantity)
    figures: list[Figure] = []
    for bounds, members in by_sentence.items():
        nearby = _nearby_keys(document, bounds, by_sentence)
        figures.extend(reader.sentence_figures(bounds, members, covered, nearby))
    left_out = tuple(figure for figure in figures if isinstance(figure, str))
    kept = sorted((figure for figure in figures if not isinstance(figure, str)), key=lambda found: (found[0].line, found[0].column))
    return DocumentFeatures(
        document.source, document.meta, tuple(figure for figure, _, _ in kept), fr.capitalised(document.text), len(quantities),
        left_out=left_out, terms=tuple(terms for _, terms, _ in kept), weights=tuple(weights for _, _, weights in kept),
    )


_CAPITAL_INSIDE = regex.compile(r"\p{Lu}")  # a sentence with no capital after its first letter names nothing


class _Reader:
    """A document's words, read once per sentence, heading and title that holds a figure."""

    def __init__(self, document: Document) -> None:
        self.document = document
        meta = document.meta
        publisher = meta.publisher if meta is not None and meta.publisher else ""
        # a publisher's name is where an article appeared, not what its figures are about
        self.publisher = {word.lemma for word in fr.words(publisher)} | {word.surface.lower() for word in fr.words(publisher)}
        self._headings: dict[int, tuple[dict[str, float], tuple[str, ...]]] = {}
        self._previous: dict[int, tuple[str, ...]] = {}
        self._words: dict[tuple[int, int], list[fr.Word]] = {}
        self._shared: dict[object, object] = {}
        self._title = self._title_names()

    def _share(self, value):
        """One object for equal values of a document (periods, lists of names): kept once, not per figure."""
        return self._shared.setdefault(value, value)

    def words(self, span: tuple[int, int]) -> list[fr.Word]:
        """The words of a span of the text, read once (a sentence is also the one before another)."""
        found = self._words.get(span)
        if found is None:
            found = self._words[span] = fr.words(self.document.text, *span)
        return found

    def _title_names(self) -> tuple[str, ...]:
        paragraphs = self.document.paragraphs
        if not paragraphs or paragraphs[0].end - paragraphs[0].start > 200:
            return ()
        first = paragraphs[0]
        text = self.document.text
        return tuple(name.surface for name in fr.names(text, self.words((first.start, first.end))))

    def _heading(self, sentence_start: int) -> tuple[dict[str, float], tuple[str, ...]]:
        """The terms and names of the heading of the section holding a sentence (if short and before it)."""
        section = self.document.bounds_at("section", sentence_start)
        found = self._headings.get(section[0])
        if found is None:
            heading = self.document.bounds_at("paragraph", section[0])
            terms: dict[str, float] = {}
            found_names: tuple[str, ...] = ()
            if heading[0] < sentence_start and heading[1] - heading[0] <= 140:
                text = self.document.text
                heading_words = self.words(heading)
                found_names = tuple(name.surface for name in fr.names(text, heading_words))
                _add_words(terms, heading_words, "heading", self.publisher)
                _add_names(terms, found_names, "heading", self.publisher)
            found = self._headings[section[0]] = (terms, found_names)
        return found

    def _previous_names(self, sentence: tuple[int, int]) -> tuple[str, ...]:
        """Names in the sentence before, within the section (the referent of ``elle``, the speaker
        of a list that follows: ``Reda Guiha a détaillé la stratégie de Pfizer :``)."""
        found = self._previous.get(sentence[0])
        if found is None:
            document, text = self.document, self.document.text
            section_start = document.bounds_at("section", sentence[0])[0]
            before = document.bounds_at("sentence", sentence[0] - 1) if sentence[0] > section_start else None
            found = ()
            if before is not None and section_start <= before[0] < sentence[0] and _CAPITAL_INSIDE.search(text, before[0] + 1, before[1]):
                found = tuple(dict.fromkeys(name.surface for name in fr.names(text, self.words(before))))
            self._previous[sentence[0]] = found
        return found

    def sentence_figures(
        self, bounds: tuple[int, int], members: list[Quantity], covered: dict[int, str], nearby: tuple[str, ...],
    ) -> list[tuple[Figure, tuple[str, ...], array] | str]:
        """The figures of one sentence with their terms and weights: what they share is read once
        (``_Sentence``), then each figure's own words and clause; for a figure left out, why."""
        sentence = _Sentence(self, bounds, sorted(members, key=lambda q: q.start), nearby)
        return [
            self._figure(sentence, quantity, clause, period, covered)
            for quantity, clause, period in zip(sentence.members, sentence.clauses, sentence.periods) if block_of(quantity) is not None
        ]

    def _figure(
        self, sentence: _Sentence, quantity: Quantity, clause: tuple[int, int], period: Period, covered: dict[int, str],
    ) -> tuple[Figure, tuple[str, ...], array] | str:
        document, text = self.document, self.document.text
        clause_lemmas = {w.lemma for w in sentence.words if clause[0] <= w.start < clause[1]}
        low = low_information(quantity, text[clause[0]:quantity.start], text[quantity.end:clause[1]], clause_lemmas)
        if low is not None and quantity.start not in covered:
            return low  # left out: nothing more to read
        own = own_words(text, sentence.words, quantity)
        terms = dict(sentence.context)
        for part, part_words in _parts(sentence.words, own, clause):
            _add_words(terms, part_words, part, self.publisher)
        for name in sentence.names:
            part = "own" if own[0] <= name.start < own[1] else "clause" if clause[0] <= name.start < clause[1] else "sentence"
            _add_names(terms, (name.surface,), part, self.publisher)
        for other in sentence.members:
            key = figure_key(other) if other is not quantity else None
            if key is not None:
                terms[key] = max(terms.get(key, 0.0), WEIGHTS["figure"])
        ordered = sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
        in_clause = [n.surface for n in sentence.named if clause[0] <= n.start < clause[1]]
        near = list(dict.fromkeys(in_clause + sentence.named_surfaces))
        in_sentence = len(near)
        near = list(dict.fromkeys(near + list(sentence.heading_names)))
        in_heading = len(near)
        near = list(dict.fromkeys(near + list(sentence.previous)))[:MAX_NAMES]
        line, column = document.position(quantity.start)
        start = sentence.bounds[0]
        offset = quantity.start - start - sentence.left
        figure = Figure(
            source=document.source, line=line, column=column, page=document.page_at(quantity.start),
            quantity=quantity, block=block_of(quantity), quote="", quote_offset=offset, sentence=start,
            measure=_one_string(_measure(document, quantity, Span(*sentence.bounds), sentence.measures)),
            moves=moves_of(clause_lemmas, text[clause[0]:clause[1]]),
            period=self._share(period),
            own=self._share(tuple(dict.fromkeys(w.lemma for w in sentence.words if own[0] <= w.start < own[1] and w.content))),
            names=self._share(tuple(near)), near=min(in_sentence, len(near)), headed=min(in_heading, len(near)), wording=sentence.wording,
            low=low,
            covered_by=covered.get(quantity.start),
        )
        return figure, tuple(key for key, _ in ordered), array("f", [weight for _, weight in ordered])


def _one_string(word: str | None) -> str | None:
    """One string object for each way a word is written, kept once for every figure that has it."""
    return None if word is None else sys.intern(word)


class _Sentence:
    """What the figures of one sentence share: its words and names outside the figures, its
    clauses, periods and measure words, and the terms of its context (heading, sentence
    before, title, the figures of the sentences around)."""

    def __init__(self, reader: _Reader, bounds: tuple[int, int], members: list[Quantity], nearby: tuple[str, ...]) -> None:
        text = reader.document.text
        start, end = self.bounds = bounds
        raw = text[start:end]
        self.left = len(raw) - len(raw.lstrip())
        self.quote = raw.strip()
        self.members = members
        spans = [(q.start, q.end) for q in members]
        self.words = outside(reader.words(bounds), spans)
        self.measures = [(word.start, word.end, word.surface) for word in self.words if fr.is_measure(word.surface)]
        self.names = fr.names(text, self.words)
        self.named = [name for name in self.names if not place(text, name)]  # a place is not a subject
        self.named_surfaces = [name.surface for name in self.named]
        # the clause and period of each figure, read as check reads them (checker.binding.clauses, checker.binding.period)
        shift = start + self.left
        within = [(min(max(q.start - shift, 0), len(self.quote)), min(max(q.end - shift, 0), len(self.quote))) for q in members]
        self.periods = sentence_periods(self.quote, within, reader.document.meta)
        self.clauses = _apart_at_commas(self.quote, within, clause_bounds(self.quote, within), shift)
        self.wording = _wording(self.words, spans)
        heading_terms, self.heading_names = reader._heading(start)
        self.previous = reader._previous_names(bounds)
        context = dict(heading_terms)
        _add_names(context, self.previous, "previous", reader.publisher)
        _add_names(context, reader._title, "title", reader.publisher)
        for key in nearby:
            context[key] = max(context.get(key, 0.0), WEIGHTS["nearby"])
        self.context = context


def _nearby_keys(document: Document, bounds: tuple[int, int], by_sentence: dict[tuple[int, int], list[Quantity]]) -> tuple[str, ...]:
    """The figures of the sentences just before and after, within the same section."""
    section = document.bounds_at("section", bounds[0])
    found: list[str] = []
    for other in document.sentences_beside(bounds[0]):
        if section[0] <= other[0] < section[1]:
            found.extend(key for key in map(figure_key, by_sentence.get(other, ())) if key)
    return tuple(dict.fromkeys(found))


def _add_words(terms: dict[str, float], found: list[fr.Word], part: str, publisher: set[str]) -> None:
    """Lemmas of a part's words, and pairs of adjacent ones (``stratégie santé``, ``projet lauréat``).

    Outside the figure's own words, a word weighs WORD_FACTOR: the verbs and circumstances of a
    sentence (``a annoncé mardi le ministère``) say more about the article than about the figure."""
    if part in ("previous", "title"):
        return  # of those, names only
    weight = WEIGHTS[part] * (1.0 if part == "own" else WORD_FACTOR)
    # a measure word says how, not what: even among its own words it weighs as its clause's words
    measure_weight = min(weight, WEIGHTS["clause"] * WORD_FACTOR)
    previous: fr.Word | None = None
    for word in found:
        if word.lemma in fr.NAME_JOINERS and not word.name:
            continue  # "innovation en santé" is the pair innovation santé
        if not word.content or word.lemma in publisher:
            previous = None
            continue
        own_weight = measure_weight if word.lemma in fr.MEASURE_LEMMAS else weight
        if terms.get(word.lemma, 0.0) < own_weight:
            terms[word.lemma] = own_weight
        if previous is not None:
            pair = f"{previous.lemma} {word.lemma}"
            if terms.get(pair, 0.0) < weight:
                terms[pair] = weight
        previous = word


@lru_cache(maxsize=100_000)
def name_key(surface: str) -> str:
    return " ".join(surface.lower().split())


NAME_MARK = "@"  # a name's term: "@sasn", "@france 2030" (a lemma is never written so)


def name_term(surface: str) -> str:
    return NAME_MARK + name_key(surface)


def _add_names(terms: dict[str, float], surfaces: tuple[str, ...] | list[str], part: str, publisher: set[str]) -> None:
    weight = WEIGHTS[part] * NAME_FACTOR
    for surface in surfaces:
        key = name_key(surface)
        if key in publisher or all(part_word in publisher for part_word in key.split()):
            continue
        key = NAME_MARK + key
        if terms.get(key, 0.0) < weight:
            terms[key] = weight


def _apart_at_commas(quote: str, figures: list[tuple[int, int]], clauses: list[tuple[int, int]], shift: int) -> list[tuple[int, int]]:
    """checker.binding.clauses' clause of each figure, cut once more where two figures share one at the
    first comma between them (``550 M€ ont été alloués à la stratégie, couvrant environ 350
    projets``: each figure's own statement), as offsets in the document."""
    cut = [list(clause) for clause in clauses]
    for index in range(len(figures) - 1):
        (_, first_end), (second_start, _) = figures[index], figures[index + 1]
        if cut[index] == cut[index + 1]:
            comma = quote.find(",", first_end, second_start)
            if comma != -1:
                cut[index][1], cut[index + 1][0] = comma, comma + 1
    return [(low + shift, high + shift) for low, high in cut]


def _parts(sentence_words: list[fr.Word], own: tuple[int, int], clause: tuple[int, int]) -> list[tuple[str, list[fr.Word]]]:
    """The sentence's words cut into runs of one part each (own words, clause, rest of the sentence)."""
    runs: list[tuple[str, list[fr.Word]]] = []
    for word in sentence_words:
        part = "own" if own[0] <= word.start < own[1] else "clause" if clause[0] <= word.start < clause[1] else "sentence"
        if runs and runs[-1][0] == part:
            runs[-1][1].append(word)
        else:
            runs.append((part, [word]))
    return runs


def _wording(sentence_words: list[fr.Word], spans: list[tuple[int, int]]) -> array:
    """The sentence's words in order as stable hashes, each figure of it as 0."""
    tokens: list[tuple[int, int]] = [(start, 0) for start, _ in spans]
    tokens += [(word.start, fr.word_hash(word.surface)) for word in sentence_words]
    tokens.sort()
    return array("i", [token for _, token in tokens])
