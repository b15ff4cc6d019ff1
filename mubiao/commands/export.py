"""mubiao export: the store's records, documents and tracking tables, with a codebook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mubiao.commands.track import add_tolerance_flags, tolerance_of
from mubiao.export import FORMATS
from mubiao.store import DEFAULT_URL


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="write records, documents and tracking tables with a codebook")
    p.add_argument(
        "--format",
        type=formats,
        default=["csv"],
        help=f"one or more of {', '.join(FORMATS)}, separated by commas (default: csv)",
    )
    p.add_argument(
        "--bom",
        action="store_true",
        help="CSV files (the codebook's too) begin with a UTF-8 byte-order mark, so that Excel shows "
        "the Chinese right; without it (the default) they are plain UTF-8, as most tools expect",
    )
    p.add_argument(
        "--panel",
        action="store_true",
        help="write the research panel (one row per region × indicator × period target) instead",
    )
    p.add_argument("--db", default=DEFAULT_URL, help=f"SQLAlchemy database URL (default: {DEFAULT_URL})")
    p.add_argument("-o", "--output", default=".", metavar="DIR", help="directory to write into (default: .)")
    p.add_argument(
        "--reviewed-only",
        action="store_true",
        help="records and tracking from the records people accepted, corrected or added only",
    )
    p.add_argument(
        "--gold",
        action="store_true",
        help="write the reviewed documents as gold records (gold.jsonl, the texts under docs/) for mubiao eval",
    )
    add_tolerance_flags(p)
    p.set_defaults(func=run)


def formats(value: str) -> list[str]:
    """``csv,parquet,dta`` → the formats, each one of ``FORMATS``."""
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}: use {', '.join(FORMATS)}"
        )
    return list(dict.fromkeys(chosen))


def run(args: argparse.Namespace) -> int:
    from mubiao.export import export
    from mubiao.store import open_store

    store = open_store(args.db, create=False)
    try:
        if args.gold:
            return _gold(store, Path(args.output))
        paths = export(
            store,
            Path(args.output),
            args.format,
            tolerance=tolerance_of(args),
            reviewed_only=args.reviewed_only,
            panel=args.panel,
            bom=args.bom,
        )
        for path in paths:
            print(path)
    finally:
        store.close()
    return 0


def _gold(store, directory: Path) -> int:
    from mubiao.evaluate.store_gold import gold_from_store, write_gold

    gold = gold_from_store(store)
    for path in write_gold(gold, directory):
        print(path)
    print(
        f"mubiao export --gold: {len(gold.texts)} reviewed documents, {len(gold.records)} gold records"
        f"{f'; {gold.partly_reviewed} partly reviewed documents left out' if gold.partly_reviewed else ''}",
        file=sys.stderr,
    )
    return 0
