"""Escalation across administrative levels (层层加码): for one indicator and period, each region's
target beside those of the regions above it, with the amount by which it exceeds the nearest one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

from mubiao.record import TargetRecord
from mubiao.regions import Region, gazetteer, region_by_code, resolve_region
from mubiao.track.attainment import target_bound
from mubiao.track.direction import Direction, indicator_direction
from mubiao.track.link import publication_order


@dataclass(slots=True)
class EscalationRow:
    level: str  # country | province | city | county
    region: str
    region_code: str
    parent_code: str | None
    measure: str
    unit: str
    annual_average: bool
    comparator: str
    target_low: float | None
    target_high: float | None
    target_text: str
    hedge: str | None
    doc: str
    quote: str
    # The nearest region above with a target of the same measure and unit, and the difference
    # between the two bounds; escalated: stricter than that target (higher for up, lower for down).
    reference_region: str | None
    reference_text: str | None
    above_reference: float | None
    escalated: bool | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ESCALATION_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(EscalationRow))


def record_region(record: TargetRecord) -> Region | None:
    """The gazetteer division of a record, by code, else by name."""
    if record.region_code and (region := region_by_code(record.region_code)):
        return region
    return resolve_region(record.region) if record.region else None


def escalation(
    records: Iterable[TargetRecord],
    *,
    indicator: str,
    period: str,
    region: str | None = None,
    direction: Callable[[str | None], Direction] = indicator_direction,
) -> list[EscalationRow]:
    """Targets for ``indicator`` in ``period``, in hierarchy order (a region, then each region
    under it). ``region`` (a name or code) keeps that region and the regions under it."""
    gaz = gazetteer()
    root = resolve_region(region) if region else None
    if region and root is None:
        raise ValueError(f"unknown region: {region}")
    way = direction(indicator)
    chosen: dict[tuple, tuple[TargetRecord, Region]] = {}
    for record in sorted(records, key=publication_order):
        if record.modality != "target" or record.indicator != indicator or record.period != period:
            continue
        if record.value_low is None and record.value_high is None:
            continue
        place = record_region(record)
        if place is None or (root and root != place and root not in gaz.ancestors(place)):
            continue
        key = (place.code, record.measure, record.unit, record.annual_average, record.comparator)
        chosen.setdefault((*key, record.value_low, record.value_high), (record, place))

    def path(place: Region) -> tuple[str, ...]:
        return (*(a.code for a in reversed(gaz.ancestors(place))), place.code)

    ordered = sorted(chosen.values(), key=lambda item: (path(item[1]), item[0].measure, item[0].start))
    rows: list[EscalationRow] = []
    for record, place in ordered:
        bound = target_bound(record.comparator, record.value_low, record.value_high, way)
        reference, reference_place = _nearest_above(record, place, ordered)
        above = escalated = None
        if reference is not None and bound is not None:
            ref_bound = target_bound(reference.comparator, reference.value_low, reference.value_high, way)
            if ref_bound is not None:
                above = round(bound - ref_bound, 9)
                escalated = above > 0 if way == "up" else above < 0
        rows.append(
            EscalationRow(
                level=place.level,
                region=place.full_name,
                region_code=place.code,
                parent_code=place.parent_code,
                measure=record.measure,
                unit=record.unit,
                annual_average=bool(record.annual_average),
                comparator=record.comparator,
                target_low=record.value_low,
                target_high=record.value_high,
                target_text=record.value_text,
                hedge=record.hedge,
                doc=record.doc,
                quote=record.quote,
                reference_region=reference_place.full_name if reference_place else None,
                reference_text=reference.value_text if reference else None,
                above_reference=above,
                escalated=escalated,
            )
        )
    return rows


def _nearest_above(
    record: TargetRecord, place: Region, ordered: list[tuple[TargetRecord, Region]]
) -> tuple[TargetRecord, Region] | tuple[None, None]:
    for ancestor in gazetteer().ancestors(place):
        for other, other_place in ordered:
            if other_place.code == ancestor.code and (other.measure, other.unit, other.annual_average) == (
                record.measure,
                record.unit,
                record.annual_average,
            ):
                return other, other_place
    return None, None
