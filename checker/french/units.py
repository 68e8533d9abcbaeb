"""The units a French figure is counted in: currencies and units of measure, as written.

Read by the extraction (checker.extraction.extractor, infer, units): each currency's names,
symbols, dollar codes and ISO 4217 codes, mapped to its ISO code, with the names that say no
currency alone and the hundredths (``centimes``); each unit's symbols and words, mapped to its
kind and its pint unit (whose factors checker.extraction.units computes from units.txt), with
the unit words that need a context (``degrés``). Tables, and the spellings a word is also read
in; no logic.
"""

from __future__ import annotations

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
