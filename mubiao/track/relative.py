"""Relative targets (spec: "Relative and tiered targets"): a goal set against another region's
result (`增速高于全省1个百分点`) is judged on the region's outcome minus the benchmark region's
outcome for the same indicator, measure and period, when both are stored. Gaps to other
benchmarks (the region's own target, another indicator) are kept as records but not tracked."""

from __future__ import annotations

from dataclasses import replace

from mubiao.knowledge import load
from mubiao.record import TargetRecord
from mubiao.regions import Region, gazetteer, region_by_code, resolve_region
from mubiao.track.attainment import outcome_number

# How a benchmark names the level above the region without naming it: 全省 is the province the
# region lies in (省平 and 全省平均水平 too); knowledge/relative.toml [benchmark.levels].
LEVEL_WORDS = tuple(load("relative")["benchmark"]["levels"].items())


def benchmark_region(target: TargetRecord, benchmark: str) -> Region | None:
    """The region a benchmark written as ``benchmark`` stands for, seen from ``target``'s region;
    None for a benchmark that is no region (目标值, 规上工业增加值增幅)."""
    for word, level in LEVEL_WORDS:
        if benchmark.startswith(word):
            if level == "country":
                return region_by_code("100000")
            own = region_by_code(target.region_code) if target.region_code else None
            own = own or (resolve_region(target.region) if target.region else None)
            if own is None:
                return None
            return next((a for a in gazetteer().ancestors(own) if a.level == level), None)
    return resolve_region(benchmark)


def gap_outcome(own: TargetRecord, other: TargetRecord, benchmark: str) -> TargetRecord | None:
    """An outcome holding the region's outcome minus the benchmark's (percentage points for
    values in %, else the indicator's unit)."""
    a, b = outcome_number(own), outcome_number(other)
    if a is None or b is None:
        return None
    gap = round(a - b, 9)
    return replace(
        own,
        value_low=gap,
        value_high=gap,
        comparator="eq",
        unit="pp" if own.unit in ("%", "pp") else own.unit,
        value_text=f"{own.value_text} − {other.value_text}（{benchmark}）",
        quote=f"{own.quote} / {other.quote}",
    )
