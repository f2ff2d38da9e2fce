"""Mutated PDFs never crash or hang the scanner (bounded: runs in CI)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from woocheck.batch import run_batch, warm_up
from woocheck.config import Config


def _text_pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Behandeld door Jan Klaassen, 06-12345678")
    page.draw_rect(pymupdf.Rect(70, 60, 200, 76), fill=(0, 0, 0))
    page.add_text_annot((300, 72), "opmerking")
    doc.set_metadata({"author": "Jan Klaassen"})
    return doc.tobytes(deflate=False)


def _scan_pdf() -> bytes:
    """A scanned page: a JPEG with a grey box, an invisible OCR layer with a ground label."""
    gray = bytearray([245]) * (595 * 842)
    for y in range(100, 130):
        gray[y * 595 + 80 : y * 595 + 300] = bytes([128]) * 220
    jpeg = pymupdf.Pixmap(pymupdf.csGRAY, 595, 842, bytes(gray), False).tobytes("jpg")
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, stream=jpeg)
    page.insert_text((82, 120), "Jan Klaassen 5.1.2e", render_mode=3)
    return doc.tobytes(deflate=False)


def _revised_pdf() -> bytes:
    """An incremental save on top of a first version: two revisions, an xref chain."""
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/revised.pdf"
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), "Piet Jansen belde over de regeling")
        doc.set_toc([[1, "Piet Jansen", 1]])
        doc.embfile_add("notitie.txt", b"Piet Jansen, 06-12345678")
        doc.save(path)
        doc = pymupdf.open(path)
        doc.set_metadata({"title": "Notitie"})
        doc.saveIncr()
        doc.close()
        return Path(path).read_bytes()


SEEDS = {"text": _text_pdf(), "scan": _scan_pdf(), "revision": _revised_pdf()}

# Positions are drawn as any int and taken modulo the seed's length (see _mutate).
mutation = st.lists(
    st.tuples(st.integers(0, 2**20), st.sampled_from(["flip", "cut", "dup", "zero"]), st.integers(1, 64)),
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


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Load the scanner here once, so each mutant's forked worker starts warm (as in a batch)."""
    warm_up(Config())


@pytest.mark.parametrize("seed", sorted(SEEDS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=mutation)
def test_mutated_pdf_gives_a_result_not_a_crash(tmp_path, seed, ops):
    path = tmp_path / "mutant.pdf"
    path.write_bytes(_mutate(SEEDS[seed], ops))
    results = list(run_batch([str(path)], Config(), jobs=1, timeout=20))
    assert len(results) == 1
    r = results[0]
    assert r.error is None or ("\n" not in r.error and "timed out" not in r.error and "crashed" not in r.error)


def test_the_seeds_themselves_scan_clean_of_errors(tmp_path):
    """Each seed is a readable PDF that reaches the stages its mutants are meant to shake."""
    for name, data in SEEDS.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        (r,) = run_batch([str(path)], Config(), jobs=1, timeout=60)
        assert r.error is None, (name, r.error)
        assert r.findings, name
