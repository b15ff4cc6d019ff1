#!/usr/bin/env python3
"""Peak memory of reading a JSON Lines corpus with mubiao.ingest, to show that it stays flat
whatever the corpus size.

    .venv/bin/python scripts/measure_ingest_rss.py --size 1G /tmp/corpus.jsonl   # writes, reads, deletes

The corpus is built from the provincial work reports in ../shared/corpus (one row per report,
repeated until the size is reached). Reading happens in a fresh process, so that its peak RSS
(ru_maxrss of the child) measures the reader alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORTS = sorted((REPO.parent / "shared" / "corpus").glob("2026_*.txt"))
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def parse_size(text: str) -> int:
    return int(float(text[:-1]) * UNITS[text[-1].upper()]) if text[-1].upper() in UNITS else int(text)


def make_jsonl(path: Path, size: int) -> int:
    """Writes rows (id, title, province, publish_date, full_text) until ``size`` bytes; returns rows."""
    lines = []
    for path_ in REPORTS:
        province = path_.stem.split("_")[1]
        row = {"title": path_.stem, "province": province, "publish_date": "2026-02-01", "full_text": path_.read_text(encoding="utf-8")}
        lines.append(row)
    written = rows = 0
    with open(path, "w", encoding="utf-8") as handle:
        while written < size:
            row = dict(lines[rows % len(lines)], id=f"r{rows}")
            line = json.dumps(row, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            rows += 1
    return rows


def read_in_child(path: Path) -> dict:
    """Reads every row in a fresh interpreter; returns its counts, seconds and peak RSS in MiB."""
    code = (
        "import json, resource, sys, time\n"
        "from mubiao.ingest import IngestOptions, ReadError, read_source\n"
        "start = time.perf_counter(); docs = errors = chars = 0\n"
        "for item in read_source(sys.argv[1], IngestOptions(id_column='id')):\n"
        "    if isinstance(item, ReadError): errors += 1\n"
        "    else: docs += 1; chars += len(item.text)\n"
        "print(json.dumps({'documents': docs, 'errors': errors, 'chars': chars,"
        " 'seconds': round(time.perf_counter() - start, 1),"
        " 'peak_rss_mib': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where to write the corpus (deleted afterwards)")
    parser.add_argument("--size", default="1G", help="corpus size: 1G, 200M… (default 1G)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus file")
    args = parser.parse_args()
    size = parse_size(args.size)
    try:
        rows = make_jsonl(args.path, size)
        result = read_in_child(args.path)
        result.update(file_mib=round(args.path.stat().st_size / (1 << 20), 1), rows_written=rows)
        print(json.dumps(result))
    finally:
        if not args.keep:
            args.path.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
