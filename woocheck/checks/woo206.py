"""WOO206 5.1.5 combined with another 5.1 ground on one redaction.

What it checks: a redaction that cites art. 5.1 lid 5 (disproportionate harm) together
with another ground of art. 5.1 (lid 1, 2, 4 or 6) on the same passage.

Why it matters: lid 5 is a residual ground. It may only be used for information that no
other ground of art. 5.1 covers; citing both shows that one of them is wrong, and courts
annul such redactions.

Example: `[REDACTED] (5.1.2e; 5.1.5)` -> WOO206.

Source: Wet open overheid art. 5.1 lid 5; Kamerstukken II 2019/20, 33328, nr. 32
(explanatory note to the amendment that created lid 5).
"""

from __future__ import annotations

from ..grounds import repair_note
from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO206"
SEVERITY = Severity.ERROR
SUMMARY = "5.1.5 combined with another 5.1 ground on one redaction"


def check(doc, ctx):
    for r in ctx.redactions:
        codes = [g.code for g in r.grounds if g.valid]
        if "5.1.5" not in codes:
            continue
        others = sorted({c for c in codes if c.startswith("5.1.") and c != "5.1.5"})
        if not others:
            continue
        yield at_redaction(
            r,
            CODE,
            SEVERITY,
            f"5.1.5 is a residual ground and cannot stand beside {', '.join(others)} on one redaction{repair_note(r.grounds)}",
            text=r.label or "",
        )
