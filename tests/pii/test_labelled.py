"""Precision and recall per entity on the invented labelled set (tests/data/labelled).

The table is printed (see it with `pytest -s tests/pii/test_labelled.py` or
`python -m tests.pii.labelled`); the floors below are what the release promises.
"""
from __future__ import annotations

from collections import Counter

from .labelled import LABELLED, evaluate, scores, table

FLOOR_ALL = (0.90, 0.90)  # precision, recall over every entity
FLOOR_PERSON = (0.90, 0.85)
FLOOR_RECALL_OTHER = 0.90  # e-mail, phone, BSN, IBAN, address, plate, date of birth


def test_labelled_set_is_there():
    docs = sorted(LABELLED.glob("*.txt"))
    assert len(docs) >= 10 and all(d.with_suffix(".yaml").is_file() for d in docs)


def test_precision_and_recall_floors():
    counts, misses = evaluate()
    print("\n" + table(counts) + "\n" + "\n".join(misses))
    total = Counter()
    for c in counts.values():
        total.update(c)
    p, r = scores(total)
    assert p >= FLOOR_ALL[0] and r >= FLOOR_ALL[1], table(counts)
    p, r = scores(counts["PERSON"])
    assert p >= FLOOR_PERSON[0] and r >= FLOOR_PERSON[1], table(counts)
    for entity, c in counts.items():
        if entity != "PERSON":
            assert scores(c)[1] >= FLOOR_RECALL_OTHER, (entity, table(counts))
