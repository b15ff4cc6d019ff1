"""Documents into the store, one transaction each, so that a crash or a kill leaves no half-written
document and a rerun resumes where it stopped (stored texts are recognised by their hash and
skipped before extraction)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError

from mubiao.extract.failures import extract_or_error
from mubiao.ingest.base import ReadError
from mubiao.record import Document, TargetRecord
from mubiao.store import crud
from mubiao.store.db import Store

Extractor = Callable[[Document], list[TargetRecord]]
# What the database refuses in one document's values, not in the store: a key or region longer than
# its column (PostgreSQL checks lengths), text no encoding takes. The document's transaction is rolled
# back, so nothing of it is stored, and the batch goes on.
REFUSED_VALUES = (DataError, UnicodeEncodeError)


@dataclass(slots=True)
class IngestReport:
    run_id: int
    documents_added: int = 0
    documents_skipped: int = 0
    records_added: int = 0
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "documents_added": self.documents_added,
            "documents_skipped": self.documents_skipped,
            "records_added": self.records_added,
            "errors": len(self.errors),
        }


def ingest(
    store: Store,
    items: Iterable[Document | Any],
    *,
    extractor: Extractor,
    settings: dict[str, Any] | None = None,
    on_document: Callable[[Document, bool, int], None] | None = None,
    on_error: Callable[[Any], None] | None = None,
) -> IngestReport:
    """Extract and store every ``Document`` of ``items``; anything else is a read error, counted
    and passed to ``on_error``, as is a document whose extraction fails (nothing of it is stored).
    ``on_document(document, created, n_records)`` follows each commit.
    The run (version, time, ``settings``, counts) is recorded in the ``runs`` table."""
    run_id = store.write(
        lambda session: crud.start_run(session=session, command="ingest", settings=settings).id
    )
    report = IngestReport(run_id=run_id)
    for item in items:
        outcome = (
            _ingest_one(store, item, extractor=extractor, run_id=report.run_id)
            if isinstance(item, Document)
            else item
        )
        if not isinstance(outcome, tuple):
            report.errors.append(str(outcome))
            if on_error:
                on_error(outcome)
            continue
        created, n_records = outcome
        if created:
            report.documents_added += 1
            report.records_added += n_records
        else:
            report.documents_skipped += 1
        if on_document:
            on_document(item, created, n_records)
    store.write(
        lambda session: crud.finish_run(session=session, run_id=report.run_id, counts=report.counts())
    )
    return report


def _ingest_one(
    store: Store, document: Document, *, extractor: Extractor, run_id: int
) -> tuple[bool, int] | ReadError:
    """Store one document with its records, in one transaction; (created, records stored), or the
    error of an extraction that failed or of values the database refused (then nothing of the
    document is stored)."""
    digest = crud.content_hash(document.text)
    with store.session() as session:
        if crud.get_document_by_hash(session=session, content_hash=digest) is not None:
            return False, 0
    records = extract_or_error(extractor, document)
    if isinstance(records, ReadError):
        return records
    try:
        # The write transaction checks the hash again under the write lock (SQLite) or the unique
        # index (PostgreSQL), so two processes storing the same text store it once.
        _, created = store.write(
            lambda session: crud.add_document(
                session=session, document=document, records=records, run_id=run_id
            )
        )
    except IntegrityError:
        # Another process may have stored the same text between our check and our insert.
        with store.session() as session:
            if crud.get_document_by_hash(session=session, content_hash=digest) is None:
                raise
        return False, 0
    except REFUSED_VALUES as exc:
        return ReadError(document.id, refusal(exc))
    return created, len(records) if created else 0


def refusal(exc: Exception) -> str:
    """Why the database refused a document, in its own words (``not stored (value too long for type
    character varying(1024))``), without the statement and parameters SQLAlchemy appends."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().split("\n")[0]
    return f"not stored ({first or type(orig).__name__})"
