"""Which figures might speak of the same subject: weighted terms, and a few neighbours each.

Each figure's terms are weighted by where they stand (checker.discovery.features) and by how rare
they are among the sources (``idf``). A term found in at least half of the sources (and in three
or more) is **generic** (``santé``, ``numérique``, ``France 2030`` in a corpus on digital health):
it is given no weight, so generic words alone never join two figures; nor is a term of one source
only, which can never be shared.

Candidates are proposed without comparing every pair. Within a block (same kind and unit
family), an inverted index maps each term to the figures it is among the ``INDEX_TERMS``
heaviest terms of, strongest holders first; a figure looks up its own heaviest terms there and
meets at most ``PROBE`` holders of each. The best ``NEIGHBOURS`` of those, by exact cosine, are
its neighbours. The work is about ``figures × INDEX_TERMS × PROBE``: linear in the figures. A
term held by more than ``PROBE`` figures is still used by every one of them (no term is dropped):
each meets its strongest holders, through which the others are linked (checker.discovery.grouping).
"""

from __future__ import annotations

import heapq
import math
from itertools import repeat
from operator import itemgetter, mul
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

SAME_SUBJECT = 0.2  # the cosine at or above which two figures are taken to speak of one subject
NAME_FLOOR = 0.7
GENERIC_SHARE = 0.5  # a term found in at least this share of the sources...
GENERIC_MIN_SOURCES = 3  # ... and in at least this many is generic
INDEX_TERMS = 6
PROBE = 16
NEIGHBOURS = 5
RESCORED = 6  # the holders met that get their exact similarity


def idf(sources_with: int, sources: int) -> float:
    """How rare a term is among the sources: ``log((N + 1) / (df + 0.5))``, near 0 for a word
    found in almost every source. A term of one source only keeps its weight: it can never be
    shared, but it says how much of a figure's subject the others do not share."""
    return math.log((sources + 1) / (sources_with + 0.5))


def _rarity(term: str, sources_with: int, sources: int) -> float:
    if term.startswith("@"):
        return max(idf(sources_with, sources), NAME_FLOOR)
    if term.startswith("#") and sources_with < 2:
        return 0.0  # a figure stated beside it is evidence only when another source states it too
    return idf(sources_with, sources)


class Vocabulary:
    """Terms as integers, and in how many sources each is found."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.sources_with: array = array("I")
        self.sources = 0

    def add_source(self, terms: Sequence[Sequence[str]], ids: array) -> None:
        """Count one source's figures' terms, and append their ids to ``ids`` (one flat array for
        the corpus, where each figure's start is kept by the caller)."""
        self.sources += 1
        seen: set[int] = set()
        for figure_terms in terms:
            for term in figure_terms:
                number = self.ids.get(term)
                if number is None:
                    number = self.ids[term] = len(self.terms)
                    self.terms.append(term)
                    self.sources_with.append(0)
                ids.append(number)
                if number not in seen:
                    seen.add(number)
                    self.sources_with[number] += 1

    def generic(self) -> frozenset[str]:
        """The generic words: found in at least half of the sources, and in three or more."""
        return frozenset(
            term for term, count in zip(self.terms, self.sources_with)
            if not term.startswith("#") and count >= GENERIC_MIN_SOURCES and count >= GENERIC_SHARE * self.sources
        )

    def idf(self) -> array:
        """Each term's rarity (``idf``); a name's is never below NAME_FLOOR: how often a thing is
        named says how much it is written about, not how vague it is (``santé`` is vague, a
        programme's name is not, however popular); a neighbouring figure's is 0 in one source."""
        return array("f", [_rarity(term, count, self.sources) for term, count in zip(self.terms, self.sources_with)])


@dataclass(frozen=True, slots=True)
class Vector:
    """A figure's weighted terms: ids sorted by weight, heaviest first, and unit-length values."""

    ids: array
    values: array

    @classmethod
    def of(cls, ids: Sequence[int], weights: Sequence[float], rarity: Sequence[float] | Mapping[int, float]) -> Vector:
        # (-value, term) sorted as they are: heaviest first, then by id; the weightless left out
        pairs = [pair for pair in sorted([(-weight * rarity[term], term) for term, weight in zip(ids, weights)]) if pair[0] < 0]
        norm = math.sqrt(sum(value * value for value, _ in pairs)) or 1.0
        return cls(array("I", [term for _, term in pairs]), array("f", [-value / norm for value, _ in pairs]))

    def cosine(self, other: Vector) -> float:
        return _dot(dict(zip(self.ids, self.values)), other)


class Vectors:
    """The Vectors of a corpus's figures, in order, kept in two flat arrays of ids and values and
    where each figure's terms start: 8 bytes a term, where each Vector's own two arrays and
    object take some 190 bytes more (a corpus of 25 MB has about 55 000 figures)."""

    __slots__ = ("ids", "values", "starts")

    def __init__(self) -> None:
        self.ids = array("I")
        self.values = array("f")
        self.starts = array("I", [0])

    def append(self, vector: Vector) -> None:
        self.ids.extend(vector.ids)
        self.values.extend(vector.values)
        self.starts.append(len(self.ids))

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, index: int) -> Vector:
        low, high = self.starts[index], self.starts[index + 1]
        return Vector(self.ids[low:high], self.values[low:high])


def _dot(mine: dict[int, float], other: Vector) -> float:
    """The dot product of a vector given as a dict and another (C-level loops: it is done often)."""
    return sum(map(mul, other.values, map(mine.get, other.ids, repeat(0.0))))


def neighbours(members: list[int], vectors, prior=None, threshold: float = SAME_SUBJECT) -> Iterator[tuple[int, int, float]]:
    """``(i, j, similarity)`` with ``i < j``, each figure's best ``NEIGHBOURS`` at or above ``threshold``.

    ``vectors[i]``: the Vector of figure ``i`` (a list or a dict). The similarity is the cosine of
    their vectors times ``prior(i, j)`` when given (0: the pair may not be proposed at all).
    The holders met through the index are ranked by the part of the cosine their shared heavy
    terms make; the best ``RESCORED`` get their exact similarity. A pair proposed from both
    ends is given once.
    """
    strongest = _strongest_holders(members, vectors)
    chosen: dict[int, tuple[int, ...]] = {}  # each figure met so far: the neighbours it proposed
    for i in members:
        vector = vectors[i]
        partial: dict[int, float] = {}
        for term, value in zip(vector.ids[:INDEX_TERMS], vector.values[:INDEX_TERMS]):
            for negative, j in strongest.get(term, ()):
                partial[j] = partial.get(j, 0.0) - value * negative
        partial.pop(i, None)
        best = sorted(partial.items(), key=itemgetter(1), reverse=True)[:RESCORED]  # stable: deterministic
        mine = dict(zip(vector.ids, vector.values))
        scored = []
        for j, _ in best:
            factor = 1.0 if prior is None else prior(i, j)
            if not factor:
                continue
            other = vectors[j]
            similarity = factor * _dot(mine, other)
            if similarity >= threshold:
                scored.append((-similarity, j))
        scored.sort()
        chosen[i] = tuple(j for _, j in scored[:NEIGHBOURS])
        for negative, j in scored[:NEIGHBOURS]:
            if i not in chosen.get(j, ()):  # else j, met before, proposed this pair already
                yield min(i, j), max(i, j), -negative


def _strongest_holders(members: list[int], vectors) -> dict[int, list[tuple[float, int]]]:
    """The inverted index: each term among the INDEX_TERMS heaviest of a figure, with its PROBE
    strongest holders as ``(-value, figure)``, strongest first (then by figure).

    What sorting all of a term's holders would give, kept as they come in a heap of PROBE per term
    (its weakest on top, replaced by a stronger one): a common term's holders are never all held."""
    kept: dict[int, list[tuple[float, int]]] = {}
    for i in members:
        vector = vectors[i]
        for term, value in zip(vector.ids[:INDEX_TERMS], vector.values[:INDEX_TERMS]):
            heap = kept.setdefault(term, [])
            entry = (value, -i)  # ordered the other way round from (-value, i): the heap's top is the weakest
            if len(heap) < PROBE:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
    # each heap turned into its sorted list and let go of at once: never all of them twice
    return {term: sorted((-value, -negative) for value, negative in kept.pop(term)) for term in list(kept)}
