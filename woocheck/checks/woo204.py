"""WOO204 letter code missing from the document's legend.

What it checks: a redaction labelled with a letter (or number) code such as `J` or `[K]`
must find that code in the document's legend (a table headed "Toelichting grondslagen",
"Lakcodes", "Gebruikte weigeringsgronden" or similar). A letter the legend lacks, or a
letter in a document without any legend, is reported.

Why it matters: the letter is the only motivation the reader sees on the page. If the
legend does not explain it, the redaction has no recognisable ground.

Example: `[REDACTED] [K]` while the legend lists only `J  Art. 5.1 lid 2 sub e` -> WOO204.

Source: Wet open overheid art. 5.1; Awb art. 3:46 (a decision must be motivated).
"""

from __future__ import annotations

from ._at_redaction import at_redaction
from ..model import Severity

CODE = "WOO204"
SEVERITY = Severity.ERROR
SUMMARY = "letter code missing from the document's legend"


def check(doc, ctx):
    legend = ctx.legend
    keys = sorted(legend.entries) if legend else []
    for r in ctx.redactions:
        for g in r.grounds:
            if g.valid or not g.via_legend:
                continue
            if keys:
                why = f"letter {g.via_legend} is not in the document's legend (it lists {', '.join(keys)})"
            else:
                why = f"letter {g.via_legend} on a redaction, but the document has no legend explaining letters"
            yield at_redaction(r, CODE, SEVERITY, why, text=g.raw)
