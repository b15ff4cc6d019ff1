"""Whose number it is, on the page (issue 15): in a real browser (Debian's chromium through Playwright,
the real server), a record of another region than its document's carries that region on its
highlight, in its tooltip and in its fields; a news page about many regions says it has none of its
own. Screenshots go to artifacts/screenshots/ (regions_news, regions_report)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from serve_support import CORPUS, app_for, chromium, fill_store, running_server, screenshot

from mubiao.ingest import IngestOptions, iter_documents
from mubiao.record import Document
from mubiao.store import open_store

pytestmark = pytest.mark.timeout(180)
NEWS = CORPUS / "news" / "2022_城市GDP竞争_中新网.txt"
NEWS_TITLE = "城市GDP竞争：谁春风得意？谁_蚌埠住了_？"
GUANGDONG = CORPUS / "2026_广东省_政府工作报告.txt"
# a city's goals against its province's (spec: "Relative and tiered targets")
RELATIVE = (
    "肇庆市2024年政府工作报告\n今年主要预期目标是：地区生产总值增长5.5%左右，增速高于全省1个百分点左右。"
)
# a county report that names no place: neither it nor any of its numbers has a region
NOWHERE = "各位代表：\n一、2023年工作回顾\n过去一年，全县地区生产总值增长6.1%，一般公共预算收入增长5%。"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('regions') / 'mubiao.db'}")
    documents = [
        *iter_documents([str(NEWS)], IngestOptions(published="2022-01-26")),
        *iter_documents([str(GUANGDONG)], IngestOptions(published="2026-02-03")),
        Document(text=NOWHERE, id="县里.txt"),
        Document(text=RELATIVE, id="肇庆.txt", published="2024-02-20"),
    ]
    fill_store(store, documents)
    with running_server(app_for(store)) as url:
        yield url
    store.close()


@pytest.fixture
def page(base_url: str) -> Iterator[Any]:
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1400, "height": 900}, base_url=base_url, locale="zh-CN"
        )
        opened = context.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda exc: errors.append(str(exc)))
        opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        yield opened
        context.close()
        assert errors == [], errors


def _field(page: Any, name: str) -> str:
    return page.locator(f'#record-details dd[data-field="{name}"]').first.inner_text()


def _mark(page: Any, text: str) -> Any:
    return page.locator("#doc-text mark.rec").filter(has_text=text).first


def test_a_news_page_about_many_regions_shows_each_records_region(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name=NEWS_TITLE).click()
    page.wait_for_selector("#doc-text mark.rec")
    assert "无（各条记录有自己的地区）" in page.locator(".doc-meta").inner_text()
    marks = page.locator("#doc-text mark.rec")
    # the page has no region of its own: every number carries its region on its highlight
    assert page.locator("#doc-text mark.rec.other-region").count() == marks.count() >= 25
    regions = set(marks.evaluate_all("ms => ms.map(m => m.dataset.region)"))
    assert {"北京市", "上海市", "深圳市", "广州市", "重庆市", "东莞市", "蚌埠市", "上海市、北京市"} <= regions
    beijing = _mark(page, "40269.6亿元")
    assert beijing.get_attribute("data-region") == "北京市"
    chongqing = _mark(page, "18.1%")  # 高于重庆的18.1%: 重庆's own figure in a paragraph on 广州
    chongqing.hover()
    assert page.locator(".tooltip").inner_text().startswith("重庆市｜")
    chongqing.click()
    assert _field(page, "region") == "重庆市（500000）"
    chongqing.scroll_into_view_if_needed()
    path = screenshot(page, "regions_news")
    assert path.stat().st_size > 20_000


def test_a_citys_number_in_a_provinces_report_carries_the_city(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="政府工作报告", exact=True).click()  # the title the text gives
    page.wait_for_selector("#doc-text mark.rec")
    assert "广东省（440000）" in page.locator(".doc-meta").inner_text()
    # 广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次: one number each
    guangzhou, shenzhen = _mark(page, "1409万"), _mark(page, "1305万人次")
    assert "other-region" in guangzhou.get_attribute("class")
    assert (guangzhou.get_attribute("data-region"), shenzhen.get_attribute("data-region")) == (
        "广州市",
        "深圳市",
    )
    shenzhen.click()
    assert _field(page, "region") == "深圳市（440300）"
    # the province's own numbers carry no label
    own = page.locator("#doc-text mark.rec:not(.other-region)")
    assert own.count() > 250
    assert own.first.get_attribute("data-region") == "广东省"
    shenzhen.scroll_into_view_if_needed()
    screenshot(page, "regions_report")


def test_a_document_whose_numbers_have_no_region_says_so(page: Any) -> None:
    # "无（各条记录有自己的地区）" (each record has its own) was shown here too, where no record has one
    page.goto("/")
    page.get_by_role("link", name="县里.txt").click()
    page.wait_for_selector("#doc-text mark.rec")
    assert set(page.locator("#doc-text mark.rec").evaluate_all("ms => ms.map(m => m.dataset.region)")) == {""}
    meta = page.locator(".doc-meta").inner_text()
    assert "未识别" in meta and "各条记录" not in meta


def test_a_gap_to_a_benchmark_names_the_benchmark_in_the_tables(page: Any) -> None:
    # 高于全省1个百分点左右 is stored as 1 pp with relative_to 全省: without the benchmark the tables read
    # as a GDP growth target of 1 percentage point
    page.goto("/#/tracking?indicator=gdp&measure=growth&period=2024&region=%E8%82%87%E5%BA%86%E5%B8%82")
    page.wait_for_selector("#tracking-table")
    rows = page.locator("#tracking-table tbody tr")
    gap = rows.filter(has_text="1个百分点左右").first.locator("td").nth(2).inner_text()
    assert gap.split() == ["1个百分点左右", "比较基准", "全省"]
    own = rows.filter(has_text="5.5%左右").first.locator("td").nth(2).inner_text()
    assert own == "5.5%左右"
    page.goto("/#/records?q=%E9%AB%98%E4%BA%8E%E5%85%A8%E7%9C%81")  # q=高于全省
    page.wait_for_selector("#records-table tbody tr")
    value = page.locator("#records-table tbody tr").first.locator("td").nth(4).inner_text()
    assert value.split()[-2:] == ["比较基准", "全省"]


def test_the_records_filter_picks_the_records_with_no_region(page: Any) -> None:
    # the region filter listed only the regions found, so 县里.txt's records could not be picked
    page.goto("/#/records")
    page.wait_for_selector("#records-table tbody tr")
    region = page.locator('#records-filters select[name="region"]')
    none = region.locator('option[value="-"]')
    assert none.inner_text() == "（无地区） (2)"
    region.select_option("-")
    page.wait_for_function("location.hash.includes('region=-')")
    page.wait_for_selector("#records-table tbody tr")
    rows = page.locator("#records-table tbody tr")
    assert rows.count() == 2
    assert set(rows.evaluate_all("rs => rs.map(r => r.cells[0].innerText)")) == {"—"}
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.cells[3].innerText)")) == ["5%", "6.1%"]
    assert page.locator('#records-filters select[name="region"]').input_value() == "-"
    screenshot(page, "records_no_region")


def test_an_undated_document_shows_the_year_it_was_read_as(page: Any) -> None:
    # its date showed as —, though its headings (一、2023年工作回顾) made the extractor read it as a
    # 2024 report and date its numbers 2023 (spec: "Undated documents")
    published = '.doc-meta > div:has(> .label:text-is("发布日期")) > span:not(.label)'
    page.goto("/")
    page.get_by_role("link", name="政府工作报告", exact=True).click()  # dated: the date alone
    page.wait_for_selector("#doc-text mark.rec")
    assert page.locator(published).inner_text() == "2026-02-03"
    page.goto("/")
    page.get_by_role("link", name="县里.txt").click()
    page.wait_for_selector("#doc-text mark.rec")
    assert (
        page.locator(published).inner_text()
        == "未注明；按 2024 年的文件读（依据：各部分标题（2023年工作回顾））"
    )
    screenshot(page, "undated_document")
