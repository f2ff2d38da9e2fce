"""Build the sample PDFs with pymupdf. Each file is named for what woocheck should report.

Run: python samples/make_samples.py   (writes next to this script; names and numbers are invented)
"""
from __future__ import annotations

from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
FONT = dict(fontsize=11, fontname="helv")


def _page(doc: pymupdf.Document, lines: list[str], top: float = 72) -> pymupdf.Page:
    page = doc.new_page(width=595, height=842)
    y = top
    for line in lines:
        page.insert_text((72, y), line, **FONT)
        y += 18
    return page


def _box(page: pymupdf.Page, words: str, line_no: int, label: str | None, fill=(0, 0, 0), top: float = 72) -> None:
    """Draw a box over the first occurrence of `words` and print the label beside it."""
    rect = page.search_for(words)[0]
    rect = pymupdf.Rect(rect.x0 - 1, rect.y0 - 1, rect.x1 + 1, rect.y1 + 1)
    page.draw_rect(rect, color=None, fill=fill, overlay=True)
    if label:
        page.insert_text((rect.x1 + 3, rect.y1 - 2), label, fontsize=7, fontname="helv", color=(0.3, 0.3, 0.3))


def box_over_live_text() -> None:
    """A black box drawn over text that is still in the file: WOO301."""
    doc = pymupdf.open()
    page = _page(doc, ["Memo aan de minister", "Datum: 12 mei 2025", "", "Opgesteld door Pieter Zandbergen, directie Migratie."])
    _box(page, "Pieter Zandbergen", 3, "5.1.2e")
    doc.save(HERE / "box_over_live_text_WOO301.pdf")


def redaction_not_applied() -> None:
    """A Redact annotation that was marked but never applied: WOO302."""
    doc = pymupdf.open()
    page = _page(doc, ["Nota", "Datum: 2 juni 2025", "", "Contact: Ilse Vermeulen-Kooi, tel. 06-41873625."])
    rect = page.search_for("Ilse Vermeulen-Kooi")[0]
    page.add_redact_annot(rect, text="5.1.2e", fill=(0, 0, 0))
    doc.save(HERE / "redaction_not_applied_WOO302.pdf")


def _applied_redaction(name: str, lines: list[str], secret: str, label: str, meta: dict | None = None) -> None:
    """A name removed with an applied redaction, a black box in its place and a label beside.

    Saved with garbage=3: without it the old page content stays in the file (WOO402)."""
    doc = pymupdf.open()
    page = _page(doc, lines)
    rect = page.search_for(secret)[0]
    page.add_redact_annot(rect, fill=(0, 0, 0))
    page.apply_redactions()
    page.draw_rect(rect, color=None, fill=(0, 0, 0))
    page.insert_text((rect.x1 + 3, rect.y1 - 2), label, fontsize=7, fontname="helv")
    if meta:
        doc.set_metadata(meta)
    doc.save(HERE / name, garbage=3, deflate=True)


def properly_redacted() -> None:
    """Redaction applied, a valid ground beside it: no findings."""
    lines = ["Besluit op Woo-verzoek", "Datum: 1 juli 2025", "", "Behandeld door Sanne Bakker van de directie."]
    meta = {"producer": "woocheck sample", "author": "", "creator": ""}
    _applied_redaction("properly_redacted_clean.pdf", lines, "Sanne Bakker", "5.1.2e", meta)


def wob_ground_after_2022() -> None:
    """A Wob code (10.2e) on a box in a 2023 document: WOO203."""
    lines = ["Besluit", "Datum: 14 maart 2023", "", "Het verzoek van Marco Visser is ontvangen."]
    _applied_redaction("wob_ground_after_2022_WOO203.pdf", lines, "Marco Visser", "10.2e")


def hidden_content() -> None:
    """Author in metadata (WOO401), a comment with a phone number (WOO403), an attachment (WOO404)."""
    doc = pymupdf.open()
    page = _page(doc, ["Oplegnotitie", "Datum: 9 september 2025", "", "Geen persoonsgegevens op deze pagina."])
    doc.set_metadata({"author": "Jan de Wilde", "title": "Oplegnotitie", "producer": "woocheck sample"})
    page.add_text_annot((400, 72), "Check met Femke Roelofs (06-58204716) voor publicatie")
    doc.embfile_add("originele_mail.msg", b"From: someone\nunredacted thread", filename="originele_mail.msg")
    doc.save(HERE / "hidden_content_WOO401_WOO403_WOO404.pdf")


def hidden_text_layer() -> None:
    """Invisible text over different visible text: WOO304."""
    doc = pymupdf.open()
    page = _page(doc, ["Verslag", "Datum: 5 mei 2025", "", "De heer X is aanwezig."])
    page.insert_text((72, 126), "De heer Wessel Dijkhuis is aanwezig.", fontsize=11, fontname="helv", render_mode=3)
    doc.save(HERE / "hidden_text_WOO304.pdf")


def earlier_revision() -> None:
    """A name removed in an incremental save is still in revision 1: WOO402."""
    path = HERE / "earlier_revision_WOO402.pdf"
    doc = pymupdf.open()
    _page(doc, ["Verslag", "Datum: 6 mei 2025", "", "Behandelaar: Noor Jacobs, bereikbaar via n.jacobs@minbzk.nl"])
    doc.save(path)
    doc.close()
    doc = pymupdf.open(path)
    page = doc[0]
    for rect in page.search_for("Noor Jacobs, bereikbaar via n.jacobs@minbzk.nl"):
        page.add_redact_annot(rect, text="[5.1.2e]", fontsize=8)
    page.apply_redactions()
    doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)


def scanned_page() -> None:
    """An image page with grey boxes and an OCR layer that still holds a name: WOO303."""
    src = pymupdf.open()
    page = _page(src, ["Van: Ruben Smeets", "Aan: Directie Zorg", "Datum: 3 april 2025", "", "Graag je reactie voor vrijdag."])
    name = page.search_for("Ruben Smeets")[0]
    page.draw_rect(name + (-1, -1, 1, 1), color=None, fill=(0.55, 0.55, 0.55))
    page.insert_text((name.x0 + 2, name.y1 - 2), "5.1.2e", fontsize=8, fontname="helv", color=(1, 1, 1))
    png = page.get_pixmap(dpi=100).tobytes("png")
    doc = pymupdf.open()
    out = doc.new_page(width=595, height=842)
    out.insert_image(out.rect, stream=png)
    # The OCR layer was made before the box was drawn: it still reads the name.
    y = 72
    for line in ["Van: Ruben Smeets", "Aan: Directie Zorg", "Datum: 3 april 2025", "", "Graag je reactie voor vrijdag."]:
        out.insert_text((72, y), line, fontsize=11, fontname="helv", render_mode=3)
        y += 18
    doc.save(HERE / "scanned_page_OCR_under_box_WOO303.pdf", deflate=True, garbage=3)


def image_only_scan() -> None:
    """A scanned page with no text layer at all (200 dpi greyscale JPEG, as a copier makes
    it): a name, an e-mail address, a mobile number and a BSN that only OCR can read:
    WOO101, WOO102, WOO103, WOO104, each marked as read by OCR."""
    src = pymupdf.open()
    page = _page(
        src,
        [
            "Gespreksverslag",
            "Datum: 17 juni 2025",
            "",
            "Aanwezig namens het ministerie: Sanne Oudejans, beleidsmedewerker.",
            "Bereikbaar via s.oudejans@minbzk.nl of 06-37519824.",
            "De aanvrager gaf haar BSN op: 192285142.",
        ],
    )
    jpeg = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=80)
    doc = pymupdf.open()
    out = doc.new_page(width=595, height=842)
    out.insert_image(out.rect, stream=jpeg)
    doc.set_metadata({"producer": "woocheck sample"})
    doc.save(HERE / "image_only_scan_WOO101_WOO102_WOO103_WOO104.pdf", deflate=True, garbage=3)


def clean_letter() -> None:
    """A letter from a minister with no personal data to redact: no findings."""
    doc = pymupdf.open()
    _page(
        doc,
        [
            "Aan de Voorzitter van de Tweede Kamer",
            "Datum: 20 oktober 2025",
            "",
            "Hierbij bied ik u de voortgangsrapportage aan.",
            "",
            "De minister van Asiel en Migratie,",
            "mw. M. Faber",
        ],
    )
    doc.set_metadata({"producer": "woocheck sample"})
    doc.save(HERE / "minister_letter_clean.pdf")


if __name__ == "__main__":
    for build in (box_over_live_text, redaction_not_applied, properly_redacted, wob_ground_after_2022,
                  hidden_content, hidden_text_layer, earlier_revision, scanned_page, image_only_scan, clean_letter):
        build()
    print("samples written to", HERE)
