"""Was a target met by an outcome? The rules of the spec's section "Tracking: was the target met?"."""

from __future__ import annotations

from dataclasses import dataclass

from mubiao.record import TargetRecord
from mubiao.track.direction import Direction

STATUSES = ("met", "met_within_tolerance", "missed", "no_outcome", "conflict")
PERCENT_UNITS = ("%", "pp")
# Float noise (3.3 - 3.0 = 0.2999…) must not move a value across a bound.
EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far on the wrong side an ``approx`` (左右) target may land and still count.

    ``pct``: absolute, for values in ``%`` and ``pp``; ``level``: a fraction of the target value
    for every other unit.
    """

    pct: float = 0.5
    level: float = 0.01

    def allowed(self, value: float, unit: str) -> float:
        return self.pct if unit in PERCENT_UNITS else abs(value) * self.level


def outcome_number(record: TargetRecord) -> float | None:
    """The number an outcome reports. A bound word does not change it (``增长10%以上`` counts as 10);
    a range counts as its midpoint."""
    low, high = record.value_low, record.value_high
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def target_bound(
    comparator: str, low: float | None, high: float | None, direction: Direction
) -> float | None:
    """The bound an outcome is measured against (and the margin taken from)."""
    if comparator in ("le", "lt"):
        return high
    if comparator == "range" and direction == "down":
        return high
    return low if low is not None else high


def attainment(
    *,
    comparator: str,
    low: float | None,
    high: float | None,
    unit: str,
    direction: Direction,
    outcome: float,
    tolerance: Tolerance,
) -> tuple[str, float | None]:
    """``(status, margin)`` of a target met by ``outcome``; margin = outcome − the bound used."""
    bound = target_bound(comparator, low, high, direction)
    if bound is None:
        return "missed", None
    margin = round(outcome - bound, 9)
    if comparator == "gt":
        met = margin > EPSILON
    elif comparator == "lt":
        met = margin < -EPSILON
    elif comparator == "ge" or (comparator in ("eq", "approx", "range") and direction == "up"):
        met = margin >= -EPSILON
    else:  # le, and eq/approx/range for a down indicator
        met = margin <= EPSILON
    if met:
        return "met", margin
    if comparator == "approx" and abs(margin) <= tolerance.allowed(bound, unit) + EPSILON:
        return "met_within_tolerance", margin
    return "missed", margin
