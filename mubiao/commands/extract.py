"""mubiao extract FILE...: records as JSON Lines or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from mubiao.extract.pipeline import extract_document
from mubiao.record import RECORD_FIELDS, Document


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("extract", help="print the records found in documents")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--published", help="publication date YYYY-MM-DD (else read from each document)")
    p.add_argument("--region", help="region the documents speak for")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=run)


def read_text_files(paths: list[str]) -> Iterator[Document | tuple[str, str]]:
    """Documents, or (path, reason) for inputs that cannot be read as text."""
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            yield path, exc.strerror or str(exc)
            continue
        if b"\x00" in data[:4096]:
            yield path, "binary file, not text"
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield path, f"not valid UTF-8 at byte {exc.start}"
            continue
        yield Document(text=text, id=path)


def run(args: argparse.Namespace) -> int:
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    failed = 0
    writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS) if args.format == "csv" else None
    if writer:
        writer.writeheader()
    try:
        for item in read_text_files(args.paths):
            if isinstance(item, tuple):
                failed += 1
                print(f"mubiao: {item[0]}: {item[1]}", file=sys.stderr)
                continue
            if args.published:
                item.published = args.published
            if args.region:
                item.region = args.region
            for record in extract_document(item):
                if writer:
                    writer.writerow(record.to_dict())
                else:
                    out.write(record.to_json() + "\n")
    finally:
        if args.output:
            out.close()
    return 1 if failed else 0
