"""The words of a French sentence as a reader takes them: lemmas, names, and what they say.

Lemmas come from simplemma's French dictionary (``alloués`` -> ``allouer``, ``projets`` ->
``projet``); a past participle is taken back to its verb when the dictionary knows the verb
(``dotée`` -> ``doter``, ``investis`` -> ``investir``), so that two writers' forms of one verb
meet. A **name** is an acronym (``SASN``, ``CHU``), a capitalised word the dictionary does not
know (``Takeda``), or a capitalised word inside a sentence (``Délégation au Numérique en
Santé``); a run of them is one name, and a year or version number after one belongs to it
(``France 2030``).

Tables, not logic: what a word says about a figure's subject is looked up here.
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from checker import french

# Words that never say what a figure is about: grammar, and the words of quantities themselves.
STOPWORDS = frozenset("""
a à afin ai ainsi alors après au aucun aucune aujourd auprès aussi autour autre autres aux avant avec
avoir bien c ça car ce ceci cela celle celles celui cependant ces cet cette ceux chacun chaque chez ci
comme comment d dans de déjà depuis dont des devant donc du elle elles en encore entre est et été être eu eux
fait faire font hors il ils j je jusqu l la laquelle le lequel les leur leurs lors lorsque lui m ma
mais me même mes moi moins mon n ne ni nos notre nous on ont ou où par parmi pas pendant peu peut
plus pour pourquoi près puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses
si soit son sont sous sur t ta te tes toi ton tous tout toute toutes très tu un une unes uns vers
via voici voilà vos votre vous y également notamment ainsi soit dont cela ceux-ci celle-ci
pouvoir devoir permettre aller venir falloir mettre rendre donner prendre
""".split())

# Words of quantities, qualifiers and time: shared by every figure, they join none.
QUANTITY_WORDS = frozenset("""
million milliard mille cent euro eur dollar total nombre chiffre montant somme hauteur
an année mois jour semaine heure fois plus environ près moins quelque part demi tiers quart
pourcent pourcentage point janvier février mars avril mai juin juillet août septembre octobre
novembre décembre aujourd hier demain actuellement désormais cette dernier prochain premier
deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente quarante cinquante
soixante centaine dizaine millier
""".split())

# How a figure moves in time, said by its own words (the lemmas of its clause): the timeline a
# group of figures is judged with (see checker.discovery.ranking). A measure word is also shown.
FIXED_WORDS = frozenset("""
doter dotation doté enveloppe budget budgéter budgétaire allouer allocation prévoir réserver
programmer consacrer affecter
""".split())  # the size of a thing set once: an endowment, a budget
RUNNING_WORDS = frozenset("""
engager investir dépenser verser financer mobiliser débloquer lever cumuler cumul cumulé
""".split())  # what is put in so far: a running total
CHANGE_WORDS = frozenset("""
relever rehausser augmenter augmentation hausse baisse baisser réduire diminuer atteindre
dépasser supplémentaire revaloriser croître progresser grimper désormais
""".split())  # the writer says the figure moved
CHANGE_MARKERS = ("porté à", "portée à", "portés à", "portées à", "passé de", "passe de", "passé à", "passe à", "revu à la")
MEASURE_LEMMAS = FIXED_WORDS | RUNNING_WORDS | CHANGE_WORDS
RUNNING_MARKERS = ("au total", "à ce jour", "en tout", "jusqu'ici", "jusqu’ici", "à date", "déjà", "cumul")

# A duration only says something when its clause says what lasts (a delay, a stay, a gain).
DURATION_MEASURES = frozenset("""
durée délai attente attendre séjour espérance gain gagner réduire réduction économiser économie
retard allonger raccourcir temps moyen moyenne médian prolonger rallonger
""".split())

_WORD = regex.compile(r"[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*")
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\p{N}_]+(?:-\p{Lu}[\p{Lu}\p{N}_]*)*")
_NAME_NUMBER = regex.compile(r"\s+((?:19|20)\d\d|\d(?:\.\d)?)(?![\p{L}\p{N}])")
# Lower-case words that may stand inside a name: "Délégation au Numérique en Santé".
NAME_JOINERS = frozenset("de du des d la le l en au aux et pour sur".split())


class Word(NamedTuple):
    """One word of a text: where it stands, its lemma (lower case) and whether it is a name.

    A named tuple: a document has tens of thousands of words, made fast."""

    start: int
    end: int
    surface: str
    lemma: str
    name: bool
    content: bool  # says something about a subject: not a stopword nor a word of quantities


@dataclass(frozen=True, slots=True)
class Name:
    """A run of name words: ``key`` is how it is compared, ``surface`` how it was written."""

    start: int
    end: int
    key: str
    surface: str


def _simplemma():
    import simplemma  # imported when discovery first reads a word: check and extract never pay it

    return simplemma


def _lemmatize(word: str) -> str:
    """simplemma's lemma of a word, from its dictionary read in place (``low_memory``: about 4 MB
    instead of 25 MB as a dict; a lookup is slower, but each word is looked up once, see ``lemma``)."""
    return _simplemma().lemmatize(word, lang="fr", low_memory=True)


def _is_known(word: str) -> bool:
    """Whether simplemma's French dictionary holds a word (read in place, as ``_lemmatize``)."""
    return bool(_simplemma().is_known(word, lang="fr", low_memory=True))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of a lower-case word; a past participle is taken back to its verb when known."""
    found = _lemmatize(word)
    if not _is_known(word) and word.endswith("s") and _is_known(word[:-1]):
        found = _lemmatize(word[:-1])
    verb = found[:-1] + "er" if found.endswith("é") else found + "r" if found.endswith("i") else None
    if verb is not None and _is_known(verb):
        found = verb  # engagés -> engagé -> engager; investis -> investi -> investir
    return found.lower()


@lru_cache(maxsize=200_000)
def known(word: str) -> bool:
    """Whether the French dictionary knows a lower-case word (``santé`` yes, ``takeda`` no)."""
    return _is_known(word)


# surface -> (lemma, capitalised, acronym, content when not a name, known when capitalised): what
# a word says, looked up once per process for each way it is written
_SURFACES: dict[str, tuple[str, bool, bool, bool, bool]] = {}


def _surface(surface: str) -> tuple[str, bool, bool, bool, bool]:
    found = _SURFACES.get(surface)
    if found is None:
        lower = surface.lower()
        acronym = len(surface) >= 2 and _ACRONYM.fullmatch(surface) is not None
        capital = surface[0].isupper() and lower not in STOPWORDS
        word_lemma = lower if acronym else lemma(lower)
        content = len(lower) > 2 and word_lemma not in STOPWORDS and word_lemma not in QUANTITY_WORDS and not lower.isdigit()
        found = _SURFACES[surface] = (word_lemma, capital, acronym, content, capital and not acronym and known(lower))
    return found


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with their offsets in ``text``; an elided article or
    preposition is left out (``l’État`` is ``État``). ``start`` is taken as a sentence's start."""
    spans = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        low, high = match.span()
        if high - low == 1 and text[high:high + 1] in "'’ʼ":
            continue  # an elided article
        spans.append((low, high, match.group()))
    found: list[Word] = []
    last = len(spans) - 1
    surfaces = _SURFACES
    make = tuple.__new__  # a Word without the named tuple's Python-level constructor: many are made
    for position, (low, high, surface) in enumerate(spans):
        described = surfaces.get(surface) or _surface(surface)
        word_lemma, capital, acronym, content, is_known = described
        # a known word that starts the sentence is a name only if a capitalised word follows it
        # ("Hôpital Numérique Rural", "Mon Espace Santé")
        name = acronym or (capital and (position > 0 or not is_known or (position < last and spans[position + 1][2][0].isupper())))
        found.append(make(Word, (low, high, surface, word_lemma, name, name or content)))
    return found


def names(text: str, found: list[Word]) -> list[Name]:
    """The names among ``found`` (``words`` of ``text``): runs of name words, joined by the small
    words that stand inside names, with a year or version number that follows (``France 2030``)."""
    runs: list[Name] = []
    index = 0
    while index < len(found):
        if not found[index].name:
            index += 1
            continue
        first = last = index
        probe = index + 1
        while probe < len(found):
            word = found[probe]
            if word.name and word.start - found[probe - 1].end <= 2:
                last = probe
                probe += 1
            elif word.lemma in NAME_JOINERS and probe + 1 < len(found) and found[probe + 1].name:
                probe += 1
            else:
                break
        start, end = found[first].start, found[last].end
        number = _NAME_NUMBER.match(text, end)
        if number is not None:
            end = number.end()
        surface = text[start:end]
        runs.append(Name(start, end, " ".join(surface.lower().split()), " ".join(surface.split())))
        index = last + 1
    return runs


_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}_])\p{Lu}[\p{L}\p{N}_]*")


def capitalised(text: str) -> frozenset[str]:
    """Every word of a text written with a capital, lower case: a document's names as a set, for
    membership tests (is a name of one document ever mentioned in another?)."""
    return frozenset(sys.intern(word.lower()) for word in _CAPITALISED.findall(text))  # one string across documents


def mentioned(name_key: str, capitalised_words: frozenset[str]) -> bool:
    """Whether a name (its key) is written in a document whose ``capitalised`` words are given:
    each of its words other than the small ones inside names (``de``, ``la``) and numbers."""
    return all(part in capitalised_words for part in _name_parts(name_key))


@lru_cache(maxsize=100_000)
def _name_parts(name_key: str) -> tuple[str, ...]:
    return tuple(part for part in name_key.split() if part not in NAME_JOINERS and not part[:1].isdigit())


_MEASURE = regex.compile(rf"(?:{french.MEASURE_WORDS})", regex.IGNORECASE)
_MEASURES: dict[str, bool] = {}
_HASHES: dict[str, int] = {}


def is_measure(surface: str) -> bool:
    """Whether a word is one of french.MEASURE_WORDS (investis, dotée, budget...), as check shows them."""
    found = _MEASURES.get(surface)
    if found is None:
        found = _MEASURES[surface] = _MEASURE.fullmatch(surface) is not None
    return found


def word_hash(surface: str) -> int:
    """``stable_hash`` of a word in lower case, found once per way it is written."""
    found = _HASHES.get(surface)
    if found is None:
        found = _HASHES[surface] = stable_hash(surface.lower())
    return found


def stable_hash(word: str) -> int:
    """A hash of a word that is the same in every process (Python's own is not across workers)."""
    return zlib.crc32(word.encode("utf-8")) & 0x7FFFFFFF
