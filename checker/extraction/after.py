"""The reading of what follows a number: its scale, currency, percent, points, unit or counted noun.

``_read_after(text, pos, ...)`` gives the ``_Reading`` of the words after a number that ends at
``pos``: None when nothing after it was read, ``_NOT_A_FIGURE`` when what follows makes it no
figure at all. It reads again after a "de" ("une dizaine de projets"), a "demi-", a scale
(``_read_after_scale``: "3 millions d'euros", "1 million 200 000 euros") and the hundredths of an
amount (``_money``: "3 € 50"), which call it in turn: they stay in this module. Also here, the
words after a unit or a factor that change its figure ("130 km/h": a rate; "deux fois moins").
"""

from __future__ import annotations

from decimal import Decimal

import regex

from checker import french
from checker.extraction import units
from checker.extraction.language import is_english
from checker.extraction.nouns import _counted, singular
from checker.extraction.numbers import APPROXIMATE_WORDS, parse_digits, parse_words
from checker.extraction.patterns import WHITESPACE, _DE, _DE_AFTER, _Lazy, _SP, _WORDS, _YEAR
from checker.extraction.readings import _NOT_A_FIGURE, _NOUN, _Reading, _after_match
from checker.extraction.tables import _CURRENCY, _CURRENCY_NAME, _SCALE_WORD, _UNIT_WORD, _alternatives, _currency_code

# After a currency named alone, what qualifies it: an adjective of nationality ("dollars
# australiens"), a country ("dollars de Namibie"), a code ("dollars HK").
_CURRENCY_QUALIFIER = _Lazy(
    r"\s+(?:(?i:de|des|du)\s+\p{Lu}\p{L}*|[A-Z]{2,3}|(?P<adjective>\p{Ll}[\p{L}-]*))(?![\p{L}])"
)
# Hundredths after an amount: "3 € 50", "15 euros 50", "15 dollars et 50 cents"
_SUBUNIT_AFTER = regex.compile(
    r"(?P<and>\s+(?i:et))?[ \u00a0\u202f]?(?P<cents>\d{1,2})(?![\d,.]\d|\d|\p{L})"
    rf"(?:[ \u00a0\u202f]+(?P<subunit>(?i:{_alternatives(french.CURRENCY_SUBUNITS)}))(?![\p{{L}}]))?"
)
# "20 centimes d'euro", "50 cents de dollar": the "de" before the currency of a subunit
_SUBUNIT_OF = _Lazy(rf"\s+{_DE}", regex.IGNORECASE)
_FREQUENCY_AFTER = _Lazy(rf"\s+(?i:{french.FREQUENCY_AFTER_TIMES})(?![\p{{L}}])")
_SMALLER_AFTER = _Lazy(rf"\s+(?i:{french.SMALLER_AFTER_TIMES})(?![\p{{L}}])")
_AND_HALF = regex.compile(r"\s+et\s+demie?(?![\p{L}])", regex.IGNORECASE)
_DE_NOUN = regex.compile(rf"(?:{_SP}|\s)+{_DE}(?P<noun>\p{{L}}+(?:-\p{{L}}+)*)(?![\p{{L}}'’ʼ])", regex.IGNORECASE)
_NAME_AFTER = _Lazy(r"[ \u00a0\u202f](?P<name>\p{Lu}\p{Ll}+)(?![\p{L}])")  # a capitalised word, on the same line
_DE_SHORT = regex.compile(rf"\s*{_DE}", regex.IGNORECASE)
_DEMI = _Lazy(r"\s+demi-(?=\p{L})", regex.IGNORECASE)
# Abbreviated scales, which may end with a dot ("2 M.€"): the symbols, and words such as "mds"
_ABBREVIATED_SCALES = frozenset(
    {symbol.lower() for symbol in french.SCALE_SYMBOLS} | {word for word in french.SCALE_WORDS if len(word) <= 4 and word != "mille"}
)
_BELOW_ZERO = _Lazy(rf"\s+(?i:{french.BELOW_ZERO})(?![\p{{L}}\p{{N}}])")


def _read_after(text: str, pos: int, allow_noun: bool, takes_de: bool = False, plural: bool = False) -> _Reading | None:
    """Read scale, currency, percent, unit or counted noun right after a number ending at pos.

    ``takes_de``: the number is itself a noun (``une dizaine``, ``1 000 000``), so what it counts
    follows a ``de``, as after ``millions``: ``une dizaine de projets``, ``1 000 000 d'euros``.
    ``plural``: the number is 2 or more, so a noun right after it is in the plural: "40
    viendront" counts nothing (see _looks_plural).
    """
    if takes_de and (de := _DE_AFTER.match(text, pos)) and not _SCALE_WORD.match(text, pos):
        inner = _read_after(text, de.end(), allow_noun)
        if inner is not None and inner is not _NOT_A_FIGURE and (inner.kind not in ("number", "percent", "percentage_point", "factor") or inner.scale != 1):
            return inner
    if text.startswith("demi-", pos + 1) and text[pos:pos + 1] in WHITESPACE and (half := _DEMI.match(text, pos)):
        # "un demi-million", "une demi-douzaine", "une demi-heure": half of a scale or a unit
        inner = _read_after(text, half.end(), allow_noun=False)
        if inner is None or inner is _NOT_A_FIGURE or inner.kind == "number" and inner.scale == 1:
            return _NOT_A_FIGURE  # "un demi-tarif"
        return inner._replace(scale=inner.scale * Decimal("0.5"), strong=True)
    what, match = _after_match(text, pos)
    if match is None:
        return None
    if what == "counted" and text.startswith("et", pos + 1) and (half := _AND_HALF.match(text, pos)):
        return _Reading(half.end(), "number", "count", add=Decimal("0.5"), half_unit=Decimal("0.25"))  # "trois et demi"
    if what == "scaled":
        return _read_after_scale(text, pos, match, plural)
    if what == "money":
        money = _money(text, match, 1, pos)
        if money is None and allow_noun and (noun_match := _NOUN.match(text, pos)):
            return _counted(text, noun_match, plural)  # "3 couronnes dentaires": crowns
        return money
    if what == "percent":
        if (name := _NAME_AFTER.match(text, match.end())) and name.group("name") not in french.SENTENCE_WORDS:
            return _NOT_A_FIGURE  # "la réforme 100 % Santé": the name of a programme, not a share
        return _Reading(match.end(), "percent", "percent")
    if what == "points":
        return _Reading(match.end(), "percentage_point", "percentage_point")
    if what == "times":
        if _FREQUENCY_AFTER.match(text, match.end(), match.end() + 24):
            return _NOT_A_FIGURE  # "deux fois par an": a frequency, no factor
        if half := _AND_HALF.match(text, match.end()):  # "deux fois et demie": 2,5
            return _Reading(half.end(), "factor", "times", add=Decimal("0.5"), half_unit=Decimal("0.25"))
        return _Reading(match.end(), "factor", "times")
    if what == "unit_symbol" or what == "unit_word":
        unit_name = match.group("unit")
        kind, unit = french.UNIT_SYMBOLS[unit_name] if what == "unit_symbol" else french.UNIT_WORDS[unit_name.lower()]
        end = match.end()
        add, half_unit = Decimal(0), None
        if half := _AND_HALF.match(text, end):  # "deux ans et demi": to the half year
            add, half_unit, end = Decimal("0.5"), Decimal("0.25"), half.end()
        if kind != "temperature":
            return _Reading(end, kind, unit, add=add, half_unit=half_unit)
        below = _BELOW_ZERO.match(text, end)
        return _Reading(below.end() if below else end, kind, unit, add=add, half_unit=half_unit, negative=below is not None,
                        needs_context=what == "unit_word" and unit_name.lower() in french.UNIT_WORDS_IN_CONTEXT)
    if allow_noun:  # what == "counted"
        return _counted(text, match, plural)
    return None


def _read_after_scale(text: str, pos: int, match: regex.Match[str], plural: bool = False) -> _Reading | None:
    """What follows a number and its scale (``match``, of _SCALE_WORD): a currency, a counted noun.

    "3 millions et demi" is 3,5 millions; an abbreviation may end with a dot before its currency
    ("2 M.€", "3 Mds. d'euros"); a collective noun makes the figure approximate and, like
    "millions", takes "de" before what it counts ("trois douzaines d'œufs").
    """
    if collective := match.group("collective"):
        scale = APPROXIMATE_WORDS[collective.lower().removesuffix("s")]
        inner = _read_after(text, match.end(), allow_noun=True, takes_de=True)
        if inner is not None and inner is not _NOT_A_FIGURE and (inner.kind != "number" or inner.scale != 1):
            return inner._replace(scale=inner.scale * scale, about=True, strong=True)
        return _Reading(match.end(), "number", "count", scale, about=True)
    word = match.group("scale")
    scale = french.SCALE_WORDS[word.lower()] if word else french.SCALE_SYMBOLS[match.group("symbol")]
    if word and word.lower() in french.ENGLISH_SCALE_WORDS and (
        plural and not word.lower().endswith("s") or is_english(text, pos) or _DECIMAL_POINT_END.search(text, max(0, pos - 24), pos)
    ):
        scale = french.ENGLISH_SCALE_WORDS[word.lower()]  # "€3 billion", "a $2.5 billion fund", "1.2 billion": 10^9
    after_scale = match.end()
    add, half_unit = Decimal(0), None
    if half := _AND_HALF.match(text, after_scale):
        add, half_unit, after_scale = Decimal("0.5"), Decimal("0.25"), half.end()
    elif text.startswith(".", after_scale) and (word or match.group("symbol")).lower() in _ABBREVIATED_SCALES:
        de = _DE_SHORT.match(text, after_scale + 1, after_scale + 9)
        if _CURRENCY.match(text, de.end() if de else after_scale + 1):
            after_scale += 1  # "2 M.€", "3 Mds. d'euros": the dot of the abbreviation
    if word and scale >= 10**6 and not add and (rest := _rest_of_compound(text, after_scale, scale)) is not None:
        return rest  # "1 million 200 000 euros", "deux millions cinq cent mille ordonnances": one figure
    # Money: [scale] [de|d'] currency
    currency_at = after_scale
    if de := _DE_SHORT.match(text[after_scale:after_scale + 8]):
        currency_at = after_scale + de.end()
    if currency := _CURRENCY.match(text, currency_at) or (currency_at != after_scale and _CURRENCY.match(text, after_scale)):
        money = _money(text, currency, scale, after_scale)
        return money._replace(add=add, half_unit=half_unit) if add and money is not None and money is not _NOT_A_FIGURE else money
    if currency_at != after_scale and (unit := _unit_after_de(text, currency_at)) is not None:
        kind, unit_name, end = unit  # "1,2 million de kilomètres", "3,5 millions d'heures": a length, a duration
        return _Reading(end, kind, unit_name, scale, add=add, half_unit=half_unit)
    if noun_match := _DE_NOUN.match(text, after_scale):
        noun = noun_match.group("noun")
        if noun.lower() not in french.NOT_NOUNS:
            return _Reading(noun_match.end(), "count", "count", scale, singular(noun), add=add, half_unit=half_unit)
    if not word and not add and (noun_match := _NOUN.match(text, after_scale)) and text[after_scale:noun_match.start("noun")].isspace():
        counted = _counted(text, noun_match, plural=True)  # "1200K visiteurs", "3 M abonnés": an abbreviation takes no "de"
        if counted is not None and counted.kind == "count":
            return counted._replace(scale=scale, strong=True)
    return _Reading(after_scale, "number", "count", scale, add=add, half_unit=half_unit)


# A decimal point at the end of a number ("1.2", "2.75"), not dots grouping thousands ("1.500"):
# English writing, whose "billion" is 10^9
_DECIMAL_POINT_END = _Lazy(r"(?<![\d,.])\d+\.\d{1,2}\s*$")


_COMPOUND_DIGITS = _Lazy(rf"{_SP}+(?P<rest>\d{{1,3}}(?:{_SP}\d{{3}})*)(?![\d,.'’\p{{L}}])")
_COMPOUND_WORDS = _Lazy(rf"\s+(?P<rest>(?i:{_WORDS}))")


def _rest_of_compound(text: str, after_scale: int, scale: int) -> _Reading | None:
    """The rest of a number written as a scale word then a smaller number ("1 million 200 000
    euros", "deux millions cinq cent mille ordonnances", "trois milliards deux cents millions
    d'euros"), read with what follows it, as one figure of ``scale``: its ``add`` is the rest over
    the scale. None when no smaller number follows, or when it is no part of the figure (a year,
    a percent, a unit that is none of a count or money)."""
    match = _COMPOUND_DIGITS.match(text, after_scale) or _COMPOUND_WORDS.match(text, after_scale)
    if match is None:
        return None
    written = match.group("rest")
    try:
        parsed = parse_digits(written) if written[0].isdigit() else parse_words(written)
    except ValueError:
        return None
    if not parsed.value or _YEAR.fullmatch(written) or written.lower() in ("un", "une"):
        return None  # "3 millions 2024", "2 millions un projet"
    rest = _read_after(text, match.end(), allow_noun=True, takes_de=True, plural=True)
    if rest is _NOT_A_FIGURE or rest is not None and rest.kind not in ("number", "count", "money"):
        return None
    rest_scale = Decimal(rest.scale) if rest is not None else Decimal(1)
    value = (parsed.value + (rest.add if rest is not None else 0)) * rest_scale
    if not value < scale or rest_scale >= scale:
        return None
    # digits are as precise as written ("1 million 200 000"), words as round as they are ("cinq cent mille")
    half = (parsed.digit_half if written[0].isdigit() else parsed.half_unit) * rest_scale / scale
    if rest is None:
        return _Reading(match.end(), "number", "count", scale, add=value / scale, half_unit=half)
    return rest._replace(scale=scale, add=value / scale, half_unit=half, strong=True)


def _unit_after_de(text: str, pos: int) -> tuple[str, str, int] | None:
    """The unit word that starts at ``pos``, right after a "de" or "d'" (its kind, its unit, where
    it ends), as in "2 millions de tonnes"; not a word that is a unit only in context ("degrés")."""
    unit_match = _UNIT_WORD.match(text, pos - 1 if text[pos - 1:pos].isspace() else pos)
    if unit_match is None or unit_match.group("unit").lower() in french.UNIT_WORDS_IN_CONTEXT:
        return None
    kind, unit = french.UNIT_WORDS[unit_match.group("unit").lower()]
    return kind, unit, unit_match.end()


def _money(text: str, match: regex.Match[str], scale: int | Decimal, after_scale: int) -> _Reading | None:
    """The reading of a currency (``match``, with its group ``currency``) after a number and its scale.

    A currency this cannot name (french.AMBIGUOUS_CURRENCY_NAMES, a dollar of a country it does not
    know) leaves the figure a bare number with its scale; "50 cents" of no named currency is no figure.
    """
    written = match.group("currency")
    end = match.end()
    name = " ".join(written.lower().split())
    if name in french.CURRENCY_SUBUNITS:
        return _subunit(text, name, end, scale)
    if name in french.QUALIFIED_CURRENCY_NAMES and (qualifier := _CURRENCY_QUALIFIER.match(text, end)):
        adjective = qualifier.group("adjective")
        if adjective is None or adjective.lower().endswith(french.NATIONALITY_ENDINGS):
            return _bare(after_scale, scale)  # "dollars australiens" unknown here: not US dollars
    if name in french.AMBIGUOUS_CURRENCY_NAMES:
        return _bare(after_scale, scale)  # "100 francs": French, Swiss or CFA?
    code = _currency_code(written)
    if written in french.ISO_CODES_ALSO_WORDS and not _shows_money(text, after_scale, scale):
        return None  # "les 18 ARS", "12 MAD": agencies, a counted acronym, not pesos nor dirhams
    if code is None:
        if name in french.QUALIFIED_CURRENCY_NAMES:
            return None  # "3 couronnes": crowns, a counted noun
        if written.startswith("$") and written[1:2].isspace():
            code, end = "USD", match.start("currency") + 1  # "14 $ HT" (hors taxes): the dollar alone
        else:
            return _NOT_A_FIGURE  # "6 XY$": a dollar of no known country
    if scale == 1 and (cents := _SUBUNIT_AFTER.match(text, end)):
        # "3 € 50", "15 euros 50", "15 dollars et 50 cents": an amount and its hundredths
        subunit = cents.group("subunit")
        if subunit or not cents.group("and") and len(cents.group("cents")) == 2 and not _read_after(text, cents.end(), True):
            return _Reading(cents.end(), "money", code, add=Decimal(cents.group("cents")) / 100, half_unit=Decimal("0.005"))
    return _Reading(end, "money", code, scale)


# Decimals at the end of a number ("12,50", "3.5"), not a group of thousands ("1.500")
_DECIMALS_END = _Lazy(r"(?<![\d,.])\d+(?:,\d+|\.\d{1,2})$")


def _shows_money(text: str, number_end: int, scale: int | Decimal) -> bool:
    """Whether a figure that ends at ``number_end``, before a code of french.ISO_CODES_ALSO_WORDS
    (ARS, COP), shows money on its own: a scale ("12 M ARS"), decimals ("12,50 ARS"), an English
    sentence. Else the code is an acronym, a name ("les 18 ARS", "la COP 28")."""
    if scale != 1:
        return True
    return _DECIMALS_END.search(text, max(0, number_end - 24), number_end) is not None or is_english(text, number_end)


def _subunit(text: str, name: str, end: int, scale: int | Decimal) -> _Reading:
    """"50 centimes", "20 centimes d'euro", "30 pence": hundredths of a currency; "50 cents" alone
    name no currency (euro or dollar?): no figure."""
    de = _SUBUNIT_OF.match(text, end)
    of = _CURRENCY_NAME.match(text, de.end()) if de else None
    code = _currency_code(of.group("currency")) if of else french.SUBUNIT_CURRENCY.get(name)
    if code is None or code in french.AMBIGUOUS_CURRENCY_NAMES:
        return _NOT_A_FIGURE
    return _Reading(of.end() if of else end, "money", code, Decimal(scale) / french.CURRENCY_SUBUNITS[name])


def _bare(end: int, scale: int | Decimal) -> _Reading:
    """A figure whose currency cannot be named: a bare number, with its scale if it has one (and
    not the count of a currency's name)."""
    return _Reading(end, "number", "count", scale, strong=scale != 1)


# Kinds whose unit, followed by "/" and another unit, makes a rate that is none of them ("130 km/h");
# money, percents and points per unit stay what they are ("4,99 €/mois", "2 %/an").
_PER_UNIT_KINDS = frozenset(units.CANONICAL) - {"money", "percent", "percentage_point", "factor", "number"}


def _per_unit_after(text: str, end: int) -> bool:
    """Whether a unit or a counted noun that ends at ``end`` is followed by "/" and a letter: the
    first unit of a compound one ("km/h", "mg/kg", "Gbit/s", "patients/jour")."""
    return text[end:end + 1] == "/" and text[end + 1:end + 2].isalpha()


def _smaller_after(text: str, end: int) -> bool:
    """Whether words after "N fois" that ends at ``end`` make it a factor 1/N (french.SMALLER_AFTER_TIMES)."""
    return text[end:end + 1] in WHITESPACE and end < len(text) and _SMALLER_AFTER.match(text, end, end + 40) is not None
