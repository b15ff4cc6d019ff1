"""Shared by the serve tests: a store holding real reports (with the real extractor's records),
a real uvicorn server on a free loopback port, and Debian's chromium through Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from mubiao import extract_document
from mubiao.record import Document
from mubiao.serve import ServeSettings, create_app
from mubiao.serve.app import server_config
from mubiao.store import Store
from mubiao.store.ingest import ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
TOKEN = "test-token-0123456789"

# Two provincial reports of 2026 and three consecutive national reports, so that the 2016 and
# 2017 national targets meet their outcomes in the next year's report. Metadata as in MANIFEST.md.
REPORTS = (
    ("2026_北京市_政府工作报告.txt", "utf-8", "2026年北京市政府工作报告", "2026-02-02", "北京市", "110000"),
    ("2026_上海市_政府工作报告.txt", "utf-8", "2026年上海市政府工作报告", "2026-02-09", "上海市", "310000"),
    (
        "national/2016_国务院_政府工作报告.txt",
        "gb18030",
        "2016年国务院政府工作报告",
        "2016-03-05",
        "全国",
        "100000",
    ),
    (
        "national/2017_国务院_政府工作报告.txt",
        "gb18030",
        "2017年国务院政府工作报告",
        "2017-03-05",
        "全国",
        "100000",
    ),
    (
        "national/2018_国务院_政府工作报告.txt",
        "gb18030",
        "2018年国务院政府工作报告",
        "2018-03-05",
        "全国",
        "100000",
    ),
)

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def report_documents() -> list[Document]:
    documents = []
    for name, encoding, title, published, region, code in REPORTS:
        text = (CORPUS / name).read_bytes().decode(encoding).replace("\r\n", "\n")
        documents.append(
            Document(
                text=text,
                id=Path(name).name,
                title=title,
                published=published,
                region=region,
                region_code=code,
                source="政府工作报告",
            )
        )
    return documents


def fill_store(store: Store, documents: list[Document] | None = None) -> None:
    """Ingest the reports through the store's ingest, with the real extractor."""
    report = ingest(store, documents or report_documents(), extractor=extract_document)
    assert not report.errors, report.errors


def app_for(store: Store) -> Any:
    """The app over ``store``, writes open with ``TOKEN``, no rate limit."""
    return create_app(
        ServeSettings(db_url="sqlite://", api_token=TOKEN, rate_limit_per_minute=0), store=store
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium (/usr/bin/chromium) driven by Playwright; no browser download."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
