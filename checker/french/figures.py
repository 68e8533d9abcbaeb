"""The words of French beside a number that make it a figure, bound it, or make it none.

Read by the extraction (checker.extraction.extractor, infer) around each number it finds, and by
the binding (checker.binding.bind) for scale words: months (a date is no figure), scale words
(``millions``, ``Md``), qualifiers written before a figure (``plus de``, ``environ``, ``jusqu'à``),
signs (``moins 5``), number words that are no figure alone, fractions and shares (``deux tiers
des``), what follows ``N fois``, the words before a year, and what makes a number a label, an
address or part of a name (``article 51``, ``12 rue de la Paix``, ``France 2030``). Tables and
regular expressions, no logic.
"""

from __future__ import annotations

MONTHS = (
    "janvier|janv\\.?|jan\\.|février|fevrier|févr?\\.?|fevr?\\.|mars|avril|avr\\.?|mai|juin|"
    "juillet|juil\\.?|août|aout|septembre|sept\\.|sep\\.|octobre|oct\\.?|novembre|nov\\.?|"
    "décembre|decembre|déc\\.?|dec\\."
)
# English months, for the dates of English passages ("14 March", "September 3, 2021").
ENGLISH_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "feb\\.|mar\\.|apr\\.|jun\\.|jul\\.|aug\\."
)
ALL_MONTHS = MONTHS + "|" + ENGLISH_MONTHS

# Scale words after a number: surface (lower-case for words) -> multiplier.
SCALE_WORDS: dict[str, int] = {
    "mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
    # French long scale: un billion is a million millions, un trillion a million billions (English
    # passages read them the English way: see ENGLISH_SCALE_WORDS).
    "billion": 10**12, "billions": 10**12, "trillion": 10**18, "trillions": 10**18,
    "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
    "mio": 10**6, "mios": 10**6, "mia": 10**9, "mias": 10**9,  # Swiss French: million, milliard
    "thousand": 10**3, "thousands": 10**3,  # English
}
# In an English sentence (checker.extraction.language), or after a number of 2 or more in the singular as
# only English writes it ("€3 billion"; French writes "3 billions"): the short scale.
ENGLISH_SCALE_WORDS: dict[str, int] = {"billion": 10**9, "billions": 10**9, "trillion": 10**12, "trillions": 10**12}
# Abbreviated scales, case-sensitive: "M" is a million, "m" a metre. Any of them may end with a
# dot before a currency ("2 M.€").
SCALE_SYMBOLS: dict[str, int] = {
    "Md": 10**9, "Mds": 10**9, "Mrd": 10**9, "Mrds": 10**9, "M": 10**6, "Ms": 10**6, "Mn": 10**6,
    "k": 10**3, "K": 10**3, "bn": 10**9, "Bn": 10**9,  # "bn": the English abbreviation of billion, 10^9
}

# Qualifiers written before a figure. Each maps to at_least, about or at_most.
QUALIFIERS_BEFORE: dict[str, tuple[str, ...]] = {
    "at_most": (
        r"pas\s+plus\s+d(?:e\s+|['’ʼ]\s*)", r"pas\s+plus\s+qu(?:e\s+|['’ʼ]\s*)", r"moins\s+qu(?:e\s+|['’ʼ]\s*)", r"moins\s+d(?:e\s+|['’ʼ]\s*)", r"jusqu['’ʼ]\s*(?:à|a)\s+",
        r"au\s+plus\s+", r"au\s+maximum\s+", r"(?:en|au)[\s-]dessous\s+d(?:e\s+|['’ʼ]\s*)",
        r"dans\s+la\s+limite\s+d(?:e\s+|['’ʼ]\s*)", r"maximum\s+", r"inférieur(?:e|s|es)?\s+à\s+", r"<\s*", r"≤\s*",
    ),
    "at_least": (
        r"pas\s+moins\s+d(?:e\s+|['’ʼ]\s*)", r"pas\s+moins\s+qu(?:e\s+|['’ʼ]\s*)", r"plus\s+d(?:e\s+|['’ʼ]\s*)",
        r"plus\s+qu(?:e\s+|['’ʼ]\s*)", r"au\s+moins\s+",
        r"au-delà\s+d(?:e\s+|['’ʼ]\s*)", r"au\s+minimum\s+", r"minimum\s+", r"dès\s+",
        r"à\s+partir\s+d(?:e\s+|['’ʼ]\s*)", r"au[\s-]dessus\s+d(?:e\s+|['’ʼ]\s*)",
        r"supérieur(?:e|s|es)?\s+à\s+", r"≥\s*", r">\s*", r"\+\s*d(?:e\s+|['’ʼ]\s*)", r"\+",
    ),
    "about": (
        r"environ\s+", r"quelques?\s+", r"près\s+d(?:e\s+|['’ʼ]\s*)", r"presque\s+", r"approximativement\s+",
        r"quasiment\s+", r"pratiquement\s+", r"à\s+peu\s+près\s+", r"plus\s+ou\s+moins\s+",
        r"autour\s+d(?:e\s+|['’ʼ]\s*)", r"de\s+l['’ʼ]ordre\s+d(?:e\s+|['’ʼ]\s*)", r"aux\s+alentours\s+d(?:e\s+|['’ʼ]\s*)",
        r"grosso\s+modo\s+", r"~\s*", r"≈\s*", r"env\.\s*",
        r"about\s+", r"around\s+", r"nearly\s+", r"almost\s+", r"approximately\s+", r"roughly\s+",  # English
    ),
}
# Verbs and phrases that bound a figure: "le coût dépasse 1 milliard", "au bas mot 3 M€", "un
# minimum de 20 patients"; "avoisinent 500 M€", "pas loin de 4 000 postes"; "un maximum de 3
# renouvellements", "n'excède pas 2 %", "ne devrait pas excéder 2 %", "plafonnée à 50 €".
_ADVERB = r"(?:(?:parfois|souvent|largement|déjà|désormais|encore|même|rarement|toujours)\s+)?"
_AUXILIARY = r"(?:devrai(?:t|ent)|doi(?:t|vent)|peu(?:t|vent)|pourr(?:a|ont|ait|aient)|va|vont|saurai(?:t|ent))"
QUALIFIERS_BEFORE["at_least"] += (
    rf"dépass(?:e|es|ent|er|era|eront|ait|aient|ant|é|ée|és|ées)\s+{_ADVERB}", r"au\s+bas\s+mot\s+",
    r"supérieur(?:e|s|es)?\s+ou\s+égal(?:e|es|aux)?\s+à\s+", r"un\s+minimum\s+d(?:e\s+|['’ʼ]\s*)",
)
QUALIFIERS_BEFORE["about"] += (r"avoisin(?:e|ent|ait|aient|era|eront|ant)\s+", r"pas\s+loin\s+d(?:e\s+|['’ʼ]\s*)")
QUALIFIERS_BEFORE["at_most"] += (
    r"un\s+maximum\s+d(?:e\s+|['’ʼ]\s*)", r"inférieur(?:e|s|es)?\s+ou\s+égal(?:e|es|aux)?\s+à\s+",
    rf"(?:ne|n['’ʼ])\s*(?:(?:{_AUXILIARY}\s+)?pas\s+(?:dépasser|excéder)|(?:dépass|excèd|excéd)\w*\s+pas)\s+",
    r"(?:ne\s+)?pas\s+(?:dépasser|excéder)\s+", r"plafonn(?:é|ée|és|ées)\s+à\s+",
)
QUALIFIERS_BEFORE["at_least"] += (r"more\s+than\s+", r"over\s+", r"at\s+least\s+")  # English
QUALIFIERS_BEFORE["at_most"] += (r"less\s+than\s+", r"fewer\s+than\s+", r"up\s+to\s+", r"at\s+most\s+")

# "plus que", "moins que" after a negation ("il ne reste plus que 10 lits") mean "only": exact.
ONLY_NEGATION = r"(?<![\p{L}])(?i:ne(?![\p{L}])|n['’ʼ])"

# A word that is the sign of the figure after it: "moins 5 degrés", "un solde de moins 1 200 euros";
# not after the words that make "moins" part of a qualifier or a comparison (au moins, plus ou moins).
SIGN_WORDS: dict[str, int] = {"moins": -1}
NOT_SIGN_AFTER = frozenset("au ou du le la pas fois plus rien".split())

# How the text of every qualifier above ends (lower-case, spaces after it left out): a figure whose
# preceding text ends otherwise has no qualifier, and the patterns are not tried.
QUALIFIER_ENDINGS: tuple[str, ...] = (
    "de", "d'", "d’", "dʼ", "que", "qu'", "qu’", "quʼ", "à", "a", "plus", "maximum", "minimum", "moins", "dès", "environ",
    "quelque", "quelques",
    "presque", "approximativement", "quasiment", "pratiquement", "près", "modo", "env.", "<", "≤", ">",
    "≥", "+", "~", "≈",
    "about", "around", "nearly", "almost", "approximately", "roughly", "than", "over", "least", "to", "most",  # English
    "dépasse", "dépasses", "dépassent", "dépasser", "dépassera", "dépasseront", "dépassait", "dépassaient", "dépassant",
    "dépassé", "dépassée", "dépassés", "dépassées", "parfois", "souvent", "largement", "déjà", "désormais", "encore",
    "même", "rarement", "toujours", "mot", "avoisine", "avoisinent", "avoisinait", "avoisinaient", "avoisinera",
    "avoisineront", "avoisinant", "pas", "excéder",
)
# Before a share only ("plus des deux tiers", "près du quart des patients", "moins des 3/4"): near
# another figure, "près des 500 lits" says where, not how many.
SHARE_QUALIFIERS_BEFORE: dict[str, str] = {
    "at_least": r"plus\s+d(?:es|u)\s+", "at_most": r"moins\s+d(?:es|u)\s+", "about": r"près\s+d(?:es|u)\s+",
}

# Number words that are no figure on their own: "neuf" is also "new" ("un bâtiment neuf"); "cents",
# "vingts" alone are no number ("50 cents" are hundredths of a currency).
AMBIGUOUS_NUMBER_WORDS = frozenset({"neuf", "cents", "vingts"})
# Number words that are no figure on their own after these words: "repartir de zéro", "remettre à zéro".
NOT_FIGURES_AFTER: dict[str, tuple[str, ...]] = {"zéro": ("de", "d", "à", "a", "sous")}

# "dans une quinzaine", "sous huitaine": after a word of time, these collective nouns alone are
# that many days (a fortnight, a week); elsewhere "une quinzaine" is about fifteen of something.
DAYS_COLLECTIVES = frozenset({"quinzaine", "huitaine"})
TIME_PREPOSITIONS = frozenset("dans ici sous pendant durant depuis en avant après sur".split())

# Fractions after a number ("deux tiers", "cinq huitièmes", "un quart d'heure"): word -> denominator.
FRACTION_WORDS: dict[str, int] = {
    "tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
    "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "quinzième": 15, "vingtième": 20,
    "trentième": 30, "centième": 100, "millième": 1000,
}
FRACTION_WORDS.update({f"{word}s": n for word, n in list(FRACTION_WORDS.items()) if word.endswith("ème")})
# Shares named by a noun after "la", "le": "la moitié des patients", "le tiers du budget".
SHARE_NOUNS: dict[str, int] = {"moitié": 2, "tiers": 3, "quart": 4}
# What a fraction or a share is of, written after it: "deux tiers des médecins", "la moitié de la
# population", "les trois quarts d'entre eux". A fraction without it is no share ("un tiers de
# confiance", "un tiers payant": a third party).
PARTITIVE = (
    r"des|du|d['’ʼ]entre|de\s+(?:la|l['’ʼ]|ses|leurs|nos|vos|mes|tes|ces|cette|cet|ce|son|sa|leur|notre|votre|tous|toutes|tout)"
)
# "un Français sur cinq", "1 patient sur 2", "neuf sur dix": a share when the denominator is one of
# those shares are given in (up to 20, or a power of ten); "25 pays sur 29" counts 25 of 29.
SHARE_DENOMINATOR_MAX = 20

# "deux fois par an", "trois fois par semaine", "2 fois par patient": after "N fois", a frequency
# or a rate, no factor (regular expression, lower case).
FREQUENCY_AFTER_TIMES = r"par(?!\s+rapport)|l['’ʼ]an|dans\s+l['’ʼ]année"
# Words after which a year-like number is a year even before a plural noun: "Depuis 2019
# hôpitaux et cliniques coopèrent", "En 2024 médecins et patients...", "Le bilan 2023 établissements
# compris" ("d'ici" is read "ici").
YEAR_BEFORE_WORDS = frozenset("en depuis dès ici fin début bilan résultats exercice".split())

# Words after "N fois" that make the factor 1/N: "trois fois moins cher", "dix fois moindre", "un
# coût cinq fois inférieur", "des délais quatre fois plus courts" (regular expression, lower case).
SMALLER_AFTER_TIMES = (
    r"moins|moindres?|inférieur(?:e|s|es)?|plus\s+(?:faibles?|bas(?:se|ses)?|court(?:e|s|es)?|petit(?:e|s|es)?)"
)

# Words that name a numbered thing: "Article 51", "page 3", "version 2.0" are labels, not quantities.
LABEL_WORDS = (
    "article|art\\.|alinéa|chapitre|page|p\\.|pp\\.|n°|no\\.|nº|numéro|num\\.|version|v\\.|titre|tome|"
    "vol\\.|volume|annexe|paragraphe|rang|niveau|phase|saison|épisode|étape|ligne|lot|section|"
    "grade|classe|catégorie|type|modèle|saison|acte|partie|figure|fig\\.|tableau|session|axe|volet|"
    "priorité|fiche|action|chantier|item|semaine|la mesure|salle|chambre|bâtiment|bât\\.|pavillon|bureau|"
    "département|groupe|stade|vague|proposition|considérant|graphique|encadré|recommandation|"
    "l\\.|r\\.|d\\.|"  # the articles of a code: "article L. 1111-8", "R. 4127-1"
    "composez le|composer le|appelez le|appeler le|contactez le|contacter le"  # a telephone number: "composez le 15"
)

# Singular articles: a bare number right after one names one thing ("le 3919", "au 112", "la 5"),
# as no count follows a singular article (a date, "le 15 mars", is left out before).
SINGULAR_ARTICLES = frozenset({"le", "la", "au", "du"})

# Street words after a number make an address: "12 rue de la Paix", "3 bis avenue Foch".
STREET_WORDS = (
    "rue|avenue|av\\.|boulevard|bd|place|allée|impasse|chemin|quai|route|square|passage|"
    "faubourg|rond-point|esplanade|parvis|villa|cité|sentier|promenade"
)

# Capitalised words that often open a sentence before a figure; they are not names.
SENTENCE_WORDS = frozenset("""
En Avec Plus Dont Sur Pour Par Les Des Le La Et Au Aux Près Environ Dès Entre De Du D Soit
Seuls Seulement Quelque Moins Jusqu Selon Depuis Après Avant Sous Dans Chez Vers Contre Ces Ses
Nos Vos Leurs Total Objectif Ambition Budget Chiffres Soit Pas Ou Mais Car Donc Or Ni Déjà Près
Quelques Parmi Sur Hors Via Jusqu'à Enfin Puis Ainsi Alors Aujourd Hier Demain Cette Ce Cet
""".split())
