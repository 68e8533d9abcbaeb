"""Vocabulary of French press writing that the extractor and the period reader need: tables, not logic."""

from __future__ import annotations

MONTHS = (
    "janvier|janv\\.?|jan\\.|février|fevrier|févr?\\.?|fevr?\\.|mars|avril|avr\\.?|mai|juin|"
    "juillet|juil\\.?|août|aout|septembre|sept\\.|sep\\.|octobre|oct\\.?|novembre|nov\\.?|"
    "décembre|decembre|déc\\.?|dec\\."
)

# Scale words after a number: surface (lower-case for words) -> multiplier.
SCALE_WORDS: dict[str, int] = {
    "mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
    # French long scale: un billion is a million millions.
    "billion": 10**12, "billions": 10**12, "mds": 10**9, "mrd": 10**9, "mrds": 10**9,
    "mio": 10**6, "mios": 10**6,  # Swiss French
}
# Abbreviated scales, case-sensitive: "M" is a million, "m" a metre.
SCALE_SYMBOLS: dict[str, int] = {"Md": 10**9, "Mds": 10**9, "Mrd": 10**9, "M": 10**6, "Mn": 10**6, "k": 10**3, "K": 10**3}

# Currencies by symbol, ISO code and name -> ISO 4217 code.
CURRENCIES: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "dollar américain": "USD", "dollars américains": "USD", "dollars us": "USD",
    "£": "GBP", "gbp": "GBP", "livre sterling": "GBP", "livres sterling": "GBP",
    "chf": "CHF", "franc suisse": "CHF", "francs suisses": "CHF",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY", "yens": "JPY",
    "cad": "CAD", "c$": "CAD", "dollar canadien": "CAD", "dollars canadiens": "CAD",
    "cny": "CNY", "yuan": "CNY", "yuans": "CNY",
}

# Units of physical quantities and durations: surface -> (kind, pint unit).
# Symbols are matched case-sensitively, words case-insensitively.
UNIT_SYMBOLS: dict[str, tuple[str, str]] = {
    "m²": ("area", "meter ** 2"), "m2": ("area", "meter ** 2"), "km²": ("area", "kilometer ** 2"),
    "km2": ("area", "kilometer ** 2"), "ha": ("area", "hectare"),
    "m³": ("volume", "meter ** 3"), "m3": ("volume", "meter ** 3"), "L": ("volume", "liter"),
    "l": ("volume", "liter"), "ml": ("volume", "milliliter"), "mL": ("volume", "milliliter"),
    "hl": ("volume", "hectoliter"),
    "km": ("length", "kilometer"), "m": ("length", "meter"), "cm": ("length", "centimeter"),
    "mm": ("length", "millimeter"),
    "t": ("mass", "tonne"), "kg": ("mass", "kilogram"), "g": ("mass", "gram"), "mg": ("mass", "milligram"),
    "h": ("duration", "hour"), "min": ("duration", "minute"),
    "Wh": ("energy", "watt_hour"), "kWh": ("energy", "kilowatt_hour"), "MWh": ("energy", "megawatt_hour"),
    "GWh": ("energy", "gigawatt_hour"), "TWh": ("energy", "terawatt_hour"),
    "kW": ("power", "kilowatt"), "MW": ("power", "megawatt"), "GW": ("power", "gigawatt"),
    "Ko": ("data", "kilobyte"), "Mo": ("data", "megabyte"), "Go": ("data", "gigabyte"), "To": ("data", "terabyte"),
}
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "an": ("duration", "year"), "ans": ("duration", "year"), "année": ("duration", "year"),
    "années": ("duration", "year"), "mois": ("duration", "month"), "semaine": ("duration", "week"),
    "semaines": ("duration", "week"), "jour": ("duration", "day"), "jours": ("duration", "day"),
    "heure": ("duration", "hour"), "heures": ("duration", "hour"), "minute": ("duration", "minute"),
    "minutes": ("duration", "minute"), "seconde": ("duration", "second"), "secondes": ("duration", "second"),
    "mètre carré": ("area", "meter ** 2"), "mètres carrés": ("area", "meter ** 2"),
    "kilomètre carré": ("area", "kilometer ** 2"), "kilomètres carrés": ("area", "kilometer ** 2"),
    "hectare": ("area", "hectare"), "hectares": ("area", "hectare"),
    "mètre cube": ("volume", "meter ** 3"), "mètres cubes": ("volume", "meter ** 3"),
    "litre": ("volume", "liter"), "litres": ("volume", "liter"), "hectolitre": ("volume", "hectoliter"),
    "hectolitres": ("volume", "hectoliter"), "millilitre": ("volume", "milliliter"), "millilitres": ("volume", "milliliter"),
    "kilomètre": ("length", "kilometer"), "kilomètres": ("length", "kilometer"),
    "mètre": ("length", "meter"), "mètres": ("length", "meter"), "centimètre": ("length", "centimeter"),
    "centimètres": ("length", "centimeter"), "millimètre": ("length", "millimeter"), "millimètres": ("length", "millimeter"),
    "tonne": ("mass", "tonne"), "tonnes": ("mass", "tonne"), "kilo": ("mass", "kilogram"), "kilos": ("mass", "kilogram"),
    "kilogramme": ("mass", "kilogram"), "kilogrammes": ("mass", "kilogram"), "gramme": ("mass", "gram"),
    "grammes": ("mass", "gram"), "octet": ("data", "byte"), "octets": ("data", "byte"),
}

# Qualifiers written before a figure. Each maps to at_least, about or at_most.
QUALIFIERS_BEFORE: dict[str, tuple[str, ...]] = {
    "at_most": (
        r"pas\s+plus\s+d(?:e\s+|['’ʼ]\s*)", r"moins\s+d(?:e\s+|['’ʼ]\s*)", r"jusqu['’ʼ]\s*(?:à|a)\s+",
        r"au\s+plus\s+", r"au\s+maximum\s+", r"(?:en|au)[\s-]dessous\s+d(?:e\s+|['’ʼ]\s*)",
        r"dans\s+la\s+limite\s+d(?:e\s+|['’ʼ]\s*)", r"maximum\s+", r"inférieur(?:e|s|es)?\s+à\s+", r"<\s*", r"≤\s*",
    ),
    "at_least": (
        r"pas\s+moins\s+d(?:e\s+|['’ʼ]\s*)", r"plus\s+d(?:e\s+|['’ʼ]\s*)", r"au\s+moins\s+",
        r"au-delà\s+d(?:e\s+|['’ʼ]\s*)", r"au\s+minimum\s+", r"minimum\s+", r"dès\s+",
        r"à\s+partir\s+d(?:e\s+|['’ʼ]\s*)", r"au[\s-]dessus\s+d(?:e\s+|['’ʼ]\s*)",
        r"supérieur(?:e|s|es)?\s+à\s+", r"≥\s*", r">\s*", r"\+\s*d(?:e\s+|['’ʼ]\s*)", r"\+",
    ),
    "about": (
        r"environ\s+", r"quelque\s+", r"près\s+d(?:e\s+|['’ʼ]\s*)", r"presque\s+", r"approximativement\s+",
        r"quasiment\s+", r"pratiquement\s+", r"à\s+peu\s+près\s+", r"plus\s+ou\s+moins\s+",
        r"autour\s+d(?:e\s+|['’ʼ]\s*)", r"de\s+l['’ʼ]ordre\s+d(?:e\s+|['’ʼ]\s*)", r"aux\s+alentours\s+d(?:e\s+|['’ʼ]\s*)",
        r"grosso\s+modo\s+", r"~\s*", r"≈\s*", r"env\.\s*",
    ),
}

# How the text of every qualifier above ends (lower-case, spaces after it left out): a figure whose
# preceding text ends otherwise has no qualifier, and the patterns are not tried.
QUALIFIER_ENDINGS: tuple[str, ...] = (
    "de", "d'", "d’", "dʼ", "à", "a", "plus", "maximum", "minimum", "moins", "dès", "environ", "quelque",
    "presque", "approximativement", "quasiment", "pratiquement", "près", "modo", "env.", "<", "≤", ">",
    "≥", "+", "~", "≈",
)

# Words a number is not counting: after a figure they end the search for a counted noun.
NOT_NOUNS = frozenset("""
a à ai as au aux avec avant après c ça car ce ces cet cette chez comme contre d dans de des dès
donc dont du elle elles en entre est et été étaient était être eu fin font fois il ils jusqu l la
le les leur leurs lors mais même mi moins n ne ni nos notre nous on ont or ou où par parmi pas
pendant pour plus puis qu que qui s sa sans se selon ses si soit son sont sous sur ta tandis te
tes toi ton tous tout toute toutes très tu un une vers via voire vos votre vous y début déjà
encore seulement environ près contre vs versus afin ainsi alors aussi auprès autant aujourd
hier demain désormais dits dites soient seront sera serait seraient ont-ils
tiers quart quarts cinquième cinquièmes dixième dixièmes centième centièmes millième millièmes
""".split())

# Adjectives that stand before the noun they qualify ("120 nouveaux projets").
PRENOMINAL_ADJECTIVES = frozenset("""
nouveau nouveaux nouvel nouvelle nouvelles autre autres premier premiers première premières
dernier derniers dernière dernières grand grands grande grandes petit petits petite petites
principaux principales gros grosse grosses bons bonnes meilleurs meilleures vrais vraies
véritables futurs futures anciens anciennes différents différentes seuls seules
""".split())

# Words that name a numbered thing: "Article 51", "page 3", "version 2.0" are labels, not quantities.
LABEL_WORDS = (
    "article|art\\.|alinéa|chapitre|page|p\\.|pp\\.|n°|no\\.|nº|numéro|num\\.|version|v\\.|titre|tome|"
    "vol\\.|volume|annexe|paragraphe|rang|niveau|phase|saison|épisode|étape|ligne|lot|section|"
    "grade|classe|catégorie|type|modèle|saison|acte|partie|figure|fig\\.|tableau|session|axe|volet|"
    "priorité|fiche|action|chantier|item|semaine"
)

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

# Irregular plurals and invariable nouns for singularising counted nouns.
INVARIABLE_NOUNS = frozenset("""
pays fois mois tiers corps prix poids temps cas bras os dos souris avis processus virus campus
bus discours cours parcours concours secours recours choix voix croix noix taux paix faux
français anglais secteurs-clés
avis devis permis colis tapis radis paradis logis compromis brebis parvis croquis gâchis hachis
maïs rubis semis taillis tamis vernis châssis coloris débris frottis iris lambris marquis précis
cassis appentis acquis fils
autobus minibus omnibus cactus consensus corpus bonus malus terminus focus blocus abus refus jus
obus talus surplus sinus fœtus lotus cursus prospectus stimulus thésaurus hiatus opus tonus
humus papyrus utérus mucus syllabus
repas matelas lilas débarras fracas ananas canevas verglas embarras atlas compas glas
héros propos repos enclos chaos remords
""".split())
# Nouns in -ai and -oi, whose plural ends in -ais, -ois like the invariable palais, marais, bois
# and the demonyms (français, chinois).
NOUNS_IN_AI_OI = frozenset("""
emploi loi roi convoi envoi renvoi tournoi beffroi octroi paroi essai délai quai balai minerai
étai geai
""".split())
IRREGULAR_PLURALS: dict[str, str] = {
    "yeux": "œil", "travaux": "travail", "baux": "bail", "coraux": "corail", "émaux": "émail",
    "vitraux": "vitrail", "bijoux": "bijou", "cailloux": "caillou", "choux": "chou", "genoux": "genou",
    "hiboux": "hibou", "joujoux": "joujou", "poux": "pou", "lieux": "lieu", "pneus": "pneu",
    "bleus": "bleu", "festivals": "festival", "carnavals": "carnaval", "récitals": "récital",
}

# Verbs and nouns of change: "passant de 7 % à 21 %" is two figures, not a range.
CHANGE_WORDS = (
    r"pass\w*|augment\w*|rédui\w*|redui\w*|réduction|baiss\w*|diminu\w*|hauss\w*|évolu\w*|progress\w*|"
    r"chut\w*|grimp\w*|recul\w*|croiss\w*|croît|bondi\w*|décroi\w*|multipli\w*|divis\w*|gagn\w*|perd\w*"
)

# Words that say what a figure measures (investis, alloués, engagés, dotée de, budget...): shown
# with each claim so a reader sees whether two sources measure the same thing.
MEASURE_WORDS = (
    r"investi\w*|investissement\w*|allou\w*|engag\w*|dot[ée]\w*|dotation\w*|budget\w*|financ\w*|"
    r"consacr\w*|mobilis\w*|attribu\w*|dépens\w*|lev[ée]\w*|débloqu\w*|annonc\w*|prévu\w*|"
    r"ouvert\w*|activ[ée]\w*|déposé\w*|form[ée]s?|soutenu\w*|lauréat\w*|sélectionn\w*|accompagn\w*|"
    r"lancé\w*|intégr\w*|recrut\w*|consult\w*|réuni\w*|couvert\w*|objectif\w*|visé\w*"
)

# Words that date an event rather than a state of things (regular expressions, lower case): a date
# right after one of them (``lancée le 3 mars 2020``, ``créé en 2019``, ``lors de son lancement en
# 2021``) is the event's, neither the period of the figures around it nor a document's dateline.
# A participle may be said of the figure itself (``300 emplois créés en 2023``); a noun never is.
_PARTICIPLE = r"(?:é|ée|és|ées)"
EVENT_PARTICIPLES: tuple[str, ...] = (
    rf"lanc{_PARTICIPLE}", rf"annonc{_PARTICIPLE}", rf"cré{_PARTICIPLE}", rf"fond{_PARTICIPLE}", rf"inaugur{_PARTICIPLE}",
    rf"adopt{_PARTICIPLE}", rf"publi{_PARTICIPLE}", rf"vot{_PARTICIPLE}", rf"promulgu{_PARTICIPLE}", rf"sign{_PARTICIPLE}",
    rf"instaur{_PARTICIPLE}", rf"institu{_PARTICIPLE}", rf"généralis{_PARTICIPLE}", rf"initi{_PARTICIPLE}", rf"démarr{_PARTICIPLE}",
    rf"présent{_PARTICIPLE}", rf"dévoil{_PARTICIPLE}", rf"officialis{_PARTICIPLE}", rf"install{_PARTICIPLE}", rf"déploy{_PARTICIPLE}",
    rf"ratifi{_PARTICIPLE}", r"inscrite?s?", r"ouverte?s?", r"née?s?", r"mise?s?\s+en\s+(?:place|service|œuvre|oeuvre|ligne|route)",
    r"entrée?s?\s+en\s+vigueur",
)
EVENT_NOUNS: tuple[str, ...] = (
    r"(?:lors\s+d[eu]\s+|à\s+|dès\s+)?(?:(?:son|sa|leur|le|la|l['’ʼ])\s*)?"
    r"(?:lancement|création|fondation|inauguration|ouverture|adoption|publication|annonce|signature|promulgation|"
    r"naissance|mise\s+en\s+(?:place|service|œuvre|oeuvre)|entrée\s+en\s+vigueur|généralisation)"
    r"(?:\s+officielle?)?(?:\s+(?:[^\W\d_]|['’ʼ-])+){0,4}?",
)
EVENT_WORDS: tuple[str, ...] = EVENT_PARTICIPLES + EVENT_NOUNS

# A figure's own words (its noun phrase, checker.bind.phrase_of): before it, only determiners and
# the adjectives of PRENOMINAL_ADJECTIVES ("les 8 premiers lauréats"); after it, words up to one
# that starts another phrase: a conjunction, a preposition other than "de" (whose complement
# belongs to the phrase: "50 M€ de l'État") or an auxiliary verb ("90 M€, dont 50 M€ de l'État et
# 40 M€ des régions": the 40 M€ is not the État's).
DETERMINERS = frozenset("""
le la les l un une ces ses leurs nos vos mes tes ce cet cette son sa leur notre votre quelques
plusieurs certains certaines
""".split())
PHRASE_ENDS = frozenset("""
et ou ni dont contre mais avec sans pour par sur sous dans vers entre que qui quand soit selon
alors tandis puis car donc or comme lorsque afin chez hors malgré parmi auprès à au aux en
a ont est sont été était étaient sera seront serait seraient avait avaient fut furent
""".split())

# Words that set a period as a point of comparison (regular expressions, lower case): right before
# a period phrase (``12 % de plus qu'en 2019``, ``plus élevé que l'an dernier``, ``par rapport à fin
# 2023``, the à of which a phrase may hold), they make it the reference of a comparison, not the
# period of the figure. A bare ``que`` is not one: ``la ministre a rappelé qu'en 2023, 120
# projets...`` dates the 120 projects.
COMPARISON_WORDS: tuple[str, ...] = (
    r"contre", r"comme", r"versus", r"vs\.?", r"par\s+rapport(?:\s+(?:à|au|aux))?", r"compar(?:ée?s?|ativement)(?:\s+(?:à|au|aux))?",
    r"face(?:\s+(?:à|au|aux))?",
    r"(?:plus|moins|autant|davantage|mieux|pire|supérieure?s?|inférieure?s?|aussi|même)(?:\s+(?:[^\W\d_]|['’ʼ])+){0,2}\s+(?:que\s+|qu['’ʼ]\s*)",
)

# Figures whose unit is said elsewhere (checker.infer). Nouns of money before a bare amount
# ("un budget de 2,3 milliards"), participles of spending after one ("480 millions ont été
# engagés"), and the words that introduce the parts of a figure ("300 M€, dont 45 ...").
MONEY_NOUNS = (
    r"budgets?|enveloppes?|dotations?|crédits?|financements?|investissements?|subventions?|"
    r"montants?|coûts?|aides?|prêts?|fonds|levées?|recettes?|dépenses?|chiffres?\s+d['’ʼ]affaires|"
    r"économies|déficits?|dettes?|capital|valorisation|rallonges?"
)
MONEY_PARTICIPLES = (
    r"engagé[es]*|investi[es]*|allou[ée]+s?|dépensé[es]*|levé[es]*|consacré[es]*|débloqué[es]*|"
    r"versé[es]*|mobilisé[es]*|injecté[es]*|financé[es]*|attribué[es]*|économisé[es]*|budgété[es]*"
)
PART_WORDS = r"dont|soit|parmi\s+lesquel(?:le)?s|parmi\s+eux|parmi\s+elles"
