"""The spatial index behind the redaction and hidden-text checks (locate.vector.Grid):
`near` never misses an item whose rect meets the one asked about, whatever the rects."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from woocheck.locate.vector import Grid

# Mostly page-sized coordinates; now and then the far-off, infinite or NaN ones a
# damaged PDF gives a glyph.
coordinate = st.one_of(
    st.floats(-200, 1000, allow_nan=False),
    st.floats(-1e12, 1e12, allow_nan=False),
    st.sampled_from([math.inf, -math.inf, math.nan]),
)
rect = st.tuples(coordinate, coordinate, coordinate, coordinate)


def _meet(a, b) -> bool:
    """The rects share a point (an inverted rect, x1 < x0, has none to share)."""
    return max(a[0], b[0]) <= min(a[2], b[2]) and max(a[1], b[1]) <= min(a[3], b[3])


@settings(max_examples=300, deadline=None)
@given(items=st.lists(rect, max_size=20), question=rect)
def test_near_finds_every_rect_that_meets_the_question(items, question):
    grid = Grid()
    for k, r in enumerate(items):
        grid.add(k, r)
    found = grid.near(question)
    assert {k for k, r in enumerate(items) if _meet(r, question)} <= found
    assert found <= set(range(len(items)))
