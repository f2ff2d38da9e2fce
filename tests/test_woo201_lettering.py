"""WOO201 on scans: an unreadable label is a warning to check by eye, no label an error."""
from __future__ import annotations

import pymupdf

from woocheck.config import Config
from woocheck.pipeline import scan_file

GREY = (0.55, 0.55, 0.55)


def _scan(path, label_size: float | None):
    """A scanned page: a grey box over a name, optionally with a white label inside."""
    src = pymupdf.open()
    page = src.new_page()
    page.insert_text((72, 100), "Contactpersoon: Jan Klaassen, directie Zorg", fontsize=11)
    page.insert_text((72, 130), "Met vriendelijke groet, de afdeling", fontsize=11)
    box = page.search_for("Jan Klaassen")[0] + (-1, -1, 1, 1)
    page.draw_rect(box, color=None, fill=GREY)
    if label_size:
        page.insert_text((box.x0 + 3, box.y1 - 2.5), "5.1.2e", fontsize=label_size, color=(1, 1, 1))
    png = page.get_pixmap(dpi=300).tobytes("png")
    doc = pymupdf.open()
    out = doc.new_page()
    out.insert_image(out.rect, stream=png)
    doc.save(path)
    return path


def _woo201(path):
    return [f for f in scan_file(str(path), Config(select=("WOO201",))).findings if f.code == "WOO201"]


def test_box_without_any_lettering_is_an_error(tmp_path):
    found = _woo201(_scan(tmp_path / "kaal.pdf", None))
    assert [f.severity.value for f in found] == ["error"]


def test_box_with_a_tiny_unreadable_label_is_a_warning(tmp_path):
    found = _woo201(_scan(tmp_path / "klein.pdf", 2.5))
    # A ground is printed there (a reviewer sees it), too small to read: not an error.
    assert [f.severity.value for f in found] == ["warning"]
    assert "check the label by eye" in found[0].message


def test_box_with_a_readable_label_gives_no_finding(tmp_path):
    assert _woo201(_scan(tmp_path / "leesbaar.pdf", 6.0)) == []
