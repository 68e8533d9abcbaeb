"""A generator of varied French press-like documents, for the discovery benchmark.

Copies of the seeds would make every subject recur in every document: a corpus of real articles
grows by covering more subjects, each written about by a few outlets. So here: document ``n``
speaks of a handful of programmes, companies and services among those near ``n`` (each subject is
written about by about ``SOURCES_PER_SUBJECT`` documents, however large the corpus), in sentences
drawn from templates of press writing, with the subject's figures (its budget, its projects, a
share of users), sometimes misstated, sometimes of another year; a publisher, a dateline and
sentences without figures fill each document to 20-50 kB. Deterministic: ``random.Random(n)``.

Standard library only.
"""

from __future__ import annotations

import random

SOURCES_PER_SUBJECT = 12
SUBJECTS_PER_DOCUMENT = 5
# the share of sentences that state a figure: about 2 000 figures per MB, as in the seeds (real pages)
FIGURE_SHARE = 0.2

FIRST = ("Santé", "Hôpital", "Télésoin", "Pharma", "Kiné", "Dossier", "Réseau", "Cœur", "Vigie", "Médi", "Soins", "Dentaire",
         "Radio", "Onco", "Neuro", "Pédia", "Géronto", "Cardio", "Dermato", "Ophtalmo", "Psy", "Nutri", "Bio", "Gyné")
SECOND = ("Connecté", "Rural", "Partagé", "Avenir", "Horizon", "Littoral", "Montagne", "Plus", "Direct", "Proximité",
          "Domicile", "Lien", "Innov", "Data", "Sûr", "Clair", "Agile", "Vert", "Solidaire", "Express", "Campus", "Relais")
KINDS = ("le programme", "le plan", "la plateforme", "le dispositif", "l’appel à projets", "le fonds", "le réseau")
REGIONS = ("Bretagne", "Occitanie", "Grand Est", "Normandie", "Hauts-de-France", "Auvergne", "Provence", "Centre",
           "Bourgogne", "Aquitaine", "Île-de-France", "Pays de la Loire", "Corse", "Alsace", "Picardie", "Limousin")
COMPANIES = ("Medilab", "Santéo", "Curalis", "Vitalink", "Biomedia", "Hospitech", "Carenet", "Pharmeo", "Doctis",
             "Kinexa", "Sanopia", "Thérapix", "Vigimed", "Oncolis", "Numédic", "Clinexa", "Datasanté", "Soignia")
PUBLISHERS = ("Le Quotidien Santé", "Hospimedia Ouest", "La Lettre du Numérique", "TIC Santé Hebdo", "Le Courrier Médical",
              "Santé Mag", "L’Écho des Hôpitaux", "Décision Santé Info", "Pharma Actu", "La Gazette Régionale")
FIRST_NAMES = ("Claire", "Thomas", "Sophie", "Julien", "Nadia", "Marc", "Élise", "Karim", "Anne", "Luc", "Inès", "Paul")
LAST_NAMES = ("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fontaine", "Chevalier", "Blanc",
              "Garnier", "Faure", "Mercier", "Lambert", "Bonnet", "Perrin")
ROLES = ("directrice générale", "président", "responsable du numérique", "médecin coordinateur", "chef de projet",
         "déléguée régionale", "pharmacien", "directeur de l’innovation")

# Sentences that state a figure of a subject: {s} the subject, {m} money, {c} a count, {p} a share.
MONEY = (
    "{S} est doté de {m}, a annoncé le ministère.",
    "Avec {m} engagés, {s} a déjà financé {c} projets.",
    "Selon le communiqué, {s} disposera d’une enveloppe de {m}.",
    "Doté de {m}, {s} vise à moderniser les établissements de la région.",
    "Au total, {m} ont été alloués à {s} depuis son lancement.",
    "Le budget de {s} atteint {m} en {y}.",
    "{S}, qui bénéficie de {m}, doit équiper les petits hôpitaux.",
    "L’État consacre {m} à {s}, dont une partie pour la formation.",
)
COUNTS = (
    "{S} a permis d’accompagner {c} patients l’an dernier.",
    "Plus de {c} professionnels utilisent désormais {s}.",
    "{S} compte {c} établissements raccordés.",
    "En {y}, {s} a formé {c} soignants aux outils numériques.",
    "Environ {c} téléconsultations ont été réalisées grâce à {s}.",
)
SHARES = (
    "{p} des médecins interrogés jugent {s} utile au quotidien.",
    "Le taux d’adoption de {s} atteint {p} dans les hôpitaux de la région.",
    "{S} réduit de {p} les délais de prise en charge, selon l’étude.",
)
COMPANY = (
    "{k} va investir {m} dans son site de production de {r} d’ici {y}.",
    "Le groupe {k} a levé {m} auprès de fonds européens.",
    "{k} emploie {c} salariés en France, dont une partie à {r}.",
)
FILLER = (
    "« Nous voulons que chaque patient bénéficie des mêmes services, où qu’il habite », explique {n}, {o}.",
    "Les professionnels de santé saluent une démarche attendue depuis longtemps.",
    "Le calendrier de déploiement sera précisé dans les prochaines semaines.",
    "Plusieurs associations de patients ont été consultées lors de la préparation du projet.",
    "Pour {n}, {o}, « l’enjeu est d’abord humain, la technologie vient ensuite ».",
    "La question de la sécurité des données reste au cœur des discussions avec les éditeurs.",
    "Les élus locaux suivent de près la mise en œuvre du dispositif dans leur territoire.",
    "Une évaluation indépendante doit mesurer les effets du dispositif sur la qualité des soins.",
    "Les syndicats de médecins demandent davantage de concertation avant toute généralisation.",
    "L’interopérabilité des logiciels métiers conditionne la réussite de l’ensemble.",
    "{n}, {o}, rappelle que la formation des équipes prend du temps.",
    "Les premiers retours des établissements pilotes sont encourageants, selon la direction.",
)


class Subject:
    """A programme (or a company) with its true figures, and how documents may misstate them."""

    def __init__(self, number: int) -> None:
        rng = random.Random(10_000 + number)
        self.name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {rng.choice(REGIONS)}"
        self.kind = rng.choice(KINDS)
        self.company = f"{rng.choice(COMPANIES)} {rng.choice(REGIONS)}"
        self.money = rng.choice((1, 2, 5, 10, 20, 50, 100)) * rng.randint(11, 95) * 100_000
        self.drifted = self.money * rng.choice((0.8, 1.2, 1.25, 1.5))
        self.count = rng.randint(12, 9_000)
        self.share = rng.randint(11, 89)
        self.region = rng.choice(REGIONS)


def _money(value: float, rng: random.Random) -> str:
    millions = value / 1_000_000
    text = f"{millions:.1f}".replace(".", ",").replace(",0", "")
    return rng.choice((f"{text} millions d’euros", f"{text} M€", f"près de {text} millions d’euros"))


def _count(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f") if value >= 1000 else str(value)


def _sentence(rng: random.Random, subject: Subject) -> str:
    year = rng.choice((2023, 2024, 2025))
    drift = rng.random() < 0.15
    money = subject.drifted if drift else subject.money
    if rng.random() < 0.2:  # another year: the budget moved
        money = money * (1 + 0.1 * (year - 2023))
    named = f"{subject.kind} {subject.name}"
    fields = {
        "s": named, "S": named[:1].upper() + named[1:], "m": _money(money, rng), "c": _count(subject.count),
        "p": f"{subject.share} %", "y": year, "k": subject.company, "r": subject.region,
    }
    templates = rng.choice((MONEY, MONEY, COUNTS, SHARES, COMPANY))
    return _contract(rng.choice(templates).format(**fields))


def _contract(text: str) -> str:
    """French contractions: de le -> du, à le -> au."""
    return text.replace(" de le ", " du ").replace(" à le ", " au ").replace(" De le ", " Du ")


def _filler(rng: random.Random) -> str:
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return rng.choice(FILLER).format(n=person, o=rng.choice(ROLES))


def document(number: int, size: int) -> str:
    """Document ``number`` of the varied corpus, of about ``size`` characters."""
    rng = random.Random(number)
    window = max(1, SOURCES_PER_SUBJECT // SUBJECTS_PER_DOCUMENT)
    first = number // window
    subjects = [Subject(first + offset) for offset in range(SUBJECTS_PER_DOCUMENT + 1)]
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice((23, 24, 25))
    lead = subjects[0]
    lines = [
        f"{lead.name} : {rng.choice(('les chiffres clés', 'un nouveau cap', 'le point d’étape', 'ce qui change'))}",
        f"Publié le {day:02d}/{month:02d}/{year} par {rng.choice(PUBLISHERS)}",
        "",
    ]
    length = sum(len(line) + 1 for line in lines)
    while length < size:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            paragraph.append(_sentence(rng, rng.choice(subjects)) if rng.random() < FIGURE_SHARE else _filler(rng))
        text = " ".join(paragraph)
        lines.append(text)
        length += len(text) + 1
    return "\n".join(lines) + "\n"


def build_corpus(folder, size_bytes: int, file_min: int = 20_000, file_max: int = 50_000) -> tuple[int, int]:
    """Write varied documents into ``folder`` until they hold at least ``size_bytes``; (files, bytes).

    File ``n`` is the same whatever the size asked: a smaller corpus is a prefix of a larger one."""
    folder.mkdir(parents=True, exist_ok=True)
    total = files = 0
    while total < size_bytes:
        data = document(files, random.Random(files).randint(file_min, file_max)).encode("utf-8")
        (folder / f"press_{files:05d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total
