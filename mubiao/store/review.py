"""People's decisions on records, kept apart from the machine's records.

A machine record is reviewed by its span; the person's version of it lives in ``reviews`` (one
row per reviewed record) and every decision that made it in ``review_decisions``. The records a
reader sees are the machine records nobody reviewed (status ``machine``) and the reviews
(``accepted``, ``corrected``, ``rejected``, ``added``)::

    with store.begin() as session:
        review = decide(session=session, document_id=3, reviewer="王芳", action="correct",
                        target=(120, 124), fields={"value_low": 5.5, "value_high": 5.5})
    with store.session() as session:
        items = document_items(session=session, document_id=3)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from mubiao.record import COMPARATORS, MEASURES, MODALITIES, RECORD_FIELDS, TargetRecord
from mubiao.store.models import INT_MAX, DecisionRow, DocumentRow, RecordRow, ReviewRow, utcnow
from mubiao.taxonomy import indicator_key

STATUSES = ("machine", "accepted", "corrected", "rejected", "added")
ACTIONS = ("accept", "correct", "reject", "add")
# a review of these is looked at again when the machine's record under it changes
TRUSTED = ("accepted", "corrected")
# the ReviewRow columns that copy a field of its record (for filters and sorting)
COPIED_FIELDS = tuple(
    name for name in RECORD_FIELDS if name in ReviewRow.__table__.c and name not in ("id", "document_id")
)
# fields a person may set; the rest come from the document (doc, region, published, page)
EDITABLE = (
    "start",
    "end",
    "indicator_text",
    "indicator",
    "measure",
    "value_low",
    "value_high",
    "comparator",
    "unit",
    "modality",
    "period",
    "annual_average",
    "hedge",
    "quote",
)
VOCABULARIES = {"measure": MEASURES, "comparator": COMPARATORS, "modality": MODALITIES}


class ReviewError(ValueError):
    """A decision that cannot be taken (no such record, a bad field value); the message says why."""


@dataclass(slots=True)
class Item:
    """One record as a reader sees it: the machine's, or a person's version of it."""

    key: str  # stable across re-extraction: "m<start>-<end>" (machine span) or "a<review id>"
    document_id: int
    status: str
    record: TargetRecord
    record_id: int | None  # the machine record's row, when there is one now
    review_id: int | None
    stale: bool = False
    reviewer: str | None = None
    decided_at: datetime | None = None
    machine: dict[str, Any] | None = None
    # a stale review: the machine's fields that changed since the decision, name → [then, now]
    machine_changes: dict[str, list[Any]] | None = None


def machine_key(start: int, end: int) -> str:
    return f"m{start}-{end}"


def parse_key(key: str) -> tuple[tuple[int, int] | None, int | None]:
    """(machine span, review id) of an item key; ReviewError for a key that is neither."""
    try:
        if key.startswith("m"):
            start, end = key[1:].split("-")
            return (_stored_int(start), _stored_int(end)), None
        if key.startswith("a"):
            return None, _stored_int(key[1:])
    except ValueError:
        pass
    raise ReviewError(f"not a record key: {key!r} (m<start>-<end> or a<review id>)")


def _stored_int(digits: str) -> int:
    """A key's number; ValueError for one no row can hold (the query would overflow)."""
    number = int(digits)
    if not 0 <= number <= INT_MAX:
        raise ValueError(digits)
    return number


def _offset(fields: dict[str, Any], name: str) -> int:
    try:
        return int(fields[name])
    except (TypeError, ValueError):
        raise ReviewError(f"{name} must be a whole number, not {fields[name]!r}") from None


def review_item(review: ReviewRow, record_id: int | None = None) -> Item:
    span = review.machine_start, review.machine_end
    key = machine_key(*span) if span[0] is not None and span[1] is not None else f"a{review.id}"
    return Item(
        key=key,
        document_id=review.document_id,
        status=review.status,
        record=review.to_record(),
        record_id=record_id,
        review_id=review.id,
        stale=review.stale,
        reviewer=review.reviewer,
        decided_at=review.decided_at,
        machine=review.machine,
    )


def machine_item(row: RecordRow) -> Item:
    return Item(
        key=machine_key(row.start, row.end),
        document_id=row.document_id,
        status="machine",
        record=row.to_record(),
        record_id=row.id,
        review_id=None,
    )


def document_items(*, session: Session, document_id: int) -> list[Item]:
    """Every record of a document as a reader sees it, in text order (rejected ones included)."""
    machine = session.scalars(
        select(RecordRow).where(RecordRow.document_id == document_id).order_by(RecordRow.start, RecordRow.id)
    ).all()
    reviews = session.scalars(select(ReviewRow).where(ReviewRow.document_id == document_id)).all()
    by_span = {(r.machine_start, r.machine_end): r for r in reviews if r.machine_start is not None}
    items: list[Item] = []
    seen: set[tuple[int, int]] = set()
    for row in machine:
        span = row.start, row.end
        if span in seen:  # a second machine record on one span is shown once, as the first
            continue
        seen.add(span)
        review = by_span.get(span)
        if review is None:
            items.append(machine_item(row))
            continue
        item = review_item(review, row.id)
        if review.stale and review.machine:
            now = row.to_record().to_dict()
            item.machine_changes = {
                k: [v, now[k]] for k, v in review.machine.items() if k in now and now[k] != v
            }
        items.append(item)
    items += [review_item(r) for r in reviews if (r.machine_start, r.machine_end) not in seen]
    items.sort(key=lambda item: (item.record.start, item.record.end))
    return items


# --- deciding ----------------------------------------------------------------------------------


def _machine_row(session: Session, document_id: int, span: tuple[int, int]) -> RecordRow | None:
    stmt = select(RecordRow).where(
        RecordRow.document_id == document_id, RecordRow.start == span[0], RecordRow.end == span[1]
    )
    return session.scalars(stmt.order_by(RecordRow.id)).first()


def _review_at(session: Session, document_id: int, span: tuple[int, int]) -> ReviewRow | None:
    stmt = select(ReviewRow).where(
        ReviewRow.document_id == document_id,
        ReviewRow.machine_start == span[0],
        ReviewRow.machine_end == span[1],
    )
    return session.scalars(stmt).first()


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    if unknown := fields.keys() - set(EDITABLE):
        raise ReviewError(f"fields a person cannot set: {sorted(unknown)} (editable: {', '.join(EDITABLE)})")
    for name, allowed in VOCABULARIES.items():
        if name in fields and fields[name] not in allowed:
            raise ReviewError(f"{name} must be one of {', '.join(allowed)}, not {fields[name]!r}")
    return fields


def _apply(record: dict[str, Any], fields: dict[str, Any], document: DocumentRow) -> dict[str, Any]:
    """``record`` with ``fields`` set; a moved span takes its value_text from the text."""
    out = {**record, **fields}
    start, end = _offset(out, "start"), _offset(out, "end")
    if not 0 <= start < end <= len(document.text):
        raise ReviewError(f"span {start}-{end} is not inside the document (0-{len(document.text)})")
    out["start"], out["end"] = start, end
    out["value_text"] = document.text[start:end]
    if "indicator" in fields or "indicator_text" in fields:
        # the grouping key follows what the person says the record measures
        out["indicator_key"] = out.get("indicator") or indicator_key(out.get("indicator_text") or "")
    if not out.get("quote"):
        out["quote"] = out["value_text"]
    return out


def _new_record(document: DocumentRow, fields: dict[str, Any]) -> dict[str, Any]:
    """A record a person adds: what they gave, the document's metadata, plain defaults for the rest."""
    if "start" not in fields or "end" not in fields:
        raise ReviewError("an added record needs its span: start and end")
    base = TargetRecord(
        doc=document.key,
        start=0,
        end=0,
        value_text="",
        quote="",
        indicator_text="",
        indicator=None,
        measure="level",
        value_low=None,
        value_high=None,
        comparator="eq",
        unit="",
        modality="target",
        period=None,
        region=document.region,
        region_code=document.region_code,
        published=document.published,
        page=document.to_document().page_at(_offset(fields, "start")),
    )
    return _apply(base.to_dict(), fields, document)


def _state(review: ReviewRow | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {
        "status": review.status,
        "stale": review.stale,
        "reviewer": review.reviewer,
        "decided_at": review.decided_at.isoformat() if review.decided_at else None,
        "machine": review.machine,
        "record": review.record,
    }


def _set_record(review: ReviewRow, record: dict[str, Any]) -> None:
    review.record = record
    for name in COPIED_FIELDS:
        setattr(review, name, record.get(name))


def _differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def decide(
    *,
    session: Session,
    document_id: int,
    reviewer: str,
    action: str,
    key: str | None = None,
    fields: dict[str, Any] | None = None,
) -> ReviewRow | None:
    """Take one decision on the record ``key`` of a document (``add``: no key, ``fields`` give
    the new record, its span at least). ``accept`` keeps the record as shown; ``correct`` sets
    ``fields`` (a moved span included); ``reject`` marks it wrong (an added record is removed
    instead: None). The decision is logged with its reviewer, time and changed fields."""
    reviewer = reviewer.strip()
    if not reviewer:
        raise ReviewError("a decision needs the reviewer's name")
    if action not in ACTIONS:
        raise ReviewError(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise ReviewError(f"no document with id {document_id}")
    fields = _checked(dict(fields or {}))
    if action == "add":
        review: ReviewRow | None = None
        before_record: dict[str, Any] = {}
        after_record = _new_record(document, fields)
        machine = None
    else:
        if key is None:
            raise ReviewError(f"{action} needs the record's key")
        span, review_id = parse_key(key)
        machine_row = _machine_row(session, document_id, span) if span else None
        review = _review_at(session, document_id, span) if span else session.get(ReviewRow, review_id)
        if review is not None and review.document_id != document_id:
            review = None
        if review is None and machine_row is None:
            raise ReviewError(f"document {document_id} has no record {key}")
        machine = machine_row.to_record().to_dict() if machine_row else (review.machine if review else None)
        before_record = review.record if review else machine  # type: ignore[assignment]
        after_record = _apply(before_record, fields, document) if action == "correct" else before_record
    before = _state(review)
    if action == "reject" and review is not None and review.status == "added":
        status = "removed"
        session.delete(review)
        review_id_logged, key = review.id, f"a{review.id}"
    else:
        if action == "add":
            status = "added"
        elif action == "reject":
            status = "rejected"
        elif review is not None and review.status == "added":
            status = "added"
        else:
            same = machine is not None and not _differences(machine, after_record)
            status = "accepted" if same else "corrected"
        if review is None:
            review = ReviewRow(document_id=document_id)
            if action != "add" and span:
                review.machine_start, review.machine_end = span
            session.add(review)
        review.status, review.stale, review.reviewer = status, False, reviewer
        review.decided_at, review.machine = utcnow(), machine
        _set_record(review, after_record)
        session.flush()
        review_id_logged, key = review.id, review_item(review).key
    session.add(
        DecisionRow(
            document_id=document_id,
            review_id=review_id_logged,
            key=key,
            action=action,
            status=status,
            reviewer=reviewer,
            changes=_differences(before_record, after_record),
            before=before,
        )
    )
    session.flush()
    return None if status == "removed" else review


def undo(*, session: Session, reviewer: str, document_id: int | None = None) -> DecisionRow | None:
    """Undo the reviewer's latest decision (in ``document_id``, if given) that is not undone yet:
    the review goes back to its state before it. None when there is nothing to undo."""
    stmt = select(DecisionRow).where(
        DecisionRow.reviewer == reviewer.strip(), DecisionRow.undone_at.is_(None)
    )
    if document_id is not None:
        stmt = stmt.where(DecisionRow.document_id == document_id)
    decision = session.scalars(stmt.order_by(DecisionRow.id.desc())).first()
    if decision is None:
        return None
    review = session.get(ReviewRow, decision.review_id)
    state = decision.before
    if state is None:
        if review is not None:
            session.delete(review)
    else:
        if review is None:  # an added record that the decision removed comes back
            review = ReviewRow(id=decision.review_id, document_id=decision.document_id)
            session.add(review)
        review.status, review.stale, review.reviewer = state["status"], state["stale"], state["reviewer"]
        review.decided_at = datetime.fromisoformat(state["decided_at"]) if state["decided_at"] else utcnow()
        review.machine = state["machine"]
        _set_record(review, state["record"])
    decision.undone_at = utcnow()
    session.flush()
    return decision


def decisions(*, session: Session, document_id: int) -> list[DecisionRow]:
    """The document's decisions, oldest first (undone ones included)."""
    stmt = select(DecisionRow).where(DecisionRow.document_id == document_id).order_by(DecisionRow.id)
    return list(session.scalars(stmt))


# --- re-extraction -----------------------------------------------------------------------------


def flag_changed(*, session: Session, document_id: int) -> int:
    """After the machine's records of a document were replaced: mark the accepted and corrected
    reviews whose machine record changed (or went) as stale. Returns how many were marked."""
    reviews = session.scalars(
        select(ReviewRow).where(
            and_(
                ReviewRow.document_id == document_id,
                ReviewRow.status.in_(TRUSTED),
                ReviewRow.machine.is_not(None),
            )
        )
    ).all()
    marked = 0
    for review in reviews:
        if review.stale or review.machine_start is None or review.machine_end is None:
            continue
        now = _machine_row(session, document_id, (review.machine_start, review.machine_end))
        current = now.to_record().to_dict() if now else None
        # fields added to records after the review was taken are not a change of the record
        if current is None or any(
            current.get(k) != v for k, v in (review.machine or {}).items() if k in current
        ):
            review.stale = True
            marked += 1
    session.flush()
    return marked
