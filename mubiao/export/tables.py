"""The exported tables as DataFrames: records, documents and tracking, English column names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from mubiao.record import RECORD_FIELDS
from mubiao.store import crud, reviewed, tracking
from mubiao.store.models import DocumentRow, RecordRow
from mubiao.taxonomy.table import english_name, parent_of
from mubiao.track import TRACKING_COLUMNS, Tolerance

RECORD_COLUMNS = (
    "record_id",
    "document_id",
    "run_id",
    *RECORD_FIELDS,
    "indicator_en",
    "indicator_parent",
    "review_status",
    "changed_since_review",
    "reviewer",
)
DOCUMENT_COLUMNS = (
    "document_id",
    "key",
    "title",
    "published",
    "region",
    "region_code",
    "source",
    "author",
    "url",
    "content_hash",
    "created_at",
    "run_id",
    "n_records",
    "n_chars",
    "text",
)


# rows of a table held at a time
BATCH = 1_000
Batches = Iterator[pd.DataFrame]


def frames(rows: Iterable[dict], columns: tuple[str, ...], size: int | None = None) -> Batches:
    """``rows`` as DataFrames of at most ``size`` rows (default ``BATCH``); the first even when
    there are none, so that every file gets its header and column types."""
    size = size or BATCH
    rows = iter(rows)
    batch = list(islice(rows, size))
    yield pd.DataFrame(batch, columns=list(columns))
    while batch := list(islice(rows, size)):
        yield pd.DataFrame(batch, columns=list(columns))


def records_rows(session: Session, reviewed_only: bool = False) -> Iterator[dict]:
    """Every record as readers see it, with its review status (``reviewed_only``: only those a
    person accepted, corrected or added), read from the store a batch at a time."""
    status = "reviewed" if reviewed_only else None
    for items in reviewed.item_batches(session=session, status=status, size=BATCH):
        ids = [i.record_id for i in items if i.record_id is not None]
        stmt = select(RecordRow.id, RecordRow.run_id).where(RecordRow.id.in_(ids))
        runs = {record_id: run_id for record_id, run_id in session.execute(stmt)}
        for i in items:
            if reviewed_only and i.status == "rejected":
                continue
            yield {
                "record_id": i.record_id,
                "document_id": i.document_id,
                "run_id": runs.get(i.record_id) if i.record_id is not None else None,
                **i.record.to_dict(),
                "indicator_en": english_name(i.record.indicator),
                "indicator_parent": parent_of(i.record.indicator),
                "review_status": i.status,
                "changed_since_review": i.stale,
                "reviewer": i.reviewer,
            }


# the documents' columns worked out on export; the rest are stored as they are exported
COMPUTED_DOCUMENT_COLUMNS = frozenset({"document_id", "n_records", "n_chars"})
# the documents' columns as stored (not page_starts), read a few texts at a time
DOCUMENT_FIELDS = ("id", *(c for c in DOCUMENT_COLUMNS if c not in COMPUTED_DOCUMENT_COLUMNS))
DOCUMENTS_AT_A_TIME = 20


def documents_rows(session: Session) -> Iterator[dict]:
    counts = crud.record_counts(session=session)
    stmt = select(*(getattr(DocumentRow, name) for name in DOCUMENT_FIELDS)).order_by(DocumentRow.id)
    for d in session.execute(stmt.execution_options(yield_per=DOCUMENTS_AT_A_TIME)):
        computed = {"document_id": d.id, "n_records": counts.get(d.id, 0), "n_chars": len(d.text)}
        yield {c: computed[c] if c in computed else getattr(d, c) for c in DOCUMENT_COLUMNS}


def tracking_rows(
    session: Session, tolerance: Tolerance | None = None, reviewed_only: bool = False
) -> Iterator[dict]:
    rows = tracking.tracking_table(session=session, tolerance=tolerance, reviewed_only=reviewed_only)
    yield from (r.to_dict() for r in rows)


def tables(
    session: Session, tolerance: Tolerance | None = None, reviewed_only: bool = False
) -> dict[str, Batches]:
    """Every exported table by name, in a fixed order, as batches of rows read when they are
    written (``reviewed_only``: records and tracking from the records people accepted, corrected
    or added only). The tracking table is built whole (its rows grow with the targets), the
    others are read from the store a batch at a time."""
    return {
        "records": frames(records_rows(session, reviewed_only), RECORD_COLUMNS),
        "documents": frames(documents_rows(session), DOCUMENT_COLUMNS, DOCUMENTS_AT_A_TIME),
        "tracking": frames(tracking_rows(session, tolerance, reviewed_only), TRACKING_COLUMNS),
    }
