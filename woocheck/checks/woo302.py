"""WOO302 redaction annotation was never applied

What it checks: `Redact` annotations left in a PDF. Such an annotation only *marks* a
passage for redaction; until the redaction is applied ("Apply redactions" in Acrobat,
`apply_redactions` in pymupdf) the text, images and drawings under it are untouched, and
many viewers show the marked passage in full or as a faint outline. Applied redactions
no longer exist as annotations, so every one found is a failure.

Why it matters: a document published with pending redaction marks publishes everything
that was meant to be withheld; the text under the mark can be read, copied and searched.

Example: a reviewer marks "J. de Vries" with the redaction tool and saves without
applying -> WOO302 "redaction mark on page 2 was never applied; 9 characters are under
it, still in the file".

Source: Wet open overheid art. 5.1, 5.2; ISO 32000-2 section 12.5.6.23 (redaction
annotations).
"""
from __future__ import annotations

from ..model import Finding, Severity

CODE = "WOO302"
SEVERITY = Severity.ERROR
SUMMARY = "redaction annotation was never applied"


def check(doc, ctx):
    if doc.kind != "pdf":
        return
    for r in ctx.located:
        if r.kind != "annotation" or not r.detail.startswith("Redact annotation"):
            continue
        n = sum(not c.isspace() for c in r.covered_text)
        under = (
            f"; {n} character{' is' if n == 1 else 's are'} under it, still in the file"
            if n
            else "; the content under it is still in the file"
        )
        yield Finding(
            code=CODE,
            severity=SEVERITY,
            message=f"redaction mark on page {r.page} was never applied{under}",
            path=doc.path,
            page=r.page,
            bbox=r.bbox,
            text=r.covered_text,
            kind="RECOVERED",
        )
