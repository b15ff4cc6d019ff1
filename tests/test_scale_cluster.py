"""The Dask engine on a 2-worker LocalCluster over a corpus of a few thousand documents made
from the real provincial work reports (one paragraph each): the same records as the local
engine whatever the partitioning, resumable after a kill, failures in an errors table."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from mubiao.cli import main
from mubiao.ingest import IngestOptions
from mubiao.scale import shards
from mubiao.scale.engine import JobReport, connect, run_job
from mubiao.scale.manifest import MANIFEST_NAME
from mubiao.scale.synth import paragraph_rows, write_jsonl
from mubiao.scale.task import Job
from mubiao.store import open_store
from mubiao.store.models import DocumentRow

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPORTS = sorted((SHARED / "corpus").glob("2026_*.txt"))
N_DOCS = 2400
BROKEN_ROW = '{"id": "broken", "full_text": "一行被截断'


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two JSONL corpora (one with a malformed row) and a few single-document text files."""
    if not REPORTS:
        pytest.skip("../shared/corpus is not beside the repository")
    folder = tmp_path_factory.mktemp("corpus")
    rows = list(paragraph_rows(REPORTS, N_DOCS))
    write_jsonl(rows[:1500], folder / "a.jsonl")
    write_jsonl(rows[1500:-3], folder / "b.jsonl")
    with (folder / "b.jsonl").open("a", encoding="utf-8") as stream:
        stream.write(BROKEN_ROW + "\n")
    for i, row in enumerate(rows[-3:]):
        (folder / f"single-{i}.txt").write_text(row["full_text"], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_records(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The local engine's output: ``mubiao extract`` in this process."""
    out = tmp_path_factory.mktemp("local") / "records.jsonl"
    assert main(extract_args(corpus, "--format", "jsonl", "-o", str(out))) == 1  # the broken row
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) > N_DOCS // 2, "the extractor finds records in the work reports"
    return sorted(records, key=shards.record_sort_key)


@pytest.fixture(scope="module")
def client() -> Iterator:
    with connect(workers=2, dashboard=":0") as dask_client:
        yield dask_client


def extract_args(corpus: Path, *flags: str) -> list[str]:
    """``mubiao extract`` over the corpus, its text in the ``full_text`` column."""
    return ["extract", str(corpus), "--text-column", "full_text", *flags]


def shards_job(out: Path) -> Job:
    return Job(IngestOptions(), out_dir=str(out))


def run_over(corpus: Path, job: Job, client, partition_size: int) -> JobReport:
    """The Dask engine over the whole corpus, with no progress bar."""
    return run_job([str(corpus)], job, client, partition_size=partition_size, progress=False)


def shard_records(out: Path) -> list[dict]:
    return sorted(shards.read_table(out, shards.RECORDS_DIR).to_pylist(), key=shards.record_sort_key)


def test_dask_cli_gives_the_local_engines_records(
    corpus: Path, local_records: list[dict], client, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    argv = extract_args(corpus, "--engine", "dask", "--scheduler", client.scheduler.address)
    assert main([*argv, "--partition-size", "150", "-o", str(out), "--no-progress"]) == 1  # the broken row
    assert shard_records(out) == local_records
    manifest = [json.loads(line) for line in (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()]
    assert len(manifest) == len(list((out / shards.RECORDS_DIR).glob("part-*.parquet"))) > 10
    assert sum(entry["documents"] for entry in manifest) == N_DOCS


def test_another_partitioning_gives_the_same_records(
    corpus: Path, local_records: list[dict], client, tmp_path
) -> None:
    report = run_over(corpus, shards_job(tmp_path), client, partition_size=700)
    assert report.documents == N_DOCS and report.failed == 0
    assert shard_records(tmp_path) == local_records


def test_the_broken_row_is_in_the_errors_table_and_the_job_goes_on(
    corpus: Path, client, tmp_path: Path
) -> None:
    report = run_over(corpus, shards_job(tmp_path), client, partition_size=400)
    errors = shards.read_table(tmp_path, shards.ERRORS_DIR).to_pylist()
    assert report.errors == len(errors) == 1
    assert errors[0]["input"].startswith(str(corpus / "b.jsonl")) and errors[0]["reason"]
    assert report.documents == N_DOCS


def test_a_file_named_in_gbk_is_read_and_its_partition_resumed(client, tmp_path: Path) -> None:
    # unzip writes the GBK names of a ZIP made on Chinese Windows as they are: the job stopped
    # before reading anything (UnicodeEncodeError hashing the partition's key)
    folder = tmp_path / "unzipped"
    folder.mkdir()
    name = "广州市2024年政府工作报告.txt"
    (folder / os.fsdecode(name.encode("gbk"))).write_text(
        "今年全市地区生产总值增长5%左右。", encoding="utf-8"
    )
    out = tmp_path / "out"
    report = run_job([str(folder)], shards_job(out), client, partition_size=10, progress=False)
    assert (report.documents, report.failed, report.errors) == (1, 0, 0)
    [row] = shard_records(out)
    assert (row["doc"], row["region"]) == (f"{folder}/{name}", "广州市")
    [entry] = [json.loads(line) for line in (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()]
    assert entry["sources"][0][0] == f"{folder}/{name}"
    again = run_job([str(folder)], shards_job(out), client, partition_size=10, progress=False)
    assert (again.skipped, again.documents) == (1, 0)


def test_a_killed_job_is_resumed_not_redone(
    corpus: Path, local_records: list[dict], client, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "mubiao.cli", *extract_args(corpus, "--engine", "dask", "--workers", "1")]
    job = subprocess.Popen(
        [*argv, "--partition-size", "20", "--dashboard", ":0", "--no-progress", "-o", str(out)],
        start_new_session=True,  # its own process group: the kill takes the cluster's processes too
        stderr=subprocess.DEVNULL,
    )
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 60
    while job.poll() is None and time.monotonic() < deadline:
        if manifest.exists() and manifest.read_text(encoding="utf-8").count("\n") >= 5:
            break
        time.sleep(0.02)
    os.killpg(job.pid, signal.SIGKILL)
    job.wait()
    done_before = manifest.read_text(encoding="utf-8").count("\n")

    report = run_over(corpus, shards_job(out), client, partition_size=20)
    total = report.partitions
    assert 5 <= done_before < total, "killed mid-job"
    assert report.skipped >= done_before
    assert report.documents < N_DOCS
    assert shard_records(out) == local_records
    assert not [p for p in out.rglob("*") if p.name.startswith(shards.TEMP_MARK)]
    again = run_over(corpus, shards_job(out), client, partition_size=20)
    assert (again.skipped, again.documents) == (total, 0)


def test_workers_write_documents_and_records_to_the_store(
    corpus: Path, local_records: list[dict], client, tmp_path
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    job = Job(IngestOptions(), out_dir=str(tmp_path / "work"), db_url=url)
    report = run_over(corpus, job, client, partition_size=300)
    by_doc: dict[str, list[dict]] = {}
    for record in local_records:
        by_doc.setdefault(record["doc"], []).append(record)
    with store.session() as session:
        rows = list(session.scalars(select(DocumentRow)))
        # the corpus cycles through the reports' paragraphs: each text is stored once
        assert len(rows) == report.stored == len({row.text for row in rows}) < report.documents
        for row in rows:
            stored = sorted((r.to_record().to_dict() for r in row.records), key=shards.record_sort_key)
            assert stored == by_doc.get(row.key, [])
    store.close()

    same_store = run_over(corpus, job, client, partition_size=300)
    assert (same_store.skipped, same_store.stored) == (report.partitions, 0)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    open_store(other).close()
    other_store = run_over(corpus, replace(job, db_url=other), client, partition_size=300)
    assert (other_store.skipped, other_store.stored) == (0, report.stored)  # the work dir is per store
