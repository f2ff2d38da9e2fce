"""Where a batch's files are scanned: the local worker pool (batch.py, the default) or a
Dask cluster (dask.py). An executor is a callable `runner(paths, config)` that yields one
FileResult per path, in any order; `pipeline.scan` restores the input order, applies the
cache and the publication step, so every executor gives the same report."""
from __future__ import annotations

import functools

from ..batch import DEFAULT_MEMORY_MB, DEFAULT_OCR_PAGE_TIMEOUT, run_batch


class ExecutorError(Exception):
    """An executor that cannot start (not installed, scheduler unreachable): exit 2."""


def local(jobs: int, timeout: float, ocr_page_timeout: float = DEFAULT_OCR_PAGE_TIMEOUT):
    return functools.partial(run_batch, jobs=jobs, timeout=timeout, ocr_page_timeout=ocr_page_timeout)


def dask(scheduler: str, timeout: float, send_files: bool, memory_mb: int = DEFAULT_MEMORY_MB):
    from .cluster import DaskRunner

    return DaskRunner(scheduler, timeout=timeout, send_files=send_files, memory_mb=memory_mb)
