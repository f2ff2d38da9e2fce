"""Box location F1 per style on scans built here (tests/scanset.py).

Every combination of 150/200/300 dpi, grey/colour, skew 0/0.6 degrees, OCR layer or not,
over `--seeds` invented pages (each with every box style, with and without a label, and
logos, photos, table shading, highlighter, signatures, stamps and form boxes between the
lines). Prints true positives / truth / found, precision, recall and F1 per style, and
how many ground labels were read (`grounds` of the matched boxes).

Run: WOOCHECK_OCR=off python benchmarks/bench_raster_styles.py [--seeds 4]
(with OCR on, image-only pages are OCR'd too, as a real run does: slower)
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import scanset  # noqa: E402
from woocheck.config import Config  # noqa: E402
from woocheck.pipeline import scan_file  # noqa: E402


def run(seeds: int, dpis=(150, 200, 300), colours=(False, True), skews=(0.0, 0.6), layers=(False, True)):
    totals = {s: [0, 0, 0] for s in scanset.STYLES}
    labels = [0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for seed in range(seeds):
            doc, truth = scanset.document(seed)
            for dpi in dpis:
                for colour in colours:
                    for skew in skews:
                        for layer in layers:
                            n += 1
                            data, boxes = scanset.scan(doc, truth, dpi, colour, skew, seed * 100 + n, ocr_layer=layer)
                            path = Path(tmp) / f"s{n}.pdf"
                            path.write_bytes(data)
                            result = scan_file(str(path), Config(select=("WOO2",)))
                            found = [(r.bbox, r.detail) for r in result.redactions if r.kind == "raster"]
                            for style, (tp, t, f) in scanset.score(boxes, found).items():
                                tot = totals.setdefault(style, [0, 0, 0])
                                tot[0] += tp
                                tot[1] += t
                                tot[2] += f
                            for b in boxes:
                                if not b.label:
                                    continue
                                labels[1] += 1
                                hit = [r for r in result.redactions if scanset.iou(r.bbox, b.bbox) >= 0.4]
                                labels[0] += any(g.code == b.label for r in hit for g in r.grounds)
    return totals, labels, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=4)
    args = ap.parse_args()
    totals, labels, n = run(args.seeds)
    print(f"{n} scanned pages\n")
    print(f"| {'style':<10} | {'found right':>11} | {'truth':>6} | {'found':>6} | {'precision':>9} | {'recall':>6} | {'F1':>5} |")
    print(f"|{'-' * 12}|{'-' * 13}|{'-' * 8}|{'-' * 8}|{'-' * 11}|{'-' * 8}|{'-' * 7}|")
    for style, (tp, t, f) in totals.items():
        p = tp / f if f else 1.0
        r = tp / t if t else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {style:<10} | {tp:>11} | {t:>6} | {f:>6} | {p:9.2f} | {r:6.2f} | {f1:5.2f} |")
    print(f"\nground labels read on the boxes that have one: {labels[0]} of {labels[1]}")


if __name__ == "__main__":
    main()
