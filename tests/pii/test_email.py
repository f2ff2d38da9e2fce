import pytest


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mail naar k.jansen@minbzk.nl graag.", "k.jansen@minbzk.nl"),  # plain address in a sentence
        ("Van: <Karin.Jansen@MinBZK.nl>", "Karin.Jansen@MinBZK.nl"),  # capitals, in angle brackets
        ("[mailto:p.de-vries_2@rivm.nl]", "p.de-vries_2@rivm.nl"),  # Outlook mailto form, - and _
        ("cc m.yilmaz@nctv.minjenv.nl;", "m.yilmaz@nctv.minjenv.nl"),  # sub-domain, trailing ;
    ],
)
def test_addresses_are_found(find, text, expected):
    assert find(text, "EMAIL") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Zie @minvws op sociale media.",  # a handle, no local part
        "Het adres is jansen(at)minbzk.nl",  # obfuscated, no @
        "prijs 5 @ 10 euro",  # an @ between numbers
        "user@localhost",  # no top-level domain
    ],
)
def test_non_addresses_are_not_found(find, text):
    assert find(text, "EMAIL") == []


@pytest.mark.parametrize(
    "text, reason_word",
    [
        ("[REDACTED]@minjenv.nl", "redacted"),  # the seeds' form: local part replaced by a marker
        ("█████@minvws.nl", "redacted"),  # a box character run
        ("BEEE@minszw.nl", "redacted"),  # ZyLAB OCR of a grey box over the local part
        ("woo@minbzk.nl", "functional"),  # functional mailbox
        ("info@vo-raad.nl", "functional"),
        ("postbus.dgm@minjenv.nl", "functional"),  # postbus prefix
        ("noreply@rijksoverheid.nl", "functional"),
    ],
)
def test_redacted_and_functional_mailboxes_are_public(items, text, reason_word):
    found = [p for p in items(text) if p.entity == "EMAIL"]
    assert len(found) == 1 and found[0].public and reason_word in found[0].reason


def test_personal_address_is_a_leak(items):
    found = [p for p in items("Aan: j.devries@minbzk.nl") if p.entity == "EMAIL"]
    assert len(found) == 1 and not found[0].public


@pytest.mark.parametrize(
    "address, functional",
    [
        ("crisisteam@coa.nl", True),  # a compound ending in a function word
        ("vanderpost@minbzk.nl", False),  # a surname ending in "post": personal
        ("k.jansen@minbzk.nl", False),
    ],
)
def test_compound_functional_mailboxes(items, address, functional):
    found = [p for p in items(address) if p.entity == "EMAIL"]
    assert len(found) == 1 and found[0].public is functional
