"""Documents: list, read (text with records), upload, delete, re-extract."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Response, UploadFile, status
from sqlalchemy.orm import Session

from mubiao.extract.pipeline import extract_document
from mubiao.serve import params
from mubiao.serve.convert import document_detail, document_summary, summary_and_records
from mubiao.serve.deps import SessionDep, StoreDep, UploadWorkersDep, require_read, require_write
from mubiao.serve.errors import UploadError
from mubiao.serve.schemas import DocumentDetail, DocumentPage, ReextractResult, UploadResult
from mubiao.serve.upload import ACCEPTED_SUFFIXES, store_upload
from mubiao.store import crud, reviewed
from mubiao.store.models import INT_MAX, DocumentRow
from mubiao.store.reextract import reextract

router = APIRouter(prefix="/api/documents", tags=["documents"])

NOT_FOUND = {404: {"description": "no such document"}}


def _not_found(document_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"no document with id {document_id}")


def _get_or_404(session: Session, document_id: int) -> DocumentRow:
    row = crud.get_document(session=session, document_id=document_id)
    if row is None:
        raise _not_found(document_id)
    return row


@router.get("", response_model=DocumentPage, dependencies=[Depends(require_read)])
def list_documents(
    session: SessionDep,
    region: params.Region = None,
    q: Annotated[
        str | None, Query(max_length=params.TEXT_MAX, description="text in the title or key")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: params.Offset = 0,
) -> Any:
    rows = crud.list_documents(session=session, region=region, q=q, limit=limit, offset=offset)
    counts = reviewed.progress(session=session, document_ids=[r.id for r in rows])
    return {
        "total": crud.count_documents(session=session, region=region, q=q),
        "limit": limit,
        "offset": offset,
        "items": [document_summary(r, *counts.get(r.id, (0, 0))[::-1]) for r in rows],
    }


@router.get(
    "/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND, dependencies=[Depends(require_read)]
)
def get_document(
    session: SessionDep,
    document_id: params.DocumentId,
    text_start: Annotated[
        int, Query(ge=0, le=INT_MAX, description="first character of the text to send")
    ] = 0,
    text_length: Annotated[
        int, Query(ge=1, le=params.TEXT_PAGE, description="characters of the text to send at most")
    ] = params.TEXT_PAGE,
) -> Any:
    """The document and its text from ``text_start``, at most ``text_length`` characters (a longer
    text is read in pages: ask again from ``text_end`` while it is short of ``n_chars``), with the
    records overlapping that part (offsets index the whole text)."""
    return document_detail(_get_or_404(session, document_id), text_start, text_length)


@router.post(
    "",
    response_model=UploadResult,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_write)],
    responses={
        200: {"description": "the same text was already stored: nothing changed", "model": UploadResult},
        413: {"description": "the file is larger than the server accepts"},
        415: {"description": "not a file type mubiao reads"},
        422: {
            "description": "the file could not be read as a document, or not within the time and memory limits"
        },
        503: {"description": "every upload worker is busy: retry later"},
    },
)
def upload_document(
    store: StoreDep,
    workers: UploadWorkersDep,
    response: Response,
    file: Annotated[UploadFile, File(description=f"a {', '.join(ACCEPTED_SUFFIXES)} file")],
    region: Annotated[str | None, Form(description="region the document speaks for")] = None,
    published: Annotated[
        str | None, Form(description="publication date YYYY-MM-DD", pattern=r"^\d{4}-\d{2}-\d{2}$")
    ] = None,
    title: Annotated[str | None, Form()] = None,
) -> Any:
    """Upload a file: it is read, its records extracted and stored, and returned."""
    # A plain function: FastAPI runs it (the response's validation included) in a thread, and the
    # file is read, extracted and stored in a worker process (mubiao.serve.worker; see
    # store_upload), so that neither holds up the event loop and the other requests.
    try:
        document_id, created, current = store_upload(
            store,
            workers,
            filename=file.filename or "",
            data=file.file.read(),
            region=region,
            published=published,
            title=title,
        )
    except UploadError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    if not created:
        response.status_code = status.HTTP_200_OK
    with store.session() as session:
        summary, records = summary_and_records(_get_or_404(session, document_id), current)
    return {"created": created, "document": summary, "records": records}


@router.delete(
    "/{document_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=NOT_FOUND,
    dependencies=[Depends(require_write)],
)
def delete_document(store: StoreDep, document_id: params.DocumentId) -> Response:
    with store.begin() as session:
        if not crud.delete_document(session=session, document_id=document_id):
            raise _not_found(document_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{document_id}/reextract",
    response_model=ReextractResult,
    responses=NOT_FOUND,
    dependencies=[Depends(require_write)],
)
def reextract_document(store: StoreDep, document_id: params.DocumentId) -> Any:
    """Run the current extractor again over the stored text and replace the document's records."""
    # Write routes hold no session of their own across the write: an open SQLite read would
    # keep the writer waiting on its lock.
    with store.session() as session:
        _get_or_404(session, document_id)
    changes = reextract(
        store, extractor=extract_document, document_ids=[document_id], settings={"via": "api"}
    )
    if not changes:
        raise _not_found(document_id)
    change = changes[0]
    if change.error is not None:  # the stored records are kept as they were
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, f"{change.key}: {change.error}")
    with store.session() as session:
        summary, records = summary_and_records(_get_or_404(session, document_id))
    return {
        "document": summary,
        "added": len(change.added),
        "removed": len(change.removed),
        "changed": len(change.changed),
        "records": records,
    }
