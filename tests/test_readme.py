"""The README's examples are what recoupe does: its worked rule loads and its examples pass."""

from __future__ import annotations

import re
from pathlib import Path

from checker.bind import check_examples
from checker.rules import parse_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_the_worked_rule_example_loads_and_its_examples_pass():
    (worked,) = [block for block in _toml_blocks() if "[[rule]]" in block]
    (rule,) = parse_rules(worked, "README.md")
    assert rule.timeline == "fixed" and rule.phrase_exclude
    check_examples(rule)  # raises RuleError when an example does not bind as it says
