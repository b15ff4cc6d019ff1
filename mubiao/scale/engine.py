"""The client side of a Dask job: plan partitions, skip finished ones, keep a bounded number
of partition tasks in flight, record each finished partition in the manifest."""

from __future__ import annotations

import hashlib
import os
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from distributed import Client, LocalCluster, as_completed

from mubiao.ingest import IngestOptions, expand_inputs
from mubiao.ingest.sources import document_name
from mubiao.scale import shards
from mubiao.scale.defaults import DASHBOARD, DESCRIBE_BATCH, PARTITION_BYTES, PARTITION_SIZE
from mubiao.scale.manifest import Manifest
from mubiao.scale.partition import InputInfo, Partition, describe_input, plan_partitions
from mubiao.scale.progress import Progress
from mubiao.scale.task import Job, PartitionResult, describe_exception, error_row, process_partition

PLAN_ERRORS_KEY = "inputs"  # errors shard for inputs that could not be planned


@dataclass(slots=True)
class JobReport:
    partitions: int = 0
    skipped: int = 0  # finished by an earlier run
    failed: int = 0  # lost (a worker died): redone by the next run
    documents: int = 0
    chars: int = 0
    records: int = 0
    errors: int = 0
    stored: int = 0  # documents new to the store
    empty: int = 0  # units with nothing to read (empty text cells)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.seconds or 1e-9
        return (
            f"{self.documents} documents ({self.empty} empty), {self.chars} characters, {self.records} records, "
            f"{self.errors} errors "
            f"in {self.seconds:.1f} s ({self.documents / rate:,.1f} docs/s, {self.chars / rate:,.0f} chars/s); "
            f"{self.partitions} partitions, {self.skipped} already done, {self.failed} failed"
        )


@contextmanager
def connect(
    scheduler: str | None = None, workers: int | None = None, dashboard: str = DASHBOARD
) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (an address, or the JSON file written by
    ``dask scheduler --scheduler-file``), or of a new local cluster of ``workers`` processes
    with one thread each (the extractor is pure Python: threads would share one GIL)."""
    if scheduler:
        target = {"scheduler_file": scheduler} if Path(scheduler).is_file() else {"address": scheduler}
        with Client(**target) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=dashboard
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def describe_inputs(
    paths: Sequence[str],
    options: IngestOptions,
    partition_size: int = PARTITION_SIZE,
    partition_bytes: int = PARTITION_BYTES,
) -> list[InputInfo | dict[str, str | None]]:
    """InputInfo for each path, or an error row for a file that cannot be counted."""
    out: list[InputInfo | dict[str, str | None]] = []
    for path in paths:
        try:
            out.append(describe_input(path, options, partition_size, partition_bytes))
        except Exception as exc:  # one unreadable input must not stop the planning
            out.append(error_row(None, path, describe_exception(exc)))
    return out


def run_job(
    inputs: Sequence[str],
    job: Job,
    client: Client,
    partition_size: int = PARTITION_SIZE,
    partition_bytes: int = PARTITION_BYTES,
    progress: bool = True,
    max_in_flight: int | None = None,
) -> JobReport:
    """Extract every document of ``inputs`` (files, directories, globs) on the cluster of
    ``client``; returns the counts."""
    began = time.perf_counter()
    if job.out_dir is not None:
        job = replace(job, out_dir=str(Path(job.out_dir).resolve()))
    out_dir = Path(job.out_dir) if job.out_dir else None
    report = JobReport()
    infos, plan_errors = _describe(
        expand_inputs(list(inputs)), job.options, client, partition_size, partition_bytes
    )
    partitions = list(plan_partitions(infos, partition_size, partition_bytes))
    report.partitions = len(partitions)
    manifest = Manifest(out_dir) if out_dir else None
    if out_dir is not None and manifest is not None:
        keys = {p.key for p in partitions}
        shards.prune(out_dir, keys | {PLAN_ERRORS_KEY})
        manifest.keep_only(keys)
        shards.write_errors(out_dir, PLAN_ERRORS_KEY, plan_errors)
    target = _target(job)
    todo = [p for p in partitions if not (manifest and _finished(manifest, out_dir, p, target))]
    report.skipped = len(partitions) - len(todo)
    report.errors = len(plan_errors)
    total = sum(p.documents for p in partitions)
    if progress and client.dashboard_link:
        print(f"mubiao: Dask dashboard (tasks mubiao-partition-…): {client.dashboard_link}", file=sys.stderr)
    bar = Progress(total, total - sum(p.documents for p in todo), enabled=progress)
    for row in plan_errors:
        bar.error(f"{row['input']}: {row['reason']}")
    try:
        for partition, outcome in _execute(todo, job, client, max_in_flight):
            if isinstance(outcome, BaseException):
                report.failed += 1
                reason = f"partition lost, rerun to redo it: {describe_exception(outcome)}"
                bar.error(f"{partition.label()}: {reason}")
                if out_dir:
                    shards.write_errors(out_dir, partition.key, [error_row(None, partition.label(), reason)])
                continue
            if manifest:
                sources = [
                    [document_name(s.path), list(s.rows) if s.rows else None, s.sha256]
                    for s in partition.sources
                ]
                manifest.add({"key": partition.key, "sources": sources, "target": target, **outcome.counts()})
            bar.advance(partition.documents, outcome)
    finally:
        bar.close()
    report.documents, report.chars, report.records = bar.documents, bar.chars, bar.records
    report.stored, report.empty = bar.stored, bar.skipped
    report.errors += bar.errors
    report.seconds = time.perf_counter() - began
    return report


def _threads(client: Client) -> int:
    return max(1, sum(client.nthreads().values()))


def _target(job: Job) -> str | None:
    """Names the store a job writes to (a digest: the URL may hold a password), so that a
    partition stored in one database is not taken as done for another."""
    return hashlib.sha256(job.db_url.encode()).hexdigest()[:16] if job.db_url else None


def _finished(manifest: Manifest, out_dir: Path, partition: Partition, target: str | None) -> bool:
    """Done by an earlier run for the same store, and its shards are still there."""
    entry = manifest.entries.get(partition.key)
    return (
        entry is not None
        and entry.get("target") == target
        and all(
            shards.shard_path(out_dir, kind, partition.key).exists()
            for kind in (shards.RECORDS_DIR, shards.ERRORS_DIR)
        )
    )


def _describe(
    paths: Sequence[str], options: IngestOptions, client: Client, partition_size: int, partition_bytes: int
) -> tuple[list[InputInfo], list[dict[str, str | None]]]:
    batches = [list(paths[i : i + DESCRIBE_BATCH]) for i in range(0, len(paths), DESCRIBE_BATCH)]
    run = uuid.uuid4().hex[:8]  # never reuse a result held by the scheduler from another run
    keys = [f"mubiao-inputs-{run}-{i}" for i in range(len(batches))]
    futures = client.map(
        describe_inputs,
        batches,
        options=options,
        partition_size=partition_size,
        partition_bytes=partition_bytes,
        key=keys,
    )
    infos: list[InputInfo] = []
    errors: list[dict[str, str | None]] = []
    for batch in client.gather(futures):
        for item in batch:
            (infos if isinstance(item, InputInfo) else errors).append(item)
    return infos, errors


def _execute(
    todo: list[Partition], job: Job, client: Client, in_flight: int | None
) -> Iterator[tuple[Partition, PartitionResult | BaseException]]:
    """Results as partitions finish, with at most ``in_flight`` tasks submitted at once (by
    default two per worker thread, counted again as workers join or leave), so neither the
    scheduler nor the client holds the whole job."""
    pending = iter(todo)
    running: dict[str, Partition] = {}
    completed = as_completed()
    run = uuid.uuid4().hex[:8]  # a key per run: another output directory must not get this result

    def top_up() -> None:
        room = (in_flight or 2 * _threads(client)) - len(running)
        for partition in islice(pending, max(room, 0)):
            key = f"mubiao-partition-{partition.key}-{run}"
            running[key] = partition
            completed.add(client.submit(process_partition, partition, job, key=key, retries=1))

    top_up()
    for future in completed:
        partition = running.pop(future.key)
        try:
            yield partition, future.result()
        except Exception as exc:  # a worker died or the task could not run: the job goes on
            yield partition, exc
        finally:
            future.release()
        top_up()
