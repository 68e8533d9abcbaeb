"""The period of each figure of a sentence (checker.binding.period.sentence_periods).

Each case is a sentence with its figures in brackets and, for each figure, the period expected:
its ``when`` and, after it, ``source`` / ``unknown`` (where it came from, ``text`` when not said),
``target``, ``since=…``. Unless a case says otherwise the source was published on 12 November
2025 (``date``), the day of the event it reports.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.binding.period import Period, same_period, sentence_periods
from checker.binding.period_phrases import FORMS, phrases_of
from checker.reading.sources import Source

from tests.marked import marked

PUBLISHED = Source(date="2025-11-12")


def expected_of(spec: str) -> dict[str, object]:
    """``"2025-11-12 source"``, ``"2028 target"``, ``"2025-11-12 since=2021"``, ``"None unknown"``."""
    when, *words = spec.split()
    expected: dict[str, object] = {"when": None if when == "None" else when, "origin": "text", "target": False, "since": None}
    for word in words:
        if word in ("source", "unknown", "compared"):
            expected["origin"] = word
        elif word == "target":
            expected["target"] = True
        elif word.startswith("since="):
            expected["since"] = word.removeprefix("since=")
    return expected


def periods_of(text: str, meta: Source | None = PUBLISHED) -> list[Period]:
    plain, figures = marked(text)
    return sentence_periods(plain, figures, meta)


def seen(period: Period) -> dict[str, object]:
    return {"when": period.when, "origin": period.origin, "target": period.target, "since": period.since}


# (sentence, the period of each figure, the source when not PUBLISHED)
CASES: list[tuple[str, list[str]] | tuple[str, list[str], Source | None]] = [
    # --- a year
    ("L'Assurance maladie a remboursé [12 millions] de téléconsultations en 2023.", ["2023"]),
    ("Au cours de 2022, la plateforme a reçu [450 000] demandes.", ["2022"]),
    ("Le budget de l'agence pour 2024 s'élève à [140 M€].", ["2024"]),
    ("L'année 2021 a vu [3 200] établissements rejoindre le dispositif.", ["2021"]),
    ("Dès 2024, [15 régions] appliquent la mesure.", ["2024"]),
    ("Au titre de l'exercice 2022, l'ARS a versé [18 M€].", ["2022"]),
    ("Le plan France 2030 consacre [7,5 milliards d'euros] à la santé.", ["2025-11-12 source"]),
    ("Le PLFSS 2024 prévoit [3,5 milliards d'euros] pour l'hôpital.", ["2024"]),  # the bill of 2024: its year names the figure's period (France 2030 is a name)
    ("La dépense atteint [2023 euros] par patient.", ["2025-11-12 source"]),
    ("La pandémie de COVID-19 a entraîné [40 %] de consultations en moins.", ["2025-11-12 source"]),
    # --- a month and its year
    ("En mars 2024, [2,1 millions] d'ordonnances ont été dématérialisées.", ["2024-03"]),
    ("Les chiffres de septembre 2023 font état de [8 %] d'erreurs.", ["2023-09"]),
    ("Le service comptait [640 000] comptes en juin 2022.", ["2022-06"]),
    # --- a day
    ("Au 31 décembre 2023, [11 500] officines étaient raccordées au DMP.", ["2023-12-31"]),
    ("Au 31/12/2023, le registre recensait [9 800] médecins.", ["2023-12-31"]),
    ("Le 1er janvier 2024, [52 hôpitaux] avaient migré.", ["2024-01-01"]),
    ("Le mardi 4 février 2025, la caisse a versé [12 M€].", ["2025-02-04"]),
    ("Le 31 février 2024, [3 dossiers] ont été ouverts.", ["2025-11-12 source"]),  # no such day
    # --- the edge of a month or a year
    ("Fin mai 2024, [4 000 officines] utilisaient l'ordonnance numérique.", ["2024-05"]),
    ("Début mars 2025, le réseau comptait [310 sites].", ["2025-03"]),
    ("Le réseau comptait [300 bornes] fin 2023 et [450] début 2024, avant [600] mi-2024.", ["2023-12", "2024-01", "2024-06"]),
    ("À la fin de 2022, [28 %] des Français avaient ouvert leur profil.", ["2022-12"]),
    # --- a season, the start of a school year, the first months of a year: their year
    ("À la rentrée 2024, [5 000 étudiants] en santé ont suivi le module.", ["2024"]),
    ("Au printemps 2023, la campagne a touché [1,2 million] de personnes.", ["2023"]),
    ("Sur les [neuf premiers mois] de 2024, [2,3 millions] de consultations ont été réalisées.", ["2025-11-12 source", "2024"]),
    # --- a month without its year: the latest such month not after the source's date
    ("En janvier, [300 bornes] ont été installées.", ["2025-01"]),
    ("En décembre, [12 000] rendez-vous ont été pris en ligne.", ["2024-12"]),
    ("En janvier, [300 bornes] ont été installées.", ["2025 source"], Source(date="2025")),  # which January: not known
    ("En janvier, [300 bornes] ont été installées.", ["None unknown"], None),
    ("Le 12 novembre, la ministre a annoncé [550 millions d'euros].", ["2025-11-12"]),
    ("Le réseau devrait atteindre [1 000 bornes] en janvier prochain.", ["2026-01 target"]),
    # --- years counted from the source's
    ("L'an dernier, [300 bornes] ont été posées.", ["2024"]),
    ("L'année dernière, la plateforme a traité [1,8 million] de demandes.", ["2024"]),
    ("Cette année, [120 nouveaux projets] ont été retenus.", ["2025"]),
    ("L'année prochaine, [500 bornes] s'ajouteront au réseau.", ["2026 target"]),
    ("Il y a deux ans, le réseau ne comptait que [80 bornes].", ["2023"]),
    ("Le taux de vacance s'établissait à [12 %] en début d'année.", ["2025"]),
    ("Cette année, [120 projets] ont été retenus.", ["None unknown"], None),
    ("Cette année, [120 projets] ont été retenus.", ["2024"], Source(event_date="2024-01-18")),
    # --- running totals and spans up to the source's date
    ("Depuis 2021, [40 000 soignants] ont été formés au numérique.", ["2025-11-12 since=2021"]),
    ("Depuis janvier 2022, [68 millions] de profils ont été créés.", ["2025-11-12 since=2022-01"]),
    ("Depuis son lancement, la plateforme a accueilli [3 millions] de patients.", ["2025-11-12"]),
    ("[Plus de 25 000 professionnels] ont été formés depuis le lancement du programme en 2021.", ["2025-11-12 since=2021"]),
    ("Depuis janvier, [2 000 dossiers] ont été traités.", ["2025-11-12 since=2025-01"]),
    ("Depuis le début de l'année, [2 000 dossiers] ont été traités.", ["2025-11-12 since=2025"]),
    ("Le nombre de téléconsultations a doublé en [deux ans], à [12 millions].", ["2025-11-12 source", "2025-11-12 since=2023-11"]),
    ("Le délai moyen a baissé de [30 %] en [18 mois].", ["2025-11-12 since=2024-05", "2025-11-12 source"]),
    ("Au cours des [trois dernières années], [150 centres] ont ouvert.", ["2025-11-12 source", "2025-11-12 since=2022-11"]),
    ("Depuis 2021, [40 000 soignants] ont été formés.", ["None unknown since=2021"], None),
    # --- objectives
    ("La caisse vise [8 000 officines] raccordées d'ici 2027.", ["2027 target"]),
    ("[500 maisons de santé] supplémentaires à l'horizon 2030.", ["2030 target"]),
    ("L'objectif est de [500 maisons de santé] pour 2030.", ["2030 target"]),
    ("D'ici la fin de l'année, [2 000] infirmiers en pratique avancée seront diplômés.", ["2025 target"]),
    ("Le ministère promet [600 centres] d'ici l'an prochain.", ["2026 target"]),
    ("La France comptera [54 000 médecins] en 2027.", ["2027 target"]),  # after the source's date
    ("Le réseau installera [300 bornes] avant 2027.", ["2027 target"]),
    ("Le réseau avait installé [300 bornes] avant 2020.", ["2025-11-12 source"]),  # a past limit is no period
    ("La France comptait [54 000 médecins] en 2024.", ["2024"]),
    # --- half-years and quarters: their year (ISO 8601 has neither)
    ("Au premier semestre 2024, [12 M€] ont été versés.", ["2024"]),
    ("Au troisième trimestre 2023, le taux de vacance atteignait [7 %].", ["2023"]),
    ("Au T2 2024, le chiffre d'affaires atteint [12 M€].", ["2024"]),
    ("Le versement trimestriel s'élève à [3 M€].", ["2025-11-12 source"]),
    # --- an event's date dates no figure about the present
    ("Mon espace santé, lancée le 3 mars 2020, compte [10 millions] d'utilisateurs.", ["2025-11-12 source"]),
    ("Créée en 2019, l'agence emploie [300 personnes].", ["2025-11-12 source"]),
    ("La start-up, fondée en 2016, revendique [2 millions] de patients suivis.", ["2025-11-12 source"]),
    ("L'hôpital, inauguré en 2019 avec [400 lits], en compte aujourd'hui [650].", ["2025-11-12 source", "2025-11-12 source"]),
    ("La loi, adoptée en juillet 2019, concerne [1 200] établissements.", ["2025-11-12 source"]),
    ("Selon la feuille de route publiée en 2023, [80 %] des logiciels sont référencés.", ["2025-11-12 source"]),
    ("Annoncée le 12 septembre, la mesure bénéficiera à [20 000] infirmiers.", ["2025-11-12 source"]),
    ("Lors de son lancement en 2021, le programme a été salué ; il réunit [45 partenaires].", ["2025-11-12 source"]),
    # ... unless the event is the figure's own: what was created, launched in that year
    ("Le programme a permis la création de [300 emplois] créés en 2022.", ["2022"]),
    ("[1 200 postes] ont été créés en 2023 dans les hôpitaux.", ["2023"]),
    ("Le fonds a lancé en 2021 [12 appels à projets].", ["2021"]),
    # --- each figure its own clause's period
    ("Le nombre d'utilisateurs est passé de [1,2 million] en 2018 à [6 millions] en 2021.", ["2018", "2021"]),
    ("Plus de [3 000 pharmacies] sont raccordées, avec un objectif de [8 000] d'ici 2028.", ["2025-11-12 source", "2028 target"]),
    ("Le taux de vaccination atteint [12 %], contre [9 %] en 2019.", ["2025-11-12 source", "2019"]),
    ("Le taux atteint [12 %] cette année, contre [9 %] en 2019.", ["2025", "2019"]),
    ("Le parc compte [300 bornes], contre [120] au 1er janvier 2022.", ["2025-11-12 source", "2022-01-01"]),
    ("Fin 2024, [11 millions] de patients avaient activé leur profil, contre [7,2 millions] un an plus tôt.", ["2024-12", "2023"]),
    ("Dans le champ de la santé numérique, [32 actions] ont déjà été lancées, aboutissant à [120 nouveaux projets] cette année.", ["2025-11-12 source", "2025"]),
    ("L'an dernier, [300 bornes] ont été posées ; l'année prochaine, [500] le seront.", ["2024", "2026 target"]),
    ("Le taux de [12 %] (2022) progresse.", ["2022"]),
    # --- a part of the figure before it (dont) shares its period
    ("La France comptait [227 000 médecins] au 1er janvier 2023, dont [99 000 généralistes].", ["2023-01-01", "2023-01-01"]),
    ("L'objectif est de [8 000 officines] d'ici 2028, dont [3 000] en zone rurale.", ["2028 target", "2028 target"]),
    ("Le parc compte [900 bornes], dont [300] installées en 2024.", ["2025-11-12 source", "2024"]),
    # --- a phrase that opens the sentence frames the figures whose clause has none
    ("Au 31 décembre 2023, [300 bornes] étaient installées et [120 stations] ouvertes.", ["2023-12-31", "2023-12-31"]),
    ("En 2023, [300 bornes] ont été posées, contre [200] en 2022.", ["2023", "2022"]),
    ("Selon la Drees, en 2022, [6 200] médecins exerçaient en centre de santé.", ["2022"]),
    # ... but not past a semicolon, nor a figure set against the others or an objective
    ("En 2022, le gouvernement avait promis [300 bornes] ; aujourd'hui, le réseau en compte [450].", ["2022", "2025-11-12 source"]),
    ("En 2023, le taux atteint [12 %], contre [9 %] auparavant.", ["2023", "None compared"]),
    ("En 2023, [3 000 pharmacies] étaient raccordées, avec un objectif de [8 000].", ["2023", "2025-11-12 source"]),
    ("En 2023, [90 M€] ont été versés, dont [50 M€] par l'État.", ["2023", "2023"]),
    ("Alors que l'an dernier [300 bornes] avaient été posées, le réseau en installera [500].", ["2024", "2025-11-12 source"]),
    # --- a period set as a point of comparison dates no figure
    ("Le parc atteint [300 bornes], soit [12 %] de plus qu'en 2019.", ["2025-11-12 source", "2025-11-12 source"]),
    ("Le taux est plus élevé que l'an dernier, à [14 %].", ["2025-11-12 source"]),
    ("Comme en 2022, le budget atteint [50 M€].", ["2025-11-12 source"]),
    ("Le chiffre d'affaires progresse de [8 %] par rapport à fin 2023.", ["2025-11-12 source"]),
    ("La ministre a rappelé qu'en 2023, [120 projets] avaient été retenus.", ["2023"]),  # a bare que: no comparison
    # --- a period in a relative clause of another noun dates no figure; of the figure's, it does
    ("Le plan prévoit [50 M€] pour les hôpitaux qui ont été rénovés en 2019.", ["2025-11-12 source"]),
    ("Le centre a accueilli [300 patients] qui ont été opérés en 2023.", ["2023"]),
    # --- a period in an apposition dates the noun it follows, not the figure after it
    ("La télésurveillance, entrée dans le droit commun en juillet 2023, concerne désormais [45 000 patients].", ["2025-11-12 source"]),
    ("Selon le bilan arrêté au 31 décembre 2023, [300 bornes] étaient en service.", ["2023-12-31"]),
    # --- a year before another period of the sentence
    ("Le budget s'élève à [140 M€] pour 2024, contre [120 millions] l'année précédente.", ["2024", "2023"]),
    # --- a span over a change: its start and its end
    ("Entre 2020 et 2023, le parc est passé de [300] à [900 bornes].", ["2020", "2023"]),
    ("Le parc est passé de [300] à [900 bornes] entre 2020 et 2023.", ["2020", "2023"]),
    ("De 2019 à 2024, les effectifs sont passés de [1 500] à [2 300 agents].", ["2019", "2024"]),
    ("Entre 2020 et 2023, [1 500 bornes] ont été installées.", ["2023 since=2020"]),
    ("Entre janvier 2023 et mars 2024, [1 500 bornes] ont été installées.", ["2024-03 since=2023-01"]),
    ("Sur la période 2021-2025, [2 milliards d'euros] ont été investis.", ["2025 since=2021"]),
    # --- the start of a change, a point of comparison, without a period of their own: not the
    # sentence's period but an earlier or another one, not said
    ("Le nombre de DMP ouverts est passé de [1,2 million] à [6 millions].", ["None compared", "2025-11-12 source"]),
    ("Les téléconsultations passent de [40 000] à [120 000 par mois].", ["None compared", "2025-11-12 source"]),
    ("Le taux atteint [62 %] chez les libéraux, contre [35 %] auparavant.", ["2025-11-12 source", "None compared"]),
    ("Le budget atteint [12 M€], après [10 M€] l'an passé.", ["2025-11-12 source", "2024"]),  # a period of its own
    ("Le parc est passé de [300] à [900 bornes] en 2023.", ["None compared", "2023"]),
    ("Le parc compte [300 bornes] et [40 stations].", ["2025-11-12 source", "2025-11-12 source"]),  # no change
    # one phrase dates the whole change: its start is where a span starts, else earlier in it
    ("En un an, le taux est passé de [7 %] à [21 %].", ["2024-11", "2025-11-12 since=2024-11"]),
    ("En 2023, les téléconsultations sont passées de [40 000] à [120 000].", ["None compared", "2023"]),
    ("Depuis 2019, le nombre est passé de [1,2 million] à [6 millions].", ["2019", "2025-11-12 since=2019"]),
    # --- a running total from "depuis" to the sentence's frame
    ("Fin 2022, la stratégie avait financé [300 projets] depuis 2021.", ["2022-12 since=2021"]),
    ("Au 30 juin 2024, [1 200 médecins] avaient été formés depuis 2020.", ["2024-06-30 since=2020"]),
    # --- a year that names what the figure belongs to
    ("Le budget 2024 du programme est fixé à [120 M€].", ["2024"]),
    ("Le PLFSS 2026 prévoit [1,2 milliard] pour l'hôpital.", ["2026"]),  # voted before its year: no objective
    ("Pour l'exercice 2026, le budget est de [150 M€].", ["2026"]),
    ("La France comptera [54 000 médecins] en 2027.", ["2027 target"]),
    ("Selon le bilan 2023 de l'ANS, [4 000 établissements] sont raccordés.", ["2023"]),
    ("Le rapport annuel 2024 recense [300 projets].", ["2024"]),
    ("L'application a vu le jour en 2020 et compte [450 000 utilisateurs].", ["2025-11-12 source"]),
    # --- no period in the text: the source's date, else unknown
    ("Le réseau compte [300 bornes].", ["2025-11-12 source"]),
    ("Le réseau compte [300 bornes].", ["2024-01-18 source"], Source(date="2025-02", event_date="2024-01-18")),
    ("Le réseau compte [300 bornes].", ["None unknown"], None),
]


def _case_id(case: tuple) -> str:
    return case[0][:60] + ("" if len(case) == 2 else f" [{case[2].date if case[2] else 'no source'}]")


@pytest.mark.parametrize("case", CASES, ids=[_case_id(case) for case in CASES])
def test_each_figure_gets_the_period_its_own_words_give(case: tuple) -> None:
    text, specs = case[0], case[1]
    meta = case[2] if len(case) == 3 else PUBLISHED
    assert [seen(period) for period in periods_of(text, meta)] == [expected_of(spec) for spec in specs]


def test_every_form_of_the_table_has_a_case() -> None:
    used = set()
    for case in CASES:
        plain, figures = marked(case[0])
        used.update(name for _, _, name in phrases_of(plain, figures))
    assert {form.name for form in FORMS} - used == set()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Le nombre est passé de [1,2 million] en 2018 à [6 millions] en 2021.", "'en 2018' follows the figure in its clause"),
        ("En 2023, [300 bornes] ont été posées.", "'En 2023' precedes the figure in its clause"),
        ("Mon espace santé, lancée en 2021, compte [10 millions] d'utilisateurs.", "'lancée en 2021' dates an event; the source's date 2025-11-12"),
        ("Le réseau compte [300 bornes].", "no period in the text; the source's date 2025-11-12"),
        ("Le plan prévoit [50 M€] pour les hôpitaux qui ont été rénovés en 2019.", "'en 2019' in its clause is said of something else; the source's date 2025-11-12"),
        ("Le parc atteint [300 bornes], [12 %] de plus qu'en 2019.", "'plus qu'en 2019' is a point of comparison; the source's date 2025-11-12"),
        ("Le délai a doublé en [deux ans].", "the figure is written inside 'en deux ans'; the source's date 2025-11-12"),
        ("Le parc est passé de [300] à [900 bornes] entre 2020 et 2023.", "'entre 2020 et 2023' spans the change from this figure to the next: its start"),
        ("La France comptera [54 000 médecins] en 2027.", "'en 2027' follows the figure in its clause; after the source's date 2025-11-12: a target"),
    ],
)
def test_the_reason_says_why_in_a_short_sentence(text: str, reason: str) -> None:
    assert periods_of(text)[0].reason == reason


def test_the_reason_names_the_event_date_when_the_source_has_one() -> None:
    (period,) = periods_of("Le réseau compte [300 bornes].", Source(date="2025-11", event_date="2025-11-12"))
    assert period.reason == "no period in the text; the source's event date 2025-11-12"
    (period,) = periods_of("Le réseau compte [300 bornes].", None)
    assert (period.when, period.label, period.reason) == (None, "date unknown", "no period in the text; no date for the source")


def test_labels_show_the_phrase_and_where_a_running_total_ends() -> None:
    assert periods_of("Depuis 2021, [40 000 soignants] ont été formés.")[0].label == "Depuis 2021 (to 2025-11-12)"
    assert periods_of("En mars 2024, [2,1 millions] d'ordonnances.")[0].label == "En mars 2024"
    assert periods_of("Le réseau compte [300 bornes].")[0].label == "2025-11-12"


def test_a_phrase_is_read_the_same_whatever_its_case_and_apostrophe() -> None:
    for text in ("L'AN DERNIER, [300 bornes] ont été posées.", "L’an dernier, [300 bornes] ont été posées.", "l'an dernier, [300 bornes] ont été posées."):
        assert periods_of(text)[0].when == "2024"


def test_a_sentence_without_figures_has_no_periods() -> None:
    assert sentence_periods("En 2023, rien n'a changé.", [], PUBLISHED) == []


def test_same_period_is_prefix_containment() -> None:
    assert same_period("2025", "2025-11-12") and same_period("2025-11", "2025-11-12")
    assert not same_period("2024-12", "2025") and not same_period("2023", "2024")
    assert same_period(None, "2025")


_WORDS = st.sampled_from([
    " ", ",", ";", "(", ")", " en ", " 2023", "2020", " et ", " à ", " de ", " contre ", " depuis ", " d'ici ", "fin ", "mars ", " janvier",
    "l'an dernier", " cette année", " lancée le 3 mars 2020", "au 31 décembre", " semestre", " T2 ", " il y a deux ans", " deux ans",
    "entre 2020 et 2023", " 12 %", "1er", "/", "’", "É", "İ",
])


@st.composite
def sentences_with_figures(draw) -> tuple[str, list[tuple[int, int]]]:
    sentence = "".join(draw(st.lists(_WORDS | st.text(max_size=3), max_size=25)))
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(sentence)))
        spans.append((start, draw(st.integers(start, len(sentence)))))
    return sentence, spans


_SOURCES = st.sampled_from([None, PUBLISHED, Source(date="2025"), Source(date="2025-02", event_date="2024-01-18"), Source(date="--11-12")])


@given(sentences_with_figures(), _SOURCES)
def test_every_figure_gets_a_period_and_nothing_raises(case: tuple[str, list[tuple[int, int]]], meta: Source | None) -> None:
    sentence, figures = case
    periods = sentence_periods(sentence, figures, meta)
    assert len(periods) == len(figures)
    for period in periods:
        assert period.origin in ("text", "source", "unknown") and period.reason
        assert (period.when is None) == (period.origin == "unknown") or period.since is not None
