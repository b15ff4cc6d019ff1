"""Run an extractor again over stored documents and report what changed, record by record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from mubiao.extract.failures import extract_or_error
from mubiao.ingest.base import ReadError
from mubiao.record import RECORD_FIELDS, TargetRecord
from mubiao.store import crud, review
from mubiao.store.db import Store
from mubiao.store.ingest import Extractor
from mubiao.store.models import DocumentRow


@dataclass(slots=True)
class RecordChange:
    """A record found at the same span before and after, with the fields that differ."""

    old: TargetRecord
    new: TargetRecord
    fields: dict[str, tuple[Any, Any]]


@dataclass(slots=True)
class DocumentChanges:
    document_id: int
    key: str
    added: list[TargetRecord] = field(default_factory=list)
    removed: list[TargetRecord] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    error: str | None = None  # the extraction failed: the stored records were kept as they were
    # accepted or corrected records whose machine record changed: flagged "changed since review"
    flagged: int = 0

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _span(record: TargetRecord) -> tuple[int, int]:
    return record.start, record.end


def diff_records(
    document_id: int, key: str, old: Sequence[TargetRecord], new: Sequence[TargetRecord]
) -> DocumentChanges:
    """Records are matched by their span ``[start, end)``; a span found more than once is matched
    in order."""
    changes = DocumentChanges(document_id=document_id, key=key)
    remaining: dict[tuple[int, int], list[TargetRecord]] = {}
    for record in old:
        remaining.setdefault(_span(record), []).append(record)
    for record in new:
        before = remaining.get(_span(record))
        if not before:
            changes.added.append(record)
            continue
        previous = before.pop(0)
        differing = {
            name: (getattr(previous, name), getattr(record, name))
            for name in RECORD_FIELDS
            if getattr(previous, name) != getattr(record, name)
        }
        if differing:
            changes.changed.append(RecordChange(old=previous, new=record, fields=differing))
    changes.removed = [record for rest in remaining.values() for record in rest]
    changes.removed.sort(key=_span)
    return changes


def reextract(
    store: Store,
    *,
    extractor: Extractor,
    document_ids: Sequence[int] | None = None,
    dry_run: bool = False,
    settings: dict[str, Any] | None = None,
    on_document: Callable[[DocumentChanges], None] | None = None,
) -> list[DocumentChanges]:
    """Re-extract stored documents (all, or ``document_ids``) and replace their records, one
    transaction per document; ``dry_run`` only reports. A document whose extraction fails keeps its
    records and is returned with its ``error``; the others go on. Returns the changes of every document."""
    with store.begin() as session:
        run_id = crud.start_run(session=session, command="reextract", settings=settings).id
        stmt = select(DocumentRow.id).order_by(DocumentRow.id)
        if document_ids is not None:
            stmt = stmt.where(DocumentRow.id.in_(document_ids))
        ids = list(session.scalars(stmt))
    results: list[DocumentChanges] = []
    for document_id in ids:
        with store.begin() as session:
            row = session.get_one(DocumentRow, document_id)
            new = extract_or_error(extractor, row.to_document())
            if isinstance(new, ReadError):
                changes = DocumentChanges(document_id=document_id, key=row.key, error=new.reason)
            else:
                changes = diff_records(document_id, row.key, [r.to_record() for r in row.records], new)
            if not dry_run and not changes.unchanged:
                crud.replace_records(session=session, document_id=document_id, records=new, run_id=run_id)
                # a person's decisions stay; those on records that changed are flagged for a look
                changes.flagged = review.flag_changed(session=session, document_id=document_id)
        results.append(changes)
        if on_document:
            on_document(changes)
    with store.begin() as session:
        counts = {
            "documents": len(results),
            "documents_changed": sum(not c.unchanged for c in results),
            "records_added": sum(len(c.added) for c in results),
            "records_removed": sum(len(c.removed) for c in results),
            "records_changed": sum(len(c.changed) for c in results),
            "errors": sum(c.error is not None for c in results),
            "reviews_flagged": sum(c.flagged for c in results),
        }
        crud.finish_run(session=session, run_id=run_id, counts=counts)
    return results
