"""A load check of the server: how fast records requests are answered while uploads are in flight.

A real ``mubiao serve`` process over a fresh store of generated reports is asked for a page of
records again and again: first alone (the baseline), then while an upload's body arrives slowly,
then while a large upload is being read and extracted. Each phase reports the requests' median,
95th percentile and maximum latency."""

from __future__ import annotations

import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

PARAGRAPH = (
    "{year}年全县地区生产总值增长{a}.{b}%左右，一般公共预算收入增长{c}%，"
    "城镇新增就业{d}人以上，粮食产量稳定在{e}万吨，研发经费投入强度达到{f}.{b}%。\n"
)


def report_text(seed: int, paragraphs: int) -> str:
    """A generated work report: ``paragraphs`` paragraphs of targets with numbers varied by ``seed``."""
    return "".join(
        PARAGRAPH.format(
            year=2000 + (seed + i) % 30,
            a=(seed + i) % 9 + 1,
            b=(seed * 7 + i) % 10,
            c=(seed + 3 * i) % 12 + 1,
            d=1000 + seed * 31 + i,
            e=20 + (seed + i) % 80,
            f=(seed + i) % 4 + 1,
        )
        for i in range(paragraphs)
    )


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    latencies_ms: list[float]
    note: str = ""

    @property
    def p95(self) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)]

    def row(self) -> str:
        n = len(self.latencies_ms)
        median = statistics.median(self.latencies_ms) if n else float("nan")
        worst = max(self.latencies_ms) if n else float("nan")
        return f"{self.name:<28} {n:>6} {median:>9.1f} {self.p95 if n else float('nan'):>9.1f} {worst:>9.1f}  {self.note}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _server(db_url: str, token: str, log: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "MUBIAO_API_TOKEN": token}
    argv = [sys.executable, "-m", "mubiao.cli", "serve", "--db", db_url, "--port", str(port)]
    argv += ["--rate-limit", "0", "--log-level", "warning"]
    with log.open("w") as out:
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/server", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _measure(client: httpx.Client, keep_going: Callable[[], bool], pause: float) -> list[float]:
    latencies = []
    while keep_going():
        started = time.perf_counter()
        client.get("/api/records", params={"limit": 50}).raise_for_status()
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(pause)
    return latencies


def _during(
    client: httpx.Client, upload: Callable[[], httpx.Response], pause: float
) -> tuple[list[float], str]:
    """Records requests while ``upload`` runs in a thread; the latencies and the upload's outcome."""
    outcome: dict[str, object] = {}

    def send() -> None:
        started = time.perf_counter()
        answer = upload()
        outcome["note"] = f"upload {answer.status_code} after {time.perf_counter() - started:.1f} s"

    thread = threading.Thread(target=send)
    thread.start()
    latencies = _measure(client, thread.is_alive, pause)
    thread.join()
    return latencies, str(outcome.get("note", ""))


def load_check(
    documents: int = 40, requests: int = 200, upload_paragraphs: int = 20_000, pause: float = 0.02
) -> list[Phase]:
    """The three phases' latencies on a fresh store of ``documents`` generated reports."""
    from mubiao.extract.pipeline import extract_document
    from mubiao.record import Document
    from mubiao.store import open_store
    from mubiao.store.ingest import ingest

    token = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="mubiao-loadcheck-") as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'mubiao.db'}"
        store = open_store(db_url)
        reports = [Document(text=report_text(i, 40), id=f"report_{i}.txt") for i in range(documents)]
        ingest(store, reports, extractor=extract_document)
        store.close()
        big = report_text(documents + 1, upload_paragraphs).encode()
        with _server(db_url, token, Path(tmp) / "server.log") as base:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=base, timeout=600) as client:
                _measure(client, iter(range(10)).__next__, 0)  # warm up
                count = iter(range(requests))
                baseline = _measure(client, lambda: next(count, None) is not None, pause)
                # the same multipart body a client would send, sent 2 KB every 50 ms; before the
                # large upload, after which the store holds ten times the records and every
                # records request takes longer, whatever is in flight
                form = httpx.Request(
                    "POST", base, files={"file": ("slow.txt", report_text(documents + 2, 200).encode())}
                )
                body = form.read()

                def trickle() -> Iterator[bytes]:
                    for start in range(0, len(body), 2048):
                        time.sleep(0.05)
                        yield body[start : start + 2048]

                slow_body, slow_note = _during(
                    client,
                    lambda: httpx.post(
                        f"{base}/api/documents",
                        headers={**headers, "Content-Type": form.headers["Content-Type"]},
                        content=trickle(),
                        timeout=600,
                    ),
                    pause,
                )
                extracted, note = _during(
                    client,
                    lambda: httpx.post(
                        f"{base}/api/documents",
                        headers=headers,
                        files={"file": ("big.txt", big, "text/plain")},
                        timeout=600,
                    ),
                    pause,
                )
    return [
        Phase("alone", baseline),
        Phase("during a slowly sent body", slow_body, slow_note),
        Phase(f"during a {len(big) / 1e6:.1f} MB upload", extracted, note),
    ]
