"""Link each target to the outcomes reported for it in later documents, and classify it.

A target and an outcome are linked when they share the region (its code, found in the gazetteer
for a record that only names it), the indicator, the measure and (so that the numbers compare) the
unit, and when the outcome reports the target's period (``mubiao.track.plans``: a plan's targets
are judged at its end); the outcome must come from another document, not published before the
target's. Which outcome decides when several do: ``mubiao.track.outcomes``. Equally good outcomes
that disagree make a ``conflict``, one row per distinct outcome, none hidden.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from mubiao.record import TargetRecord
from mubiao.regions import resolve_region
from mubiao.taxonomy.normalise import normalised_name
from mubiao.track.attainment import Tolerance, attainment, outcome_number
from mubiao.track.direction import Direction, indicator_direction
from mubiao.track.members import each_member
from mubiao.track.outcomes import Decision, decide, is_bulletin
from mubiao.track.plans import computed_average, judged_against
from mubiao.track.relative import benchmark_region, gap_outcome


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
    indicator_text: str = ""
    # what links the target to its outcomes besides region, measure and unit
    indicator_key: str | None = None
    # a later source's different figure for the same outcome (the outcome columns hold the first)
    revised_value: float | None = None
    revised_text: str | None = None
    revised_doc: str | None = None
    revised_quote: str | None = None
    revised_start: int | None = None
    revised_end: int | None = None
    revised_published: str | None = None
    # how the outcome was chosen, when there was a choice (estimate replaced, revision, conflict)
    note: str = ""
    # a relative target's benchmark as written (全省): the values are gaps to it
    relative_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # plain values only: no deep copy (dataclasses.asdict)
        return {name: getattr(self, name) for name in TRACKING_COLUMNS}


TRACKING_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(TrackingRow))


def link_key(record: TargetRecord) -> str | None:
    """What ties a target to its outcomes besides region, measure and unit: the indicator key (its
    id, else its normalised name: ``mubiao.taxonomy.key``), so that indicators without an id are
    tracked too."""
    return record.indicator_key or record.indicator


def name_form(name: str) -> str:
    """An indicator name in one spelling, for comparing names (``mubiao.taxonomy.normalise``)."""
    return normalised_name(unicodedata.normalize("NFKC", name))


def _group_key(record: TargetRecord) -> tuple:
    return (region_key(record), link_key(record), record.measure, record.unit)


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


def _row(
    target: TargetRecord,
    outcome: TargetRecord | None,
    status: str,
    margin: float | None,
    direction: str,
    revised: TargetRecord | None = None,
    note: str = "",
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
        indicator_text=target.indicator_text,
        indicator_key=link_key(target),
        revised_value=outcome_number(revised) if revised else None,
        revised_text=revised.value_text if revised else None,
        revised_doc=revised.doc if revised else None,
        revised_quote=revised.quote if revised else None,
        revised_start=revised.start if revised else None,
        revised_end=revised.end if revised else None,
        revised_published=revised.published if revised else None,
        note=note,
        relative_to=target.relative_to,
    )


def _is_target(record: TargetRecord) -> bool:
    return record.modality == "target" and (record.value_low is not None or record.value_high is not None)


def _is_outcome(record: TargetRecord) -> bool:
    return record.modality in ("actual", "estimate") and outcome_number(record) is not None


def track(
    records: Iterable[TargetRecord],
    *,
    tolerance: Tolerance | None = None,
    direction: Callable[[str | None], Direction] = indicator_direction,
    bulletins: Callable[[str], bool] = is_bulletin,
) -> list[TrackingRow]:
    """The tracking table of ``records`` (any mix of targets and outcomes, any documents).

    A target repeated with the same values (a headline and its body, a later restatement) is
    tracked once, from its earliest document. Records without an indicator, a period or a region
    (a news page about many regions where no place is a number's subject), and targets without a
    value, are not tracked; a value stated once for several indicators is tracked for each
    (``mubiao.track.members``). ``bulletins`` tells a statistical bulletin by its
    document key (its outcomes rank after the next year's work report's). A relative target (one with
    ``relative_to``) is judged on a gap stated later to the same benchmark, else on its region's
    outcome minus the benchmark region's (``mubiao.track.relative``).
    """
    tolerance = tolerance or Tolerance()
    groups: dict[tuple, list[TargetRecord]] = defaultdict(list)
    for stated in records:
        for record in each_member(stated):
            if link_key(record) and record.period and region_key(record):
                groups[(*_group_key(record), record.relative_to)].append(record)
    # Outcomes of every region by indicator, measure and period: what relative targets compare.
    plain: dict[tuple, list[TargetRecord]] = defaultdict(list)
    for (region, key, measure, _unit, relative), group in groups.items():
        if relative is None:
            for outcome in filter(_is_outcome, group):
                plain[(region, key, measure, outcome.period)].append(outcome)
    rows: list[TrackingRow] = []
    for (*_, relative), group in groups.items():
        targets = _distinct(
            filter(_is_target, group),
            lambda r: (r.period, r.annual_average, r.comparator, r.value_low, r.value_high),
        )
        outcomes = [r for r in group if _is_outcome(r)]
        for target in targets:
            way = direction(target.indicator)
            if relative is None:
                rows.extend(_track_one(target, outcomes, tolerance, way, bulletins))
            else:
                rows.extend(_track_relative(target, relative, outcomes, plain, tolerance, way, bulletins))
    rows.sort(key=row_order)
    return rows


def row_order(row: TrackingRow) -> tuple:
    """The order of the tracking table: by region, indicator, period, measure, target document."""
    return (
        row.region_code or "",
        row.region or "",
        row.indicator_key or "",
        row.period,
        row.measure,
        row.target_doc,
    )


def _track_relative(
    target: TargetRecord,
    relative: str,
    gaps: list[TargetRecord],
    plain: dict[tuple, list[TargetRecord]],
    tolerance: Tolerance,
    way: Direction,
    bulletins: Callable[[str], bool],
) -> list[TrackingRow]:
    """A relative target: judged on a stated gap to the same benchmark, else on the region's
    outcome minus the benchmark region's; not tracked when the benchmark is no region."""
    if [o for o in gaps if _reported_after(o, target)]:
        return _track_one(target, gaps, tolerance, way, bulletins)
    other = benchmark_region(target, relative)
    if other is None:
        return []

    def deciding(region: str | None) -> TargetRecord | None:
        candidates = plain.get((region, link_key(target), target.measure, target.period), [])
        found = decide(
            target,
            (o for o in candidates if _reported_after(o, target) and judged_against(target, o)),
            normalise=name_form,
            bulletins=bulletins,
        )
        return found.deciding[0] if found and len(found.deciding) == 1 else None

    own, theirs = deciding(region_key(target)), deciding(other.code)
    gap = gap_outcome(own, theirs, relative) if own and theirs else None
    if gap is None:
        return [_row(target, None, "no_outcome", None, way)]
    note = f"gap computed: {own.value_text} ({own.doc}) minus {other.full_name} {theirs.value_text} ({theirs.doc})"
    return _track_one(target, [gap], tolerance, way, bulletins, note)


def _track_one(
    target: TargetRecord,
    outcomes: list[TargetRecord],
    tolerance: Tolerance,
    way: Direction,
    bulletins: Callable[[str], bool],
    note: str = "",
) -> list[TrackingRow]:
    later = [o for o in outcomes if _reported_after(o, target)]

    def decision_for(goal: TargetRecord, candidates: Iterable[TargetRecord]) -> Decision | None:
        return decide(goal, candidates, normalise=name_form, bulletins=bulletins)

    decision = decision_for(target, (o for o in later if judged_against(target, o)))
    if decision is None:
        # A plan's average growth, from the yearly outcomes when no document states it.
        def yearly(year: str) -> TargetRecord | None:
            goal = replace(target, period=year, annual_average=False)
            found = decision_for(goal, (o for o in later if o.period == year and not o.annual_average))
            return found.deciding[0] if found and len(found.deciding) == 1 else None

        average = computed_average(target, yearly)
        if average is not None:
            decision = Decision(
                [average], None, "average computed from the yearly outcomes (no document states it)"
            )
    if decision is None:
        return [_row(target, None, "no_outcome", None, way)]
    rows = []
    for outcome in decision.deciding:
        status, margin = attainment(
            comparator=target.comparator,
            low=target.value_low,
            high=target.value_high,
            unit=target.unit,
            direction=way,
            outcome=outcome_number(outcome),  # type: ignore[arg-type]  # outcomes have a number
            tolerance=tolerance,
        )
        if len(decision.deciding) > 1:
            status = "conflict"
        notes = "; ".join(n for n in (note, decision.note) if n)
        rows.append(_row(target, outcome, status, margin, way, decision.revised, notes))
    return rows
