"""Attacks on the store (issue 13, case 3): concurrent writers and concurrent migrations.

Two ``mubiao ingest`` processes over one database finish, and every document is stored once; two
processes opening a fresh database both migrate it (SQLite and the real PostgreSQL server).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pgserver import fresh_database_url
from sqlalchemy import func, select

from mubiao.store import open_store
from mubiao.store.models import DocumentRow, RecordRow

SHARED_DOCUMENTS = 12
OWN_DOCUMENTS = 6


def report(number: int) -> str:
    return (
        f"第{number}号县政府工作报告\n"
        f"2024年全县地区生产总值增长{number % 9 + 1}.{number % 10}%左右，"
        f"城镇新增就业{1000 + number}人以上。\n"
        f"一般公共预算收入完成{20 + number}.5亿元，增长{number % 7 + 2}%。\n"
    )


def corpus(directory: Path, numbers: range) -> Path:
    directory.mkdir()
    for number in numbers:
        (directory / f"report_{number:03d}.txt").write_text(report(number), encoding="utf-8")
    return directory


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'mubiao.db'}" if request.param == "sqlite" else fresh_database_url()


def run_together(*argvs: list[str]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for argv in argvs
    ]
    return [
        subprocess.CompletedProcess(p.args, p.wait(timeout=300), p.stdout.read(), p.stderr.read())  # type: ignore[union-attr]
        for p in processes
    ]


def test_two_ingests_on_one_database_store_every_document_once(url: str, tmp_path: Path) -> None:
    shared = corpus(tmp_path / "shared", range(SHARED_DOCUMENTS))
    first = corpus(tmp_path / "first", range(100, 100 + OWN_DOCUMENTS))
    second = corpus(tmp_path / "second", range(200, 200 + OWN_DOCUMENTS))
    ingest = [sys.executable, "-m", "mubiao.cli", "ingest", "--db", url]
    # Each process writes its own documents and races the other for the shared ones; the second
    # reads the shared ones in reverse so that the two meet in the middle.
    runs = run_together(
        [*ingest, str(shared), str(first)],
        [*ingest, *sorted(map(str, shared.iterdir()), reverse=True), str(second)],
    )
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "locked" not in run.stderr
    store = open_store(url)
    with store.session() as session:
        keys = session.scalars(select(DocumentRow.key)).all()
        expected = {p.name for d in (shared, first, second) for p in d.iterdir()}
        assert sorted(Path(k).name for k in keys) == sorted(expected)  # each once
        hashes = session.scalars(select(DocumentRow.content_hash)).all()
        assert len(set(hashes)) == len(hashes)
        records = dict(
            session.execute(select(RecordRow.document_id, func.count()).group_by(RecordRow.document_id)).all()
        )
        assert len(records) == len(expected)  # nobody's records lost, none doubled:
        assert len(set(records.values())) == 1, records  # the reports differ only in their numbers
    store.close()


@pytest.mark.parametrize("attempt", range(3))
def test_two_processes_migrating_a_fresh_database_both_succeed(url: str, attempt: int) -> None:
    migrate = [sys.executable, "-c", f"from mubiao.store import open_store; open_store({url!r}).close()"]
    for run in run_together(migrate, migrate, migrate):
        assert run.returncode == 0, run.stderr
    store = open_store(url)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0
    store.close()
