"""Run the stages over one file and over a batch.

ingest -> locate -> grounds -> personal data -> checks. Stages after ingest are computed
on first use by `Context`, so a run that selects only WOO4xx never loads presidio.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, Optional

from . import __version__
from .checks import Rule, all_rules
from .config import Config
from .errors import one_line, unreadable
from .ingest import SUPPORTED, IngestError, open_document
from .memo import per_object
from .model import Document, FileResult, Finding, PersonalData, Redaction, Report


class Context:
    """What the checks of one document share: config and the lazily computed stages."""

    def __init__(self, doc: Document, config: Config):
        self.doc = doc
        self.config = config

    @cached_property
    def located(self) -> list[Redaction]:
        from .locate import locate

        return locate(self.doc)

    @cached_property
    def grounded(self):
        from .grounds import attach

        return attach(self.doc, self.located, self.config)

    @property
    def redactions(self) -> list[Redaction]:
        """Every located redaction with the grounds read for it."""
        return self.grounded.redactions

    @property
    def legend(self):
        return self.grounded.legend

    @cached_property
    def personal_data(self) -> list[PersonalData]:
        """Personal data on the pages, after the publication policy (see `public`)."""
        from .pii import find_in_document

        return find_in_document(self.doc, self.config)


def context_of(page_text: str, start: int, end: int, width: int = 45) -> str:
    """The text around [start, end) on one line. For a report without personal data, cut
    it from the text with every item masked (`masking.mask_spans`), never mask the cut
    piece: an item the window cuts in half would no longer match and stay readable."""
    a = max(0, start - width)
    b = min(len(page_text), end + width)
    return " ".join(page_text[a:b].split())


@per_object
def _line_breaks(page) -> list[int]:
    """Offsets of the page's line breaks, found once: a text file is one page, and counting
    them again for each finding made a 20 MB file with thousands of findings quadratic."""
    return [m.start() for m in re.finditer("\n", page.text)]


def _complete(f: Finding, doc: Document) -> Finding:
    """Fill in context and text-file line numbers from the span, so checks stay short."""
    from dataclasses import replace

    if f.span is None or f.page is None or not (1 <= f.page <= len(doc.pages)):
        return f
    text = doc.pages[f.page - 1].text
    start, end = f.span
    changes = {}
    if not f.context:
        changes["context"] = context_of(text, start, end)
    if not f.text:
        changes["text"] = text[start:end]
    if doc.kind == "text" and f.line is None:
        changes["line"] = bisect_right(_line_breaks(doc.pages[f.page - 1]), start - 1) + 1
    at = doc.pages[f.page - 1].ocr_start
    if at is not None and end > at:  # the OCR'd text follows the file's own text on a page
        changes["source"] = "ocr"
    return replace(f, **changes) if changes else f


def _item_span(f: Finding, text: str) -> tuple[int, int, str]:
    """Where a finding's item lies in the page text. The span may mark only part of it
    (an e-mail finding marks the local part, its text is the whole address): the item is
    then masked as a whole, as the report shows it, when the text is found around the span."""
    start, end = f.span
    if f.text and text[start:end] != f.text:
        at = text.find(f.text, max(0, end - len(f.text)), start + len(f.text))
        if at >= 0:
            return at, at + len(f.text), f.kind
    return start, end, f.kind


def _masked_contexts(findings: list[Finding], doc: Document, ctx: Context) -> list[Finding]:
    """Fill in `masked_context` for the findings whose context `_complete` cut from a page:
    cut from the page text with every personal-data item on it masked, the items reported
    here and the ones that are not (a check left out by --ignore, an item under a box) alike.
    Public items (office holders, functional mailboxes) stay readable.

    The personal-data stage runs for this even when no WOO1xx check is selected: a context
    around a ground or a box must not show the names beside it either. If it fails, those
    contexts stay empty and reports show none (a failing WOO1xx check says why)."""
    from dataclasses import replace

    from .masking import mask_spans

    on_page = [f.span is not None and f.page is not None and 1 <= f.page <= len(doc.pages) for f in findings]
    todo = [i for i, f in enumerate(findings) if on_page[i] and f.context and not f.masked_context]
    if not todo:
        return findings
    try:
        located = [p for p in ctx.personal_data if not p.public]
    except Exception:
        return findings
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for p in located:
        if p.page is not None:
            spans.setdefault(p.page, []).append((p.start, p.end, p.entity))
    for f, placed in zip(findings, on_page):
        if placed:
            spans.setdefault(f.page, []).append(_item_span(f, doc.pages[f.page - 1].text))
    masked_pages: dict[int, str] = {}
    out = list(findings)
    for i in todo:
        f = findings[i]
        if f.page not in masked_pages:
            masked_pages[f.page] = mask_spans(doc.pages[f.page - 1].text, spans.get(f.page, ()))
        out[i] = replace(f, masked_context=context_of(masked_pages[f.page], *f.span))
    return out


def scan_document(
    doc: Document, config: Config, rules: Optional[list[Rule]] = None, ctx: Optional[Context] = None
) -> FileResult:
    """Run the checks on one document. `ctx` lets a caller keep the stages (woocheck fix
    reuses the located boxes and personal data)."""
    ctx = ctx or Context(doc, config)
    findings: list[Finding] = []
    failed: list[str] = []
    for rule in rules or all_rules():
        if not config.wants(rule.code, doc.path):
            continue
        try:
            found = [_complete(f, doc) for f in rule.check(doc, ctx) if config.wants(f.code, doc.path)]
        except Exception as exc:  # one broken check must not hide what the others found
            failed.append(f"{rule.code} ({one_line(exc)})")
            continue
        findings.extend(found)
    findings = _masked_contexts(findings, doc, ctx)
    findings.sort(key=lambda f: (f.page or 0, f.bbox[1] if f.bbox else 0, f.span[0] if f.span else 0, f.code))
    try:
        redactions = tuple(ctx.redactions)
    except Exception as exc:  # the register falls back to the located boxes, and says so
        failed.append(f"grounds stage ({one_line(exc)})")
        redactions = tuple(ctx.located)
    facts = None
    if _wants_decision(config, doc.path):
        try:
            from .decision.facts import gather

            facts = gather(doc, ctx, with_stream=config.wants("WOO507", doc.path))
        except Exception as exc:
            failed.append(f"WOO5xx facts ({one_line(exc)})")
    problems = [p.unchecked for p in doc.pages if p.unchecked]
    if len(problems) > 3:  # one line per file, however many pages
        problems = problems[:3] + [f"and {len(problems) - 3} more page(s)"]
    if failed:
        problems.append(f"internal error in {', '.join(failed)}")
    error = "not fully checked: " + "; ".join(problems) if problems else None
    return FileResult(path=doc.path, pages=len(doc.pages), error=error, redactions=redactions, findings=tuple(findings),
                      public_names=_public_names(ctx), facts=facts, private_boxes=_private_boxes(ctx, findings))


def _wants_decision(config: Config, path: str) -> bool:
    """Whether an after-batch check (WOO5xx) may need this document's facts."""
    from .decision import wanted

    return wanted(config, path)


def _private_boxes(ctx: Context, findings) -> tuple:
    """Where the non-public personal data of the document stands: a page picture (HTML
    report) of a finding's page paints it over, reported or not. Looked for only when
    some finding has a place on a page to picture."""
    if "personal_data" not in ctx.__dict__ and not any(f.page and f.bbox for f in findings):
        return ()
    try:
        located = ctx.personal_data
    except Exception:  # the personal-data stage failed: a WOO1xx check reports why
        return ()
    return tuple((p.page, tuple(p.bbox)) for p in located if not p.public and p.page and p.bbox)


def _public_names(ctx: Context) -> tuple:
    """The office holders this document names, if its personal data was looked at (for
    the other documents of its publication: pii.publication)."""
    if "personal_data" not in ctx.__dict__:  # not computed: no WOO1xx check asked for it
        return ()
    from .pii.publication import public_names

    return public_names(ctx.personal_data)


def scan_file(path: str, config: Config, name: Optional[str] = None) -> FileResult:
    """Scan one file. Never raises for a bad input: the reason goes into `error`.

    `name`: the path to report and to match per-path ignores on, when the bytes were
    copied elsewhere to be read (a Dask worker given the file's bytes; the copy keeps the
    file name, which WOO408 reads)."""
    shown = str(name or path)
    try:
        with open_document(path) as doc:
            if name is not None:
                from dataclasses import replace

                doc = replace(doc, path=shown)
            return scan_document(doc, config)
    except IngestError as exc:
        return FileResult(path=shown, pages=0, error=str(exc))
    except MemoryError:
        return FileResult(path=shown, pages=0, error="out of memory while reading")
    except RecursionError:
        return FileResult(path=shown, pages=0, error="object structure too deeply nested")
    except OSError as exc:  # the file went away or became unreadable while it was read
        return FileResult(path=shown, pages=0, error=unreadable(exc))
    except Exception as exc:  # a bug or an input no one foresaw: report it, keep the batch going
        return FileResult(path=shown, pages=0, error=f"internal error ({one_line(exc)})")


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, Optional[str]]]:
    """Yield (path, error) for every file to scan; folders are walked for supported files.

    Symlinked folders are followed once: a loop is cut by remembering real paths. A path
    that cannot be looked at, and a folder that cannot be listed, come out with an error:
    what could not be read must never pass as clean (os.walk skips such a folder silently).
    """
    seen_dirs: set[str] = set()
    for raw in paths:
        p = Path(raw)
        try:
            is_dir = p.is_dir()
            missing = not is_dir and not p.exists() and not p.is_symlink()
        except OSError as exc:  # e.g. inside a folder this user may not enter
            yield str(p), unreadable(exc)
            continue
        if missing:
            yield str(p), "no such file or directory"
        elif is_dir:
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(p, followlinks=True, onerror=unlisted.append):
                yield from _unlisted(unlisted)
                real = os.path.realpath(root)
                if real in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(real)
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUPPORTED:
                        yield os.path.join(root, name), None
            yield from _unlisted(unlisted)
        else:
            yield str(p), None


def _unlisted(errors: list[OSError]) -> Iterator[tuple[str, str]]:
    """The folders os.walk could not list since last asked, each as an error entry."""
    while errors:
        exc = errors.pop(0)
        yield str(exc.filename), f"folder cannot be listed: {unreadable(exc)}"


def scan(
    paths: Iterable[str],
    config: Config,
    progress=None,
    jobs: int = 0,
    timeout: float = 0.0,
    ocr_page_timeout: Optional[float] = None,
    runner=None,
    cache_dir=None,
) -> Report:
    """Scan files and folders (and .zip archives, as the folder they hold). `timeout` > 0
    runs each file in a killable worker process (see batch.py) with `timeout` seconds plus
    `ocr_page_timeout` for each page it OCRs; 0 scans in this process. `runner(paths,
    config)`, when given, scans instead of the local pool and yields FileResults in any
    order (executors/). With `cache_dir`, files whose stored result still holds are not
    scanned (cache.py). The report keeps the input order."""
    from . import archive

    with archive.unpacked(list(paths)) as (unpacked, roots, failed):
        report = _scan(unpacked, config, progress, jobs, timeout, failed, ocr_page_timeout, runner, cache_dir)
        return archive.renamed(report, roots)


def _scan(paths: list[str], config: Config, progress, jobs: int, timeout: float, failed: list[FileResult],
          ocr_page_timeout: Optional[float] = None, runner=None, cache_dir=None) -> Report:
    from .batch import DEFAULT_OCR_PAGE_TIMEOUT, run_batch
    from .decision import apply as apply_decision, prepare

    if ocr_page_timeout is None:
        ocr_page_timeout = DEFAULT_OCR_PAGE_TIMEOUT
    config, decisions = prepare(paths, config)
    targets = list(expand_paths(paths))
    order = {path: i for i, (path, _) in enumerate(targets)}
    results: list[FileResult] = list(failed) + [FileResult(path=p, pages=0, error=e) for p, e in targets if e]
    readable = [p for p, e in targets if not e]
    done = len(results)
    cache = None
    if cache_dir is not None:
        from .cache import Cache

        cache = Cache(cache_dir, config)
        todo = []
        for p in readable:
            hit = cache.get(p)
            if hit is None:
                todo.append(p)
                continue
            results.append(hit)
            done += 1
            if progress:
                progress(p, done, len(targets))
        readable = todo
    if runner is None:
        found = run_batch(readable, config, jobs=jobs, timeout=timeout, ocr_page_timeout=ocr_page_timeout)
    else:
        found = runner(readable, config) if readable else iter(())
    for result in found:
        if cache is not None:
            cache.put(result)
        results.append(result)
        done += 1
        if progress:
            progress(result.path, done, len(targets))
    results.sort(key=lambda r: order.get(r.path, 0))
    if config.wants("WOO101"):
        from .pii.publication import apply_across

        results = apply_across(results)
    documents: tuple = ()
    if _wants_decision(config, ""):
        results, documents = apply_decision(results, decisions, config)
    return Report(version=__version__, files=tuple(results), documents=documents)
