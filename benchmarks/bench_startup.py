"""Where a batch's start-up goes, in the parent, before its workers are forked.

Times each step the CLI takes for a batch of several files, in a fresh interpreter each
run (imports are cached for good once made): the CLI's own modules, importing spaCy and
presidio, building the analyzer, the warm-up scan (scipy, name lists, rules, lazy caches)
and the garbage collection before the fork (see batch.run_batch).

Run: python benchmarks/bench_startup.py [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

STEPS = r"""
import gc, json, time
t = [time.perf_counter()]
import woocheck.cli
from woocheck import batch
from woocheck.config import Config
t.append(time.perf_counter())
with batch.collector_paused():  # as batch.warm_up runs the three steps below
    import pymupdf, spacy, presidio_analyzer
    t.append(time.perf_counter())
    from woocheck.pii.engine import analyzer
    analyzer()
    t.append(time.perf_counter())
    batch._warm_up(Config())
    t.append(time.perf_counter())
gc.collect(); gc.freeze()  # as run_batch does before it forks
t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""
NAMES = ["CLI modules", "spaCy + presidio imports", "analyzer build", "warm-up scan", "collection before fork"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", STEPS], check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs)]
    print(f"start-up in the parent, seconds (min / max of {args.runs} fresh interpreters)")
    for i, name in enumerate(NAMES):
        xs = [r[i] for r in runs]
        print(f"  {name:<26} {min(xs):5.2f} / {max(xs):5.2f}")
    totals = [sum(r) for r in runs]
    print(f"  {'total':<26} {min(totals):5.2f} / {max(totals):5.2f}")


if __name__ == "__main__":
    main()
