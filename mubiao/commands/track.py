"""mubiao track: each stored target linked to its later outcome, and whether it was met."""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext

from mubiao.store import DEFAULT_URL
from mubiao.track import Tolerance
from mubiao.track.render import ESCALATION_VIEW, FORMATS, HISTORY_VIEW, TRACKING_VIEW, write_table


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("track", help="link targets to later outcomes: met, missed, …")
    p.add_argument("--db", default=DEFAULT_URL, help=f"SQLAlchemy database URL (default: {DEFAULT_URL})")
    p.add_argument("--region", help="region name or code")
    p.add_argument("--indicator", help="indicator id, e.g. gdp")
    p.add_argument("--period", help="period, e.g. 2017")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (a terminal summary), csv or jsonl (every column), markdown (for docs)",
    )
    add_tolerance_flags(p)
    p.add_argument(
        "--escalation",
        action="store_true",
        help="instead: one indicator's targets for one period across levels (needs --indicator, --period)",
    )
    p.add_argument(
        "--history",
        action="store_true",
        help="instead: each region's targets over the years, beside the previous year's and the level above's",
    )
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=run)


def add_tolerance_flags(p: argparse.ArgumentParser) -> None:
    """--tolerance-pct and --tolerance-level (of mubiao track and mubiao export)."""
    p.add_argument(
        "--tolerance-pct",
        type=float,
        default=Tolerance().pct,
        help="how far (in points) a 左右 target in %% or pp may be missed and count (default: %(default)s)",
    )
    p.add_argument(
        "--tolerance-level",
        type=float,
        default=Tolerance().level,
        help="the same for other units, as a fraction of the target (default: %(default)s)",
    )


def tolerance_of(args: argparse.Namespace) -> Tolerance:
    return Tolerance(pct=args.tolerance_pct, level=args.tolerance_level)


def run(args: argparse.Namespace) -> int:
    if args.escalation and not (args.indicator and args.period):
        print("mubiao track: --escalation needs --indicator and --period", file=sys.stderr)
        return 2
    from mubiao.store import open_store, tracking

    store = open_store(args.db, create=False)
    try:
        with store.session() as session:
            if args.escalation:
                try:
                    found = tracking.escalation_table(
                        session=session, indicator=args.indicator, period=args.period, region=args.region
                    )
                except ValueError as exc:
                    print(f"mubiao track: {exc}", file=sys.stderr)
                    return 2
                rows, view = [r.to_dict() for r in found], ESCALATION_VIEW
            else:
                tracked = tracking.tracking_table(
                    session=session,
                    region=args.region,
                    indicator=args.indicator,
                    period=args.period,
                    tolerance=tolerance_of(args),
                )
                if args.history:
                    from mubiao.track.history import history

                    rows, view = [r.to_dict() for r in history(tracked)], HISTORY_VIEW
                else:
                    rows, view = [r.to_dict() for r in tracked], TRACKING_VIEW
    finally:
        store.close()
    with (
        open(args.output, "w", encoding="utf-8", newline="")
        if args.output
        else nullcontext(sys.stdout) as out
    ):
        write_table(rows, view, args.format, out)
    return 0
