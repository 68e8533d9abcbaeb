"""Discovery without rules: group the figures of all documents by what they are about, and rank
the groups worth a reader's attention (conflicts, double attributions, agreements).

Pure: returns data, never prints. The cost stays near linear in the number of figures:

1. blocking: a figure is only ever compared with figures of the same kind and unit family (the
   same currency for money, the same counted noun for counts);
2. inside a block, an inverted index keyword -> figures gives, for each figure, the figures that
   share at least one informative keyword of context; only those pairs are scored (keywords
   shared by more than ``POSTING_CAP`` figures of a block are too common to say anything and are
   not used to find pairs);
3. a pair's similarity is the cosine of TF-IDF vectors of the keywords around each figure: its
   sentence, its section heading, the sentences just before and after, and the other figures
   stated there. Computed in plain Python (a few hundred keywords per figure at most).
"""

from __future__ import annotations

import difflib
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from checker import french
from checker.bind import Claim, bind, _measure
from checker.compare import interval
from checker.documents import Document, Skipped, Span, discover_all, read_document
from checker.errors import DocumentError, RecoupeError
from checker.extractor import Quantity, extract
from checker.period import sentence_periods
from checker.rules import Rule
from checker.sources import Catalog

# Pairs at or above this context similarity are taken to speak of the same subject.
SAME_SUBJECT = 0.2
# A pair whose figures are each near a name the other's document never mentions (Takeda, Pfizer)
# is less likely one subject: its similarity is multiplied by this.
FOREIGN_NAME_PENALTY = 0.5
# Figures whose values differ by more than this factor are not one figure misstated: a group's
# values never spread wider.
MAX_RATIO = 3.0
# Same value, wording at least this similar, different names nearby: a double attribution.
SAME_WORDING = 0.5
COPIED = 0.95
# Keywords shared by more figures of a block than this do not propose pairs (still scored).
POSTING_CAP = 200
# Weight of each part of a figure's context.
WEIGHTS = {"sentence": 1.0, "heading": 0.7, "before": 0.5, "after": 0.4, "title": 0.3, "figure": 1.5}
# Names, word pairs and measure words say what a figure is about; other words, much less, and
# only in the figure's own sentence and heading.
TYPE_WEIGHTS = {"entity": 2.0, "bigram": 1.5, "measure": 1.5, "word": 0.5}
_MEASURE_WORD = regex.compile(rf"(?:{french.MEASURE_WORDS})", regex.IGNORECASE)

KINDS_SKIPPED = ("number",)  # a bare number: nothing says what it is

STOPWORDS = frozenset("""
a à afin ai aie ainsi alors après as au aucun aucune aujourd aupres auprès aussi autour autre autres aux avaient avais avait
avant avec avoir ayant bien c ça car ce ceci cela celle celles celui cent cependant ces cet cette ceux chacun chaque chez ci
comme comment d dans de dont des deux devant donc du elle elles en encore entre est et étaient était été être eu eux fait
faire font hors il ils j je jusqu l la laquelle le lequel les leur leurs lors lorsque lui m ma mais me même mes moi moins
mon n ne ni nos notre nous on ont ou où par parmi pas pendant peu peut plus pour pourquoi près puis qu quand que quel quelle
quelles quels qui quoi s sa sans se selon ser sera seront ses si sien soit son sont sous sur t ta te tes toi ton tous tout
toute toutes très tu un une unes uns vers via voici voilà vos votre vous y déjà ainsi dont leurs cet ces également notamment
ans an année années mois jours jour millions million milliards milliard mille euros euro total plus environ près
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante soixante cent
""".split())
_WORD = regex.compile(r"\p{L}[\p{L}\p{N}]*(?:[-]\p{L}[\p{L}\p{N}]*)*")
_ENTITY_NUMBER = regex.compile(r"\s+((?:19|20)\d\d|\d(?:\.\d)?)(?![\p{L}\p{N}])")
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\p{N}]+")
STEM = 6  # ordinary words are cut to this many letters: investis, investissement -> invest


@dataclass(frozen=True)
class Feature:
    key: str  # what is compared: a stem, "sasn", "france 2030", "#count:projet:350"
    surface: str  # as first written, for people and for rule aliases
    entity: bool = False  # a name: capitalised word, acronym, "France 2030"
    bigram: bool = False


@dataclass(frozen=True)
class Found:
    """One figure with its context, whether a rule covers it or not."""

    claim: Claim  # rule is "" when no rule covers it
    covered_by: str | None
    block: str
    features: dict[str, float] = field(compare=False, repr=False)
    surfaces: dict[str, Feature] = field(compare=False, repr=False)
    entities: tuple[str, ...] = ()  # names in the sentence, heading, sentences before, nearest first
    strong: tuple[str, ...] = ()  # names in the sentence or its heading
    wording: tuple[str, ...] = ()  # the sentence's words, figures masked
    index: int = 0

    @property
    def place(self) -> tuple[str, int, int]:
        return (self.claim.source, self.claim.line, self.claim.column)


@dataclass(frozen=True)
class Candidate:
    id: str  # C1, C2... in rank order
    kind: str  # conflict, attribution, agreement
    score: float
    block: str
    claims: tuple[Found, ...]
    shared: tuple[Feature, ...]  # most informative shared keywords, best first
    similarity: float
    gap: float  # relative gap between the farthest intervals (0 when they overlap)
    sources: int
    explanation: str
    subjects: tuple[str, ...] = ()  # for an attribution: the name on each side


@dataclass(frozen=True)
class Discovery:
    candidates: tuple[Candidate, ...]
    figures: int
    compared_pairs: int
    blocks: int
    covered: int
    documents: int
    errors: tuple[RecoupeError, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    idf: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    found: tuple[Found, ...] = field(default=(), compare=False, repr=False)
    by_source: dict[str, Document] = field(default_factory=dict, compare=False, repr=False)


# ---------------------------------------------------------------------------------------------
# Reading


def load(paths: list[Path]) -> tuple[list[tuple[Document, list[Quantity]]], list[RecoupeError], list[Skipped]]:
    """Documents under ``paths`` with their figures; unreadable ones in errors, as ``check`` does."""
    files, missing, skipped = discover_all(paths)
    errors: list[RecoupeError] = list(missing)
    catalog = Catalog()
    loaded: list[tuple[Document, list[Quantity]]] = []
    for path in files:
        try:
            document = read_document(path)
        except DocumentError as exc:
            errors.append(exc)
            continue
        if not document.text.strip():
            skipped.append(Skipped(document.source, "empty: no text"))
            continue
        document = replace(document, meta=catalog.source_of(path, document.meta))
        loaded.append((document, extract(document.text)))
    errors.extend(catalog.errors)
    return loaded, errors, skipped


# ---------------------------------------------------------------------------------------------
# Context keywords


def _block(quantity: Quantity) -> str | None:
    if quantity.kind in KINDS_SKIPPED:
        return None
    if quantity.kind == "count":
        return f"count:{quantity.noun or '?'}"
    return f"{quantity.kind}:{quantity.unit}"


def _figure_key(quantity: Quantity) -> str:
    return f"#{quantity.kind}:{quantity.noun or quantity.unit}:{quantity.value:g}"


_MID_CAPITAL = regex.compile(r"(?<=[\p{Ll}\p{N},;:(«\"“] ?)\p{Lu}[\p{L}\p{N}]+")


def _features(text: str, lowercase_vocabulary: set[str], mid_capitals: set[str] | None = None) -> tuple[list[Feature], list[str]]:
    """Keywords of a stretch of text, and the names in it (a capitalised word that is never
    written in lower case; at the start of a sentence, only if also seen capitalised inside one)."""
    features: list[Feature] = []
    first = True
    entities: list[str] = []
    previous: tuple[int, Feature] | None = None
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if len(word) < 2:
            previous = None
            continue
        acronym = _ACRONYM.fullmatch(word) is not None
        capital = word[0].isupper() and not acronym
        if lower in STOPWORDS and not acronym:
            previous = None
            continue
        name = acronym or (capital and lower not in lowercase_vocabulary and (not first or mid_capitals is None or word in mid_capitals))
        first = False
        end = match.end()
        if name:
            number = _ENTITY_NUMBER.match(text, end)
            surface = word + (" " + number.group(1) if number else "")
            feature = Feature(surface.lower(), surface, entity=True)
            entities.append(surface)
        else:
            if len(word) < 3:
                previous = None
                continue
            feature = Feature(lower[:STEM], word)
        features.append(feature)
        if previous is not None and match.start() - previous[0] <= 2 and not feature.entity and not previous[1].entity:
            features.append(Feature(f"{previous[1].key} {feature.key}", f"{previous[1].surface} {word}", bigram=True))
        previous = (end, feature)
    return features, entities


def _type_weight(feature: Feature, part: str) -> float:
    if feature.entity:
        return TYPE_WEIGHTS["entity"]
    if feature.bigram:
        return TYPE_WEIGHTS["bigram"]
    if _MEASURE_WORD.fullmatch(feature.surface):
        return TYPE_WEIGHTS["measure"] if part != "title" else 0.0
    return TYPE_WEIGHTS["word"] if part in ("sentence", "heading") else 0.0


def _wording(sentence: str, start: int, figures: list[Quantity]) -> tuple[str, ...]:
    """The sentence's words in order, each figure of it replaced by '#'."""
    for quantity in sorted(figures, key=lambda q: -q.start):
        sentence = sentence[: quantity.start - start] + " 0 " + sentence[quantity.end - start:]
    return tuple("#" if token == "0" else token.lower() for token in regex.findall(r"\p{L}+|0", sentence))


def _heading(document: Document, section: Span, sentence: Span) -> Span | None:
    first = document.paragraph_at(section.start)
    if first.start >= sentence.start or first.end - first.start > 140:
        return None
    return first


def _neighbours(document: Document, sentence: Span, section: Span) -> tuple[list[Span], list[Span]]:
    spans = document.sentences
    starts = [span.start for span in spans]
    import bisect

    index = max(bisect.bisect_right(starts, sentence.start) - 1, 0)
    before = [spans[i] for i in range(max(index - 2, 0), index) if spans[i].start >= section.start]
    after = [spans[i] for i in range(index + 1, min(index + 2, len(spans))) if spans[i].end <= section.end]
    return before, after


def _claim(document: Document, quantity: Quantity, rule: str, neighbours: list[Quantity]) -> Claim:
    """``neighbours``: the figures of the sentence, the quantity among them (they decide its period)."""
    sentence = document.sentence_at(quantity.number_start)
    raw = document.text[sentence.start:sentence.end]
    left = len(raw) - len(raw.lstrip())
    quote = raw.strip()
    line, column = document.position(quantity.start)
    offset = quantity.start - sentence.start - left
    shift = sentence.start + left
    figures = [other for other in neighbours if other is not quantity] + [quantity]
    spans = [(min(max(other.start - shift, 0), len(quote)), min(max(other.end - shift, 0), len(quote))) for other in figures]
    return Claim(
        rule=rule, source=document.source, line=line, column=column, quantity=quantity, quote=quote,
        quote_offset=offset, measure=_measure(document, quantity, sentence), evidence=(),
        page=document.page_at(quantity.start), source_meta=document.meta,
        period=sentence_periods(quote, spans, document.meta)[-1],
    )


def _collect(documents: list[tuple[Document, list[Quantity]]], rules: list[Rule] | None) -> list[Found]:
    vocabulary: set[str] = set()
    mid_capitals: set[str] = set()
    for document, _ in documents:
        for match in _WORD.finditer(document.text):
            word = match.group()
            if word.islower():
                vocabulary.add(word)
        mid_capitals.update(match.group() for match in _MID_CAPITAL.finditer(document.text))
    found: list[Found] = []
    for document, quantities in documents:
        covered: dict[int, str] = {}
        if rules:
            claims, _ = bind(document, quantities, rules)
            covered = {claim.quantity.start: claim.rule for claim in claims}
        by_sentence: dict[int, list[Quantity]] = defaultdict(list)
        for quantity in quantities:
            by_sentence[document.sentence_at(quantity.number_start).start].append(quantity)
        for quantity in quantities:
            block = _block(quantity)
            if block is None:
                continue
            sentence = document.sentence_at(quantity.number_start)
            section = document.section_at(quantity.number_start)
            heading = _heading(document, section, sentence)
            before, after = _neighbours(document, sentence, section)
            parts: list[tuple[str, Span]] = [("sentence", sentence)]
            parts += [("heading", heading)] if heading is not None else []
            parts += [("before", span) for span in before] + [("after", span) for span in after]
            weights: dict[str, float] = {}
            surfaces: dict[str, Feature] = {}
            entities: list[str] = []
            strong: list[str] = []
            title = document.paragraphs[0] if document.paragraphs else None
            if title is not None and title.end - title.start <= 200 and title.start < sentence.start and title != heading:
                parts.append(("title", title))
            for part, span in parts:
                text = document.text[span.start:span.end]
                if part == "sentence":
                    text = text[: quantity.start - span.start] + " " + text[quantity.end - span.start:]
                features, names = _features(text, vocabulary, mid_capitals)
                if part in ("sentence", "heading", "before"):
                    entities.extend(name.lower() for name in names if name.lower() not in entities)
                if part in ("sentence", "heading"):
                    strong.extend(name.lower() for name in names if name.lower() not in strong)
                for feature in features:
                    weight = WEIGHTS[part] * _type_weight(feature, part)
                    if weight and weights.get(feature.key, 0.0) < weight:
                        weights[feature.key] = weight
                    surfaces.setdefault(feature.key, feature)
                for other in by_sentence.get(span.start, []) if part != "title" else []:
                    if other is quantity or _block(other) is None:
                        continue
                    key = _figure_key(other)
                    weights[key] = max(weights.get(key, 0.0), WEIGHTS["figure"] * (1.0 if part == "sentence" else 0.6))
                    surfaces.setdefault(key, Feature(key, other.text))
            rule = covered.get(quantity.start)
            found.append(Found(
                claim=_claim(document, quantity, rule or "", by_sentence.get(sentence.start, [])), covered_by=rule, block=block, features=weights,
                surfaces=surfaces, entities=tuple(entities), strong=tuple(strong),
                wording=_wording(document.text[sentence.start:sentence.end], sentence.start, by_sentence.get(sentence.start, [])), index=len(found),
            ))
    return found


# ---------------------------------------------------------------------------------------------
# Similarity


def _vectors(found: list[Found]) -> tuple[list[dict[str, float]], list[float], dict[str, float]]:
    """TF-IDF vectors, the document frequency counted over sources (a figure's neighbours in
    one document share its context, which says nothing about subjects across documents)."""
    sources_of: dict[str, set[str]] = defaultdict(set)
    for item in found:
        for key in item.features:
            sources_of[key].add(item.claim.source)
    total = len({item.claim.source for item in found}) or 1
    df = {key: len(sources) for key, sources in sources_of.items()}
    minimum = 2 if total >= 2 else 1
    idf = {key: math.log(1 + total / count) for key, count in df.items()}
    vectors = []
    norms = []
    for item in found:
        # min_df = 2 sources: a keyword of one source only can never be shared across sources
        vector = {key: weight * idf[key] for key, weight in item.features.items() if df[key] >= minimum}
        vectors.append(vector)
        norms.append(math.sqrt(sum(value * value for value in vector.values())) or 1.0)
    return vectors, norms, idf


def _cosine(first: dict[str, float], second: dict[str, float], norm_first: float, norm_second: float) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second[key] for key, value in first.items() if key in second) / (norm_first * norm_second)


def _central(claim: Claim) -> float:
    return abs(claim.quantity.value)


def _ratio(first: Found, second: Found) -> float:
    a, b = _central(first.claim), _central(second.claim)
    if a == 0 or b == 0:
        return 1.0 if a == b else math.inf
    return max(a, b) / min(a, b)


def _disjoint(first: Found, second: Found) -> bool:
    low_a, high_a = interval(first.claim, 0.0)
    low_b, high_b = interval(second.claim, 0.0)
    return low_a > high_b or low_b > high_a


def _same_value(first: Found, second: Found) -> bool:
    a, b = first.claim.quantity, second.claim.quantity
    return a.kind == b.kind and a.unit == b.unit and a.value == b.value


def _distinct_names(first: Found, second: Found) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Names near each figure that the other's context does not contain (nearest first)."""
    only_first = tuple(name for name in first.entities if name not in second.features)
    only_second = tuple(name for name in second.entities if name not in first.features)
    if not only_first or not only_second:
        return None
    return only_first, only_second


def _foreign_name(item: Found, other_text: str) -> str | None:
    """A name in the figure's sentence or heading that the other document never mentions."""
    for name in item.strong:
        if name not in other_text:
            return name
    return None


def _wording_similarity(first: Found, second: Found) -> float:
    return difflib.SequenceMatcher(None, first.wording, second.wording, autojunk=False).ratio()


# ---------------------------------------------------------------------------------------------
# Discovery


def discover(documents: list[tuple[Document, list[Quantity]]], rules: list[Rule] | None = None) -> Discovery:
    """Group the figures of all documents by subject without rules; rank the groups."""
    found = _collect(documents, rules)
    vectors, norms, idf = _vectors(found)
    blocks: dict[str, list[int]] = defaultdict(list)
    for item in found:
        blocks[item.block].append(item.index)
    parent = list(range(len(found)))
    lowered = {document.source: document.text.lower() for document, _ in documents}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges: dict[tuple[int, int], float] = {}
    attributions: dict[tuple[str, int, str, int], list[tuple[int, int, float, tuple[tuple[str, ...], tuple[str, ...]]]]] = defaultdict(list)
    compared = 0
    for members in blocks.values():
        postings: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for key in found[i].features:
                postings[key].append(i)
        for i in members:
            neighbours: set[int] = set()
            for key in found[i].features:
                posting = postings[key]
                if len(posting) <= POSTING_CAP:
                    neighbours.update(j for j in posting if j > i)
            for j in sorted(neighbours):
                first, second = found[i], found[j]
                if first.claim.source == second.claim.source and first.claim.quote == second.claim.quote:
                    continue  # one sentence: a list or a range, not two statements
                compared += 1
                if _same_value(first, second):
                    wording = _wording_similarity(first, second)
                    # a sentence copied word for word is one statement quoted, not a second attribution
                    names = _distinct_names(first, second) if SAME_WORDING <= wording < COPIED else None
                    if names is not None:
                        key = (first.claim.source, _sentence_key(first), second.claim.source, _sentence_key(second))
                        attributions[key].append((i, j, wording, names))
                        continue
                similarity = _cosine(vectors[i], vectors[j], norms[i], norms[j])
                if _foreign_name(first, lowered[second.claim.source]) or _foreign_name(second, lowered[first.claim.source]):
                    similarity *= FOREIGN_NAME_PENALTY
                if similarity >= SAME_SUBJECT and _ratio(first, second) <= MAX_RATIO:
                    edges[(i, j)] = similarity
    # single link, most similar pairs first, never letting a group's values spread beyond MAX_RATIO
    span = {item.index: (_central(item.claim), _central(item.claim)) for item in found}
    for (i, j), _ in sorted(edges.items(), key=lambda edge: (-edge[1], edge[0])):
        a, b = root(i), root(j)
        if a == b:
            continue
        low, high = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
        if low > 0 and high / low > MAX_RATIO or low == 0 and high != 0:
            continue
        parent[a] = b
        span[b] = (low, high)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in found:
        groups[root(item.index)].append(item.index)
    candidates: list[Candidate] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        candidate = _group(found, sorted(members), edges, idf)
        if candidate is not None:
            candidates.append(candidate)
    for pairs in attributions.values():
        candidates.append(_attribution(found, pairs, idf))
    candidates.sort(key=lambda c: (-round(c.score, 9), c.kind, [f.place for f in c.claims]))
    candidates = [replace(c, id=f"C{rank}") for rank, c in enumerate(candidates, 1)]
    by_source = {document.source: document for document, _ in documents}
    return Discovery(
        tuple(candidates), len(found), compared, len(blocks), sum(1 for item in found if item.covered_by),
        len(documents), idf=idf, found=tuple(found), by_source=by_source,
    )


def _sentence_key(item: Found) -> int:
    return item.claim.line * 100000 + item.claim.column - item.claim.quote_offset


def _shared(found: list[Found], members: list[int], idf: dict[str, float]) -> tuple[Feature, ...]:
    """Keywords in the context of at least two of the figures, most informative first."""
    count: dict[str, int] = defaultdict(int)
    surfaces: dict[str, Feature] = {}
    for i in members:
        for key in found[i].features:
            count[key] += 1
            surfaces.setdefault(key, found[i].surfaces[key])
    keys = [key for key, n in count.items() if n >= 2 and not key.startswith("#")]
    keys.sort(key=lambda key: (-count[key] * idf.get(key, 0.0) * (1.5 if surfaces[key].entity or surfaces[key].bigram else 1.0), key))
    return tuple(surfaces[key] for key in keys)


def _sources_factor(sources: int) -> float:
    return 1.0 + 0.3 * (min(sources, 5) - 1)


def _describe_values(items: list[Found]) -> str:
    return " / ".join(f"'{item.claim.quantity.text}'" for item in items)


# A writer who states two incompatible values in one document means two different figures.
SELF_DISTINGUISHED_FACTOR = 0.4


def _group(found: list[Found], members: list[int], edges: dict[tuple[int, int], float], idf: dict[str, float]) -> Candidate | None:
    items = [found[i] for i in members]
    items.sort(key=lambda item: item.place)
    sources = len({item.claim.source for item in items})
    links = [sim for (i, j), sim in edges.items() if i in members and j in members]
    similarity = sum(links) / len(links) if links else 0.0
    shared = _shared(found, members, idf)
    words = ", ".join(feature.surface for feature in shared[:5]) or "none"
    gap = 0.0
    disagree = 0
    self_distinguished = 0  # one document states both values: its writer tells two figures apart
    scale = max(_central(item.claim) for item in items) or 1.0
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            if _disjoint(items[a], items[b]):
                disagree += 1
                self_distinguished += items[a].claim.source == items[b].claim.source
                low_a, high_a = interval(items[a].claim, 0.0)
                low_b, high_b = interval(items[b].claim, 0.0)
                gap = max(gap, max(low_a - high_b, low_b - high_a) / scale)
    if disagree:
        ratio = max(_central(item.claim) for item in items) / (min(_central(item.claim) for item in items) or 1.0)
        gap_factor = 1.0 if ratio <= 2 else 0.7
        own_factor = SELF_DISTINGUISHED_FACTOR if self_distinguished else 1.0
        score = similarity * _sources_factor(sources) * gap_factor * own_factor
        explanation = (
            f"same subject? context similarity {similarity:.2f} (shared: {words}); {sources} sources; "
            f"values {_describe_values(items)} disagree ({disagree} pairs, gap {gap:.0%})"
            + ("" if gap_factor == 1 else f"; values ×{ratio:.1f} apart, less likely one figure")
            + ("" if own_factor == 1 else "; one source states both values, so its writer sees two figures: ranked lower")
        )
        kind = "conflict"
    else:
        if sources < 2:
            return None
        score = 0.6 * similarity * _sources_factor(sources)
        explanation = f"context similarity {similarity:.2f} (shared: {words}); {sources} sources agree: {_describe_values(items)}"
        kind = "agreement"
    return Candidate("", kind, score, items[0].block, tuple(items), shared, similarity, gap, sources, explanation)


def _attribution(found: list[Found], pairs: list[tuple[int, int, float, tuple[tuple[str, ...], tuple[str, ...]]]], idf: dict[str, float]) -> Candidate:
    members = sorted({i for i, _, _, _ in pairs} | {j for _, j, _, _ in pairs})
    items = sorted((found[i] for i in members), key=lambda item: item.place)
    wording = max(w for _, _, w, _ in pairs)
    names = pairs[0][3]
    first, second = found[pairs[0][0]], found[pairs[0][1]]
    subject_a = ", ".join(first.surfaces[name].surface if name in first.surfaces else name for name in names[0][:4])
    subject_b = ", ".join(second.surfaces[name].surface if name in second.surfaces else name for name in names[1][:4])
    sources = len({item.claim.source for item in items})
    score = wording * (1.0 + 0.3 * (len(pairs) - 1))
    values = ", ".join(f"'{found[i].claim.quantity.text}'" for i, _, _, _ in pairs)
    explanation = (
        f"same value and wording (similarity {wording:.2f}: {values}) attributed to different subjects: "
        f"{subject_a} vs {subject_b}"
    )
    shared = _shared(found, members, idf)
    return Candidate("", "attribution", score, first.block, tuple(items), shared, wording, 0.0, sources, explanation, (subject_a, subject_b))


# ---------------------------------------------------------------------------------------------
# Rules from candidates


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _alias(feature: Feature) -> str:
    return r"\s+".join(regex.escape(part) for part in feature.surface.split())


def _toml_string(text: str) -> str:
    if "'" not in text and "\n" not in text:
        return f"'{text}'"
    import json

    return json.dumps(text, ensure_ascii=False)


def suggest_rule(discovery: Discovery, candidate: Candidate, taken: set[str]) -> tuple[dict[str, object], list[str]]:
    """A rule for a candidate: aliases from its most informative shared keywords, chosen so
    that every claim of the candidate binds to it in its own document; examples that bind."""
    from checker.bind import check_examples
    from checker.errors import RuleError
    from checker.rules import parse_rules

    items = [item for item in candidate.claims if item.block == candidate.block]
    quantity = items[0].claim.quantity
    features = [f for f in candidate.shared if f.entity or f.bigram] + [f for f in candidate.shared if not (f.entity or f.bigram)]
    if candidate.kind == "attribution":  # one rule per subject is the user's call: start from the names
        features = [Feature(name, name, entity=True) for side in candidate.subjects for name in side.split(", ")] + features
    values = [_central(item.claim) for item in items]
    base: dict[str, object] = {"id": "trial", "title": "trial", "kind": quantity.kind, "unit": quantity.unit if quantity.kind != "money" else "M€"}
    if quantity.kind == "money":
        base["currency"] = quantity.unit
    elif quantity.kind == "count" and quantity.noun:
        base["nouns"] = [quantity.noun]
        base["unit"] = quantity.noun
    if min(values) > 0:
        base["min"] = min(values) / 2
        base["max"] = max(values) * 2
    base["tolerance"] = 0.0

    def rule_text(table: dict[str, object]) -> str:
        return render_rules([table])

    def binds(table: dict[str, object]) -> set[tuple[str, int, int]]:
        try:
            rule = parse_rules(rule_text(table), "<suggested>")[0]
        except RuleError:
            return set()
        bound = set()
        for source in {item.claim.source for item in items}:
            document = discovery.by_source[source]
            quantities = [item.claim.quantity for item in discovery.found if item.claim.source == source]
            claims, _ = bind(document, quantities, [rule])
            bound.update((c.source, c.line, c.column) for c in claims)
        return bound

    wanted = {item.place for item in items}
    aliases: list[Feature] = []
    table: dict[str, object] = {}
    for scope in ("section", "document"):
        aliases = []
        for feature in features[:12]:
            if len(aliases) == 4:
                break
            trial = dict(base, subject=[_alias(f) for f in aliases + [feature]], scope=scope)
            before = binds(dict(base, subject=[_alias(f) for f in aliases], scope=scope)) & wanted if aliases else set()
            if len(binds(trial) & wanted) > len(before):
                aliases.append(feature)
            if binds(trial) >= wanted:
                break
        table = dict(base, subject=[_alias(f) for f in aliases] or [_alias(features[0])] if features else ["?"], scope=scope)
        if binds(table) >= wanted:
            break
    words = [_ascii(f.surface).lower() for f in aliases[:3]] or ["sujet"]
    slug = regex.sub(r"[^a-z0-9]+", "-", "-".join(words + [quantity.kind])).strip("-")
    rule_id, n = slug, 2
    while rule_id in taken:
        rule_id, n = f"{slug}-{n}", n + 1
    taken.add(rule_id)
    title = f"{', '.join(f.surface for f in aliases[:3]) or 'Sujet'} ({quantity.kind}, {candidate.id} de recoupe discover)"
    table = dict(table, id=rule_id, title=title)
    notes: list[str] = []
    examples: list[str] = []
    for item in items:
        sentence = item.claim.quote
        if sentence in examples:
            continue
        trial = dict(table, examples={"match": [sentence]})
        try:
            check_examples(parse_rules(rule_text(trial), "<suggested>")[0])
            examples.append(sentence)
        except RuleError:
            notes.append(f"example dropped (no alias in its sentence alone): {sentence[:70]}")
    if examples:
        table["examples"] = {"match": examples}
    missing = wanted - binds(table)
    if missing:
        notes.append(f"{len(missing)} of the candidate's claims do not bind to this rule; add aliases")
    return table, notes


def render_rules(tables: list[dict[str, object]], comments: list[list[str]] | None = None) -> str:
    lines: list[str] = []
    order = ("id", "title", "kind", "unit", "currency", "nouns", "subject", "scope", "min", "max", "tolerance")
    for index, table in enumerate(tables):
        if lines:
            lines.append("")
        for comment in (comments[index] if comments else []):
            lines.append(f"# {comment}")
        lines.append("[[rule]]")
        for key in order:
            if key not in table:
                continue
            value = table[key]
            if isinstance(value, list):
                lines.append(f"{key} = [{', '.join(_toml_string(str(v)) for v in value)}]")
            elif isinstance(value, str):
                lines.append(f"{key} = {_toml_string(value)}")
            else:
                lines.append(f"{key} = {float(value)!r}")
        examples = table.get("examples")
        if isinstance(examples, dict) and examples.get("match"):
            lines.append("examples.match = [")
            lines.extend(f"    {_toml_string(s)}," for s in examples["match"])
            lines.append("]")
    return "\n".join(lines) + "\n"
