"""Sentences written with their figures in brackets, for the clause and period tests."""

from __future__ import annotations


def marked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its brackets, and the ``(start, end)`` spans the brackets held."""
    plain, figures, start = "", [], 0
    for char in text:
        if char == "[":
            start = len(plain)
        elif char == "]":
            figures.append((start, len(plain)))
        else:
            plain += char
    return plain, figures
