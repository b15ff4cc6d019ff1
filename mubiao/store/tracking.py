"""Tracking tables of a store: its targets linked to the outcomes reported later, and its targets
across administrative levels, both read as people left the records (``mubiao.store.reviewed``)::

    with store.session() as session:
        rows = tracking_table(session=session, indicator="gdp", region="全国")
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mubiao.store.crud import RecordFilters
from mubiao.store.reviewed import current_records, tracked_groups
from mubiao.track.attainment import Tolerance
from mubiao.track.escalation import EscalationRow, escalation
from mubiao.track.link import TrackingRow, row_order, track


def tracking_table(
    *,
    session: Session,
    region: str | None = None,
    indicator: str | None = None,
    period: str | None = None,
    tolerance: Tolerance | None = None,
    reviewed_only: bool = False,
) -> list[TrackingRow]:
    """Each stored target linked to its later outcome and classified (``mubiao.track``).

    Filters as in ``crud.query_records``. People's decisions count: a rejected target or outcome is
    not used, a corrected one is used as corrected, an added one too (``reviewed_only``: only
    records a person accepted, corrected or added). ``TrackingRow.to_dict()`` gives the table's
    columns (``mubiao.track.link.TRACKING_COLUMNS``).
    """
    filters = RecordFilters(region=region, indicator=indicator, period=period)
    tolerance = tolerance or Tolerance()
    # one indicator and measure at a time: memory grows with the targets, not with the store
    groups = tracked_groups(session=session, filters=filters, reviewed_only=reviewed_only)
    return sorted((row for group in groups for row in track(group, tolerance=tolerance)), key=row_order)


def escalation_table(
    *, session: Session, indicator: str, period: str, region: str | None = None
) -> list[EscalationRow]:
    """The stored targets of ``indicator`` for ``period`` across administrative levels, each beside
    the nearest target above it (``mubiao.track.escalation``); ``region`` keeps that region and the
    regions under it. People's decisions count as in ``tracking_table``. ValueError for a region
    the gazetteer does not know."""
    filters = RecordFilters(indicator=indicator, period=period, modality="target")
    records = current_records(session=session, filters=filters)
    return escalation(records, indicator=indicator, period=period, region=region)
