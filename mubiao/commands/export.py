"""mubiao export: the store's records, documents and tracking tables, with a codebook."""

from __future__ import annotations

import argparse
from pathlib import Path

from mubiao.commands.track import add_tolerance_flags, tolerance_of
from mubiao.export import FORMATS
from mubiao.store import DEFAULT_URL


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="write records, documents and tracking tables with a codebook")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("--db", default=DEFAULT_URL, help=f"SQLAlchemy database URL (default: {DEFAULT_URL})")
    p.add_argument("-o", "--output", default=".", metavar="DIR", help="directory to write into (default: .)")
    add_tolerance_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mubiao.export import export
    from mubiao.store import open_store

    store = open_store(args.db)
    try:
        for path in export(store, Path(args.output), args.format, tolerance=tolerance_of(args)):
            print(path)
    finally:
        store.close()
    return 0
