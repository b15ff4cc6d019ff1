"""Exports read the store a batch at a time: files written in small batches are those written
in one; tracking one indicator at a time gives the table tracking every record at once gives,
people's decisions included."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from ingest_support import REPO

from mubiao.export import export
from mubiao.export import tables as export_tables
from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions, read_source
from mubiao.store import Store, open_store, tracking
from mubiao.store.ingest import ingest
from mubiao.store.review import decide, machine_key
from mubiao.store.reviewed import current_records, query_items
from mubiao.track import track

# a series of national reports: each year's targets judged by the next year's outcomes
REPORTS = sorted((REPO / "corpus" / "national").glob("201[4-8]_*.txt"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('store') / 'mubiao.db'}")
    documents = [d for path in REPORTS for d in read_source(str(path), IngestOptions())]
    ingest(opened, documents, extractor=extract_document)
    with opened.begin() as session:
        items = query_items(session=session, limit=None)
        targets = [i for i in items if i.record.modality == "target" and i.record.indicator]
        outcomes = [i for i in items if i.record.modality == "actual" and i.record.indicator]
        for item, action, fields in (
            (targets[0], "reject", {}),
            (targets[1], "accept", {}),
            (targets[2], "correct", {"value_low": 1.0, "value_high": 1.0}),
            (outcomes[0], "reject", {}),
            (outcomes[1], "correct", {"value_low": 99.0, "value_high": 99.0}),
            (outcomes[2], "accept", {}),
        ):
            key = machine_key(item.record.start, item.record.end)
            decide(
                session=session,
                document_id=item.document_id,
                reviewer="王芳",
                action=action,
                key=key,
                fields=fields,
            )
        # a record a person added, of an indicator the machine never saw
        first = targets[3].record
        decide(
            session=session,
            document_id=targets[3].document_id,
            reviewer="王芳",
            action="add",
            fields={
                "start": first.start,
                "end": first.end,
                "indicator_text": "某项新指标",
                "indicator": None,
                "measure": "level",
                "value_low": 5.0,
                "value_high": 5.0,
                "comparator": "eq",
                "unit": "%",
                "modality": "target",
                "period": first.period,
                "quote": first.quote,
            },
        )
    return opened


@pytest.mark.parametrize("reviewed_only", [False, True])
def test_tracking_by_indicator_is_tracking_everything_at_once(store: Store, reviewed_only: bool) -> None:
    with store.session() as session:
        everything = [
            r
            for r in current_records(session=session, reviewed_only=reviewed_only)
            if r.indicator_key or r.indicator
        ]
        by_indicator = tracking.tracking_table(session=session, reviewed_only=reviewed_only)
    assert by_indicator == track(everything)
    indicators = {(r.indicator_key, r.measure) for r in by_indicator}
    # reviewed only: the reviewed targets and the one a person added, of its own indicator
    assert len(indicators) > 10 if not reviewed_only else ("某项新指标", "level") in indicators


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_stata(path)


@pytest.mark.parametrize("panel", [False, True])
def test_small_batches_write_the_files_one_batch_writes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, panel: bool
) -> None:
    formats = ["csv", "jsonl", "parquet", "dta"]
    whole = export(store, tmp_path / "whole", formats, panel=panel)
    monkeypatch.setattr(export_tables, "BATCH", 7)
    monkeypatch.setattr(export_tables, "DOCUMENTS_AT_A_TIME", 2)
    batched = export(store, tmp_path / "batched", formats, panel=panel)
    assert [p.name for p in whole] == [p.name for p in batched]
    for one, other in zip(whole, batched, strict=True):
        if one.suffix in (".parquet", ".dta"):
            pd.testing.assert_frame_equal(read(one), read(other))
        else:
            assert one.read_bytes() == other.read_bytes(), one.name
    table = "panel" if panel else "records"
    rows = [json.loads(line) for line in (tmp_path / "batched" / f"{table}.jsonl").open(encoding="utf-8")]
    assert len(rows) > 7 * 10  # many batches
    assert not list((tmp_path / "batched").glob("*.part"))


def test_a_failed_export_leaves_no_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        yield {"document_id": 1}
        raise RuntimeError("the store went away")

    monkeypatch.setattr(export_tables, "documents_rows", broken)
    with pytest.raises(RuntimeError):
        export(store, tmp_path, ["csv", "parquet"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.csv", "records.parquet"]


def test_peak_memory_of_an_export_does_not_grow_with_the_store(tmp_path: Path) -> None:
    """Five times the records and documents, far less than the 90 MiB more of whole tables. (The tracking table grows
    with the targets, by design: here the records have no indicator, so it stays empty.)"""
    spec = importlib.util.spec_from_file_location("measure_memory", REPO / "scripts" / "measure_memory.py")
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    peaks = []
    for records in (3_000, 15_000):
        db = str(tmp_path / f"{records}.db")
        made = measure.make_store(db, records)
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE records SET indicator = NULL, indicator_key = NULL")
        result = measure.export_in_child(db, "csv,jsonl,parquet")
        assert result["exit_code"] == 0 and result["files_mib"]["records.csv"] > 0
        peaks.append((made["records"], result["peak_rss_mib"]))
    (small, first), (large, second) = peaks
    assert large >= 4 * small
    # the whole tables of the larger store in memory took some 90 MiB more before exports streamed
    assert second - first < 30, peaks
