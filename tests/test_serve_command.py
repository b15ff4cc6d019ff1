"""`mubiao serve` as a user starts it: a real uvicorn process on a loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
from serve_support import TOKEN, free_port

from mubiao import extract_document
from mubiao.record import Document
from mubiao.store import open_store
from mubiao.store.ingest import ingest


def serve_command(db_url: str, *flags: str) -> list[str]:
    return [sys.executable, "-m", "mubiao.cli", "serve", "--db", db_url, *flags]


def test_serve_answers_on_the_given_port_and_takes_the_token_from_the_environment(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    store = open_store(url)
    ingest(
        store,
        [Document(text="今年地区生产总值增长6%左右。", id="a.txt", published="2024-01-01")],
        extractor=extract_document,
    )
    store.close()
    port = free_port()
    env = {**os.environ, "MUBIAO_API_TOKEN": TOKEN}
    server = subprocess.Popen(
        serve_command(url, "--port", str(port), "--log-level", "warning"),
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                page = httpx.get(f"{base}/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "mubiao serve did not answer"
                time.sleep(0.2)
        assert page.status_code == 200 and "目标" in page.text
        records = httpx.get(f"{base}/api/records").json()
        assert [r["value_text"] for r in records["items"]] == ["6%左右"]
        refused = httpx.delete(f"{base}/api/documents/1")
        assert refused.status_code == 401
        allowed = httpx.delete(f"{base}/api/documents/1", headers={"Authorization": f"Bearer {TOKEN}"})
        assert allowed.status_code == 204
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "writes need the API token" in (server.stderr.read() if server.stderr else "")


def test_serve_refuses_protected_reads_without_a_token(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MUBIAO_API_TOKEN"}
    done = subprocess.run(
        serve_command(f"sqlite:///{tmp_path / 'x.db'}", "--protect-reads"),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "MUBIAO_API_TOKEN" in done.stderr


def test_a_read_only_server_refuses_a_store_that_is_not_there(tmp_path) -> None:
    # without a token nothing can be uploaded: a mistyped --db served an empty page forever, and
    # left an empty store behind
    env = {k: v for k, v in os.environ.items() if k != "MUBIAO_API_TOKEN"}
    missing = tmp_path / "typo.db"
    done = subprocess.run(
        serve_command(f"sqlite:///{missing}", "--port", str(free_port())),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"mubiao: sqlite:///{missing}: no store there (no file {missing})")
    assert not missing.exists()
