"""Tables whose text layer is runs of numbers: each number gets its row's label and its column's measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from mubiao import extract

ROOT = Path(__file__).resolve().parents[1]

# The shapes of the 成都 bulletin's tables: one row a line, and rows run together on one line.
TABLE_ON_LINES = (
    "2021年成都市国民经济和社会发展统计公报\n"
    "表1：2021年地区生产总值及其增长速度\n"
    "指标2021年（亿元）比上年增长（%）\n"
    "地区生产总值19917.0 8.6\n"
    "第三产业13219.9 9.0\n"
    "图1：2017―2021年地区生产总值及其增长速度\n"
)
TABLE_IN_ONE_LINE = (
    "2021年成都市国民经济和社会发展统计公报\n"
    "表3：2021年主要工业产品产量及其增长速度产品名称单位产量比上年增长（%）"
    "汽车万辆62.6 15.1乳制品万吨63.2 -2.6发电量亿千瓦小时592.4 -7.8\n"
    "（三）房地产业\n"
)


# A bulletin saved as a web page: the caption's number and title apart, the cells between bars as the HTML reader
# writes a <table> (mubiao/ingest), a row's unit in a column of its own.
TABLE_OF_A_WEB_PAGE = (
    "2023年国民经济和社会发展统计公报\n"
    "表1 2023年地区生产总值及其增长速度\n"
    "| 指标 | 绝对数（亿元） | 比上年增长（%） | \n"
    "| 地区生产总值 | 3000.5 | 5.5 | \n"
    "| 第二产业 | 1200.3 | -1.2 | \n"
    "表2 2023年主要工业产品产量及其增长速度\n"
    "| 产品名称 | 单位 | 产量 | 比上年增长（%） | \n"
    "| 汽车 | 万辆 | 62.6 | 15.1 | \n"
    "| #新能源汽车 | 万辆 | 12.0 | 35.0 | \n"
    "图1 2019-2023年地区生产总值及其增长速度\n"
)


def _rows(text: str) -> list[tuple]:
    return [
        (r.value_text, r.indicator_text, r.measure, r.value_low, r.unit, r.modality, r.period)
        for r in extract(text)
    ]


def test_rows_on_their_own_lines() -> None:
    assert _rows(TABLE_ON_LINES) == [
        ("19917.0", "地区生产总值", "level", 1.9917e12, "CNY", "actual", "2021"),
        ("8.6", "地区生产总值", "growth", 8.6, "%", "actual", "2021"),
        ("13219.9", "第三产业增加值", "level", 1.32199e12, "CNY", "actual", "2021"),
        ("9.0", "第三产业增加值", "growth", 9.0, "%", "actual", "2021"),
    ]
    assert extract(TABLE_ON_LINES)[0].indicator == "gdp"


def test_rows_run_together_with_their_own_units() -> None:
    assert _rows(TABLE_IN_ONE_LINE) == [
        ("62.6", "汽车产量", "level", 626000.0, "count", "actual", "2021"),
        ("15.1", "汽车产量", "growth", 15.1, "%", "actual", "2021"),
        ("63.2", "乳制品产量", "level", 632000.0, "t", "actual", "2021"),
        ("-2.6", "乳制品产量", "growth", -2.6, "%", "actual", "2021"),
        ("592.4", "发电量", "level", 5.924e10, "kWh", "actual", "2021"),
        ("-7.8", "发电量", "growth", -7.8, "%", "actual", "2021"),
    ]


def test_the_table_of_a_web_page_between_bars() -> None:
    assert _rows(TABLE_OF_A_WEB_PAGE) == [
        ("3000.5", "地区生产总值", "level", 3.0005e11, "CNY", "actual", "2023"),
        ("5.5", "地区生产总值", "growth", 5.5, "%", "actual", "2023"),
        ("1200.3", "第二产业增加值", "level", 1.2003e11, "CNY", "actual", "2023"),
        ("-1.2", "第二产业增加值", "growth", -1.2, "%", "actual", "2023"),
        ("62.6", "汽车产量", "level", 626000.0, "count", "actual", "2023"),
        ("15.1", "汽车产量", "growth", 15.1, "%", "actual", "2023"),
        ("12.0", "新能源汽车产量", "level", 120000.0, "count", "actual", "2023"),
        ("35.0", "新能源汽车产量", "growth", 35.0, "%", "actual", "2023"),
    ]


PARTS_OF_ROWS = (
    "2021年成都市国民经济和社会发展统计公报\n"
    "表5：2021年交通运输量及其增长速度\n"
    "指标单位2021年比上年增长（%）\n"
    "全年货物周转量亿吨公里497.1 9.7\n"
    "#铁路亿吨公里102.4 5.6\n"
    "航空亿吨公里17.4 10.4\n"
    "全年旅客周转量亿人公里831.1 8.7\n"
    "表6：2021年末全部金融机构存贷款余额及其增长速度指标2021年末（亿元）比上年末增长（%）"
    "金融机构人民币存款余额46639     10.4 #住户存款19020     11.3非金融企业存款15120     7.5"
    "金融机构人民币贷款余额45140     13.7 #短期贷款余额5412     14.8中长期贷款余额25822     13.8\n"
    "（三）房地产业\n"
)


def test_a_part_of_a_row_is_named_within_it() -> None:
    """A row marked #, and the rows after it that say no quantity of their own or the whole's, are
    parts of the row above: named with its head (铁路货物周转量) or its words before the ending they
    share (金融机构人民币住户存款); a row with a quantity of its own is a whole again."""
    levels = [r.indicator_text for r in extract(PARTS_OF_ROWS) if r.measure == "level"]
    assert levels == [
        "货物周转量",
        "铁路货物周转量",
        "航空货物周转量",
        "旅客周转量",
        "金融机构人民币存款余额",
        "金融机构人民币住户存款",
        "金融机构人民币非金融企业存款",
        "金融机构人民币贷款余额",
        "金融机构人民币短期贷款余额",
        "金融机构人民币中长期贷款余额",
    ]


def test_a_report_without_tables_is_untouched() -> None:
    text = "表彰先进。今年地区生产总值增长5%左右。"
    assert [r.value_text for r in extract(text, published="2026-01-01")] == ["5%左右"]


@pytest.mark.parametrize("name", ["bulletin_2021_成都市统计公报.jsonl"])
def test_the_bulletins_tables_are_read(name: str, capsys) -> None:
    from mubiao.cli import main

    assert main(["eval", str(ROOT / "corpus" / "gold" / name), "--docs", str(ROOT / "corpus"), "--json"]) == 0
    import json

    summary = json.loads(capsys.readouterr().out)
    assert summary["recall"] >= 0.9, summary


# 济源's 2019 bulletin as its government's page (corpus/bulletin/2019_济源示范区_统计公报.html): the caption in the
# table's first row, header words spaced out (产 量（吨）), a share column, labels with digits, and the paragraph
# after the table, which is no row of it.
TABLES_OF_A_COUNTY_PAGE = (
    "2019年济源示范区国民经济和社会发展统计公报\n"
    "| 表1 ：2019年年末人口数及构成 |  |  | \n"
    "| 指 标 | 年末人口数（万人） | 比 重（%） | \n"
    "| 年末总人口 | 71.77 | — | \n"
    "| #0—14岁 | 14.1 | 19.22 | \n"
    "表3：2019年主要农产品产量\n"
    "| 产 品 名 称 | 产 量（吨） | 增 长（%） | \n"
    "| 粮食 | 233460 | 0.7 | \n"
    "年末农业机械总动力717151千瓦，比上年增长0.7%；农用拖拉机7949台，增长1.2%。\n"
)


def test_the_tables_of_a_county_page_and_the_paragraph_after_one() -> None:
    rows = [(r.value_text, r.measure, r.value_low, r.unit) for r in extract(TABLES_OF_A_COUNTY_PAGE)]
    assert rows == [
        ("71.77", "level", 717700.0, "person"),
        ("14.1", "level", 141000.0, "person"),
        ("19.22", "level", 19.22, "%"),
        ("233460", "level", 233460.0, "t"),
        ("0.7", "growth", 0.7, "%"),
        ("717151千瓦", "level", 717151000.0, "W"),
        ("0.7%", "growth", 0.7, "%"),
        ("7949台", "level", 7949.0, "count"),
        ("1.2%", "growth", 1.2, "%"),
    ]
