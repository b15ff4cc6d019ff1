"""One partition's work, run in this process: failures become error rows, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from pgserver import fresh_database_url

from mubiao import extract_document
from mubiao.ingest import IngestOptions, read_source
from mubiao.record import Document, TargetRecord
from mubiao.scale import shards
from mubiao.scale.partition import Partition, Source
from mubiao.scale.task import Job, process_partition
from mubiao.store import crud, open_store

TEXTS = [
    "2026年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。",
    "全年粮食总产量稳定在1000万吨以上。",
    "这一行让假的抽取器出错。",
    "居民消费价格涨幅2%左右。",
]


def write_corpus(path: Path, bad_line: bool) -> int:
    lines = [
        json.dumps({"id": f"d{i}", "full_text": text}, ensure_ascii=False) for i, text in enumerate(TEXTS)
    ]
    if bad_line:
        lines.insert(2, '{"id": "broken", "full_text": ')  # a row cut short
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def flaky(document: Document) -> list[TargetRecord]:
    if "出错" in document.text:
        raise ValueError("cannot interpret")
    return extract_document(document)


def test_a_failing_document_and_a_malformed_row_become_error_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    rows = write_corpus(corpus, bad_line=True)
    partition = Partition((Source(str(corpus), (0, rows), "x"),), documents=rows, size=0)
    result = process_partition(
        partition, Job(IngestOptions(), out_dir=str(tmp_path / "out"), extractor=flaky)
    )

    assert (result.documents, result.errors) == (len(TEXTS), 2)
    errors = pq.read_table(shards.shard_path(tmp_path / "out", shards.ERRORS_DIR, partition.key)).to_pylist()
    failed = [e for e in errors if e["doc"] == f"{corpus}#d2"]
    assert len(failed) == 1 and failed[0]["reason"] == "extraction failed (ValueError: cannot interpret)"
    malformed = [e for e in errors if e["doc"] is None]
    assert len(malformed) == 1 and "corpus.jsonl" in malformed[0]["input"]

    records = pq.read_table(
        shards.shard_path(tmp_path / "out", shards.RECORDS_DIR, partition.key)
    ).to_pylist()
    readable = [d for d in read_source(str(corpus), IngestOptions()) if isinstance(d, Document)]
    expected = [r.to_dict() for d in readable if "出错" not in d.text for r in extract_document(d)]
    assert expected
    assert sorted(records, key=shards.record_sort_key) == sorted(expected, key=shards.record_sort_key)
    assert result.records == len(expected)


def test_a_missing_input_is_an_error_row_not_an_exception(tmp_path: Path) -> None:
    partition = Partition((Source(str(tmp_path / "gone.txt"), None, "x"),), documents=1, size=0)
    result = process_partition(partition, Job(IngestOptions(), out_dir=str(tmp_path)))
    assert result.errors == 1 and result.documents == 0
    (row,) = shards.read_table(tmp_path, shards.ERRORS_DIR).to_pylist()
    assert "gone.txt" in row["input"]


def test_a_document_the_database_refuses_is_an_error_row_and_the_others_are_stored(tmp_path: Path) -> None:
    # PostgreSQL checks column lengths: a row id of 1,100 characters made the batch's transaction fail,
    # and the partition with it ("partition lost, rerun to redo it", which failed again on every rerun)
    url = fresh_database_url()
    open_store(url).close()  # the client creates the schema before the workers write
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "x" * 1100, "full_text": TEXTS[0]}, {"id": "ok", "full_text": TEXTS[1]}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    partition = Partition((Source(str(corpus), (0, 2), "x"),), documents=2, size=0)
    result = process_partition(partition, Job(IngestOptions(), out_dir=str(tmp_path / "out"), db_url=url))
    assert (result.documents, result.stored, result.errors) == (2, 1, 1)
    (error,) = shards.read_table(tmp_path / "out", shards.ERRORS_DIR).to_pylist()
    assert error["doc"] == f"{corpus}#{'x' * 1100}"
    assert error["reason"] == "not stored (value too long for type character varying(1024))"
    store = open_store(url)
    with store.session() as session:
        assert [row.key for row in crud.list_documents(session=session)] == [f"{corpus}#ok"]
    store.close()
