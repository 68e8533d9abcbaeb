"""Clauses: the part of a sentence that holds each figure (checker.binding.clauses).

Each case is a sentence with its figures in brackets, and the clause expected for each figure.
The brackets are removed before the sentence is cut, so the offsets are those of the plain text.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.binding.clauses import CUTS, clause_bounds, split
from checker.extraction.extractor import extract

from tests.marked import marked


def clauses_of(text: str) -> list[str]:
    plain, figures = marked(text)
    return [plain[start:end] for start, end in clause_bounds(plain, figures)]


CASES = [
    # --- punctuation
    ("Le réseau compte [300 bornes] ; il en visait [450] l'an dernier.", ["Le réseau compte 300 bornes", "il en visait 450 l'an dernier"]),
    ("Bilan de l'année : [12 000 téléconsultations] par mois.", ["12 000 téléconsultations par mois"]),
    ("Le centre (ouvert avec [40 lits]) accueille [1 200 patients] par an.", ["ouvert avec 40 lits", "accueille 1 200 patients par an"]),
    ("L'agence – qui emploie [250 agents] – a traité [3 000 dossiers].", ["qui emploie 250 agents", "a traité 3 000 dossiers"]),
    ("Le rendez-vous de 22:49 a réuni [80 personnes].", ["Le rendez-vous de 22:49 a réuni 80 personnes"]),
    ("• [12 projets] financés → [3 M€] versés", ["12 projets financés", "3 M€ versés"]),
    # --- words that always start a new clause
    ("Un plan de [90 M€], dont [50 M€] de l'État.", ["Un plan de 90 M€", "dont 50 M€ de l'État"]),
    ("Les inscriptions progressent, mais [15 %] des comptes restent inactifs.", ["mais 15 % des comptes restent inactifs"]),
    ("[62 %] des médecins l'utilisent alors que [20 %] des infirmiers seulement y ont accès.", ["62 % des médecins l'utilisent", "alors que 20 % des infirmiers seulement y ont accès"]),
    ("[70 %] des officines sont équipées, tandis qu'[un tiers] des cabinets le sont.", ["70 % des officines sont équipées", "tandis qu'un tiers des cabinets le sont"]),
    ("Plus de [3 000 pharmacies] sont raccordées, avec un objectif de [8 000] d'ici 2028.", ["Plus de 3 000 pharmacies sont raccordées", "avec un objectif de 8 000 d'ici 2028"]),
    # a participial clause after a comma, a fronted whole ("Sur les X du plan, ...")
    ("Le plan finance [120 projets], portant le total à [420].", ["Le plan finance 120 projets", "portant le total à 420"]),
    ("L'hôpital emploie [1 200 agents], représentant [12 %] des effectifs.", ["L'hôpital emploie 1 200 agents", "représentant 12 % des effectifs"]),
    ("Le budget atteint [12 M€], avant [15 M€] en 2025.", ["Le budget atteint 12 M€, avant 15 M€ en 2025"] * 2),  # "avant" is no participle
    ("Sur les [90 M€] du plan, [50 M€] sont financés par l'État.", ["Sur les 90 M€ du plan", "50 M€ sont financés par l'État"]),
    ("Parmi les [120 projets] retenus, [45] viennent d'Occitanie.", ["Parmi les 120 projets retenus", "45 viennent d'Occitanie"]),
    ("[3 000 pharmacies] sont raccordées avec pour objectif [8 000] en 2028.", ["3 000 pharmacies sont raccordées", "avec pour objectif 8 000 en 2028"]),
    ("L'hôpital compte [500 lits] puis [650] après l'extension.", ["L'hôpital compte 500 lits", "puis 650 après l'extension"]),
    ("Les délais ont baissé de [10 %], bien que [30 %] des demandes restent en attente.", ["Les délais ont baissé de 10 %", "bien que 30 % des demandes restent en attente"]),
    # --- comparisons: cut just before the figure they introduce
    ("Le taux atteint [12 %] en 2023, contre [9 %] en 2019.", ["Le taux atteint 12 % en 2023", "contre 9 % en 2019"]),
    ("Le taux atteint [12 %] contre seulement [9 %] il y a deux ans.", ["Le taux atteint 12 %", "contre seulement 9 % il y a deux ans"]),
    ("[4 200 postes] sont vacants, après [3 900] l'an passé.", ["4 200 postes sont vacants", "après 3 900 l'an passé"]),
    ("Les dépenses atteignent [2 Md€], par rapport aux [1,6 Md€] de 2021.", ["Les dépenses atteignent 2 Md€", "par rapport aux 1,6 Md€ de 2021"]),
    # --- the à of de X à Y, and et / ou / ainsi que between two figures
    ("Le nombre d'utilisateurs est passé de [1,2 million] en 2018 à [6 millions] en 2021.", ["Le nombre d'utilisateurs est passé de 1,2 million en 2018", "à 6 millions en 2021"]),
    ("Il s'agit de passer de [40] à [120 maisons de santé].", ["Il s'agit de passer de 40", "à 120 maisons de santé"]),
    ("[40 %] des hôpitaux sont équipés et [25 %] l'utilisent au quotidien.", ["40 % des hôpitaux sont équipés", "et 25 % l'utilisent au quotidien"]),
    ("Un plan de [90 M€], dont [50 M€] de l'État et [40 M€] des régions.", ["Un plan de 90 M€", "dont 50 M€ de l'État", "et 40 M€ des régions"]),
    ("La région finance [20 projets] ainsi que [12 chaires] universitaires.", ["La région finance 20 projets", "ainsi que 12 chaires universitaires"]),
    ("Chaque dossier demande [3 jours] ou [5 jours] selon les cas.", ["Chaque dossier demande 3 jours", "ou 5 jours selon les cas"]),
    # --- a subordinate clause that opens the sentence ends at its first comma
    ("Alors que l'an dernier [300 bornes] avaient été posées, le réseau en installera [500].", ["Alors que l'an dernier 300 bornes avaient été posées", "le réseau en installera 500"]),
    ("Bien que le budget ait crû de [5 %], les hôpitaux comptent [3 000 postes] vacants.", ["Bien que le budget ait crû de 5 %", "les hôpitaux comptent 3 000 postes vacants"]),
    # --- where no cut falls
    ("Le plan de lutte contre le cancer est doté de [1,7 Md€].", ["Le plan de lutte contre le cancer est doté de 1,7 Md€"]),
    ("La mesure s'élève à [50 M€] et bénéficie aux hôpitaux.", ["La mesure s'élève à 50 M€ et bénéficie aux hôpitaux"]),
    ("Le fonds a versé [300 M€] entre 2020 et 2023 et soutenu [45 start-up].", ["Le fonds a versé 300 M€ entre 2020 et 2023", "et soutenu 45 start-up"]),
    ("[8 000 officines] raccordées à l'horizon 2030.", ["8 000 officines raccordées à l'horizon 2030"]),
    ("Les enfants [de 6 à 14 ans] sont concernés.", ["Les enfants de 6 à 14 ans sont concernés"]),
    ("Le budget passe à [2 Md€] pour [300 établissements].", ["Le budget passe à 2 Md€ pour 300 établissements"] * 2),
    ("Le projet, porté par l'AP-HP et l'Inserm, mobilise [35 chercheurs].", ["Le projet, porté par l'AP-HP et l'Inserm, mobilise 35 chercheurs"]),
    ("Entre 2020 et 2023, le parc est passé de [300] à [900 bornes].", ["Entre 2020 et 2023, le parc est passé de 300", "à 900 bornes"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:50] for case in CASES])
def test_each_figure_gets_the_clause_that_holds_it(text: str, expected: list[str]) -> None:
    assert clauses_of(text) == expected


def test_every_cut_of_the_table_has_a_case() -> None:
    used = set()
    for text, _ in CASES:
        plain, figures = marked(text)
        used.update(clause.opened_by for clause in split(plain, figures))
    assert {cut.name for cut in CUTS} - used <= {"même si", "car", "puisque", "parce que", "lorsque", "quand", "cependant", "toutefois", "néanmoins", "pourtant", "or", "versus", "comparé à", "face à"}


@pytest.mark.parametrize("text", [
    "[12 %] des patients, même si [40 %] l'ignorent.", "[5 sites] ouverts, car [2] ont fermé.", "Les ventes baissent, or [20 %] des stocks, lorsqu'[un tiers] manque.",
    "[300 lits] ouverts, toutefois [40] restent fermés.", "[8 %] en 2023, néanmoins [6 %] attendus.", "[12 %] d'abord, pourtant [15 %] visés.",
    "Le taux de [12 %], comparé aux [9 %] de 2019.", "[30 postes] créés, face aux [50] supprimés.", "[5 %] vs [7 %] l'an passé.",
    "[2 sites] fermés puisque [3] suffisent.", "[4 lits] en plus parce que [10] manquaient.", "[3 M€] versés, quand [5 M€] étaient promis.",
    "[9 %] cependant [11 %] prévus.",
])
def test_the_other_conjunctions_cut_too(text: str) -> None:
    assert len(set(clauses_of(text))) == len(marked(text)[1])


def test_split_names_the_cut_that_opens_each_clause() -> None:
    plain, figures = marked("Le taux atteint [12 %], contre [9 %] en 2019 ; il vise [15 %].")
    assert [(clause.opened_by, plain[clause.start:clause.end].strip(" ,")) for clause in split(plain, figures)] == [
        (None, "Le taux atteint 12 %"), ("contre", "contre 9 % en 2019"), (";", "il vise 15 %."),
    ]


def test_a_sentence_without_figures_is_one_clause_with_no_bounds() -> None:
    assert clause_bounds("Aucun chiffre ici ; ni là.", []) == []
    assert len(split("Aucun chiffre ici.", [])) == 1


def test_clauses_of_figures_found_by_the_extractor() -> None:
    sentence = "Fin 2024, 11 millions de patients avaient activé leur profil, contre 7,2 millions un an plus tôt."
    figures = [(q.start, q.end) for q in extract(sentence)]  # "un an" is a duration, a figure too
    assert [sentence[a:b] for a, b in clause_bounds(sentence, figures)] == [
        "Fin 2024, 11 millions de patients avaient activé leur profil", "contre 7,2 millions un an plus tôt", "contre 7,2 millions un an plus tôt",
    ]


_PIECES = st.sampled_from([
    " ", ",", ";", ":", "(", ")", " – ", " - ", "et", " et ", " à ", " contre ", " dont ", "mais", " ou ", "2023", "12", "%",
    "passé de", "lits", "é", "’", "\u00a0", "•", "alors qu'", "avec un objectif", ".", "\n",
])


@st.composite
def sentences_with_figures(draw) -> tuple[str, list[tuple[int, int]]]:
    sentence = "".join(draw(st.lists(_PIECES | st.text(max_size=4), max_size=30)))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(sentence)))
        spans.append((start, draw(st.integers(start, len(sentence)))))
    return sentence, spans


@given(sentences_with_figures())
def test_clause_bounds_always_cover_their_figure_and_never_raise(case: tuple[str, list[tuple[int, int]]]) -> None:
    sentence, figures = case
    bounds = clause_bounds(sentence, figures)
    assert len(bounds) == len(figures)
    for (start, end), (low, high) in zip(figures, bounds):
        assert 0 <= low <= start <= end <= high <= len(sentence)
    clauses = split(sentence, figures)
    assert clauses[0].start == 0 and clauses[-1].end == len(sentence)
    assert all(first.end <= second.start for first, second in zip(clauses, clauses[1:]))
