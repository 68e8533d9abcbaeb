"""The README's examples are what recoupe does: its worked rule loads and its examples pass."""

from __future__ import annotations

import re
from pathlib import Path

from checker.binding.bind import check_examples
from checker.binding.rules import parse_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def _toml_blocks() -> list[str]:
    return re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_the_worked_rule_example_loads_and_its_examples_pass():
    (worked,) = [block for block in _toml_blocks() if "[[rule]]" in block]
    (rule,) = parse_rules(worked, "README.md")
    assert rule.timeline == "fixed" and rule.phrase_exclude
    check_examples(rule)  # raises RuleError when an example does not bind as it says


def _output_blocks() -> list[tuple[str, list[str]]]:
    """The README's examples of output: what produced them, and their parts between lines of ``…``."""
    found = re.findall(r"<!-- output: (.*?) -->\n```text\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    return [(what, [part.strip("\n") for part in re.split(r"^…$", block, flags=re.MULTILINE)]) for what, block in found]


def _real_output(what: str) -> str:
    import os

    from checker.discovery.corpus import discover
    from checker.running.pipeline import check
    from checker.render.discover_table import render_discover_table
    from checker.render.table import render_table
    from checker.binding.loading import load_rules

    repo = README.parent
    previous = os.getcwd()
    os.chdir(repo)
    try:
        if what == "check seeds/ at 80 columns":
            report = check([Path("seeds")], load_rules(repo / "rules", cache_dir=None).rules)
            return render_table(report, color=False, width=80, cwd=str(repo))
        if what == "discover seeds/ at 80 columns":
            return render_discover_table(discover([Path("seeds")]), top=20, width=80, cwd=str(repo))
    finally:
        os.chdir(previous)
    raise AssertionError(f"the README shows the output of {what!r}, which this test does not know how to run")


def test_the_readme_shows_real_output_at_80_columns():
    blocks = _output_blocks()
    assert {what for what, _ in blocks} == {"check seeds/ at 80 columns", "discover seeds/ at 80 columns"}
    for what, parts in blocks:
        real, at = _real_output(what), 0
        for part in parts:  # each part as it is printed, in the order it is printed
            found = real.find(part, at)
            assert found >= 0, f"the README's output of {what} is not what recoupe prints:\n{part}"
            at = found + len(part)
        assert all(len(line) <= 80 for part in parts for line in part.splitlines())
