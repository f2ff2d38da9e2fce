import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("woont op Kerkstraat 12, 1234 AB Utrecht.", "Kerkstraat 12, 1234 AB Utrecht"),  # one line
        ("Dhr. J. Jansen\nLindelaan 3a\n3512 XY Utrecht", "Lindelaan 3a\n3512 XY Utrecht"),  # two lines
        ("Laan van Nieuw Oost-Indië 5, 2593 BJ Den Haag", "Laan van Nieuw Oost-Indië 5, 2593 BJ Den Haag"),
        ("Van Alkemadelaan 200 2597 AA", "Van Alkemadelaan 200 2597 AA"),  # no comma, no city
    ],
)
def test_street_number_postcode_is_an_address(find, text, expected):
    assert find(text, "ADDRESS") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Postcode 1234 AB is een wijk.",  # a postcode alone
        "Kerkstraat 12 in Utrecht",  # a street without postcode
        "Postbus 20011\n2500 EH Den Haag",  # a PO box
        "Kerkstraat 12, 1234 SS Utrecht",  # SS is never issued
        "Kerkstraat 12, 0234 AB Utrecht",  # postcodes start at 1000
    ],
)
def test_non_addresses_are_not_found(find, text):
    assert find(text, "ADDRESS") == []


def test_office_address_in_letterhead_is_public(items):
    text = "Directie Migratie\nTurfmarkt 147\n2511 DP Den Haag\nPostbus 20011\n2500 EH Den Haag\nwww.rijksoverheid.nl"
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and found[0].public


def test_address_under_a_name_stays_private_despite_letterhead(items):
    text = "Ministerie van BZK\nPostbus 20011\n\nDe heer K. Bosma\nLindelaan 3\n3512 XY Utrecht"
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and not found[0].public


def test_home_address_in_prose_stays_private_despite_letterhead_words(items):
    text = "Postbus 20011\n2500 EH Den Haag\n\nHet bezoekadres van de betrokkene is Lindelaan 14, 3581 KX Utrecht."
    found = [p for p in items(text) if p.entity == "ADDRESS"]
    assert len(found) == 1 and not found[0].public
