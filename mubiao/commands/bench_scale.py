"""mubiao bench-scale TEXT...: documents and characters per second of the local engine and of
Dask with 1 and N workers, on one corpus generated from the texts (one document per paragraph)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "bench-scale",
        help="throughput of the local and Dask engines on a generated corpus, and the scaling ratio",
    )
    p.add_argument(
        "texts", nargs="+", metavar="TEXT", help="UTF-8 text files whose paragraphs make the corpus"
    )
    p.add_argument("--docs", type=int, default=5000, help="documents in the generated corpus (default 5000)")
    p.add_argument("--workers", type=int, default=2, help="workers of the largest Dask run (default 2)")
    p.add_argument("--partition-size", type=int, default=250, help="documents per partition (default 250)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mubiao.scale.bench import bench_scale, format_table

    rows, size = bench_scale([Path(t) for t in args.texts], args.docs, args.workers, args.partition_size)
    print(f"corpus: {size} documents (one paragraph each) from {len(args.texts)} texts")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at the end of the run")
    print(format_table(rows))
    return 0
