"""mubiao serve: the web page and REST API over a store."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the web page and REST API over a store",
        description="Serve the web page (/) and REST API (/api, documented at /docs) over a store. "
        "Writes need MUBIAO_API_TOKEN set in the environment; without it the server is read-only.",
    )
    p.add_argument("--db", help="SQLAlchemy URL of the store (default: $MUBIAO_DB or sqlite:///mubiao.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--protect-reads",
        action="store_true",
        default=None,
        help="reads need the API token too (default: $MUBIAO_PROTECT_READS, else open)",
    )
    p.add_argument(
        "--max-upload-mb", type=float, help="largest upload in MiB (default: $MUBIAO_MAX_UPLOAD_MB or 20)"
    )
    p.add_argument(
        "--rate-limit",
        type=int,
        help="API requests per client and minute, 0 for none (default: $MUBIAO_RATE_LIMIT or 600)",
    )
    p.add_argument(
        "--upload-workers",
        type=int,
        help="uploads read at the same time, each in its own process (default: $MUBIAO_UPLOAD_WORKERS or 1)",
    )
    p.add_argument(
        "--upload-seconds",
        type=float,
        help="time to read and extract one upload (default: $MUBIAO_UPLOAD_SECONDS or 60)",
    )
    p.add_argument(
        "--upload-memory-mb",
        type=float,
        help="memory of a process reading an upload, in MiB (default: $MUBIAO_UPLOAD_MEMORY_MB or 1024)",
    )
    p.add_argument(
        "--trusted-proxy",
        action="append",
        metavar="ADDRESS",
        help="a reverse proxy whose X-Forwarded-For names the client (repeatable; default: "
        "$MUBIAO_TRUSTED_PROXIES, else none: the client is the connection's address)",
    )
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from mubiao.serve import ServeSettings, create_app
    from mubiao.serve.app import server_config

    try:
        settings = ServeSettings.from_env(
            db_url=args.db,
            protect_reads=args.protect_reads,
            max_upload_bytes=int(args.max_upload_mb * 1024 * 1024) if args.max_upload_mb else None,
            rate_limit_per_minute=args.rate_limit,
            trusted_proxies=tuple(args.trusted_proxy) if args.trusted_proxy else None,
            upload_workers=args.upload_workers,
            upload_seconds=args.upload_seconds,
            upload_memory_bytes=int(args.upload_memory_mb * 1024 * 1024) if args.upload_memory_mb else None,
        )
    except ValueError as exc:
        print(f"mubiao serve: {exc}", file=sys.stderr)
        return 2
    app = create_app(settings)
    writes = "writes need the API token" if settings.api_token else "read-only (no MUBIAO_API_TOKEN)"
    print(f"mubiao: serving {settings.db_url} on http://{args.host}:{args.port}/ ({writes})", file=sys.stderr)
    uvicorn.Server(server_config(app, args.host, args.port, log_level=args.log_level)).run()
    return 0
