"""Scan a batch in worker processes, each file with a time and memory limit.

Why processes: a pathological PDF can hang pymupdf in C code or inflate a decompression
bomb; only a process can be killed reliably and have its memory capped. The parent loads
the heavy modules (pymupdf, presidio, name lists) once and forks its workers from that
warm state. A worker then scans file after file: forking one per file cost 0.07 s a file,
more than scanning a short e-mail. A worker that times out is killed and replaced; one that
met a bad file, or has grown large, retires and is replaced by a fresh fork, so one hostile
file never leaves a bloated or damaged process behind for the next.
Results stream back as they finish; the parent keeps only the small `FileResult`s.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator, Optional

from .config import Config
from .model import FileResult

DEFAULT_TIMEOUT = 300.0  # seconds per file; a 500-page born-digital file takes well under this
# Seconds added to a file's budget for each page the worker starts to OCR (1-6 s of CPU a
# page, more on a loaded machine): a 100-page scan is checked, not timed out, while a file
# that hangs in one page is still given up.
DEFAULT_OCR_PAGE_TIMEOUT = 60.0
OCR_PAGE = "ocr-page"  # a worker's message before it OCRs a page: the parent extends its budget
DEFAULT_MEMORY_MB = 4096  # per worker; a decompression bomb hits this, not the machine
RETIRE_AFTER_FILES = 200  # a fresh fork now and then: no slow leak can build up
RETIRE_ABOVE_MB = 1024  # resident size after a file; CPython rarely gives memory back
WORKER_GC_THRESHOLD = (10_000, 10, 10)  # young collections 14x rarer than the default: see _worker


def _limit_memory(megabytes: int) -> None:
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the timeout still holds
        pass


def _resident_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _scan_one(path: str, config: Config, memory_mb: int) -> FileResult:
    from .pipeline import scan_file

    try:
        return scan_file(path, config)
    except MemoryError:
        return FileResult(path=path, pages=0, error=f"needs more than {memory_mb} MB of memory (decompression bomb?)")


def _worker(conn: Connection, config: Config, memory_mb: int) -> None:
    """Scan the paths the parent sends until it sends None or this worker retires.

    Every answer is (result, retiring)."""
    _limit_memory(memory_mb)
    # Young collections 14x rarer: a text page leaves ~2,000 new containers alive (words,
    # glyph boxes) that the default (700) walks in ~3 young collections a page. Garbage
    # cycles still go after 10,000 allocations, so memory stays bounded. Batch, warm scans
    # paired per file: 15.0 -> 14.8 ms a page; instructions counted: -1.2 %.
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    from .ingest import ocr

    ocr.before_each_page(lambda: conn.send(OCR_PAGE))
    served = 0
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        result = _scan_one(path, config, memory_mb)
        served += 1
        retiring = bool(result.error) or served >= RETIRE_AFTER_FILES or _resident_mb() > RETIRE_ABOVE_MB
        try:
            conn.send((result, retiring))
        except Exception as exc:  # a result that cannot be pickled is a bug: say so, do not hang
            detail = f"internal error (result not transferable: {type(exc).__name__})"
            conn.send((FileResult(path=path, pages=0, error=detail), True))
            retiring = True
        if retiring:
            conn.close()
            return


def warm_up(config: Config) -> None:
    """Load what every file needs once, in the parent, so forked workers inherit it:
    modules (pymupdf, scipy, presidio), rules files, name and word lists. Scanning a tiny
    document that has a box, a scan and personal data touches every lazy cache.

    The garbage collector is off meanwhile: imports make hundreds of thousands of objects
    (classes, functions, modules) that live for good, and each collection walks them all
    again. With it on, the warm-up ran ~450 young and 3 full collections, 0.3 s of its
    2.3 s; run_batch's one collection right after grows by 0.05 s. Start of the CLI to
    forked workers, CPU, min of 4 interleaved runs: 1.83 s -> 1.65 s."""
    with collector_paused():
        _warm_up(config)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector off for a block that makes many objects and no cycles, and
    on again after it (forked workers inherit the setting: it is never left off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _warm_up(config: Config) -> None:
    import tempfile

    from .pipeline import scan_file

    import pymupdf

    try:
        doc = pymupdf.open()
        page = doc.new_page()
        # A name, a phone, an e-mail address and an address whose street has no type
        # word: each loads its lists (the lexicon, deduce's names and streets, the
        # mailbox words) here, once, not in every worker.
        page.insert_text((72, 72), "Met vriendelijke groet, Jan de Vries (06-12345678) [REDACTED] 5.1.2e")
        page.insert_text((72, 120), "j.devries@example.nl, Spui 70, 2511 BT Den Haag")
        page.draw_rect(pymupdf.Rect(72, 90, 200, 104), fill=(0, 0, 0))
        png = page.get_pixmap(dpi=36).tobytes("png")
        scan = doc.new_page()
        scan.insert_image(scan.rect, stream=png)
        with tempfile.TemporaryDirectory() as tmp:
            path = f"{tmp}/warm-up.pdf"
            doc.save(path)
            from .ingest import ocr

            with ocr.paused():  # the scan page would only lengthen start-up (see ocr.paused)
                scan_file(path, config)
    except Exception:  # only a speed-up: the workers load what they need themselves
        pass


def _fork_available() -> bool:
    return "fork" in mp.get_all_start_methods()


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: Connection
    path: Optional[str] = None  # the file it is scanning, None when idle
    started: float = 0.0
    budget: float = 0.0  # seconds this file may take: the timeout plus its OCR pages' allowance
    ocr_pages: int = 0
    done: bool = field(default=False)  # retired or killed: to be joined and dropped


def _largest_first(paths: list[str]) -> list[str]:
    """Big files first, so the last minutes of a batch are not one worker on one big file."""

    def size(p: str) -> int:
        try:
            return os.path.getsize(p)
        except OSError:
            return 0

    return sorted(paths, key=size, reverse=True)


def run_batch(
    paths: Iterable[str],
    config: Config,
    jobs: int = 0,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    ocr_page_timeout: float = DEFAULT_OCR_PAGE_TIMEOUT,
) -> Iterator[FileResult]:
    """Yield a FileResult per path, in completion order. A file may take `timeout` seconds
    plus `ocr_page_timeout` for each page its worker OCRs (it says so before each)."""
    paths = list(paths)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths) or 1))
    if timeout <= 0 or not _fork_available():
        for p in paths:  # in-process: for debugging, or where fork is missing
            yield _scan_one(p, config, memory_mb)
        return
    if len(paths) > 1:  # one file gains nothing from a warm parent; a text file needs no pymupdf
        warm_up(config)
        # Move everything loaded so far out of the garbage collector's reach: a worker's
        # collections then skip the inherited heap instead of walking it (and writing to
        # it, which copies its pages). 200-page batch, one worker: 6.2 s -> 5.3 s.
        gc.collect()
        gc.freeze()
    ctx = mp.get_context("fork")
    pending = deque(_largest_first(paths))
    workers: list[_Worker] = []
    retried: set[str] = set()

    def spawn() -> _Worker:
        parent, child = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=_worker, args=(child, config, memory_mb), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def finish(w: _Worker, kill: bool = False) -> None:
        if kill:
            w.proc.kill()
        w.conn.close()
        w.proc.join(5)
        w.done = True

    try:
        while pending or any(w.path for w in workers):
            workers = [w for w in workers if not w.done]
            while pending and len(workers) < jobs:
                workers.append(spawn())
            for w in workers:
                if w.path is None and pending:
                    w.path, w.started = pending.popleft(), time.monotonic()
                    w.budget, w.ocr_pages = timeout, 0
                    try:
                        w.conn.send(w.path)
                    except OSError:  # died before it read the path: give the file one more try
                        path, w.path = w.path, None
                        finish(w, kill=True)
                        if path in retried:
                            yield FileResult(path=path, pages=0, error="worker crashed (died before it could start)")
                        else:
                            retried.add(path)
                            pending.appendleft(path)
            busy = [w for w in workers if w.path and not w.done]
            if not busy:
                continue
            next_deadline = min(w.started + w.budget for w in busy)
            ready = wait([w.conn for w in busy], timeout=max(0.0, next_deadline - time.monotonic()))
            for w in busy:
                if w.conn in ready:
                    result = _answer(w, finish)
                    if result is None:  # it starts to OCR a page: more time for this file
                        w.ocr_pages += 1
                        w.budget += ocr_page_timeout
                    else:
                        yield result
                elif time.monotonic() - w.started >= w.budget:
                    path = w.path
                    finish(w, kill=True)
                    yield FileResult(path=path, pages=0, error=_timed_out(timeout, w.ocr_pages, ocr_page_timeout))
    finally:
        for w in workers:  # idle ones are told to stop; busy ones only remain on an abort
            if not w.done:
                if w.path is None:
                    try:
                        w.conn.send(None)
                    except OSError:
                        pass
                finish(w, kill=w.path is not None)


def _timed_out(timeout: float, ocr_pages: int, per_page: float) -> str:
    if not ocr_pages:
        return f"timed out after {timeout:g} s (--timeout-per-file)"
    total = timeout + ocr_pages * per_page
    return (
        f"timed out after {total:g} s (--timeout-per-file {timeout:g} s"
        f" + --timeout-per-ocr-page {per_page:g} s for each of {ocr_pages} OCR'd pages)"
    )


def _answer(w: _Worker, finish) -> Optional[FileResult]:
    """Read a worker's answer; a worker that died mid-file is reported on that file.
    None: the worker only said that it starts to OCR a page."""
    path = w.path
    try:
        message = w.conn.recv()
        if message == OCR_PAGE:
            return None
        result, retiring = message
    except (EOFError, OSError):
        w.proc.join(5)
        code = w.proc.exitcode
        reason = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
        finish(w, kill=True)
        return FileResult(path=path, pages=0, error=f"worker crashed ({reason})")
    w.path = None
    if retiring:
        finish(w)
    return result
