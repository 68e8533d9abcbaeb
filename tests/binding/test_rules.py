"""Rule files: validation with file:line and key, and each rule's examples executed."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleError
from checker.binding.rules import parse_rules
from checker.binding.loading import load_rules

REPO = Path(__file__).resolve().parents[2]

GOOD = """
[[rule]]
id = "budget-hopital"
title = "Budget de l'hôpital"
kind = "money"
unit = "M€"
subject = ['hôpital']
examples.match = ["Le budget de l'hôpital atteint 12 millions d'euros."]
examples.no_match = ["La mairie dispose de 12 millions d'euros."]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regles.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_rule_pack_loads_and_every_example_passes():
    loaded = load_rules(REPO / "rules", cache_dir=None)  # every example run, whatever .recoupe_cache remembers
    assert loaded.errors == ()
    rules = loaded.rules
    assert len(rules) >= 10
    assert all(rule.examples_match for rule in rules), "every shipped rule carries examples"
    assert [rule.id for rule in rules] == sorted(rule.id for rule in rules)


def test_good_rule_file_parses(tmp_path):
    (rule,) = load_rules(write(tmp_path, GOOD)).or_raise()
    assert rule.id == "budget-hopital"
    assert rule.display_scale == 1e6


@pytest.mark.parametrize(
    ("mutation", "line", "key"),
    [
        (lambda t: t.replace('kind = "money"', 'knd = "money"'), 5, "knd"),
        (lambda t: t.replace('kind = "money"', 'kind = "monnaie"'), 5, "kind"),
        (lambda t: t.replace("subject = ['hôpital']", "subject = ['hôp(ital']"), 7, "subject"),
        (lambda t: t.replace('id = "budget-hopital"', 'id = "Budget Hôpital"'), 3, "id"),
        (lambda t: t.replace("subject = ['hôpital']", "subject = 'hôpital'"), 7, "subject"),
        (lambda t: t.replace("La mairie", "L'hôpital"), 9, "examples.no_match"),
        (lambda t: t.replace("atteint 12 millions d'euros", "atteint des sommets"), 8, "examples.match"),
    ],
)
def test_malformed_rule_names_file_line_and_key(tmp_path, mutation, line, key):
    path = write(tmp_path, mutation(GOOD))
    loaded = load_rules(path)
    assert loaded.rules == ()
    (error,) = loaded.errors
    message = str(error)
    assert message.startswith(f"{path}:{line}:"), message
    assert key in message
    assert "\n" not in message


def test_bad_toml_reports_line_and_column(tmp_path):
    path = write(tmp_path, GOOD.replace('unit = "M€"', 'unit = "M€'))
    with pytest.raises(RuleError) as caught:
        parse_rules(path.read_text(encoding="utf-8"), str(path))
    assert str(caught.value).startswith(f"{path}:6:")
    assert "invalid TOML" in str(caught.value)


def test_duplicate_rule_id_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="already used"):
        parse_rules(GOOD + GOOD, "double.toml")


def test_missing_required_key(tmp_path):
    with pytest.raises(RuleError, match="required key 'subject'"):
        parse_rules(GOOD.replace("subject = ['hôpital']\n", ""), "manque.toml")


def test_pathological_pattern_is_stopped_and_names_the_rule(tmp_path):
    from checker.binding.bind import bind
    from checker.reading.documents import Document
    from checker.extraction.extractor import extract

    text = GOOD.replace("subject = ['hôpital']", "subject = ['(a|aa)+$']").replace(
        "examples.match = [\"Le budget de l'hôpital atteint 12 millions d'euros.\"]\nexamples.no_match = [\"La mairie dispose de 12 millions d'euros.\"]",
        "",
    )
    (rule,) = parse_rules(text, "lent.toml")
    sentence = "Un budget de 12 millions d'euros " + "a" * 40 + "!"
    with pytest.raises(RuleError, match="budget-hopital.*too long"):
        bind(Document.from_text(sentence), extract(sentence), [rule])


def test_shipped_rule_files_validate_against_the_published_schema():
    import json
    import tomllib

    import jsonschema

    schema = json.loads((REPO / "schemas" / "recoupe-rules.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    for path in sorted((REPO / "rules").glob("*.toml")):
        jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), schema)


def test_schema_and_loader_accept_the_same_keys():
    import json

    from checker.binding import rules as rules_module

    schema = json.loads((REPO / "schemas" / "recoupe-rules.schema.json").read_text(encoding="utf-8"))
    assert set(schema["definitions"]["rule"]["properties"]) == set(rules_module._KEYS)


def test_rules_name_the_extractor_kinds_in_its_order():
    from checker.extraction import quantity
    from checker.binding import rules as rules_module

    assert rules_module.KINDS == tuple(quantity.KINDS)


SECOND = GOOD.replace("budget-hopital", "budget-ecole").replace("hôpital", "école").replace("l'école", "l’école")


def test_an_invalid_rule_leaves_out_only_itself(tmp_path):
    path = write(tmp_path, SECOND.replace("subject = ['école']", "subject = ['éc(ole']") + GOOD)
    loaded = load_rules(path)
    assert [rule.id for rule in loaded.rules] == ["budget-hopital"]
    (error,) = loaded.errors
    assert str(error).startswith(f"{path}:7: key 'subject': invalid regular expression")
    with pytest.raises(RuleError, match="invalid regular expression"):
        loaded.or_raise()


def test_a_file_that_is_not_toml_loses_only_its_own_rules(tmp_path):
    (tmp_path / "a.toml").write_text(GOOD.replace('unit = "M€"', 'unit = "M€'), encoding="utf-8")
    (tmp_path / "b.toml").write_text(SECOND, encoding="utf-8")
    loaded = load_rules(tmp_path)
    assert [rule.id for rule in loaded.rules] == ["budget-ecole"]
    assert [str(error).split(": ")[0] for error in loaded.errors] == [f"{tmp_path / 'a.toml'}:6:11"]


def test_of_two_rules_with_one_id_the_second_is_the_error(tmp_path):
    loaded = load_rules(write(tmp_path, GOOD + GOOD.replace("hôpital'", "clinique'")))
    (rule,) = loaded.rules
    assert rule.line == 2 and rule.subject[0].source == "hôpital"
    assert [str(error) for error in loaded.errors] == [f"{tmp_path / 'regles.toml'}:11: key 'id': rule id 'budget-hopital' is already used at line 2"]
    (tmp_path / "zz.toml").write_text(GOOD, encoding="utf-8")  # read after regles.toml
    loaded = load_rules(tmp_path)
    assert [rule.path for rule in loaded.rules] == [str(tmp_path / "regles.toml")]
    assert str(loaded.errors[-1]) == f"{tmp_path / 'zz.toml'}:2: key 'id': rule id 'budget-hopital' is also defined at {tmp_path / 'regles.toml'}:2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rule = [1, 2]\n", ":1: key 'rule': expected [[rule]] tables"),
        ("rule = 3\n", ":1: key 'rule': expected [[rule]] tables"),
        ("titre = 'x'\n" + GOOD, ":1: unknown top-level key 'titre'"),
    ],
)
def test_a_malformed_file_is_an_error_never_a_crash(tmp_path, text, message):
    loaded = load_rules(write(tmp_path, text))
    assert [message in str(error) for error in loaded.errors] == [True]
    assert [rule.id for rule in loaded.rules] == (["budget-hopital"] if GOOD in text else [])


def test_a_missing_rule_folder_is_an_error(tmp_path):
    loaded = load_rules(tmp_path / "absent")
    assert loaded.rules == ()
    assert [str(error) for error in loaded.errors] == [f"{tmp_path / 'absent'}: no such rule file or folder"]


def test_errors_come_in_file_order_then_line_order(tmp_path):
    (tmp_path / "a.toml").write_text(SECOND.replace("La mairie", "L’école") + GOOD.replace("kind =", "knd ="), encoding="utf-8")
    (tmp_path / "b.toml").write_text("[[rule]\n", encoding="utf-8")
    errors = [str(error).split(": ")[0] for error in load_rules(tmp_path).errors]
    assert errors == [f"{tmp_path / 'a.toml'}:9", f"{tmp_path / 'a.toml'}:14", f"{tmp_path / 'b.toml'}:1:7"]


def test_the_schemas_list_the_extractor_kinds_in_its_order():
    """A kind added to the extractor (checker/extraction/units.py CANONICAL) is a kind rules and reports may name."""
    import json

    from checker.extraction import quantity

    rules_schema = json.loads((REPO / "schemas" / "recoupe-rules.schema.json").read_text(encoding="utf-8"))
    report_schema = json.loads((REPO / "schemas" / "recoupe-report.schema.json").read_text(encoding="utf-8"))
    assert rules_schema["definitions"]["kind"]["enum"] == list(quantity.KINDS)
    assert report_schema["$defs"]["kind"]["enum"] == list(quantity.KINDS)
