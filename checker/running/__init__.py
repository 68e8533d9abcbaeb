"""Stage 5, running: the engine room that drives stages 1 to 4 over a corpus.

In: paths, rules and settings. Out: a ``Report`` (pipeline) whose findings are read back from a
spool, or the rows of ``recoupe extract``; nothing here decides what a figure is or means.

- ``pipeline``: ``check``: documents extracted and bound (in workers), claims spooled, then
  compared rule by rule;
- ``parallel``: worker processes (``--jobs``), documents streamed to them, results merged in order;
- ``lifeline``: workers that die with their parent; ``collector``: garbage collection paused;
- ``dask_engine``: the same work on a Dask cluster (``--engine dask``);
- ``cache``: each document's extraction and the last runs' outputs, in SQLite (``cache_db``: its
  file, schema and lock; ``cache_entries``: what a row holds, and the ``Replay`` of a run);
- ``replay``: the keys a run's output is stored and found again under;
- ``session``: a run's dealings with the cache: opened and closed, its key, an earlier run's
  output found, its own kept;
- ``spool``: claims and findings on disk, read back one rule at a time;
- ``rows``: ``recoupe extract``'s JSONL and JSON rows, made in the workers;
- ``tempfiles``: temporary files named so that a killed run's are cleaned by the next;
- ``config``: settings from ``[tool.recoupe]`` and ``recoupe.toml``, with their origin.
"""
