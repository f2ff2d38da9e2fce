"""Repair one file, write the copy, scan it again."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..config import Config
from ..errors import one_line
from ..model import Finding
from . import boxes, hidden_text, report, sanitize, verify


@dataclass
class FixResult:
    path: str
    output: Optional[str] = None
    error: Optional[str] = None
    repaired: list[str] = field(default_factory=list)  # what was done, one line each
    skipped: list[str] = field(default_factory=list)  # report findings left alone, and why
    before: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)  # should have gone: exit 1
    left: list[Finding] = field(default_factory=list)  # not repaired by fix: for the reviewer
    rescan_error: Optional[str] = None


def _plan_and_apply(fz, doc, ctx, before, cfg: Config, chosen: list[dict], res: FixResult) -> list:
    """Every repair, in an order where each one reads what it needs before the others
    change it: box colours from the untouched page first; redaction annotations out before
    any redaction is applied (pymupdf applies every Redact annotation of a page at once)."""
    located = boxes.from_redactions(doc, ctx.redactions, fz)
    asked, skipped = report.targets(chosen, len(doc.pages))
    res.skipped = skipped
    pending = boxes.pending_annotations(fz, ctx.redactions)
    removed = hidden_text.remove(fz, [f for f in before.findings if f.code == "WOO304"])
    if removed:
        res.repaired.append(f"{len(removed)} run(s) of hidden text removed (WOO304)")
    boxes.burn(fz, located + pending + asked)
    by_why = Counter(t.why for t in boxes.dedupe(located + pending))
    if by_why["WOO301"]:
        res.repaired.append(f"{by_why['WOO301']} box(es) burnt in: text, pixels and paths under them removed (WOO301)")
    if by_why["WOO303"]:
        res.repaired.append(f"{by_why['WOO303']} box(es) in page images: the text layer under them removed, the image kept (WOO303)")
    if by_why["WOO302"]:
        res.repaired.append(f"{by_why['WOO302']} redaction annotation(s) applied, label printed (WOO302)")
    if asked:
        res.repaired.append(f"{len(asked)} finding(s) from the report redacted with their ground printed")
    for step in (
        lambda: sanitize.forms(fz),
        lambda: sanitize.annotations(fz),
        lambda: sanitize.links(fz, doc, ctx),
        lambda: sanitize.attachments(fz),
        lambda: sanitize.outline(fz, doc, ctx),
        lambda: sanitize.alt_text(fz, doc, ctx),
    ):
        res.repaired.extend(step())
    res.repaired.extend(sanitize.metadata(fz, doc, ctx, cfg.keep_metadata))
    sanitize.scrub(fz)
    if doc.revisions > 1:
        res.repaired.append(f"saved in full: {doc.revisions - 1} earlier revision(s) dropped (WOO402)")
    return asked


def fix_file(path: str, out_dir: Path, cfg: Config, chosen: list[dict]) -> FixResult:
    import pymupdf

    from ..ingest import IngestError, open_document
    from ..pipeline import Context, scan_document, scan_file

    res = FixResult(path=path)
    out = Path(out_dir) / Path(path).name
    if Path(path).suffix.lower() != ".pdf":
        res.error = "not a PDF: fix writes repaired copies of PDFs only"
        return res
    try:
        if out.exists() or (os.path.exists(path) and out.resolve() == Path(path).resolve()):
            res.error = f"{out} already exists, not overwritten"
            return res
        with open_document(path) as doc:
            ctx = Context(doc, cfg)
            before = scan_document(doc, cfg, ctx=ctx)
            if before.error:
                res.error = f"cannot be repaired safely: {before.error}"
                return res
            res.before = list(before.findings)
            fz = pymupdf.open(path)
            try:
                asked = _plan_and_apply(fz, doc, ctx, before, cfg, chosen, res)
                data = fz.tobytes(garbage=4, deflate=True)
            finally:
                fz.close()
    except IngestError as exc:
        res.error = str(exc)
        return res
    except Exception as exc:  # a file pymupdf cannot rewrite: this file fails, the batch goes on
        res.error = f"could not be repaired ({one_line(exc)})"
        return res
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "xb") as fh:  # never over an existing file, even one made meanwhile
            fh.write(data)
    except FileExistsError:
        res.error = f"{out} already exists, not overwritten"
        return res
    except OSError as exc:
        res.error = f"cannot write {out} ({exc.strerror})"
        return res
    res.output = str(out)
    after = scan_file(str(out), cfg)
    if after.error:
        res.rescan_error = after.error
    res.remaining, res.left = verify.sort_after(list(after.findings), asked)
    return res


def fix_paths(paths: list[str], out_dir: Path, cfg: Config, report_findings: Optional[list[dict]] = None,
              progress=None) -> list[FixResult]:
    """Fix every PDF in `paths` (folders walked as `woocheck scan` walks them)."""
    from ..pipeline import expand_paths

    named = {str(Path(p)) for p in paths}
    # A text file met while walking a folder is no PDF to repair: passed over with a note.
    # One named on the command line gets an error (exit 2): it was asked for and not done.
    targets = [(p, e) for p, e in expand_paths(paths) if e or p in named or Path(p).suffix.lower() == ".pdf"]
    inputs = [p for p, e in targets if not e]
    results = []
    for p, error in targets:
        if error:
            results.append(FixResult(path=p, error=error))
            continue
        chosen = report.for_file(report_findings, p, inputs) if report_findings else []
        results.append(fix_file(p, out_dir, cfg, chosen))
        if progress:
            progress(results[-1])
    return results


def describe(res: FixResult) -> list[str]:
    """The lines `woocheck fix` prints for one file (no personal data: messages only)."""
    if res.error:
        return []
    lines = [f"{res.path} -> {res.output}"]
    lines += [f"  repaired: {r}" for r in res.repaired] or ["  repaired: nothing to repair"]
    lines += [f"  not redacted from the report: {s}" for s in res.skipped]
    gone = [f for f in res.before if f.code in verify.REPAIRED]
    if gone:
        lines.append(f"  before: {verify.counts(gone)}")
    if res.remaining:
        lines.append(f"  STILL THERE (should be gone): {verify.counts(res.remaining)}")
        for (code, page, message), n in Counter((f.code, f.page, f.message) for f in res.remaining).items():
            where = f" page {page}" if page else ""
            lines.append(f"    {code}{where}: {message}{f' (x{n})' if n > 1 else ''}")
    else:
        lines.append("  re-scan: none of the repaired kinds of finding is left")
    if res.left:
        lines.append(f"  left for the reviewer (not repaired by fix): {verify.counts(res.left)}")
    if res.rescan_error:
        lines.append(f"  re-scan: {res.rescan_error}")
    return lines
