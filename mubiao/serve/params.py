"""The query parameters that several routes take, declared once; value sets come from the
vocabularies they filter on."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from mubiao.record import MEASURES, MODALITIES
from mubiao.store.review import STATUSES as REVIEW_STATUSES
from mubiao.track.attainment import STATUSES

MeasureName = Literal[*MEASURES]
ModalityName = Literal[*MODALITIES]
StatusName = Literal[*STATUSES]

Region = Annotated[str | None, Query(description="region name or code")]
Indicator = Annotated[str | None, Query(description="core indicator id, e.g. gdp")]
Period = Annotated[str | None, Query(description="2024, or 2026-2030")]
Measure = Annotated[MeasureName | None, Query()]
Format = Annotated[Literal["json", "csv"], Query()]
ReviewStatus = Annotated[
    Literal[*REVIEW_STATUSES, "reviewed", "changed"] | None,
    Query(description="review status; reviewed: any decided; changed: changed since review"),
]
Sort = Annotated[
    str | None,
    Query(description="a column to sort by (region, indicator, value_low, …); -column: descending"),
]
