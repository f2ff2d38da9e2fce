"""Mutated PDFs never crash or hang the scanner (bounded: runs in CI)."""
from __future__ import annotations

import pymupdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from woocheck.batch import run_batch
from woocheck.config import Config


def _seed_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Behandeld door Jan Klaassen, 06-12345678")
    page.draw_rect(pymupdf.Rect(70, 60, 200, 76), fill=(0, 0, 0))
    page.add_text_annot((300, 72), "opmerking")
    doc.set_metadata({"author": "Jan Klaassen"})
    return doc.tobytes(deflate=False)


SEED = _seed_pdf()

mutation = st.lists(
    st.tuples(st.integers(0, len(SEED) - 1), st.sampled_from(["flip", "cut", "dup", "zero"]), st.integers(1, 64)),
    min_size=1,
    max_size=6,
)


def _mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for pos, op, n in ops:
        pos %= max(1, len(buf))
        if op == "flip":
            buf[pos] ^= 0xFF
        elif op == "cut":
            del buf[pos : pos + n]
        elif op == "dup":
            buf[pos:pos] = buf[pos : pos + n]
        else:
            buf[pos : pos + n] = b"\0" * len(buf[pos : pos + n])
    return bytes(buf)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=mutation)
def test_mutated_pdf_gives_a_result_not_a_crash(tmp_path, ops):
    path = tmp_path / "mutant.pdf"
    path.write_bytes(_mutate(SEED, ops))
    results = list(run_batch([str(path)], Config(), jobs=1, timeout=20))
    assert len(results) == 1
    r = results[0]
    assert r.error is None or ("\n" not in r.error and "timed out" not in r.error)
