"""A figure's own statement within its sentence (whose clause is checker.binding.clauses'): its own words,
what its words say of time, and whether it says little on its own. Tables and small functions of
French writing.
"""

from __future__ import annotations

import bisect

import regex

from checker import french
from checker.binding.scopes import PHRASE_WORDS_AFTER, PHRASE_WORDS_BEFORE
from checker.discovery import words as fr
from checker.extraction.quantity import Quantity


# ---------------------------------------------------------------------------------------------
# Low-information figures


_FRAMING_BEFORE = regex.compile(
    r"(?:\b(?:en|depuis|pendant|durant|sur|dans|il\s+y\s+a|voici|cela\s+fait|ça\s+fait|au\s+bout\s+d[e'’]|"
    r"au\s+cours\s+des|lors\s+des|ces|des|les|ses|nos|leurs|après|avant)\s*)$",
    regex.IGNORECASE,
)
_AGE_BEFORE = regex.compile(r"(?:\b(?:a|ont|aura|avait|fête\s+ses|célèbre\s+ses|souffle\s+ses|âgée?s?\s+de)\s*)$", regex.IGNORECASE)
_AGE_AFTER = regex.compile(r"^\s*(?:après|plus\s+tard|d['’]existence|d['’]activité|de\s+\p{Lu})", regex.IGNORECASE)

# Why a figure says little on its own, first that applies. Left out of discovery unless a rule covers it.
LOW_INFORMATION = (
    "a span of time the text is framed by (en 4 ans, depuis 5 ans), not a figure about the subject",
    "the age of the thing (a trois ans, 5 ans de G_NIUS), not a figure about it",
    "a duration whose clause does not say what lasts",
    "a small whole number (under 10)",
)


def low_information(quantity: Quantity, before: str, after: str, clause_lemmas: set[str]) -> str | None:
    if quantity.kind == "duration":
        if _FRAMING_BEFORE.search(before):
            return LOW_INFORMATION[0]
        if _AGE_BEFORE.search(before) or _AGE_AFTER.search(after):
            return LOW_INFORMATION[1]
        if not clause_lemmas & fr.DURATION_MEASURES:
            return LOW_INFORMATION[2]
    if quantity.kind == "count" and quantity.qualifier == "exact" and abs(quantity.value) < 10 and float(quantity.value).is_integer():
        return LOW_INFORMATION[3]
    return None


def moves_of(clause_lemmas: set[str], clause_text: str) -> str:
    """What a figure's clause says of time: change (the writer says it moved), running (so far),
    fixed (an endowment, a budget), or "" (nothing)."""
    lowered = clause_text.lower()
    if clause_lemmas & fr.CHANGE_WORDS or any(marker in lowered for marker in fr.CHANGE_MARKERS):
        return "change"
    if clause_lemmas & fr.RUNNING_WORDS or any(marker in lowered for marker in fr.RUNNING_MARKERS):
        return "running"
    if clause_lemmas & fr.FIXED_WORDS:
        return "fixed"
    return ""


_PLACE_BEFORE = regex.compile(r"(?:\b(?:en|à|au|aux|dans|vers|depuis)\s+)$", regex.IGNORECASE)


def place(text: str, name: fr.Name) -> bool:
    """A name written as a place (``en France``, ``à Lyon``): where things happen, not what they are."""
    return _PLACE_BEFORE.search(text, max(name.start - 8, 0), name.start) is not None


def outside(found: list[fr.Word], spans: list[tuple[int, int]]) -> list[fr.Word]:
    """The words that are not part of a figure (``spans`` in order)."""
    kept, at = [], 0
    for word in found:
        while at < len(spans) and spans[at][1] <= word.start:
            at += 1
        if at == len(spans) or word.start < spans[at][0]:
            kept.append(word)
    return kept


_BREAK = regex.compile(r"[,;:.!?()\[\]«»\"“”—–]")


def own_words(text: str, sentence_words: list[fr.Word], quantity: Quantity) -> tuple[int, int]:
    """Where the figure's own words are: checker.binding.scopes.phrase_of (its determiners and adjectives
    before, up to three words after, never across punctuation or a word that starts another
    phrase), read from the words of the sentence already found."""
    low, high = quantity.start, quantity.end
    after = bisect.bisect_left(sentence_words, quantity.end, key=lambda word: word.start)
    for word in reversed(sentence_words[max(after - PHRASE_WORDS_BEFORE, 0):after]):
        key = word.surface.lower()
        if word.end > low or _BREAK.search(text, word.end, low) or (key not in french.DETERMINERS and key not in french.PRENOMINAL_ADJECTIVES):
            break
        low = word.start
    previous = ""
    for number, word in enumerate(sentence_words[after:after + PHRASE_WORDS_AFTER + 1]):
        key = word.surface.lower()
        opens = key in french.DETERMINERS and previous not in ("de", "d", "du", "des")
        if number == PHRASE_WORDS_AFTER or key in french.PHRASE_ENDS or opens or _BREAK.search(text, high, word.start):
            break
        high, previous = word.end, key
    return low, high
