"""Walks tests/examples/regions.jsonl: sentences and the region of each record they give (spec: "Whose
number: the region of each record"); and the region of each record of the region gold sets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mubiao import extract
from mubiao.cli import main
from mubiao.knowledge import load
from mubiao.track import track

EXAMPLES = Path(__file__).parent / "examples" / "regions.jsonl"
ROWS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
ROOT = Path(__file__).resolve().parents[1]
REGION_GOLD = ROOT / "corpus" / "gold" / "regions"


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else []
        yield pytest.param(row, id=f"{row['source']}: {row['text'][:20]}", marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_regions(row: dict) -> None:
    records = extract(row["text"], published=row.get("published"), region=row.get("region"))
    assert [r.value_text for r in records] == [e["value_text"] for e in row["expect"]]
    for record, expected in zip(records, row["expect"], strict=True):
        wrong = {k: (v, getattr(record, k)) for k, v in expected.items() if getattr(record, k) != v}
        assert not wrong, f"{record.value_text}: (expected, got) {wrong}"


@pytest.mark.parametrize(
    ("gold", "docs"),
    [
        (REGION_GOLD / "news_2022_城市GDP竞争_中新网.jsonl", ROOT.parent / "shared" / "corpus"),
        *((p, ROOT / "corpus") for p in sorted(REGION_GOLD.glob("*.passage.jsonl"))),
    ],
    ids=lambda p: p.name if isinstance(p, Path) and p.suffix == ".jsonl" else "",
)
def test_region_accuracy_on_the_region_gold(capsys, gold: Path, docs: Path) -> None:
    """The issue asks ≥ 0.97 over matched records; the first look was 0.179 on the article, 0.800 on 四川."""
    assert main(["eval", str(gold), "--docs", str(docs), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["field_accuracy"]["region"] >= 0.97, s


def test_the_articles_records_are_found(capsys) -> None:
    """The 中新网 article: classes a region joins (晋级4万亿之城, 过万亿元、人口超千万的“双万”城市) are no
    records and 突破4万亿大关 is one (first look 0.875 / 0.094; 0.918 / 0.721 before they were fixed;
    strict 0.793 once 超出重庆 is a benchmark)."""
    gold = REGION_GOLD / "news_2022_城市GDP竞争_中新网.jsonl"
    assert main(["eval", str(gold), "--docs", str(ROOT.parent / "shared" / "corpus"), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["f1"] >= 0.98 and s["strict_f1"] >= 0.78, s


def test_a_citys_record_in_a_province_report_is_never_linked_to_the_provinces_target() -> None:
    """武汉's outcome in 湖北's report is 武汉's: it judges 武汉's target and never 湖北's (issue 15)."""
    plan = extract(
        "2025年主要预期目标是：地区生产总值增长5.5%左右。武汉地区生产总值增长6%左右。",
        published="2025-01-20",
        region="湖北省",
        doc="2025.txt",
    )
    review = extract(
        "2025年，武汉地区生产总值增长6.5%，全省地区生产总值增长5.8%。",
        published="2026-02-05",
        region="湖北省",
        doc="2026.txt",
    )
    rows = {row.region: row for row in track(plan + review)}
    assert set(rows) == {"湖北省", "武汉市"}
    province, city = rows["湖北省"], rows["武汉市"]
    assert (province.target_low, province.outcome_value, province.status) == (5.5, 5.8, "met")
    assert (city.target_low, city.outcome_value, city.region_code) == (6.0, 6.5, "420100")


def test_records_of_no_region_are_not_tracked() -> None:
    """Two pages about many regions (no region of their own): a number no place is the subject of has no
    region, so nothing tells that the next year's figure is the same region's; one named is tracked."""
    pages = {
        "2024.txt": ("2024-01-26", "今年GDP预期增长8%左右。", "蚌埠今年GDP预期增长8%左右。"),
        "2025.txt": ("2025-01-26", "2024年GDP增长8.5%。", "2024年蚌埠GDP增长8.5%。"),
    }
    anonymous, named = [], []
    for doc, (published, without, with_place) in pages.items():
        anonymous += extract(without, published=published, doc=doc)
        named += extract(with_place, published=published, doc=doc)
    assert {r.region for r in anonymous} == {None}
    assert track(anonymous) == []
    rows = track(named)
    assert [(r.region, r.target_low, r.outcome_value, r.status) for r in rows] == [
        ("蚌埠市", 8.0, 8.5, "met")
    ]


def test_statements_about_regions_are_read_within_their_reach() -> None:
    """The words before a value are read for a region class or a group statistic only before_reach
    characters back (linear time in a sentence without end): the patterns read there are no longer."""
    cues = load("record_regions")
    for name in ("region_class_before", "group_statistic"):
        longest = re._parser.parse(cues[name]).getwidth()[1]  # the regex parser's own measure
        assert longest <= cues["before_reach"], f"{name} spans up to {longest} characters"
