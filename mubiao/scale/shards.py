"""Parquet shards: one records shard and one errors shard per partition, written atomically.

The records schema is derived from ``TargetRecord`` so that shards cannot drift from the one
record type. Rows are sorted so that a shard's bytes depend only on its input.
"""

from __future__ import annotations

import os
import types
import typing
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from mubiao.record import TargetRecord

RECORDS_DIR = "records"
ERRORS_DIR = "errors"
SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".parquet"
TEMP_MARK = ".tmp-"

_ARROW_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a field annotation such as ``float | None``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _arrow_type(inner)
    return _ARROW_TYPES[hint]


RECORDS_SCHEMA = pa.schema(
    [pa.field(name, _arrow_type(hint)) for name, hint in typing.get_type_hints(TargetRecord).items()]
)
ERRORS_SCHEMA = pa.schema([("doc", pa.string()), ("input", pa.string()), ("reason", pa.string())])


def record_sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Text order within a document, documents by id; the remaining fields break ties."""
    rest = tuple("" if row[name] is None else str(row[name]) for name in RECORDS_SCHEMA.names)
    return (row["doc"], row["start"], row["end"], rest)


def error_sort_key(row: dict[str, Any]) -> tuple[str, str, str]:
    return (row["input"], row["doc"] or "", row["reason"])


def shard_path(out_dir: Path, kind: str, key: str) -> Path:
    return out_dir / kind / f"{SHARD_PREFIX}{key}{SHARD_SUFFIX}"


def shard_key(path: Path) -> str | None:
    """The partition key of a shard file name, or None for files that are not shards."""
    name = path.name
    if name.startswith(SHARD_PREFIX) and name.endswith(SHARD_SUFFIX):
        return name[len(SHARD_PREFIX) : -len(SHARD_SUFFIX)]
    return None


def write_shard(path: Path, rows: Iterable[dict[str, Any]], schema: pa.Schema) -> None:
    """Write ``rows`` to ``path`` so that readers see either no file or the whole file:
    a temporary file in the same directory, then an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f"{TEMP_MARK}{uuid.uuid4().hex}-{path.name}")
    try:
        pq.write_table(pa.Table.from_pylist(list(rows), schema=schema), temp)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_records(out_dir: Path, key: str, rows: list[dict[str, Any]]) -> None:
    write_shard(shard_path(out_dir, RECORDS_DIR, key), sorted(rows, key=record_sort_key), RECORDS_SCHEMA)


def write_errors(out_dir: Path, key: str, rows: list[dict[str, Any]]) -> None:
    write_shard(shard_path(out_dir, ERRORS_DIR, key), sorted(rows, key=error_sort_key), ERRORS_SCHEMA)


def read_table(out_dir: Path, kind: str) -> pa.Table:
    """Every shard of one kind as one table (empty, with the schema, when there is none)."""
    schema = RECORDS_SCHEMA if kind == RECORDS_DIR else ERRORS_SCHEMA
    files = sorted((out_dir / kind).glob(f"{SHARD_PREFIX}*{SHARD_SUFFIX}"))
    if not files:
        return schema.empty_table()
    return pa.concat_tables(pq.read_table(f, schema=schema) for f in files)


def prune(out_dir: Path, keep: set[str]) -> int:
    """Delete leftover temporary files and the shards of partitions that are not in ``keep``
    (an earlier run over other inputs or another partitioning); returns how many shards went."""
    removed = 0
    for kind in (RECORDS_DIR, ERRORS_DIR):
        folder = out_dir / kind
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name.startswith(TEMP_MARK):
                path.unlink(missing_ok=True)
            elif (key := shard_key(path)) is not None and key not in keep:
                path.unlink(missing_ok=True)
                removed += 1
    return removed
