"""Precision and recall per entity on the invented labelled set (tests/data/labelled).

The table is printed (see it with `pytest -s tests/pii/test_labelled.py` or
`python -m tests.pii.labelled`); the floors below are what the release promises.
"""
from __future__ import annotations

from collections import Counter

import pytest

from .labelled import LABELLED, evaluate, scores, table

FLOOR_ALL = (0.90, 0.90)  # precision, recall over every entity
FLOOR_PERSON = (0.90, 0.85)
FLOOR_RECALL_OTHER = 0.90  # e-mail, phone, BSN, IBAN, address, plate, date of birth


def test_labelled_set_is_there():
    docs = sorted(LABELLED.glob("*.txt"))
    assert len(docs) >= 10 and all(d.with_suffix(".yaml").is_file() for d in docs)


def _check_floors(folder, floor_all, floor_person):
    """Evaluate `folder`, print its table, assert the floors; the counts per entity."""
    counts, misses = evaluate(folder)
    print("\n" + table(counts) + "\n" + "\n".join(misses))
    total = Counter()
    for c in counts.values():
        total.update(c)
    p, r = scores(total)
    assert p >= floor_all[0] and r >= floor_all[1], table(counts)
    p, r = scores(counts["PERSON"])
    assert p >= floor_person[0] and r >= floor_person[1], table(counts)
    return counts


def test_precision_and_recall_floors():
    counts = _check_floors(LABELLED, FLOOR_ALL, FLOOR_PERSON)
    for entity, c in counts.items():
        if entity != "PERSON":
            assert scores(c)[1] >= FLOOR_RECALL_OTHER, (entity, table(counts))


# The set written by another hand, without sight of the detector (tests/data/labelled-other):
# its held-out half is never tuned on. Measured after tuning on the tune half: PERSON
# 0.91 / 0.90 and all 0.86 / 0.87 at first, PERSON 0.93 / 0.90 and all 0.93 / 0.90 at the
# end of that session. These floors sit a little under, so that a change that loses ground
# on text the detector was not tuned on fails here. Since the third set arrived, this
# "held-out" half has been read to fix misses as well (0.93 / 0.91 -> 0.97 / 0.96): it is
# a regression floor now, and the third set's held-out half is the measure.
OTHER = LABELLED.parent / "labelled-other"
FLOOR_OTHER_PERSON = (0.90, 0.87)
FLOOR_OTHER_ALL = (0.90, 0.87)


# A third set by yet another hand (tests/data/labelled-third), split by document number
# before any of its errors were read. Its held-out half measured 0.86 / 0.92 (all) and
# 0.88 / 0.93 (PERSON) with the detector of the session that received it, before that
# session tuned on its other half; 0.91 / 0.94 and 0.92 / 0.94 when it was split;
# 0.96 / 0.94 and 0.96 / 0.94 after tuning on the other half (never read itself).
THIRD = LABELLED.parent / "labelled-third"
FLOOR_THIRD_PERSON = (0.94, 0.92)
FLOOR_THIRD_ALL = (0.94, 0.92)


@pytest.mark.parametrize("held_out, floor_all, floor_person", [
    (OTHER / "heldout", FLOOR_OTHER_ALL, FLOOR_OTHER_PERSON),
    (THIRD / "heldout", FLOOR_THIRD_ALL, FLOOR_THIRD_PERSON),
], ids=["other-hand", "third-hand"])
def test_held_out_half_by_another_hand(held_out, floor_all, floor_person):
    assert len(sorted(held_out.glob("*.txt"))) >= 10
    _check_floors(held_out, floor_all, floor_person)
