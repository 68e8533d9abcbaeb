"""Exit codes and severities: enums with a documented meaning."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What a recoupe process tells its caller."""

    OK = 0  # no conflict (check) / every document read (extract)
    CONFLICTS = 1  # check found at least one conflict at or above --fail-on
    ERROR = 2  # usage error, bad rule file, or a document that could not be read
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (128 + 15), stopped as Ctrl-C stops a run


EXIT_CODES_HELP = (
    "Exit codes: 0 no conflict and no error; 1 conflicts found; "
    "2 usage, rule or input error (the other documents and rules are still processed); 130 interrupted; 143 terminated (SIGTERM)."
)


class Verdict:
    """What the claims of one subject say together."""

    CONFLICT = "conflict"  # two claims of the same time do not overlap, even with the tolerance
    CONSISTENT = "consistent"  # several claims, all compatible
    EVOLUTION = "evolution"  # the figure changed from one period to another; no claims of one time disagree
    SINGLE = "single"  # one claim only: nothing to compare
    ORDER = (CONFLICT, CONSISTENT, EVOLUTION, SINGLE)


class Severity:
    """How far apart conflicting claims are (relative gap between their intervals)."""

    HIGH = "high"  # 25 % or more
    MEDIUM = "medium"  # 5 % to 25 %
    LOW = "low"  # under 5 %
    NONE = "none"  # not a conflict
    ORDER = (HIGH, MEDIUM, LOW, NONE)
