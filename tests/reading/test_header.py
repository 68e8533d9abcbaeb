"""The metadata a saved page carries at its top (issue 13, point 7): YAML front matter and a block
of ``Key: value`` lines give the document's Source and are never read as text with figures in it;
what is not such a header is text, as before."""

from __future__ import annotations

import codecs
import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.extraction.extractor import extract
from checker.reading.formats import to_document
from checker.running.pipeline import check
from checker.reading.dates import written_date
from cli.main import app

BODY = "Le plan prévoit 30 millions d’euros pour 3 000 patients.\n"


def _read(text: str, suffix: str = ".md"):
    return to_document(text.encode("utf-8"), f"page{suffix}", suffix)


def _figures(text: str, suffix: str = ".md") -> list[tuple[str, int, int]]:
    """(figure, line, column) of each figure read in a document of ``text``."""
    document = _read(text, suffix)
    return [(q.text, *document.position(q.start)) for q in extract(document.text)]


def _where_written(text: str, figures: list[str]) -> list[tuple[str, int, int]]:
    """(figure, line, column) of each of ``figures`` in ``text``, as a person counts in the file."""
    found = []
    for figure in figures:
        for number, line in enumerate(text.splitlines(), 1):
            if figure in line:
                found.append((figure, number, line.index(figure) + 1))
    return found


# --- front matter ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "field", "expected"),
    [
        ("title", '"Le plan : 30 M€ en 2024"', "title", "Le plan : 30 M€ en 2024"),
        ("Titre", "Le plan santé", "title", "Le plan santé"),
        ("source", "https://sante.gouv.fr/plan", "url", "https://sante.gouv.fr/plan"),
        ("source", "Le Quotidien du médecin", "publisher", "Le Quotidien du médecin"),
        ("url", "https://exemple.fr/a?b=1", "url", "https://exemple.fr/a?b=1"),
        ("link", "<https://exemple.fr/a>", "url", "https://exemple.fr/a"),
        ("publisher", "DREES", "publisher", "DREES"),
        ("site_name", "Exemple Santé", "publisher", "Exemple Santé"),
        ("published", "2024-03-12", "date", "2024-03-12"),
        ("date", "2024-03-12T23:30:00-05:00", "date", "2024-03-12"),
        ("date", "12/03/2024", "date", "2024-03-12"),
        ("date", "12 mars 2024", "date", "2024-03-12"),
        ("datePublished", '"March 12, 2024"', "date", "2024-03-12"),
        ("published", "2024", "date", "2024"),
        ("event_date", "2024-03-10", "event_date", "2024-03-10"),
        ("authority", "Official", "authority", "official"),
    ],
)
def test_a_front_matter_key_gives_its_field(key: str, value: str, field: str, expected: str) -> None:
    text = f"---\n{key}: {value}\n---\n{BODY}"
    document = _read(text)
    assert getattr(document.meta, field) == expected
    assert dict(document.meta.origin)[field] == "document"
    assert document.text == "   \n" + " " * len(f"{key}: {value}") + "\n   \n" + BODY
    assert _figures(text) == [("30 millions d’euros", 4, 17), ("3 000 patients", 4, 42)]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("author", "Jean Dupont, 45 ans"), ("tags", "[santé, 2030]"), ("created", "2025-01-02"),
        ("description", "Le plan prévoit 3 000 patients."), ("date", "2024-02-30"), ("date", "hier, vers 10 h"),
        ("authority", "tabloïd"), ("url", "exemple.fr/12"), ("Publié le", "12 mars 2024"),
    ],
)
def test_keys_that_give_no_field_and_values_that_say_nothing_usable_are_no_text_and_no_error(key: str, value: str) -> None:
    text = f"---\ntitle: Le plan\n{key}: {value}\n---\n{BODY}"
    document = _read(text)
    assert document.meta.title == "Le plan"
    assert document.meta.date in (None, "2024-03-12")  # only "Publié le" gives one
    assert document.meta.url is None and document.meta.authority is None
    assert _figures(text) == [("30 millions d’euros", 5, 17), ("3 000 patients", 5, 42)]


def test_a_clippers_front_matter_is_the_documents_metadata_and_no_figure_comes_from_it() -> None:
    text = (
        '---\ntitle: "Santé numérique : 650 M€ pour 2030"\nsource: "https://exemple.fr/sante-numerique"\n'
        'author:\n  - "[[Marie Curie]]"\npublished: 2024-03-12\ncreated: 2025-01-02\n'
        "description: Un bilan en 3 chiffres, 45 % de hausse.\ntags:\n  - clippings\n  - 2030\n---\n\n"
        "# Le bilan\n\nLa SASN est dotée de 718,4 millions d’euros.\n"
    )
    document = _read(text)
    assert (document.meta.title, document.meta.url, document.meta.date) == (
        "Santé numérique : 650 M€ pour 2030", "https://exemple.fr/sante-numerique", "2024-03-12",
    )
    assert _figures(text) == _where_written(text, ["718,4 millions d’euros"])


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: [pas fermé\n---\nLe plan prévoit 30 M€.\n",  # malformed YAML
        "---\ntitle: Le plan\nLe plan prévoit 30 M€.\n",  # never closed
        "---\n---\nLe plan prévoit 30 M€.\n",  # empty
        "---\nLe plan : 3 000 patients.\n---\nLe plan prévoit 30 M€.\n",  # a Markdown rule above text
        "---\n- title\n- 3 000 patients\n---\nLe plan prévoit 30 M€.\n",  # not a mapping
        "Introduction.\n---\ntitle: Le plan\n---\nLe plan prévoit 30 M€.\n",  # not at the top
        "---\ntitle: !!python/object:os.system echo\n---\nLe plan prévoit 30 M€.\n",  # no code from a document
    ],
)
def test_what_is_not_front_matter_is_text_as_before(text: str) -> None:
    document = _read(text)
    assert document.text == text
    assert document.meta.title is None


def test_front_matter_closed_by_three_dots_after_blank_lines_and_a_bom() -> None:
    data = codecs.BOM_UTF8 + "\n  \n---\ntitle: Le plan\n...\nLe plan prévoit 30 M€.\n".encode()
    document = to_document(data, "page.txt", ".txt")
    assert document.meta.title == "Le plan"
    assert [(q.text, *document.position(q.start)) for q in extract(document.text)] == [("30 M€", 6, 17)]


# --- a block of Key: value lines ---------------------------------------------------------------


def test_a_french_header_block() -> None:
    text = (
        "Titre : Le plan de 2024 pour 3 000 patients\nSource : https://sante.gouv.fr/plan\n"
        "Publié le : 12 mars 2024\nAuteur : Marie, 45 ans\nÉditeur\u00a0: Ministère de la Santé\n\n" + BODY
    )
    document = _read(text, ".txt")
    assert (document.meta.title, document.meta.url, document.meta.date, document.meta.publisher) == (
        "Le plan de 2024 pour 3 000 patients", "https://sante.gouv.fr/plan", "2024-03-12", "Ministère de la Santé",
    )
    assert _figures(text, ".txt") == [("30 millions d’euros", 7, 17), ("3 000 patients", 7, 42)]


def test_an_english_header_block_where_source_names_the_publisher() -> None:
    text = "TITLE: The plan\nURL: https://example.org/plan\nDate: March 12, 2024\nSource: DREES\n" + BODY
    document = _read(text, ".txt")
    assert (document.meta.title, document.meta.url, document.meta.date, document.meta.publisher) == (
        "The plan", "https://example.org/plan", "2024-03-12", "DREES",
    )
    assert _figures(text, ".txt") == [("30 millions d’euros", 5, 17), ("3 000 patients", 5, 42)]


@pytest.mark.parametrize(
    "text",
    [
        "Note : 3 000 patients ont été suivis en 2023.\nDate : 12 mars 2024\n" + BODY,  # Note is no key
        "Chiffres clés :\nTitre : 3 000 patients\n" + BODY,  # a heading ending with a colon
        "Source : DREES, 3 000 patients\n\n" + BODY,  # one key alone
        "Date : 12 mars 2024\nLe plan : 3 000 patients.\n" + BODY,  # then the article
        "Le plan.\n\nTitre : Le plan\nDate : 12 mars 2024\n" + BODY,  # not at the top
        "# Titre : Le plan\n## Date : 12 mars 2024\n" + BODY,  # Markdown headings
    ],
)
def test_an_articles_first_lines_are_not_a_header(text: str) -> None:
    document = _read(text, ".txt")
    assert document.text == text
    assert document.meta.title is None and document.meta.publisher is None


def test_a_header_date_in_the_text_gives_no_figure() -> None:
    text = "Date : 2024-03-12\nTags : 2030, 45 %\nURL : https://exemple.fr/2030\n\n" + BODY
    assert _figures(text, ".txt") == [("30 millions d’euros", 5, 17), ("3 000 patients", 5, 42)]
    assert _read(text, ".txt").meta.date == "2024-03-12"


def test_without_a_date_in_the_header_the_dateline_after_it_dates_the_document() -> None:
    text = "Titre : Le plan\nSource : DREES\n\nParis, le 12 mars 2024. " + BODY
    assert _read(text, ".txt").meta.date == "2024-03-12"


# --- the file as written: CRLF, BOM, positions, and what wins ----------------------------------


@pytest.mark.parametrize("header", ["---\ntitle: Le plan\ndate: 2024-03-12\n---\n", "Titre : Le plan\nDate : 12/03/2024\n\n"])
@pytest.mark.parametrize(("bom", "newline"), [(b"", "\n"), (codecs.BOM_UTF8, "\r\n"), (codecs.BOM_UTF16_LE, "\r\n")])
def test_crlf_and_bom_files_through_the_cli_point_at_the_files_lines_and_columns(tmp_path: Path, monkeypatch, header, bom, newline) -> None:
    monkeypatch.chdir(tmp_path)
    text = header + "Introduction.\n\n" + BODY
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-8"
    Path("page.md").write_bytes(bom + text.replace("\n", newline).encode(encoding))
    result = CliRunner().invoke(app, ["extract", "page.md", "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = [(row["text"], row["line"], row["column"]) for row in json.loads(result.stdout)["quantities"]]
    assert rows == _where_written(text, ["30 millions d’euros", "3 000 patients"])
    document = to_document(Path("page.md").read_bytes(), "page.md", ".md")
    assert (document.meta.title, document.meta.date) == ("Le plan", "2024-03-12")
    assert len(document.text) == len(text) and document.text.count("\n") == text.count("\n")


def test_sources_toml_wins_over_the_header_and_the_header_over_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Le plan\npublisher: Blog santé\ndate: 2024-03-12\nurl: https://exemple.fr/a\n---\n" + BODY, encoding="utf-8",
    )
    (tmp_path / "sources.toml").write_text('["a.md"]\npublisher = "Agence"\ndate = 2024-03-01\n', encoding="utf-8")
    (stats,) = check([tmp_path], []).documents
    meta = stats.meta
    assert (meta.title, meta.publisher, meta.date, meta.url) == ("Le plan", "Agence", "2024-03-01", "https://exemple.fr/a")
    assert dict(meta.origin) == {"title": "document", "publisher": "manifest", "url": "document", "date": "manifest"}


def test_a_document_that_is_only_a_header_is_empty(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Le plan à 30 M€\n---\n", encoding="utf-8")
    report = check([tmp_path], [])
    assert report.errors == () and [Path(s.path).name for s in report.skipped] == ["a.md"]


def test_html_is_read_by_its_own_metadata_as_before() -> None:
    page = b"<html><body><article><p>Titre : Le plan</p><p>Date : 12 mars 2024</p><p>Le plan prevoit 30 M\xe2\x82\xac pour le budget de la sant\xc3\xa9 num\xc3\xa9rique.</p></article></body></html>"
    document = to_document(page, "page.html", ".html")
    assert "Titre : Le plan" in document.text and document.meta.title != "Le plan"


# --- dates in any common form ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-12", "2024-03-12"), ("2024-03", "2024-03"), ("2024", "2024"), (2024, "2024"),
        (datetime.date(2024, 3, 12), "2024-03-12"), (datetime.datetime(2024, 3, 12, 23, 30), "2024-03-12"),
        ("2024-03-12T23:30:00-05:00", "2024-03-12"), ("2024-03-12T10:00:00Z", "2024-03-12"), ("2024-03-12 10:00", "2024-03-12"),
        ("12/03/2024", "2024-03-12"), ("12.03.24", "2024-03-12"), ("12-03-2024", "2024-03-12"), ("03/25/2024", "2024-03-25"),
        ("12 mars 2024", "2024-03-12"), ("mardi 1er mars 2024", "2024-03-01"), ("Publié le 12 févr. 2024 à 10 h", "2024-02-12"),
        ("March 12, 2024", "2024-03-12"), ("Tuesday, Mar 12th, 2024", "2024-03-12"), ("12 March 2024", "2024-03-12"),
        ("mars 2024", "2024-03"), ("  12\u00a0août\u00a02024 ", "2024-08-12"),
        ("2024-02-30", None), ("31/02/2024", None), ("30 février 2024", None), ("hier", None), ("", None), ("2024-13", None),
        (True, None), (12.5, None), (None, None), (["2024-03-12"], None), (12, None),
    ],
)
def test_written_dates_in_any_common_form(value: object, iso: str | None) -> None:
    assert written_date(value) == iso


def test_the_readme_lists_every_key_read_and_no_other() -> None:
    import re

    from checker.reading.header import KEYS, _normalised

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("| field | keys |", 1)[1].split("\n\n", 1)[0]
    listed: dict[str, set[str | None]] = {}
    for row in table.splitlines()[2:]:
        field, keys = row.strip("| ").split(" | ", 1)
        for key in re.findall(r"`([^`]+)`", keys):
            listed.setdefault(_normalised(key), set()).add(None if field.startswith("none") else field)
    assert set(listed) == set(KEYS)
    for key, field in KEYS.items():
        assert listed[key] == ({"url", "publisher"} if field == "source" else {field}), key


_PIECES = st.sampled_from([
    "---", "...", "\n", "\r\n", " ", "\u00a0", "\ufeff", ":", " : ", "title", "Titre", "Date", "Source", "url",
    "https://x.fr/1", "12 mars 2024", "2024-02-30", "[", "]", "{", "- ", "'", '"', "3 000 patients", "30 M€", "!!binary", "&a", "*a",
])


@given(st.lists(_PIECES | st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=4), max_size=40).map("".join))
def test_any_top_of_a_text_is_read_without_error_and_keeps_its_lines(top: str) -> None:
    from checker.reading.documents import decode

    data = (top + "\n" + BODY).encode("utf-8")
    document = to_document(data, "page.md", ".md")
    original, _ = decode(data, "page.md")
    assert len(document.text) == len(original)
    changed = [i for i, (read, written) in enumerate(zip(document.text, original)) if read != written]
    assert all(document.text[i] == " " and original[i] != "\n" for i in changed)
    assert document.text.endswith(BODY)
