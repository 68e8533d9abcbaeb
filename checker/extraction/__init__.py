"""Stage 2, extraction: from a document's text to its figures.

In: a text (``str``). Out: ``Quantity`` objects in order of appearance, each with its surface
text, offsets, kind, value normalised to a canonical unit, interval and qualifier.

- ``extractor``: the reading of French number writing (what a candidate means) and the fast
  scans that find the candidates; ``extract`` is its entry point;
- ``numbers``: digits and number words to values (text2num for the words);
- ``units``, ``unit_factors``, ``units.txt``: units and currencies, normalised with pint;
- ``infer``: the unit a bare number takes from its neighbours ("entre 10 et 20 M€");
- ``language``: whether a passage is quoted English (its digits read the English way);
- ``stretches``: a long text cut where no figure goes on, so that scans hold one stretch at a time.

The words of French they read (months, currencies, unit names, qualifiers) are in ``checker.french``.
"""
