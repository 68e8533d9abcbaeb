"""decode's test for binary files and blank(): the same answers as the searches they replaced."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.reading.documents import blank, decode
from checker.errors import DocumentError

# The class decode looked for in a file's first 8 KiB before it deleted the other bytes instead.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@pytest.mark.parametrize("byte", range(256))
def test_a_file_is_binary_when_its_head_has_a_control_byte(byte: int) -> None:
    data = "Le plan coûte 650 M€.\n".encode() + bytes([byte]) + b" fin"
    if _CONTROL.search(data):
        with pytest.raises(DocumentError, match="binary file"):
            decode(data, "x.txt")
    else:
        decode(data, "x.txt")


def test_only_the_head_is_looked_at() -> None:
    assert decode(b"a" * 8192 + b"\x00", "x.txt")[0].endswith("\x00")


@given(st.binary(max_size=64))
def test_the_binary_verdict_is_that_of_the_control_class(data: bytes) -> None:
    try:
        decode(data, "x.txt")
    except DocumentError as exc:
        assert "binary file" not in exc.message or _CONTROL.search(data)
    else:
        assert not _CONTROL.search(data) or data.startswith((b"\xff\xfe", b"\xfe\xff"))


@pytest.mark.parametrize("data", [b"a\r\nb\rc\n", b"a\nb\n", b"\r", b""])
def test_line_endings_are_unified(data: bytes) -> None:
    assert decode(data, "x.txt")[0] == data.decode().replace("\r\n", "\n").replace("\r", "\n")


@given(st.text())
def test_blank_is_nothing_left_by_strip(text: str) -> None:
    assert blank(text) == (not text.strip())
    assert blank(text + " \u00a0\u2028\x1c") == (not text.strip())
