"""mubiao show INPUT: the text mubiao keeps for each document, with every record marked where it was
found: 【6.5%以上⟨gdp growth ge 6.5 target 2024⟩】, or in colour on a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable

from mubiao.ingest import ReadError, iter_documents
from mubiao.ingest.progress import Tally, add_input_flags, options_from_args, track
from mubiao.record import Document, TargetRecord

COLOURS = {"target": "\033[1;33m", "actual": "\033[1;32m", "estimate": "\033[1;36m"}
DIM, RESET = "\033[2m", "\033[0m"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("show", help="print documents' text with their records marked")
    p.add_argument(
        "paths", nargs="+", metavar="INPUT", help="files, directories, globs or - (as for extract)"
    )
    add_input_flags(p)
    p.add_argument("--doc", help="only the document with this id (a corpus row: PATH#ID)")
    p.add_argument(
        "--records", metavar="JSONL", help="mark these records (from mubiao extract) instead of extracting"
    )
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="ANSI colour (auto: on a terminal)",
    )
    p.add_argument(
        "--structure",
        action="store_true",
        help="print each document's genre, publication year, parts with their roles and years, and why",
    )
    p.set_defaults(func=run)


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def label(record: TargetRecord) -> str:
    """indicator measure comparator value modality period: gdp growth ge 6.5 target 2024."""
    if record.comparator == "range":
        value = f"{_number(record.value_low)}~{_number(record.value_high)}"
    elif record.comparator in ("le", "lt"):
        value = _number(record.value_high)
    else:
        value = _number(record.value_low)
    parts = [record.indicator or record.indicator_text, record.measure, record.comparator, value]
    parts += [record.unit if record.unit not in ("%",) else "", record.modality, record.period or "period?"]
    return " ".join(p for p in parts if p)


def mark(text: str, records: Iterable[TargetRecord], colour: bool = False) -> str:
    """``text`` with each record's value span wrapped; a span overlapping an earlier one is left unmarked."""
    out, position = [], 0
    for record in sorted(records, key=lambda r: (r.start, r.end)):
        if record.start < position or record.end > len(text):
            continue
        out.append(text[position : record.start])
        span = text[record.start : record.end]
        if colour:
            out.append(f"{COLOURS.get(record.modality, '')}{span}{RESET}{DIM}⟨{label(record)}⟩{RESET}")
        else:
            out.append(f"【{span}⟨{label(record)}⟩】")
        position = record.end
    out.append(text[position:])
    return "".join(out)


def header(document: Document, n_records: int, with_title: bool = True) -> str:
    """The document's facts, one a line; ``with_title=False`` where the structure that follows prints
    the title it read."""
    facts = [
        ("title", document.title if with_title else None),
        ("published", document.published),
        (
            "region",
            f"{document.region} ({document.region_code})" if document.region_code else document.region,
        ),
        ("source", document.source),
        ("author", document.author),
        ("url", document.url),
        ("records", str(n_records)),
    ]
    return f"== {document.id}\n" + "".join(f"   {name}: {value}\n" for name, value in facts if value)


def _given_records(path: str) -> dict[str, list[TargetRecord]]:
    by_doc: dict[str, list[TargetRecord]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = TargetRecord.from_dict(json.loads(line))
                by_doc[record.doc].append(record)
    return by_doc


def run(args: argparse.Namespace) -> int:
    from mubiao.extract.failures import extract_each
    from mubiao.extract.pipeline import extract_document
    from mubiao.extract.structure import read_structure

    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    given = _given_records(args.records) if args.records else None
    tally = Tally()
    documents = (
        item
        for item in iter_documents(args.paths, options_from_args(args))
        if not args.doc or isinstance(item, ReadError) or item.id == args.doc
    )
    extractor = extract_document if given is None else (lambda document: given.get(document.id, []))
    for document, records in track(extract_each(documents, extractor), tally):
        tally.records += len(records)
        if args.structure:
            structure = document.structure or read_structure(document)
            sys.stdout.write(header(document, len(records), with_title=False) + structure.describe() + "\n\n")
            continue
        sys.stdout.write(
            header(document, len(records)) + "\n" + mark(document.text, records, colour) + "\n\n"
        )
    print(f"mubiao: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0
