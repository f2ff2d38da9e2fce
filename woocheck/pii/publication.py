"""Office holders known from one document of a publication are known in all of them.

A Woo decision is published as a set: the decision letter, the inventory and the
documents, usually one folder. The board member who signs a letter as "lid Raad van
Bestuur" in one document is greeted by first name and copied in e-mails in the next, and
the detector, which reads each file on its own, would report those mentions. So after
a batch is scanned, the names that a document marks as public by direct evidence (a
role, an organisation tag, a citation; not by propagation) are collected per folder, and
a name finding in another file of the same folder that names the same person is dropped.

"The same person" follows the rules of the document-level step (`policy.apply`): the
last surname word must agree, and a given name or initial, where the finding has one,
must agree with one seen for that surname. A bare surname is only taken when it is rare
(not on deduce's surname list) or the publication names only one bearer of it: "Jansen"
in one file is no proof that "Jansen" in the next is the minister.

Across the whole batch (many decisions of one body, scanned together) only a full name
carries over: the same spelled-out given name with the same surname ("Maarten Camps",
chair of the board in one decision, copied in an e-mail of another). A surname or an
initial alone does not reach beyond its folder: in an archive, "J. de Vries" in two
decisions may well be two people.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from ..model import FileResult, PersonalData


@dataclass(frozen=True)
class PublicName:
    key: str  # the last surname word, lowercased
    initial: Optional[str]  # the given name's first letter, if the name had one
    given: Optional[str]  # the spelled-out given name, lowercased, if any
    reason: str


def public_names(items: Iterable[PersonalData]) -> tuple[PublicName, ...]:
    """The persons a document itself marks as public (direct evidence only)."""
    from .detect import given_initial, given_name, surname_keys

    out = []
    for p in items:
        if p.entity != "PERSON" or not p.public or p.reason.startswith("same "):
            continue
        keys = surname_keys(p.text)
        if keys:
            given = given_name(p.text)
            out.append(PublicName(keys[-1], given_initial(p.text), given.lower() if given else None, p.reason))
    return tuple(out)


def folder_of(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


class Publication:
    """The public names of one folder, asked about a name found in one of its files."""

    def __init__(self, names: Iterable[PublicName]):
        self.by_key: dict[str, list[PublicName]] = {}
        self.by_given: dict[str, PublicName] = {}
        for n in names:
            self.by_key.setdefault(n.key, []).append(n)
            if n.given:
                self.by_given.setdefault(n.given, n)

    def reason(self, text: str) -> Optional[str]:
        """Why the name `text` is public in this publication, or None."""
        from .detect import given_initial, surname_keys
        from .names import lists

        keys = surname_keys(text)
        if not keys:
            return None
        known = self.by_key.get(keys[-1])
        if known:
            initial = given_initial(text)
            initials = {n.initial for n in known}
            if initial is not None:
                same = initial in initials
            else:  # a bare surname: rare, or one bearer only in the publication
                same = keys[-1] not in lists().surnames or len(initials) == 1
            if same:
                return f"same person {known[0].reason} in another document of the publication"
        one_word = " " not in text.strip() and "," not in text
        if one_word and text.strip().lower() in self.by_given:
            return f"same given name {self.by_given[text.strip().lower()].reason} in another document of the publication"
        return None

    def full_name_reason(self, text: str) -> Optional[str]:
        """Why `text` is public when only a full name counts (the batch beyond a folder)."""
        from .detect import given_name, surname_keys

        keys = surname_keys(text)
        given = given_name(text)
        if not keys or not given:
            return None
        for n in self.by_key.get(keys[-1], ()):
            if n.given == given.lower():
                return f"same person {n.reason} in another decision of the batch"
        return None


def apply_across(results: list[FileResult]) -> list[FileResult]:
    """Drop the name findings (WOO101) that another document of the same folder, or by
    full name any document of the batch, shows to be a public person's."""
    names: dict[str, list[PublicName]] = {}
    for r in results:
        if r.public_names:
            names.setdefault(folder_of(r.path), []).extend(r.public_names)
    if not names:
        return results
    publications = {folder: Publication(ns) for folder, ns in names.items()}
    batch = Publication(n for ns in names.values() for n in ns)
    out = []
    for r in results:
        pub = publications.get(folder_of(r.path))
        if not any(f.kind == "PERSON" for f in r.findings):
            out.append(r)
            continue
        kept = tuple(f for f in r.findings
                     if f.kind != "PERSON" or f.code != "WOO101" or why_public(f.text, pub, batch) is None)
        out.append(replace(r, findings=kept) if len(kept) != len(r.findings) else r)
    return out


def why_public(text: str, folder: Optional[Publication], batch: Publication) -> Optional[str]:
    """Why a name found in a file is public: by its folder's names, or by a full name
    anywhere in the batch."""
    return (folder.reason(text) if folder else None) or batch.full_name_reason(text)
