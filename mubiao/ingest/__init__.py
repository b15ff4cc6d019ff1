"""Documents from what people have: text in any encoding, saved web pages, PDF, Word, and corpora
(CSV/TSV, JSON Lines, Parquet, WARC), each read into a ``Document`` whose text is what record
offsets index, with its metadata (title, date, source, author, URL, region).

A bad input never stops a batch: it becomes a ``ReadError`` naming the input and the reason."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from mubiao.ingest.base import BadInput, IngestOptions, ReadError
from mubiao.ingest.limits import check_chars, check_file_size, deadline
from mubiao.ingest.sources import CORPUS_FORMATS, detect_format, document_name, expand_inputs, local_path
from mubiao.ingest.spans import Span
from mubiao.record import Document
from mubiao.regions import title_like_names

__all__ = [
    "IngestOptions",
    "ReadError",
    "Span",
    "count_units",
    "expand_inputs",
    "iter_documents",
    "read_source",
    "record_starts",
]

UNSUPPORTED = {
    "doc": "legacy Word .doc is not supported: save it as .docx",
    "zip": "a ZIP archive, not a document: unpack it first",
    "gz": "compressed with gzip: gunzip it first (corpora .jsonl.gz, .csv.gz, .tsv.gz, .warc.gz are read as they are)",
}


def _read_document(path: str, name: str, fmt: str, options: IngestOptions) -> Document:
    from mubiao.ingest import docx, html, metadata, pdf, txt

    if fmt in UNSUPPORTED:
        raise BadInput(UNSUPPORTED[fmt])
    local = Path(local_path(path))
    if fmt in ("txt", "html"):  # PDF and Word files are bounded by pages and expanded bytes
        check_file_size(local.stat().st_size, options.limits)
    reader = {"txt": txt.read, "html": html.read, "pdf": pdf.read, "docx": docx.read}[fmt]
    with deadline(options.limits):
        # the bytes are the reader's alone, so that it can let them go once decoded
        document = reader(_contents(local), name, options)
    if not document.text or document.text.isspace():  # not strip(): no copy of a long text
        raise BadInput("no text in the file")
    check_chars(document.text, options.limits)
    return metadata.complete(document, options, title_like_names(name))


def _contents(local: Path) -> bytes:
    data = local.read_bytes()
    if not data or data.isspace():  # not data.strip(): no copy of a large file
        raise BadInput("empty file")
    return data


def _read_corpus(
    path: str, name: str, fmt: str, options: IngestOptions, rows: range | None, span: Span | None
) -> Iterator[Document | ReadError]:
    from mubiao.ingest import tables, warc

    local = local_path(path)
    if fmt == "warc":
        return warc.read(name, local, options, rows, span)
    if span is not None and local.lower().endswith(".gz"):
        span = None  # a gzip stream cannot be entered in the middle: read up to the rows
    if fmt == "jsonl":
        return tables.read_jsonl(name, local, options, rows, span)
    if fmt == "parquet":
        return tables.read_parquet(name, local, options, rows)
    return tables.read_delimited(name, local, options, rows, "\t" if fmt == "tsv" else ",", span)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BadInput):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower() if exc.strerror.startswith("No such") else exc.strerror
    return f"unreadable ({type(exc).__name__}: {exc})"


def _directory_reason(path: str) -> str:
    try:
        with os.scandir(path):  # what os.walk lists a directory with
            pass
    except OSError as exc:
        return f"directory not read ({exc.strerror or type(exc).__name__})"
    return "a directory, not a document"


def read_source(
    path: str, options: IngestOptions | None = None, rows: range | None = None, span: Span | None = None
) -> Iterator[Document | ReadError]:
    """The documents of one input, in order. A corpus (CSV/TSV, JSON Lines, Parquet, WARC) gives one
    per row or page, streamed; ``rows`` keeps only the row/record indices in that range (for
    partitioning a corpus). Any other input is one document, kept when ``rows`` holds 0.

    ``span`` (from ``record_starts``) reads the rows of a part of the file without reading what comes
    before it: the reader seeks to the span's first byte (a Parquet reader to its row groups). The
    rows are numbered as in a read of the whole file, so ids and documents are the same."""
    options = options or IngestOptions()
    name = document_name(path)
    if span is not None and rows is None:
        rows = span.rows()
    if os.path.isdir(local_path(path)):  # a directory's walk keeps those it could not list
        yield ReadError(name, _directory_reason(path))
        return
    try:
        fmt = detect_format(path)
    except Exception as exc:  # noqa: BLE001 — whatever stops reading, the batch goes on
        yield ReadError(name, _reason(exc))
        return
    if fmt in CORPUS_FORMATS:
        try:
            yield from _read_corpus(path, name, fmt, options, rows, span)
        except Exception as exc:  # noqa: BLE001
            yield ReadError(name, _reason(exc))
        return
    if rows is not None and 0 not in rows:
        return
    try:
        yield _read_document(path, name, fmt, options)
    except Exception as exc:  # noqa: BLE001
        yield ReadError(name, _reason(exc))


def count_units(path: str, options: IngestOptions | None = None) -> int:
    """Rows or pages in a corpus file, 1 for any other document (and for inputs that cannot be read,
    whose error ``read_source`` reports)."""
    from mubiao.ingest import tables, warc

    try:
        fmt = detect_format(path)
        local = local_path(path)
        if fmt == "warc":
            return warc.count(local)
        if fmt == "jsonl":
            return tables.count_lines(local)
        if fmt == "parquet":
            return tables.count_parquet(local)
        if fmt in ("csv", "tsv"):
            return tables.count_delimited(local, "\t" if fmt == "tsv" else ",")
    except Exception:  # noqa: BLE001 — counted as one unit; reading it reports the error
        return 1
    return 1


def record_starts(path: str) -> Iterator[tuple[int, int]] | None:
    """(row, byte offset) where each row of a corpus file starts, in one streamed pass, for cutting
    the file into ``Span``s; None for a file that cannot be entered in the middle (compressed JSON
    Lines or CSV, Parquet, whose row groups serve instead) and for single documents."""
    from mubiao.ingest import tables, warc

    fmt = detect_format(path)
    local = local_path(path)
    if fmt == "warc":
        return warc.page_starts(local)
    if fmt == "jsonl":
        return tables.line_starts(local)
    if fmt in ("csv", "tsv"):
        return tables.delimited_starts(local, "\t" if fmt == "tsv" else ",")
    return None


def iter_documents(inputs: list[str], options: IngestOptions | None = None) -> Iterator[Document | ReadError]:
    """Every document of every input (files, directories, globs, ``-``), errors in their place."""
    for path in expand_inputs(inputs):
        yield from read_source(path, options)
