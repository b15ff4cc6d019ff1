"""The work done for one partition, on a worker: read, extract, write the shards.

Only counts travel back to the client; records stay on the worker until they are written.
A document that cannot be read or whose extraction fails becomes an error row and the
partition goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from mubiao.extract.failures import extract_or_error
from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions, ReadError, read_source
from mubiao.record import RECORD_FIELDS, Document, TargetRecord
from mubiao.scale import shards
from mubiao.scale.partition import Partition

Extractor = Callable[[Document], list[TargetRecord]]
# TargetRecord.to_dict (dataclasses.asdict) deep-copies; the fields are flat, so read them
# directly: a tenth of the cost, which shows at millions of records.
_values = attrgetter(*RECORD_FIELDS)
ERRORS_SENT_BACK = 5  # a sample for the terminal; every error is in the errors shard


@dataclass(frozen=True, slots=True)
class Job:
    """What every partition task needs; sent to the workers with each task."""

    options: IngestOptions
    out_dir: str | None = None  # Parquet shards (records/, errors/) and the manifest
    db_url: str | None = None  # a store that the workers write documents and records to
    run_id: int | None = None  # the store's run that the documents are written for
    extractor: Extractor = extract_document


@dataclass(slots=True)
class PartitionResult:
    key: str
    documents: int = 0
    chars: int = 0
    records: int = 0
    errors: int = 0
    stored: int = 0  # documents new to the store
    skipped: int = 0  # units with nothing to read
    seconds: float = 0.0
    first_errors: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "chars": self.chars,
            "records": self.records,
            "errors": self.errors,
            "stored": self.stored,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
        }


def error_row(doc: str | None, source: str, reason: str) -> dict[str, Any]:
    return {"doc": doc, "input": source, "reason": reason}


def describe_exception(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def process_partition(partition: Partition, job: Job) -> PartitionResult:
    began = time.perf_counter()
    result = PartitionResult(partition.key)
    records: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    sink = None
    if job.db_url is not None:
        from mubiao.scale.dbsink import DatabaseSink  # the store's dependencies only when asked for

        sink = DatabaseSink(job.db_url, job.run_id)
    for source in partition.sources:
        try:
            for item in read_source(source.path, job.options, source.row_range(), source.span):
                if isinstance(item, ReadError):
                    if item.skipped:  # nothing to read (an empty text cell): counted, not an error
                        result.skipped += 1
                    else:
                        errors.append(error_row(None, item.input, item.reason))
                    continue
                result.documents += 1
                result.chars += len(item.text)
                found = extract_or_error(job.extractor, item)
                if isinstance(found, ReadError):  # one bad document must not stop the others
                    errors.append(error_row(item.id, source.label(), found.reason))
                    continue
                records.extend(dict(zip(RECORD_FIELDS, _values(record), strict=True)) for record in found)
                if sink is not None:
                    sink.add(item, found)
        except Exception as exc:  # a source that breaks off mid-way: keep what was read
            errors.append(error_row(None, source.label(), describe_exception(exc)))
    if sink is not None:
        sink.flush()
        result.stored = sink.added
        errors.extend(error_row(doc, partition.label(), reason) for doc, reason in sink.refused)
    result.records, result.errors = len(records), len(errors)
    result.first_errors = errors[:ERRORS_SENT_BACK]
    if job.out_dir is not None:
        out_dir = Path(job.out_dir)
        shards.write_records(out_dir, partition.key, records)
        shards.write_errors(out_dir, partition.key, errors)
    result.seconds = time.perf_counter() - began
    return result
