"""Reading documents: encodings, line endings, positions, binary files, folder discovery."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from checker import extract, read_document
from checker.reading.documents import Document, decode
from checker.reading.corpus import discover
from checker.errors import DocumentError

SENTENCE = "Dotée de 718,4 millions d'euros, la stratégie finance ~350 projets."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("cp1252"), "cp1252"),
        (SENTENCE.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16-bom"],
)
def test_decodes_the_encodings_french_files_come_in(data: bytes, encoding: str) -> None:
    text, found = decode(data, "a.txt")
    assert text == SENTENCE
    assert found == encoding


def test_cp1252_keeps_typographic_characters() -> None:
    original = "L’État verse 3\u00a0500 € – « environ » – soit 20 % de plus."
    text, encoding = decode(original.encode("cp1252"), "a.txt")
    assert (text, encoding) == (original, "cp1252")
    assert [q.text for q in extract(text)] == ["3\u00a0500 €", "20 %"]


def test_figures_of_a_cp1252_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "ancien.txt"
    path.write_bytes("Dotée de 718,4 millions d'euros".encode("cp1252"))
    document = read_document(path)
    (quantity,) = extract(document.text)
    assert quantity.value == pytest.approx(718.4e6)
    assert document.encoding == "cp1252"


def test_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(codecs.BOM_UTF8 + "650 M€".encode("utf-8"))
    document = read_document(path)
    assert document.text == "650 M€"
    assert extract(document.text)[0].start == 0
    assert document.position(0) == (1, 1)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_and_column_are_those_of_the_original_file(tmp_path: Path, newline: str) -> None:
    lines = ["Titre", "", "Le plan prévoit 650 M€.", "  Il finance 12 projets."]
    path = tmp_path / "doc.txt"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    document = read_document(path)
    assert "\r" not in document.text
    positions = [(document.position(q.start), q.text) for q in extract(document.text)]
    assert positions == [((3, 17), "650 M€"), ((4, 14), "12 projets")]


def test_position_at_line_starts_and_end() -> None:
    document = Document.from_text("ab\ncd\n")
    assert document.position(0) == (1, 1)
    assert document.position(2) == (1, 3)
    assert document.position(3) == (2, 1)
    assert document.position(6) == (3, 1)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n\x00\x01\x02", bytes(range(256)), b"texte\x00avec un nul"],
    ids=["png", "pdf", "all-bytes", "nul"],
)
def test_a_binary_file_is_a_document_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert "image.txt" in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_missing_or_folder_path_is_a_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="absent.txt"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        read_document(tmp_path)


def test_an_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    document = read_document(path)
    assert document.text == ""
    assert extract(document.text) == []


def test_discover_walks_folders_for_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    for name in ("a/un.txt", "a/b/deux.md", "a/b/trois.MD", "a/image.png", "a/notes.docx", "z é.txt"):
        (tmp_path / name).write_text("12 projets", encoding="utf-8")
    found, errors = discover([tmp_path])
    assert errors == []
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found) == ["a/b/deux.md", "a/b/trois.MD", "a/un.txt", "z é.txt"]


def test_discover_takes_a_named_file_whatever_its_suffix_and_reports_missing_ones(tmp_path: Path) -> None:
    named = tmp_path / "article.html"
    named.write_text("12 projets", encoding="utf-8")
    found, errors = discover([named, tmp_path / "absent.txt"])
    assert found == [named]
    assert len(errors) == 1 and "absent.txt" in str(errors[0])


def test_sentences_end_at_final_punctuation_before_a_capital_a_quote_or_a_digit() -> None:
    text = "Le budget atteint 650 M€. « La SASN avance », dit-il ! 32 actions sont prévues… vers 2030.\nFin"
    document = Document.from_text(text)
    sentences = [text[span.start:span.end] for span in document.sentences]
    assert sentences == [
        "Le budget atteint 650 M€.",
        "« La SASN avance », dit-il !",
        "32 actions sont prévues… vers 2030.",
        "Fin",
    ]


def test_paragraphs_are_the_non_blank_lines() -> None:
    text = "Santé numérique\n\n   \nLa SASN dispose de 718,4 M€.\nElle compte 32 actions."
    document = Document.from_text(text)
    paragraphs = [text[span.start:span.end] for span in document.paragraphs]
    assert paragraphs == ["Santé numérique", "La SASN dispose de 718,4 M€.", "Elle compte 32 actions."]
    assert document.paragraph_at(text.index("718")).start == text.index("La SASN")


def test_a_line_of_prose_wrapped_before_a_lower_case_word_goes_on():
    text = "Le réseau des hôpitaux\nont reçu 12 M€ en 2024.\nBilan 2024\n12 projets financés.\nLa liste :\n- 3 lits\n- 4 postes"
    document = Document.from_text(text)
    expected = ["Le réseau des hôpitaux\nont reçu 12 M€ en 2024.", "Bilan 2024", "12 projets financés.", "La liste :", "- 3 lits", "- 4 postes"]
    assert [text[span.start:span.end] for span in document.sentences] == expected
    # a sentence never runs over two paragraphs: the wrapped lines are one paragraph too
    assert [text[span.start:span.end] for span in document.paragraphs] == expected
    # a line that ends a sentence, or a next line with a capital, a digit or a bullet: a new one
    other = Document.from_text("Le plan finance 12 projets.\nles autres attendent.\nLe budget\nÉtat : 3 M€")
    assert len(other.sentences) == 4
