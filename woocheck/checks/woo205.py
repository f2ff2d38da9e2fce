"""WOO205 legend entry never used.

What it checks: every entry of the document's legend ("J  Art. 5.1 lid 2 sub e") should
be used by at least one redaction. Entries no redaction refers to are listed. Documents
in which no redaction was located at all are left alone (nothing to compare with).

Why it matters: an unused entry is harmless in itself, but it often means a box lost its
letter, or the legend was copied from another decision and does not describe this one.

Example: a legend with `J` and `L`, and only `[J]` on the boxes -> WOO205 for `L`.

Source: practice of Woo decisions (legend per document); Awb art. 3:46.
"""

from __future__ import annotations

from ..model import Finding, Severity

CODE = "WOO205"
SEVERITY = Severity.INFO
SUMMARY = "legend entry never used"


def check(doc, ctx):
    legend = ctx.legend
    if not legend or not ctx.redactions:
        return
    used = {g.via_legend for r in ctx.redactions for g in r.grounds if g.via_legend}
    for key, entry in sorted(legend.entries.items()):
        if key in used:
            continue
        codes = ", ".join(g.code for g in entry.grounds)
        yield Finding(
            code=CODE,
            severity=SEVERITY,
            message=f"legend entry {key} ({codes}) is not used by any redaction",
            path=doc.path,
            page=entry.page,
            span=entry.span,
            text=entry.raw,
            kind="GROUND",
        )
