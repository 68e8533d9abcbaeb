"""Where a rule looks around a figure: its clause, sentence, paragraph, section or document, its
word window and its own words; and the sentence a claim quotes.

In: a ``Document``, its figures (``Quantity``) and, for ``_Scopes``, one figure. Out: spans of the
document (``(start, end)``) for each scope a rule may name (``_Scopes``; ``phrase_of``: the figure's
own words), and for each sentence that holds claims (``_Sentences``, ``_Sentence``) its quote, its
measure words (``_measure``: the one nearest a figure) and the period of each of its figures
(checker.binding.period). checker.binding.bind decides with them which rule a figure is bound to.
"""

from __future__ import annotations

import bisect

import regex

from checker import french
from checker.binding.clauses import clause_bounds
from checker.binding.period import COUNTS_FROM_ANOTHER, Period, sentence_periods
from checker.binding.rules import Rule
from checker.extraction.quantity import Quantity
from checker.reading.documents import Document, Span

_MEASURE = regex.compile(rf"(?<![\p{{L}}])(?:{french.MEASURE_WORDS})(?![\p{{L}}])", regex.IGNORECASE)


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
