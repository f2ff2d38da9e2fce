"""Remove what a PDF keeps off its pages (WOO401-WOO407).

Which bookmarks, links and alt texts hold personal data is decided as the WOO4xx checks
decide it: the `HiddenText` items ingest collected, read by `_hidden_common.personal_hits`
(the same detector and publication policy). Comments, attachments, metadata and form
fields go whatever they hold.
"""
from __future__ import annotations

import pymupdf

from ..checks._hidden_common import extra, hidden_of, personal_hits, role_of

# Annotation types that are no comment or markup: links (judged one by one), form
# widgets (flattened), redactions (applied before this runs).
_KEEP_ANNOTS = {pymupdf.PDF_ANNOT_LINK, pymupdf.PDF_ANNOT_WIDGET, pymupdf.PDF_ANNOT_REDACT}

INFO_KEYS = ("title", "author", "subject", "keywords", "creator", "producer")


def metadata(fz, doc, ctx, keep: tuple[str, ...]) -> list[str]:
    """Clear the Info dictionary and XMP; keep the Info keys named in `keep` unless the
    value holds personal data (WOO401; WOO402 is the full save that follows)."""
    old = fz.metadata or {}
    kept, dropped = {}, []
    for key in keep:
        value = (old.get(key) or "").strip()
        if not value:
            continue
        if personal_hits(value, ctx, "author" if key == "author" else "text"):
            dropped.append(key)
        else:
            kept[key] = value
    had = [k for k in INFO_KEYS if (old.get(k) or "").strip()] + (["XMP"] if fz.get_xml_metadata().strip() else [])
    fz.set_metadata({})
    fz.del_xml_metadata()
    if kept:
        fz.set_metadata(kept)
    lines = []
    cleared = [k for k in had if k not in kept]
    if cleared:
        lines.append(f"metadata cleared: {', '.join(cleared)}")
    if kept:
        lines.append(f"metadata kept (configured): {', '.join(kept)}")
    if dropped:
        lines.append(f"metadata not kept although configured, it holds personal data: {', '.join(dropped)}")
    return lines


def annotations(fz) -> list[str]:
    """Delete every comment, pop-up and markup annotation (WOO403) and file attachment
    annotation (WOO404). Their look goes with them: that is the repair."""
    n = 0
    for page in fz:
        xrefs = [a.xref for a in page.annots() or () if a.type[0] not in _KEEP_ANNOTS and a.type[0] != pymupdf.PDF_ANNOT_POPUP]
        for xref in xrefs:
            annot = page.load_annot(xref)
            if annot is not None:
                page.delete_annot(annot)  # its pop-up goes with it
                n += 1
        # pop-ups whose parent is gone or was never there
        for xref in [a.xref for a in page.annots(types=[pymupdf.PDF_ANNOT_POPUP]) or ()]:
            annot = page.load_annot(xref)
            if annot is not None:
                page.delete_annot(annot)
                n += 1
    return [f"{n} comment(s) and markup annotation(s) removed"] if n else []


def links(fz, doc, ctx) -> list[str]:
    """Delete the links whose address holds personal data (a mailto: to a person)."""
    bad: dict[int, list[tuple]] = {}
    for item in hidden_of(doc, "annotation"):
        if extra(item, "field") == "uri" and personal_hits(item.text, ctx):
            bad.setdefault(item.page, []).append(tuple(extra(item, "bbox") or ()))
    n = 0
    for number, boxes in bad.items():
        page = fz[number - 1]
        for link in page.get_links():
            if any(_close(tuple(link["from"]), b) for b in boxes):
                page.delete_link(link)
                n += 1
    return [f"{n} link(s) with personal data in the address removed"] if n else []


def _close(a, b) -> bool:
    return len(a) == len(b) == 4 and all(abs(x - y) < 0.5 for x, y in zip(a, b))


def attachments(fz) -> list[str]:
    names = fz.embfile_names() or []
    for name in names:
        fz.embfile_del(name)
    return [f"{len(names)} embedded file(s) removed"] if names else []


def outline(fz, doc, ctx) -> list[str]:
    """Delete the bookmarks whose title holds personal data (WOO405). Their children move
    up a level so the outline stays a tree."""
    bad = set()
    for item in hidden_of(doc, "bookmark"):
        if personal_hits(item.text, ctx, role_of(item)):
            try:
                bad.add(int(item.place.split()[1]) - 1)  # "bookmark N (level L)"
            except (IndexError, ValueError):
                continue
    if not bad:
        return []
    toc = fz.get_toc(simple=False)
    kept = []
    for i, entry in enumerate(toc):
        if i in bad:
            continue
        level = min(entry[0], (kept[-1][0] + 1) if kept else 1)
        kept.append([level, *entry[1:]])
    fz.set_toc(kept)
    return [f"{len(bad)} bookmark(s) with personal data removed"]


def forms(fz) -> list[str]:
    """Flatten form fields (WOO406): each field's appearance becomes page content, the
    field, its value and its tooltip go."""
    n = sum(1 for page in fz for _ in page.widgets() or ())
    if not n:
        return []
    fz.bake(annots=False, widgets=True)
    if "AcroForm" in fz.xref_get_keys(fz.pdf_catalog()):
        fz.xref_set_key(fz.pdf_catalog(), "AcroForm", "null")
    return [f"{n} form field(s) flattened"]


def alt_text(fz, doc, ctx) -> list[str]:
    """Delete /Alt and /ActualText entries that hold personal data (WOO407)."""
    n = 0
    for item in hidden_of(doc, "alt-text"):
        xref, key = extra(item, "xref"), extra(item, "field")
        if xref and key and personal_hits(item.text, ctx, role_of(item)):
            fz.xref_set_key(xref, key, "null")
            n += 1
    return [f"{n} alt text / ActualText entr{'y' if n == 1 else 'ies'} with personal data removed"] if n else []


def scrub(fz) -> None:
    """pymupdf's own sanitiser for what has no finding of its own: JavaScript,
    thumbnails, form responses, embedded and attached files. Hidden text, links, form
    values and redactions are left to the steps above (its hidden-text step would also
    remove the OCR layer of every scan)."""
    fz.scrub(
        attached_files=True, clean_pages=False, embedded_files=True, hidden_text=False, javascript=True,
        metadata=False, redactions=False, remove_links=False, reset_fields=False, reset_responses=True,
        thumbnails=True, xml_metadata=True,
    )
