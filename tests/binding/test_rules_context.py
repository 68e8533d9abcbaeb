"""Context tied to the figure: require_all, word windows, the figure's own words, several kinds.

Each case is a rule (its keys besides id, title, subject) and sentences, with the figures that
must bind to it: what one sentence often holds side by side must be told apart.
"""

from __future__ import annotations

import pytest

from checker.binding.bind import bind
from checker.binding.scopes import phrase_of
from checker.reading.documents import Document
from checker.errors import RuleError
from checker.extraction.extractor import extract
from checker.binding.rules import parse_rules


def rule_of(keys: str, subject: str = r"plan|budget|programme|dispositif|service|SASN|hôpitaux|lauréats|région"):
    text = f'[[rule]]\nid = "r"\ntitle = "t"\nsubject = [\'{subject}\']\nscope = "paragraph"\n{keys}\n'
    (rule,) = parse_rules(text, "r.toml")
    return rule


def bound(rule, text: str) -> list[str]:
    document = Document.from_text(text, source="a.txt")
    claims, _ = bind(document, extract(text), [rule])
    return [claim.quantity.text for claim in claims]


CASES = [
    # the state's share and the regions' share of one plan
    ('kind = "money"\nphrase_require = [\'l[’\\x27]État\']',
     "Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions, a été voté.", ["50 M€"]),
    ('kind = "money"\nphrase_require = [\'régions?\']',
     "Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions, a été voté.", ["40 M€"]),
    ('kind = "money"\nphrase_exclude = [\'État\', \'régions?\']',
     "Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions, a été voté.", ["90 M€"]),
    # the first laureates and the new ones
    ('kind = "count"\nnouns = ["lauréat"]\nphrase_require = [\'nouveaux\', \'supplémentaires\']',
     "Après les 8 premiers lauréats de la SASN, 12 nouveaux lauréats ont été retenus.", ["12 nouveaux lauréats"]),
    ('kind = "count"\nnouns = ["lauréat"]\nphrase_exclude = [\'nouveaux\', \'supplémentaires\']',
     "Après les 8 premiers lauréats de la SASN, 12 nouveaux lauréats ont été retenus.", ["8 premiers lauréats"]),
    ('kind = "count"\nnouns = ["projet"]\nphrase_require = [\'supplémentaires\']',
     "La SASN a retenu 120 projets lauréats supplémentaires, pour 350 projets en tout.", ["120 projets"]),
    # a half-year and the full year: the word must be near the figure
    ('kind = "count"\nnouns = ["passage", "patient"]\nrequire = [\'semestre\']\nwindow = 5',
     "Au premier semestre, le service a compté 45 000 passages, et sur l'année entière il a accueilli 120 000 patients.",
     ["45 000 passages"]),
    ('kind = "count"\nnouns = ["passage", "patient"]\nexclude = [\'semestre\']\nwindow = 5',
     "Au premier semestre, le service a compté 45 000 passages, et sur l'année entière il a accueilli 120 000 patients.",
     ["120 000 patients"]),
    # a draft budget and the adopted one: both conditions together
    ('kind = "money"\nrequire_all = [\'budget\', \'adopt\\w*\']',
     "Le budget adopté en décembre prévoit 12 M€ pour le programme.", ["12 M€"]),
    ('kind = "money"\nrequire_all = [\'budget\', \'adopt\\w*\']',
     "Le projet de budget prévoit 12 M€ pour le programme.", []),
    ('kind = "money"\nrequire = [\'crédits\', \'budget\']\nrequire_all = [\'paiement\']',
     "Le budget du programme compte 8 M€ de crédits de paiement.", ["8 M€"]),
    ('kind = "money"\nrequire = [\'crédits\', \'budget\']\nrequire_all = [\'paiement\']',
     "Le budget du programme compte 8 M€ d'autorisations d'engagement.", []),
    # the clause that holds the figure (checker.binding.clauses)
    ('kind = "percent"\nrequire = [\'équip\\w*\']\ncontext_scope = "clause"',
     "Parmi les hôpitaux, 40 % sont équipés et 25 % utilisent le service chaque jour.", ["40 %"]),
    ('kind = "percent"\nrequire = [\'utilis\\w*\']\ncontext_scope = "clause"',
     "Parmi les hôpitaux, 40 % sont équipés et 25 % utilisent le service chaque jour.", ["25 %"]),
    ('kind = "money"\nrequire = [\'paiement\']\ncontext_scope = "clause"',
     "Pour le programme, les crédits de paiement atteignent 8 M€ ; les autorisations d'engagement, 12 M€.", ["8 M€"]),
    ('kind = "money"\nrequire = [\'plan\']\ncontext_scope = "clause"',
     "Un plan de 90 M€ a été voté, dont 50 M€ de l'État et 40 M€ des régions.", ["90 M€"]),
    ('kind = "money"\nexclude = [\'contre\']\ncontext_scope = "clause"',
     "Le budget du programme atteint 12 M€ en 2024, contre 10 M€ un an plus tôt.", ["12 M€"]),
    # only the claims of one period
    ('kind = "count"\nperiod = "2023"', "En 2023, le programme comptait 120 bornes.", ["120 bornes"]),
    ('kind = "count"\nperiod = "2023"', "En 2024, le programme comptait 150 bornes.", []),
    ('kind = "count"\nperiod = "2023"', "Le programme compte 150 bornes.", []),
    ('kind = "count"\nperiod = "2023"', "Le programme est passé de 80 bornes en 2023 à 150 bornes en 2024.", ["80 bornes"]),
]


@pytest.mark.parametrize(("keys", "text", "expected"), CASES)
def test_context_keys_tell_apart_the_figures_of_one_sentence(keys, text, expected):
    assert bound(rule_of(keys), text) == expected


def test_without_the_new_keys_the_whole_sentence_is_the_context():
    # the old way: require sees the sentence, so both shares of the plan bind
    rule = rule_of('kind = "money"\nrequire = [\'État\']')
    assert bound(rule, "Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions, a été voté.") == ["90 M€", "50 M€", "40 M€"]


@pytest.mark.parametrize(
    ("text", "figure", "own_words"),
    [
        ("Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions.", "50", "50 M€ de l'État"),
        ("Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions.", "40", "40 M€ des régions"),
        ("Un plan de 90 M€, dont 50 M€ de l'État et 40 M€ des régions.", "90", "90 M€"),
        ("Les 8 premiers lauréats ont été suivis.", "8", "Les 8 premiers lauréats"),
        ("Elle a soutenu 120 projets lauréats supplémentaires cette année.", "120", "120 projets lauréats supplémentaires"),
        ("On compte 40 % des hôpitaux équipés et 25 % qui l'utilisent.", "25", "25 %"),
        ("Le réseau a installé 300 bornes (dont 40 rapides).", "300", "300 bornes"),
    ],
)
def test_a_figures_own_words_stop_where_another_phrase_starts(text, figure, own_words):
    (quantity,) = [q for q in extract(text) if q.text.lstrip("Les ").startswith(figure)]
    start, end = phrase_of(text, quantity, (0, len(text)))
    assert text[start:end] == own_words


MONEY_OR_NUMBER = 'kind = ["money", "number"]\nunit = "M€"\ncurrency = "EUR"\nrequire = [\'formation\']'


@pytest.mark.parametrize(
    ("text", "value", "implied"),
    [
        ("Sur les 300 M€ du plan, 45 seront consacrés à la formation.", 45e6, "M€"),
        ("Le plan consacre 45 millions d'euros à la formation.", 45e6, None),
        ("Le plan réserve 2,3 milliards à la formation.", 2.3e9, "M€"),
    ],
)
def test_a_rule_of_several_kinds_reads_a_bare_number_in_its_unit(text, value, implied):
    rule = rule_of(MONEY_OR_NUMBER)
    document = Document.from_text(text, source="a.txt")
    (claim,) = [c for c in bind(document, extract(text), [rule])[0] if c.quantity.value != 300e6]
    assert (claim.quantity.kind, claim.quantity.unit, claim.quantity.value, claim.implied_unit) == ("money", "EUR", value, implied)


def test_a_rule_of_one_kind_leaves_bare_numbers_out():
    rule = rule_of('kind = "money"\nunit = "M€"\ncurrency = "EUR"\nrequire = [\'formation\']')
    assert bound(rule, "Sur le plan, 45 seront consacrés à la formation.") == []


def test_bare_numbers_read_as_money_need_the_rules_currency():
    with pytest.raises(RuleError, match="needs a 'currency'"):
        rule_of('kind = ["money", "number"]\nunit = "M€"')


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ('kind = ["money", "mony"]', "key 'kind'"),
        ("kind = []", "key 'kind'"),
        ('kind = ["count", "count"]', "key 'kind'"),
        ('kind = "count"\nwindow = 0', "key 'window'"),
        ('kind = "count"\nwindow = "6"', "key 'window'"),
        ('kind = "count"\ntimeline = "grows"', "key 'timeline'"),
        ('kind = "count"\naccumulates = true\ntimeline = "fixed"', "contradicts"),
        ('kind = "count"\nperiod = "2023-13"', "key 'period'"),
        ('kind = "count"\nrequire_all = "budget"', "key 'require_all'"),
    ],
)
def test_new_keys_are_validated_with_their_line(keys, message):
    with pytest.raises(RuleError, match=message) as raised:
        rule_of(keys)
    assert raised.value.line is not None and raised.value.line > 1


@pytest.mark.parametrize(
    ("keys", "timeline"),
    [
        ('kind = "count"', "changes"),
        ('kind = "count"\naccumulates = true', "accumulates"),
        ('kind = "count"\naccumulates = false', "changes"),
        ('kind = "count"\ntimeline = "fixed"', "fixed"),
        ('kind = "count"\naccumulates = false\ntimeline = "fixed"', "fixed"),
        ('kind = "count"\naccumulates = true\ntimeline = "accumulates"', "accumulates"),
    ],
)
def test_accumulates_is_the_older_spelling_of_a_timeline(keys, timeline):
    assert rule_of(keys).timeline == timeline


CHANGES_RULE = """
[[rule]]
id = "budget-ans"
title = "Budget de l'ANS"
kind = "money"
currency = "EUR"
subject = ['ANS']
"""


@pytest.mark.parametrize(("text", "bound"), [
    ("Le budget de l'ANS atteint 165 M€, en hausse de 15 M€ sur un an.", ["165 M€"]),
    ("Le budget de l'ANS atteint 160 M€, soit 10 M€ de plus qu'en 2024.", ["160 M€"]),
    ("Le budget de l'ANS a augmenté de 20 M€ et atteint 150 M€.", ["150 M€"]),
    ("Le budget de l'ANS a augmenté de 120 M€ à 150 M€.", ["120 M€", "150 M€"]),  # from 120 to 150
    ("Le budget de l'ANS progresse de 12 % pour atteindre 150 M€.", ["150 M€"]),
])
def test_the_size_of_a_change_is_not_the_level_a_rule_of_money_or_counts_binds(text, bound):
    (rule,) = parse_rules(CHANGES_RULE, "r.toml")
    claims, near_misses = bind(Document.from_text(text), extract(text), [rule])
    assert [claim.quantity.text for claim in claims] == bound
    assert all("the size of a change" in miss.reason for miss in near_misses)
