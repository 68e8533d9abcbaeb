"""A rule for a candidate of discovery, in the words a user would keep.

Subject aliases are the names near the candidate's figures (``SASN``, ``Takeda``) and the noun
phrases their clauses share (``stratégie santé``), as the documents write them, never a word of a
publisher's name; each is kept only if it makes one more of the candidate's figures bind, in its
own document, to the rule (scope ``section``, widened to ``document`` when needed). The rule also
says what a user would otherwise have to find out:

- ``timeline``: the one the candidate was judged with, when not the default (``fixed`` for an
  endowment restated, ``accumulates`` for amounts stated so far);
- ``require`` with ``window``: the measure words of the figures (``investi\\w*``, ``dot[ée]\\w*``),
  within the few words around each figure where they stand;
- ``phrase_require``: a word of its own noun phrase that every figure has (``cofinancements``);
- a plausible range of half the smallest to twice the largest value, ``tolerance = 0.0``, and the
  claims' sentences as ``examples.match`` when each binds on its own.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable

import regex

from checker import french
from checker.binding.bind import bind, check_examples
from checker.discovery import words as fr
from checker.discovery.features import Figure, name_key, name_term
from checker.discovery.ranking import Candidate
from checker.reading.documents import Document
from checker.errors import RuleError
from checker.extraction.quantity import Quantity
from checker.binding.rules import parse_rules

MAX_ALIASES = 4
_MEASURE = regex.compile(rf"(?:{french.MEASURE_WORDS})", regex.IGNORECASE)
WINDOW = 8  # words either side of the figure where its measure word must stand

ORDER = (
    "id", "title", "kind", "unit", "currency", "nouns", "subject", "scope", "require", "window",
    "phrase_require", "timeline", "min", "max", "tolerance",
)

# A document re-read for the trial bindings: its text and figures, by source.
Reader = Callable[[str], tuple[Document, list[Quantity]]]


def suggest_rule(
    candidate: Candidate, read: Reader, taken: set[str], publishers: set[str], generic: frozenset[str] = frozenset(),
    terms_of: Callable[[Figure], tuple[str, ...]] = lambda figure: (),
) -> tuple[dict[str, object], list[str]]:
    """A rule table for ``candidate`` and notes for the user (what could not be made to bind).

    ``publishers``: the publishers' names, lower case (never an alias, nor a part of one);
    ``generic``: the terms of discovery that weigh nothing (found in most sources); ``terms_of``:
    a figure's subject terms (``Discovery.terms``)."""
    figures = [figure for figure in candidate.figures if figure.block == candidate.block]
    quantity = figures[0].quantity
    documents = {figure.source: read(figure.source) for figure in figures}
    base = _base(figures, candidate)
    wanted = {figure.place for figure in figures}
    aliases = _alias_choices(figures, candidate, publishers, generic, terms_of)
    chosen: list[str] = []
    table: dict[str, object] = {}
    for scope in ("section", "document"):
        chosen = []
        bound: set[tuple[str, int, int]] = set()
        for alias in aliases:
            if len(chosen) == MAX_ALIASES or bound >= wanted:
                break
            trial = _binds(dict(base, subject=chosen + [alias], scope=scope), documents) & wanted
            if len(trial) > len(bound):
                chosen.append(alias)
                bound = trial
        table = dict(base, subject=chosen or aliases[:1] or ["?"], scope=scope)
        if bound >= wanted:
            break
    table = _with_context(table, figures, documents, wanted)
    words = [_ascii(regex.sub(r"\\s\+", " ", alias)).lower() for alias in chosen[:3]] or ["sujet"]
    slug = regex.sub(r"[^a-z0-9]+", "-", "-".join(words + [quantity.kind])).strip("-")
    rule_id, number = slug, 2
    while rule_id in taken:
        rule_id, number = f"{slug}-{number}", number + 1
    taken.add(rule_id)
    shown = ", ".join(regex.sub(r"\\s\+", " ", alias).replace("\\", "") for alias in chosen[:3]) or "Sujet"
    table = dict(table, id=rule_id, title=f"{shown} ({quantity.kind}, {candidate.id} de recoupe discover)")
    notes, examples = _examples(table, figures)
    if examples:
        table["examples"] = {"match": examples}
    missing = wanted - _binds(table, documents)
    if missing:
        notes.append(f"{len(missing)} of the candidate's claims do not bind to this rule; add aliases")
    return table, notes


def _base(figures: list[Figure], candidate: Candidate) -> dict[str, object]:
    quantity = figures[0].quantity
    base: dict[str, object] = {"id": "trial", "title": "trial", "kind": quantity.kind}
    if quantity.kind == "money":
        base.update(unit="M€", currency=quantity.unit)
    elif quantity.kind == "count" and quantity.noun:
        base.update(unit=quantity.noun, nouns=[quantity.noun])
    else:
        base["unit"] = quantity.unit
    if candidate.timeline != "changes":
        base["timeline"] = candidate.timeline
    values = [abs(figure.quantity.value) for figure in figures]
    if min(values) > 0:
        base.update(min=min(values) / 2, max=max(values) * 2)
    base["tolerance"] = 0.0
    return base


def _alias_choices(figures: list[Figure], candidate: Candidate, publishers: set[str], generic: frozenset[str], terms_of) -> list[str]:
    """Names near two or more of the figures, then the pairs of words their clauses share (as
    written), then the other names, generic ones last; none from a publisher's name."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for figure in figures:
        for rank, name in enumerate(dict.fromkeys(figure.names)):
            counts[name] += 1
            first_seen.setdefault(name, rank)
    if candidate.kind == "attribution":
        for side in candidate.subjects:
            for name in side.split(", "):
                counts[name] += len(figures)
    names = [name for name in counts if not _publisher(name, publishers)]
    names.sort(key=lambda name: (name_term(name) in generic, -counts[name], first_seen.get(name, 99), name))
    shared_names = [name for name in names if counts[name] >= 2 and name_term(name) not in generic]
    # pairs of words (a noun and its complement: "stratégie santé"), shared, then each figure's;
    # single words only from a figure's own noun phrase ("cofinancements")
    pairs = tuple(term for term in candidate.shared if " " in term)
    phrases = _phrases(figures, pairs)
    for figure in figures:  # then each figure's own words, for the figures the others miss
        phrases += _phrases([figure], tuple(term for term in terms_of(figure) if " " in term and term not in generic)[:4] + figure.own)
    # a measure word (investis, dotée) says what is measured, not of what: never a subject alias
    phrases = [phrase for phrase in phrases if not _publisher(phrase, publishers) and not _MEASURE.fullmatch(phrase)]
    found = [_pattern(text) for text in shared_names + phrases + names]  # generic names last
    return list(dict.fromkeys(found))[:16]


def _phrases(figures: list[Figure], shared: tuple[str, ...]) -> list[str]:
    """Terms that are words (pairs first: ``stratégie santé``), as a figure's sentence writes them."""
    terms = [term for term in shared if not term.startswith("#")]
    terms.sort(key=lambda term: " " not in term)  # pairs of words first, the order kept otherwise
    phrases = []
    for term in terms:
        lemmas = term.split(" ")
        for figure in figures:
            content = [word for word in fr.words(figure.quote) if word.lemma not in fr.NAME_JOINERS]
            spans = [
                (content[at].start, content[at + len(lemmas) - 1].end) for at in range(len(content) - len(lemmas) + 1)
                if [word.lemma for word in content[at:at + len(lemmas)]] == lemmas
            ]
            if spans:
                phrases.append(figure.quote[spans[0][0]:spans[0][1]])
                break
    return phrases


def publisher_words(sources) -> set[str]:
    """Every publisher's name, lower case: no alias may be a part of one (``UpSanté``, ``Medtech``)."""
    return {" ".join(source.publisher.lower().split()) for source in sources if source is not None and source.publisher}


def _publisher(text: str, publishers: set[str]) -> bool:
    key = name_key(text)
    return any(key in publisher for publisher in publishers)


def _pattern(surface: str) -> str:
    return r"\s+".join(regex.escape(part, special_only=True) for part in surface.split())


def _with_context(table: dict[str, object], figures: list[Figure], documents, wanted) -> dict[str, object]:
    """``require`` of the figures' measure words within a window, and ``phrase_require`` of a word of
    their own noun phrases that they all have, each kept only if every figure still binds."""
    bound = _binds(table, documents) & wanted
    measures = sorted({_stem(figure.measure) for figure in figures if figure.measure})
    if measures and all(figure.measure for figure in figures):
        trial = dict(table, require=measures, window=WINDOW)
        if _binds(trial, documents) & wanted >= bound:
            table = trial
    common = set.intersection(*(set(figure.own) for figure in figures)) if figures else set()
    for word in sorted(common - fr.QUANTITY_WORDS):
        surface = _surface_of(word, figures[0])
        if surface:
            trial = dict(table, phrase_require=[_stem(surface)])
            if _binds(trial, documents) & wanted >= bound:
                table = trial
                break
    return table


def _surface_of(lemma: str, figure: Figure) -> str | None:
    for word in fr.words(figure.quote):
        if word.lemma == lemma and not word.name:
            return word.surface
    return None


def _stem(word: str) -> str:
    """A pattern for a word and its forms: its first letters, then any letters (``allou\\w*``)."""
    lower = word.lower()
    return regex.escape(lower[: max(4, min(6, len(lower) - 2))], special_only=True) + r"\w*"


def _binds(table: dict[str, object], documents) -> set[tuple[str, int, int]]:
    try:
        rule = parse_rules(render_rules([table]), "<suggested>")[0]
    except RuleError:
        return set()
    bound = set()
    for document, quantities in documents.values():
        claims, _ = bind(document, quantities, [rule])
        bound.update((claim.source, claim.line, claim.column) for claim in claims)
    return bound


def _examples(table: dict[str, object], figures: list[Figure]) -> tuple[list[str], list[str]]:
    notes: list[str] = []
    examples: list[str] = []
    for figure in figures:
        sentence = figure.quote
        if sentence in examples:
            continue
        trial = dict(table, examples={"match": [sentence]})
        try:
            check_examples(parse_rules(render_rules([trial]), "<suggested>")[0])
            examples.append(sentence)
        except RuleError:
            notes.append(f"example dropped (no alias in its sentence alone): {sentence[:70]}")
    return notes, examples


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _toml_string(text: str) -> str:
    if "'" not in text and "\n" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False)


def render_rules(tables: list[dict[str, object]], comments: list[list[str]] | None = None) -> str:
    """Rule tables as TOML, keys in a fixed order; ``comments`` above each table."""
    lines: list[str] = []
    for index, table in enumerate(tables):
        if lines:
            lines.append("")
        for comment in (comments[index] if comments else []):
            lines.append(f"# {comment}")
        lines.append("[[rule]]")
        for key in ORDER:
            if key not in table:
                continue
            value = table[key]
            if isinstance(value, list):
                lines.append(f"{key} = [{', '.join(_toml_string(str(v)) for v in value)}]")
            elif isinstance(value, str):
                lines.append(f"{key} = {_toml_string(value)}")
            elif isinstance(value, int) and not isinstance(value, bool):
                lines.append(f"{key} = {value}")
            else:
                lines.append(f"{key} = {float(value)!r}")
        examples = table.get("examples")
        if isinstance(examples, dict) and examples.get("match"):
            lines.append("examples.match = [")
            lines.extend(f"    {_toml_string(s)}," for s in examples["match"])
            lines.append("]")
    return "\n".join(lines) + "\n"
