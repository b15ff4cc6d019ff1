"""The engine flags shared by ``mubiao extract`` and ``mubiao ingest``, and what those
commands call when ``--engine dask`` is given."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

from mubiao.scale.defaults import DASHBOARD, PARTITION_SIZE

if TYPE_CHECKING:  # Dask is imported only when the dask engine is asked for
    from mubiao.ingest import IngestOptions
    from mubiao.scale.engine import JobReport
    from mubiao.scale.task import Job


def add_engine_flags(parser: argparse.ArgumentParser, work_dir: bool = False) -> None:
    group = parser.add_argument_group("engine (see docs/cluster.md)")
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this process; dask: a Dask cluster",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="join the Dask cluster at ADDRESS (tcp://host:8786, or a scheduler file)",
    )
    group.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="without --scheduler: start a local cluster of N processes (default: CPUs)",
    )
    group.add_argument(
        "--partition-size",
        type=int,
        default=PARTITION_SIZE,
        metavar="N",
        help=f"documents per partition, the unit of work and of resuming (default {PARTITION_SIZE})",
    )
    group.add_argument(
        "--dashboard",
        default=DASHBOARD,
        metavar="ADDRESS",
        help=f"local cluster's dashboard address (default {DASHBOARD}: this machine only)",
    )
    group.add_argument("--no-progress", action="store_true", help="no progress bar on the terminal")
    if work_dir:
        group.add_argument(
            "--work-dir",
            default="mubiao-work",
            metavar="DIR",
            help="with --engine dask: the manifest (for resuming), records and errors shards (default mubiao-work)",
        )


def _check(paths: list[str]) -> str | None:
    if "-" in paths:
        return "standard input cannot be spread over a cluster; give files"
    return None


def _run(paths: list[str], job: Job, args: argparse.Namespace) -> JobReport:
    from mubiao.scale.engine import connect, run_job

    with connect(args.scheduler, args.workers, args.dashboard) as client:
        return run_job(paths, job, client, partition_size=args.partition_size, progress=not args.no_progress)


def run_extract(paths: list[str], options: IngestOptions, args: argparse.Namespace) -> int:
    """``mubiao extract --engine dask -o DIR``: records and errors as Parquet shards in DIR."""
    problem = _check(paths) or (None if args.output else "--engine dask writes Parquet shards: give -o DIR")
    if problem:
        print(f"mubiao: {problem}", file=sys.stderr)
        return 2
    from mubiao.scale.task import Job

    report = _run(paths, Job(options, out_dir=args.output), args)
    print(f"mubiao: {report.summary()}; shards in {args.output}", file=sys.stderr)
    return 1 if report.errors or report.failed else 0


def run_ingest(paths: list[str], options: IngestOptions, args: argparse.Namespace, db_url: str) -> int:
    """``mubiao ingest --engine dask``: the workers write documents and records to the store."""
    from mubiao.scale.task import Job
    from mubiao.store import crud, open_store

    if problem := _check(paths):
        print(f"mubiao: {problem}", file=sys.stderr)
        return 2
    store = open_store(db_url)  # creates or upgrades the schema once, before the workers write
    settings = {
        "inputs": paths,
        "options": dataclasses.asdict(options),
        "engine": "dask",
        "scheduler": args.scheduler,
        "partition_size": args.partition_size,
    }
    try:
        with store.begin() as session:
            run_id = crud.start_run(session=session, command="ingest", settings=settings).id
        report = _run(paths, Job(options, out_dir=args.work_dir, db_url=db_url, run_id=run_id), args)
        counts = {
            "documents_added": report.stored,
            "documents_read": report.documents,
            "records": report.records,
        }
        with store.begin() as session:
            crud.finish_run(session=session, run_id=run_id, counts={**counts, "errors": report.errors})
    finally:
        store.close()
    print(f"mubiao: {report.summary()}; {report.stored} documents new to the store", file=sys.stderr)
    return 1 if report.errors or report.failed else 0
