"""The reading of one candidate number: from a ``_Candidate`` to a ``Quantity``, or to none.

``_read_candidate(text, candidate, floor)`` reads the number (digits as French or English writes
them, number words, "une dizaine", "½", "x 3"), what follows it (``checker.extraction.after``) and
what precedes it (``checker.extraction.before``), and decides whether it is a figure at all: an
ordinal, a name ("5G", "Windows 11"), a year, a time of day, a list's number are not. Below it,
the checks it makes on the words around the number, and ``_share_noun`` ("la moitié des
patients").
"""

from __future__ import annotations

from decimal import Decimal

import regex

from checker import french
from checker.extraction.after import _PER_UNIT_KINDS, _per_unit_after, _read_after, _shows_money, _smaller_after
from checker.extraction.before import (
    _INCISE_CLOSE, _MINUS_SIGNS, _SIGNED_KINDS, _currency_before, _plus_sign_of_rate, _points_of_change, _qualifier,
    _share_qualifier, _sign_word_before, _word_before,
)
from checker.extraction.candidates import _APPROX_KIND, _Candidate, _DIGITS_KIND, _SHARE_KIND, _VULGAR_KIND, _WORDS_KIND
from checker.extraction.language import is_english
from checker.extraction.nouns import _looks_plural
from checker.extraction.numbers import (
    APPROXIMATE_WORDS, ParsedNumber, VULGAR_FRACTIONS, only_english, parse_digits, parse_english_digits, parse_words,
    reads_differently_in_english,
)
from checker.extraction.patterns import WHITESPACE, _LETTERS_AND_HYPHENS, _Lazy, _PARTITIVE, _YEAR
from checker.extraction.quantity import Quantity, SCALED_RELATIVE_MAX
from checker.extraction.readings import _NOT_A_FIGURE, _PERCENT, _Reading
from checker.extraction.tables import _CURRENCY, _SCALE_WORD, _UNIT_SYMBOL, _currency_code
from checker.extraction.values import _canonical, _fraction_number, _fraction_precision, _interval, _precision

_ORDINAL_SUFFIXES = "ièmes?|iemes?|èmes?|emes?|ème|e|è|ers?|ères?|eres?|res?|nde?s?|ᵉʳᵉ|ᵉʳ|ʳᵉ|ᵉ|°|st|rd|th"  # 3rd, 21st: English
_ORDINAL = regex.compile(rf"(?:{_ORDINAL_SUFFIXES})(?![\p{{L}}\p{{N}}])")
_ORDINAL_FIRST = frozenset(suffix[0] for suffix in _ORDINAL_SUFFIXES.split("|"))  # case-sensitive: no other
assert not _ORDINAL_FIRST & set("\\()[]?*+.|")
_LETTER_AFTER = regex.compile(r"\p{L}")
_ENUMERATOR_AFTER = regex.compile(r"[.)](?:\s|$)")
_LINE_START = regex.compile(r"(?:^|\n)[ \t\u00a0•·*–—-]*$")
_FACTOR_BEFORE = regex.compile(r"(?<![\p{L}])(?i:\p{L}*multipli\w*|divis\w*)\s+par\s+$")
_TIME_BEFORE = regex.compile(r"(?<![\p{L}])(?i:à|vers|dès|avant|après|jusqu['’ʼ]à|de|entre|et)\s*$")
_DOTTED_LABEL = regex.compile(r"\d+\.\d{1,2}")  # "49.3", "4.0": not a French decimal, nor thousands ("1.500")
_LETTERS = regex.compile(r"[\p{L}]+")
_SLASH_FRACTION = _Lazy(r"/(\d{1,4})(?![\d/])")
_ABOUT_AFTER = regex.compile(r"[ \u00a0\u202f]+(?i:environ)(?![\p{L}])")
_ABOUT_SPACES, _ABOUT_WORD = " \u00a0\u202f", len("environ")


def _read_candidate(text: str, candidate: _Candidate, floor: int = 0) -> Quantity | None:
    """Read one candidate number; its surface may not reach back before ``floor`` (the last figure)."""
    number_start, number_end = candidate.start, candidate.end
    approximate = False
    words = False
    digits = candidate.number if candidate.kind == _DIGITS_KIND else None
    if digits is not None:
        try:
            parsed = _parse_digits_in(text, digits, number_start)
        except ValueError:
            return None
    elif candidate.kind == _APPROX_KIND:
        number = APPROXIMATE_WORDS.get(candidate.number.casefold())  # "ſoixantaine" is "soixantaine" to (?i)
        if number is None:
            return None
        parsed = ParsedNumber(Decimal(number), Decimal(number) / 2)
        approximate = True
    elif candidate.kind == _SHARE_KIND:
        return _share_noun(text, candidate, floor)
    elif candidate.kind == _VULGAR_KIND:
        numerator, denominator = VULGAR_FRACTIONS[candidate.number]
        parsed = _fraction_number(Decimal(numerator), denominator)
    elif candidate.kind == _WORDS_KIND:
        words = True
        try:
            parsed = parse_words(candidate.number)
        except ValueError:
            first = _LETTERS.match(candidate.number)
            if first is None:
                return None
            try:
                parsed = parse_words(first.group())
            except ValueError:
                return None
            number_end = number_start + first.end()
    else:
        try:
            parsed = parse_digits(candidate.number)
        except ValueError:  # "x٣": digits of another script after the "x"
            return None
        value = float(parsed.value)
        low, high = _interval(value, float(parsed.digit_half), "exact")
        return Quantity(number_start, number_end, text[number_start:number_end], "factor", value, "times",
                        low, high, "exact", None, candidate.number_start, number_end)

    if digits is not None:
        # the character after the number decides whether each pattern below can match at all
        following = text[number_end:number_end + 1]
        if following in _ORDINAL_FIRST and _ORDINAL.match(text, number_end):
            return None
        letter_after = following.isalpha() if following.isascii() else _LETTER_AFTER.match(text, number_end)
        if letter_after and not (
            _PERCENT.match(text, number_end) or _SCALE_WORD.match(text, number_end)
            or _UNIT_SYMBOL.match(text, number_end) or _CURRENCY.match(text, number_end)
        ):
            return None  # 5G, 3D, 5MART: a name
        if following in (".", ")") and _ENUMERATOR_AFTER.match(text, number_end) and _LINE_START.search(text[max(0, number_start - 12):number_start]) and len(digits) <= 2:
            return None  # "1. Formation des professionnels"
        if following == "/" and (slash := _SLASH_FRACTION.match(text, number_end)) and _PARTITIVE.match(text, slash.end()):
            # "3/4 des patients": a share (elsewhere "3/4" is left out with the dates, see NOT_QUANTITIES)
            denominator = int(slash.group(1))
            if not parsed.value or denominator == 0 or parsed.value > denominator or "," in digits or "." in digits:
                return None
            value = Decimal(100) * parsed.value / denominator
            low, high = _interval(float(value), float(_fraction_precision(value, denominator)), "exact")
            qualifier, start = _qualifier(text, number_start, floor, False)
            if qualifier == "exact":
                qualifier, start = _share_qualifier(text, number_start, floor)  # "près des 3/4 des"
            if qualifier != "exact":
                low, high = _interval(float(value), float(_fraction_precision(value, denominator)), qualifier)
            return Quantity(start, slash.end(), text[start:slash.end()], "percent", float(value), "percent", low, high,
                            qualifier, None, number_start, slash.end())
        if following in VULGAR_FRACTIONS or following == " " and text[number_end + 1:number_end + 2] in VULGAR_FRACTIONS and text[number_end + 1:number_end + 2]:
            # "2 ½ ans", "1¾": digits and a fraction
            number_end = text.index(next(char for char in text[number_end:number_end + 2] if char in VULGAR_FRACTIONS), number_end) + 1
            numerator, denominator = VULGAR_FRACTIONS[text[number_end - 1]]
            half = Decimal(1) / (2 * denominator)  # "2 ½" is to the half, as "deux et demi"
            parsed = ParsedNumber(parsed.value + Decimal(numerator) / denominator, half, half)

    # A million or more written in digits is a noun, like "millions": "1 000 000 d'euros".
    takes_de = approximate or digits is not None and parsed.value >= 10**6
    reading = _read_after(text, number_end, allow_noun=True, takes_de=takes_de, plural=parsed.value >= 2)
    if reading is _NOT_A_FIGURE:
        return None
    if approximate and reading is None and candidate.number.casefold() in french.DAYS_COLLECTIVES and (
        _word_before(text, candidate.start) in french.TIME_PREPOSITIONS
    ):
        reading = _Reading(number_end, "duration", "day")  # "dans une quinzaine": about fifteen days
    if digits is not None and reading is not None and reading.kind == "number" and text.startswith("K", number_end) and len(digits) == 1:
        return None  # "un écran 4K": a name, like 5G
    if reading is not None and reading.kind in _PER_UNIT_KINDS and _per_unit_after(text, reading.end):
        return None  # "130 km/h", "1,26 g/l", "10 Gbit/s": a rate, not a length, a mass, a count
    if digits is not None and _english_thousands_of_count(text, digits, number_end, reading):
        parsed = parse_english_digits(digits)  # "1,200 personnes", "2,500 hôpitaux": no count has three decimals
    if reading is not None and reading.noun == "point" and _points_of_change(text, number_start, reading.end, floor):
        reading = _Reading(reading.end, "percentage_point", "percentage_point")  # "en hausse de 3 points"
    factor_window = max(0, number_start - 30, floor)  # what the last figure read is not read again
    factor_text = text[factor_window:number_start]
    factor_before = _FACTOR_BEFORE.search(factor_text) if factor_text.rstrip(WHITESPACE)[-3:].lower() == "par" else None
    if digits is not None and number_start >= 2 and text[number_start - 1] == "+" and text[number_start - 2].isalpha():
        return None  # "J+7", "H+24", "Bac+5": a label, no figure
    if digits is not None and number_start >= 2 and text[number_start - 1] == "-" and text[number_start - 2].isdigit():
        if reading is None or not reading.strong or reading.kind == "number":
            return None  # "2019-774", "3-1": only "10-15 %", "18-25 ans" are a range
    if words and not factor_before:
        # "un", "une" alone are articles ("un projet"), but one of a unit is a figure: "un an", "un euro"
        if parsed.value == 1 and (reading is None or not reading.strong or reading.kind == "factor") and not (reading and reading.add):
            return None
        if reading is None and not _number_words_alone(text, number_start, number_end):
            return None  # "un bâtiment neuf", "les Quinze-Vingts", "repartir de zéro"

    before_number = number_start
    currency_before = _currency_before(text, number_start, floor)
    if currency_before and reading is not None and reading.unit == "meter" and text[number_end:reading.end] == "m":
        reading = _Reading(reading.end, "number", "count", 10**6)  # "£300m", "$5m": English money writes a million "m"
    if currency_before and currency_before.group("currency") in french.ISO_CODES_ALSO_WORDS and not _shows_money(
        text, number_end, reading.scale if reading is not None and reading.kind in ("number", "count") else 1
    ):
        currency_before = None  # "la COP 28", "SAR 2": a name and its number, not pesos nor riyals
    if currency_before and (reading is None or reading.kind in ("number", "count")):
        code = _currency_code(currency_before.group("currency"))
        if code is None:
            return None  # "XY$10": a dollar of no known country
        scale = reading.scale if reading is not None else 1
        end = reading.end if reading is not None and reading.kind == "number" else number_end
        reading = _Reading(end, "money", code, scale)
        before_number = number_start - (len(currency_before.group()))
    elif digits is not None and number_start and text[number_start - 1].isalpha():
        return None  # digits glued to letters that are no currency code: "ABC123"
    negative = False
    if digits is not None and before_number > floor and text[before_number - 1] in _MINUS_SIGNS:
        if (before_number == 1 or text[before_number - 2] in " \t\n(\u00a0\u202f") and not (
            text[max(0, before_number - 6):before_number - 1].rstrip(WHITESPACE)[-1:].isdigit()  # "12 -18 ans": a range
        ) and not (
            text[before_number - 1] != "−" and _INCISE_CLOSE.match(text, reading.end if reading is not None else number_end)
        ):  # "les aides -2,1 milliards d'euros- ont progressé": a dash opening an incise, not a minus
            negative, before_number = True, before_number - 1

    if reading is not None and reading.unit == "hour" and parsed.value <= 24 and _TIME_BEFORE.search(text[max(0, before_number - 12):before_number]):
        return None  # "à 14 h", "de 9 heures à 18 heures": a time of day ("un délai de 48 heures" is none)

    if digits is not None and (reading is None or not reading.strong):
        compact = digits.strip()
        if _YEAR.fullmatch(compact) and (reading is None or not reading.noun or reading.noun in ("an", "année")):
            return None  # en 2026, d'ici 2030, France 2030
        if _YEAR.fullmatch(compact) and reading is not None and not reading.noun.endswith(("s", "x")) and not text[number_end:reading.end].rstrip().endswith(("s", "x")):
            return None  # "2025 doit", "2030 année": a year followed by a word
        if _YEAR.fullmatch(compact) and _word_before(text, number_start) in french.YEAR_BEFORE_WORDS:
            return None  # "Depuis 2019 hôpitaux et cliniques coopèrent": a year, no count of hôpitaux
        if (reading is None or "." in compact and "," not in compact) and _is_name_label(text, number_start):
            return None  # DALVIA 2.0, Windows 11, "L'Industrie 4.0 arrive" (a dotted version, not a count)
        if reading is None and _DOTTED_LABEL.fullmatch(compact) and not is_english(text, number_start):
            return None  # "le 49.3", "l'industrie 4.0", "le web 3.0": French writes a decimal comma, so a label
        if reading is None and before_number == number_start and _word_before(text, number_start) in french.SINGULAR_ARTICLES:
            return None  # "composez le 3919", "le 15 a répondu", "appeler au 112": one thing named by a number

    divided = False
    if (reading is None or reading.kind in ("count", "number")) and factor_before and before_number == number_start:
        if reading is not None and reading.add and reading.noun is None:  # "multiplié par deux et demi": 2,5
            reading = _Reading(reading.end, "factor", "times", add=reading.add, half_unit=reading.half_unit)
        else:
            reading = _Reading(number_end, "factor", "times")
        before_number = factor_window + factor_before.start()  # "multiplié par 3" is the figure
        divided = factor_before.group().lower().startswith("divis")
    elif reading is not None and reading.kind == "factor" and _smaller_after(text, reading.end):
        divided = True  # "deux fois moins", "dix fois moindre", "quatre fois plus courts": a factor 1/N

    qualifier, start = _qualifier(text, before_number, floor, words)
    if qualifier == "exact" and reading is not None and reading.fraction and reading.kind == "percent":
        qualifier, start = _share_qualifier(text, before_number, floor)  # "plus des deux tiers des hôpitaux"
    if qualifier == "at_least" and _plus_sign_of_rate(text, start, before_number, reading):
        qualifier = "exact"  # "(+8 %)", "+35 % en un an": the sign of a change, not "plus de"
    if qualifier == "exact" and not negative and (reading is None or reading.kind in _SIGNED_KINDS):
        signed = _sign_word_before(text, start, floor)
        if signed is not None:
            negative, start = True, signed  # "moins 5 degrés", "un solde de moins 1 200 euros"
    if reading is not None and reading.negative:
        negative = True
    if reading is not None and reading.needs_context and not negative and not _in_context(text, start, reading):
        return None  # "une vision à 360 degrés": no temperature, and no count of degrés either
    if approximate or reading is not None and reading.about and qualifier == "exact":
        qualifier, start = "about", number_start if approximate else start
    end = reading.end if reading is not None else number_end
    if qualifier == "exact" and (about_after := _word_after_spaces(_ABOUT_AFTER, text, end, _ABOUT_SPACES, _ABOUT_WORD)):
        qualifier, end = "about", about_after.end()  # "350 projets environ"
    kind = reading.kind if reading is not None else "number"
    unit = reading.unit if reading is not None else "count"
    scale = Decimal(reading.scale) if reading is not None else Decimal(1)
    value = (parsed.value + (reading.add if reading else 0)) * scale
    written = _precision(parsed, reading, parsed.value + (reading.add if reading else 0)) * scale
    loose = parsed.half_unit * scale
    if scale >= 1000 and value and not approximate and not (reading is not None and reading.about):
        cap = abs(value) * Decimal(str(SCALED_RELATIVE_MAX))
        written, loose = min(written, cap), min(loose, cap)
    if negative:
        value = -value
    value_f, factor, unit = _canonical(value, kind, unit)
    low, high = _interval(value_f, float(written) * factor, qualifier, float(loose) * factor)
    if divided and value_f:
        # "divisé par 4": the thing became a quarter of itself, a factor of 0.25
        value_f, low, high = 1 / value_f, (1 / high if high else None), (1 / low if low else None)
    return Quantity(start, end, text[start:end], kind, value_f, unit, low, high, qualifier,
                    reading.noun if reading is not None else None, number_start, number_end)


def _parse_digits_in(text: str, digits: str, start: int) -> ParsedNumber:
    """The digits at ``start`` read as French, or as English where only English writes them so
    ("3,000,000") or where French and English read them differently ("1,200") and the sentence
    is English (checker.extraction.language), or where a currency comes first, as only English writes it
    ("$1,500", "€2,300": French writes "1 500 $")."""
    if only_english(digits) or reads_differently_in_english(digits) and (
        is_english(text, start) or "," in digits and _currency_before(text, start) is not None
    ):
        return parse_english_digits(digits)
    return parse_digits(digits)


def _english_thousands_of_count(text: str, digits: str, number_end: int, reading: _Reading | None) -> bool:
    """Whether digits written "1,200" (a comma, then three digits) count a plural noun with no scale
    ("1,200 personnes", "2,500 hôpitaux"): a count with three decimals is no French figure, so the
    comma groups thousands, the English way."""
    if reading is None or reading.kind != "count" or reading.scale != 1 or "," not in digits:
        return False
    if not reads_differently_in_english(digits):
        return False
    written = _LETTERS_AND_HYPHENS.findall(text, number_end, reading.end)
    return bool(written) and _looks_plural(written[-1])


def _share_noun(text: str, candidate: _Candidate, floor: int) -> Quantity | None:
    """"la moitié des patients", "plus du tiers du budget": a share in percent, when what it is a
    share of follows (french.PARTITIVE); "à moitié", "le quart d'heure" are no share."""
    if not _PARTITIVE.match(text, candidate.end):
        return None
    denominator = french.SHARE_NOUNS[candidate.number.casefold()]
    value = Decimal(100) / denominator
    if text[candidate.start:candidate.start + 2].lower() == "du":
        qualifier, start = _share_qualifier(text, candidate.number_start, floor)
        if qualifier == "exact":
            return None  # "du tiers des ...": a share only after "plus du", "près du"
    else:
        qualifier, start = _qualifier(text, candidate.start, floor, False)
    low, high = _interval(float(value), float(_fraction_precision(value, denominator)), qualifier)
    return Quantity(start, candidate.end, text[start:candidate.end], "percent", float(value), "percent", low, high,
                    qualifier, None, candidate.number_start, candidate.end)


_ORDINAL_WORD_AFTER = _Lazy(r"\s+et\s+\p{L}*ième", regex.IGNORECASE)  # "vingt et unième"
_SENTENCE_OPENING = regex.compile(r"(?:^|[\n.!?:;«\"“(–—•-])\s*$")


def _number_words_alone(text: str, start: int, end: int) -> bool:
    """Whether number words with nothing they count are a figure: "ils étaient quatre-vingt-dix-neuf",
    "nonante". Not the adjective "neuf" ("un bâtiment neuf"), a name written with capitals in a
    sentence ("les Quinze-Vingts"), nor a number of french.NOT_FIGURES_AFTER ("repartir de zéro")."""
    written = text[start:end]
    lower = written.lower()
    if lower in french.AMBIGUOUS_NUMBER_WORDS:
        return False
    if written[0].isupper() and not _SENTENCE_OPENING.search(text[max(0, start - 40):start]):
        return False
    if lower in french.NOT_FIGURES_AFTER and _word_before(text, start) in french.NOT_FIGURES_AFTER[lower]:
        return False
    return not _ORDINAL_WORD_AFTER.match(text, end)


_NAME_BEFORE = regex.compile(r"(?P<name>\p{Lu}[\p{L}\p{N}_&-]*)\s$")


def _is_name_label(text: str, number_start: int) -> bool:
    match = _NAME_BEFORE.search(text[max(0, number_start - 40):number_start])
    if not match:
        return False
    name = match.group("name")
    if name in french.SENTENCE_WORDS:
        return False
    if len(name) >= 2 and name.isupper():
        return True
    before_name = text[max(0, number_start - 40):number_start][: match.start()]
    return not _SENTENCE_OPENING.search(before_name)


_CONTEXT_WORDS = {
    kind: _Lazy(rf"(?<![\p{{L}}])(?i:{words})(?![\p{{L}}])") for kind, words in french.KIND_CONTEXT_WORDS.items()
}


def _in_context(text: str, start: int, reading: _Reading) -> bool:
    """Whether the sentence around a figure read as ``reading`` has a context word of its kind
    (french.KIND_CONTEXT_WORDS): "30 degrés" is a temperature in "la température atteint 30 degrés"."""
    window = text[max(0, start - 120):reading.end + 80]
    before, after = window[:start - max(0, start - 120)], window[start - max(0, start - 120):]
    sentence = before[max(before.rfind(mark) for mark in ".!?\n") + 1:] + after[:min((i for i in (after.find(m) for m in ".!?\n") if i >= 0), default=len(after))]
    return _CONTEXT_WORDS[reading.kind].search(sentence) is not None


def _word_after_spaces(pattern: regex.Pattern[str], text: str, pos: int, spaces: str, length: int) -> regex.Match[str] | None:
    """``pattern.match(text, pos)`` for a pattern of ``spaces`` then a word of ``length`` letters
    (then a look-ahead at one character).

    The match is bounded to just past the word: unbounded, ``regex`` looks for the word up to the
    end of the text before it tries the position, which costs as much as the text is long.
    """
    end = pos
    while end < len(text) and text[end] in spaces:
        end += 1
    if end == pos:
        return None
    return pattern.match(text, pos, end + length + 1)
