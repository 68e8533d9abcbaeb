"""Vocabulary of French press writing that the extractor and the period reader need: tables, not logic."""

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

# Currencies, each read as its ISO 4217 code. Names are matched in any case (a name of several
# words with any spaces between them), symbols and codes as written.
CURRENCY_NAMES: dict[str, str] = {
    "euro": "EUR", "euros": "EUR",
    "dollar": "USD", "dollars": "USD", "dollar américain": "USD", "dollars américains": "USD",
    "dollar us": "USD", "dollars us": "USD",
    "dollar canadien": "CAD", "dollars canadiens": "CAD", "dollar australien": "AUD", "dollars australiens": "AUD",
    "dollar néo-zélandais": "NZD", "dollars néo-zélandais": "NZD", "dollar de hong kong": "HKD",
    "dollars de hong kong": "HKD", "dollar hongkongais": "HKD", "dollars hongkongais": "HKD",
    "dollar de singapour": "SGD", "dollars de singapour": "SGD", "dollar singapourien": "SGD",
    "dollars singapouriens": "SGD", "dollar taïwanais": "TWD", "dollars taïwanais": "TWD",
    "livre sterling": "GBP", "livres sterling": "GBP", "livre britannique": "GBP", "livres britanniques": "GBP",
    "franc suisse": "CHF", "francs suisses": "CHF", "franc cfa": "XOF", "francs cfa": "XOF", "franc cfp": "XPF",
    "fcfa": "XOF", "f cfa": "XOF", "francs cfp": "XPF", "franc pacifique": "XPF", "francs pacifique": "XPF", "franc français": "FRF",
    "francs français": "FRF", "franc belge": "BEF", "francs belges": "BEF",
    "yen": "JPY", "yens": "JPY", "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY", "renminbis": "CNY",
    "roupie indienne": "INR", "roupies indiennes": "INR", "roupie mauricienne": "MUR", "roupies mauriciennes": "MUR",
    "roupie pakistanaise": "PKR", "roupies pakistanaises": "PKR",
    "couronne suédoise": "SEK", "couronnes suédoises": "SEK", "couronne norvégienne": "NOK",
    "couronnes norvégiennes": "NOK", "couronne danoise": "DKK", "couronnes danoises": "DKK",
    "couronne tchèque": "CZK", "couronnes tchèques": "CZK", "couronne islandaise": "ISK", "couronnes islandaises": "ISK",
    "peso mexicain": "MXN", "pesos mexicains": "MXN", "peso argentin": "ARS", "pesos argentins": "ARS",
    "peso chilien": "CLP", "pesos chiliens": "CLP", "peso colombien": "COP", "pesos colombiens": "COP",
    "dirham marocain": "MAD", "dirhams marocains": "MAD", "dirham émirati": "AED", "dirhams émiratis": "AED",
    "dinar tunisien": "TND", "dinars tunisiens": "TND", "dinar algérien": "DZD", "dinars algériens": "DZD",
    "livre turque": "TRY", "livres turques": "TRY", "lire turque": "TRY", "lires turques": "TRY",
    "rouble": "RUB", "roubles": "RUB", "réal": "BRL", "réals": "BRL", "reais": "BRL", "zloty": "PLN", "zlotys": "PLN",
    "forint": "HUF", "forints": "HUF", "won": "KRW", "wons": "KRW", "rand": "ZAR", "rands": "ZAR",
    "shekel": "ILS", "shekels": "ILS", "baht": "THB", "bahts": "THB", "naira": "NGN", "nairas": "NGN",
    "hryvnia": "UAH", "hryvnias": "UAH", "roupiah": "IDR", "roupiahs": "IDR", "ringgit": "MYR", "ringgits": "MYR",
}
# Names that several countries give their currency: alone, they say no currency, and a figure in
# them is read as a bare number ("50 millions de francs" may be French, Swiss or CFA francs). A
# name of this table or "dollar(s)" followed by an adjective of nationality that CURRENCY_NAMES
# does not know ("dollars zimbabwéens") is read the same way, never as US dollars.
AMBIGUOUS_CURRENCY_NAMES = frozenset("""
franc francs roupie roupies peso pesos dinar dinars dirham dirhams
""".split())
# Words that name a currency without saying which one, or only with a word after them: a bare
# number before them ("12 millions de francs", "300 millions de dirhams", "2 milliards de livres")
# is never given the currency of its paragraph, nor the euro, by checker.extraction.infer.
UNNAMED_CURRENCY_WORDS = frozenset("""
franc francs roupie roupies peso pesos dinar dinars dirham dirhams dollar dollars couronne couronnes
livre livres lire lires
""".split())
# "couronnes" alone are also crowns (dental ones too): a counted noun, unless a nationality follows.
QUALIFIED_CURRENCY_NAMES = frozenset({"dollar", "dollars", "couronne", "couronnes", *AMBIGUOUS_CURRENCY_NAMES})
NATIONALITY_ENDINGS = (
    "ien", "iens", "ienne", "iennes", "ain", "ains", "aine", "aines", "ais", "aise", "aises", "ois", "oise",
    "oises", "éen", "éens", "éenne", "éennes", "ote", "otes",
)
CURRENCY_SYMBOLS: dict[str, str] = {
    "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS",
}
# Dollars of other countries, written with a code glued to "$" or after it: "C$", "AUD$", "HK$",
# "$CAD", "$ CA", "US$". A code this table does not know, glued to "$", makes no currency.
DOLLAR_CODES: dict[str, str] = {
    "US": "USD", "USD": "USD", "C": "CAD", "CA": "CAD", "CAN": "CAD", "CAD": "CAD", "A": "AUD", "AU": "AUD",
    "AUD": "AUD", "NZ": "NZD", "NZD": "NZD", "HK": "HKD", "HKD": "HKD", "S": "SGD", "SG": "SGD", "SGD": "SGD",
    "MX": "MXN", "MXN": "MXN", "R": "BRL", "NT": "TWD", "TW": "TWD", "TWD": "TWD",
}
# ISO 4217 codes read before or after a number, glued or not ("EUR29,99", "40 CHF").
ISO_CODES = frozenset("""
EUR USD GBP CHF JPY CAD CNY AUD NZD HKD SGD TWD SEK NOK DKK ISK CZK PLN HUF RON RUB UAH TRY ILS INR PKR
MUR BRL MXN ARS CLP COP ZAR NGN MAD TND DZD EGP XOF XAF XPF AED SAR QAR KWD THB KRW IDR MYR FRF BEF
""".split())
# ISO codes that are also French acronyms or words, written in capitals: "les 18 ARS" (agences
# régionales de santé), "la COP 28", "les 12 MAD", "SAR 2", "ILS ont voté", "le MUR", "la CUP". Such a
# code is a currency only where the figure shows money: a scale before it ("12 M ARS", "3 millions
# COP"), decimals ("12,50 ARS"), or an English sentence; elsewhere it is a counted noun or a name.
ISO_CODES_ALSO_WORDS = frozenset("""
ARS COP MAD ILS SAR MUR CUP
""".split())
# Hundredths of a currency, after an amount ("15 dollars et 50 cents", "3 € 50") or alone. Alone,
# "centimes" are the euro's and pence the pound's; "cents" name no currency alone (euro or dollar?).
CURRENCY_SUBUNITS: dict[str, int] = {
    "centime": 100, "centimes": 100, "cent": 100, "cents": 100, "penny": 100, "pence": 100, "ct": 100, "cts": 100,
}
SUBUNIT_CURRENCY: dict[str, str] = {"centime": "EUR", "centimes": "EUR", "penny": "GBP", "pence": "GBP"}

# Every currency by name, symbol, dollar code and ISO code (names in lower case).
CURRENCIES: dict[str, str] = {
    **CURRENCY_NAMES, **CURRENCY_SYMBOLS, **{f"{code}$": currency for code, currency in DOLLAR_CODES.items()},
    **{code: code for code in ISO_CODES},
}

# Units of physical quantities and durations: surface -> (kind, pint unit of checker/extraction/units.txt).
# Symbols are matched case-sensitively, words case-insensitively; a word written with accents is
# also read without them ("kilometres"), and with either apostrophe (see _spellings below).
UNIT_SYMBOLS: dict[str, tuple[str, str]] = {
    "m²": ("area", "meter ** 2"), "m2": ("area", "meter ** 2"), "km²": ("area", "kilometer ** 2"),
    "km2": ("area", "kilometer ** 2"), "ha": ("area", "hectare"),
    "m³": ("volume", "meter ** 3"), "m3": ("volume", "meter ** 3"), "L": ("volume", "liter"),
    "l": ("volume", "liter"), "ml": ("volume", "milliliter"), "mL": ("volume", "milliliter"),
    "hl": ("volume", "hectoliter"), "cl": ("volume", "centiliter"), "cL": ("volume", "centiliter"),
    "dl": ("volume", "deciliter"), "dL": ("volume", "deciliter"), "µl": ("volume", "microliter"),
    "µL": ("volume", "microliter"), "cm³": ("volume", "centimeter ** 3"), "cm3": ("volume", "centimeter ** 3"),
    "km": ("length", "kilometer"), "m": ("length", "meter"), "cm": ("length", "centimeter"),
    "mm": ("length", "millimeter"), "µm": ("length", "micrometer"),
    "t": ("mass", "tonne"), "kg": ("mass", "kilogram"), "g": ("mass", "gram"), "mg": ("mass", "milligram"),
    "µg": ("mass", "microgram"), "mcg": ("mass", "microgram"),
    "h": ("duration", "hour"), "min": ("duration", "minute"), "mn": ("duration", "minute"),
    "Wh": ("energy", "watt_hour"), "kWh": ("energy", "kilowatt_hour"), "MWh": ("energy", "megawatt_hour"),
    "GWh": ("energy", "gigawatt_hour"), "TWh": ("energy", "terawatt_hour"), "kcal": ("energy", "kilocalorie"),
    "kW": ("power", "kilowatt"), "MW": ("power", "megawatt"), "GW": ("power", "gigawatt"),
    "Ko": ("data", "kilobyte"), "Mo": ("data", "megabyte"), "Go": ("data", "gigabyte"), "To": ("data", "terabyte"),
    "Po": ("data", "petabyte"),
    "°C": ("temperature", "degree_Celsius"), "° C": ("temperature", "degree_Celsius"),
    "°F": ("temperature", "degree_Fahrenheit"), "° F": ("temperature", "degree_Fahrenheit"),
}
UNIT_WORDS: dict[str, tuple[str, str]] = {
    # durations
    "an": ("duration", "year"), "ans": ("duration", "year"), "année": ("duration", "year"),
    "années": ("duration", "year"), "mois": ("duration", "month"), "semaine": ("duration", "week"),
    "semaines": ("duration", "week"), "jour": ("duration", "day"), "jours": ("duration", "day"),
    "heure": ("duration", "hour"), "heures": ("duration", "hour"), "minute": ("duration", "minute"),
    "minutes": ("duration", "minute"), "mins": ("duration", "minute"), "mns": ("duration", "minute"),
    "seconde": ("duration", "second"), "secondes": ("duration", "second"), "sec": ("duration", "second"),
    "secs": ("duration", "second"), "trimestre": ("duration", "trimester"), "trimestres": ("duration", "trimester"),
    "semestre": ("duration", "semester"), "semestres": ("duration", "semester"),
    "décennie": ("duration", "decade"), "décennies": ("duration", "decade"),
    "siècle": ("duration", "century"), "siècles": ("duration", "century"),
    # areas
    "mètre carré": ("area", "meter ** 2"), "mètres carrés": ("area", "meter ** 2"),
    "kilomètre carré": ("area", "kilometer ** 2"), "kilomètres carrés": ("area", "kilometer ** 2"),
    "hectare": ("area", "hectare"), "hectares": ("area", "hectare"), "acre": ("area", "acre"),
    "acres": ("area", "acre"), "pieds carrés": ("area", "foot ** 2"),
    # volumes
    "mètre cube": ("volume", "meter ** 3"), "mètres cubes": ("volume", "meter ** 3"),
    "litre": ("volume", "liter"), "litres": ("volume", "liter"), "hectolitre": ("volume", "hectoliter"),
    "hectolitres": ("volume", "hectoliter"), "millilitre": ("volume", "milliliter"), "millilitres": ("volume", "milliliter"),
    "centilitre": ("volume", "centiliter"), "centilitres": ("volume", "centiliter"),
    "décilitre": ("volume", "deciliter"), "décilitres": ("volume", "deciliter"),
    "microlitre": ("volume", "microliter"), "microlitres": ("volume", "microliter"),
    "gallon": ("volume", "gallon"), "gallons": ("volume", "gallon"),  # the US gallon, the one of oil and fuel prices
    "baril": ("volume", "oil_barrel"), "barils": ("volume", "oil_barrel"),
    # lengths ("pied", "pouce" in the singular are mostly idioms: "un pied dans", "un coup de pouce")
    "kilomètre": ("length", "kilometer"), "kilomètres": ("length", "kilometer"),
    "mètre": ("length", "meter"), "mètres": ("length", "meter"), "centimètre": ("length", "centimeter"),
    "centimètres": ("length", "centimeter"), "millimètre": ("length", "millimeter"), "millimètres": ("length", "millimeter"),
    "micromètre": ("length", "micrometer"), "micromètres": ("length", "micrometer"),
    "pieds": ("length", "foot"), "pouces": ("length", "inch"), "mile": ("length", "mile"), "miles": ("length", "mile"),
    "yard": ("length", "yard"), "yards": ("length", "yard"), "milles marins": ("length", "nautical_mile"),
    "milles nautiques": ("length", "nautical_mile"),
    # masses (gold and silver are weighed in troy ounces)
    "tonne": ("mass", "tonne"), "tonnes": ("mass", "tonne"), "kilo": ("mass", "kilogram"), "kilos": ("mass", "kilogram"),
    "kilogramme": ("mass", "kilogram"), "kilogrammes": ("mass", "kilogram"), "gramme": ("mass", "gram"),
    "grammes": ("mass", "gram"), "milligramme": ("mass", "milligram"), "milligrammes": ("mass", "milligram"),
    "microgramme": ("mass", "microgram"), "microgrammes": ("mass", "microgram"),
    "quintal": ("mass", "quintal"), "quintaux": ("mass", "quintal"),
    "once": ("mass", "ounce"), "onces": ("mass", "ounce"), "once d'or": ("mass", "troy_ounce"),
    "onces d'or": ("mass", "troy_ounce"), "once d'argent": ("mass", "troy_ounce"),
    "onces d'argent": ("mass", "troy_ounce"), "once troy": ("mass", "troy_ounce"), "onces troy": ("mass", "troy_ounce"),
    # energy, power, data
    "kilowattheure": ("energy", "kilowatt_hour"), "kilowattheures": ("energy", "kilowatt_hour"),
    "mégawattheure": ("energy", "megawatt_hour"), "mégawattheures": ("energy", "megawatt_hour"),
    "watt": ("power", "watt"), "watts": ("power", "watt"), "kilowatt": ("power", "kilowatt"),
    "kilowatts": ("power", "kilowatt"), "mégawatt": ("power", "megawatt"), "mégawatts": ("power", "megawatt"),
    "gigawatt": ("power", "gigawatt"), "gigawatts": ("power", "gigawatt"),
    "octet": ("data", "byte"), "octets": ("data", "byte"), "kilooctet": ("data", "kilobyte"),
    "kilooctets": ("data", "kilobyte"), "mégaoctet": ("data", "megabyte"), "mégaoctets": ("data", "megabyte"),
    "gigaoctet": ("data", "gigabyte"), "gigaoctets": ("data", "gigabyte"), "téraoctet": ("data", "terabyte"),
    "téraoctets": ("data", "terabyte"), "pétaoctet": ("data", "petabyte"), "pétaoctets": ("data", "petabyte"),
    # temperatures
    "degré celsius": ("temperature", "degree_Celsius"), "degrés celsius": ("temperature", "degree_Celsius"),
    "degré fahrenheit": ("temperature", "degree_Fahrenheit"), "degrés fahrenheit": ("temperature", "degree_Fahrenheit"),
    "degré": ("temperature", "degree_Celsius"), "degrés": ("temperature", "degree_Celsius"),
}

# Unit words that are that unit only when the sentence says what is measured: "30 degrés" is a
# temperature near "température", "fièvre"..., and not in "une vision à 360 degrés"; a sign makes
# it one too ("moins 5 degrés", "10 degrés en dessous de zéro"). Elsewhere they are no figure.
UNIT_WORDS_IN_CONTEXT: dict[str, str] = {
    "degré": "temperature", "degrés": "temperature",
}
KIND_CONTEXT_WORDS: dict[str, str] = {
    "temperature": r"températures?|fièvres?|chaleurs?|canicules?|froids?|gel|gelées?|thermomètres?|météo\w*|"
                   r"réchauffement|climat\w*|chaud\w*|glacia\w*|frais|fraîcheur|thermique\w*|fébrile\w*",
}
# "10 degrés en dessous de zéro", "5 °C sous zéro": a temperature below zero
BELOW_ZERO = r"(?:en[\s-]dessous|au-dessous|sous)(?:\s+de)?\s+(?:zéro|zero|0)"


def _without_accents(word: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _spellings(table: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """``table`` with each word also written without accents and with the typographic apostrophe."""
    spelled = dict(table)
    for word, value in table.items():
        for variant in (_without_accents(word), word.replace("'", "’"), _without_accents(word).replace("'", "’")):
            spelled.setdefault(variant, value)
    return spelled


UNIT_WORDS = _spellings(UNIT_WORDS)
# "µ" is written as the micro sign (U+00B5) or the Greek mu (U+03BC)
UNIT_SYMBOLS = {**UNIT_SYMBOLS, **{symbol.replace("µ", "μ"): unit for symbol, unit in UNIT_SYMBOLS.items() if "µ" in symbol}}

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

# Adjectives that stand before the noun they qualify ("120 nouveaux projets").
PRENOMINAL_ADJECTIVES = frozenset("""
nouveau nouveaux nouvel nouvelle nouvelles autre autres premier premiers première premières
dernier derniers dernière dernières grand grands grande grandes petit petits petite petites
principaux principales gros grosse grosses bons bonnes meilleurs meilleures vrais vraies
véritables futurs futures anciens anciennes différents différentes seuls seules
prochain prochains prochaine prochaines long longs longue longues court courts courte courtes
pleins pleines belles beaux
""".split())

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

# A figure's own words (its noun phrase, checker.binding.bind.phrase_of): before it, only determiners and
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
