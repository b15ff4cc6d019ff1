"""GET /api/facets: the values the records can be filtered by, with the indicators' names."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from mubiao.record import MEASURES, MODALITIES
from mubiao.serve.deps import SessionDep, require_read
from mubiao.serve.names import indicator_names
from mubiao.serve.queries import distinct_values
from mubiao.serve.schemas import Facets

router = APIRouter(prefix="/api/facets", tags=["records"], dependencies=[Depends(require_read)])


@router.get("", response_model=Facets)
def facets(session: SessionDep) -> Any:
    return {
        "regions": distinct_values(session=session, column="region"),
        "indicators": distinct_values(session=session, column="indicator"),
        "periods": distinct_values(session=session, column="period"),
        "measures": list(MEASURES),
        "modalities": list(MODALITIES),
        "indicator_names": indicator_names(),
    }
