"""The indicator taxonomy (knowledge/taxonomy.tsv): the spec's core ids as the spec lists them,
hundreds more from bulletins, plans and recurring report names, each alias naming one indicator."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from mubiao.cli import main
from mubiao.extract.pipeline import extract
from mubiao.knowledge import load, rows
from mubiao.taxonomy import indicator_id, normalised_name
from mubiao.taxonomy.table import core_ids, taxonomy

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "target-records.md"
EXAMPLES = Path(__file__).resolve().parent / "examples" / "indicator_names.tsv"
FAMILIES = set(load("indicators")["family_units"])


def test_core_ids_are_the_specs() -> None:
    section = SPEC.read_text(encoding="utf-8").split("## Core indicator ids")[1].split("##")[0]
    listed = {m for m in re.findall(r"`([a-z0-9_]+)`", section)}
    assert core_ids() == listed


def test_entries_are_complete_and_consistent() -> None:
    table = taxonomy()
    assert len(table) >= 400
    assert len(rows("taxonomy")) == len(table), "an id is given twice"
    for ident, entry in table.items():
        assert re.fullmatch(r"[a-z0-9_]+", ident), ident
        assert entry.name and entry.en, ident
        assert set(entry.family.split("|")) <= FAMILIES, (ident, entry.family)
        assert re.fullmatch(r"spec|bulletin|plan|reports(:\d+)?", entry.source), (ident, entry.source)
        seen = {ident}
        parent = entry.parent
        while parent:  # every parent exists, and no indicator is its own ancestor
            assert parent in table and parent not in seen, (ident, parent)
            seen.add(parent)
            parent = table[parent].parent


def test_every_name_names_one_indicator() -> None:
    owner: dict[str, str] = {}
    for ident, entry in taxonomy().items():
        for name in (entry.name, *entry.aliases):
            assert owner.setdefault(name, ident) == ident, (name, owner[name], ident)
            assert indicator_id(name) == ident, name


def _examples() -> list[dict[str, str]]:
    lines = [line for line in EXAMPLES.open(encoding="utf-8") if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _examples(), ids=lambda row: row["name"])
def test_a_names_example_sentence_gives_its_indicator(row: dict[str, str]) -> None:
    entry = taxonomy()[row["id"]]
    assert row["name"] in (entry.name, *entry.aliases)
    named = [r.indicator_text for r in extract(row["sentence"], "2025-01-20") if r.indicator == row["id"]]
    assert any(normalised_name(row["name"]) in normalised_name(text) for text in named), named


@pytest.mark.parametrize(
    ("written", "ident"),
    [
        ("地区生产总值（GDP）", "gdp"),
        ("规模工业增加值", "industrial_value_added_above_scale"),
        ("全市第一产业增加值", "primary_value_added"),
        ("新改建农村公路", "rural_roads"),
        ("全年网络零售额", "online_retail_sales"),
        ("农民人均纯收入", "rural_disposable_income"),
        ("生产安全事故起数", "work_safety_accidents"),
        # 建成 is a verb the key strips, but 建成区面积 is an indicator: the first form that is an alias wins
        ("主城区建成区面积", "builtup_area"),
        ("出台地方性法规", "local_regulations"),  # not 地方 stripped too (性法规)
        ("今年经济增长预期目标", "gdp"),  # the target set for it names the indicator
        ("全省国内生产总值年均增长率", "gdp"),
        ("我国关税总水平已", "tariff_level"),  # a clause's 已 left after the name
        ("社会消费品零售总额要力争", "retail_sales"),
        # a share with the value right after its base: 占地区生产总值的12.8%
        ("数字经济核心产业增加值占地区生产总值", "digital_economy_core_share"),
        ("北京地区货物进出口总值", "foreign_trade"),  # 地区 after the place
        ("城镇调查失业率均值", "surveyed_unemployment_rate"),
        ("有效期内高新技术企业", "high_tech_enterprises"),
        ("高标准农田建设任务", "high_standard_farmland"),  # the task is its amount
        ("争取中央转移支付资金", "transfer_payments"),  # the funds are its amount
        ("地方财政收入增速", "local_fiscal_revenue"),  # not 财政收入 once 地方 and 增速 are stripped
        ("签约落地10亿元及以上项目", "projects_over_1bn"),  # 及以上 compared as 以上
        ("开工建设的重大项目", "key_projects"),  # the 的 of a relative clause goes with its verb
    ],
)
def test_names_as_written_resolve(written: str, ident: str) -> None:
    assert indicator_id(written) == ident


@pytest.mark.parametrize(
    ("sentence", "value_text", "ident"),
    [
        ("810个省重点项目完成投资10428.6亿元", "10428.6亿元", "key_project_investment"),
        ("810个省重点项目完成投资10428.6亿元", "810个", "key_projects"),  # counts the projects
        ("27个总投资94亿元的健康医药项目签约落地", "27个", None),  # counts projects, not the investment
        ("蔬菜48万亩", "48万亩", None),  # the area sown, not the output in tonnes
        ("高效生态农业产值占农林牧渔总产值38%以上", "38%以上", None),  # a share of the output
        ("农林牧渔业总产值增长4.2%", "4.2%", "agriculture_output"),  # growth fits any family
        ("全市财政支出八成以上投向民生领域", "八成以上", None),
        ("力争实现商品房销售面积100万平方米", "100万平方米", "real_estate_sales_area"),
        # a family of any unit (other) among an indicator's families lets any unit through
        ("全省电话普及率达到29.3部/百人", "29.3部/百人", "telephone_penetration"),
    ],
)
def test_a_value_in_a_unit_its_indicator_is_not_written_in_has_no_id(
    sentence: str, value_text: str, ident: str | None
) -> None:
    (record,) = [r for r in extract(sentence, "2025-01-20") if r.value_text == value_text]
    assert record.indicator == ident
    if ident is None:  # grouped by its own name, not with the indicator it is not
        assert record.indicator_key not in taxonomy()


def test_parents_and_directions() -> None:
    table = taxonomy()
    assert table["primary_value_added"].parent == "gdp"
    assert table["online_retail_sales"].parent == "retail_sales"
    assert table["work_safety_deaths"].direction == "down" and table["gdp"].direction == "up"


def test_indicators_command_lists_the_taxonomy_with_a_stores_counts(tmp_path, capsys) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "2024年政府工作报告\n今年地区生产总值增长5%左右，网络零售额增长10%，新建5G基站3000个。",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    assert main(["ingest", str(report), "--db", url]) == 0
    capsys.readouterr()
    assert main(["indicators", "--db", url, "--format", "tsv"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    counts = {row[0]: row[-1] for row in lines[1:]}
    assert len(counts) == len(taxonomy())
    assert counts["gdp"] == counts["online_retail_sales"] == counts["base_stations_5g"] == "1"
    assert counts["cpi"] == "0"
    assert lines[1][0] in ("gdp", "online_retail_sales", "base_stations_5g")  # most records first


@pytest.mark.parametrize(("head", "sentence", "ident"), load("indicators")["bare_heads"]["heads"])
def test_a_bare_head_measures_the_subject_before_it(head: str, sentence: str, ident: str) -> None:
    (record,) = [r for r in extract(sentence, "2025-01-20") if r.indicator_text.endswith(head)]
    assert record.indicator == record.indicator_key == ident


@pytest.mark.parametrize(
    "sentence",
    [
        # the subject is two clauses back (饲草饲料), the head's own clause names hay land: no id
        "进一步保障饲草饲料供给能力，优质牧草种植面积120万亩，天然打草场面积稳定在3000万亩、产量保持在20亿公斤以上",
        "力争产量突破120万辆",  # nothing before it to be the subject
        # 投资 takes only a count of key projects as subject: 全产业链 + 投资 would read as 产业投资
        "加快金陵国家级生猪全产业链示范园等农业项目建设，力争完成投资25亿元",
    ],
)
def test_a_bare_head_with_no_subject_near_it_has_no_id(sentence: str) -> None:
    (record,) = [r for r in extract(sentence, "2025-01-20") if r.indicator_text in ("产量", "投资")]
    assert record.indicator is None


def test_a_part_named_after_its_whole_takes_the_whole_names_id() -> None:
    """工资性收入 alone is no indicator; named after the income it is part of, the record's whole name is."""
    sentence = "城镇居民人均可支配收入52633元，增长8.3%。其中工资性收入30974元，增长7.5%；经营净收入5209元，增长11.8%。"
    ids = {r.value_text: r.indicator for r in extract(sentence, "2022-03-25")}
    assert ids["30974元"] == ids["7.5%"] == "urban_wage_income"
    assert ids["5209元"] == "urban_business_income"
