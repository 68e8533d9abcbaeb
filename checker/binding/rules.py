"""Rule files (TOML) -> frozen Rule values, validated up front, errors with file:line.

A rule file holds any number of ``[[rule]]`` tables. Every key is checked: unknown keys, wrong
types, invalid patterns and failing examples are RuleErrors naming the file, line and key. An
error leaves out only its own rule (a file that is not TOML, only its own rules): ``load_rules``
returns the rules that validated with the list of errors, and the caller reports them.

Finding the files, running the examples and remembering the files that passed: checker.binding.loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import regex

from checker.errors import RuleError, load_toml
from checker.binding.folding import folded_pattern
from checker.extraction.units import CANONICAL

# The kinds of checker.extraction.quantity.KINDS, in its order (money, then one per canonical unit), named
# without importing the extractor, which compiles its patterns on import: a run whose documents
# and rules are all served by the caches needs no extraction (tests/binding/test_rules.py: they agree).
KINDS = ("money", *CANONICAL)

SCOPES = ("sentence", "paragraph", "section", "document")
# Where require and exclude may look: also the clause that holds the figure (checker.binding.clauses).
CONTEXT_SCOPES = ("clause", *SCOPES)
# How a rule's figure moves in time (checker.comparison.compare): "changes" (the default: claims of different
# periods are an evolution, never a conflict for that reason alone), "accumulates" (a running
# total: a later, smaller figure is a conflict), "fixed" (one moment restated at any date, such as
# a budget announced at launch: every claim is compared with every other whatever its date).
TIMELINES = ("changes", "accumulates", "fixed")
_PERIOD = regex.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
RULE_ID = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A pattern may not take longer than this on one scope of text (catastrophic backtracking).
PATTERN_TIMEOUT = 0.5
# How display units scale the canonical value: "M€" shows 650000000 EUR as 650.
DISPLAY_SCALES: dict[str, float] = {"k": 1e3, "M": 1e6, "Md": 1e9, "Mds": 1e9, "G": 1e9}


@dataclass(frozen=True)
class Pattern:
    """A rule's regular expression, compiled on first use; ``path``, ``line``, ``key`` say where it is written."""

    source: str
    path: str = field(default="", compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)
    key: str = field(default="", compare=False, repr=False)

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        try:
            return regex.compile(self.source, regex.IGNORECASE | regex.VERSION0)
        except regex.error as exc:
            raise RuleError(self.path, f"key '{self.key}': invalid regular expression {self.source!r} ({exc})", self.line) from None

    @cached_property
    def folded(self) -> regex.Pattern[str] | None:
        """The pattern lower-cased, to be matched as written on a lower-cased text (checker.binding.folding);
        None when lower-casing it could change what it matches."""
        source = folded_pattern(self.source)
        if source is None:
            return None
        self.compiled  # an invalid expression is reported as such
        return regex.compile(source, regex.VERSION0)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    kind: str  # the rule's kind: how its claims are compared and shown (the first of ``kinds``)
    unit: str  # display unit, e.g. "M€", "%", "projets"
    subject: tuple[Pattern, ...]
    scope: str = "sentence"
    context_scope: str = "sentence"
    require: tuple[Pattern, ...] = ()  # any one of them within the context
    exclude: tuple[Pattern, ...] = ()
    require_all: tuple[Pattern, ...] = ()  # every one of them within the context
    window: int | None = None  # the context is at most this many words either side of the figure
    phrase_require: tuple[Pattern, ...] = ()  # any one of them in the figure's own words (``phrase_of``)
    phrase_exclude: tuple[Pattern, ...] = ()
    kinds: tuple[str, ...] = ()  # every kind the rule binds (``kind`` first); empty: ``kind`` alone
    nouns: tuple[str, ...] = ()
    currency: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    tolerance: float = 0.0
    timeline: str = "changes"  # see TIMELINES
    period: str | None = None  # keep only the claims of this period (ISO 8601 prefix: 2023, 2023-06)
    description: str = ""
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    path: str = ""
    line: int = 0
    examples_match_line: int = 0
    examples_no_match_line: int = 0

    def __post_init__(self) -> None:
        if not self.kinds:  # a Rule built in code with one kind
            object.__setattr__(self, "kinds", (self.kind,))

    @property
    def accumulates(self) -> bool:
        """A running total (``timeline = "accumulates"``, or ``accumulates = true``)."""
        return self.timeline == "accumulates"

    @property
    def display_scale(self) -> float:
        for prefix, scale in sorted(DISPLAY_SCALES.items(), key=lambda item: -len(item[0])):
            if self.unit.startswith(prefix) and self.unit[len(prefix):].strip() in ("€", "$", "£", "EUR", "USD"):
                return scale
        return 1.0


# key -> (expected type description, checker)
_STRING_LIST = "a list of strings"


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_kind_list(value: Any) -> bool:
    return _is_str_list(value) and 0 < len(value) == len(set(value)) and all(kind in KINDS for kind in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_KEYS: dict[str, tuple[str, Any]] = {
    "id": ("a kebab-case string", lambda v: isinstance(v, str) and RULE_ID.fullmatch(v) is not None),
    "title": ("a string", lambda v: isinstance(v, str) and v.strip() != ""),
    "description": ("a string", lambda v: isinstance(v, str)),
    "kind": (f"one of {', '.join(KINDS)}, or a list of them", lambda v: v in KINDS or _is_kind_list(v)),
    "unit": ("a string", lambda v: isinstance(v, str)),
    "currency": ("an ISO 4217 code such as EUR", lambda v: isinstance(v, str) and regex.fullmatch(r"[A-Z]{3}", v) is not None),
    "subject": (_STRING_LIST + " (regular expressions)", lambda v: _is_str_list(v) and len(v) > 0),
    "scope": (f"one of {', '.join(SCOPES)}", lambda v: v in SCOPES),
    "context_scope": (f"one of {', '.join(CONTEXT_SCOPES)}", lambda v: v in CONTEXT_SCOPES),
    "require": (_STRING_LIST + " (regular expressions)", _is_str_list),
    "exclude": (_STRING_LIST + " (regular expressions)", _is_str_list),
    "require_all": (_STRING_LIST + " (regular expressions)", _is_str_list),
    "window": ("a whole number of words from 1 to 100", lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 100),
    "phrase_require": (_STRING_LIST + " (regular expressions)", _is_str_list),
    "phrase_exclude": (_STRING_LIST + " (regular expressions)", _is_str_list),
    "nouns": (_STRING_LIST + " (singular counted nouns)", _is_str_list),
    "min": ("a number", _is_number),
    "max": ("a number", _is_number),
    "tolerance": ("a number from 0 to 1 (relative)", lambda v: _is_number(v) and 0 <= v <= 1),
    "accumulates": ("true or false", lambda v: isinstance(v, bool)),
    "timeline": (f"one of {', '.join(TIMELINES)}", lambda v: v in TIMELINES),
    "period": ("an ISO 8601 period such as 2023, 2023-06 or 2023-06-30", lambda v: isinstance(v, str) and _PERIOD.fullmatch(v) is not None),
    "examples": ("a table with match and no_match lists", lambda v: isinstance(v, dict)),
}
_REQUIRED = ("id", "title", "kind", "subject")
_EXAMPLE_KEYS = ("match", "no_match")


class _Locator:
    """Finds the line of a key of the n-th ``[[rule]]`` table in a TOML file's text."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.rule_lines = [number for number, line in enumerate(self.lines, 1) if _RULE_TABLE.match(line)]

    def rule(self, index: int) -> int:
        return self.rule_lines[index] if index < len(self.rule_lines) else 1

    def key(self, index: int, key: str) -> int:
        start = self.rule(index)
        end = self.rule_lines[index + 1] if index + 1 < len(self.rule_lines) else len(self.lines) + 1
        pattern = _key_line(key)
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start


# Where things are written in a file's text: the standard ``re``, which compiles these simple
# patterns several times faster than ``regex`` (milliseconds on every run, validated before or not).
_RULE_TABLE = re.compile(r"\s*\[\[\s*rule\s*\]\]")


@cache
def _key_line(key: str) -> re.Pattern[str]:
    """A line that sets ``key`` (``key =``, ``examples.key =``, ``[rule.key]``); compiled once per key."""
    return re.compile(rf"\s*(?:(?:[\w.]*\.)?{re.escape(key)}\s*=|\[\s*rule\.{re.escape(key)}\s*\])")


def _pattern(path: str, line: int, key: str, source: str, compile_now: bool) -> Pattern:
    pattern = Pattern(source, path, line, key)
    if compile_now:
        pattern.compiled  # an invalid expression is a RuleError now, not when a document needs it
    return pattern


def parse_rules(text: str, path: str, compile_patterns: bool = True) -> list[Rule]:
    """Parse and validate one rule file's text (its examples are checked by ``load_rules``); the
    file's first error is raised. ``parse_rule_file`` keeps the valid rules and lists every error.

    ``compile_patterns=False`` leaves the patterns to be compiled on first use: for a text known to
    have passed validation before (see ``load_rules``).
    """
    rules, errors = parse_rule_file(text, path, compile_patterns)
    if errors:
        raise errors[0]
    return rules


def parse_rule_file(
    text: str, path: str, compile_patterns: bool = True, declared: dict[str, tuple[str, int]] | None = None,
) -> tuple[list[Rule], list[RuleError]]:
    """The rules of one file's text that validate, and an error for each part that does not.

    A rule with a bad key or pattern is left out with its error, the others are kept; a text that
    is not TOML has no rules. Of two rules with the same id, the second is the error.
    ``declared``: the ids met so far, to their (path, line); this file's are added to it.
    """
    try:
        data = load_toml(text, path, RuleError)
    except RuleError as exc:
        return [], [exc]
    locator = _Locator(text)
    errors: list[RuleError] = []
    for key in data:
        if key != "rule":
            errors.append(RuleError(path, f"unknown top-level key '{key}' (expected [[rule]] tables)", 1))
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        return [], [*errors, RuleError(path, "key 'rule': expected [[rule]] tables", 1)]
    declared = {} if declared is None else declared
    rules: list[Rule] = []
    for index, table in enumerate(tables):
        rule_id, line = table.get("id"), locator.rule(index)
        if isinstance(rule_id, str):
            if rule_id in declared:
                other_path, other_line = declared[rule_id]
                where = f"is already used at line {other_line}" if other_path == path else f"is also defined at {other_path}:{other_line}"
                errors.append(RuleError(path, f"key 'id': rule id '{rule_id}' {where}", line))
                continue
            declared[rule_id] = (path, line)
        try:
            rules.append(_parse_rule(table, index, locator, path, compile_patterns))
        except RuleError as exc:
            errors.append(exc)
    return rules, errors


def _parse_rule(table: dict[str, Any], index: int, locator: _Locator, path: str, compile_patterns: bool) -> Rule:
    rule_line = locator.rule(index)
    for key, value in table.items():
        if key not in _KEYS:
            raise RuleError(path, f"unknown key '{key}' (expected one of {', '.join(_KEYS)})", locator.key(index, key))
        expected, check = _KEYS[key]
        if not check(value):
            raise RuleError(path, f"key '{key}': expected {expected}, got {value!r}", locator.key(index, key))
    for key in _REQUIRED:
        if key not in table:
            raise RuleError(path, f"rule is missing the required key '{key}'", rule_line)
    examples = table.get("examples", {})
    for key, value in examples.items():
        if key not in _EXAMPLE_KEYS:
            raise RuleError(path, f"unknown key 'examples.{key}' (expected match, no_match)", locator.key(index, key))
        if not _is_str_list(value):
            raise RuleError(path, f"key 'examples.{key}': expected {_STRING_LIST}", locator.key(index, key))

    def patterns(key: str) -> tuple[Pattern, ...]:
        line = locator.key(index, key)
        return tuple(_pattern(path, line, key, source, compile_patterns) for source in table.get(key, []))

    timeline = _timeline(table, path, locator.key(index, "accumulates"))
    kinds = tuple(table["kind"]) if isinstance(table["kind"], list) else (table["kind"],)
    if "money" in kinds and "number" in kinds and "currency" not in table:
        raise RuleError(path, "key 'kind': a rule that reads bare numbers as money needs a 'currency'", locator.key(index, "kind"))
    minimum, maximum = table.get("min"), table.get("max")
    if minimum is not None and maximum is not None and minimum > maximum:
        raise RuleError(path, f"key 'min': {minimum} is larger than max {maximum}", locator.key(index, "min"))
    return Rule(
        id=table["id"], title=table["title"], kind=kinds[0], kinds=kinds, unit=table.get("unit", ""),
        subject=patterns("subject"), scope=table.get("scope", "sentence"),
        context_scope=table.get("context_scope", "sentence"), require=patterns("require"),
        exclude=patterns("exclude"), require_all=patterns("require_all"), window=table.get("window"),
        phrase_require=patterns("phrase_require"), phrase_exclude=patterns("phrase_exclude"), nouns=tuple(noun.lower() for noun in table.get("nouns", [])),
        currency=table.get("currency"), minimum=float(minimum) if minimum is not None else None,
        maximum=float(maximum) if maximum is not None else None, tolerance=float(table.get("tolerance", 0.0)),
        timeline=timeline, period=table.get("period"), description=table.get("description", ""),
        examples_match=tuple(examples.get("match", [])), examples_no_match=tuple(examples.get("no_match", [])),
        path=path, line=rule_line, examples_match_line=locator.key(index, "match"),
        examples_no_match_line=locator.key(index, "no_match"),
    )


def _timeline(table: dict[str, Any], path: str, line: int) -> str:
    """``timeline``, or what the older ``accumulates = true|false`` says; both must agree."""
    timeline, accumulates = table.get("timeline"), table.get("accumulates")
    if accumulates is None:
        return timeline or "changes"
    if timeline is None:
        return "accumulates" if accumulates else "changes"
    if accumulates != (timeline == "accumulates"):
        raise RuleError(path, f"key 'accumulates': {str(accumulates).lower()} contradicts timeline = {timeline!r}", line)
    return timeline
