"""mubiao bench [PATH...]: extraction speed against a bare regex scan, in the same run."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

from mubiao import __version__, compiled
from mubiao.evaluate.bench import bench


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("bench", help="time extraction against a bare regex scan for numbers")
    p.add_argument(
        "paths", nargs="*", default=["corpus"], help="UTF-8 .txt files, or folders of them (default: corpus)"
    )
    p.add_argument("--repeat", type=int, default=5, help="runs of each, the best is kept (default: 5)")
    p.set_defaults(func=run)


def _texts(paths: list[str]) -> list[str]:
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return [f.read_text(encoding="utf-8-sig") for f in files]


def run(args: argparse.Namespace) -> int:
    try:
        texts = _texts(args.paths)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"mubiao bench: {exc}", file=sys.stderr)
        return 1
    if not texts:
        print(f"mubiao bench: no .txt files in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    r = bench(texts, repeat=args.repeat)
    load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
    print(
        f"mubiao {__version__}, Python {platform.python_version()}, one process, best of {args.repeat}"
        f" (CPU time of the extracting thread; load average {load})"
    )
    loaded = compiled.status()
    print(
        f"code         {sum(loaded.values())} of {len(loaded)} modules of the extractor compiled"
        " (mubiao compile; MUBIAO_PURE_PYTHON=1 reads them all from source)"
    )
    print(f"corpus       {r.documents} documents, {r.characters:,} characters, {r.records:,} records")
    print(f"extraction   {r.extract_cps:>14,.0f} chars/s  ({r.extract_seconds * 1000:.1f} ms)")
    print(
        f"first pass   {r.first_cps:>14,.0f} chars/s  ({r.first_seconds * 1000:.1f} ms: the texts read once,"
        " before the caches of a batch hold their words)"
    )
    print(f"bare scan    {r.scan_cps:>14,.0f} chars/s  ({r.scan_seconds * 1000:.1f} ms)")
    print(f"ratio        extraction takes {r.ratio:.1f}x the time of the bare scan")
    print(
        f"peak memory  {r.peak_rss_mib:.1f} MiB RSS (process), {r.peak_traced_mib:.1f} MiB allocated by extraction"
    )
    print("inputs that once took quadratic time (4x the input: linear 4, quadratic 16)")
    for g in r.growth:
        print(f"  {g.name:<26} {g.characters:,} chars in {g.seconds * 1000:7.1f} ms, growth {g.ratio:4.1f}")
    return 0
