"""The UWV text corpus (../shared/corpora/uwv-text) split into a half to tune on and a
half only to measure on, and a dump of the personal-data findings for judging by hand.

The split is by publication (one folder a decision), so the documents of one decision,
which share their names and layout, never sit on both sides. It is fixed by a hash of
the folder name, not by order, so adding publications does not move the others.

Run:
  python -m tests.pii.corpus tune    > /tmp/tune.jsonl     # findings with context
  python -m tests.pii.corpus measure > /tmp/measure.jsonl
  python -m tests.pii.corpus measure --summary             # counts, per 10,000 words
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UWV = ROOT.parent / "shared" / "corpora" / "uwv-text"


def half_of(publication: str) -> str:
    """'tune' or 'measure' for a publication folder name."""
    return "tune" if int(hashlib.sha1(publication.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "measure"


def files(half: str, root: Path = UWV) -> list[Path]:
    return sorted(p for d in sorted(root.iterdir()) if d.is_dir() and half_of(d.name) == half
                  for p in d.rglob("*.md"))


def findings(half: str, root: Path = UWV):
    """(path, text, words, [PersonalData reported as a leak]) per file of the half, with
    the publication step of a scan of the whole half applied: a person one document of
    a publication marks as public is not reported in its other documents, nor, by full
    name, in the other publications of the half."""
    from woocheck.config import Config
    from woocheck.ingest import IngestError, open_document
    from woocheck.pii import find_in_document
    from woocheck.pii.publication import Publication, public_names, why_public

    config = Config()
    by_folder: dict = {}
    for path in files(half, root):
        try:
            with open_document(str(path)) as doc:
                text = doc.pages[0].text
                items = find_in_document(doc, config)
        except IngestError as exc:
            print(f"{path}: cannot be checked: {exc}", file=sys.stderr)
            continue
        by_folder.setdefault(path.parent, []).append((path, text, items))
    batch = Publication(n for docs in by_folder.values() for _, _, items in docs for n in public_names(items))
    for folder, docs in by_folder.items():
        publication = Publication(n for _, _, items in docs for n in public_names(items))
        for path, text, items in docs:
            leaks = [p for p in items if not p.public
                     and not (p.entity == "PERSON" and why_public(p.text, publication, batch))]
            yield path, text, len(text.split()), leaks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("half", choices=("tune", "measure"))
    ap.add_argument("--summary", action="store_true", help="counts only")
    ap.add_argument("--context", type=int, default=120)
    args = ap.parse_args(argv)
    if not UWV.is_dir():
        print(f"{UWV} not present", file=sys.stderr)
        return 2
    words = 0
    per_entity: Counter = Counter()
    severity: Counter = Counter()
    nfiles = 0
    for path, text, n, items in findings(args.half):
        nfiles += 1
        words += n
        for p in items:
            per_entity[p.entity] += 1
            severity["warning" if p.weak else "error"] += 1
            if not args.summary:
                print(json.dumps({
                    "file": str(path.relative_to(UWV)), "entity": p.entity, "text": p.text,
                    "weak": p.weak, "evidence": p.reason,
                    "before": text[max(0, p.start - args.context):p.start],
                    "after": text[p.end:p.end + args.context],
                }, ensure_ascii=False))
    total = sum(per_entity.values())
    print(f"{args.half}: {nfiles} files, {words} words, {total} findings "
          f"({total / words * 10000:.2f} per 10,000 words); {dict(per_entity)}; {dict(severity)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
