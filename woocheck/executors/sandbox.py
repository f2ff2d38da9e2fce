"""The Dask side: a task scans its file in a forked child of the Dask worker process, with
the same time limit, memory cap and retirement rules as the local pool (batch.py).

Why a child and not the task's own thread: a thread cannot be killed, so a file that hangs
pymupdf in C code would hold a Dask thread for good, and one that crashes it would take
the whole Dask worker (and the files it holds) down. The child is forked with os.fork, not
multiprocessing: Dask's nanny starts its workers as daemonic processes, and those may not
have multiprocessing children. Each Dask thread keeps its own child across tasks, forked
from a worker process that was warmed up once, as the local pool does.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import tempfile
import threading
from multiprocessing.connection import Connection
from typing import Optional

from ..batch import RETIRE_ABOVE_MB, RETIRE_AFTER_FILES, WORKER_GC_THRESHOLD, _limit_memory, _resident_mb, warm_up
from ..config import Config
from ..model import FileResult

_local = threading.local()
_warm_lock = threading.Lock()
_warmed: set[Config] = set()
_parent_ends: set[Connection] = set()  # every child closes its siblings' pipes (else no EOF)


def scan_task(name: str, data: Optional[bytes], cwd: str, config: Config, timeout: float, memory_mb: int) -> FileResult:
    """One file, run as a Dask task. `name` is the path as the client gave it; `data` its
    bytes with --send-files (else the file is read by path, on shared storage); `cwd` the
    client's working folder, so relative paths and per-path ignores mean the same here."""
    if data is None:
        return _scan(name, None, cwd, config, timeout, memory_mb)
    with tempfile.TemporaryDirectory(prefix="woocheck-") as tmp:
        copy = os.path.join(tmp, os.path.basename(name) or "file")  # WOO408 reads the file name
        with open(copy, "wb") as f:
            f.write(data)
        return _scan(copy, name, cwd, config, timeout, memory_mb)


def _scan(read_from: str, name: Optional[str], cwd: str, config: Config, timeout: float, memory_mb: int) -> FileResult:
    with _warm_lock:
        if config not in _warmed:  # once per worker process and configuration
            warm_up(config)
            _warmed.add(config)
    box: Optional[_Child] = getattr(_local, "child", None)
    if box is None or box.config != config or box.memory_mb != memory_mb:
        if box is not None:
            box.stop()
        box = _local.child = _Child(config, memory_mb)
    return box.scan(read_from, name, cwd, timeout)


def _scan_here(read_from: str, name: Optional[str], cwd: str, config: Config, memory_mb: int) -> FileResult:
    from ..pipeline import scan_file

    if os.path.isdir(cwd) and os.getcwd() != cwd:
        os.chdir(cwd)  # only ever in a child: the Dask worker's own threads share its folder
    try:
        return scan_file(read_from, config, name=name)
    except MemoryError:
        return FileResult(path=name or read_from, pages=0,
                          error=f"needs more than {memory_mb} MB of memory (decompression bomb?)")


def _child_loop(conn: Connection, config: Config, memory_mb: int) -> None:
    _limit_memory(memory_mb)
    gc.set_threshold(*WORKER_GC_THRESHOLD)
    served = 0
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        read_from, name, cwd = job
        result = _scan_here(read_from, name, cwd, config, memory_mb)
        served += 1
        retiring = bool(result.error) or served >= RETIRE_AFTER_FILES or _resident_mb() > RETIRE_ABOVE_MB
        try:
            conn.send((result, retiring))
        except Exception as exc:  # a result that cannot be pickled is a bug: say so, do not hang
            conn.send((FileResult(path=name or read_from, pages=0,
                                  error=f"internal error (result not transferable: {type(exc).__name__})"), True))
            retiring = True
        if retiring:
            return


class _Child:
    def __init__(self, config: Config, memory_mb: int):
        self.config, self.memory_mb = config, memory_mb
        self.pid = 0
        self.conn: Optional[Connection] = None

    def _start(self) -> None:
        parent, child = mp.Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:  # the child: never return into Dask's code
            code = 0
            try:
                parent.close()
                for end in list(_parent_ends):
                    end.close()
                _child_loop(child, self.config, self.memory_mb)
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        child.close()
        self.pid, self.conn = pid, parent
        _parent_ends.add(parent)

    def stop(self, kill: bool = False) -> Optional[int]:
        """End the child; its exit code, negative for a signal (None if unknown)."""
        if not self.pid:
            return None
        if kill:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
                pass
        _parent_ends.discard(self.conn)
        self.conn.close()
        try:
            _, status = os.waitpid(self.pid, 0)
            code = os.waitstatus_to_exitcode(status)
        except ChildProcessError:
            code = None
        self.pid, self.conn = 0, None
        return code

    def scan(self, read_from: str, name: Optional[str], cwd: str, timeout: float) -> FileResult:
        shown = name or read_from
        for attempt in (1, 2):  # a child that died idle gets replaced once
            if not self.pid:
                self._start()
            try:
                self.conn.send((read_from, name, cwd))
                break
            except OSError:
                self.stop(kill=True)
                if attempt == 2:
                    return FileResult(path=shown, pages=0, error="worker crashed (died before it could start)")
        if not self.conn.poll(timeout):
            self.stop(kill=True)
            return FileResult(path=shown, pages=0, error=f"timed out after {timeout:g} s (--timeout-per-file)")
        try:
            result, retiring = self.conn.recv()
        except (EOFError, OSError):
            code = self.stop(kill=True)
            reason = f"killed by signal {-code}" if code and code < 0 else f"exit code {code}"
            return FileResult(path=shown, pages=0, error=f"worker crashed ({reason})")
        if retiring:
            self.stop()
        return result
