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
    indicator: str | None = "gdp",
    comparator: str = "eq",
    measure: str = "growth",
    unit: str = "%",
    period: str = "2017",
    region: str | None = "全国",
    region_code: str | None = None,
    start: int = 0,
    name: str | None = None,
    annual_average: bool = False,
    hedge: str | None = None,
) -> TargetRecord:
    low = None if comparator in ("le", "lt") else value
    high = None if comparator in ("ge", "gt") else value
    return TargetRecord(
        doc=doc,
        start=start,
        end=start + 4,
        value_text=f"{value}{unit}",
        quote=f"{doc}: {indicator} {value}",
        indicator_text=name or indicator,
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
        annual_average=annual_average,
        hedge=hedge,
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


def test_records_without_indicator_key_or_period_are_not_tracked() -> None:
    target = rec(*R2017, "target", 6.5)
    assert rows_of([replace(target, indicator=None, indicator_key=None), replace(target, period=None)]) == []


def test_an_indicator_without_an_id_is_tracked_by_its_key() -> None:
    def poor(doc: tuple[str, str], modality: str, value: float, comparator: str) -> TargetRecord:
        record = rec(
            *doc, modality, value, indicator="", measure="change", unit="person", comparator=comparator
        )
        return replace(record, indicator=None, indicator_key="农村贫困人口", indicator_text="农村贫困人口")

    [row] = rows_of([poor(R2017, "target", -1e7, "le"), poor(R2018, "actual", -1.24e7, "eq")])
    assert (row.indicator, row.indicator_key, row.status, row.outcome_value) == (
        "",
        "农村贫困人口",
        "met",
        -1.24e7,
    )


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


def test_the_work_report_decides_and_the_bulletins_different_figure_is_kept_as_revised() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    [row] = rows_of([target, rec(*BULLETIN, "actual", 6.9), rec(*R2018, "actual", 6.8)])
    assert (row.status, row.outcome_doc, row.outcome_value) == ("met", "2018.txt", 6.8)
    assert (row.revised_doc, row.revised_value) == ("bulletin-2017.txt", 6.9)
    assert "revised to 6.9% in bulletin-2017.txt" in row.note


def test_a_later_reports_revision_is_kept_beside_the_figure_as_reported() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    revised = rec("2019.txt", "2019-03-05", "actual", 6.8)
    [row] = rows_of([target, rec(*R2018, "actual", 6.9), revised])
    assert (row.outcome_doc, row.outcome_value, row.revised_doc, row.revised_value) == (
        "2018.txt",
        6.9,
        "2019.txt",
        6.8,
    )


def test_equally_good_outcomes_that_disagree_are_a_conflict_with_both_shown_and_why() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    rows = rows_of([target, rec(*R2018, "actual", 6.9, start=10), rec(*R2018, "actual", 6.0, start=90)])
    assert [r.status for r in rows] == ["conflict", "conflict"]
    assert {(r.outcome_doc, r.outcome_value) for r in rows} == {("2018.txt", 6.9), ("2018.txt", 6.0)}
    assert all(r.margin is not None and "equally good outcomes disagree" in r.note for r in rows)


def test_the_outcome_named_like_the_target_wins_over_a_sub_series() -> None:
    target = rec(*R2017, "target", 8.0, indicator="fixed_asset_investment", name="固定资产投资")
    total = rec(
        *R2018, "actual", 9.1, indicator="fixed_asset_investment", name="全社会固定资产投资", start=10
    )
    private = rec(
        *R2018, "actual", 4.2, indicator="fixed_asset_investment", name="民间固定资产投资增速", start=90
    )
    [row] = rows_of([target, private, total])
    assert (row.status, row.outcome_value) == ("met", 9.1)
    assert "民间固定资产投资增速" in row.note


def test_a_figure_on_another_basis_does_not_conflict_with_the_plain_one() -> None:
    # 全部财政收入完成781亿元、增长23％(按可比口径，可达839.8亿元、增长32.3％): the target names no basis
    target = rec(
        *R2017, "target", 10.0, comparator="ge", indicator="total_fiscal_revenue", name="全部财政收入"
    )
    plain = rec(*R2018, "actual", 23.0, indicator="total_fiscal_revenue", name="全部财政收入", start=10)
    comparable = rec(
        *R2018, "actual", 32.3, indicator="total_fiscal_revenue", name="全部财政收入(按可比口径)", start=40
    )
    [row] = rows_of([target, comparable, plain])
    assert (row.status, row.outcome_value) == ("met", 23.0)
    assert "全部财政收入(按可比口径)" in row.note


def test_a_value_stated_once_for_two_indicators_is_tracked_for_each() -> None:
    # 城镇和农村居民人均可支配收入均增长6%: one record, indicator null (spec); each income has its own outcome
    target = rec(*R2017, "target", 6.0, indicator=None, name="城镇和农村居民人均可支配收入")
    urban = rec(
        *R2018, "actual", 5.1, indicator="urban_disposable_income", name="城镇居民人均可支配收入", start=10
    )
    rural = rec(
        *R2018, "actual", 7.2, indicator="rural_disposable_income", name="农村居民人均可支配收入", start=40
    )
    rows = rows_of([target, urban, rural])
    assert sorted((r.indicator, r.outcome_value, r.status) for r in rows) == [
        ("rural_disposable_income", 7.2, "met"),
        ("urban_disposable_income", 5.1, "missed"),
    ]


def test_agreeing_actuals_link_to_the_first_source() -> None:
    target = rec(*R2017, "target", 6.5, comparator="approx")
    [row] = rows_of([target, rec(*R2018, "actual", 6.9), rec(*BULLETIN, "actual", 6.9, start=40)])
    assert (row.status, row.outcome_doc, row.revised_doc) == ("met", "2018.txt", None)


PLAN = ("2016.txt", "2016-03-05")
REVIEW = ("2021.txt", "2021-03-05")


def test_a_plans_average_growth_is_judged_on_the_average_a_review_states() -> None:
    target = rec(*PLAN, "target", 6.5, comparator="ge", period="2016-2020", annual_average=True)
    stated = rec(*REVIEW, "actual", 5.7, period="2016-2020", annual_average=True)
    [row] = rows_of([target, stated])
    assert (row.status, row.outcome_value, row.margin) == ("missed", 5.7, pytest.approx(-0.8))
    # A review dated by the plan's last year states the same average.
    [row] = rows_of([target, replace(stated, period="2020")])
    assert (row.status, row.outcome_value) == ("missed", 5.7)


def test_a_plans_average_growth_is_computed_from_yearly_outcomes_and_said_so() -> None:
    target = rec(*PLAN, "target", 6.5, comparator="ge", period="2016-2020", annual_average=True)
    years = [
        rec(f"{y + 1}.txt", f"{y + 1}-03-05", "actual", g, period=str(y))
        for y, g in zip(range(2016, 2021), (6.8, 6.9, 6.7, 6.0, 2.3), strict=True)
    ]
    [row] = rows_of([target, *years])
    assert row.outcome_value == pytest.approx(5.72, abs=0.01)
    assert (row.status, row.note) == (
        "missed",
        "average computed from the yearly outcomes (no document states it)",
    )
    assert "2020 2.3%" in row.outcome_quote
    # With a year missing, there is no average to judge on.
    [row] = rows_of([target, *years[:-1]])
    assert row.status == "no_outcome"


def test_a_plans_level_is_judged_on_the_last_years_value() -> None:
    target = rec(*PLAN, "target", 60.0, measure="level", indicator="urbanization_rate", period="2016-2020")
    early = rec(
        "2019.txt",
        "2019-03-05",
        "actual",
        59.6,
        measure="level",
        indicator="urbanization_rate",
        period="2018",
    )
    last = rec(*REVIEW, "actual", 63.9, measure="level", indicator="urbanization_rate", period="2020")
    [row] = rows_of([target, early, last])
    assert (row.status, row.outcome_value, row.outcome_doc) == ("met", 63.9, "2021.txt")


def test_each_tier_of_a_floor_and_stretch_goal_is_judged() -> None:
    floor = rec(*R2017, "target", 8.0, comparator="ge", hedge="保", start=10)
    stretch = rec(*R2017, "target", 9.0, comparator="ge", hedge="争", start=20)
    rows = rows_of([floor, stretch, rec(*R2018, "actual", 8.5)])
    assert sorted((r.hedge, r.status, r.margin) for r in rows) == [
        ("争", "missed", pytest.approx(-0.5)),
        ("保", "met", pytest.approx(0.5)),
    ]


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


def test_a_relative_target_is_judged_on_the_regions_outcome_minus_the_benchmarks() -> None:
    baoding = {"region": "保定市", "region_code": "130600"}
    target = rec(
        "2018.txt",
        "2018-02-10",
        "target",
        1.0,
        comparator="approx",
        unit="pp",
        start=500,
        period="2018",
        **baoding,
    )
    target.relative_to = "全省"
    own = rec("2019.txt", "2019-01-23", "actual", 7.0, period="2018", **baoding)
    province = rec(
        "hebei-2019.txt", "2019-01-14", "actual", 6.6, period="2018", region="河北省", region_code="130000"
    )
    [row] = track([target, own, province], direction=direction)
    assert (row.status, row.outcome_value, row.margin) == ("missed", pytest.approx(0.4), pytest.approx(-0.6))
    assert "minus 河北省 6.6%" in row.note
    # Without the province's outcome there is nothing to compare.
    [row] = track([target, own], direction=direction)
    assert row.status == "no_outcome"
    # A gap the later report states to the same benchmark decides.
    stated = rec("2019.txt", "2019-01-23", "actual", 1.6, unit="pp", start=900, period="2018", **baoding)
    stated.relative_to = "全省"
    [row] = track([target, own, province, stated], direction=direction)
    assert (row.status, row.outcome_value) == ("met", 1.6)


def test_a_gap_to_a_benchmark_that_is_no_region_is_not_tracked() -> None:
    target = rec("2018.txt", "2018-02-10", "target", 2.0, unit="pp", start=600, period="2018")
    target.relative_to = "目标值"
    assert track([target, rec("2019.txt", "2019-01-23", "actual", 7.0, period="2018")]) == []


def test_extracted_relative_and_tiered_targets_are_tracked_by_their_relative_to() -> None:
    from mubiao import extract

    baoding = {"region": "保定市", "doc": "保定-2018.txt"}
    targets = extract(
        "今年主要预期目标是：地区生产总值增速高于全省1个百分点左右，力争高于全省2个百分点；"
        "规模以上工业增加值增速“保8争9”。",
        published="2018-02-10",
        **baoding,
    )
    assert [(t.value_text, t.relative_to) for t in targets] == [
        ("1个百分点左右", "全省"),
        ("2个百分点", "全省"),
        ("保8", None),
        ("争9", None),
    ]
    outcomes = extract(
        "2018年，全市生产总值增长7.2%，规模以上工业增加值增长8.5%。",
        published="2019-01-23",
        region="保定市",
        doc="保定-2019.txt",
    )
    province = extract(
        "2018年，全省生产总值增长6.6%。", published="2019-01-14", region="河北省", doc="河北-2019.txt"
    )
    rows = {row.target_text: row for row in track(targets + outcomes + province)}
    assert (rows["1个百分点左右"].status, rows["1个百分点左右"].outcome_value) == (
        "met_within_tolerance",
        pytest.approx(0.6),
    )
    assert rows["1个百分点左右"].relative_to == "全省"
    assert rows["2个百分点"].status == "missed"
    # each tier judged on its own
    assert (rows["保8"].status, rows["争9"].status) == ("met", "missed")
