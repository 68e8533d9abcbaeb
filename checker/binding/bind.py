"""Claims -> subjects: bind each extracted figure to the rule it is about, or to none.

Pure and explainable: each bound claim carries the evidence that bound it (which subject pattern
matched, where, and in which scope); each near miss says why it was left out. Where the rules'
patterns match is found once per document (checker.binding.matches); where a rule looks around a
figure, and the sentence a claim quotes, in checker.binding.scopes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from checker import display, french
from checker.reading.documents import Document
from checker.errors import RuleError
from checker.extraction.extractor import extract
from checker.extraction.quantity import Quantity
from checker.binding.matches import _Matches
from checker.binding.period import Period
from checker.binding.rules import CONTEXT_SCOPES, SCOPES, Pattern, Rule
from checker.binding.scopes import _measure, _Scopes, _Sentence, _Sentences
from checker.reading.sources import Source
from checker.extraction.units import CANONICAL

_CHANGE_OF_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{french.CHANGE_OF_BEFORE})$", regex.IGNORECASE)
_CHANGE_OF_AFTER = regex.compile(french.CHANGE_OF_AFTER, regex.IGNORECASE)
_FROM_TO_AFTER = regex.compile(r"\s+(?:à|a)\s+[\d+−-]")
# Kinds whose figure is a level, of which the size of a change is another measure
_LEVEL_KINDS = frozenset({"money", "count", "number"})


# Where evidence was found: a scope of the document, the word window of a rule, the figure's own words.
EVIDENCE_SCOPES = (*CONTEXT_SCOPES, "window", "phrase")


@dataclass(frozen=True)
class Evidence:
    """A pattern of a rule that matched near a figure."""

    role: str  # subject, require, require_all, phrase_require
    pattern: str
    matched: str
    line: int
    column: int
    scope: str  # one of EVIDENCE_SCOPES


@dataclass(frozen=True)
class Claim:
    """A figure bound to a rule: what a source says about a subject."""

    rule: str
    source: str
    line: int
    column: int
    quantity: Quantity
    quote: str  # the sentence the figure stands in
    quote_offset: int  # where the figure starts within the quote
    measure: str | None
    evidence: tuple[Evidence, ...]
    page: int | None = None  # 1-based page of a paged original (PDF), else None
    source_meta: Source | None = None  # publisher, date, authority... (checker.reading.sources)
    period: Period | None = None  # when the claim speaks of (checker.binding.period)
    # the rule's unit, when a bare number was read in it ("45 seront consacrés" in a rule of M€)
    implied_unit: str | None = None

    @property
    def sort_key(self) -> tuple[str, str, int, int]:
        return (self.rule, self.source, self.line, self.column)


@dataclass(frozen=True)
class NearMiss:
    """A figure of the right kind near a rule's subject, left out, with the reason."""

    rule: str
    source: str
    line: int
    column: int
    text: str
    reason: str



def _evidence(document: Document, role: str, pattern: Pattern, start: int, end: int, scope: str) -> Evidence:
    line, column = document.position(start)
    return Evidence(role, pattern.source, document.text[start:end], line, column, scope)


def _candidate(rule: Rule, quantity: Quantity) -> bool:
    if quantity.kind not in rule.kinds:
        return False
    if quantity.kind == "money" and rule.currency is not None and quantity.unit != rule.currency:
        return False
    return quantity.kind != "count" or not rule.nouns or quantity.noun in rule.nouns


# A scale word or symbol right after a bare number ("2,3 milliards"): its value is then already
# in the canonical unit, the rule's currency only is implied.
_SCALE_AFTER = regex.compile(
    r"\s*(?:(?i:" + "|".join(sorted(map(regex.escape, french.SCALE_WORDS), key=len, reverse=True)) + ")"
    + "|" + "|".join(sorted(map(regex.escape, french.SCALE_SYMBOLS), key=len, reverse=True)) + r")(?![\p{L}])"
)


def read_in_rule(rule: Rule, quantity: Quantity) -> tuple[Quantity, str | None]:
    """A figure as a rule of several kinds reads it, and the unit the rule implied (else None).

    A bare number bound to a rule of another kind (``kind = ["money", "number"]``) is taken in
    the rule's display unit: ``45`` in a rule of ``M€`` is 45 M€; one written with a scale word
    (``2,3 milliards``) keeps its value and takes the rule's currency.
    """
    if quantity.kind != "number" or rule.kind == "number":
        return quantity, None
    tail = quantity.text[quantity.number_end - quantity.start:]
    scale = 1.0 if _SCALE_AFTER.match(tail) else rule.display_scale
    unit = (rule.currency or "") if rule.kind == "money" else CANONICAL[rule.kind]
    read = replace(
        quantity, kind=rule.kind, unit=unit, value=quantity.value * scale,
        low=None if quantity.low is None else quantity.low * scale,
        high=None if quantity.high is None else quantity.high * scale,
    )
    return read, rule.unit or unit


def bind(
    document: Document, quantities: list[Quantity], rules: list[Rule], near_misses_wanted: bool = True,
) -> tuple[list[Claim], list[NearMiss]]:
    """Bind each quantity to at most one rule: the closest, most specific subject evidence wins.

    The near misses are made only when ``near_misses_wanted`` (``--explain`` and the JSON report
    show them): on a giant document there are twice as many as claims."""
    matches = _Matches(document, rules)
    claims: list[Claim] = []
    near_misses: list[NearMiss] = []
    # a figure is only ever a candidate for the rules of its kind: most figures meet few rules
    rules_of_kind: dict[str, list[Rule]] = {}
    for rule in rules:
        for kind in rule.kinds:
            rules_of_kind.setdefault(kind, []).append(rule)
    sentences = _Sentences(document, quantities)
    for quantity in quantities:
        scopes = _Scopes(document, quantity, sentences)
        best: tuple[tuple[int, int, int, str], Rule, tuple[Evidence, ...], Quantity, str | None] | None = None
        for rule in rules_of_kind.get(quantity.kind, ()):
            if not _candidate(rule, quantity):
                continue
            read, implied = read_in_rule(rule, quantity)
            outcome = _try_rule(document, matches, scopes, read, rule)
            if isinstance(outcome, str):
                if near_misses_wanted:
                    line, column = document.position(quantity.start)
                    near_misses.append(NearMiss(rule.id, document.source, line, column, quantity.text, outcome))
                continue
            if outcome is None:
                continue
            score, evidence = outcome
            if best is None or score < best[0]:
                best = (score, rule, evidence, read, implied)
        if best is not None:
            _, rule, evidence, read, implied = best
            claims.append(_claim(document, read, rule, evidence, scopes.sentence(), implied))
    return claims, near_misses


def _try_rule(document: Document, matches: _Matches, scopes: _Scopes, quantity: Quantity, rule: Rule):
    """None: not about this rule; a string: a near miss's reason; else (score, evidence)."""
    anchor = quantity.number_start
    last_scope = SCOPES.index(rule.scope)
    subject = None
    for rank, scope in enumerate(SCOPES[: last_scope + 1]):
        found = matches.nearest(rule.subject, rule, scopes[scope], anchor)
        if found is not None:
            subject = (rank, scope, found)
            break
    if subject is None:
        return None
    rank, scope, (pattern, start, end) = subject
    evidence = [_evidence(document, "subject", pattern, start, end, scope)]
    found = _context_evidence(document, matches, scopes, rule, document.text[start:end])
    if isinstance(found, str):
        return found
    evidence.extend(found)
    if quantity.kind in _LEVEL_KINDS and (change := _change_of(document.text, quantity)):
        return f"the size of a change ('{change}'), not the figure itself"
    if rule.period is not None:
        period = scopes.sentence().period_of(quantity)
        if period.when is None or not period.when.startswith(rule.period):
            return f"period {period.when or 'unknown'} is not the rule's period {rule.period}"
    value = quantity.value
    if rule.minimum is not None and value < rule.minimum or rule.maximum is not None and value > rule.maximum:
        shown = display.amount(value, quantity.kind, quantity.unit, _unit_word(rule, quantity))
        return f"value {shown} outside the rule's plausible range {display.bounds(rule.minimum, rule.maximum, quantity.kind, quantity.unit, _unit_word(rule, quantity))}"
    distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
    return (rank, distance, -(end - start), rule.id), tuple(evidence)


def _change_of(text: str, quantity: Quantity) -> str | None:
    """The words that make an amount the size of a change ("en hausse de", "soit ... de plus"), if
    any; none for "augmenté de X à Y", a change from X to Y (french.CHANGE_OF_BEFORE)."""
    before = _CHANGE_OF_BEFORE.search(text, max(0, quantity.start - 40), quantity.start)
    if before is not None and not _FROM_TO_AFTER.match(text, quantity.end):
        return before.group().strip()
    after = _CHANGE_OF_AFTER.match(text, quantity.end)
    return after.group().strip() if after is not None else None


def _unit_word(rule: Rule, quantity: Quantity) -> str:
    """The word a count or duration is shown with: the rule's unit when it names no scale."""
    return rule.unit if quantity.kind != "money" and rule.display_scale == 1 else ""


def _context_evidence(document: Document, matches: _Matches, scopes: _Scopes, rule: Rule, subject: str) -> list[Evidence] | str:
    """The ``require`` evidence around a figure, or why its context leaves it out (a near miss).

    Each check is (role, patterns, where, the place named in messages); a ``require_all``
    pattern is a check of its own, every one of which must match.
    """
    context = scopes.context(rule)
    place = rule.context_scope if rule.window is None else f"{rule.window}-word window ({rule.context_scope})"
    scope = rule.context_scope if rule.window is None else "window"
    checks = [("exclude", rule.exclude, context, place, scope), ("require", rule.require, context, place, scope)]
    checks += [("require_all", (pattern,), context, place, scope) for pattern in rule.require_all]
    if rule.phrase_require or rule.phrase_exclude:
        phrase = scopes.phrase()
        own = f"own words '{document.text[phrase[0]:phrase[1]]}'"
        checks += [("phrase_exclude", rule.phrase_exclude, phrase, own, "phrase"), ("phrase_require", rule.phrase_require, phrase, own, "phrase")]
    evidence = []
    for role, patterns, span, where, scope in checks:
        if not patterns:
            continue
        found = matches.nearest(patterns, rule, span, scopes.anchor)
        if role.endswith("exclude"):
            if found is not None:
                return f"excluded: '{document.text[found[1]:found[2]]}' matches {role} pattern '{found[0].source}' in its {where}"
        elif found is None:
            named = " or ".join(f"'{pattern.source}'" for pattern in patterns)
            wanted = "none of the required context" if role == "require" else f"no match of {role} {named}"
            return f"subject found ('{subject}') but {wanted} in its {where}"
        else:
            evidence.append(_evidence(document, role, found[0], found[1], found[2], scope))
    return evidence


def _claim(document: Document, quantity: Quantity, rule: Rule, evidence: tuple[Evidence, ...], sentence: _Sentence, implied_unit: str | None = None) -> Claim:
    span = sentence.span
    line, column = document.position(quantity.start)
    offset = quantity.start - span.start - sentence.stripped_left
    return Claim(
        rule=rule.id, source=document.source, line=line, column=column, quantity=quantity, quote=sentence.quote,
        quote_offset=offset, measure=_measure(document, quantity, span, sentence.measures),
        evidence=evidence, page=document.page_at(quantity.start), source_meta=document.meta,
        period=sentence.period_of(quantity),
        implied_unit=implied_unit,
    )


def check_examples(rule: Rule) -> None:
    """A rule's own examples: ``match`` sentences must bind a figure to it, ``no_match`` none."""
    for sentence, should_bind in [(s, True) for s in rule.examples_match] + [(s, False) for s in rule.examples_no_match]:
        document = Document.from_text(sentence, source=f"<example of {rule.id}>")
        claims, _ = bind(document, extract(sentence), [rule])
        if should_bind and not claims:
            raise RuleError(rule.path, f"rule '{rule.id}': key 'examples.match': {sentence!r} binds no figure to the rule", rule.examples_match_line)
        if not should_bind and claims:
            raise RuleError(rule.path, f"rule '{rule.id}': key 'examples.no_match': {sentence!r} binds '{claims[0].quantity.text}' to the rule", rule.examples_no_match_line)
