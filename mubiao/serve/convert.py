"""Store rows to API shapes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import object_session

from mubiao.extract.structure import read_structure
from mubiao.review.confidence import Confidence, Current, of_document
from mubiao.store.models import DocumentRow
from mubiao.store.review import Item, document_items
from mubiao.taxonomy.table import english_name, parent_of


def item_out(item: Item, confidence: Confidence | None = None) -> dict[str, Any]:
    """A record as readers see it, with its review status and (when known) its confidence."""
    out = item.record.to_dict()
    out.update(
        id=item.record_id,
        document_id=item.document_id,
        indicator_en=english_name(item.record.indicator),
        indicator_parent=parent_of(item.record.indicator),
        key=item.key,
        status=item.status,
        changed_since_review=item.stale,
        machine_changes=item.machine_changes,
        review_id=item.review_id,
        reviewer=item.reviewer,
        decided_at=item.decided_at,
        confidence=round(confidence.value, 2) if confidence else None,
        confidence_basis=confidence.basis if confidence else None,
    )
    return out


def document_items_out(
    row: DocumentRow, items: list[Item] | None = None, current: Current | None = None
) -> list[dict[str, Any]]:
    """A document's records as readers see them, each with its confidence (from ``current`` when
    the extractor has just been run over the text: see review.confidence.of_document)."""
    session = object_session(row)
    assert session is not None
    items = items if items is not None else document_items(session=session, document_id=row.id)
    confidences = of_document(row.to_document(), [i.record for i in items], current)
    return [item_out(i, c) for i, c in zip(items, confidences, strict=True)]


def document_summary(row: DocumentRow, n_records: int, n_reviewed: int = 0) -> dict[str, Any]:
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
        "n_reviewed": n_reviewed,
    }


def summary_and_records(
    row: DocumentRow, current: Current | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    records = document_items_out(row, current=current)
    done = sum(r["status"] != "machine" and not r["changed_since_review"] for r in records)
    return document_summary(row, len(records), done), records


def document_detail(row: DocumentRow, text_start: int, text_length: int) -> dict[str, Any]:
    """The document with the part of its text from ``text_start`` (at most ``text_length``
    characters) and the records that overlap that part; offsets stay the whole text's."""
    summary, records = summary_and_records(row)
    end = min(len(row.text), text_start + text_length)
    start = min(text_start, end)
    # the year the stored text reads as (今年, the review and plan parts; a --published date given at
    # ingest is not known here and counts as metadata): for an undated text, the one its headings, title
    # or opening give (spec: "Undated documents")
    structure = read_structure(row.to_document())
    return {
        **summary,
        "publication_year": structure.publication_year,
        "year_source": structure.year_source,
        "author": row.author,
        "n_chars": len(row.text),
        "text_start": start,
        "text_end": end,
        "text": row.text[start:end],
        "records": [r for r in records if r["start"] < end and r["end"] > start],
        "review": {"reviewed": summary["n_reviewed"], "total": len(records)},
    }
