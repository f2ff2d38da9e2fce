"""Batch throughput, side by side in one run, as ratios to raw text extraction.

Builds a batch of realistic pages (memo/e-mail text with redaction boxes and grounds;
every fifth page a scan as the VWS corpus has them: 300 dpi JPEG strips and an OCR
layer), then prints pages/s for:
  1. raw pymupdf extraction of the same pages (get_texttrace + get_drawings): the floor;
     where there are images, also the floor plus every image decoded once, the least a
     check that looks at a scan's pixels can cost
  2. woocheck, one worker, every check
  3. woocheck, all cores
  4. x-ray (PyPI `x-ray`) in its own virtual environment, if it can be installed
and then, in the same run, woocheck on image-only pages (a copier's 200 dpi greyscale JPEG
of the same pages, no text layer: every page OCR'd), one worker and all cores
(`--image-only 20` pages by default, 0 leaves it out).

Start-up (imports of spaCy and presidio, analyzer, warm-up: about 2 s) is paid once per
batch. Each tool's start-up is timed on a one-page file, and the last column gives each
run's time without it against the floor: what a page costs once the tool runs, which is
what a batch of tens of thousands of pages (the scale of a Woo disclosure batch) sees.
The default batch is 100 files of 10 pages; `--files 500` gives 5,000 pages.

`--folder DIR` times the PDFs of a folder instead (e.g. ../shared/corpora/vws-woo, real
scans with hundreds of grey boxes and ground labels to read from the pixels).

`--scan-every 0` builds born-digital pages only; `--png-scans` makes the scans one
100 dpi PNG a page, as the batch had them until 2026-11-22.

Run: python benchmarks/bench_batch.py [--files 100] [--pages 10] [--scan-every 5] [--folder DIR] [--image-only 20]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pymupdf

XRAY_VENV = Path(tempfile.gettempdir()) / "woocheck-xray-venv"

LINES = [
    "Van: {name} <{mail}>",
    "Verzonden: dinsdag 4 februari 2025 10:12",
    "Aan: Directie Publieke Gezondheid",
    "Onderwerp: RE: voortgang regeling opvang",
    "",
    "Beste collega,",
    "In het overleg met de minister is afgesproken dat de regeling per 1 juli ingaat.",
    "De gemeenten worden via de VNG geinformeerd; de provincies via het IPO.",
    "Graag ontvang ik voor vrijdag je reactie op de bijgevoegde nota.",
    "Voor vragen ben ik bereikbaar op {phone}.",
    "",
    "Met vriendelijke groet,",
    "{name}",
]


def _lines(i: int, j: int, name: str = "") -> list[tuple[float, str]]:
    """(baseline y, text) of a page: four blocks fill it like a printed e-mail thread."""
    name = name or f"Medewerker{i}x{j} Testpersoon"
    mail, phone = f"m{i}.{j}@voorbeeld.nl", "06-1234567%d" % (j % 10)
    return [(72 + 11 * k, line.format(name=name, mail=mail, phone=phone)) for k, line in enumerate(LINES * 4)]


def _text_page(doc: pymupdf.Document, i: int, j: int) -> pymupdf.Page:
    page = doc.new_page()
    name = f"Medewerker{i}x{j} Testpersoon"
    for y, line in _lines(i, j):
        page.insert_text((72, y), line, fontsize=9)
    for r in page.search_for(name)[:2]:
        page.draw_rect(r, fill=(0, 0, 0))
        page.insert_text((r.x1 + 2, r.y1 - 1), "5.1.2e", fontsize=6)
    return page


def _scan_page(doc: pymupdf.Document, i: int, j: int, png: bool, plain_rgb: bool = True) -> None:
    """A scanned page: the page image and an invisible OCR layer.

    As the VWS corpus has them (`image_kinds.py`, and the image sizes): 300 dpi JPEG in
    strips of 256 rows, plain DeviceRGB. `png`: one 100 dpi PNG image, as the batch had
    them until 2026-11-22; `plain_rgb=False` leaves it in pymupdf's sRGB profile, as
    before that."""
    src = pymupdf.open()
    pix = _text_page(src, i, j).get_pixmap(dpi=100 if png else 300)
    page = doc.new_page()
    if png:
        parts = [(page.rect, pix.tobytes("png"))]
    else:
        parts = []
        rows = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
        for y0 in range(0, pix.height, 256):
            y1 = min(pix.height, y0 + 256)
            strip = pymupdf.Pixmap(pymupdf.csRGB, pix.width, y1 - y0, rows[y0:y1].tobytes(), False)
            rect = pymupdf.Rect(0, page.rect.height * y0 / pix.height, page.rect.width, page.rect.height * y1 / pix.height)
            parts.append((rect, strip.tobytes("jpg", jpg_quality=75)))
    for rect, data in parts:
        xref = page.insert_image(rect, stream=data)
        # A scanner writes plain DeviceRGB (996 of the 998 scan images in the VWS corpus);
        # insert_image tags the image with mupdf's own sRGB ICC profile, which costs every
        # render an identity colour transform.
        if plain_rgb:
            doc.xref_set_key(xref, "ColorSpace", "/DeviceRGB")
    # The OCR layer of the whole page, as the VWS scans have one (made after the boxes were
    # burnt in: "[naam]" where a box is). Until 2026-12-08 it held one line; a layer that
    # covers that little of the page is now OCR'd again (ingest/ocr.py).
    for y, line in _lines(i, j, name="[naam]"):
        page.insert_text((72, y), line, fontsize=9, render_mode=3)


def build_image_only(folder: Path, files: int, pages: int) -> list[Path]:
    """Scans without any text layer, as a copier makes them (200 dpi greyscale JPEG of the
    printed page, boxes burnt in): every page is OCR'd (ingest/ocr.py)."""
    out = []
    for i in range(files):
        doc = pymupdf.open()
        for j in range(pages):
            src = pymupdf.open()
            jpeg = _text_page(src, i, j).get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=75)
            page = doc.new_page()
            page.insert_image(page.rect, stream=jpeg)
        path = folder / f"scan_{i:03d}.pdf"
        doc.save(path, deflate=True, garbage=1)
        out.append(path)
    return out


def build_batch(folder: Path, files: int, pages: int, legacy: bool = False, scan_every: int = 5, png_scans: bool = False) -> list[Path]:
    """Born-digital pages, and every `scan_every`-th page a scan (0: none).
    `legacy`: the batch as built before 2026-11-22, 48 content streams a text page and
    100 dpi PNG scans in pymupdf's sRGB profile, to compare with earlier figures."""
    out = []
    for i in range(files):
        doc = pymupdf.open()
        for j in range(pages):
            if scan_every and j % scan_every == scan_every - 1:
                _scan_page(doc, i, j, png_scans or legacy, plain_rgb=not legacy)
            else:
                _text_page(doc, i, j)
        if not legacy:
            # One content stream a page, as Word or a scanner writes it: insert_text adds a
            # stream per call (48 a page here), which slows text extraction (see --legacy-batch).
            for page in doc:
                page.clean_contents()
        path = folder / f"batch_{i:03d}.pdf"
        doc.save(path, deflate=True, garbage=1)  # garbage: drop the unused profile
        out.append(path)
    return out


def raw_extraction(paths: list[Path], decode: bool = False) -> int:
    """The text trace and drawings of every page; `decode`: and every image decoded once,
    what any check that looks at a scan's pixels pays at least."""
    n = 0
    for p in paths:
        with pymupdf.open(p) as doc:
            for page in doc:
                page.get_texttrace()
                page.get_drawings()
                if decode:
                    for xref in {item[0] for item in page.get_images(full=True)}:
                        pymupdf.Pixmap(doc, xref)
                n += 1
    return n


def _has_images(paths: list[Path]) -> bool:
    for p in paths:
        with pymupdf.open(p) as doc:
            if any(page.get_images() for page in doc):
                return True
    return False


def woocheck(paths: list[Path], jobs: int, env: dict | None = None) -> None:
    subprocess.run(
        ["woocheck", "scan", *map(str, paths), "--format", "json", "--output", os.devnull, "--jobs", str(jobs), "--fail-on", "never"],
        check=True, env=None if env is None else {**os.environ, **env},
    )


def xray_available() -> bool:
    py = XRAY_VENV / "bin" / "python"
    if not py.exists():
        print("setting up x-ray in", XRAY_VENV, "...", file=sys.stderr)
        if subprocess.run([sys.executable, "-m", "venv", str(XRAY_VENV)]).returncode != 0:
            return False
        if subprocess.run([str(XRAY_VENV / "bin" / "pip"), "install", "-q", "x-ray"]).returncode != 0:
            return False
    return subprocess.run([str(py), "-c", "import xray"], capture_output=True).returncode == 0


def run_xray(paths: list[Path]) -> None:
    # x-ray 0.4's inspect() is a coroutine.
    code = (
        "import asyncio, inspect, sys, xray\n"
        "failed = 0\n"
        "for p in sys.argv[1:]:\n"
        "    try:\n"
        "        r = xray.inspect(p)\n"
        "        if inspect.iscoroutine(r):\n"
        "            asyncio.run(r)\n"
        "    except Exception:\n"
        "        failed += 1\n"
        "if failed:\n"
        "    print(f'x-ray failed on {failed} file(s)', file=sys.stderr)\n"
    )
    subprocess.run([str(XRAY_VENV / "bin" / "python"), "-c", code, *map(str, paths)], check=True)


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--folder", type=Path, help="time the PDFs under this folder instead of a built batch")
    ap.add_argument("--scan-every", type=int, default=5, help="every n-th page a scan; 0: born-digital pages only")
    ap.add_argument("--png-scans", action="store_true", help="scans as one 100 dpi PNG a page (the batch until 2026-11-22)")
    ap.add_argument("--legacy-batch", action="store_true", help="build the batch as before 2026-11-22 (see build_batch)")
    ap.add_argument("--image-only", type=int, default=20, help="also time this many image-only pages (OCR'd); 0: none")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.folder:
            paths = sorted(args.folder.rglob("*.pdf"))
        else:
            paths = build_batch(Path(tmp), args.files, args.pages, args.legacy_batch, args.scan_every, args.png_scans)
        pages = sum(pymupdf.open(p).page_count for p in paths)
        # The floor is the shortest run and the most disturbed by a busy machine: best of 3.
        rows = [("raw pymupdf extraction (floor)", min(timed(raw_extraction, paths) for _ in range(3)))]
        if _has_images(paths):
            rows.append(("floor + every image decoded once", min(timed(raw_extraction, paths, True) for _ in range(2))))
        (Path(tmp) / "one").mkdir()
        one_page = build_batch(Path(tmp) / "one", 1, 1)
        # Start-up: a one-page file takes nearly nothing beyond it (best of 2).
        startup = {"woocheck": min(timed(woocheck, one_page, 1) for _ in range(2))}
        rows.append(("woocheck, 1 worker, all checks", timed(woocheck, paths, 1), startup["woocheck"]))
        cores = os.cpu_count() or 1
        rows.append((f"woocheck, {cores} workers, all checks", timed(woocheck, paths, cores), startup["woocheck"]))
        if xray_available():
            startup["x-ray"] = min(timed(run_xray, one_page) for _ in range(2))
            rows.append(("x-ray 0.4 (failed redactions only)", timed(run_xray, paths), startup["x-ray"]))
        else:
            print("x-ray could not be installed: its row is left out", file=sys.stderr)
        ocr_rows = _image_only_rows(Path(tmp), args.image_only, cores) if args.image_only else []
    floor = rows[0][1]
    started = ", ".join(f"{k} {v:.1f} s" for k, v in startup.items())
    print(f"\n{pages} pages in {len(paths)} files, {cores} cores; start-up (a one-page file): {started}\n")
    print(f"| {'run':<38} | {'seconds':>8} | {'pages/s':>8} | {'time vs floor':>13} | {'without start-up':>16} |")
    print(f"|{'-' * 40}|{'-' * 10}|{'-' * 10}|{'-' * 15}|{'-' * 18}|")
    for name, secs, *start in rows:
        steady = f"{(secs - start[0]) / floor:15.1f}x" if start else f"{'':>16}"
        print(f"| {name:<38} | {secs:8.2f} | {pages / secs:8.1f} | {secs / floor:12.1f}x | {steady} |")
    if ocr_rows:
        n = ocr_rows[0][2]
        print(f"\n{n} image-only pages (no text layer: every page OCR'd) in {n // 2} files:\n")
        print(f"| {'run':<38} | {'seconds':>8} | {'pages/s':>8} | {'s/page':>8} |")
        print(f"|{'-' * 40}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
        for name, secs, n in ocr_rows:
            print(f"| {name:<38} | {secs:8.2f} | {n / secs:8.2f} | {secs / n:8.2f} |")


def _image_only_rows(tmp: Path, pages: int, cores: int) -> list[tuple[str, float, int]]:
    """woocheck on image-only pages, one worker and all cores (two pages a file)."""
    folder = tmp / "image-only"
    folder.mkdir()
    paths = build_image_only(folder, max(1, pages // 2), 2)
    n = 2 * len(paths)
    # Side by side: PyMuPDF's built-in Tesseract at 300 dpi (the first slice) and the
    # Tesseract program at the scan's own resolution (ingest/ocr.py says why).
    built_in = {"WOOCHECK_OCR": "mupdf", "WOOCHECK_OCR_DPI": "300"}
    return [
        ("built-in Tesseract, 300 dpi, 1 worker", timed(woocheck, paths, 1, built_in), n),
        (f"built-in Tesseract, 300 dpi, {cores} workers", timed(woocheck, paths, cores, built_in), n),
        ("tesseract program, 1 worker", timed(woocheck, paths, 1), n),
        (f"tesseract program, {cores} workers", timed(woocheck, paths, cores), n),
    ]


if __name__ == "__main__":
    main()
