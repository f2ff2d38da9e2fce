"""PDFs with every fault `woocheck fix` repairs, one file a fault, built with pymupdf.

All personal data here is invented. Each builder returns the path it wrote and the
secrets that must not be extractable from the repaired copy.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf
from test_raster_locate import GREY, build_scan

NAME = "Joris Hagendoorn"
NAME2 = "Wendelien Oosterbeek"
MAIL = "w.oosterbeek@voorbeeld.nl"
PHONE = "06-39481726"
BSN = "111222333"


def _page(doc, lines=()):
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 60), "Verslag overleg netwerk jeugdzorg", fontsize=14)
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 16 * i), line, fontsize=11)
    # a drawing outside every box, for the look of the page
    page.draw_rect(pymupdf.Rect(72, 700, 300, 760), color=(0.2, 0.3, 0.6), width=1.5)
    return page


def _width(text, size=11):
    return pymupdf.get_text_length(text, fontname="helv", fontsize=size)


def box_over_text(path: Path) -> tuple[Path, list[str]]:
    """WOO301: a black box drawn over a name still in the text layer; the ground is
    printed in the box in white. A picture with a box over part of it, and a blue line
    under the box."""
    doc = pymupdf.open()
    page = _page(doc, ["Aanwezig: de voorzitter en de wethouder.", f"Gebeld met {NAME} over de planning.", "Volgende keer in maart."])
    x = 72 + _width("Gebeld met ")
    box = pymupdf.Rect(x - 1, 116 - 10, x + _width(NAME) + 1, 116 + 3)
    page.draw_line((x, 114), (x + 40, 114), color=(0, 0, 1), width=0.8)  # a path under the box
    page.draw_rect(box, color=None, fill=(0, 0, 0))
    page.insert_text((box.x0 + 4, box.y1 - 3), "5.1.2e", fontsize=8, color=(1, 1, 1))
    # a box whose right edge grazes the next word's first letter ("v": a quarter of it)
    page.insert_text((72, 180), "Zie dossier 2024-118 van de afdeling.", fontsize=11)
    x = 72 + _width("Zie dossier ")
    edge = x + _width("2024-118 ") + 0.25 * _width("v")
    page.draw_rect(pymupdf.Rect(x - 1, 170, edge, 183), color=None, fill=(0, 0, 0))
    # a picture with a face-like pattern, a box over part of it
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), 0)
    pix.set_rect(pix.irect, (200, 180, 40))
    pix.set_rect(pymupdf.IRect(20, 10, 40, 30), (10, 120, 200))
    page.insert_image(pymupdf.Rect(72, 300, 192, 380), pixmap=pix)
    page.draw_rect(pymupdf.Rect(110, 320, 150, 360), color=None, fill=(0, 0, 0))
    page.insert_text((112, 344), "5.1.2e", fontsize=7, color=(1, 1, 1))
    doc.save(path)
    return path, [NAME, "Hagendoorn", "2024-118"]


def box_on_turned_page(path: Path) -> tuple[Path, list[str]]:
    """WOO301 and WOO304 on a page with /Rotate 90 (a landscape scan of a portrait page)."""
    box_over_text(path.with_suffix(".tmp"))
    doc = pymupdf.open(path.with_suffix(".tmp"))
    page = doc[0]
    page.insert_text((72, 160), "Behandelaar: Y", fontsize=11)
    page.insert_text((72, 160), f"Behandelaar: {NAME2}", fontsize=11, render_mode=3)
    page.set_rotation(90)
    doc.save(path)
    doc.close()
    path.with_suffix(".tmp").unlink()
    return path, [NAME, NAME2, "Hagendoorn", "Oosterbeek"]


def unapplied(path: Path) -> tuple[Path, list[str]]:
    """WOO302: a Redact annotation over an e-mail address, never applied."""
    doc = pymupdf.open()
    page = _page(doc, ["Reactie graag naar", f"{MAIL} voor vrijdag."])
    rect = page.search_for(MAIL)[0]
    page.add_redact_annot(rect, text="5.1.2e", fill=(0, 0, 0), text_color=(1, 1, 1))
    doc.save(path)
    return path, [MAIL, "oosterbeek"]


def ocr_under_box(path: Path) -> tuple[Path, list[str]]:
    """WOO303: a scan with a grey box burnt in after the OCR read the name under it."""
    x = 72 + _width("Contact: ")
    box = (x - 2, 96, x + _width(NAME) + 2, 112)
    build_scan(path, [(72, 108, f"Contact: {NAME} van het wijkteam")], [(box, GREY)])
    return path, ["Hagendoorn"]


def hidden_text(path: Path) -> tuple[Path, list[str]]:
    """WOO304: invisible text with a name laid over different visible text."""
    doc = pymupdf.open()
    page = _page(doc, ["De melding kwam binnen via het loket.", "Behandelaar: X", "Afgehandeld op 3 maart."])
    page.insert_text((72, 116), f"Behandelaar: {NAME2}", fontsize=11, render_mode=3)
    doc.save(path)
    return path, [NAME2, "Oosterbeek"]


def hidden_text_kinds(path: Path) -> tuple[Path, list[str]]:
    """WOO304's other kinds: text outside the page, text of 0.5 pt, and a name in white
    inside a line of black text."""
    doc = pymupdf.open()
    page = _page(doc, ["Het verzoek is ontvangen."])
    page.insert_text((-400, 200), f"{NAME} belde", fontsize=11)
    page.insert_text((72, 300), NAME2, fontsize=0.5)
    page.insert_text((72, 140), "Besproken met", fontsize=11)
    page.insert_text((150, 140), "Hagendoorn", fontsize=11, color=(1, 1, 1))
    page.insert_text((215, 140), "en de wethouder.", fontsize=11)
    doc.save(path)
    return path, [NAME, NAME2, "Hagendoorn", "Oosterbeek"]


def metadata_and_revision(path: Path) -> tuple[Path, list[str]]:
    """WOO401 (Info Author and XMP) and WOO402 (a name removed by an incremental save)."""
    doc = pymupdf.open()
    _page(doc, ["Memo over de aanbesteding.", f"Opgesteld door {NAME2}."])
    doc.set_metadata({"title": "Memo aanbesteding", "author": NAME, "subject": f"notitie van {NAME}"})
    doc.set_xml_metadata(
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
        f"{NAME}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    doc.save(path)
    doc.close()
    doc = pymupdf.open(path)
    page = doc[0]
    for rect in page.search_for(f"Opgesteld door {NAME2}."):
        page.add_redact_annot(rect, fill=(1, 1, 1))
    page.apply_redactions()
    page.insert_text((72, 116), "Opgesteld door de afdeling.", fontsize=11)
    doc.save(path, incremental=True, encryption=pymupdf.PDF_ENCRYPT_KEEP)
    doc.close()
    return path, [NAME, NAME2, "Hagendoorn", "Oosterbeek"]


def comments_and_attachment(path: Path) -> tuple[Path, list[str]]:
    """WOO403 (a sticky note and a highlight with a name and a phone number, a mail link
    to a person) and WOO404 (an embedded file and a file attachment annotation)."""
    doc = pymupdf.open()
    page = _page(doc, ["Het besluit volgt na het overleg.", "Zie de bijlage voor de planning."])
    note = page.add_text_annot((400, 100), f"Bel {NAME} op {PHONE} voor akkoord")
    note.set_info(title=NAME2)
    note.update()
    hl = page.add_highlight_annot(page.search_for("besluit")[0])
    hl.set_info(content=f"vraag {NAME2}", title=NAME2)
    hl.update()
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 120, 250, 132), "uri": f"mailto:{MAIL}"})
    doc.embfile_add("planning.txt", f"planning van {NAME}\n".encode(), filename=f"planning {NAME}.txt")
    page.add_file_annot((400, 200), f"notities {NAME2}".encode(), "notities.txt")
    doc.save(path)
    return path, [NAME, NAME2, PHONE, MAIL, "Hagendoorn", "Oosterbeek"]


def outline_form_alt(path: Path) -> tuple[Path, list[str]]:
    """WOO405 (a bookmark with a name), WOO406 (a form field with a name), WOO407 (alt
    text with an e-mail address). A plain bookmark must stay."""
    doc = pymupdf.open()
    page = _page(doc, ["Aanvraagformulier subsidie.", "Gegevens aanvrager:"])
    w = pymupdf.Widget()
    w.field_name = "naam_aanvrager"
    w.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    w.field_value = NAME2
    w.field_label = f"contact {MAIL}"
    w.rect = pymupdf.Rect(72, 140, 300, 160)
    page.add_widget(w)
    xref = doc.get_new_xref()
    doc.update_object(xref, f"<< /Type /StructElem /S /Figure /Pg {page.xref} 0 R >>")
    doc.xref_set_key(xref, "Alt", pymupdf.get_pdf_str(f"Foto van {NAME}, {MAIL}"))
    root = doc.pdf_catalog()
    tree = doc.get_new_xref()
    doc.update_object(tree, f"<< /Type /StructTreeRoot /K [{xref} 0 R] >>")
    doc.xref_set_key(root, "StructTreeRoot", f"{tree} 0 R")
    doc.new_page(width=595, height=842).insert_text((72, 72), "Bijlage")
    doc.set_toc([[1, "Aanvraag", 1], [1, f"Gesprek met {NAME}", 1], [2, "Afspraken", 2]])
    doc.save(path)
    return path, [MAIL, "Hagendoorn"]


def readable_data(path: Path) -> tuple[Path, list[str]]:
    """Personal data left readable on the page (WOO101-WOO104): for `--redact`."""
    doc = pymupdf.open()
    _page(doc, [
        "Geachte heer, mevrouw,",
        f"Op 4 maart sprak {NAME2} met de inspecteur over de melding.",
        f"Zij is bereikbaar op {PHONE} of via {MAIL}.",
        f"Haar BSN is {BSN} en staat in het dossier.",
        "Met vriendelijke groet, de afdeling Vergunningen.",
    ])
    doc.save(path)
    return path, [NAME2, "Oosterbeek", PHONE, MAIL, BSN]


ALL = [box_over_text, box_on_turned_page, unapplied, ocr_under_box, hidden_text, hidden_text_kinds, metadata_and_revision, comments_and_attachment, outline_form_alt]


def build_all(folder: Path) -> dict[str, tuple[Path, list[str]]]:
    folder.mkdir(parents=True, exist_ok=True)
    return {b.__name__: b(folder / f"{b.__name__}.pdf") for b in ALL}
