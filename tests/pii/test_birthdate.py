import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("geboren op 12-03-1980 te Utrecht", "12-03-1980"),  # geboren op
        ("Geboortedatum: 1 januari 1975", "1 januari 1975"),  # spelled month
        ("J. Jansen (geb. 03/04/1990)", "03/04/1990"),  # abbreviation
        ("geboren 1982-07-15", "1982-07-15"),  # ISO form
        ("Mijn geboortedatum is 02-05-1991.", "02-05-1991"),  # "is" between cue and date
    ],
)
def test_date_after_a_birth_cue_is_found(find, text, expected):
    assert find(text, "BIRTHDATE") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vergaderdatum 12-03-2024",  # a meeting date
        "Datum: 1 januari 1975",  # a date without a birth cue
        "geboren in Utrecht",  # a cue without a date
    ],
)
def test_other_dates_are_not_birth_dates(find, text):
    assert find(text, "BIRTHDATE") == []
