"""mubiao ingest PATH...: read documents, extract their records and keep both in the store."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from mubiao.ingest import ReadError
from mubiao.ingest.progress import add_input_flags, options_from_args
from mubiao.record import Document
from mubiao.scale.cli import add_engine_flags, run_ingest
from mubiao.store import DEFAULT_URL


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest", help="read, extract and store documents (same content is stored once)"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or corpus tables")
    p.add_argument("--db", default=DEFAULT_URL, help=f"SQLAlchemy database URL (default: {DEFAULT_URL})")
    add_input_flags(p)
    p.add_argument("-q", "--quiet", action="store_true", help="only the summary")
    add_engine_flags(p, work_dir=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    if args.engine == "dask":  # the workers write to the store
        return run_ingest(args.paths, options, args, args.db)
    settings = {"inputs": args.paths, "options": dataclasses.asdict(options)}
    failed = 0

    def on_document(document: Document, created: bool, n_records: int) -> None:
        for warning in document.warnings:
            print(f"mubiao: {document.id}: warning: {warning}", file=sys.stderr)
        if not args.quiet:
            state = f"{n_records} records" if created else "already stored"
            print(f"{document.id}: {state}", file=sys.stderr)

    def on_error(error: ReadError) -> None:
        nonlocal failed
        failed += not getattr(error, "skipped", False)
        print(f"mubiao: {error}", file=sys.stderr)

    from mubiao.extract.chunks import extract_all
    from mubiao.ingest import iter_documents
    from mubiao.ingest.limits import timed
    from mubiao.store import open_store
    from mubiao.store.ingest import ingest

    store = open_store(args.db)
    try:
        report = ingest(
            store,
            iter_documents(args.paths, options),
            extractor=timed(extract_all, options.limits),
            settings=settings,
            on_document=on_document,
            on_error=on_error,
        )
    finally:
        store.close()
    print(
        f"run {report.run_id}: {report.documents_added} documents added ({report.records_added} records), "
        f"{report.documents_skipped} already stored, {len(report.errors)} not read",
        file=sys.stderr,
    )
    return 1 if failed else 0
