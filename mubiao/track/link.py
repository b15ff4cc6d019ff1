"""Link each target to the outcomes reported for it in later documents, and classify it.

A target and an outcome are linked when they share the region (its code, found in the gazetteer
for a record that only names it), the indicator (a core id, never null), the measure, the period,
and (so that the numbers compare) the unit and the annual-average flag; the outcome must come from another document, not published before the
target's. Actual outcomes replace estimates; actuals that disagree make a ``conflict``, one row
per distinct outcome, none hidden.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from functools import cache
from typing import Any

from mubiao.record import TargetRecord
from mubiao.regions import resolve_region
from mubiao.track.attainment import Tolerance, attainment, outcome_number
from mubiao.track.direction import Direction, indicator_direction


@dataclass(slots=True)
class TrackingRow:
    """One target (and one outcome, or none) with its attainment status."""

    region: str | None
    region_code: str | None
    indicator: str
    measure: str
    period: str
    comparator: str
    target_low: float | None
    target_high: float | None
    hedge: str | None
    outcome_value: float | None
    status: str
    margin: float | None
    target_doc: str
    outcome_doc: str | None
    target_quote: str
    outcome_quote: str | None
    unit: str
    annual_average: bool
    direction: str
    target_text: str
    outcome_text: str | None
    outcome_modality: str | None
    target_published: str | None
    outcome_published: str | None
    # Offsets of each side's value expression in its document (the panel cites both).
    target_start: int = 0
    target_end: int = 0
    outcome_start: int | None = None
    outcome_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


TRACKING_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(TrackingRow))


def _group_key(record: TargetRecord) -> tuple:
    return (record.indicator, record.measure, record.period, record.unit, bool(record.annual_average))


@cache
def _code_of(name: str) -> str | None:
    region = resolve_region(name)
    return region.code if region else None


def region_key(record: TargetRecord) -> str | None:
    """The region's code; for a record with only a name, the gazetteer's code for it, else the name."""
    if record.region_code:
        return record.region_code
    if record.region:
        return _code_of(record.region) or record.region
    return None


def same_region(a: TargetRecord, b: TargetRecord) -> bool:
    return region_key(a) == region_key(b)


def _reported_after(outcome: TargetRecord, target: TargetRecord) -> bool:
    if outcome.doc == target.doc:
        return False
    return not (outcome.published and target.published and outcome.published < target.published)


def publication_order(record: TargetRecord) -> tuple:
    """Sort key: earliest publication first, unknown dates last, then by document and offset."""
    return (record.published is None, record.published or "", record.doc, record.start)


def _distinct(records: Iterable[TargetRecord], key: Callable[[TargetRecord], Any]) -> list[TargetRecord]:
    """The first record (in publication order) of each distinct key."""
    seen: dict[Any, TargetRecord] = {}
    for record in sorted(records, key=publication_order):
        seen.setdefault(key(record), record)
    return list(seen.values())


def _value_key(record: TargetRecord) -> float | None:
    number = outcome_number(record)
    return None if number is None else float(f"{number:.9g}")


def resolve_outcomes(outcomes: list[TargetRecord]) -> list[TargetRecord]:
    """The outcomes that decide a target: the actuals if any (estimates are superseded), else the
    latest estimates; one per distinct value. More than one left means the sources disagree."""
    actuals = [o for o in outcomes if o.modality == "actual"]
    if not actuals:
        estimates = [o for o in outcomes if o.modality == "estimate"]
        latest = max((o.published or "" for o in estimates), default="")
        actuals = [o for o in estimates if (o.published or "") == latest]
    return _distinct(actuals, _value_key)


def _row(
    target: TargetRecord, outcome: TargetRecord | None, status: str, margin: float | None, direction: str
) -> TrackingRow:
    return TrackingRow(
        region=target.region,
        region_code=target.region_code,
        indicator=target.indicator or "",
        measure=target.measure,
        period=target.period or "",
        comparator=target.comparator,
        target_low=target.value_low,
        target_high=target.value_high,
        hedge=target.hedge,
        outcome_value=outcome_number(outcome) if outcome else None,
        status=status,
        margin=margin,
        target_doc=target.doc,
        outcome_doc=outcome.doc if outcome else None,
        target_quote=target.quote,
        outcome_quote=outcome.quote if outcome else None,
        unit=target.unit,
        annual_average=bool(target.annual_average),
        direction=direction,
        target_text=target.value_text,
        outcome_text=outcome.value_text if outcome else None,
        outcome_modality=outcome.modality if outcome else None,
        target_published=target.published,
        outcome_published=outcome.published if outcome else None,
        target_start=target.start,
        target_end=target.end,
        outcome_start=outcome.start if outcome else None,
        outcome_end=outcome.end if outcome else None,
    )


def track(
    records: Iterable[TargetRecord],
    *,
    tolerance: Tolerance | None = None,
    direction: Callable[[str | None], Direction] = indicator_direction,
) -> list[TrackingRow]:
    """The tracking table of ``records`` (any mix of targets and outcomes, any documents).

    A target repeated with the same values (a headline and its body, a later restatement) is
    tracked once, from its earliest document. Records without an indicator id or a period, and
    targets without a value, are not tracked.
    """
    tolerance = tolerance or Tolerance()
    groups: dict[tuple, list[TargetRecord]] = defaultdict(list)
    for record in records:
        if record.indicator and record.period:
            groups[_group_key(record)].append(record)
    rows: list[TrackingRow] = []
    for group in groups.values():
        targets = _distinct(
            (
                r
                for r in group
                if r.modality == "target" and (r.value_low is not None or r.value_high is not None)
            ),
            lambda r: (region_key(r), r.comparator, r.value_low, r.value_high),
        )
        outcomes = [
            r for r in group if r.modality in ("actual", "estimate") and outcome_number(r) is not None
        ]
        for target in targets:
            way = direction(target.indicator)
            linked = resolve_outcomes(
                [o for o in outcomes if same_region(o, target) and _reported_after(o, target)]
            )
            if not linked:
                rows.append(_row(target, None, "no_outcome", None, way))
                continue
            for outcome in linked:
                status, margin = attainment(
                    comparator=target.comparator,
                    low=target.value_low,
                    high=target.value_high,
                    unit=target.unit,
                    direction=way,
                    outcome=outcome_number(outcome),  # type: ignore[arg-type]  # filtered above
                    tolerance=tolerance,
                )
                rows.append(_row(target, outcome, "conflict" if len(linked) > 1 else status, margin, way))
    rows.sort(
        key=lambda r: (r.region_code or "", r.region or "", r.indicator, r.period, r.measure, r.target_doc)
    )
    return rows
