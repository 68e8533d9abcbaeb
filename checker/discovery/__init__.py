"""Stage 6, discovery without rules: the figures that several sources state about one subject,
ranked by what a reader should look at first (conflicts, double attributions, evolutions, agreements).

In: documents and their figures (extracted by the running stage's workers and cache), and the
rules if any (their claims are named). Out: a ``Discovery``: ``Candidate`` groups of figures,
ranked, each with its verdict and explanation; and, for a chosen candidate, a rule (``suggest``).

The pipeline, one stage per module:

1. ``features``: in the worker that extracted each document, each figure's block, claim, period
   and subject terms (lemmas and names of ``words`` weighted by where they stand: its own words
   and clause, from ``statements``); the figures that say little on their own are left out;
2. ``proposal``: terms weighted by their rarity among the sources (generic ones weigh nothing),
   and a few nearest neighbours per figure through an inverted index (linear cost);
3. ``grouping``: groups from the most similar pairs down, never joining what a writer tells apart;
4. ``ranking``: each group judged by ``checker.comparison.compare.compare`` with the periods and
   timelines of ``check``, and ranked with its explanation; ``attribution`` adds double attributions;
5. ``corpus``: the entry points, ``discover`` (paths) and ``discover_documents``, that run them;
6. ``suggest``: a rule for a chosen candidate; ``quotes``: the passages shown for each figure.

Pure: returns data, never prints.
"""
