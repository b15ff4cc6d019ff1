"""mubiao loadcheck: records requests' latency while uploads are in flight, on a real server."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "loadcheck",
        help="latency of records requests while a large or slow upload is in flight",
        description="Starts `mubiao serve` over a fresh store of generated reports and times "
        "GET /api/records alone, during a large upload (read and extracted by the server) and "
        "during an upload whose body arrives slowly; prints median, p95 and maximum per phase.",
    )
    p.add_argument("--requests", type=int, default=200, help="requests of the baseline phase (default 200)")
    p.add_argument(
        "--upload-paragraphs",
        type=int,
        default=20_000,
        help="paragraphs of the large upload (default 20000, about 3 MB)",
    )
    p.add_argument("--goal-ms", type=float, default=100.0, help="p95 goal during uploads (default 100 ms)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mubiao.serve.loadcheck import load_check

    phases = load_check(requests=args.requests, upload_paragraphs=args.upload_paragraphs)
    print(f"{'GET /api/records?limit=50':<28} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for phase in phases:
        print(phase.row())
    worst = max(phase.p95 for phase in phases[1:])
    verdict = "within" if worst < args.goal_ms else "over"
    print(f"p95 during uploads {worst:.1f} ms: {verdict} the goal of {args.goal_ms:g} ms")
    return 0 if worst < args.goal_ms else 1
