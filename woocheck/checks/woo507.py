"""WOO507 text readable in one copy where the same passage is redacted in another.

What it checks: every document scanned at once is aligned with every other (and with
itself: a thread quotes its own earlier messages) round each redaction. Where copy A has
a redaction between the words "… 28 september 2020 10:51 Aan: ▮ CC: …" and copy B has the
same words with readable text in between, B shows what A withheld: an error on B, naming
the page in B and the document and page of the redaction in A. Found with an index of the
words before each redaction, not by comparing all pairs (decision/neardup.py), so a batch
of 1,000 documents takes seconds.

Why it matters: a Woo batch holds the same e-mail many times (a thread, a forward, an
attachment and its draft). Redacting it in one place and not in the other publishes the
name anyway, and reviewers who work document by document do not see it.

Example: `12 RE overleg.pdf` page 1 redacts the sender of a quoted mail under 5.1.2e;
`13 FW overleg.pdf` page 2 quotes the same mail with the sender readable -> WOO507 on 13,
page 2: "readable here, redacted (5.1.2e) in 12 RE overleg.pdf page 1".

Source: Woo art. 5.1 lid 2 sub e (the interest a redaction protects is lost when the same
data is published elsewhere in the decision); AVG art. 5 lid 1 sub f.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, Severity

CODE = "WOO507"
SEVERITY = Severity.ERROR
SUMMARY = "passage readable in one copy, redacted in another"


def check_batch(batch):
    from ..decision.neardup import find

    docs = [r for r in batch.results if r.facts is not None and r.facts.stream is not None]
    docs = [r for r in docs if not any(d.decision.is_own_file(r.path) for d in batch.decisions)]
    streams = [r.facts.stream for r in docs]
    split: dict[int, list[str]] = {}  # the words of the documents with a finding, split once

    def words(i: int) -> list[str]:
        if i not in split:
            split[i] = streams[i].words
        return split[i]

    for leak in find(streams):
        b, a = docs[leak.readable_doc], docs[leak.redacted_doc]
        sb = streams[leak.readable_doc]
        page_b = sb.pages[leak.readable_at]
        page_a = streams[leak.redacted_doc].pages[leak.redacted_at]
        where = "this document" if a.path == b.path else Path(a.path).name
        grounds = leak.grounds(words(leak.redacted_doc))
        ground = f" ({grounds})" if grounds else ""
        on_page = [i for i in range(leak.readable_at, leak.readable_at + leak.length) if sb.pages[i] == page_b]
        yield Finding(
            CODE, SEVERITY,
            f"readable here, but redacted{ground} in {where} page {page_a}",
            b.path, page=page_b, bbox=_union(sb, on_page), text=" ".join(leak.words(words(leak.readable_doc))),
            source="ocr" if any(sb.ocr[i] for i in on_page) else "file",
        )


def _union(stream, indices):
    """The box round the readable words of the passage on its first page, or None."""
    boxes = [stream.boxes[4 * i : 4 * i + 4] for i in indices]
    boxes = [b for b in boxes if b and b[0] == b[0]]  # NaN: a word without a box (text files)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
