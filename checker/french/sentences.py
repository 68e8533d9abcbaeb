"""The words of French around a figure that say what it is of, in its sentence.

Read by the extraction (the noun a figure counts, its changes: checker.extraction.extractor; the
money its words imply: infer), the binding (a change's size, its measure word, its phrase:
checker.binding.bind; an event's or a comparison's date: checker.binding.period), the reading
(a dateline is no event's date: checker.reading.dates) and discovery: the words that are no
counted noun and the singular of nouns, words of a rise, a fall or a change, measure words,
event words, the words that open and end a figure's phrase, words of comparison, and the nouns,
participles and verbs of money. Tables and regular expressions (lower case), no logic.
"""

from __future__ import annotations

# Words a number is not counting: after a figure they end the search for a counted noun.
NOT_NOUNS = frozenset("""
a à ai as au aux avec avant après c ça car ce ces cet cette chez comme contre d dans de des dès
donc dont du elle elles en entre est et été étaient était être eu fin font fois il ils jusqu l la
le les leur leurs lors mais même mi moins n ne ni nos notre nous on ont or ou où par parmi pas
pendant pour plus puis qu que qui s sa sans se selon ses si soit son sont sous sur ta tandis te
tes toi ton tous tout toute toutes très tu un une vers via voire vos votre vous y début déjà
encore seulement environ près contre vs versus afin ainsi alors aussi auprès autant aujourd
hier demain désormais dits dites soient seront sera serait seraient ont-ils
ici ailleurs abord emblée office habitude avance ores suite rigueur hui loin
notamment également respectivement actuellement exactement précisément uniquement simplement
récemment finalement chacun chacune
""".split())

# Adjectives that stand before the noun they qualify ("120 nouveaux projets").
PRENOMINAL_ADJECTIVES = frozenset("""
nouveau nouveaux nouvel nouvelle nouvelles autre autres premier premiers première premières
dernier derniers dernière dernières grand grands grande grandes petit petits petite petites
principaux principales gros grosse grosses bons bonnes meilleurs meilleures vrais vraies
véritables futurs futures anciens anciennes différents différentes seuls seules
prochain prochains prochaine prochaines long longs longue longues court courts courte courtes
pleins pleines belles beaux
""".split())

# Irregular plurals and invariable nouns for singularising counted nouns.
INVARIABLE_NOUNS = frozenset("""
pays fois mois tiers corps prix poids temps cas bras os dos souris avis processus virus campus
bus discours cours parcours concours secours recours choix voix croix noix taux paix faux
français anglais secteurs-clés data start-up people children women men staff
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

# Words of a fall and of a rise: "a baissé de 20 à 30 %" cannot be a fall from 20 % to 30 %, so it
# is a range of the fall; "a augmenté de 15 à 10 %" neither a rise, so a range too.
FALL_WORDS = r"rédui\w*|redui\w*|réduction|baiss\w*|diminu\w*|recul\w*|chut\w*|décroi\w*|perd\w*|divis\w*"
RISE_WORDS = r"augment\w*|hauss\w*|progress\w*|grimp\w*|croiss\w*|croît|bondi\w*|gagn\w*|multipli\w*"
# Verbs and nouns of change, of either direction or none: "passant de 7 % à 21 %" is two figures,
# not a range.
CHANGE_WORDS = rf"pass\w*|évolu\w*|{RISE_WORDS}|{FALL_WORDS}"

# Words just before an amount that make it the size of a change, not a level: "165 M€, en hausse
# de 15 M€", "le budget a augmenté de 20 M€" (checker.binding.bind: not bound to a rule of money or of a
# count, whose figure is a level); "de X à Y" after them is a change from X to Y, left alone.
CHANGE_OF_BEFORE = (
    r"(?:(?:en|une|d['’ʼ]une|la|sa|leur|cette)\s+)?(?:hausse|baisse|progression|augmentation|diminution|recul|croissance|chute|rallonge)\s+(?:de\s+|d['’ʼ])|"
    r"(?:augment|progress|baiss|diminu|recul|grimp|chut)\w*\s+(?:de\s+|d['’ʼ])|(?:a|ont|avait|avaient)\s+crû\s+(?:de\s+|d['’ʼ])"
)
# ... and just after it: "soit 10 M€ de plus qu'en 2024"
CHANGE_OF_AFTER = r"\s+(?:de\s+plus|de\s+moins|en\s+plus|en\s+moins)(?![\p{L}])"

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
    r"entrée?s?\s+en\s+vigueur", r"(?:a|ont|avait|avaient)\s+vu\s+le\s+jour",
)
EVENT_NOUNS: tuple[str, ...] = (
    r"(?:lors\s+d[eu]\s+|à\s+|dès\s+)?(?:(?:son|sa|leur|le|la|l['’ʼ])\s*)?"
    r"(?:lancement|création|fondation|inauguration|ouverture|adoption|publication|annonce|signature|promulgation|"
    r"naissance|mise\s+en\s+(?:place|service|œuvre|oeuvre)|entrée\s+en\s+vigueur|généralisation)"
    r"(?:\s+officielle?)?(?:\s+(?:[^\W\d_]|['’ʼ-])+){0,4}?",
)
EVENT_WORDS: tuple[str, ...] = EVENT_PARTICIPLES + EVENT_NOUNS

# A figure's own words (its noun phrase, checker.binding.scopes.phrase_of): before it, only determiners and
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

# Figures whose unit is said elsewhere (checker.extraction.infer). Nouns of money before a bare amount
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
# Verbs of spending or funding written just before an amount ("doté de 50 millions", "le plan
# investit 1 milliard", "financé à hauteur de 30 millions"): they too say the figure is money.
MONEY_VERBS = (
    r"dot[ée]e?s?\s+d['’ʼ]?e?|investi(?:t|ra|ront|ssent)|(?:a|ont|va|vont|avait|avaient)\s+investi[r]?|"
    r"financ[ée]e?s?\s+(?:à\s+hauteur\s+)?d['’ʼ]?e?|à\s+hauteur\s+d['’ʼ]?e?|allou(?:e|ent|era|eront)|"
    r"consacr(?:e|ent|era|eront)|débloqu(?:e|ent|era|eront)|(?:a|ont)\s+débloqué|injecte(?:ra)?|(?:a|ont)\s+injecté"
)
PART_WORDS = r"dont|soit|parmi\s+lesquel(?:le)?s|parmi\s+eux|parmi\s+elles"
