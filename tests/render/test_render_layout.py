"""dumps_indented writes leaves of exact types by type, the others as json.dumps does."""

from __future__ import annotations

import enum
import json

from checker.jsonlayout import dumps_indented


class _Verdict(str, enum.Enum):
    CONFLICT = "conflict"


class _Count(enum.IntEnum):
    TWO = 2


class _Text(str):
    pass


def test_subclasses_of_leaves_and_tuples_are_laid_out_as_the_standard_library_does():
    value = {
        "verdict": _Verdict.CONFLICT, "count": _Count.TWO, "text": _Text("é\n"), "flag": True,
        "pairs": ((1, 2.5), [None, False, float("inf"), float("nan")]), "nested": [{"a": [_Text("b")]}, {}, []],
    }
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert dumps_indented([_Count.TWO, _Verdict.CONFLICT]) == json.dumps([_Count.TWO, _Verdict.CONFLICT], ensure_ascii=False, indent=2)
