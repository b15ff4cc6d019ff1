#!/usr/bin/env python3
"""Load check of the records endpoint on loopback, bounded in requests and time.

Ingests the bundled corpus (corpus/*.txt and corpus/national, with the real extractor) into a temporary SQLite store
(or uses --db), starts `mubiao serve` in a subprocess on a free loopback port with the rate limit
off, sends up to --requests GET /api/records requests (a mix of filters, text searches and
pages) from --concurrency connections, stops at --seconds, and prints requests per second and
latency percentiles. Exit status 1 when any request failed.

    .venv/bin/python scripts/loadcheck.py [--requests 2000] [--seconds 20] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

# A mix of the queries a page and a script make: plain pages, filters, text search, deep pages.
QUERIES = (
    {},
    {"indicator": "gdp"},
    {"modality": "target"},
    {"region": "北京市", "measure": "growth"},
    {"modality": "actual", "period": "2025"},
    {"q": "增长"},
    {"q": "亿元", "modality": "target"},
    {"offset": 400},
    {"indicator": "retail_sales", "limit": 200},
    {"region": "440000"},
)


def build_store(url: str, inputs: list[str]) -> int:
    """Ingest ``inputs`` (files, directories) into the store at ``url``; the number of records."""
    from mubiao import extract_document
    from mubiao.ingest import expand_inputs, read_source
    from mubiao.record import Document
    from mubiao.store import crud, open_store
    from mubiao.store.ingest import ingest

    store = open_store(url)
    documents = (d for path in expand_inputs(inputs) for d in read_source(path) if isinstance(d, Document))
    ingest(store, documents, extractor=extract_document, settings={"via": "loadcheck"})
    with store.session() as session:
        total = crud.count_records(session=session)
    store.close()
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(base: str, server: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"loadcheck: the server exited with status {server.returncode}")
        try:
            if httpx.get(f"{base}/api/records?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("loadcheck: the server did not answer in time")


async def fire(
    base: str, total: int, seconds: float, concurrency: int
) -> tuple[list[float], dict[int, int], float]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    issued = 0
    started = time.perf_counter()
    deadline = started + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal issued
            while issued < total and time.perf_counter() < deadline:
                params = QUERIES[issued % len(QUERIES)]
                issued += 1
                t0 = time.perf_counter()
                try:
                    status = (await client.get("/api/records", params=params)).status_code
                except httpx.HTTPError:
                    status = 0
                latencies.append(time.perf_counter() - t0)
                statuses[status] = statuses.get(status, 0) + 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, statuses, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--requests", type=int, default=2000, help="at most this many requests (default 2000)"
    )
    parser.add_argument(
        "--seconds", type=float, default=20.0, help="stop sending after this long (default 20)"
    )
    parser.add_argument("--concurrency", type=int, default=8, help="connections in parallel (default 8)")
    parser.add_argument("--db", help="use this store as it is instead of ingesting the bundled corpus")
    parser.add_argument(
        "--corpus",
        nargs="+",
        default=[*map(str, sorted((ROOT / "corpus").glob("*.txt"))), str(ROOT / "corpus" / "national")],
        help="documents to ingest (default: the bundled corpus, corpus/*.txt and corpus/national)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mubiao-loadcheck-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'mubiao.db'}"
        n_records = None if args.db else build_store(url, args.corpus)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "MUBIAO_API_TOKEN"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mubiao.cli", "serve", "--db", url, "--port", str(port)]
            + ["--rate-limit", "0", "--log-level", "warning"],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(base, server)
            latencies, statuses, elapsed = asyncio.run(
                fire(base, args.requests, args.seconds, args.concurrency)
            )
        finally:
            server.terminate()
            server.wait(timeout=10)

    failed = sum(n for status, n in statuses.items() if status != 200)
    result = {
        "endpoint": "/api/records",
        "records_in_store": n_records,
        "requests": len(latencies),
        "failed": failed,
        "concurrency": args.concurrency,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "latency_ms": {f"p{q}": round(percentile(latencies, q) * 1000, 1) for q in (50, 95, 99)},
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        lat = result["latency_ms"]
        print(
            f"{result['requests']} requests to {result['endpoint']} in {result['seconds']} s "
            f"({args.concurrency} connections, {n_records if n_records is not None else '?'} records): "
            f"{result['requests_per_second']} requests/s; latency p50 {lat['p50']} ms, "
            f"p95 {lat['p95']} ms, p99 {lat['p99']} ms; failed {failed}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
