"""GET /api/tracking: every stored target linked to its outcome (the table of `mubiao track`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status

from mubiao.serve import params
from mubiao.serve.csvout import csv_or_json, csv_response
from mubiao.serve.deps import SessionDep, require_read
from mubiao.serve.queries import document_ids_by_key
from mubiao.serve.schemas import EscalationTable, TrackingTable
from mubiao.store import tracking as stored
from mubiao.track.attainment import Tolerance
from mubiao.track.escalation import ESCALATION_COLUMNS
from mubiao.track.link import TRACKING_COLUMNS

router = APIRouter(prefix="/api/tracking", tags=["tracking"], dependencies=[Depends(require_read)])


@router.get("", response_model=TrackingTable, responses=csv_or_json("the table"))
def tracking(
    session: SessionDep,
    region: params.Region = None,
    indicator: params.Indicator = None,
    period: params.Period = None,
    measure: params.Measure = None,
    status: Annotated[params.StatusName | None, Query()] = None,
    tolerance_pct: Annotated[
        float,
        Query(
            ge=0,
            allow_inf_nan=False,
            description="how far (in points) a 左右 target in % or pp may be missed and count",
        ),
    ] = Tolerance().pct,
    tolerance_level: Annotated[
        float,
        Query(ge=0, allow_inf_nan=False, description="the same for other units, as a fraction of the target"),
    ] = Tolerance().level,
    format: params.Format = "json",
) -> Any:
    tolerance = Tolerance(pct=tolerance_pct, level=tolerance_level)
    rows = stored.tracking_table(
        session=session, region=region, indicator=indicator, period=period, tolerance=tolerance
    )
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
    return {
        "total": len(items),
        "items": items,
        "tolerance_pct": tolerance.pct,
        "tolerance_level": tolerance.level,
    }


@router.get("/escalation", response_model=EscalationTable, responses=csv_or_json("the table"))
def escalation_table(
    session: SessionDep,
    indicator: Annotated[str, Query(max_length=params.NAME_MAX, description="core indicator id, e.g. gdp")],
    period: Annotated[str, Query(max_length=params.NAME_MAX, description="2026, or 2026-2030")],
    region: Annotated[
        str | None,
        Query(max_length=params.NAME_MAX, description="a region (name or code) and the regions under it"),
    ] = None,
    format: params.Format = "json",
) -> Any:
    """One indicator's targets for one period across administrative levels (层层加码): each
    region's target beside the nearest one above it (`mubiao track --escalation`)."""
    try:
        found = stored.escalation_table(session=session, indicator=indicator, period=period, region=region)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    items = [r.to_dict() for r in found]
    if format == "csv":
        return csv_response(ESCALATION_COLUMNS, items, "mubiao-escalation.csv")
    return {"total": len(items), "items": items}
