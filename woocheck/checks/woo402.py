"""WOO402 earlier version keeps personal data

What it checks: text that an earlier version of the document held and that is still in
the file. Two ways it stays behind:

- incremental saves: the file keeps every earlier revision of itself. woocheck cuts the
  file at the end of each earlier revision, opens that version on its own and compares
  it with the final one (page text, document properties, comments);
- left-over objects: a tool that rewrites a page (a redaction) or deletes a comment and
  then saves without cleaning up keeps the old content stream or comment as an object
  that no page refers to. woocheck walks the object graph from the trailer and reads the
  text of every unreferenced content stream and comment.

Personal data that exists only there (not in the final pages or their hidden text) is an
error, placed as "revision 1 of 3, page 2" or "left-over content object 12 (shown on no
page)". A file with more than one revision in which no such personal data was found
gets one info note: earlier versions can still be restored even when they hold nothing
personal.

Why it matters: "remove the names, then save" often appends the change instead of
rewriting the file, or rewrites the page but leaves the old page content in the file.
Anyone with a PDF tool (or a text editor, for uncompressed files) can read it back.

Example: a memo in which "Jan de Vries" was replaced by "[5.1.2e]" and the file was then
saved with Save (not Save As) -> WOO402 "a person's name that exists only in revision 1
of 2, page 1". The fix is a full rewrite of the file: Save As a new file (Acrobat: also
"Remove hidden information"), or in pymupdf `save(path, garbage=3)`; `mutool show
file.pdf 12` prints a left-over object for a reviewer who wants to see it.

Source: ISO 32000-1 sections 7.5.6 (incremental updates) and 7.5.4 (cross-reference
table: objects stay in the file until a full rewrite); Wet open overheid art. 5.1 lid 2
sub e; NSA "Redacting with Confidence" (2005) on recoverable document history.
"""
from __future__ import annotations

from ..model import Finding, Severity
from ._hidden_common import findings_for, hidden_of, squash

CODE = "WOO402"
SEVERITY = Severity.ERROR
SUMMARY = "earlier version keeps personal data"


def check(doc, ctx):
    items = hidden_of(doc, "revision")
    # Still in the final version's hidden text (a comment, the Author): the other WOO4xx
    # checks report it there; still on the final pages: findings_for leaves it to WOO1xx.
    final = "\n".join(squash(h.text) for h in doc.hidden if h.kind != "revision")

    def only_in_earlier(item, hit) -> bool:
        return squash(hit.text) not in final

    errors = 0
    for f in findings_for(
        CODE,
        doc,
        ctx,
        items,
        lambda item: f"that exists only in {item.place} (removed by a later save)"
        if item.place.startswith("revision")
        else f"that exists only in {item.place}",
        keep=only_in_earlier,
        once_per_text=True,
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
