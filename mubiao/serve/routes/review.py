"""Review: decisions on a document's records (token required), undo, the decisions log, and the
queue of records still to review, least sure first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.orm import Session

from mubiao.review.confidence import of_document
from mubiao.serve import params
from mubiao.serve.convert import document_items_out, item_out
from mubiao.serve.deps import SessionDep, SettingsDep, StoreDep, require_read, require_write
from mubiao.serve.schemas import (
    Decision,
    DecisionOut,
    DecisionResult,
    ReviewQueue,
    ServerInfo,
    Undo,
    UndoResult,
)
from mubiao.store import review, reviewed
from mubiao.store.models import DocumentRow

router = APIRouter(tags=["review"])

NOT_FOUND = {404: {"description": "no such document"}}


def _document(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document with id {document_id}")
    return row


def _progress(session: Session, document_id: int) -> dict[str, int]:
    done, total = reviewed.progress(session=session, document_ids=[document_id]).get(document_id, (0, 0))
    return {"reviewed": done, "total": total}


@router.get("/api/server", response_model=ServerInfo)
def server(settings: SettingsDep) -> Any:
    """What this server allows: the page hides every write control when ``writes`` is false."""
    return {"writes": bool(settings.api_token), "protect_reads": settings.protect_reads}


@router.post(
    "/api/documents/{document_id}/decisions",
    response_model=DecisionResult,
    responses={**NOT_FOUND, 422: {"description": "a decision that cannot be taken, with the reason"}},
    dependencies=[Depends(require_write)],
)
def decide(store: StoreDep, document_id: params.DocumentId, decision: Decision) -> Any:
    """Accept, correct (any field, the span included), reject or add a record of the document.
    The machine's record is not touched; the decision is logged with the reviewer and time."""
    with store.begin() as session:
        _document(session, document_id)
        try:
            row = review.decide(
                session=session,
                document_id=document_id,
                reviewer=decision.reviewer,
                action=decision.action,
                key=decision.key,
                fields=decision.fields,
            )
        except review.ReviewError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
        record = None
        if row is not None:
            document = _document(session, document_id)
            item = review.review_item(row)
            record = item_out(item, of_document(document.to_document(), [item.record])[0])
        return {"record": record, "review": _progress(session, document_id)}


@router.post(
    "/api/documents/{document_id}/decisions/undo",
    response_model=UndoResult,
    responses=NOT_FOUND,
    dependencies=[Depends(require_write)],
)
def undo(store: StoreDep, document_id: params.DocumentId, body: Undo) -> Any:
    """Undo the reviewer's latest decision in this document."""
    with store.begin() as session:
        _document(session, document_id)
        done = review.undo(session=session, reviewer=body.reviewer, document_id=document_id)
        return {
            "undone": done is not None,
            "key": done.key if done else None,
            "review": _progress(session, document_id),
        }


@router.get(
    "/api/documents/{document_id}/decisions",
    response_model=list[DecisionOut],
    responses=NOT_FOUND,
    dependencies=[Depends(require_read)],
)
def decisions(session: SessionDep, document_id: params.DocumentId) -> Any:
    """Every decision taken on the document's records, oldest first (undone ones included)."""
    _document(session, document_id)
    return review.decisions(session=session, document_id=document_id)


@router.get("/api/review/queue", response_model=ReviewQueue, dependencies=[Depends(require_read)])
def queue(session: SessionDep, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> Any:
    """The records still to review across documents (nobody decided, or changed since review),
    least sure first, with the progress of each document and overall."""
    progress = reviewed.progress(session=session)
    pending: list[dict[str, Any]] = []
    documents = []
    for document_id, (done, total) in sorted(progress.items()):
        row = _document(session, document_id)
        documents.append({"id": row.id, "title": row.title, "key": row.key, "reviewed": done, "total": total})
        if done < total:
            outs = document_items_out(row)
            pending += [o for o in outs if o["status"] == "machine" or o["changed_since_review"]]
    pending.sort(key=lambda o: (o["confidence"], o["document_id"], o["start"]))
    return {
        "items": pending[:limit],
        "reviewed": sum(d["reviewed"] for d in documents),
        "total": sum(d["total"] for d in documents),
        "documents": documents,
    }
