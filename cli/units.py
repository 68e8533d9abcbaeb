"""``python -m cli.units [--write]``: print, or rewrite, the unit factors precomputed by pint.

A maintenance command, not part of ``recoupe``: run it with ``--write`` after editing
``checker/extraction/units.txt`` or the extractor's unit tables (tests/extraction/test_units.py fails until then).
"""

from __future__ import annotations

import sys

from checker.extraction.units import FACTORS_MODULE, compute_factors, factors_source


def main(argv: list[str]) -> int:
    if argv not in ([], ["--write"]):
        print("usage: python -m cli.units [--write]", file=sys.stderr)
        return 2
    factors, offsets, problems = compute_factors()
    for problem in problems:
        print(f"warning: left to pint at run time (it cannot convert it now): {problem}", file=sys.stderr)
    text = factors_source(factors, offsets)
    if argv:
        FACTORS_MODULE.write_text(text, encoding="utf-8")
        print(f"{len(factors)} factors written to {FACTORS_MODULE.name}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
