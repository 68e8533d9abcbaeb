"""Discovery without rules: candidates on seeds/ and on French press prose written here.

Each corpus below is a few articles in varied wording, as different outlets write one story; the
assertions are about what a reader of the candidates sees first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checker.discovery.corpus import discover, discover_documents
from checker.discovery.proposal import NEIGHBOURS
from checker.reading.documents import Document
from checker.extraction.extractor import extract
from checker.binding.loading import load_rules
from checker.reading.sources import Source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _seeds():
    result = discover([SEEDS], jobs=1)
    assert not result.errors
    return result


def _names(candidate) -> set[str]:
    return {Path(figure.source).name[:3] for figure in candidate.figures}


def _texts(candidate) -> set[str]:
    return {figure.quantity.text for figure in candidate.figures}


def _doc(name: str, text: str, date: str | None = "2025-03-10", publisher: str | None = None):
    meta = Source(date=date, publisher=publisher)
    return Document.from_text(text, source=name, meta=meta), extract(text)


def _find(result, *texts: str):
    return [c for c in result.candidates if set(texts) <= _texts(c)]


# ---------------------------------------------------------------------------------------------
# seeds/


def test_funding_conflict_is_among_the_first_five_with_all_its_claims():
    top = _seeds().candidates[:5]
    funding = [c for c in top if c.kind == "conflict" and "718,4 millions d’euros" in _texts(c)]
    assert len(funding) == 1
    candidate = funding[0]
    assert _names(candidate) == {"000", "001", "003", "004"}
    assert _texts(candidate) == {"+650 M€", "550 millions d’euros", "plus de 550 millions d’euros", "718,4 millions d’euros"}
    assert "SASN" in candidate.explanation
    # judged as check judges a rule: the conflict is within November 2025, the 718,4 M€ of January
    # 2024 stands on the timeline
    assert candidate.finding.verdict == "conflict"
    assert [step.when for step in candidate.finding.timeline] == ["2024-01", "2025-11"]  # the sources' months


def test_double_attribution_of_the_investment_is_among_the_first_five():
    top = _seeds().candidates[:5]
    attribution = [c for c in top if c.kind == "attribution" and "1,5 Md€" in _texts(c)]
    assert len(attribution) == 1
    candidate = attribution[0]
    assert {"1,5 Md€", "1,5 milliard d’euros", "40 %", "40%"} <= _texts(candidate)
    assert "Takeda" in candidate.subjects[0] and "Pfizer" in candidate.subjects[1]
    assert {figure.line for figure in candidate.figures} == {74, 135}


def test_learners_and_students_are_never_one_candidate():
    for candidate in _seeds().candidates:
        texts = " ".join(_texts(candidate))
        assert not ("apprenants" in texts and "étudiants" in texts)


def test_seeds_ages_and_spans_of_time_are_left_out_with_their_reason():
    result = _seeds()
    reasons = dict(result.left_out)
    assert any("age of the thing" in reason for reason in reasons)
    assert any("span of time" in reason for reason in reasons)
    assert not [c for c in result.candidates if c.block.startswith("duration")]


def test_figures_a_rule_covers_are_marked():
    result = discover([SEEDS], load_rules(ROOT / "rules").or_raise(), jobs=1)
    assert result.covered > 0
    funding = next(c for c in result.candidates if "718,4 millions d’euros" in _texts(c))
    assert all(figure.covered_by == "sasn-funding" for figure in funding.figures)


def test_discovery_is_deterministic():
    first = [(c.id, c.kind, round(c.score, 9), [f.place for f in c.figures]) for c in _seeds().candidates]
    second = [(c.id, c.kind, round(c.score, 9), [f.place for f in c.figures]) for c in _seeds().candidates]
    assert first == second


def test_workers_and_cache_give_the_same_candidates(tmp_path):
    from checker.running.cache import Cache

    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(3):  # more than 8 documents: worker processes are worth starting
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{number}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\nCopie {number}.\n", encoding="utf-8")

    def ranked(result):
        return [(c.kind, [f.place for f in c.figures]) for c in result.candidates]

    alone = discover([folder], jobs=1)
    cache = Cache(tmp_path / "cache")
    workers = discover([folder], jobs=2, cache=cache)
    again = discover([folder], jobs=2, cache=cache)
    cache.close()
    assert ranked(alone) == ranked(workers) == ranked(again)


def test_figures_made_again_of_shared_values_are_equal_to_the_figures_read():
    from dataclasses import fields

    from checker.discovery.corpus import _Shared
    from checker.discovery.features import document_features

    from checker.reading.corpus import read_document

    shared = _Shared()
    for path in sorted(SEEDS.glob("*.txt")):
        document = read_document(path, path.name)
        for figure in document_features(None, document, tuple(extract(document.text))).figures:
            again = shared.figure(figure)
            # field by field: a field forgotten by _Shared.figure would come back as its default
            assert [getattr(again, f.name) for f in fields(figure)] == [getattr(figure, f.name) for f in fields(figure)]
            assert [getattr(again.quantity, f.name) for f in fields(figure.quantity)] == [
                getattr(figure.quantity, f.name) for f in fields(figure.quantity)]


# ---------------------------------------------------------------------------------------------
# Two camps: one value repeated by several sources against another repeated by several others

CAMPS = [
    ("a.txt", "Le plan Hôpital Numérique Rural sera doté de 120 millions d’euros, a annoncé le ministère mardi.\n"),
    ("b.txt", "Selon le ministère, le plan Hôpital Numérique Rural disposera d’une enveloppe de 120 M€ pour équiper les établissements.\n"),
    ("c.txt", "Hôpital Numérique Rural : une dotation de 120 millions d’euros pour les petits hôpitaux, détaille le communiqué.\n"),
    ("d.txt", "Le plan Hôpital Numérique Rural, doté de 150 millions d’euros, doit équiper 300 établissements.\n"),
    ("e.txt", "Avec 150 M€, le plan Hôpital Numérique Rural financera la modernisation des petits hôpitaux.\n"),
    ("f.txt", "Le gouvernement a présenté le plan Hôpital Numérique Rural et ses 150 millions d’euros de dotation.\n"),
    # another subject, one source against one: a conflict too, but a weaker sign
    ("g.txt", "L’appel à projets Télésoin Montagne est doté de 12 millions d’euros.\n"),
    ("h.txt", "Doté de 18 millions d’euros, l’appel à projets Télésoin Montagne a retenu ses lauréats.\n"),
]


def test_two_camps_rank_first_with_their_reason():
    result = discover_documents([_doc(name, text) for name, text in CAMPS])
    first = result.candidates[0]
    assert first.kind == "conflict" and first.tier == 0
    assert _names(first) == {"a.t", "b.t", "c.t", "d.t", "e.t", "f.t"}
    assert first.explanation.startswith("two camps")
    assert sorted(camp.sources for camp in first.camps) == [3, 3]
    other = _find(result, "12 millions d’euros", "18 millions d’euros")
    assert other and other[0].kind == "conflict" and other[0].tier > first.tier


# ---------------------------------------------------------------------------------------------
# Time: a budget raised from one year to the next, an endowment restated


EVOLUTION = [
    ("2024-a.txt", "Pour 2024, le budget du programme Cybersécurité des Hôpitaux est de 40 millions d’euros.\n", "2024-02-01"),
    ("2024-b.txt", "En 2024, le programme Cybersécurité des Hôpitaux dispose d’un budget de 40 M€ pour auditer les établissements.\n", "2024-03-15"),
    ("2025-a.txt", "En 2025, le budget du programme Cybersécurité des Hôpitaux atteint 55 millions d’euros.\n", "2025-02-03"),
    ("2025-b.txt", "Le programme Cybersécurité des Hôpitaux voit son budget porté à 55 M€ en 2025.\n", "2025-01-20"),
]


def test_a_budget_raised_from_one_year_to_the_next_is_an_evolution_ranked_after_conflicts():
    documents = [_doc(name, text, date) for name, text, date in EVOLUTION] + [_doc(name, text) for name, text in CAMPS[6:]]
    result = discover_documents(documents)
    evolution = _find(result, "40 millions d’euros", "55 millions d’euros")
    assert len(evolution) == 1 and evolution[0].kind == "evolution"
    assert [step.when for step in evolution[0].finding.timeline] == ["2024", "2025"]
    assert "2024" in evolution[0].explanation and "→" in evolution[0].explanation
    conflict = _find(result, "12 millions d’euros")[0]
    assert result.candidates.index(conflict) < result.candidates.index(evolution[0])


ENDOWMENT = [
    ("old.txt", "Lancé à Lyon, le fonds Innov’Santé Rhône est doté de 25 millions d’euros pour les jeunes pousses.\n", "2023-05-02"),
    ("new.txt", "Le fonds Innov’Santé Rhône, doté de 32 millions d’euros, a sélectionné vingt start-up.\n", "2025-06-12"),
]


def test_an_endowment_restated_at_two_dates_is_compared_as_one_moment():
    result = discover_documents([_doc(name, text, date) for name, text, date in ENDOWMENT])
    candidate = _find(result, "25 millions d’euros", "32 millions d’euros")[0]
    assert candidate.kind == "conflict" and candidate.timeline == "fixed"
    assert "endowment" in candidate.explanation and "different dates" in candidate.explanation


def test_amounts_committed_so_far_that_grow_are_an_evolution_that_shrink_a_conflict():
    growing = [
        ("one.txt", "Le programme Dossier Patient Partagé a déjà engagé 80 millions d’euros.\n", "2023-09-01"),
        ("two.txt", "Au total, 130 millions d’euros ont été engagés par le programme Dossier Patient Partagé.\n", "2025-04-01"),
    ]
    result = discover_documents([_doc(name, text, date) for name, text, date in growing])
    candidate = _find(result, "80 millions d’euros", "130 millions d’euros")[0]
    assert candidate.timeline == "accumulates" and candidate.kind == "evolution"
    shrinking = [(name, text, date) for (name, text, _), date in zip(growing, ("2025-04-01", "2023-09-01"))]
    result = discover_documents([_doc(name, text, date) for name, text, date in shrinking])
    assert _find(result, "80 millions d’euros", "130 millions d’euros")[0].kind == "conflict"


# ---------------------------------------------------------------------------------------------
# Attribution, generic words, co-financing, low-information figures


def test_the_same_wording_near_two_companies_is_an_attribution():
    documents = [
        _doc("lab.txt", "Chez Sanofi, la directrice a détaillé le plan.\nLe groupe va investir 300 millions d’euros dans son usine de Lyon d’ici 2027.\n"),
        _doc("usine.txt", "Chez Servier, le président a détaillé le plan.\nLe groupe va investir 300 millions d’euros dans son usine de Gidy d’ici 2027.\n"),
    ]
    result = discover_documents(documents)
    attribution = [c for c in result.candidates if c.kind == "attribution"]
    assert attribution and "Sanofi" in " ".join(attribution[0].subjects) and "Servier" in " ".join(attribution[0].subjects)


GENERIC = [
    ("p1.txt", "Santé numérique : le programme Ordonnance Connectée, financé par France 2030, reçoit 14 millions d’euros."),
    ("p2.txt", "France 2030 et la santé numérique : la plateforme Kiné Domicile obtient 16 millions d’euros."),
    ("p3.txt", "Dans le cadre de France 2030, le projet Imagerie Partagée, acteur de la santé numérique, lève 18 millions d’euros."),
    ("p4.txt", "Santé numérique : grâce à France 2030, la start-up Dentalib décroche 12 millions d’euros."),
    ("p5.txt", "La santé numérique, priorité de France 2030 : le réseau Pharma Lien touche 15 millions d’euros."),
    ("p6.txt", "France 2030 : l’appli Sommeil Serein, pépite de la santé numérique, empoche 13 millions d’euros."),
]


def test_generic_domain_words_alone_never_join_two_figures():
    result = discover_documents([_doc(name, text + "\n") for name, text in GENERIC])
    assert not [c for c in result.candidates if c.block == "money:EUR"], [c.explanation for c in result.candidates]


COFINANCING = [
    ("annonce.txt", "Le programme Hôpital Vert est doté de 50 millions d’euros de fonds publics, auxquels s’ajoutent 30 millions d’euros de cofinancements privés.\n"),
    ("industrie.txt", "Les industriels apporteront 30 millions d’euros de cofinancements privés au programme Hôpital Vert.\n"),
    ("etat.txt", "L’État a doté le programme Hôpital Vert de 50 millions d’euros de fonds publics.\n"),
    ("region.txt", "Le programme Hôpital Vert est doté de 65 millions d’euros de fonds publics, selon la région.\n"),
]


def test_public_funding_is_never_grouped_with_the_private_cofinancing_of_the_same_sentence():
    result = discover_documents([_doc(name, text) for name, text in COFINANCING])
    for candidate in result.candidates:
        texts = {figure.quantity.value for figure in candidate.figures}
        assert not ({30e6} <= texts and texts & {50e6, 65e6}), candidate.explanation
    public = [c for c in result.candidates if 65e6 in {f.quantity.value for f in c.figures}]
    assert public and public[0].kind == "conflict" and {f.source for f in public[0].figures} >= {"etat.txt", "region.txt"}


LOW_INFORMATION = [
    ("anniv-a.txt", "Mon service a trois ans\nLancé il y a trois ans, le service Allô Pharma a traité 45 000 appels en 4 ans.\nSes 5 pharmaciens répondent.\n"),
    ("anniv-b.txt", "Allô Pharma fête ses 3 ans\nDepuis 2 ans, Allô Pharma a traité 60 000 appels.\nSes 7 pharmaciens répondent.\n"),
]


def test_the_age_of_the_thing_and_small_numbers_are_left_out_unless_a_rule_covers_them(tmp_path):
    documents = [_doc(name, text) for name, text in LOW_INFORMATION]
    result = discover_documents(documents)
    assert not [c for c in result.candidates if c.block.startswith("duration") or c.block == "count:pharmacien"]
    assert _find(result, "45 000 appels", "60 000 appels")
    rule = tmp_path / "pharma.toml"
    rule.write_text(
        "[[rule]]\nid = 'pharmaciens'\ntitle = 'Pharmaciens'\nkind = 'count'\nunit = 'pharmaciens'\n"
        "nouns = ['pharmacien']\nsubject = ['Allô\\s+Pharma']\nscope = 'document'\n", encoding="utf-8",
    )
    covered = discover_documents(documents, load_rules(rule).or_raise())
    pharmacists = _find(covered, "5 pharmaciens", "7 pharmaciens")
    assert pharmacists and all(figure.covered_by == "pharmaciens" for figure in pharmacists[0].figures)


def test_proposed_pairs_grow_with_the_figures_not_their_square():
    documents = []
    for number in range(60):
        name = f"Programme{chr(65 + number % 26)}{number // 26}"
        documents.append(_doc(
            f"d{number}.txt",
            f"Le programme {name} est doté de {10 + number} millions d’euros. Il finance {100 + number} projets.\n"
            f"La santé numérique progresse : {20 + number} % des hôpitaux sont équipés.\n",
        ))
    result = discover_documents(documents)
    assert result.proposed_pairs <= NEIGHBOURS * result.compared


# ---------------------------------------------------------------------------------------------
# The command line


def _recoupe(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_discover_formats_and_exit_code():
    table = _recoupe("discover", "seeds/", "--top", "5", "--no-cache")
    assert table.returncode == 0, table.stderr
    assert "C1" in table.stdout and "seeds/004_7d23bb10be307744.txt:3:10" in table.stdout
    assert "left out:" in table.stdout
    data = json.loads(_recoupe("discover", "seeds/", "--format", "json", "--no-cache").stdout)
    assert [c["id"] for c in data["candidates"]][:3] == ["C1", "C2", "C3"]
    assert data["schema_version"] and data["left_out"]
    assert _recoupe("discover", "seeds/", "--format", "markdown", "--no-cache").stdout.startswith("# recoupe discover")
    assert _recoupe("discover", "missing-folder/", "--no-cache").returncode == 2


def test_rules_suggest_for_the_funding_writes_a_rule_that_check_uses(tmp_path):
    funding = next(c for c in _seeds().candidates if "718,4 millions d’euros" in _texts(c))
    output = tmp_path / "suggested.toml"
    written = _recoupe("rules", "suggest", "seeds/", "--pick", funding.id, "--output", str(output), "--no-cache")
    assert written.returncode == 0, written.stderr
    rules = load_rules(output).or_raise()
    assert len(rules) == 1 and rules[0].kind == "money" and rules[0].currency == "EUR"
    assert "SASN" in [pattern.source for pattern in rules[0].subject]
    assert not {"UpSanté", "DSIH"} & {pattern.source for pattern in rules[0].subject}
    checked = _recoupe("check", "seeds/", "--rules", str(output), "--format", "json", "--no-cache")
    assert checked.returncode == 1, checked.stderr
    report = json.loads(checked.stdout)
    assert report["findings"][0]["verdict"] == "conflict"
    assert _recoupe("rules", "suggest", "seeds/", "--pick", "C999", "--output", str(tmp_path / "x.toml"), "--no-cache").returncode == 2


def test_rules_suggest_writes_the_timeline_and_context_keys_of_an_endowment(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text, date in ENDOWMENT:
        (folder / name).write_text(f"Publié le {date[8:]}/{date[5:7]}/{date[2:4]}\n{text}", encoding="utf-8")
    output = tmp_path / "rules.toml"
    written = _recoupe("rules", "suggest", str(folder), "--top", "1", "--output", str(output), "--no-cache")
    assert written.returncode == 0, written.stderr
    rule = load_rules(output).or_raise()[0]
    assert rule.timeline == "fixed" and rule.window is not None and rule.require
    assert any("Innov" in pattern.source for pattern in rule.subject)
    assert rule.examples_match


def test_an_objective_and_a_state_of_things_are_not_an_agreement():
    documents = [
        _doc("etat.txt", "Le plan Avenir Santé Numérique a déjà engagé 40 milliards d’euros.\n"),
        _doc("cible.txt", "Le plan Avenir Santé Numérique prévoit un budget de 54 milliards d’euros d’ici 2030.\n"),
    ]
    result = discover_documents(documents)
    assert not [c for c in result.candidates if c.kind == "agreement"], [c.explanation for c in result.candidates]
