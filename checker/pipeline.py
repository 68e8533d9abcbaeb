"""The check pipeline: documents -> quantities -> claims -> findings, as one Report value."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker.bind import Claim, NearMiss, bind
from checker.collector import no_cycle_collection
from checker.compare import Finding, compare
from checker.documents import Document, Skipped, blank, discover_all
from checker.errors import DocumentError, RecoupeError, RuleError
from checker.extractor import Quantity
from checker.parallel import extract_documents
from checker.rules import Rule
from checker.sources import Catalog, Source, completed

if TYPE_CHECKING:
    from checker.cache import Cache
    from checker.dask_engine import DaskEngine


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
    """Everything a renderer needs; findings sorted conflicts first, then by rule id."""

    findings: tuple[Finding, ...]
    errors: tuple[RecoupeError, ...]
    near_misses: tuple[NearMiss, ...]
    documents: tuple[DocumentStats, ...]
    skipped: tuple[Skipped, ...] = ()  # warnings: unsupported files in a folder, empty documents

    @property
    def figures(self) -> int:
        return sum(stats.figures for stats in self.documents)

    @property
    def bound(self) -> int:
        return sum(stats.bound for stats in self.documents)

    @property
    def conflicts(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.verdict == "conflict")


def check(
    paths: list[Path], rules: list[Rule], progress: Callable[[str], None] | None = None,
    jobs: int | None = None, cache: Cache | None = None, engine: DaskEngine | None = None,
    discovered: tuple[list[Path], list[DocumentError], list[Skipped]] | None = None,
    near_misses: bool = True,
) -> Report:
    """Read every document under ``paths``, bind its figures to ``rules`` and compare them.

    An unreadable document or a bad ``sources.toml`` is reported in ``errors``, an unsupported
    file met in a folder or an empty document in ``skipped``; the others are still checked.
    With an ``engine``, documents are extracted on its Dask cluster (see ``checker.dask_engine``).
    ``discovered``: what ``discover_all(paths)`` returned, when the caller already asked.
    ``near_misses``: keep the figures left out and why (``--explain``, the JSON report); without
    them, workers do not even send them back.
    """
    files, missing, found_skipped = discovered if discovered is not None else discover_all(paths)
    skipped = list(found_skipped)
    errors: list[RecoupeError] = list(missing)
    catalog = Catalog()
    claims_by_rule: dict[str, list[Claim]] = defaultdict(list)
    misses: list[NearMiss] = []
    stats: list[DocumentStats] = []
    # each document's figures are bound where they were extracted (in the worker processes when
    # there are some): what comes back is its claims, not the document and all its figures
    finish = functools.partial(_bind_document, rules, near_misses)
    for outcome in extract_documents(files, jobs, cache, engine, finish, catalog.known_of):
        if progress is not None:
            progress(str(outcome.path))
        if outcome.error is not None:
            errors.append(outcome.error)
            continue
        bound = outcome.finished
        assert isinstance(bound, _Bound)
        if bound.empty is not None:
            skipped.append(Skipped(bound.source, bound.empty))
        elif bound.error is not None:  # a pattern over its time limit on this document: the others go on
            errors.append(RuleError(*bound.error))
        else:
            assert bound.stats is not None
            for claim in bound.claims:
                claims_by_rule[claim.rule].append(claim)
            misses.extend(bound.near_misses)
            stats.append(bound.stats)
    errors.extend(catalog.errors)
    by_id = {rule.id: rule for rule in rules}
    with no_cycle_collection():
        findings = [compare(by_id[rule_id], claims) for rule_id, claims in claims_by_rule.items()]
    findings.sort(key=lambda finding: finding.sort_key)
    misses.sort(key=lambda miss: (miss.rule, miss.source, miss.line, miss.column))
    return Report(tuple(findings), tuple(errors), tuple(misses), tuple(stats), tuple(skipped))


@dataclass(frozen=True)
class _Bound:
    """One document checked: skipped as ``empty`` (the reason), or its claims and near misses, or
    the ``error`` of a rule on it (as RuleError's arguments: recoupe's errors are not picklable)."""

    source: str
    empty: str | None = None
    error: tuple[str, str, int | None, int | None] | None = None
    stats: DocumentStats | None = None
    claims: tuple[Claim, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()


def _bind_document(
    rules: list[Rule], keep_misses: bool, document: Document, quantities: tuple[Quantity, ...], known: tuple[Source, Source],
) -> _Bound:
    """Bind one document's figures to the rules (``known``: Catalog.known_of its path); its near
    misses are dropped here unless ``keep_misses``."""
    if blank(document.text):
        return _Bound(document.source, empty=_EMPTY[document.format])
    document = replace(document, meta=completed(*known, document.meta))
    try:
        with no_cycle_collection():
            claims, misses = bind(document, list(quantities), rules)
    except RuleError as exc:
        return _Bound(document.source, error=(exc.path, f"{exc.message}, on {document.source} (not checked)", exc.line, exc.column))
    pages = len(document.page_starts) if document.page_starts else None
    stats = DocumentStats(document.source, len(quantities), len(claims), document.meta, pages)
    return _Bound(document.source, stats=stats, claims=tuple(claims), near_misses=tuple(misses) if keep_misses else ())
