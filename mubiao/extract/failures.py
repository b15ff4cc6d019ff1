"""A failure inside the extractor on one document, turned into one error naming the document.

Every path that reads many documents (``extract``, ``ingest``, ``reextract``, upload, the Dask
engine) extracts through ``extract_or_error``, so that a bug met by one text costs that text's
records only, never the rest of the batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from mubiao.ingest.base import ReadError
from mubiao.ingest.limits import OverLimit
from mubiao.record import Document

Found = TypeVar("Found")  # what an extractor gives for a document: its records, or where it wrote them


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, OverLimit):  # a document refused by a limit, not a bug
        return str(exc)
    return f"extraction failed ({type(exc).__name__}: {exc})"


def extract_or_error(extractor: Callable[[Document], Found], document: Document) -> Found | ReadError:
    """All records of ``document``, or, when the extractor raises, an error naming it and why."""
    try:
        return extractor(document)
    except Exception as exc:  # noqa: BLE001 — whatever breaks in one document, the batch goes on
        return ReadError(document.id, failure_reason(exc))


def extract_each(
    items: Iterable[Document | ReadError], extractor: Callable[[Document], Found]
) -> Iterator[tuple[Document, Found] | ReadError]:
    """Each document of ``items`` with its records; read errors and failed extractions in their place."""
    for item in items:
        if isinstance(item, ReadError):
            yield item
            continue
        found = extract_or_error(extractor, item)
        yield found if isinstance(found, ReadError) else (item, found)
