"""A document whose text and metadata carry markup and script stays text on every view of the page:
nothing runs (no dialog, no flag set), no element is made from it, and its link is not clickable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from serve_support import app_for, chromium, running_server, screenshot

from mubiao.record import Document, TargetRecord
from mubiao.store import crud, open_store

pytestmark = pytest.mark.timeout(120)

# Each payload sets window.__xss and opens a dialog if it ever runs.
SCRIPT = "<script>window.__xss = 1; alert('xss')</script>"
IMG = "<img src=x onerror=\"window.__xss = 2; alert('xss')\">"
SVG = "<svg onload=\"window.__xss = 3; alert('xss')\"></svg>"
TITLE = f"{IMG}2017年报告{SCRIPT}"
REGION = f"全国{SVG}"
TEXT = f"报告标题{SCRIPT}\n今年发展的主要预期目标是：国内生产总值增长6.5%左右{IMG}。\n去年国内生产总值增长6.7%{SVG}。"


def record(value_text: str, modality: str, period: str, quote: str) -> TargetRecord:
    start = TEXT.index(value_text)
    return TargetRecord(
        doc="hostile.txt",
        start=start,
        end=start + len(value_text),
        value_text=value_text,
        quote=quote,
        indicator_text=f"国内生产总值{IMG}",
        indicator="gdp",
        measure="growth",
        value_low=float(value_text.rstrip("%左右")),
        value_high=float(value_text.rstrip("%左右")),
        comparator="approx" if "左右" in value_text else "eq",
        unit="%",
        modality=modality,
        period=period,
        hedge=SCRIPT,
        region=REGION,
        region_code="100000",
        published="2017-03-05",
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('xss') / 'mubiao.db'}")
    document = Document(
        text=TEXT,
        id="hostile.txt",
        title=TITLE,
        published="2017-03-05",
        region=REGION,
        region_code="100000",
        source=SVG,
        author=IMG,
        url="javascript:window.__xss = 4; alert('xss')",
    )
    records = [
        record("6.5%左右", "target", "2017", f"国内生产总值增长6.5%左右{IMG}"),
        record("6.7%", "actual", "2016", f"国内生产总值增长6.7%{SVG}"),
    ]
    with store.begin() as session:
        crud.add_document(session=session, document=document, records=records)
    with running_server(app_for(store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1300, "height": 850}, base_url=base_url)
        opened = context.new_page()
        dialogs: list[str] = []

        def refuse(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        opened.on("dialog", refuse)
        opened.dialogs = dialogs
        yield opened
        context.close()


def assert_inert(page: Any) -> None:
    assert page.dialogs == []
    assert page.evaluate("window.__xss") is None
    # only the page's own scripts exist, and no element came from the data
    assert page.evaluate("[...document.scripts].every((s) => s.src.startsWith(location.origin))")
    assert page.locator("#view img, #view svg, #view script").count() == 0


def test_document_list_shows_markup_as_text(page: Any) -> None:
    page.goto("/")
    link = page.locator("#documents-table a.doc-link")
    link.wait_for()
    assert link.inner_text() == TITLE
    assert REGION in page.locator("#documents-table").inner_text()
    assert_inert(page)


def test_document_view_shows_markup_as_text(page: Any) -> None:
    page.goto("/")
    page.locator("#documents-table a.doc-link").click()
    page.wait_for_selector("#doc-text mark.rec")
    assert page.locator(".doc-title").inner_text() == TITLE
    assert page.locator("#doc-text").text_content() == TEXT
    # the javascript: address is shown, never linked
    assert page.locator(".doc-meta a").count() == 0
    assert "javascript:" in page.locator(".doc-meta").inner_text()
    page.locator("#doc-text mark.rec", has_text="6.5%左右").click()
    assert (
        page.locator('#record-details dd[data-field="quote"]').inner_text()
        == f"国内生产总值增长6.5%左右{IMG}"
    )
    assert page.locator('#record-details dd[data-field="hedge"]').inner_text() == SCRIPT
    page.locator("#doc-text mark.rec", has_text="6.7%").hover()
    screenshot(page, "xss_document_view")
    assert_inert(page)


def test_records_and_tracking_show_markup_as_text(page: Any) -> None:
    page.goto("/#/records")
    page.wait_for_selector("#records-table tbody tr")
    assert f"国内生产总值{IMG}" in page.locator("#records-table").inner_text()
    assert_inert(page)
    page.goto("/#/tracking")
    page.wait_for_selector("#tracking-table tbody tr")
    page.wait_for_selector("#chart-by-region canvas")
    table = page.locator("#tracking-table").inner_text()
    assert f"国内生产总值增长6.5%左右{IMG}" in table and REGION in table
    # the chart's tooltip names the region too
    box = page.locator("#chart-by-region").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)
    screenshot(page, "xss_tracking")
    assert_inert(page)
