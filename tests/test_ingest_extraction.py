"""Documents read by mubiao.ingest give records with the right region, periods and pages, and their
offsets point into the text mubiao keeps (and shows)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from ingest_support import BULLETIN, NATIONAL, PROVINCIAL, SEED, WEB, mubiao, read_all, read_one

from mubiao import extract_document
from mubiao.commands.show import mark
from mubiao.ingest import IngestOptions
from mubiao.record import Document, TargetRecord


def records_of(document: Document) -> list[TargetRecord]:
    records = extract_document(document)
    if not records:
        pytest.skip("the extractor returns no records yet (mubiao.extract_document is a stub)")
    for record in records:
        assert document.text[record.start : record.end] == record.value_text, record
    return records


def test_seed_article_without_flags() -> None:
    records = records_of(read_one(SEED))
    assert {(r.region, r.region_code, r.published) for r in records} == {
        ("广州市白云区", "440111", "2024-02-19")
    }
    assert {r.period for r in records} == {"2024"}
    assert any(r.value_text == "6.5%以上" and r.indicator == "gdp" for r in records)


def test_provincial_report_from_a_corpus_row(tmp_path: Path) -> None:
    report = PROVINCIAL[4]  # 广东
    path = tmp_path / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["province", "year", "title", "source_url", "publish_date", "full_text"])
        writer.writerow(
            [
                "广东省",
                "2026",
                "2026年广东省政府工作报告",
                "https://www.gd.gov.cn/x.html",
                "2026-01-31",
                report.read_text(encoding="utf-8"),
            ]
        )
    [document] = read_all(path, IngestOptions(region_column="province"))
    records = records_of(document)
    assert (document.region, document.region_code) == ("广东省", "440000")
    # every record is the province's but where its clause names another place as subject (广州、深圳地铁…)
    others = [r for r in records if (r.region, r.region_code) != ("广东省", "440000")]
    assert len(others) <= 3 and all(r.region[:2] in r.quote for r in others), others
    periods = {r.period for r in records}
    assert {"2026", "2025"} <= periods, periods


@pytest.mark.parametrize("path", [NATIONAL[0], NATIONAL[3]], ids=lambda p: p.name)
def test_national_report(path: Path) -> None:
    records = records_of(read_one(path))
    year = int(path.name[:4])
    assert {(r.region, r.region_code) for r in records} == {("全国", "100000")}
    periods = {r.period for r in records}
    assert {str(year), str(year - 1)} <= periods, periods


def test_pdf_records_carry_their_page() -> None:
    document = read_one(BULLETIN)
    records = records_of(document)
    assert all(r.page == document.page_at(r.start) for r in records)
    assert len({r.page for r in records}) > 5
    assert {r.region_code for r in records} == {"510100"}


def test_web_page_offsets() -> None:
    document = read_one(WEB / "gne_gzggw_1.html")
    records = records_of(document)
    assert any(r.value_text == "246.79亿元" for r in records)
    assert {r.region_code for r in records} == {"330521"}


def test_show_marks_records_in_the_kept_text(tmp_path: Path) -> None:
    document = read_one(SEED)
    records = records_of(document)
    marked = mark(document.text, records)
    assert "【6.5%以上⟨gdp growth ge 6.5 target 2024⟩】" in marked
    assert marked.replace("】", "").count("【") == len(records)
    result = mubiao("show", str(SEED), "--color", "never")
    assert result.returncode == 0, result.stderr
    assert "region: 广州市白云区 (440111)" in result.stdout
    assert "【6.5%以上⟨gdp growth ge 6.5 target 2024⟩】" in result.stdout
    coloured = mubiao("show", str(SEED), "--color", "always")
    assert "\033[1;33m6.5%以上\033[0m" in coloured.stdout


def test_show_structure_prints_the_title_once() -> None:
    result = mubiao("show", "--structure", str(PROVINCIAL[4]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("title:") == 1, result.stdout
    assert "genre: work_report" in result.stdout


def test_show_marks_given_records() -> None:
    text = "推动今年地区生产总值增长6.5%以上、总量突破3000亿元"
    record = TargetRecord(
        doc="d", start=text.index("6.5"), end=text.index("、"), value_text="6.5%以上", quote=text,
        indicator_text="地区生产总值", indicator="gdp", measure="growth", value_low=6.5, value_high=None,
        comparator="ge", unit="%", modality="target", period="2024",
    )  # fmt: skip
    assert (
        mark(text, [record])
        == "推动今年地区生产总值增长【6.5%以上⟨gdp growth ge 6.5 target 2024⟩】、总量突破3000亿元"
    )
