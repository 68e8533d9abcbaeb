"""Groups of figures that speak of one subject, built from the most similar pairs down.

Pairs are taken most similar first; each joins the groups of its two figures unless the writers
themselves tell the figures apart:

- two figures of one sentence are two statements (``50 M€ de l'État et 30 M€ de cofinancements
  privés``): never one group;
- one document that states two values means two figures (``plus de 120 projets`` this year,
  ``environ 350`` in all), unless its own words date them to different periods (a timeline it
  gives); a value restated (a title and its text) is one figure;
- a group's values never spread wider than ``MAX_RATIO``: figures that far apart are not one
  figure misstated.

Single link, so a subject stated by many figures is found whole through its strongest links;
the cost is that of the pairs proposed (checker.discovery.proposal).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from checker.discovery.features import Figure

MAX_RATIO = 3.0


class Links:
    """Pairs of figures ``(i, j, similarity)`` kept in three arrays: 16 bytes a pair, where a
    tuple of three objects takes about 150 (25 MB of documents propose some 200 000 pairs).

    The pairs of one block (``checker.discovery.features.block_of``) are added together, and
    ``end_block`` marks where they end: no pair joins two blocks, so they can be sorted one
    block at a time (``strongest_first``)."""

    __slots__ = ("first", "second", "similarity", "block_ends")

    def __init__(self) -> None:
        self.first = array("I")
        self.second = array("I")
        self.similarity = array("d")  # a double: each similarity exactly as computed
        self.block_ends = array("I")  # where the pairs of each block end

    def add(self, i: int, j: int, similarity: float) -> None:
        self.first.append(i)
        self.second.append(j)
        self.similarity.append(similarity)

    def end_block(self) -> None:
        """The pairs added so far close a block (the pairs added next are of another)."""
        if len(self.similarity) > (self.block_ends[-1] if self.block_ends else 0):
            self.block_ends.append(len(self.similarity))

    def __len__(self) -> int:
        return len(self.similarity)

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        return zip(self.first, self.second, self.similarity)

    def strongest_first(self) -> Iterator[int]:
        """The pairs' positions, block by block, and within a block by similarity, highest first,
        then by ``(i, j)``: two stable sorts on one number each, so that no key of three values
        is made for every pair at once; and the positions of one block only at a time (about 70
        bytes a pair while sorted). The pairs after the last ``end_block`` are one more block."""
        first, second, similarity = self.first, self.second, self.similarity
        width = max(second, default=0) + 1
        low = 0
        for high in [*self.block_ends, len(similarity)]:
            if high <= low:
                continue
            order = sorted(range(low, high), key=lambda k: first[k] * width + second[k])
            order.sort(key=lambda k: -similarity[k])
            yield from order
            del order
            low = high


class _Group:
    __slots__ = ("members", "by_source", "low", "high")

    def __init__(self, index: int, figure: Figure) -> None:
        self.members = [index]
        self.by_source: dict[str, list[int]] = {figure.source: [index]}
        value = abs(figure.quantity.value)
        self.low = self.high = value


SAME_VALUE = 0.02  # one writer's two statements of one figure: values this close (a title and its text)


def apart(first: Figure, second: Figure) -> bool:
    """Whether one writer (the figures are of one document) tells two figures apart: one sentence,
    or two values, unless the text itself dates them to two periods (a timeline it gives)."""
    if first.sentence == second.sentence:
        return True
    a, b = abs(first.quantity.value), abs(second.quantity.value)
    if abs(a - b) <= SAME_VALUE * max(a, b):
        return False
    dated = first.period.origin == "text" and second.period.origin == "text" and first.period.when != second.period.when
    return not dated


def group(figures: Sequence[Figure], links: Links) -> list[list[int]]:
    """Groups of two or more figures (indices, in order), from ``links``.

    Union-find over the figures' indices: ``parent`` one integer a figure (an array); a figure
    that was never joined to another is its own group and has no ``_Group`` (one is made to
    weigh a join, and kept only when the join is made): most figures linked to a few others are
    never joined, and a ``_Group`` takes some 350 bytes."""
    parent = array("I", range(len(figures)))
    groups: dict[int, _Group] = {}  # the groups of two or more figures, by their root

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k in links.strongest_first():
        a, b = root(links.first[k]), root(links.second[k])
        if a == b:
            continue
        first = groups.get(a) or _Group(a, figures[a])
        second = groups.get(b) or _Group(b, figures[b])
        small, large = (first, second) if len(first.members) <= len(second.members) else (second, first)
        low, high = min(small.low, large.low), max(small.high, large.high)
        if (low == 0 and high != 0) or (low > 0 and high / low > MAX_RATIO):
            continue
        if _told_apart(figures, small, large):
            continue
        target = b if large is second else a
        source_root = a if target == b else b
        parent[source_root] = target
        for source, members in small.by_source.items():
            large.by_source.setdefault(source, []).extend(members)
        large.members.extend(small.members)
        large.low, large.high = low, high
        groups.pop(source_root, None)
        groups[target] = large
    return sorted(sorted(found.members) for found in groups.values())


def _told_apart(figures: Sequence[Figure], small: _Group, large: _Group) -> bool:
    for source, members in small.by_source.items():
        others = large.by_source.get(source)
        if not others:
            continue
        for m in members:
            for n in others:
                if apart(figures[m], figures[n]):
                    return True
    return False
