"""A `.zip` named on the command line is scanned as the folder it holds.

Dossiers ship as an archive (VWS: `Archive.zip` with the documents and `inventory.xlsx`).
It is unpacked into a private temporary folder, scanned like any folder (the inventory and
letter in it are found as in a folder), and every path in the report is then written as
the archive's path followed by the path inside it (`Archive.zip/woo1/171059.pdf`), so a
report never names the temporary folder. Unpacking refuses names that climb out of the
folder ("../", absolute paths) and stops at a size and entry count no dossier reaches, so
a zip bomb becomes an error entry instead of a full disk.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Iterator

from .model import FileResult, Report

MAX_BYTES = 20 * 2**30  # unpacked; the largest published dossiers are a few GB
MAX_ENTRIES = 200_000


class ArchiveError(Exception):
    pass


def is_archive(path: str) -> bool:
    return path.lower().endswith(".zip") and os.path.isfile(path)


def _unpack(archive: str, into: str) -> None:
    try:
        with zipfile.ZipFile(archive) as z:
            infos = [i for i in z.infolist() if not i.is_dir()]
            if len(infos) > MAX_ENTRIES:
                raise ArchiveError(f"more than {MAX_ENTRIES} entries")
            if sum(i.file_size for i in infos) > MAX_BYTES:
                raise ArchiveError(f"unpacks to more than {MAX_BYTES // 2**30} GB")
            for info in infos:
                parts = PurePosixPath(info.filename.replace("\\", "/")).parts
                if not parts or info.filename.startswith("/") or ".." in parts or parts[0].endswith(":"):
                    raise ArchiveError(f"entry {info.filename!r} would land outside the archive's folder")
                if parts[0] == "__MACOSX" or parts[-1].startswith("._"):
                    continue  # macOS resource forks, no documents
                target = os.path.join(into, *parts)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with z.open(info) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise ArchiveError(f"not a readable zip archive ({type(exc).__name__}: {exc})") from None
    except OSError as exc:
        from .errors import unreadable

        raise ArchiveError(unreadable(exc)) from None


@contextlib.contextmanager
def unpacked(paths: list[str]) -> Iterator[tuple[list[str], dict[str, str], list[FileResult]]]:
    """(paths with each archive replaced by its unpacked folder, {folder: archive path},
    an error entry for each archive that cannot be unpacked). The folders go on exit."""
    out: list[str] = []
    roots: dict[str, str] = {}
    failed: list[FileResult] = []
    made: list[str] = []
    try:
        for p in paths:
            if not is_archive(p):
                out.append(p)
                continue
            folder = tempfile.mkdtemp(prefix="woocheck-zip-")
            made.append(folder)
            try:
                _unpack(p, folder)
            except ArchiveError as exc:
                failed.append(FileResult(path=p, pages=0, error=f"archive cannot be unpacked: {exc}"))
                continue
            roots[folder] = p
            out.append(folder)
        yield out, roots, failed
    finally:
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)


def _shown(path, roots: dict[str, str]):
    if not path:
        return path
    for folder, archive in roots.items():
        if path == folder or path.startswith(folder + os.sep):
            inner = os.path.relpath(path, folder).replace(os.sep, "/")
            return archive if inner == "." else f"{archive.rstrip('/')}/{inner}"
    return path


def renamed(report: Report, roots: dict[str, str]) -> Report:
    """The report with every path inside an unpacked archive written as archive/inner path."""
    if not roots:
        return report

    def fix(text):
        if not text:
            return text
        for folder, archive in roots.items():
            text = text.replace(folder, archive)
        return text

    files = tuple(
        replace(
            f,
            path=_shown(f.path, roots),
            error=fix(f.error),
            redactions=tuple(replace(r, path=_shown(r.path, roots)) for r in f.redactions),
            findings=tuple(replace(x, path=_shown(x.path, roots), message=fix(x.message)) for x in f.findings),
        )
        for f in report.files
    )
    documents = tuple(replace(d, path=_shown(d.path, roots)) for d in report.documents)
    return replace(report, files=files, documents=documents)
