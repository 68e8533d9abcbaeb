"""Claims -> subjects: bind each extracted figure to the rule it is about, or to none.

Pure and explainable: each bound claim carries the evidence that bound it (which subject pattern
matched, where, and in which scope); each near miss says why it was left out.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from checker import french
from checker.documents import Document, Span
from checker.errors import RuleError
from checker.extractor import Quantity, extract
from checker.period import Period, sentence_periods
from checker.rules import PATTERN_TIMEOUT, SCOPES, Pattern, Rule
from checker.sources import Source

_MEASURE = regex.compile(rf"(?<![\p{{L}}])(?:{french.MEASURE_WORDS})(?![\p{{L}}])", regex.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """A pattern of a rule that matched near a figure."""

    role: str  # subject, require, exclude
    pattern: str
    matched: str
    line: int
    column: int
    scope: str


@dataclass(frozen=True)
class Claim:
    """A figure bound to a rule: what a source says about a subject."""

    rule: str
    source: str
    line: int
    column: int
    quantity: Quantity
    quote: str  # the sentence the figure stands in
    quote_offset: int  # where the figure starts within the quote
    measure: str | None
    evidence: tuple[Evidence, ...]
    page: int | None = None  # 1-based page of a paged original (PDF), else None
    source_meta: Source | None = None  # publisher, date, authority... (checker.sources)
    period: Period | None = None  # when the claim speaks of (checker.period)

    @property
    def sort_key(self) -> tuple[str, str, int, int]:
        return (self.rule, self.source, self.line, self.column)


@dataclass(frozen=True)
class NearMiss:
    """A figure of the right kind near a rule's subject, left out, with the reason."""

    rule: str
    source: str
    line: int
    column: int
    text: str
    reason: str


class _Matches:
    """Where each pattern of the rules matches in one document, computed once.

    Kept as two sorted lists, starts and ends, so that the matches within a span are found by
    bisecting plain integers.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._cache: dict[str, tuple[list[int], list[int]]] = {}

    def of(self, pattern: Pattern, rule: Rule) -> tuple[list[int], list[int]]:
        found = self._cache.get(pattern.source)
        if found is None:
            try:
                spans = [match.span() for match in pattern.compiled.finditer(self.document.text, timeout=PATTERN_TIMEOUT)]
            except TimeoutError:
                raise RuleError(rule.path, f"rule '{rule.id}': pattern {pattern.source!r} takes too long (catastrophic backtracking?)", rule.line) from None
            # empty matches are no evidence of anything
            found = ([start for start, end in spans if end > start], [end for start, end in spans if end > start])
            self._cache[pattern.source] = found
        return found

    def nearest(self, patterns: tuple[Pattern, ...], rule: Rule, span: tuple[int, int], anchor: int) -> tuple[Pattern, int, int] | None:
        """The match within ``span`` closest to ``anchor``: the first pattern's, the first one's on a tie."""
        low, high = span
        best: tuple[int, Pattern, int, int] | None = None
        for pattern in patterns:
            starts, ends = self.of(pattern, rule)
            first = bisect.bisect_left(starts, low)
            for index in range(first, bisect.bisect_left(starts, high, first)):
                end = ends[index]
                if end <= high:
                    start = starts[index]
                    distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
                    if best is None or distance < best[0]:
                        best = (distance, pattern, start, end)
        return None if best is None else best[1:]


class _Scopes:
    """The sentence, paragraph, section and document around a figure, each found when first asked."""

    def __init__(self, document: Document, anchor: int) -> None:
        self.document = document
        self.anchor = anchor
        self._found: dict[str, tuple[int, int]] = {}

    def __getitem__(self, scope: str) -> tuple[int, int]:
        found = self._found.get(scope)
        if found is None:
            found = self._found[scope] = self.document.bounds_at(scope, self.anchor)
        return found


def _evidence(document: Document, role: str, pattern: Pattern, start: int, end: int, scope: str) -> Evidence:
    line, column = document.position(start)
    return Evidence(role, pattern.source, document.text[start:end], line, column, scope)


def _candidate(rule: Rule, quantity: Quantity) -> bool:
    if quantity.kind != rule.kind:
        return False
    if rule.currency is not None and quantity.unit != rule.currency:
        return False
    return not rule.nouns or quantity.noun in rule.nouns


def bind(document: Document, quantities: list[Quantity], rules: list[Rule]) -> tuple[list[Claim], list[NearMiss]]:
    """Bind each quantity to at most one rule: the closest, most specific subject evidence wins."""
    matches = _Matches(document)
    claims: list[Claim] = []
    near_misses: list[NearMiss] = []
    # a figure is only ever a candidate for the rules of its kind: most figures meet few rules
    rules_of_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        rules_of_kind.setdefault(rule.kind, []).append(rule)
    sentences: dict[tuple[int, int], _Sentence] = {}  # what the figures of one sentence share
    figures: _Figures | None = None  # every figure of the document by start, once a claim needs them
    for quantity in quantities:
        scopes = _Scopes(document, quantity.number_start)
        best: tuple[tuple[int, int, int, str], Rule, tuple[Evidence, ...]] | None = None
        for rule in rules_of_kind.get(quantity.kind, ()):
            if not _candidate(rule, quantity):
                continue
            outcome = _try_rule(document, matches, scopes, quantity, rule)
            if isinstance(outcome, str):
                line, column = document.position(quantity.start)
                near_misses.append(NearMiss(rule.id, document.source, line, column, quantity.text, outcome))
                continue
            if outcome is None:
                continue
            score, evidence = outcome
            if best is None or score < best[0]:
                best = (score, rule, evidence)
        if best is not None:
            bounds = scopes["sentence"]
            sentence = sentences.get(bounds)
            if sentence is None:
                if figures is None:
                    figures = _Figures(quantities)
                sentence = sentences[bounds] = _Sentence(document, Span(*bounds), figures)
            claims.append(_claim(document, quantity, best[1], best[2], sentence))
    return claims, near_misses


def _try_rule(document: Document, matches: _Matches, scopes: _Scopes, quantity: Quantity, rule: Rule):
    """None: not about this rule; a string: a near miss's reason; else (score, evidence)."""
    anchor = quantity.number_start
    last_scope = SCOPES.index(rule.scope)
    subject = None
    for rank, scope in enumerate(SCOPES[: last_scope + 1]):
        found = matches.nearest(rule.subject, rule, scopes[scope], anchor)
        if found is not None:
            subject = (rank, scope, found)
            break
    if subject is None:
        return None
    rank, scope, (pattern, start, end) = subject
    evidence = [_evidence(document, "subject", pattern, start, end, scope)]
    context = scopes[rule.context_scope]
    excluded = matches.nearest(rule.exclude, rule, context, anchor)
    if excluded is not None:
        return f"excluded: '{document.text[excluded[1]:excluded[2]]}' matches exclude pattern {excluded[0].source!r}"
    if rule.require:
        required = matches.nearest(rule.require, rule, context, anchor)
        if required is None:
            return f"subject found ('{document.text[start:end]}') but none of the required context in its {rule.context_scope}"
        evidence.append(_evidence(document, "require", required[0], required[1], required[2], rule.context_scope))
    value = quantity.value
    if rule.minimum is not None and value < rule.minimum or rule.maximum is not None and value > rule.maximum:
        return f"value {value:g} {quantity.unit} outside the rule's plausible range [{rule.minimum}, {rule.maximum}]"
    distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
    return (rank, distance, -(end - start), rule.id), tuple(evidence)


class _Figures:
    """The document's figures ordered by start, so that those of a sentence are found by bisection."""

    def __init__(self, quantities: list[Quantity]) -> None:
        ordered = all(first.start <= second.start for first, second in zip(quantities, quantities[1:]))
        self.quantities = quantities if ordered else sorted(quantities, key=lambda quantity: quantity.start)
        self.starts = [quantity.start for quantity in self.quantities]

    def within(self, span: Span) -> list[Quantity]:
        return self.quantities[bisect.bisect_left(self.starts, span.start):bisect.bisect_left(self.starts, span.end)]


class _Sentence:
    """A sentence that holds claims: its quote, measure words and the period of each of its figures, found once."""

    def __init__(self, document: Document, span: Span, figures: _Figures) -> None:
        self.span = span
        raw = document.text[span.start:span.end]
        self.stripped_left = len(raw) - len(raw.lstrip())
        self.quote = raw.strip()
        self.measures = _measure_words(document, span)
        self.meta = document.meta
        self.figures = figures.within(span)
        self._periods: dict[tuple[int, int], Period] | None = None

    def _within_quote(self, quantity: Quantity) -> tuple[int, int]:
        shift = self.span.start + self.stripped_left
        size = len(self.quote)
        return min(max(quantity.start - shift, 0), size), min(max(quantity.end - shift, 0), size)

    def period_of(self, quantity: Quantity) -> Period:
        """The period of one of the sentence's figures, read with all the others (checker.period)."""
        if self._periods is None:
            spans = [self._within_quote(figure) for figure in self.figures]
            self._periods = dict(zip(((figure.start, figure.end) for figure in self.figures), sentence_periods(self.quote, spans, self.meta)))
        period = self._periods.get((quantity.start, quantity.end))
        if period is None:  # a figure that starts before its sentence: read with the others all the same
            spans = [self._within_quote(figure) for figure in self.figures] + [self._within_quote(quantity)]
            period = sentence_periods(self.quote, spans, self.meta)[-1]
        return period


def _claim(document: Document, quantity: Quantity, rule: Rule, evidence: tuple[Evidence, ...], sentence: _Sentence) -> Claim:
    span = sentence.span
    line, column = document.position(quantity.start)
    offset = quantity.start - span.start - sentence.stripped_left
    return Claim(
        rule=rule.id, source=document.source, line=line, column=column, quantity=quantity, quote=sentence.quote,
        quote_offset=offset, measure=_measure(document, quantity, span, sentence.measures),
        evidence=evidence, page=document.page_at(quantity.start), source_meta=document.meta,
        period=sentence.period_of(quantity),
    )


def _measure_words(document: Document, sentence: Span) -> list[tuple[int, int, str]]:
    return [(match.start(), match.end(), match.group()) for match in _MEASURE.finditer(document.text, sentence.start, sentence.end)]


def _measure(document: Document, quantity: Quantity, sentence: Span, words: list[tuple[int, int, str]] | None = None) -> str | None:
    """The measure word closest to the figure in its sentence (investis, alloués, dotée...).

    ``words``: ``_measure_words`` of the sentence, when kept for its other figures.
    """
    best: tuple[int, str] | None = None
    for start, end, word in _measure_words(document, sentence) if words is None else words:
        if quantity.start <= start < quantity.end:
            continue
        distance = min(abs(start - quantity.end), abs(quantity.start - end))
        if best is None or distance < best[0]:
            best = (distance, word)
    return best[1] if best else None


def check_examples(rule: Rule) -> None:
    """A rule's own examples: ``match`` sentences must bind a figure to it, ``no_match`` none."""
    for sentence, should_bind in [(s, True) for s in rule.examples_match] + [(s, False) for s in rule.examples_no_match]:
        document = Document.from_text(sentence, source=f"<example of {rule.id}>")
        claims, _ = bind(document, extract(sentence), [rule])
        if should_bind and not claims:
            raise RuleError(rule.path, f"rule '{rule.id}': key 'examples.match': {sentence!r} binds no figure to the rule", rule.examples_match_line)
        if not should_bind and claims:
            raise RuleError(rule.path, f"rule '{rule.id}': key 'examples.no_match': {sentence!r} binds '{claims[0].quantity.text}' to the rule", rule.examples_no_match_line)
