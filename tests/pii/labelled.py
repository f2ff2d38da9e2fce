"""Precision and recall of the personal-data stage on the labelled set (tests/data/labelled).

Run directly (`python -m tests.pii.labelled`) to print the table; test_labelled.py asserts floors.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"


def _norm(s: str) -> str:
    return " ".join(s.split())


def _match(pred: str, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    return p == g or (len(p) >= 3 and p in g) or (len(g) >= 3 and g in p)


def evaluate(folder: Path = LABELLED):
    """Counts per entity: {entity: Counter(tp=, fp=, fn=)} and a list of misses for the report."""
    from woocheck.pii import find_in_text

    counts: dict[str, Counter] = {}
    misses: list[str] = []
    for txt in sorted(folder.glob("*.txt")):
        labels = yaml.safe_load(txt.with_suffix(".yaml").read_text("utf-8")) or {}
        gold = [(e, t) for e, t in labels.get("leaks") or []]
        found = [(p.entity, p.text) for p in find_in_text(txt.read_text("utf-8")) if not p.public]
        open_gold = list(gold)
        for entity, text in found:
            # The same string first, so that an address found whole does not use up the
            # label of its street alone written elsewhere in the document.
            hit = next((g for g in open_gold if g[0] == entity and _norm(g[1]) == _norm(text)), None) \
                or next((g for g in open_gold if g[0] == entity and _match(text, g[1])), None)
            c = counts.setdefault(entity, Counter())
            if hit:
                open_gold.remove(hit)
                c["tp"] += 1
            else:
                c["fp"] += 1
                misses.append(f"{txt.name}: false positive {entity} {text!r}")
        for entity, text in open_gold:
            counts.setdefault(entity, Counter())["fn"] += 1
            misses.append(f"{txt.name}: missed {entity} {text!r}")
    return counts, misses


def scores(c: Counter) -> tuple[float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return p, r


def table(counts: dict[str, Counter]) -> str:
    lines = [f"{'entity':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}"]
    total = Counter()
    for entity in sorted(counts):
        c = counts[entity]
        total.update(c)
        p, r = scores(c)
        lines.append(f"{entity:<10} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {p:>10.2f} {r:>8.2f}")
    p, r = scores(total)
    lines.append(f"{'all':<10} {total['tp']:>4} {total['fp']:>4} {total['fn']:>4} {p:>10.2f} {r:>8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    counts, misses = evaluate()
    print(table(counts))
    print("\n".join(misses))
