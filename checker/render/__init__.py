"""Stage 7, the report: one renderer per output format.

In: a ``Report`` (checker.running.pipeline) whose findings are read back one at a time from the
spool, or a ``Discovery`` (checker.discovery.corpus). Out: text, returned or written as a stream.

- ``table``: for people at a terminal (rich, at its width, colours only on a terminal);
- ``json`` and ``sarif``: for programs and code scanning, written a claim (a result) at a time;
- ``github``: workflow commands; ``markdown``: a pull-request comment or job summary;
- ``html`` and ``htmlpage``: one self-contained page, with ``chart`` and ``scales`` for its
  timeline charts; ``discover_table``: discovery's table;
- ``common``: what they share (values as people write them, notes on a finding).
"""
