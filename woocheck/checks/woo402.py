"""WOO402 earlier revision keeps personal data

What it checks: a PDF saved incrementally keeps every earlier version of itself in the
file. woocheck cuts the file at the end of each earlier revision, opens that version on
its own and compares it with the final one. Personal data that exists only in an earlier
revision (page text, document properties or comments that a later save removed) is an
error, with the place as "revision 1 of 3, page 2". A file with more than one revision
in which no such personal data was found gets one info note: earlier content is still in
the file even when it holds nothing personal.

Why it matters: "remove the names, then save" in a PDF editor often appends the change
instead of rewriting the file. Anyone with a PDF tool (or a text editor) can roll the
document back to the version with the names still in it.

Example: a memo in which "Jan de Vries" was replaced by "[5.1.2e]" and the file was then
saved with Save (not Save As) -> WOO402 "a person's name that exists only in revision 1
of 2, page 1".

Source: ISO 32000-1 section 7.5.6 (incremental updates); Wet open overheid art. 5.1 lid 2
sub e; NSA "Redacting with Confidence" (2005) on recoverable document history.
"""
from __future__ import annotations

from ..model import Finding, Severity
from .family_woo4xx import findings_for, hidden_of, squash

CODE = "WOO402"
SEVERITY = Severity.ERROR
SUMMARY = "earlier revision keeps personal data"


def check(doc, ctx):
    items = hidden_of(doc, "revision")
    # Still in the final version's hidden text (a comment, the Author): the other WOO4xx
    # checks report it there; still on the final pages: findings_for leaves it to WOO1xx.
    final = "\n".join(squash(h.text) for h in doc.hidden if h.kind != "revision")

    def only_in_earlier(item, hit) -> bool:
        return squash(hit.text) not in final

    errors = 0
    for f in findings_for(
        CODE, doc, ctx, items, lambda item: f"that exists only in {item.place} (removed by a later save)", keep=only_in_earlier
    ):
        errors += 1
        yield f
    if doc.revisions > 1 and not errors:
        yield Finding(
            code=CODE,
            severity=Severity.INFO,
            message=(
                f"the file holds {doc.revisions} revisions (incremental saves); no personal data found "
                "that exists only in an earlier one, but earlier versions can be restored: "
                "save as a new file before publication"
            ),
            path=doc.path,
        )
