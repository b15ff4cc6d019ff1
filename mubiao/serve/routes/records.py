"""GET /api/records: records as readers see them (with their review status), filtered, counted
per filter value, sorted and paginated, as JSON or a CSV download."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import StreamingResponse

from mubiao.record import RECORD_FIELDS
from mubiao.serve import params
from mubiao.serve.convert import item_out
from mubiao.serve.csvout import csv_or_json, csv_response
from mubiao.serve.deps import SessionDep, StoreDep, require_read
from mubiao.serve.schemas import RecordPage
from mubiao.store import crud, reviewed
from mubiao.store.models import INT_MAX

router = APIRouter(prefix="/api/records", tags=["records"], dependencies=[Depends(require_read)])

CSV_COLUMNS = (
    "id",
    "document_id",
    *RECORD_FIELDS,
    "indicator_en",
    "indicator_parent",
    "key",
    "status",
    "changed_since_review",
)
CSV_BATCH = 2000


@router.get("", response_model=RecordPage, responses=csv_or_json("records"))
def list_records(
    session: SessionDep,
    store: StoreDep,
    region: params.Region = None,
    indicator: params.Indicator = None,
    measure: params.Measure = None,
    modality: Annotated[params.ModalityName | None, Query()] = None,
    period: params.Period = None,
    q: Annotated[
        str | None,
        Query(max_length=params.TEXT_MAX, description="text in the quote, indicator_text or value_text"),
    ] = None,
    document_id: Annotated[
        int | None, Query(ge=1, le=INT_MAX, description="only this document's records")
    ] = None,
    review: params.ReviewStatus = None,
    sort: params.Sort = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: params.Offset = 0,
    format: Annotated[Literal["json", "csv"], Query(description="csv: every matching record")] = "json",
) -> Any:
    """Records as readers see them; ``region``, ``indicator`` or ``period`` ``-`` picks the records
    without one (a text that names no region, a name with no indicator id), and the facets count
    those under ``-``."""
    filters = crud.RecordFilters(
        region=region,
        indicator=indicator,
        measure=measure,
        modality=modality,
        period=period,
        q=q,
        document_id=document_id,
    )
    if sort and sort.removeprefix("-") not in reviewed.SORTABLE:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"sort: one of {', '.join(reviewed.SORTABLE)} (- for descending)",
        )
    if format == "csv":
        return _csv(store, filters, review, sort)
    items = reviewed.query_items(
        session=session, filters=filters, status=review, sort=sort, limit=limit, offset=offset
    )
    return {
        "total": reviewed.count_items(session=session, filters=filters, status=review),
        "limit": limit,
        "offset": offset,
        "items": [item_out(i) for i in items],
        "facets": reviewed.facet_counts(session=session, filters=filters, status=review),
    }


def _csv(
    store: StoreDep, filters: crud.RecordFilters, review: str | None, sort: str | None
) -> StreamingResponse:
    def rows() -> Iterator[dict[str, Any]]:
        # its own session: the response streams after the request's session has closed
        with store.session() as session:
            offset = 0
            while batch := reviewed.query_items(
                session=session, filters=filters, status=review, sort=sort, limit=CSV_BATCH, offset=offset
            ):
                yield from (item_out(i) for i in batch)
                offset += len(batch)

    return csv_response(CSV_COLUMNS, rows(), "mubiao-records.csv")
