"""Store rows to API shapes."""

from __future__ import annotations

from typing import Any

from mubiao.record import RECORD_FIELDS
from mubiao.serve.names import english_name
from mubiao.store.models import DocumentRow, RecordRow


def record_out(row: RecordRow) -> dict[str, Any]:
    # the row's TargetRecord fields read directly (no dataclass round trip: this is the hot path
    # of /api/records)
    out = {name: getattr(row, name) for name in RECORD_FIELDS}
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


def summary_and_records(row: DocumentRow) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    records = [record_out(r) for r in row.records]
    return document_summary(row, len(records)), records


def document_detail(row: DocumentRow) -> dict[str, Any]:
    summary, records = summary_and_records(row)
    return {**summary, "author": row.author, "text": row.text, "records": records}
