"""Store rows to API shapes."""

from __future__ import annotations

from typing import Any

from mubiao.serve.names import english_name
from mubiao.store.models import DocumentRow, RecordRow


def record_out(row: RecordRow) -> dict[str, Any]:
    out = row.to_record().to_dict()
    out.update(id=row.id, document_id=row.document_id, indicator_en=english_name(row.indicator))
    return out


def document_summary(row: DocumentRow, n_records: int) -> dict[str, Any]:
    return {
        "id": row.id,
        "key": row.key,
        "title": row.title,
        "published": row.published,
        "region": row.region,
        "region_code": row.region_code,
        "source": row.source,
        "url": row.url,
        "n_records": n_records,
    }


def document_detail(row: DocumentRow) -> dict[str, Any]:
    records = [record_out(r) for r in row.records]
    return {**document_summary(row, len(records)), "author": row.author, "text": row.text, "records": records}
