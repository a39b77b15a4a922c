"""Parse throughput on one core: protocols/s and MB/s.

    python benchmarks/parse_bench.py [PATH ...] [--repeat N]

PATH defaults to ../shared/protocols (the four real protocols). Text is read once; the
figures time extraction (normalise + extract) and, separately, reading + extraction.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from samgraf.loaders import iter_protocol_paths, parse_document, read_document


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(__file__).resolve().parents[1].parent / "shared" / "protocols"
    ap.add_argument("paths", nargs="*", default=[str(default)])
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    paths = list(iter_protocol_paths(args.paths))
    docs = [read_document(p) for p in paths]
    size = sum(len(p.read_bytes()) for p in paths)
    for doc in docs:  # warm caches (lexicons, reference data, regexes)
        parse_document(doc)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for doc in docs:
            parse_document(doc)
    extract_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for p in paths:
            parse_document(read_document(p))
    full_s = time.perf_counter() - t0
    n = len(docs) * args.repeat
    mb = size * args.repeat / 1e6
    print(f"| input | protocols | MB | protocols/s | MB/s |")
    print(f"|---|---:|---:|---:|---:|")
    print(f"| extraction only | {n} | {mb:.2f} | {n / extract_s:.0f} | {mb / extract_s:.2f} |")
    print(f"| read + extraction | {n} | {mb:.2f} | {n / full_s:.0f} | {mb / full_s:.2f} |")


if __name__ == "__main__":
    main()
