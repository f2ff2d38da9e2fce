"""`--executor dask --scheduler ADDRESS`: each file a task on a Dask distributed cluster.

Only a window of tasks is in flight (twice the cluster's threads): a batch of 100,000
files never holds 100,000 futures, nor with --send-files 100,000 files' bytes. Results
come back as they finish and the next file is submitted for each, largest files first as
in the local pool. A task scans its file in a killable child of the Dask worker
(sandbox.py), so the time limit, memory cap and crash report mean what they mean locally;
a Dask worker that dies anyway (the kernel's OOM killer) costs the scheduler's retries
and then the file is reported with KilledWorker while the batch goes on.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from ..batch import _largest_first
from ..config import Config
from ..errors import one_line
from ..model import FileResult
from . import ExecutorError

INSTALL_HINT = '--executor dask needs Dask distributed: pip install "woocheck[dask]"'
CONNECT_TIMEOUT = 20  # seconds; an address with no scheduler is a usage error, not a hang


def code_digest() -> str:
    """A digest of the woocheck source a process runs: client and workers must agree, or
    the report would depend on which machine scanned a file (and the cache would lie)."""
    import hashlib

    from ..cache import _digest_files, _source_files

    h = hashlib.sha256()
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    _digest_files(h, _source_files())
    return h.hexdigest()[:16] + " " + package


class DaskRunner:
    def __init__(self, scheduler: str, timeout: float, send_files: bool, memory_mb: int):
        try:
            import distributed
        except ImportError:
            raise ExecutorError(INSTALL_HINT) from None
        self.timeout, self.send_files, self.memory_mb = timeout, send_files, memory_mb
        try:
            self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler} ({one_line(exc)})") from None
        self._check_workers()

    def _check_workers(self) -> None:
        mine = code_digest().split(" ")[0]
        try:
            theirs = self.client.run(code_digest)
        except Exception as exc:  # woocheck missing on a worker
            self.close()
            raise ExecutorError(f"a Dask worker cannot run woocheck ({one_line(exc)}); install woocheck on every worker")
        other = {w: d for w, d in theirs.items() if d.split(" ")[0] != mine}
        if other:
            self.close()
            worker, digest = next(iter(other.items()))
            raise ExecutorError(f"Dask worker {worker} runs other woocheck code ({digest.split(' ')[1]}) than this "
                                "client; install the same woocheck on every worker")

    def close(self) -> None:
        self.client.close()

    def _window(self) -> int:
        threads = sum(self.client.nthreads().values())
        return max(2, 2 * threads)

    def __call__(self, paths: Iterable[str], config: Config) -> Iterator[FileResult]:
        from asyncio import CancelledError

        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        from .sandbox import scan_task

        cwd = os.getcwd()
        todo = iter(_largest_first(list(paths)))
        flying: dict = {}
        queue = as_completed(loop=self.client.loop)
        window = self._window()

        def submit() -> bool:
            for path in todo:
                data = None
                if self.send_files:
                    try:
                        with open(path, "rb") as f:
                            data = f.read()
                    except OSError:
                        data = None  # the worker then reports why the path cannot be read
                future = self.client.submit(scan_task, path, data, cwd, config, self.timeout, self.memory_mb,
                                            pure=False)
                flying[future] = path
                queue.add(future)
                return True
            return False

        while len(flying) < window and submit():
            pass
        done = 0
        for future in queue:
            path = flying.pop(future)
            try:
                result = future.result()
            except KilledWorker as exc:
                result = FileResult(path=path, pages=0, error=f"Dask worker died while scanning it ({one_line(exc)})")
            except (Exception, CancelledError) as exc:  # scheduler lost (a cancelled future is no Exception)
                result = FileResult(path=path, pages=0, error=f"Dask task failed ({one_line(exc)})")
            future.release()
            done += 1
            if done % 200 == 0:  # workers may join or leave during a long batch
                window = self._window()
            while len(flying) < window and submit():
                pass
            yield result
