"""Properties over arbitrary text: detection never raises and its offsets are exact."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Pieces that steer random text towards the recognizers' edges.
PIECES = st.sampled_from([
    "Van: ", "Aan: ", "Aanwezig: ", "Met vriendelijke groet,\n", "Beste ", "dhr. ", "mw. ", "minister ",
    "(VNG)", "(MBZK)", "Jansen", "de Vries", "J.P. ", "Karin", "El Amrani", "06-12345678", "+31 70 123 4567",
    "111222333", "NL91 ABNA 0417 1643 00", "Kerkstraat 12, 1234 AB Utrecht", "12-BDF-3", "geboren op 01-02-1980",
    "k.jansen@minbzk.nl", "[REDACTED]", "█████", "<", ">", "@", ",", ";", "\n", "\n\n", "\t", " ", "(", ")",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_are_exact_and_nothing_raises(text):
    from woocheck.pii import find_in_text

    found = find_in_text(text)
    for p in found:
        assert 0 <= p.start < p.end <= len(text)
        assert text[p.start:p.end] == p.text
        assert p.entity in {"PERSON", "EMAIL", "PHONE", "BSN", "IBAN", "ADDRESS", "PLATE", "BIRTHDATE"}
        assert not p.public or p.reason
    spans = sorted((p.start, p.end) for p in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "one entity per stretch of text"
