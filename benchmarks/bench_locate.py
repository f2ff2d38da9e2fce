"""Speed of locating redactions and running the WOO3xx checks, beside x-ray.

Two page kinds from the reference corpora:
  vector  ../shared/corpora/xray     (born-digital court filings, boxes as paths)
  raster  ../shared/corpora/vws-woo  (ZyLAB scans: page images with an OCR layer)

For each it prints pages/s for woocheck's ingest, its locate + WOO3xx stage alone, and
both together, and then x-ray (PyPI `x-ray`, which finds failed redactions on vector
pages only) on the same files, timed inside its own process so that interpreter start
does not count. Times are CPU seconds of the measuring process (time.process_time), so
that other work on the machine does not skew the ratio. x-ray is not a dependency of woocheck: it lives in its own virtual
environment, made on first use; when that fails, its rows are left out with a message.

Run: python benchmarks/bench_locate.py [--repeat 3] [--xray-venv /tmp/xray-venv]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
CORPORA = {"vector": SHARED / "xray", "raster": SHARED / "vws-woo"}

XRAY_TIMER = r"""
import json, sys, time
import pymupdf
from xray.pdf_utils import get_bad_redactions
paths = sys.argv[1:]
best = None
for _ in range(int(paths.pop(0))):
    start = time.process_time(); pages = found = 0
    for p in paths:
        with pymupdf.open(p) as doc:
            for page in doc:
                found += len(get_bad_redactions(page)); pages += 1
    took = time.process_time() - start
    best = took if best is None else min(best, took)
print(json.dumps({"pages": pages, "seconds": best, "found": found}))
"""


def woocheck_times(paths: list[Path]) -> tuple[int, float, float, int, int]:
    """(pages, ingest seconds, locate + WOO3xx seconds, raster boxes, WOO3xx findings)
    for one pass over `paths`."""
    from woocheck.checks import all_rules
    from woocheck.config import Config
    from woocheck.ingest import open_document
    from woocheck.pipeline import Context

    rules = [r for r in all_rules() if r.code.startswith("WOO3")]
    config = Config()
    pages = boxes = findings = 0
    ingest = stage = 0.0
    for path in paths:
        t0 = time.process_time()
        with open_document(path) as doc:
            t1 = time.process_time()
            ctx = Context(doc, config)
            for rule in rules:
                findings += len(list(rule.check(doc, ctx)))
            boxes += sum(r.kind == "raster" for r in ctx.located)
            t2 = time.process_time()
            pages += len(doc.pages)
        ingest += t1 - t0
        stage += t2 - t1
    return pages, ingest, stage, boxes, findings


def xray_python(venv: Path) -> Path | None:
    py = venv / "bin" / "python"
    if not py.exists():
        print(f"setting up x-ray in {venv} ...", file=sys.stderr)
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)]).returncode == 0
        if not made or subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "x-ray"]).returncode != 0:
            return None
    ok = subprocess.run([str(py), "-c", "import xray.pdf_utils"], capture_output=True).returncode == 0
    return py if ok else None


def xray_time(py: Path, paths: list[Path], repeat: int) -> tuple[float, int] | None:
    run = subprocess.run([str(py), "-c", XRAY_TIMER, str(repeat), *map(str, paths)], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"x-ray failed: {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    out = json.loads(run.stdout)
    return float(out["seconds"]), int(out["found"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="passes per measurement; the best counts")
    ap.add_argument("--xray-venv", type=Path, default=Path(tempfile.gettempdir()) / "xray-venv")
    args = ap.parse_args()

    missing = [str(p) for p in CORPORA.values() if not p.is_dir()]
    if missing:
        sys.exit(f"corpus not found: {', '.join(missing)} (needs ../shared beside the project)")
    py = xray_python(args.xray_venv)
    if py is None:
        print("x-ray is not available (pip install x-ray in its own venv failed): its rows are left out", file=sys.stderr)

    print(f"| {'pages':<7} | {'n':>4} | {'ingest p/s':>10} | {'locate+WOO3xx p/s':>17} | {'both p/s':>8} | {'x-ray p/s':>9} | {'woocheck/x-ray':>14} |")
    print(f"|{'-' * 9}|{'-' * 6}|{'-' * 12}|{'-' * 19}|{'-' * 10}|{'-' * 11}|{'-' * 16}|")
    notes: list[str] = []
    for kind, folder in CORPORA.items():
        paths = sorted(folder.rglob("*.pdf"))
        runs = [woocheck_times(paths) for _ in range(args.repeat)]
        pages = runs[0][0]
        ingest = min(r[1] for r in runs)
        stage = min(r[2] for r in runs)
        both = min(r[1] + r[2] for r in runs)
        timed = xray_time(py, paths, args.repeat) if py else None
        xray = timed[0] if timed else None
        notes.append(
            f"{kind}: woocheck located {runs[0][3]} raster boxes and made {runs[0][4]} WOO3xx findings"
            + (f"; x-ray reported {timed[1]} bad redactions" if timed else "")
        )
        xray_col = f"{pages / xray:9.1f}" if xray else f"{'n/a':>9}"
        ratio = f"{xray / both:13.2f}x" if xray else f"{'n/a':>14}"
        print(f"| {kind:<7} | {pages:4d} | {pages / ingest:10.1f} | {pages / stage:17.1f} | {pages / both:8.1f} | {xray_col} | {ratio} |")
    print("\nwoocheck/x-ray: how many times faster woocheck (ingest + locate + WOO3xx) is than x-ray on the same pages")
    print("(x-ray does not look into page images: on raster pages it has nothing to do, and finds nothing)")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
