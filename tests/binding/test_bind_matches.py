"""matches._Matches on large documents: the nearest match found by bisection is the one a scan of every
match in the span finds, and a pattern's time limit grows with the text it scans, so that only a
pattern that backtracks is blamed."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

import checker.binding.matches
from checker.binding.matches import _Matches
from checker.reading.documents import Document
from checker.errors import RuleError
from checker.binding.rules import Pattern


def _pattern(source: str) -> Pattern:
    return Pattern(source)


# what _Matches reads of a rule, to word an error
RULE = SimpleNamespace(path="rules.toml", id="sasn", line=3)


def _scanned(matches: _Matches, patterns, span, anchor):
    """Every match of every pattern within ``span``, as bind once looked at them all."""
    low, high = span
    best = None
    for pattern in patterns:
        starts, ends = matches.of(pattern, RULE)
        for start, end in zip(starts, ends):
            if low <= start and end <= high:
                distance = 0 if start <= anchor < end else min(abs(start - anchor), abs(end - anchor))
                if best is None or distance < best[0]:
                    best = (distance, pattern, start, end)
    return None if best is None else best[1:]


def test_the_nearest_match_by_bisection_is_the_nearest_of_all() -> None:
    draw = random.Random(17)
    words = ["plan", "vélo", "plan vélo", "x", "budget", "planvélo", "  ", "vélos"]
    text = " ".join(draw.choice(words) for _ in range(4000))
    matches = _Matches(Document.from_text(text, source="t.txt"))
    patterns = [(_pattern(r"plan\s+vélo"),), (_pattern(r"\bvélo\b"), _pattern(r"plan")), (_pattern("budget|x"),), (_pattern("absent"),)]
    for _ in range(3000):
        low = draw.randrange(len(text))
        span = (low, min(len(text), low + draw.choice([0, 5, 40, 300, len(text)])))
        anchor = draw.randrange(span[0], span[1] + 1)
        for group in patterns:
            assert matches.nearest(group, RULE, span, anchor) == _scanned(matches, group, span, anchor), (span, anchor)


def test_a_long_text_gets_a_longer_time_limit_a_backtracking_pattern_none(monkeypatch) -> None:
    """Scaled down: 0.1 ms per hundred characters (1 MB/s, while an ordinary pattern scans at
    10 to 100 MB/s). A document of 5 MB gets five seconds: the ordinary pattern is not blamed,
    as it was with a limit fixed whatever the size; the backtracking one is, on a short text."""
    monkeypatch.setattr(checker.binding.matches, "PATTERN_TIMEOUT", 0.0001)
    monkeypatch.setattr(_Matches, "SCAN_CHARS", 100)
    rule = RULE
    long = Document.from_text("La stratégie SASN est dotée de 718,4 millions d’euros. " * 90_000, source="long.txt")
    starts, _ = _Matches(long).of(_pattern(r"\bSASN\b"), rule)
    assert len(starts) == 90_000
    trap = Document.from_text("a" * 40 + "c", source="piege.txt")
    with pytest.raises(RuleError, match="takes too long"):
        _Matches(trap).of(_pattern("(a|aa)+b"), rule)


def test_the_nearest_match_costs_the_same_in_a_span_of_any_size() -> None:
    """A single-line file is one paragraph: every figure of it looked at every match of a rule's
    patterns there (10 MB on one line: 44 s, 11 s once bisected). Here 200 000 matches, 2 000 figures."""
    import time

    text = "Le plan vélo. " * 200_000
    matches = _Matches(Document.from_text(text, source="ligne.txt"))
    patterns = (_pattern(r"plan\s+vélo"),)
    matches.of(patterns[0], RULE)  # the scan itself, once, is not what is timed
    start = time.perf_counter()
    for anchor in range(0, len(text), len(text) // 2000):
        assert matches.nearest(patterns, RULE, (0, len(text)), anchor) is not None
    assert time.perf_counter() - start < 2  # about 10 ms; a scan of every match took minutes


def test_near_misses_are_made_only_when_wanted() -> None:
    """Without --explain nor the JSON report, no near miss is made (a giant document has twice as
    many as claims); the claims are the same."""
    from pathlib import Path

    from checker.binding.bind import bind
    from checker.binding.loading import load_rules
    from checker.extraction.extractor import extract

    root = Path(__file__).resolve().parents[2]
    rules = list(load_rules(root / "rules", cache_dir=None).rules)
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((root / "seeds").glob("*.txt")))
    document = Document.from_text(text, source="seeds.txt")
    quantities = extract(text)
    claims, misses = bind(document, quantities, rules)
    assert len(claims) > 20 and len(misses) > 5
    assert bind(document, quantities, rules, near_misses_wanted=False) == (claims, [])
