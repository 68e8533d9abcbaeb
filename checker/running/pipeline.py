"""The check pipeline: documents -> quantities -> claims -> findings, as one Report value."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.binding.bind import Claim, NearMiss, bind
from checker.running.collector import no_cycle_collection
from checker.comparison.compare import Finding, compare
from checker.reading.documents import Document, blank
from checker.reading.corpus import Skipped, discover_all
from checker.errors import DocumentError, RecoupeError, RuleError
from checker.extraction.quantity import Quantity
from checker.running.parallel import extract_documents
from checker.binding.rules import Rule
from checker.reading.sources import Catalog, Source, completed
from checker.running.spool import Head, Spool, SpooledFindings, SpooledMisses, pack, select

if TYPE_CHECKING:
    from checker.running.cache import Cache
    from checker.running.dask_engine import DaskEngine


_EMPTY = {
    "text": "empty: no text to check",
    "html": "empty: no main text found in the page",
    "pdf": "empty: no text in the PDF (scanned pages would need OCR, which recoupe does not do)",
}


@dataclass(frozen=True)
class DocumentStats:
    source: str
    figures: int
    bound: int
    meta: Source | None = None
    pages: int | None = None  # for a paged original (PDF)


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs; findings sorted conflicts first, then by rule id.

    From ``check``, findings and near misses are read back from its spool (checker.running.spool) as they
    are iterated: choose findings with ``checker.running.spool.select``, and ``close`` the report when its
    outputs are written (which removes the spool; a report that is not closed removes it when it
    is collected or the process ends).
    """

    findings: Sequence[Finding]
    errors: tuple[RecoupeError, ...]
    near_misses: Sequence[NearMiss]
    documents: tuple[DocumentStats, ...]
    skipped: tuple[Skipped, ...] = ()  # warnings: unsupported files in a folder, empty documents

    def close(self) -> None:
        """Remove the spool the findings and near misses are read from (when they are spooled)."""
        for spooled in (self.findings, self.near_misses):
            if isinstance(spooled, (SpooledFindings, SpooledMisses)):
                spooled.spool.close()

    @property
    def figures(self) -> int:
        return sum(stats.figures for stats in self.documents)

    @property
    def bound(self) -> int:
        return sum(stats.bound for stats in self.documents)

    @property
    def conflicts(self) -> Sequence[Finding]:
        """The findings that are conflicts, in order (of a spooled report, read back as they are reached)."""
        return select(self.findings, lambda finding: finding.verdict == "conflict")


def check(
    paths: list[Path], rules: list[Rule], progress: Callable[[str], None] | None = None,
    jobs: int | None = None, cache: Cache | None = None, engine: DaskEngine | None = None,
    discovered: tuple[list[Path], list[DocumentError], list[Skipped]] | None = None,
    near_misses: bool = True,
) -> Report:
    """Read every document under ``paths``, bind its figures to ``rules`` and compare them.

    An unreadable document or a bad ``sources.toml`` is reported in ``errors``, an unsupported
    file met in a folder or an empty document in ``skipped``; the others are still checked.
    With an ``engine``, documents are extracted on its Dask cluster (see ``checker.running.dask_engine``).
    ``discovered``: what ``discover_all(paths)`` returned, when the caller already asked.
    ``near_misses``: keep the figures left out and why (``--explain``, the JSON report); without
    them, workers do not even send them back.
    """
    files, missing, found_skipped = discovered if discovered is not None else discover_all(paths)
    spool = Spool(rules, cache.path.parent if cache is not None else None)
    try:
        run = _Run(spool, list(found_skipped), list(missing))
        # each document's figures are bound where they were extracted (in the worker processes when
        # there are some): what comes back is its claims, not the document and all its figures
        finish = functools.partial(_bind_document, rules, near_misses)
        catalog = Catalog()
        for outcome in extract_documents(files, jobs, cache, engine, finish, catalog.known_of):
            if progress is not None:
                progress(str(outcome.path))
            run.take(outcome)
        run.errors.extend(catalog.errors)
        findings = _compare_spooled(spool, rules)
    except BaseException:
        spool.close()
        raise
    return Report(findings, tuple(run.errors), SpooledMisses(spool, run.misses), tuple(run.stats), tuple(run.skipped))


class _Run:
    """What a check gathers as documents come: their claims and near misses into the spool, the
    rest (a few values a document) in memory."""

    def __init__(self, spool: Spool, skipped: list[Skipped], errors: list[RecoupeError]) -> None:
        self.spool = spool
        self.skipped = skipped
        self.errors = errors
        self.stats: list[DocumentStats] = []
        self.misses = 0

    def take(self, outcome) -> None:
        """One document's outcome (checker.running.parallel): an error, skipped, or checked."""
        if outcome.error is not None:
            self.errors.append(outcome.error)
            return
        bound = outcome.finished
        assert isinstance(bound, _Bound)
        if bound.empty is not None:
            self.skipped.append(Skipped(bound.source, bound.empty))
        elif bound.error is not None:  # a pattern over its time limit on this document: the others go on
            self.errors.append(RuleError(*bound.error))
        else:
            assert bound.stats is not None
            for kind, packed in (("claims", bound.claims), ("misses", bound.near_misses)):
                for rule, data in packed:
                    self.spool.add_packed(kind, rule, data)
            self.misses += bound.misses
            self.stats.append(bound.stats)


def _packed(items: list[Claim] | list[NearMiss]) -> tuple[tuple[str, bytes], ...]:
    """Claims or near misses grouped by their rule's id, in their order, each group a record of
    the spool (checker.running.spool.pack): made where they were bound, sent and spooled as they are.
    ``items`` is emptied, and each group let go once packed, so that a giant document's claims
    are not held twice, as objects and as records, all at once."""
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[item.rule].append(item)
    items.clear()
    packed = []
    for rule in list(groups):
        packed.append((rule, pack(groups.pop(rule))))
    return tuple(packed)


def _compare_spooled(spool: Spool, rules: list[Rule]) -> SpooledFindings:
    """Compare each rule's claims, read back from the spool one rule at a time; each finding goes
    back to the spool, and what stays in memory is its head: rule, verdict, severity."""
    by_id = {rule.id: rule for rule in rules}
    heads = []
    with no_cycle_collection():
        for rule_id in spool.keys("claims"):
            claims = [claim for batch in spool.read("claims", rule_id) for claim in batch]
            finding = compare(by_id[rule_id], claims)
            spool.add_finding(finding)
            heads.append((finding.sort_key, Head(finding.rule, finding.verdict, finding.severity)))
    heads.sort(key=lambda pair: pair[0])
    return SpooledFindings(spool, [head for _, head in heads])


@dataclass(frozen=True)
class _Bound:
    """One document checked: skipped as ``empty`` (the reason), or its claims and near misses
    (records of the spool by rule id: ``_packed``), or the ``error`` of a rule on it (as
    RuleError's arguments: recoupe's errors are not picklable)."""

    source: str
    empty: str | None = None
    error: tuple[str, str, int | None, int | None] | None = None
    stats: DocumentStats | None = None
    claims: tuple[tuple[str, bytes], ...] = ()
    near_misses: tuple[tuple[str, bytes], ...] = ()
    misses: int = 0  # how many near misses


def _bind_document(
    rules: list[Rule], keep_misses: bool, document: Document, quantities: tuple[Quantity, ...], known: tuple[Source, Source],
) -> _Bound:
    """Bind one document's figures to the rules (``known``: Catalog.known_of its path); its near
    misses are made only when ``keep_misses``."""
    if blank(document.text):
        return _Bound(document.source, empty=_EMPTY[document.format])
    document = replace(document, meta=completed(*known, document.meta))
    try:
        with no_cycle_collection():
            claims, misses = bind(document, list(quantities), rules, near_misses_wanted=keep_misses)
    except RuleError as exc:
        return _Bound(document.source, error=(exc.path, f"{exc.message}, on {document.source} (not checked)", exc.line, exc.column))
    pages = len(document.page_starts) if document.page_starts else None
    stats = DocumentStats(document.source, len(quantities), len(claims), document.meta, pages)
    count = len(misses)
    return _Bound(document.source, stats=stats, claims=_packed(claims), near_misses=_packed(misses), misses=count)
