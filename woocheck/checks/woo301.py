"""WOO301 text under a redaction box can still be copied

What it checks: every box woocheck located on a PDF page (a filled vector path of any
opaque colour, a hatched region, a Square or dark Highlight annotation) is compared with
the page's text layer. Characters whose glyphs the box covers and that were drawn *before*
the box, or printed on top of it in the box's own colour while their line runs on beside
it, are still in the file. The fill rule, the clip and the draw order are honoured, so a
label printed on a box, a hollow frame or a box clipped away is not reported; the words a
redaction tool writes into its own boxes ("Privilege", a ground such as "5.1.2e") are not
counted as hidden.

Why it matters: a black box drawn over text in Word or Acrobat hides nothing: anyone can
select, copy or search the text under it. This is the classic failed redaction, and it
publishes exactly the passage the decision meant to withhold (art. 5.1 and 5.2 Woo).

Example: a name typed in Word, a black rectangle drawn over it, saved as PDF ->
WOO301 "text under a black fill can be copied out (12 characters)"; the recovered text
is in the finding, masked in machine output.

Source: Wet open overheid art. 5.1, 5.2; NSA/CSS "Redacting with Confidence" (2005);
freelawproject/x-ray (the failure it detects, and its test files).
"""
from __future__ import annotations

from ..model import Finding, Severity

CODE = "WOO301"
SEVERITY = Severity.ERROR
SUMMARY = "text under a redaction box can still be copied"


def _span(doc, r):
    """Offsets of the covered text when it sits in the page text as one run."""
    text = doc.pages[r.page - 1].text
    i = text.find(r.covered_text)
    if i < 0 or text.find(r.covered_text, i + 1) >= 0:
        return None
    return (i, i + len(r.covered_text))


def check(doc, ctx):
    if doc.kind != "pdf":
        return
    for r in ctx.located:
        if r.kind not in ("vector", "annotation") or not r.covered_text:
            continue
        if r.detail.startswith("Redact annotation"):  # not applied: WOO302's business
            continue
        n = sum(not c.isspace() for c in r.covered_text)
        yield Finding(
            code=CODE,
            severity=SEVERITY,
            message=f"text under a {r.detail or 'box'} can be copied out ({n} character{'' if n == 1 else 's'})",
            path=doc.path,
            page=r.page,
            bbox=r.bbox,
            text=r.covered_text,
            span=_span(doc, r),
            kind="RECOVERED",
        )
