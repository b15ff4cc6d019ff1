"""mubiao extract INPUT...: records as JSON Lines or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from contextlib import ExitStack

from mubiao.extract.failures import extract_each
from mubiao.extract.pipeline import extract_document
from mubiao.ingest import iter_documents
from mubiao.ingest.limits import timed
from mubiao.ingest.progress import Tally, add_input_flags, options_from_args, track
from mubiao.ingest.sources import check_output
from mubiao.record import RECORD_FIELDS
from mubiao.scale.cli import add_engine_flags, run_extract


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("extract", help="print the records found in documents")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="INPUT",
        help="files (txt, html, pdf, docx, csv, tsv, jsonl, parquet, warc), directories, globs, or - for stdin",
    )
    add_input_flags(p)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    add_engine_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.output:
        check_output(args.output, args.paths)
    if args.engine == "dask":  # Parquet shards in the -o directory, written by the workers
        return run_extract(args.paths, options_from_args(args), args)
    tally = Tally()
    with ExitStack() as stack:
        out = (
            stack.enter_context(open(args.output, "w", encoding="utf-8", newline=""))
            if args.output
            else sys.stdout
        )
        writer = csv.DictWriter(out, fieldnames=RECORD_FIELDS) if args.format == "csv" else None
        if writer:
            writer.writeheader()
        options = options_from_args(args)
        documents = iter_documents(args.paths, options)
        for _, records in track(extract_each(documents, timed(extract_document, options.limits)), tally):
            for record in records:
                tally.records += 1
                if writer:
                    writer.writerow(record.to_dict())
                else:
                    out.write(record.to_json() + "\n")
    print(f"mubiao: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0
