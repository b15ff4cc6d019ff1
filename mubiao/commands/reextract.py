"""mubiao reextract: run this version's extractor over the stored documents and show what changed."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from mubiao import __version__
from mubiao.record import TargetRecord
from mubiao.store import DEFAULT_URL

if TYPE_CHECKING:
    from mubiao.store.reextract import DocumentChanges


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("reextract", help="re-extract stored documents and show what changed")
    p.add_argument("--db", default=DEFAULT_URL, help=f"SQLAlchemy database URL (default: {DEFAULT_URL})")
    p.add_argument(
        "--document", type=int, action="append", metavar="ID", help="only this document id (repeatable)"
    )
    p.add_argument("--dry-run", action="store_true", help="show the changes without storing them")
    p.add_argument("-q", "--quiet", action="store_true", help="one summary line per changed document")
    p.set_defaults(func=run)


def describe(record: TargetRecord) -> str:
    return (
        f"[{record.start}:{record.end}] {record.value_text}  {record.indicator or record.indicator_text} "
        f"{record.measure} {record.modality} {record.period or ''}"
    )


def show(changes: DocumentChanges, out: TextIO, quiet: bool) -> None:
    if changes.error is not None:
        print(f"mubiao: {changes.key} (document {changes.document_id}): {changes.error}", file=sys.stderr)
        return
    if changes.unchanged:
        return
    out.write(
        f"{changes.key} (document {changes.document_id}): "
        f"+{len(changes.added)} -{len(changes.removed)} ~{len(changes.changed)}"
        f"{f' !{changes.flagged} reviewed (changed since review)' if changes.flagged else ''}\n"
    )
    if quiet:
        return
    for record in changes.added:
        out.write(f"  + {describe(record)}\n")
    for record in changes.removed:
        out.write(f"  - {describe(record)}\n")
    for change in changes.changed:
        fields = ", ".join(f"{name}: {old!r} → {new!r}" for name, (old, new) in change.fields.items())
        out.write(f"  ~ [{change.new.start}:{change.new.end}] {change.new.value_text}  {fields}\n")


def run(args: argparse.Namespace) -> int:
    from mubiao.extract.pipeline import extract_document
    from mubiao.store import open_store
    from mubiao.store.reextract import reextract

    store = open_store(args.db, create=False)
    try:
        results = reextract(
            store,
            extractor=extract_document,
            document_ids=args.document,
            dry_run=args.dry_run,
            settings={"document_ids": args.document, "dry_run": args.dry_run},
            on_document=lambda changes: show(changes, sys.stdout, args.quiet),
        )
    finally:
        store.close()
    changed = [c for c in results if not c.unchanged]
    failed = sum(c.error is not None for c in results)
    print(
        f"mubiao {__version__}: {len(results)} documents, {len(changed)} changed "
        f"(+{sum(len(c.added) for c in results)} -{sum(len(c.removed) for c in results)} "
        f"~{sum(len(c.changed) for c in results)} records), {failed} failed"
        f"{' (dry run, nothing stored)' if args.dry_run else ''}",
        file=sys.stderr,
    )
    return 1 if failed else 0
