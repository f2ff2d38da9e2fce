"""WOO201 redaction without any ground.

What it checks: every redaction woocheck located (a box, an annotation, a raster box, a
text marker such as `[REDACTED]` or `█████`, a name gap in an attendee list) must carry
a ground: a Woo code such as `5.1.2e` in or beside the box, or a letter that the
document's legend explains. A redaction for which no ground could be read is reported.

Why it matters: the Woo requires that every refusal to disclose is motivated per passage
(art. 5.1-5.2 Woo, art. 3:46 Awb). A redaction without a ground cannot be checked by the
requester or the court and is the most common reason a decision is annulled on appeal.

Example: `t.a.v. [REDACTED]` with no code and no legend letter -> WOO201.

On scanned pages a grey box whose label is printed too small or too blurred to read (a
3-4 pt "5.1.2e") is reported as a warning, not an error: the ground is there for a
reader, woocheck just cannot confirm it. A box with nothing printed in it is an error.

Source: Wet open overheid art. 5.1, 5.2; ABRvS 18 May 2022, ECLI:NL:RVS:2022:1432 (Woo
applies from 1 May 2022).
"""

from __future__ import annotations

from ..grounds.pixels import has_lettering
from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO201"
SEVERITY = Severity.ERROR
SUMMARY = "redaction without any ground"


def check(doc, ctx):
    for r in ctx.redactions:
        if r.grounds:
            continue
        severity, message = SEVERITY, f"{r.detail or r.kind + ' redaction'} has no Woo ground beside it"
        if r.kind == "raster" and r.bbox and has_lettering(doc.pages[r.page - 1], r.bbox):
            # Something is printed in the box (a label in a 3-4 pt font, blurred by the
            # scan) that woocheck cannot read: a reviewer must look, but it is not shown
            # to be missing.
            severity = Severity.WARNING
            message = (
                f"{r.detail or 'raster box'} carries lettering woocheck cannot read as a ground; check the label by eye"
            )
        yield at_redaction(r, CODE, severity, message, text="", kind="REDACTION")
