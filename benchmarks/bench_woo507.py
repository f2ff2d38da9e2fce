"""Time WOO507 (near-duplicate passages) on a batch of 1,000 documents.

The batch is e-mail threads as a Woo batch holds them: 100 threads of 10 documents, each
document the thread up to one of its messages (a reply quotes everything before it), about
400 words a document. Names are redacted as `[REDACTED] (5.1.2e)` in every copy, except
that in each thread one copy leaves one name readable: 100 planted leaks, which the run
must find. Words and names are made up from syllables (seeded), so no two threads share
more than chance text.

Prints the scan of the batch (workers; every file read, located, its token stream built)
and the after-batch WOO507 search alone (decision.neardup.find), which is the part that
grows with the batch as a whole.

    python benchmarks/bench_woo507.py [--docs 1000] [--jobs 0] [--keep DIR]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SYLLABLES = "ka ro mi le van de ber stel aan gro ne wi lo ter sa ma fo ri den bu hof ek ma lin dor".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _name(rng: random.Random) -> str:
    return f"{_word(rng).capitalize()} {_word(rng).capitalize()}{rng.choice(['s', 'man', 'ink', 'ers'])}"


def build(folder: Path, docs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    per_thread = 10
    planted = 0
    for t in range(docs // per_thread):
        people = [_name(rng) for _ in range(4)]
        messages = []
        for m in range(per_thread):
            sender, to = rng.sample(people, 2)
            body = " ".join(_word(rng) for _ in range(rng.randint(25, 60)))
            sent = f"Verzonden: {rng.randint(1, 28)} {rng.choice(['september', 'oktober', 'november'])} 2022 {rng.randint(8, 18)}:{rng.randint(0, 59):02d}"
            messages.append((sender, to, sent, body))
        leak_doc = rng.randrange(1, per_thread)  # this copy leaves one name readable
        for d in range(per_thread):
            lines = []
            for i, (sender, to, sent, body) in enumerate(reversed(messages[: d + 1])):
                readable = d == leak_doc and i == 1
                lines += [f"Van: {sender if readable else '[REDACTED] (5.1.2e)'}", sent,
                          "Aan: [REDACTED] (5.1.2e)", f"Onderwerp: overleg {t}", body, ""]
            planted += d == leak_doc
            (folder / f"{t:03d}-{d:02d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return planted


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="build the batch here and keep it")
    args = ap.parse_args()

    from woocheck.batch import warm_up
    from woocheck.config import Config
    from woocheck.decision.neardup import find
    from woocheck.pipeline import scan

    folder = args.keep or Path(tempfile.mkdtemp(prefix="woo507-"))
    folder.mkdir(parents=True, exist_ok=True)
    planted = build(folder, args.docs)
    config = Config(select=("WOO507",))
    warm_up(config)
    t0 = time.perf_counter()
    report = scan([str(folder)], config, jobs=args.jobs, timeout=300)
    t_scan = time.perf_counter() - t0
    streams = [r.facts.stream for r in report.files if r.facts is not None]
    t0 = time.perf_counter()
    leaks = find(streams)
    t_find = time.perf_counter() - t0
    words = sum(len(s) for s in streams)
    found = {f.path for f in report.findings if f.code == "WOO507"}
    print(f"{len(streams)} documents, {words:,} words, {planted} planted leaks")
    print(f"scan with WOO507 (workers, token streams, search): {t_scan:.2f} s")
    print(f"WOO507 search alone (after the batch): {t_find:.2f} s, {len(leaks)} leak(s) in {len(found)} document(s)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
