"""What a saved page says about itself at its top: YAML front matter, or a block of ``Key: value`` lines.

Web clippers, and people saving an article as text, write what they know of it first::

    ---                                     Titre : Le plan santé numérique
    title: "Le plan santé numérique"        Source : https://sante.gouv.fr/...
    source: https://sante.gouv.fr/...       Publié le : 12 mars 2024
    published: 2024-03-12T10:00:00+01:00
    tags: [santé, 2030]
    ---

``read_header`` finds such a block at the very top of a text (blank lines before it are allowed)
and returns where it ends and the metadata it gives; checker.reading.formats blanks it with spaces, so
that no figure is read in it and the rest of the text keeps its lines and columns.

- Front matter opens with a line ``---`` and closes with ``---`` or ``...`` within the first
  HEAD_CHARS characters. It is YAML read by PyYAML's safe loader (dates left as written, so that
  a date keeps its own time zone and an impossible one is one value ignored), and counts only as a
  mapping with at least one key of KEYS: malformed YAML, or a Markdown rule ``---`` above a
  paragraph, is text as before.
- A block of ``Key: value`` lines counts only with at least two lines in a row, each a key of KEYS
  with a value: an article's first line (``Note : 3 000 patients``, a heading ending with a colon)
  is text.

Keys are compared in any case, with or without accents, ``_`` and ``-`` read as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from checker.reading.dates import written_date
from checker.reading.sources import AUTHORITIES

# The keys recognised, normalised (see _normalised), to the field of checker.reading.sources.Source they
# give; None: a key that clippers write and that is kept out of the text, but gives no field.
# ``source`` is a URL or, when it is not one, the publisher's name. ``created`` is when a page was
# saved, not when it was published: it dates nothing.
KEYS: dict[str, str | None] = {
    "title": "title", "titre": "title",
    "url": "url", "link": "url", "lien": "url", "canonical": "url", "canonical url": "url", "permalink": "url",
    "source": "source",
    "publisher": "publisher", "editeur": "publisher", "site": "publisher", "site name": "publisher",
    "sitename": "publisher", "media": "publisher", "journal": "publisher",
    "date": "date", "published": "date", "published at": "date", "published on": "date", "date published": "date",
    "datepublished": "date", "publication date": "date", "pubdate": "date", "publie le": "date", "publie": "date",
    "date de publication": "date", "mis en ligne le": "date", "paru le": "date", "date de parution": "date",
    "event date": "event_date",
    "authority": "authority", "autorite": "authority",
    "author": None, "authors": None, "auteur": None, "auteurs": None,
    "tags": None, "keywords": None, "mots cles": None, "categories": None, "category": None, "categorie": None,
    "description": None, "summary": None, "resume": None, "excerpt": None, "chapeau": None,
    "created": None, "clipped": None, "saved": None, "updated": None, "modified": None, "mis a jour le": None,
    "lang": None, "language": None, "langue": None, "image": None, "cover": None, "aliases": None,
    "slug": None, "layout": None, "draft": None,
}
HEAD_CHARS = 65536  # a header is looked for in the first characters of a text only
MIN_HEADER_LINES = 2  # a block of Key: value lines shorter than this is an article's first line

_SPACES = " \t\u00a0\u202f"
_BLANK_TOP = re.compile(r"\ufeff?(?:[ \t\u00a0\u202f\ufeff]*\n)*")  # a BOM, blank lines: a header starts after them
_URL = re.compile(r"<?(https?://[^\s<>]+)>?", re.IGNORECASE)


@cache
def _key_value() -> re.Pattern[str]:
    """A ``Key: value`` line: a key of up to 40 characters starting with a letter, a value."""
    return re.compile(rf"(?P<key>[^\W\d_][^:\n]{{0,40}}?)[{_SPACES}]*:[{_SPACES}]*(?P<value>\S.*?)[{_SPACES}]*")


def _normalised(key: str) -> str:
    """``Publié_le`` -> ``publie le``: no case, no accents, ``_`` and ``-`` as spaces."""
    decomposed = unicodedata.normalize("NFKD", key.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("_", " ").replace("-", " ").replace("'", " ").replace("’", " ").split())


def read_header(text: str) -> tuple[int, dict[str, str]] | None:
    """``(end, fields)`` of the header at the top of ``text``: it spans ``text[:end]``; ``fields``
    are Source fields (title, publisher, url, date, event_date, authority). None: no header."""
    start = _BLANK_TOP.match(text, 0, HEAD_CHARS).end()  # type: ignore[union-attr]: it matches ""
    first = _line(text, start)
    if first is not None and first.rstrip(_SPACES) == "---":
        return _front_matter(text, start + len(first) + 1)
    return _key_value_block(text, start)


def blanked(text: str, end: int) -> str:
    """``text`` with its first ``end`` characters made spaces, every line break kept."""
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]


def _line(text: str, start: int) -> str | None:
    """The line that starts at ``start``, without its line break; None when it does not end
    within the first HEAD_CHARS characters (no header's) or ``start`` is the end of the text."""
    if start >= min(len(text), HEAD_CHARS):
        return None
    end = text.find("\n", start, HEAD_CHARS)
    if end == -1:
        if len(text) > HEAD_CHARS:
            return None
        end = len(text)
    return text[start:end]


def _front_matter(text: str, body: int) -> tuple[int, dict[str, str]] | None:
    """The front matter whose opening ``---`` line ends just before ``body``, if it closes."""
    at = body
    while (line := _line(text, at)) is not None:
        if line.rstrip(_SPACES) in ("---", "..."):
            data = _yaml(text[body:at])
            if not isinstance(data, dict):
                return None
            pairs = [(key, value) for key, value in data.items() if isinstance(key, str) and _normalised(key) in KEYS]
            return (at + len(line), _fields(pairs)) if pairs else None
        at += len(line) + 1
    return None


def _yaml(block: str) -> Any:
    """The YAML of a front matter block, or None when it is not YAML."""
    import yaml

    try:
        return yaml.load(block, Loader=_loader())  # noqa: S506 - a SafeLoader: plain values only
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None


@cache
def _loader() -> type:
    """PyYAML's SafeLoader, but dates left as strings: ``written_date`` reads them as written."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _key_value_block(text: str, start: int) -> tuple[int, dict[str, str]] | None:
    pairs: list[tuple[str, str]] = []
    at = end = start
    while (line := _line(text, at)) is not None:
        match = _key_value().fullmatch(line)
        if match is None or _normalised(match.group("key")) not in KEYS:
            break
        pairs.append((match.group("key"), match.group("value")))
        end = at + len(line)
        at = end + 1
    return (end, _fields(pairs)) if len(pairs) >= MIN_HEADER_LINES else None


def _fields(pairs: list[tuple[str, Any]]) -> dict[str, str]:
    """Source fields from (key, value) pairs: the first usable value of each field; ``url`` and
    ``publisher`` keys before what ``source`` gives; a value that says nothing usable is ignored."""
    found: dict[str, str] = {}
    from_source: dict[str, str] = {}
    for key, value in pairs:
        field = KEYS[_normalised(key)]
        if field in ("date", "event_date"):
            date = written_date(value)
            if date is not None:
                found.setdefault(field, date)
            continue
        if field is None or not isinstance(value, (str, int, float)) or isinstance(value, bool):
            continue
        words = " ".join(str(value).split())
        url = _URL.fullmatch(words)
        if field == "source":
            from_source.setdefault("url" if url else "publisher", url.group(1) if url else words)
        elif field == "url":
            if url:
                found.setdefault("url", url.group(1))
        elif field == "authority":
            if words.lower() in AUTHORITIES:
                found.setdefault("authority", words.lower())
        elif words:
            found.setdefault(field, words)
    for field, value in from_source.items():
        if value:
            found.setdefault(field, value)
    return found
