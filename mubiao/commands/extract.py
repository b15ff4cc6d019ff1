"""mubiao extract INPUT...: records as JSON Lines or CSV."""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from contextlib import ExitStack
from dataclasses import dataclass
from tempfile import SpooledTemporaryFile
from typing import IO

from mubiao.extract.chunks import extract_in_chunks
from mubiao.extract.failures import extract_each
from mubiao.ingest import iter_documents
from mubiao.ingest.limits import timed
from mubiao.ingest.progress import Tally, add_input_flags, options_from_args, track
from mubiao.ingest.sources import check_output
from mubiao.record import RECORD_FIELDS, Document
from mubiao.scale.cli import add_engine_flags, run_extract

# a document's records are held in memory up to this size, then in a temporary file
SPOOL_BYTES = 8 << 20


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
        if args.format == "csv":
            csv.DictWriter(out, fieldnames=RECORD_FIELDS).writeheader()
        options = options_from_args(args)
        documents = iter_documents(args.paths, options)

        def spool(document: Document) -> Spooled:
            return spool_records(document, args.format)

        for _, spooled in track(extract_each(documents, timed(spool, options.limits)), tally):
            with spooled.rows:
                spooled.rows.seek(0)
                shutil.copyfileobj(spooled.rows, out)
            tally.records += spooled.count
    print(f"mubiao: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0


@dataclass(slots=True)
class Spooled:
    """A document's records written as rows of the output, and how many."""

    rows: IO[str]
    count: int


def spool_records(document: Document, fmt: str) -> Spooled:
    """The records of ``document``, extracted a chunk at a time (memory bounded by the chunk, not the
    text), written as JSON Lines or CSV rows into a spool that is copied to the output only when the
    whole document has been read: a document that fails half-way writes nothing."""
    # closed by the caller once copied, or here when the document fails
    rows = SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")  # noqa: SIM115
    count = 0
    try:
        writer = csv.DictWriter(rows, fieldnames=RECORD_FIELDS) if fmt == "csv" else None
        for records in extract_in_chunks(document):
            for record in records:
                if writer:
                    writer.writerow(record.to_dict())
                else:
                    rows.write(record.to_json() + "\n")
            count += len(records)
    except BaseException:
        rows.close()
        raise
    return Spooled(rows, count)
