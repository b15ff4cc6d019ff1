"""Shared by the ingest tests: where the real samples are, and small helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mubiao.ingest import IngestOptions, ReadError, read_source
from mubiao.record import Document

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = CORPUS / "seed_baiyun_2024.txt"
NATIONAL = sorted((CORPUS / "national").glob("*.txt"))
PROVINCIAL = sorted(CORPUS.glob("2026_*.txt"))
WEB = CORPUS / "web"
BULLETIN = CORPUS / "pdf" / "2021年成都统计公报.pdf"
# The saved pages whose <meta charset> says gb2312 while their bytes are UTF-8.
LYING_CHARSET = ["gne_people_1.html", "gne_qq_2.html", "gne_163_9.html"]


def read_all(
    path: Path | str, options: IngestOptions | None = None, rows: range | None = None
) -> list[Document | ReadError]:
    return list(read_source(str(path), options or IngestOptions(), rows))


def read_one(path: Path | str, options: IngestOptions | None = None) -> Document:
    items = read_all(path, options)
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


def mubiao(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs the command line in a fresh process, as a user would (``env``: variables to add)."""
    return subprocess.run(
        [sys.executable, "-m", "mubiao.cli", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        timeout=300,
    )
