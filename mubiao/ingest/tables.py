"""Corpora: CSV/TSV, JSON Lines and Parquet, one document per row, streamed (never loaded whole).
Row ``i`` (0-based; for JSON Lines, line ``i + 1``) becomes ``path#<id column value>`` or ``path#i``."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import zlib
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any, AnyStr

from mubiao.ingest.base import DEFAULT_TEXT_COLUMN, BadInput, IngestOptions, ReadError
from mubiao.ingest.boilerplate import cues
from mubiao.ingest.encoding import decode
from mubiao.ingest.limits import OverLimit, check_chars
from mubiao.ingest.metadata import complete
from mubiao.ingest.spans import Span, open_span
from mubiao.ingest.txt import clean
from mubiao.record import Document

csv.field_size_limit(2**31 - 1)  # a whole report fits in one cell
SAMPLE_BYTES = 1 << 16
PARQUET_BATCH_ROWS = 64
STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
# JSON may escape half of a surrogate pair (\ud83d: an emoji a scraper cut in two); json.loads keeps it
# as a lone surrogate, which no UTF-8 output, database or word matcher takes.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Encodings (codecs names) in which the byte \n is always a line end and every line decodes on its
# own, so that a reader can start at any line: not UTF-16/32 (\n is two or four bytes), not HZ
# (its shifts run across lines).
LINE_ENCODINGS = {"utf-8", "utf-8-sig", "gb18030", "big5hkscs", "ascii"}


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
    return LONE_SURROGATE.sub("\ufffd", str(value)).strip() or None


def row_document(
    source: str, index: int, row: Mapping[str, Any], columns: Columns, options: IngestOptions
) -> Document | ReadError:
    key = _cell(row, columns.id)
    doc_id = f"{source}#{key if key is not None else index}"
    value = row.get(columns.text)
    if value is None or not str(value).strip():
        return ReadError(doc_id, f"empty {columns.text!r}", skipped=True)
    try:
        text = check_chars(str(value), options.limits)
    except OverLimit as exc:
        return ReadError(doc_id, str(exc))
    text, replaced = LONE_SURROGATE.subn("\ufffd", text)  # one character for one: offsets hold
    warnings = []
    if replaced:
        warnings.append(f"{replaced} lone surrogate escape{'s' * (replaced > 1)} replaced with U+FFFD")
    document = Document(
        text=clean(text, options),
        id=doc_id,
        warnings=warnings,
        title=_cell(row, columns.title),
        published=row.get(columns.date) if columns.date else None,
        region=_cell(row, columns.region),
        url=_cell(row, columns.url),
    )
    return complete(document, options)


def capped_lines(handle: IO[AnyStr], limit: int) -> Iterator[AnyStr | None]:
    """The lines of ``handle``, with None in place of a line longer than ``limit`` (bytes, or
    characters of a text handle): such a line is skipped a piece at a time, never held whole, so
    that a row of a gzip bomb costs no more memory than the limit."""
    while line := handle.readline(limit + 1):
        newline: Any = "\n" if isinstance(line, str) else b"\n"
        if len(line) <= limit or line.endswith(newline):
            yield line
            continue
        while (rest := handle.readline(1 << 20)) and not rest.endswith(newline):
            pass
        yield None


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
    return decode(sample).encoding


@dataclass(frozen=True, slots=True)
class UnclosedQuote:
    """A row with a quote that does not close where a field ends: it ran on over the next lines
    (to a later quote or the end of the file) and swallowed their rows."""

    reason: str


class _RowLines:
    """Lines for a csv reader, each with where it starts (a byte offset, or its number), that keep
    those of the row being read, so that the rows swallowed by a row's unclosed quote can be read
    again (``again``) after that row's first line."""

    def __init__(self, lines: Iterator[tuple[int, str]]) -> None:
        self.lines = lines
        self.again, self.row = deque[tuple[int, str]](), list[tuple[int, str]]()
        self.ended = False  # the reader asked for a line after the last

    def __iter__(self) -> Iterator[str]:
        self.ended = False
        while self.again or (line := next(self.lines, None)) is not None:
            if self.again:
                line = self.again.popleft()
            self.row.append(line)
            yield line[1]
        self.ended = True


def _rows(
    lines: Iterator[tuple[int, str]], delimiter: str
) -> Iterator[tuple[int, list[str] | UnclosedQuote]]:
    """The records of ``lines`` (each with where it starts), each with where its first line starts,
    read strictly: a quote must close where a field ends. A row that breaks this on its own line
    is read as Python's lenient reader reads it (``"a"b`` is ``ab``); one whose quote runs over
    lines, or to the end of the input, is an ``UnclosedQuote``, and the lines after its first are
    read on as rows. The same
    rows whether a file is read whole, counted, or cut into spans at their starts."""
    source = _RowLines(lines)
    while True:
        try:
            for fields in csv.reader(source, delimiter=delimiter, strict=True):
                start = source.row[0][0] if source.row else -1
                source.row.clear()
                yield start, fields
            return
        except csv.Error as exc:
            (start, first), *swallowed = source.row
            source.row.clear()
            # a quote still open at the end of the input is one even on a single line: a span
            # ends where the next row starts, and must read its rows as the whole file does
            if swallowed or source.ended:
                source.again.extendleft(reversed(swallowed))
                yield start, UnclosedQuote(str(exc))
            else:
                yield from ((start, fields) for fields in csv.reader([first], delimiter=delimiter))


def _delimited_records(
    path: str, encoding: str, delimiter: str, span: Span | None, limit: int
) -> Iterator[list[str] | UnclosedQuote]:
    """The header, then the records: all of them, or those of ``span`` only (read from its bytes)."""
    with io.TextIOWrapper(_binary(path), encoding=encoding, newline="") as handle:
        records = _rows(enumerate(_bounded(handle, limit)), delimiter)
        yield next(records, (0, []))[1]
        if span is None:
            yield from (fields for _, fields in records)
            return
    with io.TextIOWrapper(open_span(path, span), encoding=encoding, newline="") as handle:
        yield from (fields for _, fields in _rows(enumerate(_bounded(handle, limit)), delimiter))


def _bounded(handle: IO[str], limit: int) -> Iterator[str]:
    for line in capped_lines(handle, limit):
        if line is None:
            raise OverLimit("max_bytes", limit, "a line")
        yield line


def read_delimited(
    source: str,
    path: str,
    options: IngestOptions,
    rows: range | None,
    delimiter: str,
    span: Span | None = None,
) -> Iterator[Document | ReadError]:
    encoding = _text_encoding(path)
    index = -1
    try:
        records = _delimited_records(path, encoding, delimiter, span, options.limits.max_bytes)
        header = next(records)
        if not header:
            raise BadInput("empty file")
        if isinstance(header, UnclosedQuote):
            raise BadInput(f"a quote in the header does not close where a field ends ({header.reason})")
        columns = resolve_columns(header, options)
        if span is not None:
            index = span.first_row - 1
        for fields in records:
            if not fields:
                continue  # blank line
            index += 1
            if rows is not None and index < rows.start:
                continue
            if rows is not None and index >= rows.stop:
                break
            if isinstance(fields, UnclosedQuote):
                yield ReadError(
                    f"{source}#{index}",
                    f"row {index}: a quote opened in this row does not close where a field ends "
                    f"({fields.reason}); the lines after the row's first are read on as rows",
                )
                continue
            if len(fields) != len(header):
                yield ReadError(
                    f"{source}#{index}",
                    f"row {index}: {len(fields)} fields where the header has {len(header)}",
                )
                continue
            yield row_document(source, index, dict(zip(header, fields, strict=True)), columns, options)
    except OverLimit as exc:  # a quoted field may run over lines: the file cannot be read past it
        raise BadInput(f"after row {index}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"not valid {encoding} after row {index} ({exc.reason})") from exc
    except csv.Error as exc:
        raise BadInput(f"malformed CSV after row {index}: {exc}") from exc
    except STREAM_ERRORS as exc:
        raise BadInput(f"truncated or corrupt compressed file after row {index}") from exc


def delimited_starts(path: str, delimiter: str) -> Iterator[tuple[int, int]] | None:
    """(row, byte offset) where each data row of a CSV/TSV file starts, found by the csv module
    itself, so that a quoted field running over several lines stays whole; None when the file
    cannot be entered in the middle (compressed, or in an encoding whose lines are not cut at the
    byte ``\\n``)."""
    if path.lower().endswith(".gz"):
        return None
    encoding = _text_encoding(path)
    if codecs.lookup(encoding).name not in LINE_ENCODINGS:
        return None
    return _delimited_starts(path, encoding, delimiter)


def _delimited_starts(path: str, encoding: str, delimiter: str) -> Iterator[tuple[int, int]]:
    def lines(handle: IO[bytes]) -> Iterator[tuple[int, str]]:
        position = 0
        for line in handle:
            yield position, line.decode(encoding, "replace")
            position += len(line)

    with open(path, "rb") as handle:
        records = _rows(lines(handle), delimiter)
        next(records, None)  # the header
        index = -1
        for start, fields in records:
            if fields:  # blank lines are not rows
                index += 1
                yield index, start


def count_delimited(path: str, delimiter: str) -> int:
    encoding = _text_encoding(path)
    with io.TextIOWrapper(_binary(path), encoding=encoding, errors="replace", newline="") as handle:
        return max(sum(1 for _, fields in _rows(enumerate(handle), delimiter) if fields) - 1, 0)


def _json_row(line: bytes, index: int) -> dict[str, Any] | str:
    """The object on line ``index`` (0-based) of a JSON Lines file, or why there is none."""
    if index == 0:
        line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        row = json.loads(line)
    except ValueError as exc:
        reason = "truncated" if not line.endswith(b"\n") else "not valid JSON"
        return f"line {index + 1}: {reason} ({str(exc)[:80]})"
    return row if isinstance(row, dict) else f"line {index + 1}: not a JSON object"


def _columns_before(path: str, options: IngestOptions, stop: int) -> tuple[int, Columns] | None:
    """The columns that a read of the whole file settles on and the line where it does, if that is
    before line ``stop``: a read that starts at ``stop`` uses them from there on, so that it finds
    the same id column (and so names rows the same) as a read of the whole file. Nearly always the
    first line, so little of the file is read."""
    with _binary(path) as handle:
        for index, line in enumerate(islice(capped_lines(handle, options.limits.max_bytes), stop)):
            row = _json_row(line, index) if line and line.strip() else None
            if isinstance(row, dict):
                try:
                    return index, resolve_columns(list(row), options)
                except BadInput:
                    continue
    return None


def read_jsonl(
    source: str, path: str, options: IngestOptions, rows: range | None, span: Span | None = None
) -> Iterator[Document | ReadError]:
    columns: Columns | None = None
    first = span.first_row if span else 0
    index = -1
    try:
        start = max(first, rows.start if rows is not None else 0)
        settled = _columns_before(path, options, start) if start > 0 else None
        with _binary(path) if span is None else open_span(path, span) as handle:
            for index, line in enumerate(capped_lines(handle, options.limits.max_bytes), first):
                if rows is not None and index < rows.start:
                    continue
                if rows is not None and index >= rows.stop:
                    break
                if line is None:
                    yield ReadError(
                        f"{source}#{index}",
                        f"line {index + 1}: {OverLimit('max_bytes', options.limits.max_bytes)}",
                    )
                    continue
                if not line.strip():
                    continue
                row = _json_row(line, index)
                if isinstance(row, str):
                    yield ReadError(f"{source}#{index}", row)
                    continue
                if columns is None and settled is not None and index >= settled[0]:
                    columns = settled[1]
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


def line_starts(path: str) -> Iterator[tuple[int, int]] | None:
    """(line index, byte offset) where each line of a JSON Lines file starts; None when compressed."""
    if path.lower().endswith(".gz"):
        return None
    return _line_starts(path)


def _line_starts(path: str) -> Iterator[tuple[int, int]]:
    position = 0
    with open(path, "rb") as handle:
        for index, line in enumerate(handle):
            yield index, position
            position += len(line)


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
    groups, index = _row_groups(parquet, rows)
    if not groups:
        return
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=groups, columns=wanted):
            # rows of the first and last groups outside the range are dropped before they become Python
            low = 0 if rows is None else max(rows.start - index, 0)
            high = batch.num_rows if rows is None else min(rows.stop - index, batch.num_rows)
            for offset, row in enumerate(batch.slice(low, max(high - low, 0)).to_pylist()):
                yield row_document(source, index + low + offset, row, columns, options)
            index += batch.num_rows
            if rows is not None and index >= rows.stop:
                break
    except (pa.ArrowException, OSError) as exc:
        raise BadInput(f"corrupt Parquet file after row {index} ({exc})") from exc


def _row_groups(parquet: Any, rows: range | None) -> tuple[list[int], int]:
    """The row groups that hold rows of ``rows`` (all of them for None), and the first one's first row."""
    groups: list[int] = []
    first = start = 0
    for group in range(parquet.num_row_groups):
        size = parquet.metadata.row_group(group).num_rows
        if rows is None or (start < rows.stop and start + size > rows.start):
            if not groups:
                first = start
            groups.append(group)
        start += size
    return groups, first


def count_parquet(path: str) -> int:
    return _parquet(path).metadata.num_rows
