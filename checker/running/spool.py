"""A check's claims, findings and near misses on disk until they are compared or written (issue 17).

Kept in memory to the end, claims and near misses made ``check`` grow about 6 MB per MB of
corpus. Here each document's claims are appended to a temporary file as they come, grouped by
rule; once every document is in, each rule's claims are read back, compared and dropped, its
finding appended in turn; renderers read the findings back one at a time (``SpooledFindings``).

Why a temporary file of pickled records, and not the embedded SQLite of the cache
(checker.running.cache): records are only ever appended, then read back whole by rule, in an order known
in advance; the offsets of a rule's records (a few per document) are all the index needed, and
they fit in memory. An anonymous temporary file (``tempfile.TemporaryFile``: unlinked as soon as
it is made on Linux and macOS, deleted on close on Windows) can never outlive the run, whether
it ends, fails or is killed with SIGKILL; a SQLite file would need a name, a schema, a journal
and a removal, and would cost a row's overhead and a B-tree page walk for data that is read
once. Pickle, which the cache refuses (a cache file can come from anywhere), is safe here: the
file is made and read by this process only, and is gone when it ends. Rules are not pickled:
a finding is kept without its rule and read back with the run's own (claims name theirs by id).

The file is made beside the cache when there is one (the project's disk, not a ``/tmp`` that may
be memory), else in the system's temporary folder; named for this run (checker.running.tempfiles) where
it is not anonymous, so that a later run's ``sweep`` knows it.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.running.tempfiles import SUFFIX, prefix

if TYPE_CHECKING:
    from checker.binding.bind import NearMiss
    from checker.comparison.compare import Finding
    from checker.binding.rules import Rule


class Spool:
    """Records appended under a key (a rule's claims, findings or near misses) and read back by key."""

    def __init__(self, rules: Iterable[Rule], folder: Path | None = None) -> None:
        self._rules = {rule.id: rule for rule in rules}
        # unbuffered: a write that fails (a full disk) fails for its own record, never a later one
        self._file = tempfile.TemporaryFile(dir=folder, prefix=prefix("claims"), suffix=SUFFIX, buffering=0)
        self._end = 0
        self._memory: list[bytes] | None = None  # the records that could not be written, once one could not
        self._where: dict[tuple[str, str], list[tuple[int, int]]] = {}  # key -> (offset, size) of each record

    def add(self, kind: str, key: str, items: Any) -> None:
        """Append ``items`` (claims, near misses: no rule, see ``add_finding``) under (``kind``, ``key``)."""
        self.add_packed(kind, key, pack(items))

    def add_packed(self, kind: str, key: str, data: bytes) -> None:
        """Append a record ``pack`` made (in a worker process, say) under (``kind``, ``key``).

        When the disk is full, this record and the next are kept in memory (a negative offset
        numbers them): the run goes on as it would without a spool.
        """
        self._where.setdefault((kind, key), []).append((self._append(data), len(data)))

    def _append(self, data: bytes) -> int:
        """Where ``data`` was put: its offset in the file, or -1 - its index in memory."""
        if self._memory is None:
            try:
                self._file.seek(self._end)
                if self._file.write(data) == len(data):
                    self._end += len(data)
                    return self._end - len(data)
            except OSError:
                pass
            self._memory = []
        self._memory.append(data)
        return -len(self._memory)

    def keys(self, kind: str) -> list[str]:
        """The keys of ``kind``, in the order they were first added."""
        return [key for found, key in self._where if found == kind]

    def read(self, kind: str, key: str) -> list[Any]:
        """Every record added under (``kind``, ``key``), in the order added."""
        return [self._load(offset, size) for offset, size in self._where.get((kind, key), ())]

    def add_finding(self, finding: Finding) -> None:
        """Append a rule's finding, without its rule (``finding`` reads it back with the run's)."""
        self.add("finding", finding.rule.id, replace(finding, rule=None))

    def finding(self, rule_id: str) -> Finding:
        (finding,) = self.read("finding", rule_id)
        return replace(finding, rule=self._rules[rule_id])

    def _load(self, offset: int, size: int) -> Any:
        if offset < 0:
            assert self._memory is not None
            data = self._memory[-1 - offset]
        else:
            self._file.seek(offset)
            data = self._file.read(size)
        return pickle.loads(data)

    @property
    def closed(self) -> bool:
        return self._file.closed

    def close(self) -> None:
        """Close the file (which removes it); what it held is gone."""
        self._file.close()


def pack(items: Any) -> bytes:
    """A record of the spool: claims or near misses (which hold no rule), pickled."""
    return pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)


class Head(NamedTuple):
    """What is known of a spooled finding without reading it back: enough to choose findings by."""

    rule: Rule
    verdict: str
    severity: str


class SpooledFindings(Sequence["Finding"]):
    """A report's findings, in order, each read back from the spool when it is reached."""

    def __init__(self, spool: Spool, heads: Sequence[Head]) -> None:
        self.spool = spool
        self.heads = tuple(heads)

    def __len__(self) -> int:
        return len(self.heads)

    def __iter__(self) -> Iterator[Finding]:
        for head in self.heads:
            yield self._finding(head)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self._finding(head) for head in self.heads[index])
        return self._finding(self.heads[index])

    def _finding(self, head: Head) -> Finding:
        return self.spool.finding(head.rule.id)

    def where(self, keep: Callable[[Head], bool]) -> SpooledFindings:
        """The findings whose head ``keep`` accepts (it reads ``rule``, ``verdict``, ``severity``)."""
        return SpooledFindings(self.spool, [head for head in self.heads if keep(head)])

    def close(self) -> None:
        self.spool.close()


class SpooledMisses(Sequence["NearMiss"]):
    """A report's near misses, by rule id then source, line and column, read back a rule at a time."""

    def __init__(self, spool: Spool, count: int) -> None:
        self.spool = spool
        self.rules = sorted(spool.keys("misses"))
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[NearMiss]:
        for rule in self.rules:
            misses = [miss for batch in self.spool.read("misses", rule) for miss in batch]
            misses.sort(key=lambda miss: (miss.source, miss.line, miss.column))  # stable: as a sort of them all
            yield from misses

    def __getitem__(self, index):  # type: ignore[override]
        return tuple(self)[index]


def heads(findings: Sequence[Finding]) -> Sequence[Head] | Sequence[Finding]:
    """What to read a finding's ``rule``, ``verdict`` and ``severity`` from, in order: of spooled
    findings their heads (nothing is read back), else the findings themselves."""
    return findings.heads if isinstance(findings, SpooledFindings) else findings


def ordered(findings: Sequence[Finding]) -> Sequence[Finding]:
    """The findings by verdict then rule id (``Finding.sort_key``): a report's already are, and
    are then returned as they are (spooled ones read back only as they are reached); others sorted."""
    from checker.outcomes import Verdict

    keys = [(Verdict.ORDER.index(finding.verdict), finding.rule.id) for finding in heads(findings)]
    return findings if keys == sorted(keys) else sorted(findings, key=lambda finding: finding.sort_key)


def select(findings: Sequence[Finding], keep: Callable[[Any], bool]) -> Sequence[Finding]:
    """The findings ``keep`` accepts, in order: of spooled findings, chosen by their heads (which
    have the ``rule``, ``verdict`` and ``severity`` of a finding) without reading them back."""
    if isinstance(findings, SpooledFindings):
        return findings.where(keep)
    return tuple(finding for finding in findings if keep(finding))
