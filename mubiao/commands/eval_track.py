"""mubiao eval-track GOLD.jsonl --db URL: the store's tracking scored against a tracking gold."""

from __future__ import annotations

import argparse
import json
import sys

from mubiao.commands.eval import read_gold
from mubiao.commands.track import add_tolerance_flags, tolerance_of
from mubiao.store import DEFAULT_URL


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval-track", help="score tracking (found, bounds, outcome, status) against a tracking gold"
    )
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    p.add_argument(
        "--db", default=DEFAULT_URL, help=f"store holding the gold's documents (default: {DEFAULT_URL})"
    )
    p.add_argument("--json", action="store_true", help="print a machine-readable summary only")
    p.add_argument("--quiet", "-q", action="store_true", help="print the summary without the misses")
    add_tolerance_flags(p)
    p.set_defaults(func=run)


def _side(doc: str | None, text: str | None, value: float | None) -> str:
    return f"{value!r} {text!r} ({doc})" if doc else "none"


def print_miss(result, out) -> None:  # noqa: ANN001 - a TargetResult
    from mubiao.evaluate.tracking import document_name

    gold = result.gold
    wrong = ", ".join(check for check, ok in result.checks.items() if not ok)
    print(
        f"MISS  {gold['doc']} {gold['value_text']!r} [{gold['quote']}] period {gold['period']}: {wrong}",
        file=out,
    )
    outcome = gold.get("outcome") or {}
    print(
        f"      gold: {gold['comparator']} {gold['value_low']}..{gold['value_high']}  outcome "
        f"{_side(outcome.get('doc'), outcome.get('value_text'), outcome.get('value'))}  {gold['status']}",
        file=out,
    )
    for row in result.rows:
        outcome_doc = document_name(row.outcome_doc) if row.outcome_doc else None
        print(
            f"      got:  {row.comparator} {row.target_low}..{row.target_high} period {row.period}  outcome "
            f"{_side(outcome_doc, row.outcome_text, row.outcome_value)}  {row.status}",
            file=out,
        )
    if not result.rows:
        print("      got:  no tracking row for this target", file=out)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from mubiao.evaluate.tracking import document_name, score_tracking, summary
    from mubiao.store import open_store, tracking
    from mubiao.store.models import DocumentRow

    gold = read_gold(args.gold)
    names = {row["doc"] for row in gold}
    store = open_store(args.db, create=False)
    try:
        with store.session() as session:
            texts = {
                document_name(key): text
                for key, text in session.execute(select(DocumentRow.key, DocumentRow.text))
                if document_name(key) in names
            }
            rows = tracking.tracking_table(session=session, tolerance=tolerance_of(args))
    finally:
        store.close()
    missing = sorted(names - texts.keys())
    for name in missing:
        print(
            f"mubiao eval-track: {name}: not in the store {args.db} (its targets count as not found)",
            file=sys.stderr,
        )
    results = score_tracking(gold, rows, texts)
    total = summary(results)
    if args.json:
        print(json.dumps(total, ensure_ascii=False, indent=2))
        return 0
    if not args.quiet:
        for result in results:
            if not result.right:
                print_miss(result, sys.stdout)
    n = total["targets"] or 1
    print(
        f"targets {total['targets']}  found {total['found']}  right bounds {total['bounds']}  "
        f"right period {total['period']}  right outcome {total['outcome']}  right status {total['status']}"
    )
    print(f"fully right {total['fully_right']} ({total['fully_right'] / n:.3f})")
    return 0
