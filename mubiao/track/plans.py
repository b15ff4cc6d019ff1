"""Targets of a multi-year plan (十四五 2021-2025) judged at the end of the plan.

- A 年均 (annual-average) growth target against the realised average over the period: an average
  the documents state, else one computed from the yearly outcomes of every year of the period
  (compounded), and said so.
- A level, a share or a rate against its value in the last year of the period.

An outcome written with 年均 but dated to a single year (a plan review dated by its last year) is the
average over the plan that ends that year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from mubiao.record import TargetRecord
from mubiao.track.attainment import outcome_number


def span(period: str) -> tuple[int, int] | None:
    """(first, last) year of a multi-year period; None for one year or an unreadable period."""
    first, _, last = period.partition("-")
    if first.isdigit() and last.isdigit() and int(first) < int(last):
        return int(first), int(last)
    return None


def judged_against(target: TargetRecord, outcome: TargetRecord) -> bool:
    """Whether ``outcome`` reports what ``target`` is judged on, by period and averaging."""
    if outcome.period == target.period:
        return bool(outcome.annual_average) == bool(target.annual_average)
    years = span(target.period or "")
    if years is None or outcome.period != str(years[1]):
        return False
    if target.annual_average:
        # A 年均 outcome dated to the plan's last year is the plan's average.
        return bool(outcome.annual_average)
    # A level, share or rate of the plan's last year; a growth over the plan is not a yearly one.
    return target.measure == "level" and not outcome.annual_average


def computed_average(
    target: TargetRecord,
    yearly: Callable[[str], TargetRecord | None],
) -> TargetRecord | None:
    """An outcome holding the compounded average growth over the target's period, from the deciding
    yearly outcome of each year (``yearly(year)``); None unless every year has one."""
    years = span(target.period or "")
    if years is None or not target.annual_average or target.measure != "growth" or target.unit != "%":
        return None
    outcomes: list[TargetRecord] = []
    for year in range(years[0], years[1] + 1):
        found = yearly(str(year))
        if found is None or outcome_number(found) is None:
            return None
        outcomes.append(found)
    average = compound_average([outcome_number(o) for o in outcomes])  # type: ignore[misc]
    last = outcomes[-1]
    years_text = "、".join(f"{o.period} {o.value_text}" for o in outcomes)
    return replace(
        last,
        value_low=average,
        value_high=average,
        comparator="eq",
        value_text=f"{average:.2f}%",
        quote=f"computed from the yearly outcomes: {years_text}",
        period=target.period,
        annual_average=True,
    )


def compound_average(growths: Sequence[float]) -> float:
    """The average yearly growth (in %) that compounds to the same total as ``growths``."""
    total = 1.0
    for growth in growths:
        total *= 1 + growth / 100
    return round((total ** (1 / len(growths)) - 1) * 100, 4)
