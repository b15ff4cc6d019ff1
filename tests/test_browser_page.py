"""The web page in a real browser: Debian's chromium, driven by Playwright, against the real
uvicorn server over a store of real reports. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_support import CORPUS, TOKEN, app_for, chromium, fill_store, running_server, screenshot

from mubiao.store import open_store

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'mubiao.db'}")
    fill_store(store)
    with running_server(app_for(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=base_url, locale="zh-CN")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    # a refused request (the upload without a token) is logged by the browser; it is expected
    expected = "the server responded with a status of 401"
    opened.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" and expected not in msg.text else None,
    )
    yield opened
    context.close()
    assert errors == [], errors


def renders(page: Any) -> int:
    return int(page.locator("#view").get_attribute("data-renders") or 0)


def wait_rerender(page: Any, before: int) -> None:
    page.wait_for_function("(n) => Number(document.querySelector('#view').dataset.renders) > n", arg=before)


def field(page: Any, name: str) -> str:
    return page.locator(f'#record-details dd[data-field="{name}"]').first.inner_text()


def test_open_a_document_and_check_a_highlighted_number(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="2017年国务院政府工作报告").click()
    page.wait_for_selector("#doc-text mark.rec")
    marks = page.locator("#doc-text mark.rec")
    assert marks.count() > 50

    # the year's GDP growth target: "国内生产总值增长6.5%左右"
    mark = marks.filter(has_text=re.compile(r"^6\.5%左右$")).first
    mark.hover()
    assert "GDP" in page.locator(".tooltip").inner_text()
    mark.click()
    assert "selected" in (mark.get_attribute("class") or "")
    assert field(page, "value_text") == "6.5%左右"
    assert "gdp" in field(page, "indicator")
    assert field(page, "indicator_en") == "GDP"
    assert "approx" in field(page, "comparator")
    assert "target" in field(page, "modality")
    assert field(page, "period") == "2017"
    assert field(page, "value_low") == field(page, "value_high") == "6.5"
    assert "6.5%左右" in field(page, "quote")
    screenshot(page, "document_view")

    # stepping to the next highlighted number shows that one's fields
    index = marks.evaluate_all("(all) => all.findIndex((m) => m.classList.contains('selected'))")
    page.get_by_role("button", name="下一个 ›").click()
    assert "selected" in (marks.nth(index + 1).get_attribute("class") or "")
    assert field(page, "value_text") == marks.nth(index + 1).inner_text()


def test_filter_the_records_table(page: Any) -> None:
    page.goto("/#/records")
    page.wait_for_selector("#records-table tbody tr")
    total_all = int(re.search(r"\d+", page.locator("#records-total").inner_text()).group())
    before = renders(page)
    page.select_option("#records-filters select[name=indicator]", "gdp")
    wait_rerender(page, before)
    before = renders(page)
    page.select_option("#records-filters select[name=modality]", "target")
    wait_rerender(page, before)
    assert "indicator=gdp" in page.url and "modality=target" in page.url
    total = int(re.search(r"\d+", page.locator("#records-total").inner_text()).group())
    assert 0 < total < total_all
    rows = page.locator("#records-table tbody tr")
    assert rows.count() == min(total, 50)
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert "GDP" in cells.nth(1).inner_text()
        assert cells.nth(6).inner_text() == "目标"

    before = renders(page)
    page.fill("#records-filters input[name=q]", "6.5%左右")
    page.click("#records-filters button[type=submit]")
    wait_rerender(page, before)
    quotes = page.locator("#records-table tbody td.quote").all_inner_texts()
    assert quotes and all("6.5%左右" in q for q in quotes)
    screenshot(page, "records_table")

    # a value links back to its place in the document
    page.locator("#records-table tbody tr").first.locator("td").nth(3).locator("a").click()
    page.wait_for_selector("#doc-text mark.rec.selected")
    assert field(page, "value_text") == "6.5%左右"


def test_indicators_offered_by_chinese_name_with_counts_and_shown_with_their_parent(page: Any) -> None:
    page.goto("/#/records")
    page.wait_for_selector("#records-table tbody tr")
    options = page.locator("#records-filters select[name=indicator] option").all_inner_texts()
    assert options[0] == "全部"
    assert all(re.search(r" \(\d+\)$", o) for o in options[1:]), options  # each with its records
    assert any(re.fullmatch(r"地区生产总值 · GDP \(\d+\)", o) for o in options)
    # an indicator of the wider taxonomy, chosen by its Chinese name
    label = next(o for o in options if o.startswith("国内游客 · "))
    count = int(re.search(r"\((\d+)\)$", label).group(1))
    before = renders(page)
    page.select_option("#records-filters select[name=indicator]", label=label)
    wait_rerender(page, before)
    assert "indicator=domestic_tourists" in page.url
    rows = page.locator("#records-table tbody tr")
    assert rows.count() == count > 0
    assert rows.first.locator("td").nth(1).inner_text().splitlines() == [
        "国内游客",
        "Domestic tourist visits",
    ]
    screenshot(page, "records_by_indicator")

    # its details name the English name and the indicator it is part of
    rows.first.locator("td").nth(3).locator("a").click()
    page.wait_for_selector("#doc-text mark.rec.selected")
    assert "domestic_tourists" in field(page, "indicator")
    assert field(page, "indicator_en") == "Domestic tourist visits"
    assert field(page, "indicator_parent") == "接待游客 [tourist_visits]"
    screenshot(page, "record_with_parent")


def canvas_ink(page: Any, selector: str) -> int:
    """How many pixels of the chart's canvas are painted."""
    return page.evaluate(
        """(selector) => {
            const canvas = document.querySelector(selector + " canvas");
            const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
            return painted;
        }""",
        selector,
    )


def chart_series(page: Any, selector: str) -> dict[str, dict[str, Any]]:
    """Series name → {category: value} of the ECharts chart in ``selector``."""
    option = page.evaluate(
        "(sel) => { const o = echarts.getInstanceByDom(document.querySelector(sel)).getOption();"
        " return {x: o.xAxis[0].data, series: o.series.map((s) => [s.name, s.data])}; }",
        selector,
    )
    return {name: dict(zip(option["x"], data, strict=True)) for name, data in option["series"]}


def test_tracking_charts_draw_targets_against_outcomes(page: Any) -> None:
    page.goto("/#/tracking?indicator=gdp&measure=growth&period=2017&region=全国")
    page.wait_for_selector("#chart-by-region canvas")
    page.wait_for_selector("#chart-by-year canvas")
    page.wait_for_timeout(800)  # let the bars' entry animation finish before the screenshot
    for chart in ("#chart-by-region", "#chart-by-year"):
        assert canvas_ink(page, chart) > 5000, chart
    series = chart_series(page, "#chart-by-year")
    targets, ranges, outcomes = (series[n] for n in ("目标 Target", "目标区间 Target range", "结果 Outcome"))
    assert (targets["2017"], ranges["2017"], outcomes["2017"]) == (6.5, None, 6.9)
    # The 2016 range 6.5%－7% is drawn as a range: its floor with the span stacked on it.
    assert (targets["2016"], ranges["2016"], outcomes["2016"]) == (6.5, 0.5, 6.7)
    statuses = page.locator("#tracking-table .status").all_inner_texts()
    assert "完成" in statuses and "暂无结果" in statuses
    # The legend says what each status means and the tolerance used.
    legend = page.locator("#status-legend").inner_text()
    assert "容差内完成" in legend and "0.5 个百分点" in legend and "1%" in legend
    # The region × year grid of statuses, and no escalation table with a single level.
    assert page.locator("#status-grid tbody tr").count() >= 1
    assert page.locator("#status-grid thead th", has_text="2017").count() == 1
    assert page.locator("#escalation").count() == 0
    screenshot(page, "tracking_charts")


def test_tracking_table_writes_targets_and_gaps_as_the_source_does(page: Any) -> None:
    page.goto("/#/tracking?indicator=energy_intensity&measure=growth")
    page.wait_for_selector("#tracking-table")
    cells = page.locator("#tracking-table tbody td:nth-child(3)").all_inner_texts()
    assert "下降3.4%以上" in cells  # not "≤ 以内 −3.4%"
    page.goto("/#/tracking?indicator=new_urban_jobs&measure=level")
    page.wait_for_selector("#tracking-table")
    gaps = page.locator("#tracking-table tbody td:nth-child(7)").all_inner_texts()
    assert "+314万人" in gaps  # 1314万人 against 1000万人以上, in the target's unit
    screenshot(page, "tracking_jobs")
    page.locator("#tracking-table").scroll_into_view_if_needed()
    screenshot(page, "tracking_jobs_table")


def test_tracking_status_filter_and_download_of_the_shown_rows(page: Any) -> None:
    page.goto("/#/tracking?indicator=gdp&measure=growth")
    page.wait_for_selector("#tracking-table")
    before = renders(page)
    page.select_option("#tracking-filters select[name=status]", "met")
    wait_rerender(page, before)
    statuses = page.locator("#tracking-table .status").all_inner_texts()
    assert statuses and set(statuses) == {"完成"}
    with page.expect_download() as download:
        page.click("#tracking-download")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("region,") and len(lines) == 1 + len(statuses)
    assert all(",met," in line for line in lines[1:])


def test_an_empty_tracking_chart_says_why(page: Any) -> None:
    page.goto("/#/tracking?indicator=gdp&measure=level&period=2016-2020&region=全国")
    page.wait_for_selector("#chart-by-year .empty")
    assert "只有多年期" in page.locator("#chart-by-year").inner_text()
    page.wait_for_timeout(800)  # the other chart's entry animation
    screenshot(page, "tracking_empty_chart")


def test_upload_through_the_page_with_the_token(page: Any) -> None:
    page.goto("/")
    page.set_input_files("#upload-form input[type=file]", str(CORPUS / "2026_湖北省_政府工作报告.txt"))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-result .error")
    assert "401" in page.locator("#upload-result").inner_text()

    page.fill("#token-input", TOKEN)
    page.click("#token-form button")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-result .ok", timeout=60_000)
    assert "已入库" in page.locator("#upload-result").inner_text()
    page.wait_for_selector("#documents-table a:has-text('2026年湖北省政府工作报告')")
    screenshot(page, "upload_done")
    page.locator("#upload-result a").click()
    page.wait_for_selector("#doc-text mark.rec")
    assert "湖北省" in page.locator(".doc-meta").inner_text()
