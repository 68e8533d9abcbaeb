"""Stage 3, rules and binding: from figures to claims about a rule's subject.

In: a ``Document``, its ``Quantity`` list and the rules (TOML files). Out: ``Claim`` objects (a
figure bound to one rule, with its quote, period and evidence) and ``NearMiss`` objects (a figure
left out, with the reason).

- ``rules``: rule files parsed and validated up front, each error with its file and line;
- ``folding``: a rule's pattern run on the lower-cased text when both allow it;
- ``clauses``: the clause of a sentence a figure stands in;
- ``period``: when a figure speaks of (a year, a date, "à fin 2024", "depuis 2021"): which phrase
  of its sentence dates it; ``period_phrases``: the table of the ways French writes a period and
  the phrases it finds; ``period_reading``: the period a phrase names, given its source's date;
- ``bind``: each figure bound to the rule whose subject is nearest and most specific;
  ``matches``: where each pattern of the rules matches in a document, scanned once; ``scopes``:
  the clause, sentence, window and own words around a figure, and the sentence a claim quotes.
"""
