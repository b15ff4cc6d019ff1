"""The exported tables as DataFrames: records, documents and tracking, English column names."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from mubiao.record import RECORD_FIELDS
from mubiao.store import crud, reviewed
from mubiao.store.models import DocumentRow, RecordRow
from mubiao.track import TRACKING_COLUMNS, Tolerance

RECORD_COLUMNS = (
    "record_id",
    "document_id",
    "run_id",
    *RECORD_FIELDS,
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


def records_table(session: Session, reviewed_only: bool = False) -> pd.DataFrame:
    """Every record as readers see it, with its review status (``reviewed_only``: only those a
    person accepted, corrected or added)."""
    items = reviewed.query_items(session=session, status="reviewed" if reviewed_only else None, limit=None)
    if reviewed_only:
        items = [i for i in items if i.status != "rejected"]
    runs = {
        record_id: run_id for record_id, run_id in session.execute(select(RecordRow.id, RecordRow.run_id))
    }
    data = [
        {
            "record_id": i.record_id,
            "document_id": i.document_id,
            "run_id": runs.get(i.record_id) if i.record_id is not None else None,
            **i.record.to_dict(),
            "review_status": i.status,
            "changed_since_review": i.stale,
            "reviewer": i.reviewer,
        }
        for i in items
    ]
    return pd.DataFrame(data, columns=list(RECORD_COLUMNS))


def documents_table(session: Session) -> pd.DataFrame:
    counts = crud.record_counts(session=session)
    data = [
        {
            "document_id": d.id,
            "key": d.key,
            "title": d.title,
            "published": d.published,
            "region": d.region,
            "region_code": d.region_code,
            "source": d.source,
            "author": d.author,
            "url": d.url,
            "content_hash": d.content_hash,
            "created_at": d.created_at,
            "run_id": d.run_id,
            "n_records": counts.get(d.id, 0),
            "n_chars": len(d.text),
            "text": d.text,
        }
        for d in session.scalars(select(DocumentRow).order_by(DocumentRow.id))
    ]
    return pd.DataFrame(data, columns=list(DOCUMENT_COLUMNS))


def tracking_dataframe(
    session: Session, tolerance: Tolerance | None = None, reviewed_only: bool = False
) -> pd.DataFrame:
    rows = crud.tracking_table(session=session, tolerance=tolerance, reviewed_only=reviewed_only)
    return pd.DataFrame([r.to_dict() for r in rows], columns=list(TRACKING_COLUMNS))


def tables(
    session: Session, tolerance: Tolerance | None = None, reviewed_only: bool = False
) -> dict[str, pd.DataFrame]:
    """Every exported table by name, in a fixed order (``reviewed_only``: records and tracking
    from the records people accepted, corrected or added only)."""
    return {
        "records": records_table(session, reviewed_only),
        "documents": documents_table(session),
        "tracking": tracking_dataframe(session, tolerance, reviewed_only),
    }
