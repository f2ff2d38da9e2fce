"""`--cache DIR`: a file's result kept under a key of everything that decides it.

The key of one file is a hash of:
- the file's bytes (SHA-256) and its path (absolute and as given): the path is in every
  finding, per-path ignores match it, and WOO408 reads the file name;
- the run key: woocheck's version and a digest of its own source files (an editable
  install keeps its version string while the detector changes), the versions of the
  libraries that read the files, the configuration that changes findings (select,
  ignore, decision date, per-path ignores, the config file's place) and the contents of
  every rules file (the built-in catalogue and allowlist, the user's own files), the word
  lists and the OCR data in use, and the environment variables that switch them.
`fail-on` and `--show-personal-data` are left out: they act on the report, not on a result.

Entries are pickled `FileResult`s (with `public_names`, which the publication step needs
and no report holds), written to a temporary file in the same folder and renamed, so a
reader or a second woocheck writing the same entry never sees half a file. A result that
ended in an error or a timeout is never stored: the next run tries the file again.
A cache folder is trusted like the installed package (it holds pickles): keep it where
only the people who run woocheck can write.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterable, Optional

from . import __version__
from .config import Config
from .model import FileResult

FORMAT = b"woocheck-cache-2"  # 2: FileResult.private_boxes
_LIBRARIES = ("pymupdf", "presidio-analyzer", "spacy", "deduce", "phonenumbers", "python-stdnum")
_REPORT_ONLY = ("fail_on", "show_personal_data")
_ENVIRONMENT = ("WOOCHECK_OCR", "WOOCHECK_OCR_DPI", "TESSDATA_PREFIX", "WOOCHECK_LEXICON", "WOOCHECK_RULES")


def _digest_files(h, files: Iterable[Path]) -> None:
    for f in sorted(files):
        h.update(str(f).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError as exc:  # a missing rules file is part of the key too
            h.update(f"unreadable {exc.errno}".encode())
        h.update(b"\0")


def _source_files() -> list[Path]:
    package = Path(__file__).resolve().parent
    return [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]


def _rules_files(config: Config) -> list[Path]:
    from .grounds.catalogue import rules_dir

    # The catalogue and the allowlist (pii.policy.rules_file) share this folder; policy is
    # not imported for its path: it loads presidio, a second of a re-run that scans nothing.
    folder = rules_dir()
    built_in = list(folder.glob("*.yaml")) if folder.is_dir() else []
    return built_in + [Path(p) for p in config.public_officials + config.grounds_files]


def _data_files() -> list[tuple[str, int, int]]:
    """Word lists and OCR data by name, size and time: they are large and change only on an
    install, so reading them at every start would cost more than it guards."""
    from .ingest import ocr
    from .pii import lexicon

    found: list[Path] = list(lexicon._paths())
    engine = ocr.engine()
    if engine:
        found += sorted(Path(engine.tessdata).glob("*.traineddata"))
        if engine.binary:  # an upgraded tesseract program reads differently, data unchanged
            found.append(Path(engine.binary))
    out = []
    for p in found:
        try:
            st = p.stat()
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), -1, -1))
    return out


def run_key(config: Config) -> bytes:
    """What every file's key shares in one run: computed once."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(FORMAT)
    h.update(f"woocheck {__version__}\0".encode())
    _digest_files(h, _source_files())
    for name in _LIBRARIES:
        try:
            h.update(f"{name} {version(name)}\0".encode())
        except PackageNotFoundError:
            h.update(f"{name} -\0".encode())
    # Every setting but the two that act on the report only: a setting added later is in
    # the key without anyone having to remember this place.
    settings = [(f.name, getattr(config, f.name)) for f in fields(config) if f.name not in _REPORT_ONLY]
    h.update(repr(settings).encode())
    _digest_files(h, _rules_files(config))
    h.update(repr(_data_files()).encode())
    h.update(repr([(k, os.environ.get(k)) for k in _ENVIRONMENT]).encode())
    return h.digest()


@dataclass(frozen=True)
class _Looked:
    key: str
    stat: tuple[int, int]  # size and mtime when hashed: a file changed since is not stored


class Cache:
    def __init__(self, folder: str | os.PathLike, config: Config):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._run = run_key(config)
        self._looked: dict[str, _Looked] = {}

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, path: str) -> Optional[FileResult]:
        """The stored result for this file as it is now, or None (and remember its key)."""
        try:
            before = os.stat(path)
            h = hashlib.sha256()
            with open(path, "rb") as f:
                while chunk := f.read(1 << 20):
                    h.update(chunk)
        except OSError:
            return None  # the scan reports why it cannot be read
        key = hashlib.sha256(self._run + b"\0".join(
            [os.path.abspath(path).encode("utf-8", "surrogateescape"), path.encode("utf-8", "surrogateescape"),
             h.digest()])).hexdigest()
        self._looked[path] = _Looked(key, (before.st_size, before.st_mtime_ns))
        try:
            with open(self._entry(key), "rb") as f:
                stored_key, result = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return None  # absent, or damaged: scan again and overwrite
        return result if stored_key == key and isinstance(result, FileResult) else None

    def put(self, result: FileResult) -> bool:
        """Store a clean result for a file looked up before; False when it is not stored."""
        looked = self._looked.pop(result.path, None)
        if looked is None or result.error:
            return False
        try:
            st = os.stat(result.path)
            if (st.st_size, st.st_mtime_ns) != looked.stat:  # changed while it was scanned
                return False
            target = self._entry(looked.key)
            target.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((looked.key, result), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target)  # atomic: a concurrent writer's entry is equal anyway
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return False  # a full disk or a read-only cache slows the next run, no more
        return True

