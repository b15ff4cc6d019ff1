"""Target history and escalation as data: for each region × indicator (its key) × measure, the
series of targets and outcomes over the periods, each period's target beside the previous
period's (raised or lowered) and beside the target of the nearest region above for the same
period (层层加码: the gap to the level above)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

from mubiao.regions import gazetteer, region_by_code
from mubiao.track.attainment import target_bound
from mubiao.track.link import TrackingRow


@dataclass(slots=True)
class HistoryRow:
    region: str | None
    region_code: str | None
    level: str | None  # country | province | city | county
    indicator_key: str | None
    indicator: str
    measure: str
    unit: str
    period: str
    comparator: str
    target_low: float | None
    target_high: float | None
    target_text: str
    hedge: str | None
    outcome_value: float | None
    outcome_text: str | None
    status: str
    margin: float | None
    target_doc: str
    # the same region's target for the previous period of the series, and this bound minus that one
    previous_period: str | None
    previous_target_text: str | None
    change_from_previous: float | None
    # the nearest region above with a target for the same indicator, measure, unit and period
    above_region: str | None
    above_target_text: str | None
    above_gap: float | None  # this bound minus the one above
    escalated: bool | None  # stricter than the level above (higher for up, lower for down)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


HISTORY_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(HistoryRow))


def _bound(row: TrackingRow) -> float | None:
    return target_bound(row.comparator, row.target_low, row.target_high, row.direction)  # type: ignore[arg-type]


def _series_key(row: TrackingRow) -> tuple:
    # Years and multi-year plans are two series: a plan's target is not "the previous year's".
    return (row.indicator_key or row.indicator, row.measure, row.unit, row.annual_average, "-" in row.period)


def history(rows: Iterable[TrackingRow]) -> list[HistoryRow]:
    """The history of every tracked target, a region's series in period order."""
    firsts: dict[tuple, TrackingRow] = {}
    for row in rows:
        # one row per target: a conflict's several outcomes count once (the first)
        firsts.setdefault(
            (
                row.region_code or row.region,
                *_series_key(row),
                row.period,
                row.comparator,
                row.target_low,
                row.target_high,
                row.hedge,
            ),
            row,
        )
    by_region: dict[tuple, list[TrackingRow]] = defaultdict(list)
    by_period: dict[tuple, dict[str, TrackingRow]] = defaultdict(dict)
    for row in firsts.values():
        by_region[(row.region_code or row.region, *_series_key(row))].append(row)
        if row.region_code:
            by_period[(*_series_key(row), row.period)].setdefault(row.region_code, row)
    result: list[HistoryRow] = []
    for (_, *key), series in sorted(by_region.items(), key=lambda item: tuple(str(k) for k in item[0])):
        series.sort(key=lambda r: (r.period, r.target_doc))
        earlier: TrackingRow | None = None  # the first target of the latest earlier period
        current: TrackingRow | None = None  # the first target of this row's period
        for row in series:
            if current is None or row.period != current.period:
                earlier, current = current, row
            before = earlier
            above = _above(row, by_period[(*key, row.period)])
            bound = _bound(row)
            change = _difference(bound, _bound(before)) if before else None
            gap = _difference(bound, _bound(above)) if above else None
            region = region_by_code(row.region_code) if row.region_code else None
            result.append(
                HistoryRow(
                    region=row.region,
                    region_code=row.region_code,
                    level=region.level if region else None,
                    indicator_key=row.indicator_key,
                    indicator=row.indicator,
                    measure=row.measure,
                    unit=row.unit,
                    period=row.period,
                    comparator=row.comparator,
                    target_low=row.target_low,
                    target_high=row.target_high,
                    target_text=row.target_text,
                    hedge=row.hedge,
                    outcome_value=row.outcome_value,
                    outcome_text=row.outcome_text,
                    status=row.status,
                    margin=row.margin,
                    target_doc=row.target_doc,
                    previous_period=before.period if before else None,
                    previous_target_text=before.target_text if before else None,
                    change_from_previous=change,
                    above_region=above.region if above else None,
                    above_target_text=above.target_text if above else None,
                    above_gap=gap,
                    escalated=None if gap is None else (gap > 0 if row.direction == "up" else gap < 0),
                )
            )
    return result


def _difference(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 9)


def _above(row: TrackingRow, same_period: dict[str, TrackingRow]) -> TrackingRow | None:
    region = region_by_code(row.region_code) if row.region_code else None
    if region is None:
        return None
    for ancestor in gazetteer().ancestors(region):
        if ancestor.code in same_period:
            return same_period[ancestor.code]
    return None
