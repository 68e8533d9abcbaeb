"""Stage 4, comparison and timelines: from claims to findings.

In: every ``Claim`` of one rule, from every document. Out: ``Finding`` objects: the claims that
conflict (the same thing at the same time, beyond rounding), agree, or changed over time (a
timeline of steps), each with its verdict and severity.

- ``compare``: claims grouped by period and judged, as a careful journalist would, and their
  timeline; ``intervals``: the values a claim allows; ``groups``: a rule's claims grouped by period;
- ``baseline``: conflicts acknowledged in a baseline file, so that CI fails only on new ones.
"""
