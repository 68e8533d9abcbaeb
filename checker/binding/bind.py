"""Claims -> subjects: bind each extracted figure to the rule it is about, or to none.

Pure and explainable: each bound claim carries the evidence that bound it (which subject pattern
matched, where, and in which scope); each near miss says why it was left out.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

import regex

from checker import display, french
from checker.extraction import stretches
from checker.reading.documents import Document, Span
from checker.errors import RuleError
from checker.extraction.extractor import extract
from checker.extraction.quantity import Quantity
from checker.binding.folding import can_fold
from checker.binding.clauses import clause_bounds
from checker.binding.period import COUNTS_FROM_ANOTHER, Period, sentence_periods
from checker.binding.rules import CONTEXT_SCOPES, PATTERN_TIMEOUT, SCOPES, Pattern, Rule
from checker.reading.sources import Source
from checker.extraction.units import CANONICAL

_CHANGE_OF_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{french.CHANGE_OF_BEFORE})$", regex.IGNORECASE)
_CHANGE_OF_AFTER = regex.compile(french.CHANGE_OF_AFTER, regex.IGNORECASE)
_FROM_TO_AFTER = regex.compile(r"\s+(?:à|a)\s+[\d+−-]")
# Kinds whose figure is a level, of which the size of a change is another measure
_LEVEL_KINDS = frozenset({"money", "count", "number"})
_MEASURE = regex.compile(rf"(?<![\p{{L}}])(?:{french.MEASURE_WORDS})(?![\p{{L}}])", regex.IGNORECASE)


# Where evidence was found: a scope of the document, the word window of a rule, the figure's own words.
EVIDENCE_SCOPES = (*CONTEXT_SCOPES, "window", "phrase")


@dataclass(frozen=True)
class Evidence:
    """A pattern of a rule that matched near a figure."""

    role: str  # subject, require, require_all, phrase_require
    pattern: str
    matched: str
    line: int
    column: int
    scope: str  # one of EVIDENCE_SCOPES


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
    source_meta: Source | None = None  # publisher, date, authority... (checker.reading.sources)
    period: Period | None = None  # when the claim speaks of (checker.binding.period)
    # the rule's unit, when a bare number was read in it ("45 seront consacrés" in a rule of M€)
    implied_unit: str | None = None

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
    bisecting plain integers. A scan's time limit grows with the text scanned (PATTERN_TIMEOUT
    for each SCAN_CHARS characters, at least PATTERN_TIMEOUT): any pattern takes longer on a
    longer text, and only one that backtracks (far slower than 2 MB/s) is blamed, on a document
    of any size. A pattern is matched on the lower-cased text (checker.binding.folding) when both allow
    it; in a document longer than a stretch (checker.extraction.stretches), each stretch is lower-cased on
    its own and every such pattern of the rules scanned on it, then the stretch let go: there,
    such a pattern never matches across the end of a sentence.
    """

    SCAN_CHARS = 1_000_000

    def __init__(self, document: Document, rules: list[Rule] = ()) -> None:
        self.document = document
        self._cache: dict[str, tuple[list[int], list[int]] | None] = {}  # None: the scan timed out
        self._folds: bool | None = None  # whether the folded patterns may run on the lower-cased text
        self._folded: str | None = None  # the lower-cased text, for a document of one stretch
        # the patterns a longer document's stretches are each folded once for, all scanned together
        self._pending = [pattern for rule in rules for pattern in _rule_patterns(rule)]

    def of(self, pattern: Pattern, rule: Rule) -> tuple[list[int], list[int]]:
        if pattern.source not in self._cache:
            if self._folds is None:
                self._folds = can_fold(self.document.text)
            if self._folds and pattern.folded is not None and len(self.document.text) > stretches.STRETCH_CHARS:
                self._scan_folded_stretches([pattern, *self._pending])
            else:
                self._cache[pattern.source] = self._scan_whole(pattern)
        found = self._cache[pattern.source]
        if found is None:
            raise RuleError(rule.path, f"rule '{rule.id}': pattern '{pattern.source}' takes too long (catastrophic backtracking?)", rule.line)
        return found

    def _limit(self, length: int) -> float:
        return PATTERN_TIMEOUT * max(1.0, length / self.SCAN_CHARS)

    def _scan_whole(self, pattern: Pattern) -> tuple[list[int], list[int]] | None:
        """The pattern's matches in the text, or in the lower-cased text when both allow it."""
        compiled, text = pattern.compiled, self.document.text
        if self._folds and (folded := pattern.folded) is not None:
            if self._folded is None:
                self._folded = text.lower()
            compiled, text = folded, self._folded
        starts: list[int] = []
        ends: list[int] = []
        try:
            for match in compiled.finditer(text, timeout=self._limit(len(text))):
                start, end = match.span()
                if end > start:  # empty matches are no evidence of anything
                    starts.append(start)
                    ends.append(end)
        except TimeoutError:
            return None
        return starts, ends

    def _scan_folded_stretches(self, patterns: list[Pattern]) -> None:
        """Every folded pattern not scanned yet, scanned on each stretch of the text lower-cased
        on its own (checker.extraction.stretches): a copy of one stretch at a time, not of the document."""
        todo = {pattern.source: pattern.folded for pattern in patterns if pattern.folded is not None and pattern.source not in self._cache}
        self._pending = [pattern for pattern in self._pending if pattern.source not in todo]
        found: dict[str, tuple[list[int], list[int]] | None] = {source: ([], []) for source in todo}
        text = self.document.text
        for low, high in stretches.stretches(text):
            stretch = text[low:high].lower()
            for source, compiled in todo.items():
                spans = found[source]
                if spans is None:
                    continue
                try:
                    for match in compiled.finditer(stretch, timeout=self._limit(len(stretch))):
                        start, end = match.span()
                        if end > start:
                            spans[0].append(start + low)
                            spans[1].append(end + low)
                except TimeoutError:
                    found[source] = None
        self._cache.update(found)

    def nearest(self, patterns: tuple[Pattern, ...], rule: Rule, span: tuple[int, int], anchor: int) -> tuple[Pattern, int, int] | None:
        """The match within ``span`` closest to ``anchor``: the first pattern's, the first one's on a tie.

        A pattern's matches do not overlap (finditer), so both their starts and their ends
        increase: the distance to ``anchor`` falls until the last match starting at or before it,
        then rises. Only that match and the next one are looked at, whatever the span's size (a
        whole document for a rule of scope ``document``, or a single-line file's one paragraph).
        """
        low, high = span
        best: tuple[int, Pattern, int, int] | None = None
        for pattern in patterns:
            starts, ends = self.of(pattern, rule)
            first = bisect.bisect_left(starts, low)
            last = bisect.bisect_left(starts, high, first)  # those starting in the span
            if last > first and ends[last - 1] > high:  # only the last one can run past its end
                last -= 1
            after = bisect.bisect_right(starts, anchor, first, last)
            for index in (after - 1, after):
                if first <= index < last:
                    start, end = starts[index], ends[index]
                    distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
                    if best is None or distance < best[0]:
                        best = (distance, pattern, start, end)
        return None if best is None else best[1:]


def _rule_patterns(rule: Rule) -> tuple[Pattern, ...]:
    """Every pattern of ``rule``."""
    return (*rule.subject, *rule.require, *rule.exclude, *rule.require_all, *rule.phrase_require, *rule.phrase_exclude)


class _Scopes:
    """The sentence, paragraph, section and document around a figure, each found when first asked;
    and the stretches of words around it that rules may look at (``window``, ``phrase``)."""

    def __init__(self, document: Document, quantity: Quantity, sentences: _Sentences) -> None:
        self.document = document
        self.quantity = quantity
        self.anchor = quantity.number_start
        self.sentences = sentences
        self._found: dict[str, tuple[int, int]] = {}

    def __getitem__(self, scope: str) -> tuple[int, int]:
        found = self._found.get(scope)
        if found is None:
            if scope == "clause":
                found = self.sentence().clause_of(self.quantity)
            else:
                found = self.document.bounds_at(scope, self.anchor)
            self._found[scope] = found
        return found

    def sentence(self) -> _Sentence:
        return self.sentences.at(self["sentence"])

    def context(self, rule: Rule) -> tuple[int, int]:
        """Where ``require`` and ``exclude`` are looked for: the context scope, cut to the window."""
        low, high = self[rule.context_scope]
        if rule.window is None:
            return low, high
        key = f"window {rule.window} {rule.context_scope}"
        found = self._found.get(key)
        if found is None:
            text, quantity = self.document.text, self.quantity
            found = self._found[key] = (
                _words_before(text, max(low, quantity.start - 40 * rule.window), quantity.start, rule.window),
                _words_after(text, quantity.end, min(high, quantity.end + 40 * rule.window), rule.window),
            )
        return found

    def phrase(self) -> tuple[int, int]:
        """The figure's own words (``phrase_require``): see ``phrase_of``."""
        found = self._found.get("phrase")
        if found is None:
            found = self._found["phrase"] = phrase_of(self.document.text, self.quantity, self["sentence"])
        return found


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’ʼ-][\p{L}\p{N}]+)*")
# What ends a figure's own words: punctuation that closes a phrase or opens an incise.
_PHRASE_BREAK = regex.compile(r"[,;:.!?()\[\]«»\"“”—–]")
PHRASE_WORDS_BEFORE = 2
PHRASE_WORDS_AFTER = 3


def _words_before(text: str, low: int, start: int, count: int) -> int:
    """Where the ``count`` words before ``start`` begin (not before ``low``)."""
    starts = [match.start() for match in _WORD.finditer(text, low, start)]
    return starts[-count] if len(starts) >= count else low if not starts else starts[0]


def _words_after(text: str, end: int, high: int, count: int) -> int:
    """Where the ``count`` words after ``end`` end (not after ``high``)."""
    last = end
    for number, match in enumerate(_WORD.finditer(text, end, high), 1):
        last = match.end()
        if number == count:
            break
    return last


def phrase_of(text: str, quantity: Quantity, sentence: tuple[int, int]) -> tuple[int, int]:
    """The figure's own words: its surface (``120 nouveaux projets``) with the determiners and
    adjectives just before it (``les 8 premiers lauréats``) and up to three words after it
    (``lauréats supplémentaires``, ``de l'État``), within its sentence, never across punctuation or
    a word that starts another phrase (french.DETERMINERS, PHRASE_ENDS)."""
    low, high = sentence
    begin = quantity.start
    before = text[max(low, quantity.start - 60):quantity.start]
    cut = max((match.end() for match in _PHRASE_BREAK.finditer(before)), default=0)
    words = list(_WORD.finditer(before, cut))[-PHRASE_WORDS_BEFORE:]
    for match in reversed(words):
        word = _word_key(match.group())
        if word not in french.DETERMINERS and word not in french.PRENOMINAL_ADJECTIVES:
            break
        begin = quantity.start - len(before) + match.start()
    end = quantity.end
    stop = _PHRASE_BREAK.search(text, quantity.end, min(high, quantity.end + 80))
    previous = ""
    for number, match in enumerate(_WORD.finditer(text, quantity.end, stop.start() if stop else min(high, quantity.end + 80))):
        word = _word_key(match.group())
        # a determiner opens another phrase, unless it follows "de" ("50 M€ de la région")
        opens = word in french.DETERMINERS and previous not in ("de", "d", "du", "des")
        if number == PHRASE_WORDS_AFTER or word in french.PHRASE_ENDS or opens:
            break
        end, previous = match.end(), word
    return begin, end


def _word_key(word: str) -> str:
    """A word as the tables spell it: lower case, an elided article or preposition alone (``d'``)."""
    lower = word.lower()
    return regex.split(r"['’ʼ]", lower, maxsplit=1)[0] if regex.search(r"['’ʼ]", lower) else lower


def _evidence(document: Document, role: str, pattern: Pattern, start: int, end: int, scope: str) -> Evidence:
    line, column = document.position(start)
    return Evidence(role, pattern.source, document.text[start:end], line, column, scope)


def _candidate(rule: Rule, quantity: Quantity) -> bool:
    if quantity.kind not in rule.kinds:
        return False
    if quantity.kind == "money" and rule.currency is not None and quantity.unit != rule.currency:
        return False
    return quantity.kind != "count" or not rule.nouns or quantity.noun in rule.nouns


# A scale word or symbol right after a bare number ("2,3 milliards"): its value is then already
# in the canonical unit, the rule's currency only is implied.
_SCALE_AFTER = regex.compile(
    r"\s*(?:(?i:" + "|".join(sorted(map(regex.escape, french.SCALE_WORDS), key=len, reverse=True)) + ")"
    + "|" + "|".join(sorted(map(regex.escape, french.SCALE_SYMBOLS), key=len, reverse=True)) + r")(?![\p{L}])"
)


def read_in_rule(rule: Rule, quantity: Quantity) -> tuple[Quantity, str | None]:
    """A figure as a rule of several kinds reads it, and the unit the rule implied (else None).

    A bare number bound to a rule of another kind (``kind = ["money", "number"]``) is taken in
    the rule's display unit: ``45`` in a rule of ``M€`` is 45 M€; one written with a scale word
    (``2,3 milliards``) keeps its value and takes the rule's currency.
    """
    if quantity.kind != "number" or rule.kind == "number":
        return quantity, None
    tail = quantity.text[quantity.number_end - quantity.start:]
    scale = 1.0 if _SCALE_AFTER.match(tail) else rule.display_scale
    unit = (rule.currency or "") if rule.kind == "money" else CANONICAL[rule.kind]
    read = replace(
        quantity, kind=rule.kind, unit=unit, value=quantity.value * scale,
        low=None if quantity.low is None else quantity.low * scale,
        high=None if quantity.high is None else quantity.high * scale,
    )
    return read, rule.unit or unit


def bind(document: Document, quantities: list[Quantity], rules: list[Rule]) -> tuple[list[Claim], list[NearMiss]]:
    """Bind each quantity to at most one rule: the closest, most specific subject evidence wins."""
    matches = _Matches(document, rules)
    claims: list[Claim] = []
    near_misses: list[NearMiss] = []
    # a figure is only ever a candidate for the rules of its kind: most figures meet few rules
    rules_of_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        for kind in rule.kinds:
            rules_of_kind.setdefault(kind, []).append(rule)
    sentences = _Sentences(document, quantities)
    for quantity in quantities:
        scopes = _Scopes(document, quantity, sentences)
        best: tuple[tuple[int, int, int, str], Rule, tuple[Evidence, ...], Quantity, str | None] | None = None
        for rule in rules_of_kind.get(quantity.kind, ()):
            if not _candidate(rule, quantity):
                continue
            read, implied = read_in_rule(rule, quantity)
            outcome = _try_rule(document, matches, scopes, read, rule)
            if isinstance(outcome, str):
                line, column = document.position(quantity.start)
                near_misses.append(NearMiss(rule.id, document.source, line, column, quantity.text, outcome))
                continue
            if outcome is None:
                continue
            score, evidence = outcome
            if best is None or score < best[0]:
                best = (score, rule, evidence, read, implied)
        if best is not None:
            _, rule, evidence, read, implied = best
            claims.append(_claim(document, read, rule, evidence, scopes.sentence(), implied))
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
    found = _context_evidence(document, matches, scopes, rule, document.text[start:end])
    if isinstance(found, str):
        return found
    evidence.extend(found)
    if quantity.kind in _LEVEL_KINDS and (change := _change_of(document.text, quantity)):
        return f"the size of a change ('{change}'), not the figure itself"
    if rule.period is not None:
        period = scopes.sentence().period_of(quantity)
        if period.when is None or not period.when.startswith(rule.period):
            return f"period {period.when or 'unknown'} is not the rule's period {rule.period}"
    value = quantity.value
    if rule.minimum is not None and value < rule.minimum or rule.maximum is not None and value > rule.maximum:
        shown = display.amount(value, quantity.kind, quantity.unit, _unit_word(rule, quantity))
        return f"value {shown} outside the rule's plausible range {display.bounds(rule.minimum, rule.maximum, quantity.kind, quantity.unit, _unit_word(rule, quantity))}"
    distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
    return (rank, distance, -(end - start), rule.id), tuple(evidence)


def _change_of(text: str, quantity: Quantity) -> str | None:
    """The words that make an amount the size of a change ("en hausse de", "soit ... de plus"), if
    any; none for "augmenté de X à Y", a change from X to Y (french.CHANGE_OF_BEFORE)."""
    before = _CHANGE_OF_BEFORE.search(text, max(0, quantity.start - 40), quantity.start)
    if before is not None and not _FROM_TO_AFTER.match(text, quantity.end):
        return before.group().strip()
    after = _CHANGE_OF_AFTER.match(text, quantity.end)
    return after.group().strip() if after is not None else None


def _unit_word(rule: Rule, quantity: Quantity) -> str:
    """The word a count or duration is shown with: the rule's unit when it names no scale."""
    return rule.unit if quantity.kind != "money" and rule.display_scale == 1 else ""


def _context_evidence(document: Document, matches: _Matches, scopes: _Scopes, rule: Rule, subject: str) -> list[Evidence] | str:
    """The ``require`` evidence around a figure, or why its context leaves it out (a near miss).

    Each check is (role, patterns, where, the place named in messages); a ``require_all``
    pattern is a check of its own, every one of which must match.
    """
    context = scopes.context(rule)
    place = rule.context_scope if rule.window is None else f"{rule.window}-word window ({rule.context_scope})"
    scope = rule.context_scope if rule.window is None else "window"
    checks = [("exclude", rule.exclude, context, place, scope), ("require", rule.require, context, place, scope)]
    checks += [("require_all", (pattern,), context, place, scope) for pattern in rule.require_all]
    if rule.phrase_require or rule.phrase_exclude:
        phrase = scopes.phrase()
        own = f"own words '{document.text[phrase[0]:phrase[1]]}'"
        checks += [("phrase_exclude", rule.phrase_exclude, phrase, own, "phrase"), ("phrase_require", rule.phrase_require, phrase, own, "phrase")]
    evidence = []
    for role, patterns, span, where, scope in checks:
        if not patterns:
            continue
        found = matches.nearest(patterns, rule, span, scopes.anchor)
        if role.endswith("exclude"):
            if found is not None:
                return f"excluded: '{document.text[found[1]:found[2]]}' matches {role} pattern '{found[0].source}' in its {where}"
        elif found is None:
            named = " or ".join(f"'{pattern.source}'" for pattern in patterns)
            wanted = "none of the required context" if role == "require" else f"no match of {role} {named}"
            return f"subject found ('{subject}') but {wanted} in its {where}"
        else:
            evidence.append(_evidence(document, role, found[0], found[1], found[2], scope))
    return evidence


class _Sentences:
    """The sentences of a document that a rule or a claim asks about, each made once, with the
    document's figures ordered by start so that those of a sentence are found by bisection."""

    def __init__(self, document: Document, quantities: list[Quantity]) -> None:
        self.document = document
        self.quantities = quantities
        self._starts: list[int] | None = None
        self._made: dict[tuple[int, int], _Sentence] = {}

    def at(self, bounds: tuple[int, int]) -> _Sentence:
        sentence = self._made.get(bounds)
        if sentence is None:
            sentence = self._made[bounds] = _Sentence(self.document, Span(*bounds), self.within(Span(*bounds)), self)
        return sentence

    def period_before(self, start: int) -> str | None:
        """The last period that the sentence before ``start`` gives in its own words (read
        without the sentence before it: no chain), for ``un an plus tôt``; None if it gives none."""
        if start <= 0:
            return None
        bounds = self.document.bounds_at("sentence", start - 1)
        if bounds[1] > start or bounds[0] >= start:
            return None
        previous = self.at(bounds)
        periods = previous.own_periods()
        dated = [period.when for period in periods if period.origin == "text" and period.when and not period.target]
        return dated[-1] if dated else None

    def within(self, span: Span) -> list[Quantity]:
        if self._starts is None:
            quantities = self.quantities
            if any(first.start > second.start for first, second in zip(quantities, quantities[1:])):
                self.quantities = sorted(quantities, key=lambda quantity: quantity.start)
            self._starts = [quantity.start for quantity in self.quantities]
        starts = self._starts
        return self.quantities[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)]


class _Sentence:
    """A sentence that holds claims: its quote, measure words and the period of each of its figures, found once."""

    def __init__(self, document: Document, span: Span, figures: list[Quantity], sentences: _Sentences | None = None) -> None:
        self.span = span
        self.sentences = sentences
        raw = document.text[span.start:span.end]
        self.stripped_left = len(raw) - len(raw.lstrip())
        self.quote = raw.strip()
        self.measures = _measure_words(document, span)
        self.meta = document.meta
        self.figures = figures
        self._periods: dict[tuple[int, int], Period] | None = None
        self._clauses: dict[tuple[int, int], tuple[int, int]] | None = None

    def _within_quote(self, quantity: Quantity) -> tuple[int, int]:
        shift = self.span.start + self.stripped_left
        size = len(self.quote)
        return min(max(quantity.start - shift, 0), size), min(max(quantity.end - shift, 0), size)

    def clause_of(self, quantity: Quantity) -> tuple[int, int]:
        """The clause that holds a figure (checker.binding.clauses), as offsets in the document."""
        if self._clauses is None:
            spans = [self._within_quote(figure) for figure in self.figures]
            shift = self.span.start + self.stripped_left
            self._clauses = {
                (figure.start, figure.end): (start + shift, end + shift)
                for figure, (start, end) in zip(self.figures, clause_bounds(self.quote, spans))
            }
        found = self._clauses.get((quantity.start, quantity.end))
        return found if found is not None else (self.span.start, self.span.end)

    def own_periods(self) -> list[Period]:
        """The periods of the sentence's figures from its own words alone (no sentence before it)."""
        return sentence_periods(self.quote, [self._within_quote(figure) for figure in self.figures], self.meta)

    def _before(self) -> str | None:
        """The period "un an plus tôt" counts from when this sentence gives none: the sentence
        before's (asked only of a sentence that has such words)."""
        if self.sentences is None or not COUNTS_FROM_ANOTHER.search(self.quote.lower()):
            return None
        return self.sentences.period_before(self.span.start)

    def period_of(self, quantity: Quantity) -> Period:
        """The period of one of the sentence's figures, read with all the others (checker.binding.period)."""
        if self._periods is None:
            spans = [self._within_quote(figure) for figure in self.figures]
            periods = sentence_periods(self.quote, spans, self.meta, self._before())
            self._periods = dict(zip(((figure.start, figure.end) for figure in self.figures), periods))
        period = self._periods.get((quantity.start, quantity.end))
        if period is None:  # a figure that starts before its sentence: read with the others all the same
            spans = [self._within_quote(figure) for figure in self.figures] + [self._within_quote(quantity)]
            period = sentence_periods(self.quote, spans, self.meta, self._before())[-1]
        return period


def _claim(document: Document, quantity: Quantity, rule: Rule, evidence: tuple[Evidence, ...], sentence: _Sentence, implied_unit: str | None = None) -> Claim:
    span = sentence.span
    line, column = document.position(quantity.start)
    offset = quantity.start - span.start - sentence.stripped_left
    return Claim(
        rule=rule.id, source=document.source, line=line, column=column, quantity=quantity, quote=sentence.quote,
        quote_offset=offset, measure=_measure(document, quantity, span, sentence.measures),
        evidence=evidence, page=document.page_at(quantity.start), source_meta=document.meta,
        period=sentence.period_of(quantity),
        implied_unit=implied_unit,
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
