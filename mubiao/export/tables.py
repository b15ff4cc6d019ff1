"""The exported tables as DataFrames: records, documents and tracking, English column names."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from mubiao.record import RECORD_FIELDS
from mubiao.store import crud
from mubiao.store.models import DocumentRow
from mubiao.track import TRACKING_COLUMNS, Tolerance

RECORD_COLUMNS = ("record_id", "document_id", "run_id", *RECORD_FIELDS)
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


def records_table(session: Session) -> pd.DataFrame:
    data = [
        {"record_id": r.id, "document_id": r.document_id, "run_id": r.run_id, **r.to_record().to_dict()}
        for r in crud.query_records(session=session, limit=None)
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


def tracking_dataframe(session: Session, tolerance: Tolerance | None = None) -> pd.DataFrame:
    rows = crud.tracking_table(session=session, tolerance=tolerance)
    return pd.DataFrame([r.to_dict() for r in rows], columns=list(TRACKING_COLUMNS))


def tables(session: Session, tolerance: Tolerance | None = None) -> dict[str, pd.DataFrame]:
    """Every exported table by name, in a fixed order."""
    return {
        "records": records_table(session),
        "documents": documents_table(session),
        "tracking": tracking_dataframe(session, tolerance),
    }
