"""Speed of the personal-data stage, and the cold start of `woocheck scan`.

Prints:
  1. words/second of the whole personal-data stage (`woocheck.pii.find_in_document`:
     presidio + Dutch recognizers + document-level spreading + policy), warm, over the
     labelled set, the seeds and the reference corpora that are present;
  2. the one-off cost of building the analyzer (imports + spaCy blank "nl" + registry);
  3. the cold-start wall time of `woocheck scan` on one small text file, in a fresh
     process each time (median of several runs; the aim is < 1.5 s).

Run: python benchmarks/bench_pii.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SMALL = """Van: Jansen, Karin <k.jansen@minbzk.nl>
Aan: woo@minbzk.nl
Onderwerp: overleg

Beste Karin,

Bel me op 06-12345678. Het BSN van de aanvrager is 111222333.

Met vriendelijke groet,

Piet de Boer
"""


# Every entity the stage knows, so that every list it loads lazily is loaded.
WARM_UP = SMALL + "Adres: Kerkstraat 12, 1234 AB Zuidhaven; woonachtig Molenweg 12 te Emmen; Spui 70, 2511 BT Den Haag. Kenteken 12-ABC-3, IBAN NL91ABNA0417164300.\n"


def _documents():
    from woocheck.ingest import open_document

    paths = sorted((ROOT / "tests" / "data" / "labelled").glob("*.txt"))
    paths += sorted((SHARED / "seeds").glob("*.txt"))
    for sub in ("clean-govt", "vws-woo"):
        paths += sorted((SHARED / "corpora" / sub).rglob("*.pdf"))
    docs = []
    for p in paths:
        try:
            with open_document(str(p)) as doc:
                docs.append(doc)
        except Exception as exc:  # an unreadable corpus file does not stop the benchmark
            print(f"  skipped {p.name}: {exc}")
    return docs


def stage_speed() -> None:
    from woocheck.config import Config
    from woocheck.pii import find_in_document, find_in_text
    from woocheck.pii.engine import analyzer

    t = time.perf_counter()
    analyzer()
    build = time.perf_counter() - t
    docs = _documents()
    words = sum(len(p.text.split()) for d in docs for p in d.pages)
    pages = sum(len(d.pages) for d in docs)
    # Warm every lazy list, as the batch's warm-up does in the parent before workers fork
    # (deduce's names and streets, the lexicon, the mailbox words): what they cost once
    # is printed apart, so the words/s below is the stage's own speed.
    t = time.perf_counter()
    find_in_text(WARM_UP, Config())
    find_in_document(docs[0], Config())
    once = time.perf_counter() - t
    t = time.perf_counter()
    items = [p for d in docs for p in find_in_document(d, Config())]
    found = len(items)
    took = time.perf_counter() - t
    print(f"analyzer build (imports, spaCy blank nl, registry): {build:.2f} s")
    print(f"lists loaded on first use (names, streets, lexicon, mailbox words) + first call: {once:.2f} s")
    leaks = [p for p in items if not p.public]
    print(f"reported as leaks: {len(leaks)}, of which on weak evidence (warnings): {sum(p.weak for p in leaks)}")
    print(f"personal-data stage: {len(docs)} documents, {pages} pages, {words} words, {found} items "
          f"in {took:.2f} s -> {words / took:,.0f} words/s, {pages / took:.1f} pages/s")


def _timed(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds (user + sys) of one child process: CPU time is what a busy
    machine does not inflate."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def cold_start(runs: int) -> None:
    exe = Path(sys.executable).with_name("woocheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from woocheck.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "mail.txt"
        small.write_text(SMALL, "utf-8")
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu, out = _timed([*cmd, "scan", str(small), "--format", "json"])
            if out.returncode not in (0, 1):
                print(out.stderr)
                raise SystemExit("woocheck scan failed")
            walls.append(wall)
            cpus.append(cpu)
        pii_walls, pii_cpus = [], []
        code = f"from woocheck.pii import find_in_text; find_in_text(open({str(small)!r}).read())"
        for _ in range(runs):
            wall, cpu, _ = _timed([sys.executable, "-c", code])
            pii_walls.append(wall)
            pii_cpus.append(cpu)
        base_walls, base_cpus = [], []
        for _ in range(runs):
            wall, cpu, _ = _timed([*cmd, "--version"])
            base_walls.append(wall)
            base_cpus.append(cpu)
    med = statistics.median
    print(f"load average now: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"cold start `woocheck scan` on one small text file (all checks): wall median {med(walls):.2f} s "
          f"(min {min(walls):.2f}), CPU median {med(cpus):.2f} s over {runs} runs (aim < 1.5 s)")
    print(f"  personal-data stage alone in a fresh process (import + build + one call): wall median "
          f"{med(pii_walls):.2f} s, CPU median {med(pii_cpus):.2f} s")
    print(f"  CLI start without any stage (`woocheck --version`): wall median {med(base_walls):.2f} s, "
          f"CPU median {med(base_cpus):.2f} s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    stage_speed()
    cold_start(args.runs)
