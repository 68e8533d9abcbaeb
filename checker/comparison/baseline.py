"""Acknowledged conflicts, keyed on content (rule, values, file names, quote hashes), never on lines."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePath

from checker import display
from checker.binding.bind import Claim
from checker.comparison.compare import Finding, disagreeing
from checker.errors import RecoupeError
from checker.binding.rules import Rule
from checker.extraction.units import CANONICAL

BASELINE_VERSION = "1"


class BaselineError(RecoupeError):
    """A baseline file is unreadable or malformed."""


def claim_key(claim: Claim) -> tuple[str, str, float, str]:
    """What identifies a claim across edits: file name, qualifier, value and its sentence's hash."""
    quote_hash = hashlib.sha256(" ".join(claim.quote.split()).encode("utf-8")).hexdigest()[:16]
    return (PurePath(claim.source).name, claim.quantity.qualifier, round(claim.quantity.value, 6), quote_hash)


PairKey = tuple[str, tuple[tuple[str, str, float, str], ...]]


def pair_key(rule: str, first: Claim, second: Claim) -> PairKey:
    return rule, tuple(sorted((claim_key(first), claim_key(second))))


@dataclass(frozen=True)
class Baseline:
    entries: dict[PairKey, str]  # key -> reason

    @classmethod
    def from_findings(cls, findings: tuple[Finding, ...]) -> Baseline:
        entries: dict[PairKey, str] = {}
        for finding in findings:
            for first, second in disagreeing(finding):
                entries[pair_key(finding.rule.id, first, second)] = ""
        return cls(entries)

    def to_json(self) -> str:
        items = []
        for (rule, claims), reason in sorted(self.entries.items()):
            items.append({
                "rule": rule,
                "claims": [{"source": s, "qualifier": q, "value": v, "quote_sha256": h} for s, q, v, h in claims],
                "reason": reason,
            })
        return json.dumps({"schema_version": BASELINE_VERSION, "entries": items}, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, path: str) -> Baseline:
        try:
            data = json.loads(text)
            entries: dict[PairKey, str] = {}
            for item in data["entries"]:
                claims = tuple(sorted((c["source"], c["qualifier"], float(c["value"]), c["quote_sha256"]) for c in item["claims"]))
                if len(claims) != 2:
                    raise ValueError("an entry names two claims")
                entries[(item["rule"], claims)] = str(item.get("reason", ""))
        except (ValueError, KeyError, TypeError) as exc:
            raise BaselineError(path, f"not a recoupe baseline ({exc})") from None
        return cls(entries)


@dataclass(frozen=True)
class BaselineOutcome:
    new_pairs: tuple[tuple[str, Claim, Claim], ...]  # conflicts not acknowledged
    known: int
    stale: tuple[PairKey, ...]  # entries that no longer match any conflict


def apply(baseline: Baseline, findings: tuple[Finding, ...]) -> BaselineOutcome:
    new: list[tuple[str, Claim, Claim]] = []
    seen: set[PairKey] = set()
    for finding in findings:
        for first, second in disagreeing(finding):
            key = pair_key(finding.rule.id, first, second)
            seen.add(key)
            if key not in baseline.entries:
                new.append((finding.rule.id, first, second))
    stale = tuple(sorted(key for key in baseline.entries if key not in seen))
    return BaselineOutcome(tuple(new), len(seen) - len(new), stale)


_QUALIFIER_SIGNS = {"at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}


def describe_stale(key: PairKey, rules: dict[str, Rule] | None = None) -> str:
    """An entry for people: ``sasn-funding: 001.txt 550 M€ vs 004.txt 718,4 M€``, values in the
    rule's unit when the rule is known (``rules``: by id)."""
    rule_id, claims = key
    rule = (rules or {}).get(rule_id)

    def value_text(value: float, qualifier: str) -> str:
        sign = _QUALIFIER_SIGNS.get(qualifier, "")
        if rule is None:
            return sign + display.number(value)
        unit = (rule.currency or "EUR") if rule.kind == "money" else CANONICAL.get(rule.kind, "")
        word = rule.unit if rule.kind != "money" else ""
        return sign + display.amount(value, rule.kind, unit, word)

    return f"{rule_id}: " + " vs ".join(f"{source} {value_text(value, qualifier)}" for source, qualifier, value, _ in claims)


