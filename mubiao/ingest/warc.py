"""Web archives (.warc, .warc.gz): every successful HTML response (or resource) record is a page,
read like a saved web page; record ``i`` (0-based, among those pages) becomes ``path#i``."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any

from mubiao.ingest import html
from mubiao.ingest.base import BadInput, IngestOptions, ReadError
from mubiao.ingest.limits import OverLimit, check_chars, read_capped
from mubiao.ingest.metadata import complete
from mubiao.ingest.spans import Span, open_span
from mubiao.record import Document

CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def is_page(record: Any) -> bool:
    if record.rec_type == "response":
        if not record.http_headers or not str(record.http_headers.get_statuscode()).startswith("2"):
            return False
    elif record.rec_type != "resource":
        return False
    return "html" in _content_type(record).lower()


def _cut(record: Any) -> bool:
    return getattr(record.raw_stream, "limit", 0) > 0


def _pages(path: str, span: Span | None = None) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count, record = 0, None
    try:
        with open(path, "rb") if span is None else open_span(path, span) as handle:
            for record in ArchiveIterator(handle):
                if is_page(record):
                    yield record
                    count += 1
        # warcio stops quietly at the end of the data: a record shorter than its Content-Length was cut
        if record is not None and _cut(record):
            raise BadInput(f"truncated WARC: the last record ends early (after {count} pages)")
    except ArchiveLoadFailed as exc:
        raise BadInput(f"not a WARC file or corrupt after {count} pages ({str(exc).strip()[:80]})") from exc
    except (EOFError, zlib.error, OSError, ValueError, AttributeError) as exc:
        # AttributeError: warcio's, on a response record without the WARC-Target-URI it must have
        raise BadInput(f"truncated or corrupt WARC after {count} pages ({type(exc).__name__})") from exc


def page_starts(path: str) -> Iterator[tuple[int, int]]:
    """(page index, byte offset) where each page's record starts. In a .warc.gz every record is a
    gzip member of its own (warcio refuses a file compressed as one stream), so the offsets of the
    compressed file can be sought to as well."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        index = 0
        for record in records:
            if is_page(record):
                yield index, records.get_record_offset()
                index += 1


def read(
    source: str, path: str, options: IngestOptions, rows: range | None, span: Span | None = None
) -> Iterator[Document | ReadError]:
    for index, record in enumerate(_pages(path, span), span.first_row if span else 0):
        if rows is not None and index < rows.start:
            continue
        if rows is not None and index >= rows.stop:
            break
        doc_id = f"{source}#{index}"
        url = record.rec_headers.get_header("WARC-Target-URI")
        declared = CHARSET.search(_content_type(record))
        try:
            body = read_capped(record.content_stream().read, options.limits)
        except OverLimit as exc:  # the iterator skips the rest of the record without holding it
            yield ReadError(doc_id, f"{url}: {exc}")
            continue
        if _cut(record):
            raise BadInput(f"truncated WARC: page {index} ({url}) is cut off")
        try:
            document = html.read(body, doc_id, options, declared.group(1) if declared else None, url)
            check_chars(document.text, options.limits)
        except BadInput as exc:
            yield ReadError(doc_id, f"{url}: {exc}")
            continue
        document.url = url or document.url
        yield complete(document, options)


def count(path: str) -> int:
    return sum(1 for _ in _pages(path))
