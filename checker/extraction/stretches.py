"""A long text cut into stretches that its scans take one at a time, to bound their memory.

Lower-casing a string in CPython holds, for a while, 12 bytes for each of its characters; lists
of every match of a pattern grow with the text. Scanned a stretch at a time, a 100 MB document
costs the memory of a stretch, not of the whole document. A stretch ends where no figure, date,
address or rule's subject goes on: after the end of a sentence (".", "!" or "?", then spaces,
then a capital letter) or after a blank line, the first such end once it is STRETCH_CHARS long.
A text shorter than that, as nearly every document is, is one stretch: it is scanned whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

STRETCH_CHARS = 1 << 20
_STRETCH_END = regex.compile(r"[.!?][ \t\r\n\u00a0\u202f]+(?=\p{Lu})|\n[ \t\r\u00a0]*\n\s*")


def stretches(text: str, length: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) pairs that cover ``text`` in order, each at least ``length`` characters
    (STRETCH_CHARS) long but the last; a text with no end of sentence left is one stretch."""
    length = length or STRETCH_CHARS
    start = 0
    while len(text) - start > length:
        cut = _STRETCH_END.search(text, start + length)
        if cut is None:
            break
        yield start, cut.end()
        start = cut.end()
    yield start, len(text)
