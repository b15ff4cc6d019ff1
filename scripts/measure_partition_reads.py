#!/usr/bin/env python3
"""Bytes read and seconds taken to read a JSON Lines corpus partition by partition, reaching each
partition by row counts (reading the file up to it) and by byte offsets (seeking to it).

    .venv/bin/python scripts/measure_partition_reads.py --size 500M --partitions 16 /tmp/corpus.jsonl

The corpus is written as in scripts/measure_ingest_rss.py (the provincial reports, one row each)
and deleted afterwards. Bytes are those the process read from files (``rchar`` of /proc/self/io,
Linux), so they count what the readers read, not what the page cache served.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure_ingest_rss import make_jsonl, parse_size  # noqa: E402

from mubiao.ingest import IngestOptions, count_units, read_source  # noqa: E402
from mubiao.scale.partition import Source, describe_input, file_sha256, plan_partitions  # noqa: E402

OPTIONS = IngestOptions(id_column="id")


def bytes_read() -> int:
    with open("/proc/self/io", encoding="ascii") as stream:
        return next(int(line.split()[1]) for line in stream if line.startswith("rchar:"))


def measure(sources: list[Source], seek: bool, whole: bool) -> dict[str, float]:
    """Reads every partition: to its first document only (the cost of reaching it), or whole."""
    began, before = time.perf_counter(), bytes_read()
    documents = 0
    for source in sources:
        for _ in read_source(source.path, OPTIONS, source.row_range(), source.span if seek else None):
            documents += 1
            if not whole:
                break
    return {
        "seconds": round(time.perf_counter() - began, 2),
        "mib_read": round((bytes_read() - before) / (1 << 20), 1),
        "documents": documents,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where to write the corpus (deleted afterwards)")
    parser.add_argument("--size", default="500M", help="corpus size: 500M, 2G… (default 500M)")
    parser.add_argument("--partitions", type=int, default=16, help="partitions to cut it into (default 16)")
    args = parser.parse_args()
    try:
        rows = make_jsonl(args.path, parse_size(args.size))
        size = args.path.stat().st_size
        path = str(args.path)

        began = time.perf_counter()
        count_units(path, OPTIONS)
        file_sha256(path)
        plan_by_counts = time.perf_counter() - began
        began = time.perf_counter()
        info = describe_input(path, OPTIONS, rows, -(-size // args.partitions))
        plan_by_offsets = time.perf_counter() - began
        sources = [s for p in plan_partitions([info], rows, -(-size // args.partitions)) for s in p.sources]

        result = {
            "file_mib": round(size / (1 << 20), 1),
            "rows": rows,
            "partitions": len(sources),
            "plan_seconds": {"counts": round(plan_by_counts, 2), "offsets": round(plan_by_offsets, 2)},
        }
        for whole in (False, True):
            key = "read_all" if whole else "reach_first_row"
            result[key] = {
                "by_rows": measure(sources, seek=False, whole=whole),
                "by_offsets": measure(sources, seek=True, whole=whole),
            }
        print(json.dumps(result, indent=1))
    finally:
        args.path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
