import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IBAN NL91 ABNA 0417 1643 00 t.n.v.", "NL91 ABNA 0417 1643 00"),  # printed in groups
        ("rekening NL91ABNA0417164300.", "NL91ABNA0417164300"),  # compact
        ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),  # a German account
        ("BE71096123456769", "BE71096123456769"),  # a Belgian account, compact
    ],
)
def test_valid_iban_is_found(find, text, expected):
    assert find(text, "IBAN") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "NL91 ABNA 0417 1643 01",  # mod-97 fails
        "NL12 ABCD 1234",  # too short
        "ECLI NL12 RVS 2018",  # a reference, not an account
    ],
)
def test_invalid_iban_is_not_found(find, text):
    assert find(text, "IBAN") == []
