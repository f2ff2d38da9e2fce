"""Count the images of the PDFs under a folder by colour space and filter, and by size and
resolution (pixels per inch where the image is drawn).

What the benchmark's scan pages should look like is read off real documents: e.g.
`python benchmarks/image_kinds.py ../shared/corpora/vws-woo`.

Run: python benchmarks/image_kinds.py FOLDER
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pymupdf


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    kinds: Counter = Counter()
    sizes: Counter = Counter()
    for path in sorted(args.folder.rglob("*.pdf")):
        try:
            doc = pymupdf.open(path)
        except Exception as exc:
            print(f"{path}: cannot be opened ({exc})")
            continue
        with doc:
            seen: set[int] = set()
            for page in doc:
                # (xref, smask, width, height, bpc, colorspace, alt. colorspace, name, filter, ...)
                for item in page.get_images(full=True):
                    if item[0] not in seen:
                        seen.add(item[0])
                        kinds[(item[5] or "?", item[8] or "none")] += 1
                        rects = page.get_image_rects(item[0])
                        dpi = round(item[2] / (rects[0].width / 72)) if rects and rects[0].width else None
                        sizes[(item[2], item[3], dpi)] += 1
    for (space, filt), n in kinds.most_common():
        print(f"{n:6}  {space:<12} {filt}")
    print()
    for (width, height, dpi), n in sizes.most_common(10):
        print(f"{n:6}  {width} x {height} px, {dpi if dpi is not None else '?'} dpi")


if __name__ == "__main__":
    main()
