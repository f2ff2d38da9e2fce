"""Find the decisions in what is scanned: a folder with an inventory list and/or a letter.

A folder is a decision when it holds an inventory (`inventaris*`, `inventory*`,
`*inventarislijst*`; xlsx, csv or pdf) or a decision letter (`besluit*`), or when the
user names them (`--inventory`, `--decision`: then everything scanned is one decision).
Where a folder has an inventory but no letter by name, the documents directly in it are
opened to look for the heading "Besluit op uw Woo-verzoek" on the first page; this costs
a file open each, so it is done only there, never for a folder without an inventory.

Both are read before the documents are scanned: the decision's date decides WOO203 for
every document of it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from ..config import Config
from ..grounds.catalogue import Catalogue
from .inventory import Inventory, InventoryError, read_inventory
from .letter import Letter, LetterError, is_letter_text, read_letter

# Also the types that cannot be read (.xls, .ods): an inventory found by name must never be
# passed over in silence, so those give a one-line error instead.
INVENTORY_TYPES = (".xlsx", ".xlsm", ".csv", ".pdf", ".xls", ".ods")
LETTER_TYPES = (".pdf", ".txt", ".md")


@dataclass(frozen=True)
class Decision:
    folder: Optional[str]  # documents under this folder belong to it; None: all scanned
    inventory_path: Optional[str] = None
    letter_path: Optional[str] = None
    inventory: Optional[Inventory] = None
    letter: Optional[Letter] = None
    inventory_error: Optional[str] = None
    letter_error: Optional[str] = None
    date: Optional[date] = None
    date_source: str = ""
    # Other files named like an inventory or letter in the folder (a second copy as PDF
    # beside the xlsx): part of the decision, no documents of it.
    also_own: tuple[str, ...] = ()

    def holds(self, path: str) -> bool:
        if self.folder is None:
            return True
        folder = os.path.abspath(self.folder)
        return os.path.abspath(path).startswith(folder.rstrip(os.sep) + os.sep)

    def is_own_file(self, path: str) -> bool:
        """The inventory or the letter itself: no document of the decision."""
        here = os.path.abspath(path)
        return any(p and os.path.abspath(p) == here for p in (self.inventory_path, self.letter_path, *self.also_own))


def is_inventory_name(name: str) -> bool:
    p = Path(name)
    stem = p.stem.lower()
    return p.suffix.lower() in INVENTORY_TYPES and (
        stem.startswith(("inventaris", "inventory")) or "inventarislijst" in stem
    )


def is_letter_name(name: str) -> bool:
    p = Path(name)
    return p.suffix.lower() in LETTER_TYPES and p.stem.lower().startswith("besluit")


def _folders(paths: Iterable[str]) -> list[str]:
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                for root, dirs, _ in os.walk(p, followlinks=True, onerror=lambda e: None):
                    dirs.sort()
                    out.append(root)
            elif p.exists():
                out.append(str(p.parent))
        except OSError:
            continue
    seen: set[str] = set()
    return [f for f in out if not (os.path.realpath(f) in seen or seen.add(os.path.realpath(f)))]


def _listing(folder: str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _letter_by_heading(folder: str, names: list[str]) -> Optional[str]:
    from ..ingest.peek import first_page_text

    for name in names:
        path = os.path.join(folder, name)
        if Path(name).suffix.lower() == ".pdf" and os.path.isfile(path) and is_letter_text(first_page_text(path)):
            return path
    return None


def _read(folder: Optional[str], inventory: Optional[str], letter: Optional[str], cat: Catalogue,
          config: Config) -> Decision:
    inv = let = None
    inv_err = let_err = None
    if inventory:
        try:
            inv = read_inventory(inventory, cat)
        except InventoryError as exc:
            inv_err = f"inventory cannot be read: {exc}"
    if letter:
        try:
            let = read_letter(letter, cat)
        except LetterError as exc:
            let_err = f"decision letter cannot be read: {exc}"
    when, source = None, ""
    if config.decision_date:
        when, source = config.decision_date, "--decision-date"
    elif let and let.date:
        when, source = let.date, f"decision letter {Path(letter).name}"
    elif inv and inv.date:
        when, source = inv.date, f"inventory {Path(inventory).name}"
    return Decision(folder=folder, inventory_path=inventory, letter_path=letter, inventory=inv, letter=let,
                    inventory_error=inv_err, letter_error=let_err, date=when, date_source=source)


def discover(paths: list[str], config: Config, cat: Catalogue) -> list[Decision]:
    """The decisions among `paths`, innermost folders first (a document belongs to the first
    that holds it)."""
    if config.inventory or config.decision:
        return [_read(None, config.inventory, config.decision, cat, config)]
    found: list[Decision] = []
    for folder in _folders(paths):
        names = _listing(folder)
        inventory = next((n for n in names if is_inventory_name(n) and os.path.isfile(os.path.join(folder, n))), None)
        letter = next((n for n in names if is_letter_name(n) and os.path.isfile(os.path.join(folder, n))), None)
        if not inventory and not letter:
            continue
        letter_path = os.path.join(folder, letter) if letter else None
        if inventory and not letter:
            letter_path = _letter_by_heading(folder, names)
        decision = _read(folder, os.path.join(folder, inventory) if inventory else None, letter_path, cat, config)
        others = tuple(os.path.join(folder, n) for n in names if (is_inventory_name(n) or is_letter_name(n))
                       and n not in (inventory, letter))
        found.append(replace(decision, also_own=others) if others else decision)
    found.sort(key=lambda d: -len(os.path.abspath(d.folder or "")))
    return found


def decision_of(path: str, decisions: list[Decision]) -> Optional[Decision]:
    return next((d for d in decisions if d.holds(path)), None)
