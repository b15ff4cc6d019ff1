"""Plain functions over a session; every argument is keyword-only.

None of them commits: the caller owns the transaction, so that one document and its records
are written together or not at all::

    store = open_store("sqlite:///mubiao.db")
    with store.begin() as session:              # one transaction, committed on exit
        row, created = add_document(session=session, document=doc, records=records)
    with store.session() as session:            # reads
        rows = query_records(session=session, indicator="gdp", modality="target", limit=50)
        records = [row.to_record() for row in rows]
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any, TypedDict, Unpack

from sqlalchemy import Select, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from mubiao.record import Document, TargetRecord
from mubiao.store.models import DocumentRow, RecordRow, RunRow, utcnow

# records of a document inserted in one statement
INSERT_BATCH = 5_000


def content_hash(text: str) -> str:
    """The key that makes re-ingesting the same text a no-op: sha256 of the UTF-8 bytes of the text
    normalised (no byte-order mark, line ends \\n, no white space at line ends, no blank lines at
    either end), so that a copy saved by another editor is the same text. Migration 0005 recomputed
    the hashes stored before; a change here needs a migration too."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    normalised = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# --- runs --------------------------------------------------------------------------------------


def start_run(*, session: Session, command: str, settings: dict[str, Any] | None = None) -> RunRow:
    """A new run row (flushed, so ``run.id`` is set). ``settings``: JSON-able options of the run."""
    from mubiao import __version__

    run = RunRow(command=command, mubiao_version=__version__, settings=settings or {}, counts={})
    session.add(run)
    session.flush()
    return run


def finish_run(*, session: Session, run_id: int, counts: dict[str, int]) -> RunRow:
    """Stamp the run as finished with its counts (documents added, skipped, records, errors…)."""
    run = session.get_one(RunRow, run_id)
    run.finished_at = utcnow()
    run.counts = dict(counts)
    return run


# --- documents ---------------------------------------------------------------------------------


def get_document_by_hash(*, session: Session, content_hash: str) -> DocumentRow | None:
    return session.scalars(select(DocumentRow).where(DocumentRow.content_hash == content_hash)).first()


def add_document(
    *, session: Session, document: Document, records: Iterable[TargetRecord], run_id: int | None = None
) -> tuple[DocumentRow, bool]:
    """Store ``document`` with its ``records``; ``(row, created)``.

    The same text already stored (same content hash) is a no-op: ``(existing_row, False)``.
    The rows are flushed (ids assigned) but not committed.
    """
    digest = content_hash(document.text)
    existing = get_document_by_hash(session=session, content_hash=digest)
    if existing is not None:
        return existing, False
    row = DocumentRow(
        key=document.id,
        text=document.text,
        content_hash=digest,
        title=document.title,
        published=document.published,
        region=document.region,
        region_code=document.region_code,
        source=document.source,
        author=document.author,
        url=document.url,
        page_starts=[list(pair) for pair in document.page_starts],
        run_id=run_id,
    )
    session.add(row)
    session.flush()
    # rows inserted in bulk, not built as ORM objects (10,000 records took 11 s as objects), a batch
    # at a time (a 100 MB text has 380,000); ``row.records`` loads them when read
    pending = iter(records)
    while batch := [
        dict(record.to_dict(), document_id=row.id, run_id=run_id) for record in islice(pending, INSERT_BATCH)
    ]:
        session.execute(insert(RecordRow), batch)
    return row, True


def replace_records(
    *, session: Session, document_id: int, records: Iterable[TargetRecord], run_id: int | None = None
) -> None:
    """Replace a stored document's records (re-extraction)."""
    session.execute(delete(RecordRow).where(RecordRow.document_id == document_id))
    session.add_all(RecordRow.from_record(r, document_id=document_id, run_id=run_id) for r in records)
    session.flush()


def get_document(*, session: Session, document_id: int) -> DocumentRow | None:
    """The document with this id; its records are ``row.records`` (ordered by offset)."""
    return session.get(DocumentRow, document_id)


def _documents_filter(stmt: Select, *, region: str | None, q: str | None) -> Select:
    if region:
        stmt = stmt.where(or_(DocumentRow.region == region, DocumentRow.region_code == region))
    if q:
        # autoescape: % and _ in q are characters to find, not wildcards
        stmt = stmt.where(
            or_(DocumentRow.title.contains(q, autoescape=True), DocumentRow.key.contains(q, autoescape=True))
        )
    return stmt


def list_documents(
    *,
    session: Session,
    region: str | None = None,
    q: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[DocumentRow]:
    """Documents, newest publication first (unknown dates last), then by id.

    ``region`` matches the region name or its code; ``q`` is a substring of the title or key;
    ``limit=None`` returns all. Rows are loaded without their records; ``row.records`` loads them on access.
    """
    stmt = _documents_filter(select(DocumentRow), region=region, q=q)
    stmt = stmt.order_by(DocumentRow.published.desc().nulls_last(), DocumentRow.id)
    return list(session.scalars(stmt.limit(limit).offset(offset)))


def count_documents(*, session: Session, region: str | None = None, q: str | None = None) -> int:
    """How many documents ``list_documents`` would page through with the same filters."""
    stmt = _documents_filter(select(func.count()).select_from(DocumentRow), region=region, q=q)
    return int(session.scalar(stmt) or 0)


def record_counts(*, session: Session, document_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Number of records per document id, of ``document_ids`` or of every document (ids without
    records are absent)."""
    stmt = select(RecordRow.document_id, func.count()).group_by(RecordRow.document_id)
    if document_ids is not None:
        stmt = stmt.where(RecordRow.document_id.in_(document_ids))
    return {doc_id: int(n) for doc_id, n in session.execute(stmt)}


def delete_document(*, session: Session, document_id: int) -> bool:
    """Delete a document and its records; False when there was no such document."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


# --- records -----------------------------------------------------------------------------------


class RecordFilters(TypedDict, total=False):
    """The filters of ``query_records`` and ``count_records`` (and the records route); an absent,
    None or empty filter matches every record.

    ``region`` matches the name or the code; ``indicator`` is a core id (``gdp``); ``measure``
    growth|level|change; ``modality`` target|actual|estimate; ``period`` as stored (``2024``,
    ``2026-2030``); ``q`` a substring of the quote, indicator_text or value_text. ``NONE`` as
    ``region`` or any exact filter (``indicator``, ``measure``, ``modality``, ``period``) matches the records
    without one.
    """

    document_id: int | None
    region: str | None
    indicator: str | None
    measure: str | None
    modality: str | None
    period: str | None
    q: str | None


# Filters that match one column exactly.
_EXACT = ("indicator", "measure", "modality", "period")
# A filter's value for the records without one: no region (a text naming none), no indicator id,
# no period. No region name or code, indicator id or period is written so.
NONE = "-"


def _blank(column: Any) -> Any:
    return or_(column.is_(None), column == "")


def records_filter(stmt: Select, filters: RecordFilters, columns: Any = RecordRow) -> Select:
    """``stmt`` with the filters applied to ``columns``: the records table, or any selectable
    with the same column names (``subquery.c``)."""
    if unknown := filters.keys() - RecordFilters.__optional_keys__:
        # **filters would otherwise swallow a misspelt keyword and match everything
        raise TypeError(f"unknown record filters: {sorted(unknown)}")
    if (document_id := filters.get("document_id")) is not None:
        stmt = stmt.where(columns.document_id == document_id)
    if region := filters.get("region"):
        stmt = stmt.where(
            _blank(columns.region)
            if region == NONE
            else or_(columns.region == region, columns.region_code == region)
        )
    for name in _EXACT:
        if value := filters.get(name):
            column = getattr(columns, name)
            stmt = stmt.where(_blank(column) if value == NONE else column == value)
    if q := filters.get("q"):
        # autoescape: % and _ in q are characters to find, not wildcards
        stmt = stmt.where(
            or_(
                *(
                    column.contains(q, autoescape=True)
                    for column in (columns.quote, columns.indicator_text, columns.value_text)
                )
            )
        )
    return stmt


def query_records(
    *, session: Session, limit: int | None = 100, offset: int = 0, **filters: Unpack[RecordFilters]
) -> list[RecordRow]:
    """Record rows matching every given filter (``RecordFilters``), by document then offset.

    ``limit=None`` returns all. ``row.to_record()`` gives the ``TargetRecord``; ``row.id``,
    ``row.document_id`` and ``row.run_id`` are the store's own columns.
    """
    stmt = records_filter(select(RecordRow), filters)
    stmt = stmt.order_by(RecordRow.document_id, RecordRow.start, RecordRow.id)
    return list(session.scalars(stmt.limit(limit).offset(offset)))


def count_records(*, session: Session, **filters: Unpack[RecordFilters]) -> int:
    """How many records ``query_records`` would page through with the same filters."""
    stmt = records_filter(select(func.count()).select_from(RecordRow), filters)
    return int(session.scalar(stmt) or 0)
