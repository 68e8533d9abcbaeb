"""Vocabulary of French press writing that reading, extraction, binding and discovery read: tables, not logic.

Shared by the stages, importing none of them. The tables stand in three modules by subject, so
that a table is looked for in the module its subject names:

- ``figures``: what makes a figure of a number or makes it none: months, scale words,
  qualifiers, signs, number words, fractions and shares, ``N fois``, labels, addresses, names;
- ``units``: what a figure is counted in: currencies and units of measure;
- ``sentences``: the words around a figure that say what it is of: counted nouns, changes,
  measure words, events, the ends of its phrase, comparisons, money.

Every table (every name of these modules that does not start with an underscore) is also a name
of this package, and the modules that read the tables import the package alone (``from checker
import french``, then ``french.UNIT_WORDS``): a reader sees which table a line reads, one import
gives it all the vocabulary, and a table that moves between these files changes none of them.
"""

from checker.french.figures import *  # noqa: F403
from checker.french.sentences import *  # noqa: F403
from checker.french.units import *  # noqa: F403
