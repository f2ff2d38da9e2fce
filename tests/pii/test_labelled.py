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


# The set written by another hand, without sight of the detector (tests/data/labelled-other):
# its held-out half was measured once, after tuning on the tune half only, and these floors
# are a little under what that measurement gave (PERSON 0.91 / 0.90, all 0.86 / 0.87), so
# that a change that loses ground on text the detector was not tuned on fails here.
OTHER = LABELLED.parent / "labelled-other"
FLOOR_OTHER_PERSON = (0.88, 0.87)
FLOOR_OTHER_ALL = (0.83, 0.84)


def test_other_hands_held_out_half():
    held_out = OTHER / "heldout"
    assert len(sorted(held_out.glob("*.txt"))) >= 10
    counts, misses = evaluate(held_out)
    print("\n" + table(counts) + "\n" + "\n".join(misses))
    total = Counter()
    for c in counts.values():
        total.update(c)
    p, r = scores(total)
    assert p >= FLOOR_OTHER_ALL[0] and r >= FLOOR_OTHER_ALL[1], table(counts)
    p, r = scores(counts["PERSON"])
    assert p >= FLOOR_OTHER_PERSON[0] and r >= FLOOR_OTHER_PERSON[1], table(counts)
