"""Archive scale: the local pool against a Dask cluster on this machine with the same
cores, the result cache's re-run, and a projection for a 1,000,000-page archive.

1. Builds a batch (benchmarks/bench_batch.py: e-mail pages with boxes and grounds, every
   fifth page a scan with an OCR layer) and a few image-only pages (every page OCR'd).
2. Times `woocheck scan` as a user runs it (a new process, start-up included):
   - local pool, --jobs N
   - `dask scheduler` + `dask worker --nworkers N --nthreads 1` on localhost, the workers
     warmed by a first run, then --executor dask (the files read by path, and again with
     --send-files); the reports must equal the local one
   - --cache: a first run that fills the cache and a re-run, which must be identical
3. Per-page CPU costs from one worker (born-digital, scan with OCR layer, image-only page)
   and the projection: core-hours for 1,000,000 pages (two thirds born-digital, one third
   scans that need OCR, as the public archive is described) and hours per cluster size,
   with the cluster's measured efficiency against the local pool.

Run: python benchmarks/bench_cluster.py [--files 50] [--pages 10] [--image-only 4] [--workers 2] [--repeat 2]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_batch  # noqa: E402


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env["CI"] = "true"  # no progress bar
    return env


def scan(*args: str) -> tuple[float, str]:
    """Seconds for one `woocheck scan ... --format json`, and the report."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "woocheck.cli", "scan", *args, "--format", "json"],
                         env=_env(), capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - started
    if out.returncode not in (0, 1):
        raise SystemExit(f"woocheck failed ({out.returncode}): {out.stderr[-2000:]}")
    return took, out.stdout


class Cluster:
    """`dask scheduler` and `dask worker` on localhost, stopped on exit."""

    def __init__(self, folder: Path, workers: int):
        info = folder / "scheduler.json"
        dask = [sys.executable, "-m", "dask"]
        self.log = open(folder / "cluster.log", "w")
        self.procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", "0",
                                               "--dashboard-address", ":0", "--scheduler-file", str(info)],
                                       start_new_session=True, env=_env(), stdout=self.log, stderr=self.log)]
        while not info.exists():
            time.sleep(0.2)
        self.procs.append(subprocess.Popen(
            dask + ["worker", "--scheduler-file", str(info), "--nworkers", str(workers), "--nthreads", "1",
                    "--memory-limit", "0", "--dashboard-address", ":0", "--local-directory", str(folder)],
            start_new_session=True, env=_env(), stdout=self.log, stderr=self.log))
        self.address = json.loads(info.read_text())["address"]
        import distributed

        with distributed.Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for p in reversed(self.procs):
            p.terminate()
            p.wait(30)
        self.log.close()


def per_page_cost(paths: list[Path], pages: int) -> float:
    """Seconds of one worker per page, start-up taken off (a one-file run of the first)."""
    took, _ = scan(*map(str, paths), "--jobs", "1")
    start, _ = scan(str(paths[0]), "--jobs", "1")
    one = start  # a one-file run: start-up plus that file
    per_file_pages = pages / len(paths)
    return max(0.0, took - one) / max(1.0, pages - per_file_pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--image-only", type=int, default=4, help="image-only (OCR) pages for the per-page cost; 0: skip")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved runs of local and dask; the best is kept")
    args = ap.parse_args()
    n = args.workers
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "mixed").mkdir()
        mixed = bench_batch.build_batch(tmp / "mixed", args.files, args.pages)
        pages = args.files * args.pages
        print(f"load average at the start: {os.getloadavg()[0]:.1f}")
        print(f"batch: {pages} pages in {args.files} files, every fifth page a scan with an OCR layer; {n} cores")

        # Local and Dask runs interleaved, best of `--repeat` each: this machine is shared and
        # its speed drifts by a factor of two within minutes under other jobs.
        local_s = dask_s = sent_s = float("inf")
        same_dask = same_sent = True
        with Cluster(tmp, n) as cluster:
            on_dask = ("--executor", "dask", "--scheduler", cluster.address)
            scan(*map(str, mixed[: 2 * n]), *on_dask)  # warm every worker (warm-up, first child)
            for _ in range(args.repeat):
                took, local_report = scan(str(tmp / "mixed"), "--jobs", str(n))
                local_s = min(local_s, took)
                took, report = scan(str(tmp / "mixed"), *on_dask)
                dask_s, same_dask = min(dask_s, took), same_dask and report == local_report
                took, report = scan(str(tmp / "mixed"), *on_dask, "--send-files")
                sent_s, same_sent = min(sent_s, took), same_sent and report == local_report
        rows = [(f"local pool, --jobs {n}", local_s, ""),
                (f"dask, {n} workers x 1 thread", dask_s, "same" if same_dask else "DIFFERS"),
                ("dask, --send-files", sent_s, "same" if same_sent else "DIFFERS")]
        cache = tmp / "cache"
        fill_s, fill_report = scan(str(tmp / "mixed"), "--jobs", str(n), "--cache", str(cache))
        hit_s, hit_report = scan(str(tmp / "mixed"), "--jobs", str(n), "--cache", str(cache))
        rows.append(("local, --cache (first run, fills it)", fill_s, "same" if fill_report == local_report else "DIFFERS"))
        rows.append(("local, --cache (re-run, unchanged)", hit_s, "same" if hit_report == fill_report else "DIFFERS"))

        print(f"\n| run {'':34} | seconds | pages/s | report vs local |")
        print(f"|{'-' * 40}|---------|---------|-----------------|")
        for name, s, same in rows:
            print(f"| {name:38} | {s:7.2f} | {pages / s:7.1f} | {same:15} |")
        print(f"\ncache re-run: {fill_s / hit_s:.1f}x faster than the run that filled it "
              f"({local_s / hit_s:.1f}x faster than the run without --cache)")
        efficiency = local_s / dask_s
        print(f"dask against the local pool on the same cores: {efficiency:.2f} (pages/s ratio)")

        # Per-page costs, one worker, start-up taken off.
        (tmp / "born").mkdir()
        born = bench_batch.build_batch(tmp / "born", 20, args.pages, scan_every=0)
        c_born = per_page_cost(born, 20 * args.pages)
        c_mixed = per_page_cost(mixed, pages)
        c_scan = max(0.0, (c_mixed * 5 - c_born * 4))  # a fifth of the mixed pages are scans
        print(f"\nper page, one worker: born-digital {c_born * 1000:.0f} ms, scan with OCR layer {c_scan * 1000:.0f} ms",
              end="")
        c_ocr = None
        if args.image_only:
            (tmp / "ocr").mkdir()
            ocr = bench_batch.build_image_only(tmp / "ocr", args.image_only, 1)
            c_ocr = per_page_cost(ocr, args.image_only) if args.image_only > 1 else None
            if c_ocr:
                print(f", image-only page (OCR) {c_ocr:.2f} s", end="")
        print()
        if c_ocr:
            core_s = 1_000_000 * (2 / 3 * c_born + 1 / 3 * c_ocr)
            print(f"\n1,000,000 pages (2/3 born-digital, 1/3 scans OCR'd): {core_s / 3600:,.0f} core-hours "
                  f"at these costs; with the measured dask efficiency {efficiency:.2f}:")
            print("| cores in the cluster | hours | hours if the scans carry an OCR layer (no OCR) |")
            print("|---|---|---|")
            mixed_ocr = 1_000_000 * (2 / 3 * c_born + 1 / 3 * c_scan)
            for cores in (2, 16, 64, 256, 1024):
                print(f"| {cores} | {core_s / cores / efficiency / 3600:,.1f} | "
                      f"{mixed_ocr / cores / efficiency / 3600:,.1f} |")
            print(f"cache: a re-run of the unchanged archive costs the hashing of its files "
                  f"(here {hit_s / pages * 1_000_000 / 3600:.2f} h for a million pages, start-up included)")


if __name__ == "__main__":
    main()
