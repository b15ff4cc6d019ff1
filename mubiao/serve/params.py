"""The parameters that several routes take, declared once; value sets come from the vocabularies
they filter on. Every number and text is bounded, so that a value the store cannot hold is a 422."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query

from mubiao.record import MEASURES, MODALITIES
from mubiao.store.models import INT_MAX
from mubiao.store.review import STATUSES as REVIEW_STATUSES
from mubiao.track.attainment import STATUSES

MeasureName = Literal[*MEASURES]
ModalityName = Literal[*MODALITIES]
StatusName = Literal[*STATUSES]

# longest name, code, period or column a filter takes; longest text searched for
NAME_MAX = 200
TEXT_MAX = 500

# characters of a document's text in one answer (about 3 MB of Chinese); longer texts come in pages
TEXT_PAGE = 1_000_000

DocumentId = Annotated[int, Path(ge=1, le=INT_MAX, description="the document's id")]
Offset = Annotated[int, Query(ge=0, le=INT_MAX, description="items to skip")]
Region = Annotated[str | None, Query(max_length=NAME_MAX, description="region name or code")]
Indicator = Annotated[str | None, Query(max_length=NAME_MAX, description="core indicator id, e.g. gdp")]
Period = Annotated[str | None, Query(max_length=NAME_MAX, description="2024, or 2026-2030")]
Measure = Annotated[MeasureName | None, Query()]
Format = Annotated[Literal["json", "csv"], Query()]
ReviewStatus = Annotated[
    Literal[*REVIEW_STATUSES, "reviewed", "changed"] | None,
    Query(description="review status; reviewed: any decided; changed: changed since review"),
]
Sort = Annotated[
    str | None,
    Query(
        max_length=NAME_MAX,
        description="a column to sort by (region, indicator, value_low, …); -column: descending",
    ),
]
