"""The research panel: one row per tracked target (region × indicator × period; a tiered goal has a
row per tier, a conflict a row per disagreeing outcome), with the region's code and level, the
indicator's id, key and English name, the target, its outcome as reported and as revised, the
status, and both sides' document, offsets and quote."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from mubiao.export.tables import frames
from mubiao.regions import region_by_code
from mubiao.store import tracking
from mubiao.store.models import DocumentRow
from mubiao.taxonomy.table import taxonomy
from mubiao.track import Tolerance, TrackingRow
from mubiao.track.plans import span

PANEL_COLUMNS = (
    "region",
    "region_code",
    "region_level",
    "indicator",
    "indicator_key",
    "indicator_en",
    "indicator_text",
    "measure",
    "period",
    "period_start",
    "period_end",
    "unit",
    "annual_average",
    "direction",
    "comparator",
    "target_low",
    "target_high",
    "target_text",
    "hedge",
    "relative_to",
    "outcome_value",
    "outcome_text",
    "outcome_modality",
    "revised_value",
    "revised_text",
    "status",
    "margin",
    "note",
    "target_document_id",
    "target_doc",
    "target_published",
    "target_start",
    "target_end",
    "target_quote",
    "outcome_document_id",
    "outcome_doc",
    "outcome_published",
    "outcome_start",
    "outcome_end",
    "outcome_quote",
    "revised_document_id",
    "revised_doc",
    "revised_published",
    "revised_start",
    "revised_end",
    "revised_quote",
)


def english_names() -> dict[str, str]:
    """Indicator id → its English name (``en`` in ``knowledge/taxonomy.tsv``)."""
    return {ident: entry.en for ident, entry in taxonomy().items()}


def _years(period: str) -> tuple[int | None, int | None]:
    if years := span(period):
        return years
    return (int(period), int(period)) if period.isdigit() else (None, None)


def panel_row(row: TrackingRow, document_ids: dict[str, int], english: dict[str, str]) -> dict:
    data = row.to_dict()
    region = region_by_code(row.region_code) if row.region_code else None
    first, last = _years(row.period)
    data.update(
        region_level=region.level if region else None,
        indicator=row.indicator or None,
        indicator_en=english.get(row.indicator),
        period_start=first,
        period_end=last,
        target_document_id=document_ids.get(row.target_doc),
        outcome_document_id=document_ids.get(row.outcome_doc or ""),
        revised_document_id=document_ids.get(row.revised_doc or ""),
    )
    return {name: data.get(name) for name in PANEL_COLUMNS}


def panel_batches(
    session: Session, tolerance: Tolerance | None = None, reviewed_only: bool = False
) -> Iterator[pd.DataFrame]:
    """The panel of every tracked target in the store (people's review decisions honoured;
    ``reviewed_only``: from reviewed records only), in batches of rows."""
    document_ids: dict[str, int] = {}
    for key, document_id in session.execute(select(DocumentRow.key, DocumentRow.id).order_by(DocumentRow.id)):
        document_ids.setdefault(key, document_id)
    english = english_names()
    rows = tracking.tracking_table(session=session, tolerance=tolerance, reviewed_only=reviewed_only)
    yield from frames((panel_row(r, document_ids, english) for r in rows), PANEL_COLUMNS)
