"""GET /api/tracking: every stored target linked to its outcome (the table of `mubiao track`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from mubiao.serve.csvout import csv_response
from mubiao.serve.deps import SessionDep, require_read
from mubiao.serve.queries import document_ids_by_key
from mubiao.serve.schemas import TrackingTable
from mubiao.store import crud
from mubiao.track.link import TRACKING_COLUMNS

router = APIRouter(prefix="/api/tracking", tags=["tracking"], dependencies=[Depends(require_read)])

Status = Literal["met", "met_within_tolerance", "missed", "no_outcome", "conflict"]


@router.get(
    "",
    response_model=TrackingTable,
    responses={
        200: {"content": {"text/csv": {}}, "description": "the table as JSON, or CSV with format=csv"}
    },
)
def tracking(
    session: SessionDep,
    region: Annotated[str | None, Query(description="region name or code")] = None,
    indicator: Annotated[str | None, Query(description="core indicator id, e.g. gdp")] = None,
    period: Annotated[str | None, Query(description="2024, or 2026-2030")] = None,
    measure: Annotated[Literal["growth", "level", "change"] | None, Query()] = None,
    status: Annotated[Status | None, Query()] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Any:
    rows = crud.tracking_table(session=session, region=region, indicator=indicator, period=period)
    rows = [r for r in rows if (not measure or r.measure == measure) and (not status or r.status == status)]
    ids = document_ids_by_key(
        session=session, keys=[k for r in rows for k in (r.target_doc, r.outcome_doc) if k]
    )
    items = [
        {
            **r.to_dict(),
            "target_document_id": ids.get(r.target_doc),
            "outcome_document_id": ids.get(r.outcome_doc) if r.outcome_doc else None,
        }
        for r in rows
    ]
    if format == "csv":
        return csv_response(TRACKING_COLUMNS, items, "mubiao-tracking.csv")
    return {"total": len(items), "items": items}
