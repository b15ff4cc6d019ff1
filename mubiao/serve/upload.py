"""An uploaded file to a stored document: read with mubiao's readers and extracted in a worker
process (``mubiao.serve.worker``), then stored by the server."""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from mubiao.extract.failures import extract_or_error
from mubiao.ingest import IngestOptions, ReadError, read_source
from mubiao.record import Document, TargetRecord
from mubiao.review.confidence import Confidence, Current, by_span, of_trace
from mubiao.serve.errors import UnsupportedFileType, UploadError
from mubiao.store import crud
from mubiao.store.db import Store, open_store
from mubiao.store.ingest import ingest

if TYPE_CHECKING:
    from mubiao.serve.worker import UploadWorkers

ACCEPTED_SUFFIXES = (".txt", ".htm", ".html", ".pdf", ".docx")


def safe_filename(name: str) -> str:
    """The file's own name without directories or control characters (it becomes the document key)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip().lstrip(".")
    return base[:200] or "upload"


def check_suffix(filename: str) -> None:
    if not filename.lower().endswith(ACCEPTED_SUFFIXES):
        raise UnsupportedFileType(
            f"unsupported file type: {filename!r}; accepted: {', '.join(ACCEPTED_SUFFIXES)}"
        )


def read_document(path: Path, options: IngestOptions) -> Document:
    """The file's main text and metadata, through the readers of ``mubiao.ingest``."""
    found = list(read_source(str(path), options))
    documents = [item for item in found if isinstance(item, Document)]
    if not documents:
        reasons = (
            "; ".join(item.reason for item in found if isinstance(item, ReadError)) or "nothing readable"
        )
        raise UploadError(f"the file could not be read: {reasons}")
    return documents[0]


def check_overrides(region: str | None, published: str | None) -> None:
    """The upload's region and date, refused (422) unless they name a division and a calendar date:
    a wrong one would be stored for every record of the document."""
    from mubiao.ingest.metadata import checked_date
    from mubiao.regions import resolve_region

    if published:
        try:
            checked_date(published)
        except ValueError as exc:
            raise UploadError(f"published: {exc}") from exc
    if region and resolve_region(region) is None:
        raise UploadError(
            f"region: {region!r} names no division, or several: give its code or its name with its "
            "parents' (广州市白云区)"
        )


def read_and_extract(
    name: str, data: bytes, region: str | None, published: str | None, title: str | None
) -> tuple[Document, list[TargetRecord], list[Confidence]]:
    """The document of an uploaded file, its records and their confidences (run in a worker
    process: the server, answering with the records, need not run the extractor again for them)."""
    from mubiao.extract.pipeline import run

    with tempfile.TemporaryDirectory(prefix="mubiao-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        document = read_document(path, IngestOptions(region=region, published=published))
    document.id = name
    if title:
        document.title = title
    found = extract_or_error(run, document)
    if isinstance(found, ReadError):
        raise UploadError(str(found))
    return document, found.records, [of_trace(why) for why in found.traces]


def store_upload(
    store: Store,
    workers: UploadWorkers,
    *,
    filename: str,
    data: bytes,
    region: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> tuple[int, bool, Current | None]:
    """Read, extract and store one uploaded file; ``(document id, created, what the extractor found)``,
    the last None when the text was already stored (its stored records may be an older extractor's).
    ``region`` (name or code) and ``published`` override what is read from the file. Uploading a
    text already stored is a no-op that returns the stored document's id.

    The file is stored by the worker that reads it when the worker can open the store itself (a
    database file or server): storing a large document's records is seconds of work that, in the
    server's process, would hold up every other request. A store only the server holds (an
    in-memory database) is written by the server. The answer is the server's: written in the worker
    it took more than a worker's memory limit for 100,000 records."""
    name = safe_filename(filename)
    check_suffix(name)
    check_overrides(region, published)
    if not data:
        raise UploadError("the file is empty")
    url = shared_url(store)
    if url is not None:
        return workers.run(read_and_store, url, name, data, region, published, title)
    document, records, confidences = workers.run(read_and_extract, name, data, region, published, title)
    return store_document(store, document, records, confidences)


def shared_url(store: Store) -> str | None:
    """The store's URL when another process can open it (not an in-memory SQLite database)."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


@cache
def _store_at(url: str) -> Store:
    return open_store(url)  # once per worker process


def read_and_store(
    url: str, name: str, data: bytes, region: str | None, published: str | None, title: str | None
) -> tuple[int, bool, Current | None]:
    """An upload read, extracted and stored in a worker process."""
    return store_document(_store_at(url), *read_and_extract(name, data, region, published, title))


def store_document(
    store: Store, document: Document, records: list[TargetRecord], confidences: list[Confidence]
) -> tuple[int, bool, Current | None]:
    """``document`` and its ``records`` stored; ``(document id, created, the records and their
    confidences by span)``, the last None when the text was already stored."""
    report = ingest(store, [document], extractor=lambda _: records, settings={"via": "api upload"})
    if report.errors:
        raise UploadError("; ".join(report.errors))
    created = report.documents_added == 1
    with store.session() as session:
        row = crud.get_document_by_hash(session=session, content_hash=crud.content_hash(document.text))
        if row is None:  # deleted between the commit and this read
            raise UploadError("the document was removed while it was being stored")
        return row.id, created, by_span(records, confidences) if created else None
