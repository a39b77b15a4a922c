"""Load pipeline figures: full load, incremental re-load, library queries.

    python benchmarks/load_bench.py CORPUS --store DIR [--jobs N] [--touch] [--queries]

Runs ``samgraf load CORPUS --store DIR --jobs N -q`` in a fresh store (unless --keep) and
prints wall time and the peak resident memory of the whole process tree (the command and its
parsing workers, sampled every 0.2 s from /proc). With --touch it then appends a line to one
protocol file, loads again (only that file is re-parsed), restores the file and prints that
time. With --queries it times each library query on the store (best of three).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

PARAMS = {
    "members_at_date": ["body=SVOM", "date=2018-06-30"],
    "decisions_in_period": ["body=SVOM", "from=2018-01-01", "to=2018-12-31"],
    "decisions_about_agreement": ["agreement=LOSUS"],
}


def _tree_rss(pid: int) -> int:
    """Resident kB of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run(args: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak tree RSS in MB, stdout of a samgraf command."""
    exe = str(Path(sys.executable).with_name("samgraf"))
    start = time.perf_counter()
    process = subprocess.Popen([exe, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"samgraf {' '.join(args)} failed ({process.returncode}):\n{err[-2000:]}")
    return wall, peak[0] // 1024, out.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--store", required=True)
    ap.add_argument("--jobs", type=int, default=0, help="0: all cores")
    ap.add_argument("--keep", action="store_true", help="load into the existing store instead of a fresh one")
    ap.add_argument("--no-load", action="store_true", help="skip the full load (use the store as it is)")
    ap.add_argument("--touch", action="store_true", help="then change one file and load again")
    ap.add_argument("--queries", action="store_true", help="then time each library query")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = sorted(p for p in corpus.rglob("*.txt"))
    print(f"corpus {corpus}: {len(files)} protocol files, {sum(p.stat().st_size for p in files) / 1e6:.0f} MB")
    if not args.no_load:
        if not args.keep:
            shutil.rmtree(args.store, ignore_errors=True)
        wall, peak, summary = run(["load", str(corpus), "--store", args.store, "-q", "--jobs", str(args.jobs)])
        print(f"load --jobs {args.jobs or os.cpu_count()}: {wall:.1f} s, {len(files) / wall:.1f} protocols/s, "
              f"peak RSS {peak} MB; {summary}")
    if args.touch:
        target = files[len(files) // 2]
        original = target.read_bytes()
        try:
            target.write_bytes(original + "\nTillägg för mätning.\n".encode("utf-8"))
            wall, peak, summary = run(["load", str(corpus), "--store", args.store, "-q", "--jobs", str(args.jobs)])
            print(f"re-load with {target.name} changed: {wall:.1f} s, peak RSS {peak} MB; {summary}")
        finally:
            target.write_bytes(original)
        wall, peak, summary = run(["load", str(corpus), "--store", args.store, "-q", "--jobs", str(args.jobs)])
        print(f"re-load with it restored: {wall:.1f} s; {summary}")
    if args.queries:
        from samgraf.graph.api import query_names, run_query
        from samgraf.graph.store import open_store

        with open_store(args.store) as store:
            for name in query_names():
                params = dict(p.split("=", 1) for p in PARAMS.get(name, []))
                times, rows = [], 0
                for _ in range(3):
                    start = time.perf_counter()
                    rows = len(run_query(store, name=name, params=params).rows)
                    times.append(time.perf_counter() - start)
                print(f"query {name}: {min(times):.3f} s, {rows} rows")


if __name__ == "__main__":
    main()
