"""Milliseconds a page per pipeline stage, in one warmed-up process.

Times ingest, locate, grounds, personal data and the checks over the PDFs under a folder
(the stages are computed in that order through `pipeline.Context`, as a scan does).

Run: python benchmarks/bench_stages.py [FOLDER]   (e.g. ../shared/corpora/vws-woo; without
a folder, the 400-page batch of bench_batch.py: 40 files of 10 pages, every fifth a scan,
or none with --scan-every 0)
"""
from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from woocheck.batch import WORKER_GC_THRESHOLD, warm_up
from woocheck.checks import all_rules
from woocheck.config import Config
from woocheck.ingest import open_document
from woocheck.pipeline import Context


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path, nargs="?")
    ap.add_argument("--scan-every", type=int, default=5, help="built batch: every n-th page a scan; 0: none")
    args = ap.parse_args()
    if args.folder is None:
        from bench_batch import build_batch  # this folder is on sys.path when run as a script

        built = tempfile.TemporaryDirectory()  # removed when the script ends
        args.folder = Path(built.name)
        build_batch(args.folder, 40, 10, scan_every=args.scan_every)
    config = Config()
    warm_up(config)
    gc.collect()
    gc.freeze()  # as the batch does before it forks its workers
    gc.set_threshold(*WORKER_GC_THRESHOLD)  # as each worker sets it
    spent = dict.fromkeys(("ingest", "locate", "grounds", "personal data", "checks"), 0.0)
    pages = 0
    for path in sorted(args.folder.rglob("*.pdf")):
        t0 = time.perf_counter()
        with open_document(str(path)) as doc:
            t1 = time.perf_counter()
            ctx = Context(doc, config)
            ctx.located
            t2 = time.perf_counter()
            ctx.grounded
            t3 = time.perf_counter()
            ctx.personal_data
            t4 = time.perf_counter()
            for rule in all_rules():
                list(rule.check(doc, ctx))
            t5 = time.perf_counter()
        pages += len(doc.pages)
        for name, secs in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            spent[name] += secs
    total = sum(spent.values())
    print(f"{pages} pages: {1000 * total / max(1, pages):.1f} ms a page")
    for name, secs in spent.items():
        print(f"  {name:<14} {1000 * secs / max(1, pages):6.2f} ms a page")


if __name__ == "__main__":
    main()
