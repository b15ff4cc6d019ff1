"""Read queries the API needs beyond ``mubiao.store.crud``: the filter menus' values, and the
stored id of each document key (tracking rows name documents by key)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mubiao.store.models import DocumentRow, RecordRow


def distinct_values(*, session: Session, column: str) -> list[str]:
    """The distinct non-empty values of a records column, sorted."""
    col = getattr(RecordRow, column)
    stmt = select(col).where(col.is_not(None)).distinct()
    return sorted(v for v in session.scalars(stmt) if v != "")


def document_ids_by_key(*, session: Session, keys: Iterable[str]) -> dict[str, int]:
    """Stored id per document key (the first stored document when a key repeats)."""
    wanted = sorted({k for k in keys if k})
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):  # stay under bound-parameter limits
        chunk = wanted[start : start + 500]
        stmt = (
            select(DocumentRow.key, DocumentRow.id).where(DocumentRow.key.in_(chunk)).order_by(DocumentRow.id)
        )
        for key, doc_id in session.execute(stmt):
            found.setdefault(key, doc_id)
    return found
