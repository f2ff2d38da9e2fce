"""Pages built to hurt: many hits, long runs, megabytes. They must finish, not hang."""
from __future__ import annotations

import time

import pytest


@pytest.mark.parametrize(
    "text, entity, count",
    [
        ("Dhr. " * 20_000, "PERSON", 0),  # titles only: no names, and no quadratic scan
        ("Aanwezig: Jan Pietersen, Karel Smit,\n" * 3_000, "PERSON", 6_000),  # thousands of hits
        ("<k.jansen@minbzk.nl> " * 5_000, "EMAIL", 5_000),
        ("Van: Jansen, Karin; " * 5_000, "PERSON", 5_000),
    ],
)
def test_many_hits_stay_fast(items, text, entity, count):
    start = time.perf_counter()
    found = [p for p in items(text) if p.entity == entity]
    took = time.perf_counter() - start
    assert len(found) >= count
    assert took < 30, f"{took:.1f} s for {len(text)} characters"  # was minutes before the fixes


def test_text_longer_than_one_analyzer_call(items):
    from woocheck.pii.detect import CHUNK

    filler = ("Het overleg gaat over de opvang van statushouders in de regio.\n\n" * (CHUNK // 60 + 10))
    text = filler + "Bel mevrouw El Amrani op 06-12345678.\n"
    found = {(p.entity, p.text) for p in items(text)}
    assert ("PHONE", "06-12345678") in found and ("PERSON", "El Amrani") in found
    phone = next(p for p in items(text) if p.entity == "PHONE")
    assert text[phone.start:phone.end] == "06-12345678"
