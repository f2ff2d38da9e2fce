"""Size of the HTML report (`--format html`) for a batch, and what its parts cost.

Builds the batch of bench_batch.py (100 files of 10 pages by default: memo/e-mail text with
boxes and grounds, every fifth page a scan), scans it with every check, then makes the page
pictures and renders the report, and prints the report's size, how much of it is pictures
(within the budget, and how many pages were left out), the findings, and the time of each
step. `--budget MB` sets the picture budget (default 10, as the CLI), `--folder DIR` measures
a real folder.

Run: python benchmarks/bench_html.py [--files 100] [--pages 10] [--scan-every 5] [--budget 10]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import build_batch  # noqa: E402

from woocheck.config import Config  # noqa: E402
from woocheck.pictures import page_pictures  # noqa: E402
from woocheck.pipeline import scan  # noqa: E402
from woocheck.render.html import render_html  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--scan-every", type=int, default=5)
    ap.add_argument("--budget", type=float, default=10.0, help="MB for page pictures")
    ap.add_argument("--folder", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.folder:
            paths = sorted(str(p) for p in args.folder.rglob("*.pdf"))
        else:
            paths = [str(p) for p in build_batch(Path(tmp), args.files, args.pages, scan_every=args.scan_every)]
        t0 = time.perf_counter()
        report = scan(paths, Config(), jobs=0, timeout=300)
        t1 = time.perf_counter()
        pictures = page_pictures(report, budget=int(args.budget * 1024 * 1024))
        t2 = time.perf_counter()
        html = render_html(report, False, pictures)
        t3 = time.perf_counter()
    size = len(html.encode("utf-8"))
    pages = sum(f.pages for f in report.files)
    with_box = len({(f.path, f.page) for f in report.findings if f.page and f.bbox})
    widths = sorted({p.width for p in pictures.by_page.values()})
    print(f"batch: {len(report.files)} files, {pages} pages, {len(report.findings)} findings, "
          f"{with_box} pages with a finding in a box")
    print(f"HTML report: {size / 1024 / 1024:.2f} MB ({size:,} bytes)")
    print(f"  page pictures: {len(pictures.by_page)} ({pictures.used / 1024 / 1024:.2f} MB of a {args.budget:g} MB budget, "
          f"{pictures.left_out} left out; widths {widths} px)")
    print(f"  the rest (tables, text, style, script): {(size - pictures.used) / 1024 / 1024:.2f} MB")
    print(f"time: scan {t1 - t0:.1f} s, pictures {t2 - t1:.1f} s, render {t3 - t2:.2f} s")


if __name__ == "__main__":
    main()
