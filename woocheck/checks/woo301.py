"""WOO301 text under a redaction box can still be copied

What it checks: every box woocheck located on a PDF page (a filled vector path of any
opaque colour, a hatched region, a Square or dark Highlight annotation) is compared with
the page's text layer, judged by what a reader sees. Characters whose glyphs the box
covers (most of the glyph inside it) and that were drawn *before* the box, or printed on
a dark box in the box's own colour whatever the draw order (black text on a black fill),
are still in the file and not on the page. Not hidden: text under a translucent fill or a
light Highlight annotation, text printed again visibly at the same place on top (a
flattened highlighter), glyphs that overhang a box edge and lie mostly outside it, a
label printed on a box in a colour that stands out, a hollow frame or a box clipped
away. The words a redaction tool writes into its own boxes ("Privilege", "REDACTED", a
ground such as "5.1.2e") are not counted as hidden.

Severity: an error when meaningful text is hidden; a warning, with the characters
counted, when the box hides only filler (spaces, glyphs without a Unicode value, `*`,
`X`, the box's own label) or at most three stray characters of which no word of two
or more letters or digits is hidden whole (the overhang of a glyph an applied redaction
cut).

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
        count = f"{n} character{'' if n == 1 else 's'}"
        if r.residue:
            # Placeholders or the overhang of a cut glyph: worth a look, not a leak.
            severity, message = Severity.WARNING, f"only filler or stray characters under a {r.detail or 'box'} ({count})"
        else:
            severity, message = SEVERITY, f"text under a {r.detail or 'box'} can be copied out ({count})"
        yield Finding(
            code=CODE,
            severity=severity,
            message=message,
            path=doc.path,
            page=r.page,
            bbox=r.bbox,
            text=r.covered_text,
            span=_span(doc, r),
            kind="RECOVERED",
        )
