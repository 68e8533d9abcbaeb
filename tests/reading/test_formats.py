"""Input formats (HTML, PDF, text), skipped and empty files, and the sources.toml manifest."""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.reading.documents import Document
from checker.reading.corpus import discover_all, read_document
from checker.extraction.extractor import extract
from checker.reading.formats import format_of, sniff, to_document
from checker.running.pipeline import check
from checker.binding.loading import load_rules
from checker.reading.dates import dateline, normalise_date
from checker.reading.sources import ManifestError, load_manifest
from cli.main import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_7d23bb10be307744.txt"
RULES = ROOT / "rules"
FIGURE_KINDS = {"money", "count", "percent"}


def _figures(document: Document) -> Counter[tuple[str, float, str]]:
    return Counter((q.kind, round(q.value, 6), q.unit) for q in extract(document.text) if q.kind in FIGURE_KINDS)


def _seed_lines() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]


def _article_page() -> bytes:
    lines = _seed_lines()
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    page = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le bilan de la SASN en 3 chiffres</title>
<meta property="og:site_name" content="Exemple Santé">
<meta property="og:title" content="Le bilan de la SASN en 3 chiffres">
<meta property="article:published_time" content="2024-01-22">
<link rel="canonical" href="https://exemple-sante.fr/sasn-bilan">
</head><body>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/fonds">Le fonds de 999 millions d'euros</a></li>
<li><a href="/abonnes">Nos 4 242 abonnés</a></li></ul></nav></header>
<main><article>
<h1>Santé numérique : le point d’étape de la stratégie</h1>
{paragraphs}
</article></main>
<aside class="sidebar"><h2>À lire aussi</h2><ul>
<li><a href="/a">Hôpitaux : un plan de 999 millions d'euros pour la cybersécurité</a></li>
<li><a href="/b">Télésanté : 87 % des médecins convaincus, selon 3 333 répondants</a></li>
</ul></aside>
<footer><p>© 2024 Exemple Santé — 12 345 lecteurs par mois, 66 % de satisfaction, 777 millions d'euros de chiffre d'affaires.</p>
<p><a href="/mentions">Mentions légales</a> · <a href="/contact">Contact</a></p></footer>
</body></html>"""
    return page.encode("utf-8")


# --- choosing the format ---------------------------------------------------------------------


def test_the_format_is_chosen_by_suffix_then_by_content() -> None:
    assert format_of(b"<html><body>x</body></html>", ".txt") == "text"
    assert format_of(b"anything", ".HTML") == "html"
    assert format_of(b"%PDF-1.7", "") == "pdf"
    assert format_of(b"\xef\xbb\xbf  <!DOCTYPE html><html>", ".page") == "html"
    assert format_of(b"Dotee de 12 millions", "") == "text"
    assert sniff(b"\x89PNG\r\n\x1a\n") is None


# --- HTML ------------------------------------------------------------------------------------


def test_html_main_text_has_the_text_versions_figures_and_none_of_the_page_around(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_bytes(_article_page())
    page = read_document(path)
    text = read_document(SEED)
    assert page.format == "html" and page.source == str(path)
    assert _figures(page) == _figures(text)
    for outside in ("999", "4 242", "87 %", "3 333", "12 345", "66 %", "777", "Mentions légales"):
        assert outside not in page.text
    assert page.meta is not None
    assert page.meta.publisher == "Exemple Santé"
    assert page.meta.title == "Le bilan de la SASN en 3 chiffres"
    assert page.meta.url == "https://exemple-sante.fr/sasn-bilan"
    assert page.meta.date == "2024-01-22"


def test_an_html_claim_points_at_a_line_of_the_extracted_text_and_carries_the_pages_metadata(tmp_path: Path) -> None:
    (tmp_path / "article.htm").write_bytes(_article_page())
    report = check([tmp_path], load_rules(RULES).or_raise())
    assert report.errors == () and report.skipped == ()
    claims = [claim for finding in report.findings for claim in finding.claims]
    assert claims
    document = read_document(tmp_path / "article.htm")
    for claim in claims:
        assert claim.source == str(tmp_path / "article.htm")
        assert claim.quantity.text in document.lines[claim.line - 1]
        assert claim.page is None
        assert claim.source_meta is not None and claim.source_meta.publisher == "Exemple Santé"
        assert dict(claim.source_meta.origin)["publisher"] == "document"


def test_html_without_main_text_is_reported_as_empty(tmp_path: Path) -> None:
    (tmp_path / "vide.html").write_bytes(b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>")
    report = check([tmp_path], load_rules(RULES).or_raise())
    assert report.errors == ()
    assert [Path(s.path).name for s in report.skipped] == ["vide.html"]
    assert "empty" in report.skipped[0].reason


# --- PDF -------------------------------------------------------------------------------------


def _seed_pdf(path: Path) -> None:
    reportlab = pytest.importorskip("reportlab")
    del reportlab
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    style.spaceAfter = 8
    flowables = []
    for number, line in enumerate(_seed_lines()):
        flowables.append(Paragraph(html.escape(line), style))
        if number == 4:
            flowables.append(PageBreak())  # page 2 starts at the 6th paragraph, whatever the layout
    SimpleDocTemplate(str(path), pagesize=A5).build(flowables)


def test_pdf_pages_give_the_text_versions_figures_with_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "sasn.pdf"
    _seed_pdf(path)
    document = read_document(path)
    assert document.format == "pdf" and len(document.page_starts) >= 2
    assert _figures(document) == _figures(read_document(SEED))
    pages = {q.text: document.page_at(q.start) for q in extract(document.text)}
    assert pages["718,4 millions d’euros"] == 1
    assert pages["148 lauréats"] == 2  # 6th paragraph, after the page break
    assert max(pages.values()) == len(document.page_starts)


def test_a_pdf_claim_carries_its_page_in_the_json_report(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _seed_pdf(folder / "sasn.pdf")
    result = CliRunner().invoke(app, ["check", str(folder), "--rules", str(RULES), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "recoupe-report.schema.json").read_text(encoding="utf-8")))
    claims = [claim for finding in report["findings"] for claim in finding["claims"]]
    assert claims and all(isinstance(claim["page"], int) for claim in claims)
    assert report["documents"][0]["pages"] >= 2


def test_a_broken_pdf_is_one_document_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "cassé.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01 not really a PDF")
    from checker.errors import DocumentError

    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert "cassé.pdf" in str(raised.value) and "\n" not in str(raised.value)


# --- a folder of mixed files -------------------------------------------------------------------


def test_a_folder_with_an_image_an_empty_file_and_a_cp1252_text_is_checked_without_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    (folder / "vide.txt").write_bytes(b"")
    (folder / "ancien.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252"))
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(folder), "--rules", str(RULES), "--no-color"], env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0, result.output
    assert "photo.png" in result.stderr and "unsupported file type (.png)" in result.stderr
    assert "vide.txt" in result.stderr and "empty" in result.stderr
    assert "photo.png" not in result.stdout and result.stdout.rstrip().endswith("2 skipped")  # said on stderr, counted in the table
    assert "718,4 millions" in result.stdout
    as_json = json.loads(runner.invoke(app, ["check", str(folder), "--rules", str(RULES), "--format", "json"]).stdout)
    assert {Path(s["source"]).name for s in as_json["skipped"]} == {"photo.png", "vide.txt"}
    assert as_json["summary"]["skipped"] == 2 and as_json["errors"] == []
    assert [Path(d["source"]).name for d in as_json["documents"]] == ["ancien.txt"]
    markdown = runner.invoke(app, ["check", str(folder), "--rules", str(RULES), "--format", "markdown"]).stdout
    assert "### Skipped (warnings)" in markdown and "photo.png" in markdown
    assert as_json["documents"][0]["figures"] == sum(_figures(read_document(SEED)).values()) + sum(
        1 for q in extract(read_document(SEED).text) if q.kind not in FIGURE_KINDS
    )


def test_manifests_and_hidden_files_are_not_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("12 projets", encoding="utf-8")
    (tmp_path / "sources.toml").write_text('["a.txt"]\npublisher = "X"\n', encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_text("13 projets", encoding="utf-8")
    (tmp_path / "page").write_bytes(b"<!DOCTYPE html><html><body><p>x</p></body></html>")
    found, errors, skipped = discover_all([tmp_path])
    assert [p.name for p in found] == ["a.txt", "page"]
    assert errors == [] and skipped == []


# --- sources.toml and datelines ----------------------------------------------------------------


def test_the_seeds_manifest_is_valid_and_describes_every_seed() -> None:
    manifest = load_manifest(ROOT / "seeds" / "sources.toml")
    seeds = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(manifest) == seeds
    assert manifest["003_e1b8272edf995ba4.txt"].authority == "official"
    assert manifest["003_e1b8272edf995ba4.txt"].date == "2025-11-12"
    assert manifest["004_7d23bb10be307744.txt"].publisher is None
    assert manifest["004_7d23bb10be307744.txt"].event_date == "2024-01-18"


def test_the_manifest_wins_over_the_document_and_the_file_name_comes_last(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le 12 novembre 2025, 12 projets ont été financés par la SASN.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le 3 mars, la SASN a financé 12 projets.\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text('["a.txt"]\npublisher = "Agence"\nauthority = "official"\n', encoding="utf-8")
    report = check([tmp_path], [])
    metas = {Path(d.source).name: d.meta for d in report.documents}
    assert metas["a.txt"].publisher == "Agence" and metas["a.txt"].date == "2025-11-12"
    assert dict(metas["a.txt"].origin) == {"title": "file name", "publisher": "manifest", "date": "document", "authority": "manifest"}
    assert metas["b.txt"].title == "b" and metas["b.txt"].date == "--03-03" and metas["b.txt"].publisher is None


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ('["a.txt"]\ntitle = "T"\nauteur = "Moi"\n', 3, "unknown key 'auteur'"),
        ('# comment\n["a.txt"]\ndate = "12/11/2025"\n', 3, "key 'date': expected an ISO date"),
        ('["a.txt"]\nauthority = "tabloid"\n', 2, "key 'authority': expected one of"),
        ('["a.txt"]\nurl = "exemple.fr"\n', 2, "key 'url'"),
        ('["a.txt"]\ntitle = 3\n', 2, "key 'title': expected a non-empty string"),
        ('title = "not a table"\n', 1, "must be a table"),
        ('["a.txt"\ntitle = "x"\n', 1, "invalid TOML"),
    ],
)
def test_manifest_errors_name_the_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ManifestError) as raised:
        load_manifest(path)
    assert str(raised.value).startswith(f"{path}:{line}:")
    assert message in str(raised.value)


def test_a_bad_manifest_is_an_error_exit_2_and_the_documents_are_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "sources.toml").write_text('["a.txt"]\nauteur = "Moi"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--rules", str(RULES), "--no-color"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert f"{tmp_path / 'sources.toml'}:2:" in result.stderr
    assert "718,4 millions" in result.stdout


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Journée Nationale de l’Innovation en Santé Numérique le 12/11/25 — Retour", "2025-11-12"),
        ("\nLe 12 novembre, à la Cité Internationale Universitaire de Paris", "--11-12"),
        ("Paris, le 1er mars 2024 – communiqué", "2024-03-01"),
        ("Un texte sans date, avec 12 projets.", None),
        ("le 31/02/25 n'existe pas", None),
    ],
)
def test_a_dateline_near_the_top_gives_the_date(text: str, date: str | None) -> None:
    assert dateline(text) == date


def test_a_date_far_from_the_top_is_not_a_dateline() -> None:
    assert dateline("x" * 500 + " le 12 novembre 2025") is None


@pytest.mark.parametrize(("value", "iso"), [("2025", "2025"), ("2025-11", "2025-11"), ("2025-11-31", None), ("2025-13", None), ("hier", None)])
def test_manifest_dates_are_iso_of_any_precision(value: str, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_text_documents_are_read_as_before() -> None:
    document = to_document("Le plan prévoit 650 M€.\r\n".encode(), "x.txt", ".txt")
    assert document.text == "Le plan prévoit 650 M€.\n" and document.format == "text" and document.page_at(0) is None


def test_a_pdf_without_text_is_reported_as_empty(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    blank = canvas.Canvas(str(tmp_path / "scan.pdf"))
    blank.showPage()
    blank.save()
    report = check([tmp_path], [])
    assert report.errors == () and report.documents == ()
    assert [Path(s.path).name for s in report.skipped] == ["scan.pdf"] and "OCR" in report.skipped[0].reason
