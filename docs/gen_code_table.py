"""Rewrite the code table in README.md from the check registry (run after adding a check)."""
from __future__ import annotations

import re
from pathlib import Path

from woocheck.checks import all_rules

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    rows = "\n".join(f"| {r.code} | {r.severity.value} | {r.summary} |" for r in all_rules())
    text = README.read_text(encoding="utf-8")
    text = re.sub(r"(<!-- codes:start -->\n).*?(<!-- codes:end -->)", lambda m: m.group(1) + rows + "\n" + m.group(2), text, flags=re.S)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
