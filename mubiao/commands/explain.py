"""mubiao explain FILE...: every record with the words and rules that decided its fields."""

from __future__ import annotations

import argparse
import sys

from mubiao.extract import pipeline
from mubiao.extract.trace import RecordTrace
from mubiao.ingest.progress import published_flag


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("explain", help="print each record with the rules and words that decided it")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument(
        "--published", type=published_flag, help="publication date YYYY-MM-DD (else read from each document)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mubiao.ingest import IngestOptions, ReadError, iter_documents

    failed = 0
    for document in iter_documents(args.paths, IngestOptions(published=args.published)):
        if isinstance(document, ReadError):
            failed += 1
            print(f"mubiao: {document.input}: {document.reason}", file=sys.stderr)
            continue
        doc = pipeline.run(document)
        records = doc.records
        print(
            f"== {document.id} (published {document.published or 'unknown'}, "
            f"region {document.region or 'none'}, {len(records)} records)"
        )
        print(doc.structure.describe())
        for record, why in zip(records, doc.traces, strict=True):
            low_high = (
                record.value_low
                if record.value_low == record.value_high
                else (record.value_low, record.value_high)
            )
            print(
                f"{record.start:>6} {record.value_text}  →  {record.indicator or '-'} [{record.indicator_text}] "
                f"{record.measure} {record.comparator} {low_high} {record.unit} {record.modality} {record.period}"
                f"{' 年均' if record.annual_average else ''}{' ' + record.hedge if record.hedge else ''}"
                f" · {record.region or 'no region'}"
            )
            print("         " + explanation(why))
    return 1 if failed else 0


def explanation(why: RecordTrace) -> str:
    """The words and rules behind one record, from its trace."""
    if why.table_row is not None:
        return f"table row {why.table_row[:40]!r}"
    names = "、".join(why.indicator_names) or "-"
    position, size = why.list_position
    lines = [
        f"names {names}{' (named before)' if why.names_from_before else ''}; verb {why.verb or '-'}; "
        f"list {position + 1}/{size}; part {why.part or '-'}"
    ]
    lines += [f"{step.stage} ← {step}" for step in why.steps]
    return "\n         ".join(lines)
