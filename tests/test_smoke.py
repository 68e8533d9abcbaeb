from checker import extract


def test_santé_numérique_funding_is_money_in_euros():
    (quantity,) = extract("Dotée de 718,4 millions d’euros, la SASN vise haut.")
    assert quantity.kind == "money"
    assert quantity.unit == "EUR"
    assert quantity.value == 718_400_000
    assert quantity.low == 718_350_000
