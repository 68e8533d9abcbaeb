"""Double attributions: the same value, in the same words, said of different subjects.

``Investissement de 1,5 Md€ en France, dont 40 %`` near *Takeda* and ``Investissement d’1,5
milliard d’euros en France, dont 40%`` near *Pfizer*: one of the two is probably a copy. Figures
of the same block and value are compared by the wording of their sentences (figures masked,
``difflib`` ratio); at least ``SAME_WORDING`` and below ``COPIED`` (a sentence copied word for
word is one statement quoted twice), with names near each figure that the other's context does
not hold (across documents: that the other document never mentions), is an attribution.

Figures of one value are few, except for round values (``100 %``): beyond ``ALL_PAIRS`` figures
of one value, each is compared with its nearest by wording only (checker.discovery.proposal).
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from collections.abc import Sequence

from checker.discovery.features import Figure, name_key
from checker.discovery.words import mentioned
from checker.discovery.proposal import Vector, neighbours
from checker.discovery.ranking import TIERS, Candidate

SAME_WORDING = 0.5
COPIED = 0.95
ALL_PAIRS = 24


def wording_similarity(first: Figure, second: Figure) -> float:
    return difflib.SequenceMatcher(None, first.wording, second.wording, autojunk=False).ratio()


def _named_alike(first: Figure, second: Figure) -> bool:
    """Whether the same names stand near both figures, or their sentences name the same thing."""
    first_keys, second_keys = _keys(first), _keys(second)
    return not first_keys or not second_keys or set(first_keys) == set(second_keys) or bool(
        set(first_keys[:first.near]) & set(second_keys[:second.near])
    )


def distinct_names(
    first: Figure, second: Figure, names_of: dict[str, frozenset[str]],
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Names near each figure that the other's context does not hold (nearest first), or None.

    None too when both sentences name the same thing: one subject."""
    if _named_alike(first, second):
        return None
    sides = []
    across = first.source != second.source
    for one, other in ((first, second), (second, first)):
        near_other = _keys(other)
        elsewhere = names_of.get(other.source, frozenset()) if across else frozenset()
        # across documents, only a name of the figure's sentence or heading attributes it: the
        # sentences around differ from one article to another anyway
        count = one.headed if across else len(one.names)
        own = tuple(
            name for name, key in zip(one.names[:count], _keys(one)[:count])
            if not any(_same_name(key, other_key) for other_key in near_other) and not (elsewhere and mentioned(key, elsewhere))
        )
        if not own:
            return None
        sides.append(own)
    return sides[0], sides[1]


@functools.lru_cache(maxsize=4096)
def _keys_of(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name_key(name) for name in names)


def _keys(figure: Figure) -> tuple[str, ...]:
    return _keys_of(figure.names)


def _same_name(first: str, second: str) -> bool:
    """One name written in full or by two or more of its words: ``numérique rural`` and ``hôpital
    numérique rural`` (but ``france`` is not ``takeda france``)."""
    shorter, longer = sorted((first, second), key=len)
    return shorter == longer or (" " in shorter and f" {shorter} " in f" {longer} ")


def attributions(
    figures: Sequence[Figure], members: list[int], names_of: dict[str, frozenset[str]], wording_vectors,
) -> list[Candidate]:
    """The attribution candidates among ``members`` (indices of figures that may be compared)."""
    by_value: dict[tuple[str, float, str], list[int]] = defaultdict(list)
    for index in members:
        quantity = figures[index].quantity
        by_value[(figures[index].block, quantity.value, quantity.unit)].append(index)
    found: dict[tuple[str, int, str, int], list[tuple[int, int, float, tuple[tuple[str, ...], tuple[str, ...]]]]] = defaultdict(list)
    for same in by_value.values():
        if len(same) < 2:
            continue
        for i, j in _pairs(figures, same, wording_vectors):
            first, second = figures[i], figures[j]
            if first.source == second.source and first.sentence == second.sentence:
                continue
            if _named_alike(first, second):
                continue  # cheap, and most pairs of one value are of one subject
            matcher = difflib.SequenceMatcher(None, first.wording, second.wording, autojunk=False)
            if matcher.real_quick_ratio() < SAME_WORDING or matcher.quick_ratio() < SAME_WORDING:
                continue
            names = distinct_names(first, second, names_of)
            if names is None:
                continue
            wording = matcher.ratio()
            if SAME_WORDING <= wording < COPIED:
                key = (first.source, first.sentence, second.source, second.sentence)
                found[key].append((i, j, wording, names))
    return [_candidate(figures, pairs) for _, pairs in sorted(found.items())]


def _pairs(figures: Sequence[Figure], same: list[int], wording_vectors) -> list[tuple[int, int]]:
    """The pairs of figures of one value to compare: all of them when few, else each figure with
    its nearest by wording. One figure of a document for each set of names near it: one value
    restated near the same names is one statement."""
    seen: set[tuple[str, object]] = set()
    distinct = []
    for index in same:
        figure = figures[index]
        key = (figure.source, figure.names or figure.wording.tobytes())
        if key not in seen:
            seen.add(key)
            distinct.append(index)
    same = distinct
    if len(same) <= ALL_PAIRS:
        return [(i, j) for position, i in enumerate(same) for j in same[position + 1:]]
    vectors: dict[int, Vector] = {index: wording_vectors(figures[index]) for index in same}
    return [(i, j) for i, j, _ in neighbours(same, vectors, threshold=SAME_WORDING / 2)]


def _candidate(figures: Sequence[Figure], pairs) -> Candidate:
    members = sorted({i for i, _, _, _ in pairs} | {j for _, j, _, _ in pairs})
    items = tuple(sorted((figures[i] for i in members), key=lambda figure: figure.place))
    wording = max(pair[2] for pair in pairs)
    names = pairs[0][3]
    subject_a, subject_b = ", ".join(names[0][:4]), ", ".join(names[1][:4])
    values = ", ".join(f"'{figures[i].quantity.text}'" for i, _, _, _ in pairs)
    score = wording * (1.0 + 0.3 * (len(pairs) - 1))
    explanation = f"attribution: the same value and wording (similarity {wording:.2f}: {values}) near different names: {subject_a} vs {subject_b}"
    sources = len({figure.source for figure in items})
    return Candidate("", "attribution", TIERS["attribution"], score, figures[pairs[0][0]].block, items, (), wording,
                     sources, explanation, subjects=(subject_a, subject_b))
