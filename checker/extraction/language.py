"""Whether a figure stands in an English sentence: French pages quote English releases, and some
sites publish both. English writes a billion for 10^9 (French: a million millions), a decimal point
and a thousands comma (1,200.5 is 1 200,5).

The decision is a documented heuristic, not a library: the extractor asks it only about the few
figures whose reading depends on it (a "billion", "1,200", "1.500"), so a sentence is judged on
its own small words (articles, prepositions, auxiliaries), which each language has many of and
shares few of. A sentence that has more English ones than French ones is English; a tie, or a
sentence without any, is French, the language recoupe reads.

A figure inside quotation marks is judged on the quoted passage when that passage has small words
of its own: a French sentence quotes an English release (« Over 1,200 hospitals are connected »),
and an English one a French minister.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# Words of one language only ("on", "an", "a" are also French words, left out).
ENGLISH_WORDS = frozenset("""
the of and to in is was for with that from by at its it has have had will would which this
these those were be been being their they said over than into more after about also who while
there
""".split())
FRENCH_WORDS = frozenset("""
le la les l de des du d et en un une est à pour dans sur par au aux qui que qu avec son sa ses ont
sont été ce cette ces il elle ils elles leur leurs plus ne pas se selon entre dont milliards
millions
""".split())

_WORD = regex.compile(r"\p{L}+")
# Where a sentence ends: a mark of the end of a sentence before a space, or a line's end.
_SENTENCE_END = regex.compile(r"[.!?…](?=\s)|\n")
_REACH = 400  # characters looked at on each side of the figure
# Quotation marks: each opening mark and the mark that closes it (a straight quote closes itself).
_QUOTES = {"«": "»", "“": "”", "‹": "›", '"': '"'}


def is_english(text: str, position: int) -> bool:
    """Whether the sentence of ``text`` around ``position`` is English (see the module's docstring)."""
    start = max(0, position - _REACH)
    before = text[start:position]
    ends = [match.end() for match in _SENTENCE_END.finditer(before)]
    start += ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, position, position + _REACH)
    end = after.start() if after else min(len(text), position + _REACH)
    quoted = _quoted_passage(text, start, position, end)
    if quoted is not None:
        english, french = _small_words(quoted)
        if english or french:
            return english > french
    return _english(text[start:end])


def _quoted_passage(text: str, start: int, position: int, end: int) -> str | None:
    """The passage between quotation marks, within ``text[start:end]``, that holds ``position``;
    None when ``position`` is not inside quotation marks (or the passage does not close)."""
    opening = None
    index = start
    while index < position:  # the last mark opened before the position and not closed by then
        mark = text[index]
        if opening is not None and mark == _QUOTES[text[opening]]:
            opening = None
        elif opening is None and mark in _QUOTES:
            opening = index
        index += 1
    if opening is None:
        return None
    closing = text.find(_QUOTES[text[opening]], position, end)
    return None if closing < 0 else text[opening + 1:closing]


@lru_cache(maxsize=1024)
def _english(sentence: str) -> bool:
    english, french = _small_words(sentence)
    return english > french


def _small_words(passage: str) -> tuple[int, int]:
    """How many of the English small words and of the French ones ``passage`` has."""
    english = french = 0
    for word in _WORD.findall(passage.lower()):
        if word in ENGLISH_WORDS:
            english += 1
        elif word in FRENCH_WORDS:
            french += 1
    return english, french
