"""Partitions cut at byte offsets: every format read partition by partition gives the documents,
ids and errors of one read of the whole file, and the records of one partition task."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from spans_support import text, write_csv_rows, write_warc_pages

from mubiao.ingest import IngestOptions, Span, read_source
from mubiao.record import Document, TargetRecord
from mubiao.scale.partition import cut_spans, describe_input, plan_partitions
from mubiao.scale.task import Job, process_partition

ROWS = 60
PARTITION_ROWS = 7


def jsonl_with_bad_lines(path: Path) -> None:
    """Ids from an id column on some rows only, a BOM, blank lines and lines that are not rows."""
    lines = []
    for i in range(ROWS):
        row = {"full_text": text(i), **({"id": f"n{i}"} if i % 4 == 0 else {})}
        lines.append(json.dumps(row, ensure_ascii=False))
        if i % 9 == 4:
            lines.append("")
        if i % 13 == 6:
            lines.append('{"full_text": "截断')
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")


def plain(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".gz"))


def gzipped(write: Callable[[Path], object]) -> Callable[[Path], None]:
    """A writer of the gzip-compressed file, from a writer of the plain one."""

    def writer(path: Path) -> None:
        write(plain(path))
        path.write_bytes(gzip.compress(plain(path).read_bytes()))
        plain(path).unlink()

    return writer


def tsv(path: Path) -> None:
    path.write_text(
        "title\tfull_text\n" + "".join(f"新闻{i}\t{text(i)}\n" for i in range(ROWS)), encoding="utf-8"
    )


def parquet(path: Path) -> None:
    rows = [{"title": f"新闻{i}", "full_text": text(i)} for i in range(ROWS)]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=5)


WRITERS = {
    "c.jsonl": jsonl_with_bad_lines,
    "c.csv": lambda path: write_csv_rows(path, ROWS),
    "gbk.csv": lambda path: write_csv_rows(path, ROWS, "gb18030"),
    "c.tsv": tsv,
    "c.warc": lambda path: write_warc_pages(path, 20),
    "c.warc.gz": lambda path: write_warc_pages(path, 20),
    "c.jsonl.gz": gzipped(jsonl_with_bad_lines),
    "c.csv.gz": gzipped(lambda path: write_csv_rows(path, ROWS)),
    "c.parquet": parquet,
}
SOUGHT = {"c.jsonl", "c.csv", "gbk.csv", "c.tsv", "c.warc", "c.warc.gz"}  # the others have no spans


@pytest.mark.parametrize("name", list(WRITERS))
def test_partitions_read_what_the_whole_file_holds(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    WRITERS[name](path)
    options = IngestOptions()
    info = describe_input(str(path), options, PARTITION_ROWS, 1 << 30)
    partitions = list(plan_partitions([info], PARTITION_ROWS, 1 << 30))
    sources = [source for partition in partitions for source in partition.sources]

    assert (info.spans is not None) == (name in SOUGHT)
    assert len(sources) == -(-info.units // PARTITION_ROWS) > 2
    assert all((s.span is not None) == (name in SOUGHT) for s in sources)
    whole = list(read_source(str(path), options))
    parts = [item for s in sources for item in read_source(s.path, options, s.row_range(), s.span)]
    assert parts == whole
    assert len({getattr(item, "id", None) or item.input for item in whole}) == len(whole)


def test_a_partition_task_gives_the_records_of_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    write_csv_rows(path, ROWS)
    info = describe_input(str(path), IngestOptions(), PARTITION_ROWS, 1 << 30)
    partition = list(plan_partitions([info], PARTITION_ROWS, 1 << 30))[-2]
    (source,) = partition.sources
    seen: list[str] = []

    def extractor(document: Document) -> list[TargetRecord]:  # notes what it was given, finds nothing
        seen.append(document.id)
        return []

    result = process_partition(partition, Job(IngestOptions(), extractor=extractor))
    assert seen == [f"{path}#{i}" for i in range(*source.rows)] and result.documents == len(seen)


def test_spans_are_cut_by_rows_and_by_bytes_and_end_at_the_end_of_the_file() -> None:
    starts = [(row, row * 10) for row in range(10)]  # ten rows of ten bytes
    assert cut_spans(starts, 100, 4, 1000) == [Span(0, 4, 0, 40), Span(4, 8, 40, 80), Span(8, 10, 80, 100)]
    assert cut_spans(starts, 100, 100, 25) == [
        Span(0, 3, 0, 30),
        Span(3, 6, 30, 60),
        Span(6, 9, 60, 90),
        Span(9, 10, 90, 100),
    ]
    # a row longer than the byte budget is a span of its own; rows need not start at 0 bytes
    assert cut_spans([(0, 5), (1, 500), (2, 510)], 520, 10, 100) == [Span(0, 1, 5, 500), Span(1, 3, 500, 520)]
    assert cut_spans([], 10, 5, 5) == []


def test_a_file_that_cannot_be_scanned_is_cut_by_row_counts(tmp_path: Path) -> None:
    """A CSV whose lines end in a lone CR: the scan (which cuts lines at LF) stops with a csv
    error, and the file is partitioned by row counts instead, read from its start."""
    path = tmp_path / "mac.csv"
    path.write_bytes(("title,full_text\r" + "".join(f"新闻{i},{text(i)}\r" for i in range(30))).encode())
    info = describe_input(str(path), IngestOptions(), 10, 1 << 30)
    assert info.spans is None and info.units == 30
    sources = [s for p in plan_partitions([info], 10, 1 << 30) for s in p.sources]
    assert [s.rows for s in sources] == [(0, 10), (10, 20), (20, 30)]
    parts = [d for s in sources for d in read_source(s.path, None, s.row_range(), s.span)]
    assert parts == list(read_source(str(path))) and len(parts) == 30
