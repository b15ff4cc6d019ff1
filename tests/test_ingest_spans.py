"""Byte spans: where a corpus file's records start, and reading a span without reading the
bytes before it (counted through a wrapper around the file)."""

from __future__ import annotations

import builtins
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from spans_support import text, write_csv_rows, write_jsonl_rows, write_warc_pages

from mubiao.ingest import ReadError, Span, read_source, record_starts, tables
from mubiao.record import Document


def test_json_lines_start_where_the_writer_put_each_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    starts = write_jsonl_rows(path, 30)
    assert list(record_starts(str(path)) or []) == list(enumerate(starts))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_csv_records_start_after_whole_quoted_fields_and_skip_blank_lines(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "c.csv"
    starts = write_csv_rows(path, 40, encoding)
    assert list(record_starts(str(path)) or []) == list(enumerate(starts))


def test_files_that_cannot_be_entered_in_the_middle_have_no_starts(tmp_path: Path) -> None:
    rows = [{"full_text": text(i)} for i in range(3)]
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    wide = tmp_path / "c.csv"
    wide.write_text("full_text\n" + "".join(r["full_text"] + "\n" for r in rows), encoding="utf-16")
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    for path in (packed, wide, parquet):
        assert record_starts(str(path)) is None, path
        assert len(list(read_source(str(path), None, range(1, 3)))) == 2  # read up to the rows instead


def test_a_span_of_a_gzip_file_is_read_from_the_start(tmp_path: Path) -> None:
    plain = tmp_path / "c.jsonl"
    starts = write_jsonl_rows(plain, 10)
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    span = Span(4, 7, starts[4], starts[7])  # offsets of the uncompressed lines: meaningless here
    assert [d.id for d in read_source(str(packed), None, None, span)] == [f"{packed}#{i}" for i in (4, 5, 6)]


class Tally:
    """Every read from one file: (offset, bytes)."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.reads: list[tuple[int, int]] = []

    def before(self, offset: int) -> int:
        """Bytes read that lie before ``offset``."""
        return sum(max(0, min(at + n, offset) - at) for at, n in self.reads)

    def total(self) -> int:
        return sum(n for _, n in self.reads)


def counting_open(tally: Tally) -> Any:
    real_open = builtins.open

    class CountingFile(io.FileIO):
        def readinto(self, buffer: Any) -> int | None:
            at = self.tell()
            got = super().readinto(buffer)
            tally.reads.append((at, got or 0))
            return got

        def read(self, size: int = -1) -> bytes | None:
            at = self.tell()
            data = super().read(size)
            tally.reads.append((at, len(data or b"")))
            return data

        def readall(self) -> bytes:
            return self.read(-1) or b""

    def fake_open(file: Any, mode: str = "r", buffering: int = -1, *args: Any, **kwargs: Any) -> Any:
        if str(file) == tally.path and mode == "rb":
            raw = CountingFile(file, "r")
            return raw if buffering == 0 else io.BufferedReader(raw)
        return real_open(file, mode, buffering, *args, **kwargs)

    return fake_open


WRITERS = {
    "c.jsonl": lambda path: write_jsonl_rows(path, 3000),
    "c.csv": lambda path: write_csv_rows(path, 3000),
    "c.warc.gz": lambda path: write_warc_pages(path, 1200),
}
# Bytes before the span that a reader may read, whatever the span: a CSV reader reads its header
# and a sample for the encoding, a JSON Lines reader the first row (which settles the columns).
ALLOWED_BEFORE = {"c.jsonl": io.DEFAULT_BUFFER_SIZE, "c.csv": 2 * tables.SAMPLE_BYTES, "c.warc.gz": 0}


def spans_of(path: Path, rows_per_span: int) -> Iterator[Span]:
    starts = list(record_starts(str(path)) or [])
    cuts = starts[::rows_per_span] + [(len(starts), path.stat().st_size)]
    for (first, start), (end, stop) in zip(cuts, cuts[1:], strict=False):
        yield Span(first, end, start, stop)


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_late_span_does_not_read_the_beginning_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = tmp_path / name
    WRITERS[name](path)
    *_, span = spans_of(path, 40)
    assert span.start > 8 * tables.SAMPLE_BYTES  # much more than what a CSV reader reads at the top

    with monkeypatch.context() as patch:
        sought = Tally(path)
        patch.setattr(builtins, "open", counting_open(sought))
        by_span = list(read_source(str(path), None, None, span))
        skipped = Tally(path)
        patch.setattr(builtins, "open", counting_open(skipped))
        by_rows = list(read_source(str(path), None, span.rows()))

    assert by_span == by_rows and all(isinstance(d, Document) for d in by_span)
    assert [d.id for d in by_span] == [f"{path}#{i}" for i in span.rows()]
    assert sought.before(span.start) <= ALLOWED_BEFORE[name]
    length = span.stop - span.start
    assert length <= sought.total() <= ALLOWED_BEFORE[name] + length + io.DEFAULT_BUFFER_SIZE
    assert skipped.before(span.start) >= span.start  # without the span, everything before is read


def test_parquet_reads_only_the_row_groups_of_the_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist([{"full_text": text(i)} for i in range(100)]), path, row_group_size=8)
    whole = list(read_source(str(path)))
    asked: list[list[int]] = []
    iter_batches = pq.ParquetFile.iter_batches

    def recording(self: pq.ParquetFile, *args: Any, **kwargs: Any) -> Any:
        asked.append(list(kwargs["row_groups"]))
        return iter_batches(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", recording)
    for rows in (range(0, 3), range(30, 50), range(90, 100), range(99, 200)):
        part = list(read_source(str(path), None, rows))
        assert part == whole[rows.start : rows.stop]
        assert all(
            isinstance(d, Document) and d.id == f"{path}#{i}" for i, d in zip(rows, part, strict=False)
        )
    assert asked == [[0], [3, 4, 5, 6], [11, 12], [12]]
    assert list(read_source(str(path), None, range(100, 120))) == []
    assert not any(isinstance(d, ReadError) for d in whole)


def test_a_csv_with_an_unclosed_quote_reads_the_same_in_spans_as_whole(tmp_path: Path) -> None:
    # the starts were found by a lenient reader, in which the broken row swallows the rows after it,
    # while a span is read strictly: the two numbered rows differently (two documents named #2)
    path = tmp_path / "c.csv"
    rows = [
        "a,地区生产总值增长5%",
        'b,"城镇新增就业5万人',
        "c,居民收入增长5%",
        'd,"粮食产量\n稳定"',
        "e,新建学校3所",
    ]
    path.write_text("title,full_text\n" + "\n".join(rows) + "\n", encoding="utf-8")

    def named(items: Iterator[Document | ReadError]) -> list[tuple[str, str]]:
        return [(i.id, i.text) if isinstance(i, Document) else (i.input, "error") for i in items]

    whole = named(read_source(str(path)))
    assert [name for name, _ in whole] == [f"{path}#{i}" for i in range(5)]
    starts = list(record_starts(str(path)) or [])
    assert [row for row, _ in starts] == list(range(5))
    ends = [offset for _, offset in starts[1:]] + [path.stat().st_size]
    spans = [Span(row, row + 1, start, end) for (row, start), end in zip(starts, ends, strict=True)]
    assert [item for span in spans for item in named(read_source(str(path), None, None, span))] == whole
