"""Escalation view: a province's target beside its cities' and counties' (gazetteer hierarchy)."""

from __future__ import annotations

import pytest

from mubiao.record import TargetRecord
from mubiao.track.escalation import escalation


def target(region: str | None, code: str | None, value: float, comparator: str = "ge", **kw) -> TargetRecord:
    fields = dict(
        doc=f"{region or code}.txt",
        start=0,
        end=4,
        value_text=f"{value}%",
        quote=f"{region}地区生产总值增长{value}%",
        indicator_text="地区生产总值",
        indicator="gdp",
        measure="growth",
        value_low=value,
        value_high=None if comparator == "ge" else value,
        comparator=comparator,
        unit="%",
        modality="target",
        period="2024",
        region=region,
        region_code=code,
        published="2024-01-20",
    )
    return TargetRecord(**{**fields, **kw})


RECORDS = [
    target("白云区", "440111", 6.5),  # county of 广州市
    target("广东省", "440000", 5.0, "approx"),
    target("广州市", "440100", 5.5),
    target("深圳市", None, 5.0, "approx"),  # resolved by name
    target("花都区", "440114", 6.0, measure="level", unit="CNY", value_low=2e11),  # other measure
    target("福田区", "440304", 5.5),  # county of 深圳市
    target("湖南省", "430000", 6.0),
    target("广州市", "440100", 5.5, modality="actual"),  # an outcome is no target
    target("广州市", "440100", 5.5, period="2025"),
]


def test_province_then_its_cities_and_counties_with_the_escalation() -> None:
    rows = escalation(RECORDS, indicator="gdp", period="2024", region="广东省")
    got = [(r.region, r.level, r.reference_region, r.above_reference, r.escalated) for r in rows]
    assert got == [
        ("广东省", "province", None, None, None),
        ("广州市", "city", "广东省", pytest.approx(0.5), True),
        ("广州市白云区", "county", "广州市", pytest.approx(1.0), True),
        ("广州市花都区", "county", None, None, None),
        ("深圳市", "city", "广东省", 0.0, False),
        ("深圳市福田区", "county", "深圳市", pytest.approx(0.5), True),
    ]


def test_without_a_region_every_province_is_shown() -> None:
    rows = escalation(RECORDS, indicator="gdp", period="2024")
    assert [r.region_code for r in rows if r.level == "province"] == ["430000", "440000"]


def test_down_indicator_escalates_downwards() -> None:
    records = [
        target("广东省", "440000", 3.0, "approx", indicator="cpi"),
        target("广州市", "440100", 2.5, "approx", indicator="cpi"),
    ]
    [_, city] = escalation(records, indicator="cpi", period="2024")
    assert (city.above_reference, city.escalated) == (pytest.approx(-0.5), True)


def test_unknown_region_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown region"):
        escalation(RECORDS, indicator="gdp", period="2024", region="不存在省")
