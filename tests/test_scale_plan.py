"""Partition planning, shards and the manifest: the parts of the Dask engine that need no cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from mubiao.record import RECORD_FIELDS, TargetRecord
from mubiao.scale import shards
from mubiao.scale.manifest import Manifest
from mubiao.scale.partition import InputInfo, plan_partitions


def info(name: str, units: int = 1, size: int = 1000, sha: str = "a") -> InputInfo:
    return InputInfo(path=name, units=units, size=size, sha256=sha)


def test_single_documents_are_grouped_up_to_the_partition_size() -> None:
    parts = list(
        plan_partitions([info(f"{i}.txt") for i in range(7)], partition_size=3, partition_bytes=1 << 30)
    )
    assert [len(p.sources) for p in parts] == [3, 3, 1]
    assert [s.path for p in parts for s in p.sources] == [f"{i}.txt" for i in range(7)]
    assert all(s.rows is None for p in parts for s in p.sources)


def test_groups_are_also_bounded_by_bytes() -> None:
    parts = list(
        plan_partitions(
            [info(f"{i}.txt", size=400) for i in range(5)], partition_size=100, partition_bytes=1000
        )
    )
    assert [len(p.sources) for p in parts] == [2, 2, 1]


def test_a_corpus_is_cut_into_row_ranges_that_cover_every_row_once() -> None:
    parts = list(plan_partitions([info("a.txt"), info("c.jsonl", units=1050, size=10_500)], 500, 1 << 30))
    assert [p.sources[0].rows for p in parts[1:]] == [(0, 500), (500, 1000), (1000, 1050)]
    assert [p.documents for p in parts] == [1, 500, 500, 50]
    assert parts[0].sources[0].path == "a.txt"


def test_rows_per_partition_shrink_for_long_rows() -> None:
    """100 rows of 1 MB each with a 10 MB budget: 10 rows per partition, not 500."""
    parts = list(plan_partitions([info("big.jsonl", units=100, size=100 << 20)], 500, 10 << 20))
    assert len(parts) == 10 and all(p.documents == 10 for p in parts)


def test_the_key_changes_with_the_content_and_the_rows_but_not_between_runs() -> None:
    (a,) = plan_partitions([info("c.jsonl", units=10, sha="1")], 10, 1 << 30)
    (same,) = plan_partitions([info("c.jsonl", units=10, sha="1")], 10, 1 << 30)
    (edited,) = plan_partitions([info("c.jsonl", units=10, sha="2")], 10, 1 << 30)
    first, _ = plan_partitions([info("c.jsonl", units=10, sha="1")], 5, 1 << 30)
    assert a.key == same.key
    assert len({a.key, edited.key, first.key}) == 3


def record(doc: str, start: int) -> dict:
    return TargetRecord(
        doc, start, start + 2, "5%", "增长5%", "增长", None, "growth", 5.0, 5.0, "eq", "%", "target", "2026"
    ).to_dict()


def test_shards_hold_every_record_field_sorted_and_leave_no_temporary_file(tmp_path: Path) -> None:
    rows = [record("b", 3), record("a", 9), record("a", 1)]
    shards.write_records(tmp_path, "k1", rows)
    table = pq.read_table(shards.shard_path(tmp_path, shards.RECORDS_DIR, "k1"))
    assert tuple(table.column_names) == RECORD_FIELDS
    assert [(r["doc"], r["start"]) for r in table.to_pylist()] == [("a", 1), ("a", 9), ("b", 3)]
    assert TargetRecord.from_dict(table.to_pylist()[0]) == TargetRecord.from_dict(rows[2])
    assert [p.name for p in (tmp_path / shards.RECORDS_DIR).iterdir()] == ["part-k1.parquet"]


def test_prune_removes_stale_shards_and_temporary_files(tmp_path: Path) -> None:
    shards.write_records(tmp_path, "keep", [])
    shards.write_records(tmp_path, "old", [])
    (tmp_path / shards.RECORDS_DIR / f"{shards.TEMP_MARK}x-part-keep.parquet").write_bytes(b"partial")
    assert shards.prune(tmp_path, {"keep"}) == 1
    assert [p.name for p in (tmp_path / shards.RECORDS_DIR).iterdir()] == ["part-keep.parquet"]


def test_a_torn_manifest_line_is_dropped_and_later_lines_stay_readable(tmp_path: Path) -> None:
    manifest = Manifest(tmp_path)
    manifest.add({"key": "p1", "documents": 3})
    with manifest.path.open("a", encoding="utf-8") as stream:
        stream.write('{"key": "p2", "docu')  # killed mid-write
    reopened = Manifest(tmp_path)
    assert set(reopened.entries) == {"p1"}
    reopened.add({"key": "p3", "documents": 1})
    lines = [json.loads(line) for line in manifest.path.read_text(encoding="utf-8").splitlines()]
    assert [line["key"] for line in lines] == ["p1", "p3"]


@pytest.mark.parametrize("keys", [{"p1"}, set()])
def test_manifest_forgets_partitions_no_longer_planned(tmp_path: Path, keys: set[str]) -> None:
    manifest = Manifest(tmp_path)
    manifest.add({"key": "p1"})
    manifest.add({"key": "p2"})
    manifest.keep_only(keys)
    assert set(Manifest(tmp_path).entries) == keys
