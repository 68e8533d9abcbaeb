"""Stage 2, extraction: from a document's text to its figures.

In: a text (``str``). Out: ``Quantity`` objects in order of appearance, each with its surface
text, offsets, kind, value normalised to a canonical unit, interval and qualifier.

- ``extractor``: ``extract``, the entry point, which runs the modules below on a text, a stretch
  at a time;
- ``patterns``: what a candidate number is (``CANDIDATE``) and the pattern fragments shared;
- ``candidates``: the fast scans that find the candidates; ``not_quantities``: the spans that are
  no quantities (dates, phone numbers, addresses, labels), what they are and how they are found;
- ``figure``: the reading of one candidate, with what follows it (``after``: scale, currency,
  unit, counted noun; ``readings``: which reading is tried where; ``nouns``: counted nouns and
  fractions; ``tables``: the word tables of scales, currencies and units) and what precedes it
  (``before``: qualifier, sign, currency); ``values``: its interval and canonical value;
- ``joins``: figures read one by one joined into ranges and shares;
- ``numbers``: digits and number words to values (text2num for the words);
- ``units``, ``unit_factors``, ``units.txt``: units and currencies, normalised with pint;
- ``infer``: the unit a bare number takes from its neighbours ("entre 10 et 20 M€");
- ``language``: whether a passage is quoted English (its digits read the English way);
- ``stretches``: a long text cut where no figure goes on, so that scans hold one stretch at a time.

The words of French they read (months, currencies, unit names, qualifiers) are in ``checker.french``.
"""
