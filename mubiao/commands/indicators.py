"""mubiao indicators: the indicator taxonomy, one line an indicator, with how many records of a
store carry each id."""

from __future__ import annotations

import argparse
import csv
import sys

from sqlalchemy import func, select

from mubiao.store import DEFAULT_URL
from mubiao.taxonomy.table import taxonomy

COLUMNS = ("id", "name", "en", "family", "direction", "parent", "source", "records")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("indicators", help="list the indicator taxonomy, with record counts of a store")
    p.add_argument("--db", help=f"count records of this store (e.g. {DEFAULT_URL}); without it, no counts")
    p.add_argument("--format", choices=("table", "tsv"), default="table", help="table (default) or tsv")
    p.set_defaults(func=run)


def record_counts(url: str) -> dict[str, int]:
    """Indicator id → how many records of the store carry it."""
    from mubiao.store import open_store
    from mubiao.store.models import RecordRow

    store = open_store(url, create=False)
    try:
        with store.session() as session:
            query = select(RecordRow.indicator, func.count()).group_by(RecordRow.indicator)
            return {ident: n for ident, n in session.execute(query) if ident}
    finally:
        store.close()


def run(args: argparse.Namespace) -> int:
    counts = record_counts(args.db) if args.db else None
    rows = []
    for entry in taxonomy().values():
        n = "" if counts is None else str(counts.get(entry.id, 0))
        rows.append(
            (
                entry.id,
                entry.name,
                entry.en,
                entry.family,
                entry.direction,
                entry.parent or "",
                entry.source,
                n,
            )
        )
    if counts is not None:
        rows.sort(key=lambda row: -int(row[-1]))
    if args.format == "tsv":
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return 0
    for row in rows:
        count = f"{row[7]:>7}  " if counts is not None else ""
        parent = f"  ⊂ {row[5]}" if row[5] else ""
        print(f"{count}{row[0]:<40} {row[1]}  ({row[2]}){parent}")
    if counts is not None:
        print(f"{len(rows)} indicators, {sum(counts.values())} records with an id", file=sys.stderr)
    return 0
