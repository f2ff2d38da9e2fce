"""OCR engines side by side: accuracy on invented Dutch pages and CPU a page.

Builds dense pages (40-odd lines in Helvetica 10 pt, Times 10 pt, Courier 9 pt) full of
invented names with diacritics, e-mail addresses, mobile numbers and BSNs, scanned as a
copier does (200 dpi greyscale JPEG, no text layer), then OCRs each page with every
setting and prints: items read exactly (the name, address or number whole, after
`ocr._repair`), words read exactly, and CPU seconds a page (children included).

Run: python benchmarks/bench_ocr.py [--pages-per-font 1]
"""
from __future__ import annotations

import argparse
import resource
import time

import pymupdf

from woocheck.ingest import ocr

FIRST = ["Joëlle", "Anouk", "Sébastien", "Müller", "Eléonore", "Björn", "Renée", "Günther", "Inès", "Loïs"]
LAST = ["van Buuren", "de Rooij", "Verhoeven", "Özdemir", "Brouwer", "ter Haar", "Çelik", "Maréchal", "Kuijpers", "Dekker"]
FONTS = [("helv", 10), ("tiro", 10), ("cour", 9), ("helv", 7)]


def _bsn(seed: int) -> str:
    """A nine-digit number that passes the 11-proof (invented)."""
    n = 100000000 + seed * 7919
    while True:
        d = [int(c) for c in str(n)]
        if (sum((9 - i) * d[i] for i in range(8)) - d[8]) % 11 == 0:
            return str(n)
        n += 1


def page_lines(k: int) -> tuple[list[str], list[str]]:
    lines, items = [], []
    for i in range(11):
        f, l = FIRST[(i + k) % 10], LAST[(i * 3 + k) % 10]
        mail = f"{f[0].lower()}.{l.split()[-1].lower()}@ministerie{i % 3}.nl".replace("ö", "o").replace("ç", "c").replace("é", "e")
        phone, bsn = f"06-{48213950 + i * 13 + k:08d}", _bsn(i + 20 * k)
        lines += [f"Van: {f} {l} <{mail}>", f"Bel mij op {phone} over het dossier van de aanvrager.",
                  f"Het BSN van de aanvrager is {bsn}; de stukken liggen bij {f} {l}.", ""]
        items += [f"{f} {l}", mail, phone, bsn]
    return lines, items


def scan(lines: list[str], font: str, size: int) -> pymupdf.Document:
    src = pymupdf.open()
    page = src.new_page(width=595, height=842)
    for i, line in enumerate(lines):
        page.insert_text((60, 50 + 17.5 * i), line, fontsize=size, fontname=font)
    jpeg = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("jpeg", jpg_quality=75)
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=jpeg)
    return doc


def _cpu() -> float:
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def measure(pages, eng: ocr.Engine, dpi: int) -> tuple[int, int, int, int, float]:
    items_ok = items = words_ok = words = 0
    cpu = 0.0
    for doc, lines, wanted in pages:
        c0 = _cpu()
        found = ocr._repair(ocr.read(doc[0], eng, dpi))
        cpu += _cpu() - c0
        text = " ".join(t for _, t, _ in found)
        items += len(wanted)
        items_ok += sum(1 for it in wanted if it in text)
        got: dict[str, int] = {}
        for _, t, _ in found:
            got[t] = got.get(t, 0) + 1
        for w in " ".join(lines).split():
            words += 1
            if got.get(w, 0):
                words_ok += 1
                got[w] -= 1
    return items_ok, items, words_ok, words, cpu / len(pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages-per-font", type=int, default=1)
    args = ap.parse_args()
    eng = ocr.engine()
    if eng is None:
        raise SystemExit(f"no OCR engine: {ocr.INSTALL_HINT}")
    pages = []
    for k in range(args.pages_per_font):
        for font, size in FONTS:
            lines, items = page_lines(k * 3 + len(pages))
            pages.append((scan(lines, font, size), lines, items))
    settings = [("PyMuPDF built-in", None, 300, 3), ("PyMuPDF built-in", None, 200, 3)]
    if eng.binary:
        settings += [("tesseract program", eng.binary, 300, 3), ("tesseract program", eng.binary, 200, 3),
                     ("tesseract program, psm 6", eng.binary, 300, 6)]
    print(f"{len(pages)} pages ({', '.join(f'{f} {s} pt' for f, s in FONTS)}), 200 dpi grey JPEG scans, language {eng.language}\n")
    print(f"| {'engine':<26} | {'dpi':>4} | {'items exact':>12} | {'words exact':>11} | {'CPU s/page':>10} |")
    print(f"|{'-' * 28}|{'-' * 6}|{'-' * 14}|{'-' * 13}|{'-' * 12}|")
    for name, binary, dpi, psm in settings:
        ocr.PSM, saved = psm, ocr.PSM
        t = time.perf_counter()
        io, i, wo, w, cpu = measure(pages, ocr.Engine(eng.tessdata, eng.language, binary), dpi)
        ocr.PSM = saved
        print(f"| {name:<26} | {dpi:>4} | {io:>5}/{i:<6} | {100 * wo / w:10.1f}% | {cpu:10.2f} |")


if __name__ == "__main__":
    main()
