"""Corpora: CSV/TSV, JSON Lines and Parquet, one document per row, streamed (never loaded whole).
Row ``i`` (0-based; for JSON Lines, line ``i + 1``) becomes ``path#<id column value>`` or ``path#i``."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from mubiao.ingest.base import BadInput, IngestOptions, ReadError
from mubiao.ingest.boilerplate import cues
from mubiao.ingest.encoding import decode
from mubiao.ingest.metadata import complete
from mubiao.ingest.txt import clean
from mubiao.record import Document

csv.field_size_limit(2**31 - 1)  # a whole report fits in one cell
SAMPLE_BYTES = 1 << 16
DEFAULT_TEXT_COLUMN = IngestOptions().text_column
PARQUET_BATCH_ROWS = 64
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True, slots=True)
class Columns:
    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    region: str | None = None
    url: str | None = None


def resolve_columns(names: Sequence[str], options: IngestOptions) -> Columns:
    """The columns to read: those the flags name (which must exist), else conventional names."""
    known = cues()["columns"]
    present = set(names)

    def pick(kind: str, chosen: str | None) -> str | None:
        if chosen is not None:
            if chosen not in present:
                raise BadInput(f"no column {chosen!r} for --{kind}-column (columns: {', '.join(names)})")
            return chosen
        return next((name for name in known[kind] if name in present), None)

    if options.text_column in present:
        text = options.text_column
    elif options.text_column == DEFAULT_TEXT_COLUMN:
        text = pick("text", None)
    else:
        text = None
    if text is None:
        raise BadInput(
            f"no text column {options.text_column!r} (columns: {', '.join(names)}); name it with --text-column"
        )
    return Columns(
        text=text,
        id=pick("id", options.id_column),
        title=pick("title", options.title_column),
        date=pick("date", options.date_column),
        region=pick("region", options.region_column),
        url=pick("url", options.url_column),
    )


def _cell(row: Mapping[str, Any], column: str | None) -> str | None:
    value = row.get(column) if column else None
    if value is None:
        return None
    return str(value).strip() or None


def row_document(
    source: str, index: int, row: Mapping[str, Any], columns: Columns, options: IngestOptions
) -> Document | ReadError:
    key = _cell(row, columns.id)
    doc_id = f"{source}#{key if key is not None else index}"
    value = row.get(columns.text)
    if value is None or not str(value).strip():
        return ReadError(doc_id, f"empty {columns.text!r}", skipped=True)
    document = Document(
        text=clean(str(value), options),
        id=doc_id,
        title=_cell(row, columns.title),
        published=row.get(columns.date) if columns.date else None,
        region=_cell(row, columns.region),
        url=_cell(row, columns.url),
    )
    return complete(document, options)


def _binary(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def _text_encoding(path: str) -> str:
    """The encoding of a delimited file, from its first 64 KiB."""
    with _binary(path) as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise BadInput("empty file")
    if len(sample) == SAMPLE_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # no character is cut in two at a line end
    return decode(sample)[1]


def read_delimited(
    source: str, path: str, options: IngestOptions, rows: range | None, delimiter: str
) -> Iterator[Document | ReadError]:
    encoding = _text_encoding(path)
    index = -1
    try:
        with io.TextIOWrapper(_binary(path), encoding=encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter)
            header = next(reader, None)
            if not header:
                raise BadInput("empty file")
            columns = resolve_columns(header, options)
            for fields in reader:
                if not fields:
                    continue  # blank line
                index += 1
                if rows is not None and index < rows.start:
                    continue
                if rows is not None and index >= rows.stop:
                    break
                if len(fields) != len(header):
                    yield ReadError(
                        f"{source}#{index}",
                        f"row {index}: {len(fields)} fields where the header has {len(header)}",
                    )
                    continue
                yield row_document(source, index, dict(zip(header, fields, strict=True)), columns, options)
    except UnicodeDecodeError as exc:
        raise BadInput(f"not valid {encoding} after row {index} ({exc.reason})") from exc
    except csv.Error as exc:
        raise BadInput(f"malformed CSV after row {index}: {exc}") from exc
    except STREAM_ERRORS as exc:
        raise BadInput(f"truncated or corrupt compressed file after row {index}") from exc


def count_delimited(path: str, delimiter: str) -> int:
    encoding = _text_encoding(path)
    with io.TextIOWrapper(_binary(path), encoding=encoding, errors="replace", newline="") as handle:
        return max(sum(1 for fields in csv.reader(handle, delimiter=delimiter) if fields) - 1, 0)


def read_jsonl(
    source: str, path: str, options: IngestOptions, rows: range | None
) -> Iterator[Document | ReadError]:
    columns: Columns | None = None
    index = -1
    try:
        with _binary(path) as handle:
            for index, line in enumerate(handle):
                if rows is not None and index < rows.start:
                    continue
                if rows is not None and index >= rows.stop:
                    break
                if index == 0:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    truncated = not line.endswith(b"\n")
                    reason = "truncated" if truncated else "not valid JSON"
                    yield ReadError(f"{source}#{index}", f"line {index + 1}: {reason} ({str(exc)[:80]})")
                    continue
                if not isinstance(row, dict):
                    yield ReadError(f"{source}#{index}", f"line {index + 1}: not a JSON object")
                    continue
                try:
                    columns = columns or resolve_columns(list(row), options)
                except BadInput as exc:
                    yield ReadError(f"{source}#{index}", f"line {index + 1}: {exc}")
                    continue
                if columns.text not in row:
                    yield ReadError(f"{source}#{index}", f"line {index + 1}: no {columns.text!r} field")
                    continue
                yield row_document(source, index, row, columns, options)
    except STREAM_ERRORS as exc:
        raise BadInput(f"truncated or corrupt compressed file after line {index + 1}") from exc
    if index < 0:
        raise BadInput("empty file")


def count_lines(path: str) -> int:
    lines, last = 0, b"\n"
    with _binary(path) as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _parquet(path: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise BadInput(f"not a valid Parquet file ({exc})") from exc


def read_parquet(
    source: str, path: str, options: IngestOptions, rows: range | None
) -> Iterator[Document | ReadError]:
    import pyarrow as pa

    parquet = _parquet(path)
    columns = resolve_columns(parquet.schema_arrow.names, options)
    wanted = list(
        dict.fromkeys(
            c
            for c in (columns.text, columns.id, columns.title, columns.date, columns.region, columns.url)
            if c
        )
    )
    start = 0
    try:
        for group in range(parquet.num_row_groups):
            size = parquet.metadata.row_group(group).num_rows
            if rows is not None and (start + size <= rows.start or start >= rows.stop):
                start += size
                continue
            index = start
            for batch in parquet.iter_batches(
                batch_size=PARQUET_BATCH_ROWS, row_groups=[group], columns=wanted
            ):
                for row in batch.to_pylist():
                    if rows is None or index in rows:
                        yield row_document(source, index, row, columns, options)
                    index += 1
            start += size
    except (pa.ArrowException, OSError) as exc:
        raise BadInput(f"corrupt Parquet file after row {start} ({exc})") from exc


def count_parquet(path: str) -> int:
    return _parquet(path).metadata.num_rows
