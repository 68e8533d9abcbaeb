"""Discovery over a corpus: every document's figures described (``features``, in the workers that
extract them), then ranked as one (``rank``): the entry points ``discover`` and ``discover_documents``.
"""


from __future__ import annotations

import functools
import math
import sys
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.discovery.attribution import attributions
from checker.discovery.features import DocumentFeatures, Figure, document_features, name_key, name_term
from checker.discovery.grouping import MAX_RATIO, Links, group
from checker.discovery.proposal import SAME_SUBJECT, Vector, Vectors, Vocabulary, idf, neighbours
from checker.discovery.quotes import quoted
from checker.discovery.ranking import Candidate, judge
from checker.discovery.words import mentioned
from checker.reading.documents import Document
from checker.reading.corpus import Skipped, discover_all
from checker.errors import RecoupeError
from checker.extraction.quantity import Quantity
from checker.binding.rules import Rule
from checker.reading.sources import Catalog, Source

if TYPE_CHECKING:
    from checker.running.cache import Cache

# A pair whose figures each stand near a name the other's document never mentions (Takeda,
# Pfizer) is less likely one subject: its similarity is multiplied by this.
FOREIGN_NAME_PENALTY = 0.5
VALUE_PRIOR = 0.5

__all__ = ["Candidate", "Discovery", "Figure", "discover", "discover_documents"]


@dataclass(frozen=True)
class Discovery:
    candidates: tuple[Candidate, ...]
    figures: int  # every figure read
    compared: int  # the figures that were compared (not bare numbers, not low-information)
    left_out: tuple[tuple[str, int], ...]  # (why, how many) for the figures that say little on their own
    proposed_pairs: int
    blocks: int
    covered: int  # figures a rule covers (with rules)
    documents: int
    errors: tuple[RecoupeError, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    meta: dict[str, Source | None] = field(default_factory=dict, compare=False, repr=False)
    found: tuple[Figure, ...] = field(default=(), compare=False, repr=False)  # the compared figures
    generic: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # terms that weigh nothing
    vocabulary: list[str] = field(default_factory=list, compare=False, repr=False)  # the terms, by id
    vectors: Vectors = field(default_factory=Vectors, compare=False, repr=False)  # of ``found``, in order
    # where each source can be read again (for ``rules suggest``): its path, or the Document given
    origins: dict[str, Path | Document] = field(default_factory=dict, compare=False, repr=False)

    def terms_of(self, figure: Figure) -> tuple[str, ...]:
        """A compared figure's subject terms, heaviest first (its vector's, as words)."""
        index = self._places().get(figure.place)
        return () if index is None else tuple(self.vocabulary[term] for term in self.vectors[index].ids)

    def _places(self) -> dict[tuple[str, int, int], int]:
        found = self.__dict__.get("_place_index")
        if found is None:
            found = {figure.place: index for index, figure in enumerate(self.found)}
            object.__setattr__(self, "_place_index", found)  # frozen: a cache, not a change of value
        return found

    def document(self, source: str) -> Document:
        """A source's document, read again."""
        from checker.reading.corpus import read_document

        origin = self.origins[source]
        return origin if isinstance(origin, Document) else read_document(origin, source)

    def read(self, source: str) -> tuple[Document, list[Quantity]]:
        """A source's document and figures, read again (``checker.discovery.suggest.Reader``)."""
        from checker.extraction.extractor import extract

        document = self.document(source)
        return document, extract(document.text)

    def with_quotes(self, count: int | None = None) -> Discovery:
        """The discovery whose first ``count`` candidates (all when None) have their figures'
        sentences, read again from their sources (checker.discovery.quotes)."""
        shown = self.candidates if count is None else self.candidates[:count]
        done = quoted(shown, self.document, self.meta)
        return replace(self, candidates=tuple(done) + self.candidates[len(done):])


def discover(
    paths: list[Path], rules: list[Rule] | None = None, jobs: int | None = None, cache: Cache | None = None,
    progress: Callable[[str], None] | None = None, quotes: int | None = None,
) -> Discovery:
    """Discovery over the documents under ``paths``, read and extracted as ``check`` does them (the
    extraction cache, ``jobs`` worker processes); each document's figures are turned into features
    in the worker that extracted it. ``rules``: mark the figures they cover; ``quotes``: how many
    candidates get their quotes, read again once ranked (all when None)."""
    from checker.running.parallel import extract_documents

    files, missing, found_skipped = discover_all(paths)
    errors: list[RecoupeError] = list(missing)
    skipped = list(found_skipped)
    catalog = Catalog()
    finish = functools.partial(document_features, rules)
    collected = Collector()
    origins: dict[str, Path | Document] = {}
    for outcome in extract_documents(files, jobs, cache, None, finish, catalog.known_of):
        if progress is not None:
            progress(str(outcome.path))
        if outcome.error is not None:
            errors.append(outcome.error)
            continue
        features = outcome.finished
        assert isinstance(features, DocumentFeatures)
        if features.empty:
            skipped.append(Skipped(features.source, "empty: no text"))
            continue
        collected.add(features)
        origins[features.source] = outcome.path
    errors.extend(catalog.errors)
    found = replace(collected.rank(), errors=tuple(errors), skipped=tuple(skipped), origins=origins)
    return found.with_quotes(quotes)


def discover_documents(documents: list[tuple[Document, list[Quantity]]], rules: list[Rule] | None = None) -> Discovery:
    """Discovery over documents already read (the library's and the tests' way in)."""
    found = rank([document_features(rules, document, tuple(quantities)) for document, quantities in documents])
    return replace(found, origins={document.source: document for document, _ in documents}).with_quotes()



def rank(documents: list[DocumentFeatures]) -> Discovery:
    """Propose, group, judge and rank the figures of ``documents``."""
    collected = Collector()
    for document in documents:
        collected.add(document)
    return collected.rank()


class Collector:
    """The figures of each document as it comes, kept compact: a figure's terms become integers
    of one vocabulary (its words are not kept once per figure), kept with their weights in two
    flat arrays for the whole corpus (``term_ids``, ``weights``: 8 bytes a term) and where each
    figure's start (``term_starts``), not two arrays per figure (some 270 bytes more each);
    then ``rank``."""

    def __init__(self) -> None:
        self.vocabulary = Vocabulary()
        self.figures: list[Figure] = []
        self.term_ids = array("I")
        self.weights = array("f")
        self.term_starts = array("I", [0])
        self.left_out: Counter[str] = Counter()
        self.names_of: dict[str, frozenset[str]] = {}
        self.meta: dict[str, Source | None] = {}
        self.word_sources: Counter[int] = Counter()  # in how many sources each word of a sentence is
        self.total = self.covered = self.documents = 0
        self._shared = _Shared()

    def add(self, document: DocumentFeatures) -> None:
        self.documents += 1
        self.total += document.total_figures
        self.names_of[document.source] = document.names
        self.meta[document.source] = document.meta
        self.left_out.update(document.left_out)
        self.covered += sum(figure.covered_by is not None for figure in document.figures)
        self.vocabulary.add_source(document.terms, self.term_ids)
        for weights in document.weights:
            self.weights.extend(weights)
            self.term_starts.append(len(self.weights))
        self.figures.extend(map(self._shared.figure, document.figures))
        self.word_sources.update({token for figure in document.figures for token in figure.wording if token})

    def rank(self) -> Discovery:
        self._shared = _Shared()  # every figure is in: the tables are of no more use
        return _rank(self)


class _Shared:
    """One object for each value that many figures of a corpus hold equal: the surface of a
    figure (``1,5 Md€``), its values and positions (an integer above 256 is an object of its
    own), the names near it and its sentence's wording (a quote restated by several outlets),
    its own words and period. A document's figures share those within it already
    (checker.discovery.features); here across documents, which come from worker processes as
    copies. Some 300 bytes a figure of the bench's press corpus; the tables are let go of once
    every figure is in (``Collector.rank``), the values they share stay shared."""

    __slots__ = ("ints", "floats", "tuples", "wordings", "periods")

    def __init__(self) -> None:
        self.ints: dict[int, int] = {}
        self.floats: dict[float, float] = {}
        self.tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.wordings: dict[bytes, array] = {}
        self.periods: dict[object, object] = {}

    def figure(self, figure: Figure) -> Figure:
        """The figure made again of shared values (made, not ``replace``d: a third of the time)."""
        integer, number, q = self.integer, self.number, figure.quantity
        quantity = Quantity(
            start=integer(q.start), end=integer(q.end), text=sys.intern(q.text), kind=q.kind, value=number(q.value),
            unit=q.unit, low=number(q.low), high=number(q.high), qualifier=q.qualifier, noun=q.noun,
            number_start=integer(q.number_start), number_end=integer(q.number_end), inferred=q.inferred,
        )
        return Figure(
            source=figure.source, line=integer(figure.line), column=integer(figure.column), page=figure.page,
            quantity=quantity, block=figure.block, quote=figure.quote, quote_offset=integer(figure.quote_offset),
            sentence=integer(figure.sentence), measure=figure.measure, moves=figure.moves,
            period=self.periods.setdefault(figure.period, figure.period), own=self.strings(figure.own),
            names=self.strings(figure.names), near=figure.near, headed=figure.headed,
            wording=self.wordings.setdefault(figure.wording.tobytes(), figure.wording), low=figure.low,
            covered_by=figure.covered_by,
        )

    def integer(self, value: int) -> int:
        return self.ints.setdefault(value, value) if type(value) is int else value

    def number(self, value: float | None) -> float | None:
        # a float only (1.0 == 1 == True), and never a zero (0.0 == -0.0)
        return self.floats.setdefault(value, value) if type(value) is float and value else value

    def strings(self, strings: tuple[str, ...]) -> tuple[str, ...]:
        interned = tuple(map(sys.intern, strings))
        return self.tuples.setdefault(interned, interned)  # the key too holds the shared strings


def _rank(collected: Collector) -> Discovery:
    vocabulary, figures, names_of, meta = collected.vocabulary, collected.figures, collected.names_of, collected.meta
    left_out, total, covered = collected.left_out, collected.total, collected.covered
    rarity = vocabulary.idf()
    vectors = Vectors()
    ids, weights, starts = collected.term_ids, collected.weights, collected.term_starts
    for low, high in zip(starts, starts[1:]):
        vectors.append(Vector.of(ids[low:high], weights[low:high], rarity))
    collected.term_ids, collected.weights, collected.term_starts = array("I"), array("f"), array("I", [0])
    del ids, weights, starts
    blocks: dict[str, list[int]] = {}
    for index, figure in enumerate(figures):
        blocks.setdefault(figure.block, []).append(index)
    proposed, links = _links(blocks, vectors, figures, names_of)
    block_count = len(blocks)
    del blocks  # what is let go of once used, before what comes next is made (a lower peak)
    label = _labeller(vocabulary, figures)
    candidates: list[Candidate] = []
    groups = group(figures, links)
    means = _mean_links(groups, links)
    del links
    for members, similarity in zip(groups, means):
        shared = _shared(members, vectors, vocabulary, rarity)
        candidate = judge([figures[i] for i in members], similarity, shared, meta, label)
        if candidate is not None:
            candidates.append(candidate)
    del groups, means
    word_rarity = {token: idf(count, collected.documents) or 0.01 for token, count in collected.word_sources.items()}
    candidates.extend(attributions(figures, list(range(len(figures))), names_of, functools.partial(_wording_vector, word_rarity)))
    candidates.sort(key=lambda candidate: candidate.sort_key)
    for rank, candidate in enumerate(candidates, 1):  # in place: never two lists of candidates at once
        candidates[rank - 1] = replace(candidate, id=f"C{rank}")
    return Discovery(
        tuple(candidates), total, len(figures), tuple(sorted(left_out.items(), key=lambda item: (-item[1], item[0]))),
        proposed, block_count, covered, collected.documents, meta=meta, found=tuple(figures),
        generic=vocabulary.generic(), vocabulary=vocabulary.terms, vectors=vectors,
    )


def _links(
    blocks: dict[str, list[int]], vectors: Vectors, figures: list[Figure], names_of: dict[str, frozenset[str]],
) -> tuple[int, Links]:
    """How many pairs were proposed, and those that speak of one subject (at least SAME_SUBJECT
    once a pair whose figures each stand near a name foreign to the other is penalised)."""
    proposed = 0
    links = Links()
    for members in blocks.values():
        for i, j, similarity in neighbours(members, vectors, functools.partial(_prior, figures)):
            proposed += 1
            if _foreign(figures[i], figures[j], names_of) and _foreign(figures[j], figures[i], names_of):
                similarity *= FOREIGN_NAME_PENALTY
            if similarity >= SAME_SUBJECT:
                links.add(i, j, similarity)
        links.end_block()
    return proposed, links


def _prior(figures: list[Figure], i: int, j: int) -> float:
    """How much two figures' values say they are one figure, as a factor of their similarity:
    0 for two statements of one sentence (a list, a range, a split) or values more than MAX_RATIO
    apart; up to ``1 + VALUE_PRIOR`` for equal values (one figure restated or slightly misstated
    is the commonest case of a subject stated by several sources)."""
    first, second = figures[i], figures[j]
    if first.source == second.source and first.sentence == second.sentence:
        return 0.0
    a, b = abs(first.quantity.value), abs(second.quantity.value)
    if a == 0 or b == 0:
        return 1.0 + VALUE_PRIOR if a == b else 0.0
    apart = math.log(max(a, b) / min(a, b))
    if apart > math.log(MAX_RATIO):
        return 0.0
    return 1.0 + VALUE_PRIOR * (1.0 - apart / math.log(MAX_RATIO))


def _foreign(figure: Figure, other: Figure, names_of: dict[str, frozenset[str]]) -> bool:
    """Whether a name of the figure's own sentence is one the other's document never mentions."""
    if figure.source == other.source:
        return False
    written = names_of.get(other.source, frozenset())
    return any(not mentioned(name_key(name), written) for name in figure.names[:figure.near])


def _mean_links(groups: list[list[int]], links: Links) -> list[float]:
    """The mean similarity of the links inside each group."""
    group_of = {i: number for number, members in enumerate(groups) for i in members}
    sums = [0.0] * len(groups)
    counts = [0] * len(groups)
    for i, j, similarity in links:
        number = group_of.get(i)
        if number is not None and group_of.get(j) == number:
            sums[number] += similarity
            counts[number] += 1
    return [total / count if count else 0.0 for total, count in zip(sums, counts)]


def _shared(members: list[int], vectors: Vectors, vocabulary: Vocabulary, rarity) -> tuple[str, ...]:
    """Subject terms of at least two of the figures, most informative first (figure keys left out)."""
    count: Counter[int] = Counter()
    for i in members:
        count.update(vectors[i].ids)
    kept = [term for term, n in count.items() if n >= 2 and rarity[term] > 0 and not vocabulary.terms[term].startswith("#")]
    kept.sort(key=lambda term: (-count[term] * rarity[term], vocabulary.terms[term]))
    return tuple(vocabulary.terms[term] for term in kept)


def _labeller(vocabulary: Vocabulary, figures: list[Figure]) -> Callable[[str], str]:
    """A term as people read it: a name as it was written, a lemma as it is."""
    surfaces: dict[str, str] = {}
    for figure in figures:
        for name in figure.names:
            surfaces.setdefault(name_term(name), name)
    return lambda term: surfaces.get(term, term)


def _wording_vector(rarity: dict[int, float], figure: Figure) -> Vector:
    tokens = sorted({token for token in figure.wording if token})
    return Vector.of(tokens, [1.0] * len(tokens), rarity)
