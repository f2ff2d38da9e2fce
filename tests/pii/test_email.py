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
        # residue of a redaction: a Woo ground or what extraction kept of it
        ("5.1.2e@voorbeeld.nl", "redacted"),
        ("5.1.2.e@voorbeeld.nl", "redacted"),
        ("e@voorbeeld.nl", "redacted"),
        ("i@voorbeeld.nl", "redacted"),
        ("51.2e@voorbeeld.nl", "redacted"),  # OCR dropped a dot
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
        # compounds of function words, none of them in the list as a whole
        ("contactpersoonwob@voorbeeld.nl", True),
        ("teamtoezicht@voorbeeld.nl", True),
        ("servicedesk.noord@voorbeeld.nl", True),
        ("servicedesk.x@voorbeeld.nl", True),
        ("meldpuntoverlast@voorbeeld.nl", True),
        ("postbusjb@voorbeeld.nl", True),
        ("klachtenbureau@voorbeeld.nl", True),
        # a person's shape beside a function word
        ("p.de.vries@voorbeeld.nl", False),
        ("jan.post@voorbeeld.nl", False),  # a first name and a surname that is a function word
        ("j.post@voorbeeld.nl", False),  # initial first
        ("k.elamrani@voorbeeld.nl", False),
        ("info.bakker@voorbeeld.nl", False),  # a known surname beside a function word
        ("postma@voorbeeld.nl", False),  # a surname that starts with a function word
    ],
)
def test_compound_functional_mailboxes(items, address, functional):
    found = [p for p in items(address) if p.entity == "EMAIL"]
    assert len(found) == 1 and found[0].public is functional
