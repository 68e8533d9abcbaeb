"""Where the patterns of the rules match in one document: ``_Matches``, each pattern scanned once.

In: a ``Document`` and the rules whose patterns will be asked about. Out: for a pattern, the
sorted starts and ends of its matches (``of``), and the match nearest to a figure within a span
(``nearest``): the subject, ``require`` and ``exclude`` evidence that checker.binding.bind
weighs. A pattern that backtracks past its time limit is a ``RuleError`` naming its rule.
"""

from __future__ import annotations

import bisect

from checker.binding.folding import can_fold
from checker.binding.rules import PATTERN_TIMEOUT, Pattern, Rule
from checker.errors import RuleError
from checker.extraction import stretches
from checker.reading.documents import Document


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
