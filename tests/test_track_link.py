"""Linking targets to later outcomes, with hand-made records."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mubiao.record import TargetRecord
from mubiao.track import TRACKING_COLUMNS, track

DIRECTIONS = {"cpi": "down", "surveyed_unemployment_rate": "down"}


def direction(indicator: str | None) -> str:
    return DIRECTIONS.get(indicator or "", "up")


def rec(
    doc: str,
    published: str,
    modality: str,
    value: float,
    *,
    indicator: str = "gdp",
    comparator: str = "eq",
    measure: str = "growth",
    unit: str = "%",
    period: str = "2017",
    region: str | None = "全国",
    region_code: str | None = None,
    start: int = 0,
) -> TargetRecord:
    low = None if comparator in ("le", "lt") else value
    high = None if comparator in ("ge", "gt") else value
    return TargetRecord(
        doc=doc,
        start=start,
        end=start + 4,
        value_text=f"{value}{unit}",
        quote=f"{doc}: {indicator} {value}",
        indicator_text=indicator,
        indicator=indicator,
        measure=measure,
        value_low=low,
        value_high=high,
        comparator=comparator,
        unit=unit,
        modality=modality,
        period=period,
        region=region,
        region_code=region_code,
        published=published,
    )


R2017 = ("2017.txt", "2017-03-05")
R2018 = ("2018.txt", "2018-03-05")
BULLETIN = ("bulletin-2017.txt", "2018-02-28")


def rows_of(records: list[TargetRecord]):
    return track(records, direction=direction)


def test_gdp_target_met_by_next_years_outcome() -> None:
    rows = rows_of([rec(*R2017, "target", 6.5, comparator="approx"), rec(*R2018, "actual", 6.9)])
    assert len(rows) == 1
    row = rows[0].to_dict()
    assert list(row) == list(TRACKING_COLUMNS)
    assert (row["status"], row["outcome_value"], row["margin"]) == ("met", 6.9, pytest.approx(0.4))
    assert (row["target_doc"], row["outcome_doc"]) == ("2017.txt", "2018.txt")
    assert row["target_quote"].startswith("2017.txt") and row["outcome_quote"].startswith("2018.txt")


def test_cpi_is_a_down_indicator() -> None:
    target = rec(*R2017, "target", 3.0, indicator="cpi", comparator="approx")
    assert rows_of([target, rec(*R2018, "actual", 2.6, indicator="cpi")])[0].status == "met"
    assert rows_of([target, rec(*R2018, "actual", 3.3, indicator="cpi")])[0].status == "met_within_tolerance"
    assert rows_of([target, rec(*R2018, "actual", 3.6, indicator="cpi")])[0].status == "missed"


def test_unemployment_ceiling() -> None:
    target = rec(
        *R2017, "target", 5.5, indicator="surveyed_unemployment_rate", measure="level", comparator="le"
    )
    [row] = rows_of(
        [target, rec(*R2018, "actual", 5.0, indicator="surveyed_unemployment_rate", measure="level")]
    )
    assert (row.status, row.margin, row.direction) == ("met", pytest.approx(-0.5), "down")


def test_no_later_document_is_no_outcome() -> None:
    [row] = rows_of([rec(*R2017, "target", 6.5, comparator="approx")])
    assert (row.status, row.outcome_value, row.margin, row.outcome_doc) == ("no_outcome", None, None, None)


@pytest.mark.parametrize(
    "outcome",
    [
        pytest.param(rec(*R2017, "actual", 6.9), id="same document"),
        pytest.param(rec("2016.txt", "2016-03-05", "actual", 6.9), id="published earlier"),
        pytest.param(rec(*R2018, "actual", 6.9, region="上海市"), id="other region"),
        pytest.param(rec(*R2018, "actual", 6.9, indicator="cpi"), id="other indicator"),
        pytest.param(rec(*R2018, "actual", 6.9, measure="level"), id="other measure"),
        pytest.param(rec(*R2018, "actual", 6.9, period="2018"), id="other period"),
        pytest.param(rec(*R2018, "target", 6.9), id="a target is no outcome"),
    ],
)
def test_not_linked(outcome: TargetRecord) -> None:
    rows = [
        r
        for r in rows_of([rec(*R2017, "target", 6.5, comparator="approx"), outcome])
        if r.target_doc == "2017.txt"
    ]
    assert [r.status for r in rows] == ["no_outcome"]


def test_region_code_decides_over_names() -> None:
    target = rec(*R2017, "target", 7.0, region="广州市", region_code="440100")
    same = rec(*R2018, "actual", 7.5, region="广州", region_code="440100")
    other = rec(*R2018, "actual", 5.0, region="广州市", region_code="440111")
    [row] = rows_of([target, same, other])
    assert (row.status, row.outcome_value) == ("met", 7.5)


def test_a_region_named_without_code_is_resolved_in_the_gazetteer() -> None:
    target = rec(*R2017, "target", 7.0, region="广州市", region_code="440100")
    [row] = rows_of([target, rec(*R2018, "actual", 7.5, region="广州", region_code=None)])
    assert (row.status, row.outcome_value) == ("met", 7.5)
    [row] = rows_of([target, rec(*R2018, "actual", 7.5, region="深圳", region_code=None)])
    assert row.status == "no_outcome"


def test_records_without_indicator_or_period_are_not_tracked() -> None:
    target = rec(*R2017, "target", 6.5)
    assert rows_of([replace(target, indicator=None), replace(target, period=None)]) == []


def test_estimate_is_used_until_an_actual_replaces_it() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    estimate = rec("2017-q4.txt", "2017-12-20", "estimate", 6.4)
    [row] = rows_of([target, estimate])
    assert (row.status, row.outcome_modality, row.outcome_value) == ("met_within_tolerance", "estimate", 6.4)
    [row] = rows_of([target, estimate, rec(*R2018, "actual", 6.9)])
    assert (row.status, row.outcome_modality, row.outcome_value) == ("met", "actual", 6.9)


def test_later_estimate_replaces_earlier_estimate() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    [row] = rows_of(
        [target, rec("q3.txt", "2017-10-01", "estimate", 6.0), rec("q4.txt", "2017-12-20", "estimate", 6.8)]
    )
    assert (row.outcome_doc, row.status) == ("q4.txt", "met")


def test_disagreeing_actuals_are_a_conflict_with_both_shown() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    rows = rows_of([target, rec(*BULLETIN, "actual", 6.9), rec(*R2018, "actual", 6.8)])
    assert [r.status for r in rows] == ["conflict", "conflict"]
    assert {(r.outcome_doc, r.outcome_value) for r in rows} == {("bulletin-2017.txt", 6.9), ("2018.txt", 6.8)}
    assert all(r.margin is not None for r in rows)


def test_agreeing_actuals_link_to_the_first_report() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    [row] = rows_of([target, rec(*R2018, "actual", 6.9), rec(*BULLETIN, "actual", 6.9, start=40)])
    assert (row.status, row.outcome_doc) == ("met", "bulletin-2017.txt")


def test_outcome_with_bound_word_counts_as_its_number() -> None:
    target = rec(*R2017, "target", 10.0, comparator="ge")
    [row] = rows_of([target, rec(*R2018, "actual", 10.0, comparator="ge")])
    assert (row.status, row.outcome_value) == ("met", 10.0)


def test_repeated_target_is_tracked_once_and_different_targets_apart() -> None:
    headline = rec(*R2017, "target", 6.5, comparator="approx", start=0)
    body = rec(*R2017, "target", 6.5, comparator="approx", start=500)
    other = rec("plan.txt", "2017-01-20", "target", 7.0, comparator="ge")
    rows = rows_of([headline, body, other, rec(*R2018, "actual", 6.9)])
    assert sorted((r.target_doc, r.comparator, r.status) for r in rows) == [
        ("2017.txt", "approx", "met"),
        ("plan.txt", "ge", "missed"),
    ]


def test_directions_come_from_the_indicator_data() -> None:
    from mubiao.track import indicator_direction

    assert [
        indicator_direction(i) for i in ("cpi", "surveyed_unemployment_rate", "energy_intensity", "pm25")
    ] == ["down"] * 4
    assert [indicator_direction(i) for i in ("gdp", "retail_sales", None, "not_an_indicator")] == ["up"] * 4


def test_cpi_target_met_by_lower_inflation_with_the_data_directions() -> None:
    target = rec(*R2017, "target", 3.0, indicator="cpi", comparator="approx")
    [row] = track([target, rec(*R2018, "actual", 2.6, indicator="cpi")])
    assert (row.direction, row.status, row.margin) == ("down", "met", pytest.approx(-0.4))
