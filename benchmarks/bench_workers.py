"""What a worker process adds per file, side by side in one run.

Builds many one-page PDFs and scans them with `woocheck.batch.run_batch`: in-process
(`timeout=0`) and through one worker process (the default path, with its time limit and
memory cap). Both start from the same warmed-up process, so the difference is the worker
machinery: sending paths and results, and replacing retired workers.

Run: python benchmarks/bench_workers.py [--files 200] [--repeat 3]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pymupdf

from woocheck.batch import run_batch, warm_up
from woocheck.config import Config


def build(folder: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), f"Korte notitie {i} over de planning van het overleg.", fontsize=11)
        path = folder / f"note_{i:04d}.pdf"
        doc.save(path)
        paths.append(str(path))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    config = Config()
    warm_up(config)
    with tempfile.TemporaryDirectory() as tmp:
        paths = build(Path(tmp), args.files)
        best = {"in-process": float("inf"), "one worker": float("inf")}
        for _ in range(args.repeat):
            for name, timeout in (("in-process", 0.0), ("one worker", 300.0)):
                start = time.perf_counter()
                results = list(run_batch(paths, config, jobs=1, timeout=timeout))
                best[name] = min(best[name], time.perf_counter() - start)
                assert len(results) == len(paths)
    print(f"{args.files} one-page files, best of {args.repeat}:")
    for name, secs in best.items():
        print(f"  {name:<11} {1000 * secs / args.files:6.2f} ms a file")
    print(f"  worker vs in-process: {best['one worker'] / best['in-process']:.2f}x")


if __name__ == "__main__":
    main()
