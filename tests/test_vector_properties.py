"""Properties of vector location on random pages: no crash, recovered text is real text,
and a box drawn before the text never hides it (unless it is the text's own colour)."""
from __future__ import annotations

import pymupdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from woocheck.config import Config
from woocheck.pipeline import scan_file

WORDS = ["Gesprek", "met", "Jan", "Jansen", "over", "de", "aanvraag", "5.1.2e", "Utrecht", "12"]

boxes = st.lists(
    st.tuples(
        st.floats(40, 400), st.floats(60, 300), st.floats(4, 200), st.floats(4, 60),
        st.sampled_from(["black", "grey", "white", "red", "frame", "curve"]),
    ),
    min_size=1,
    max_size=6,
)
FILLS = {"black": (0, 0, 0), "grey": (0.5, 0.5, 0.5), "white": (1, 1, 1), "red": (0.8, 0.1, 0.1)}


def _draw(page, x, y, w, h, kind):
    if kind in FILLS:
        page.draw_rect((x, y, x + w, y + h), color=None, fill=FILLS[kind])
    elif kind == "frame":
        shape = page.new_shape()
        shape.draw_rect((x, y, x + w, y + h))
        shape.draw_rect((x + 2, y + 2, x + w - 2, y + h - 2))
        shape.finish(color=None, fill=(0, 0, 0), even_odd=True)
        shape.commit()
    else:
        shape = page.new_shape()
        shape.draw_bezier((x, y), (x + w, y), (x, y + h), (x + w, y + h))
        shape.finish(color=None, fill=(0, 0, 0), closePath=True)
        shape.commit()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(boxes=boxes, text_first=st.booleans(), words=st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
def test_random_boxes(tmp_path, boxes, text_first, words):
    doc = pymupdf.open()
    page = doc.new_page()
    line = " ".join(words)

    def text():
        for i in range(4):
            page.insert_text((50, 80 + 60 * i), line, fontsize=11, color=(0.2, 0.2, 0.6))

    if text_first:
        text()
    for box in boxes:
        _draw(page, *box)
    if not text_first:
        text()
    path = tmp_path / "p.pdf"
    doc.save(path)
    result = scan_file(str(path), Config(select=("WOO301",)))
    assert result.error is None, result.error
    chars = set(line)
    for f in result.findings:
        assert set(f.text) - {" "} <= chars
    if not text_first:  # text drawn on top of every box, in a colour none of the boxes has
        assert not result.findings
