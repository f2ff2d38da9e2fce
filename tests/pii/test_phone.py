import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bel 06-12345678 even.", "06-12345678"),  # mobile with dash
        ("M: 06 1234 5678", "06 1234 5678"),  # mobile in groups
        ("T 070 123 45 67", "070 123 45 67"),  # landline, The Hague
        ("tel. 0591-123456", "0591-123456"),  # four-digit area code
        ("mobiel +31 6 12345678", "+31 6 12345678"),  # international
        ("+31 (0)70 1234567", "+31 (0)70 1234567"),  # international with (0)
        ("0031 70 123 4567", "0031 70 123 4567"),  # 0031 form
        ("Telefoon: 0612345678.", "0612345678"),  # no separators, sentence end
        ("colleague (+32 2 298 1234) will", "+32 2 298 1234"),  # Belgian landline
        ("mobil +49 151 23456789", "+49 151 23456789"),  # German mobile
    ],
)
def test_dutch_numbers_are_found(find, text, expected):
    assert find(text, "PHONE") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Onze referentie 6007637",  # seven digits: a reference
        "Datum 2023-10-27",  # an ISO date
        "bedrag 0\t84.842\t84.873",  # a table row with amounts
        "Bel gratis 0800-1234567",  # service number (toll free)
        "zaaknummer 0012345678901",  # too long
        "06-1234567",  # a mobile number one digit short
        "BSN 111222333",  # nine digits without leading zero
        "score +12 3 4",  # a plus sign before small numbers
    ],
)
def test_non_numbers_are_not_found(find, text):
    assert find(text, "PHONE") == []


def test_letterhead_general_number_is_public(items):
    text = "Turfmarkt 147\n2511 DP Den Haag\nPostbus 20011\nT 070 370 79 11\nwww.rijksoverheid.nl"
    phones = [p for p in items(text) if p.entity == "PHONE"]
    assert phones and all(p.public for p in phones)


def test_mobile_in_letterhead_stays_a_leak(items):
    text = "Postbus 20011\n2500 EH Den Haag\nM 06-12345678"
    phones = [p for p in items(text) if p.entity == "PHONE"]
    assert phones and not phones[0].public
