"""Datelines: the date a document gives itself near its top, and the dates that are not one."""

from __future__ import annotations

import pytest

from checker.reading.dates import DATELINE_CHARS, dateline

READ = [
    # a date that starts a line
    ("Le 12 novembre, à la Cité internationale universitaire de Paris, l'écosystème s'est réuni.", "--11-12"),
    ("Les 28 janvier 2025, la Station F a accueilli les Grandes Tendances de la e-santé.", "2025-01-28"),
    ("Mardi 4 février 2025\nLa Haute Autorité de santé publie ses recommandations.", "2025-02-04"),
    ("12/11/2025\nCommuniqué de presse", "2025-11-12"),
    ("Communiqué de presse\n   Le 3 juin 2024, à Lyon, la région a présenté son plan.", "2024-06-03"),
    ("Communiqué\n\n2025-03-18\n\nLe ministère annonce un plan.", "2025-03-18"),
    # after a place
    ("Paris, le 1er mars 2024 – Le ministère de la Santé annonce un plan de 50 M€.", "2024-03-01"),
    ("LYON (AFP), le 3 juin 2024 - Les urgences ont enregistré 12 % de passages en plus.", "2024-06-03"),
    ("Saint-Denis, le 15 octobre 2024\nLa Haute Autorité de santé...", "2024-10-15"),
    # after a label, anywhere on its line
    ("Actualité\nPublié le 14 novembre 2025 à 10h32\nLe déploiement de Mon espace santé...", "2025-11-14"),
    ("Par Jeanne Martin · Mis à jour le 03/02/2025\nLe Ségur du numérique...", "2025-02-03"),
    ("Date de publication : 21.05.2024\nLes hôpitaux...", "2024-05-21"),
    ("Dernière mise à jour : 2 avril 2024", "2024-04-02"),
    # in the title line
    ("Journée Nationale de l’Innovation en Santé Numérique le 12/11/25 — Retour de notre consultante", "2025-11-12"),
    ("Conférence de presse du 9 décembre 2024 : bilan du Ségur numérique\n\nLe ministre...", "2024-12-09"),
]

NOT_READ = [
    # an event's date in running prose
    ("Mon espace santé, lancée le 3 mars 2020 par l'Assurance maladie, compte aujourd'hui 10 millions d'utilisateurs.", None),
    ("La plateforme compte 3 millions d'inscrits. Elle a été créée le 12 juin 2019 par un groupe d'internes.", None),
    ("Le dispositif a été généralisé à toute la France et l'arrêté publié le 2 février 2024 en fixe les modalités.", None),
    ("Le réseau, qui a ouvert ses portes le 5 septembre 2022, accueille 400 patients par jour.", None),
    # a title that dates an event
    ("Mon espace santé, lancé le 3 mars 2020 : où en est-on ?\n\nLe service compte 15 millions de profils.", None),
    ("Communiqué de presse.\nla ministre, le 3 juin 2024, a présenté son plan.", None),  # a place has a capital
    # a date within running prose, even near the top
    ("Le ministère a présenté sa feuille de route. Entre le 3 et le 5 mars 2024, 400 acteurs ont été consultés.", None),
    ("Titre de l'article.\nLa loi du 24 juillet 2019 relative à l'organisation du système de santé prévoit...", None),
    # no date, or none that exists
    ("Un texte sans date, avec 12 projets.", None),
    ("le 31/02/25 n'existe pas", None),
    ("Le 30 février, la caisse a versé 3 M€.", None),
]


@pytest.mark.parametrize(("text", "date"), READ + NOT_READ, ids=[text[:50] for text, _ in READ + NOT_READ])
def test_a_dateline_is_where_a_document_dates_itself(text: str, date: str | None) -> None:
    assert dateline(text) == date


def test_a_date_far_from_the_top_is_not_a_dateline() -> None:
    assert dateline("x" * DATELINE_CHARS + "\nLe 12 novembre 2025, à Paris") is None


def test_the_first_dateline_wins_over_a_later_one() -> None:
    text = "Publié le 14 novembre 2025\nMis à jour le 18 novembre 2025\nLe 12 novembre, la ministre a annoncé..."
    assert dateline(text) == "2025-11-14"


def test_an_event_date_before_the_dateline_does_not_hide_it() -> None:
    text = "La plateforme, lancée le 3 mars 2020, fête ses cinq ans.\nPublié le 3 mars 2025\nLe service compte..."
    assert dateline(text) == "2025-03-03"
