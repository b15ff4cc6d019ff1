"""Attainment and linking, by the rows of the spec's section "Tracking: was the target met?"."""

from __future__ import annotations

import pytest

from mubiao.track import Tolerance
from mubiao.track.attainment import attainment

# (case, comparator, low, high, unit, direction, outcome, status, margin)
ATTAINMENT = [
    ("ge met", "ge", 6.5, None, "%", "up", 6.9, "met", 0.4),
    ("ge met on the bound", "ge", 6.5, None, "%", "up", 6.5, "met", 0.0),
    ("ge missed", "ge", 6.5, None, "%", "up", 6.4, "missed", -0.1),
    ("gt met", "gt", 3e11, None, "CNY", "up", 3.1e11, "met", 1e10),
    ("gt missed on the bound", "gt", 3e11, None, "CNY", "up", 3e11, "missed", 0.0),
    ("le met", "le", None, 4.5, "%", "down", 4.0, "met", -0.5),
    ("le met on the bound", "le", None, 4.5, "%", "down", 4.5, "met", 0.0),
    ("le missed", "le", None, 4.5, "%", "down", 4.9, "missed", 0.4),
    ("lt met", "lt", None, 5.0, "%", "down", 4.9, "met", -0.1),
    ("lt missed on the bound", "lt", None, 5.0, "%", "down", 5.0, "missed", 0.0),
    ("le for a decrease: 下降3%以上 is at most -3", "le", None, -3.0, "%", "down", -5.0, "met", -2.0),
    ("range up met from the low end", "range", 4.5, 5.0, "%", "up", 4.6, "met", 0.1),
    ("range up missed", "range", 4.5, 5.0, "%", "up", 4.4, "missed", -0.1),
    ("range down met under the high end", "range", 2.0, 3.0, "%", "down", 2.9, "met", -0.1),
    ("range down missed", "range", 2.0, 3.0, "%", "down", 3.2, "missed", 0.2),
    ("eq up is a floor: 增长7.5% with 7.8%", "eq", 7.5, 7.5, "%", "up", 7.8, "met", 0.3),
    ("eq up missed", "eq", 7.5, 7.5, "%", "up", 7.4, "missed", -0.1),
    ("eq down is a ceiling: 能耗下降3% with -5", "eq", -3.0, -3.0, "%", "down", -5.0, "met", -2.0),
    ("eq down missed", "eq", -3.0, -3.0, "%", "down", -2.0, "missed", 1.0),
    ("eq has no tolerance", "eq", 7.5, 7.5, "%", "up", 7.3, "missed", -0.2),
    ("approx up met", "approx", 6.5, 6.5, "%", "up", 6.9, "met", 0.4),
    ("approx up within tolerance", "approx", 7.0, 7.0, "%", "up", 6.7, "met_within_tolerance", -0.3),
    ("approx up at the tolerance", "approx", 7.0, 7.0, "%", "up", 6.5, "met_within_tolerance", -0.5),
    ("approx up beyond tolerance", "approx", 7.0, 7.0, "%", "up", 6.4, "missed", -0.6),
    ("approx down: CPI 3%左右 with 2.6 is met", "approx", 3.0, 3.0, "%", "down", 2.6, "met", -0.4),
    ("approx down: CPI 3%左右 with 3.3", "approx", 3.0, 3.0, "%", "down", 3.3, "met_within_tolerance", 0.3),
    ("approx down beyond tolerance", "approx", 3.0, 3.0, "%", "down", 3.6, "missed", 0.6),
    ("approx pp within 0.5", "approx", 2.0, 2.0, "pp", "up", 1.6, "met_within_tolerance", -0.4),
    ("approx level: 1% of v", "approx", 1000.0, 1000.0, "count", "up", 991.0, "met_within_tolerance", -9.0),
    ("approx level beyond 1% of v", "approx", 1000.0, 1000.0, "count", "up", 989.0, "missed", -11.0),
    ("approx level down", "approx", 29.0, 29.0, "ug/m3", "down", 29.2, "met_within_tolerance", 0.2),
]


@pytest.mark.parametrize(
    ("comparator", "low", "high", "unit", "direction", "outcome", "status", "margin"),
    [pytest.param(*row[1:], id=row[0]) for row in ATTAINMENT],
)
def test_attainment(comparator, low, high, unit, direction, outcome, status, margin) -> None:
    got = attainment(
        comparator=comparator,
        low=low,
        high=high,
        unit=unit,
        direction=direction,
        outcome=outcome,
        tolerance=Tolerance(),
    )
    assert got[0] == status
    assert got[1] == pytest.approx(margin)


def test_tolerance_is_configurable() -> None:
    kwargs = dict(comparator="approx", low=7.0, high=7.0, unit="%", direction="up", outcome=6.7)
    assert attainment(**kwargs, tolerance=Tolerance(pct=0.2))[0] == "missed"
    level = dict(comparator="approx", low=1000.0, high=1000.0, unit="count", direction="up", outcome=980.0)
    assert attainment(**level, tolerance=Tolerance(level=0.05))[0] == "met_within_tolerance"
