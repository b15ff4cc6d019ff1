"""A whole review session from the keyboard, in Debian's chromium driven by Playwright, against
the real server over a real report: accept, correct a value, move a span, reject, add a missed
number, undo; then re-extract and see the decisions kept and a changed record flagged. Then the
records table as datasette users know it, a read-only server, and a phone-width screen.
Screenshots go to /tmp/review-shots/ (outside the repository)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_support import TOKEN, app_for, chromium, fill_store, report_documents, running_server
from sqlalchemy import update

from mubiao.serve import ServeSettings, create_app
from mubiao.store import Store, crud, open_store
from mubiao.store.models import RecordRow

pytestmark = pytest.mark.timeout(300)

SHOTS = Path("/tmp/review-shots")
CPI = "3%左右"  # 居民消费价格涨幅3%左右: stored as if an older extractor had read its period wrong


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('review-browser') / 'mubiao.db'}")
    fill_store(opened, [d for d in report_documents() if d.id.startswith("2017")])
    with opened.begin() as session:
        # the record as an older extractor stored it: re-extraction will change it
        session.execute(update(RecordRow).where(RecordRow.value_text == CPI).values(period="2016"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    with running_server(app_for(store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def new_page(browser: Any, base_url: str, width: int = 1400, height: int = 900) -> Any:
    context = browser.new_context(
        viewport={"width": width, "height": height}, base_url=base_url, locale="zh-CN"
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def document_id(store: Store) -> int:
    with store.session() as session:
        return crud.list_documents(session=session)[0].id


def text_of(store: Store) -> str:
    with store.session() as session:
        return crud.list_documents(session=session)[0].text


def key_of(page: Any) -> str:
    return re.search(r"[?&]r=([^&]+)", page.url).group(1)


def card(page: Any, name: str) -> str:
    return page.locator(f'#record-details dd[data-field="{name}"]').first.inner_text()


def status_of(page: Any) -> str:
    return page.locator("#record-details .review-line .review-tag").first.inner_text()


def select_text(page: Any, start: int, end: int) -> None:
    """Select characters of the document text, as a drag of the mouse would."""
    page.evaluate(
        """([start, end]) => {
            const box = document.querySelector("#doc-text");
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let pos = 0, started = false, node;
            while ((node = walker.nextNode())) {
                const length = node.data.length;
                if (!started && start < pos + length) { range.setStart(node, start - pos); started = true; }
                if (started && end <= pos + length) { range.setEnd(node, end - pos); break; }
                pos += length;
            }
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        [start, end],
    )


def press(page: Any, key: str, until: str) -> None:
    """A key press, then wait for the page to show its outcome (a selector)."""
    page.keyboard.press(key)
    page.wait_for_selector(until)


def open_record(page: Any, doc: int, value_text: str) -> str:
    page.goto(f"/#/doc/{doc}")
    page.wait_for_selector("#doc-text mark.rec")
    page.locator("#doc-text mark.rec").filter(has_text=re.compile(f"^{re.escape(value_text)}$")).first.click()
    page.wait_for_selector("#record-details .record-card")
    return key_of(page)


def test_a_review_session_from_the_keyboard(browser: Any, base_url: str, store: Store) -> None:
    doc, text = document_id(store), text_of(store)
    page = new_page(browser, base_url)
    page.goto("/")
    page.fill("#reviewer-input", "王芳")
    page.fill("#token-input", TOKEN)
    page.click("#token-form button")

    # accept: the GDP target; the next record is shown, and the address follows it
    gdp = open_record(page, doc, "6.5%左右")
    assert status_of(page) == "待审核" and card(page, "value_text") == "6.5%左右"
    assert page.locator("#review-keys").inner_text().count("\n") >= 8  # the keys are on the page
    press(page, "a", f'mark.status-accepted[data-records~="{gdp}"]')
    stale = key_of(page)
    assert card(page, "value_text") == CPI and stale != gdp
    press(page, "k", "#record-details .record-card")
    assert key_of(page) == gdp and status_of(page) == "已接受"
    shot(page, "1-accepted")
    # the CPI target as an older extractor stored it: accepted too
    page.keyboard.press("j")
    press(page, "a", f'mark.status-accepted[data-records~="{stale}"]')

    # correct a value: the jobs target, edited in the form
    corrected = key_of(page)
    assert card(page, "value_text") == "1100万人以上"
    page.keyboard.press("e")
    page.wait_for_selector("#edit-form")
    shot(page, "2-edit-form")
    page.fill("#edit-form input[name=value_low]", "12000000")
    press(page, "Enter", f'mark.status-corrected[data-records~="{corrected}"]')
    assert status_of(page) == "已修改" and "1200万" in card(page, "value_low")

    # move a span: 4.5%以内 becomes 4.5% by selecting those characters
    page.keyboard.press("j")
    moved = key_of(page)
    assert card(page, "value_text") == "4.5%以内"
    start = text.index("4.5%以内")
    select_text(page, start, start + len("4.5%"))
    press(page, "m", f'mark.status-corrected[data-records~="{moved}"]')
    assert card(page, "value_text") == "4.5%"
    shot(page, "3-moved")

    # reject the next one; a link opens a record
    page.keyboard.press("j")
    rejected = key_of(page)
    page.goto(f"/#/doc/{doc}")
    page.goto(f"/#/doc/{doc}?r={rejected}")
    page.wait_for_selector(f'mark.selected[data-records~="{rejected}"]')
    press(page, "r", f'mark.status-rejected[data-records~="{rejected}"]')

    # add a number the machine missed: the first one no record covers
    covered = [(r["start"], r["end"]) for r in page.request.get(f"/api/documents/{doc}").json()["records"]]
    missed = next(
        m
        for m in re.finditer(r"\d+(?:\.\d+)?(?:%|万|亿|个)", text)
        if not any(a < m.end() and m.start() < b for a, b in covered)
    )
    select_text(page, missed.start(), missed.end())
    press(page, "n", "mark.status-added")
    assert card(page, "value_text") == missed.group() and status_of(page) == "人工新增"
    shot(page, "4-added")

    # undo takes the addition back
    page.keyboard.press("u")
    page.wait_for_selector("mark.status-added", state="detached")
    assert (
        page.locator("#review-progress").inner_text() == f"5 / {page.locator('#doc-text mark.rec').count()}"
    )
    shot(page, "5-undone")

    # re-extraction: decisions kept, the record whose machine reading changed is flagged
    page.click("#reextract")
    page.wait_for_selector(f'mark.changed[data-records~="{stale}"]')
    for key, status in (
        (gdp, "accepted"),
        (corrected, "corrected"),
        (moved, "corrected"),
        (rejected, "rejected"),
    ):
        assert page.locator(f'mark.status-{status}[data-records~="{key}"]').count() == 1, (key, status)
    assert "审核后有变化 1" in page.locator("#changed-count").inner_text()
    page.goto(f"/#/doc/{doc}?r={stale}")
    page.wait_for_selector("#record-details .review-tag.changed")
    assert card(page, "period") == "2016"  # the person's accepted reading stays until looked at again
    assert "期间：2016 → 2017" in page.locator("#machine-changes").inner_text()
    shot(page, "6-changed-since-review")
    assert page.errors == []


def test_browse_records_as_in_datasette(browser: Any, base_url: str, store: Store) -> None:
    page = new_page(browser, base_url)
    page.goto("/#/records")
    page.wait_for_selector("#records-table tbody tr")
    total = int(re.search(r"\d+", page.locator("#records-total").inner_text()).group())
    # counts beside each filter value; indicators by their Chinese name
    options = page.locator("#records-filters select[name=indicator] option").all_inner_texts()
    assert any(re.fullmatch(r"地区生产总值 · GDP \(\d+\)", o) for o in options), options[:5]
    modality = page.locator("#records-filters select[name=modality] option").all_inner_texts()
    assert sum(int(re.search(r"\((\d+)\)", o).group(1)) for o in modality[1:]) == total
    # sortable columns
    page.click("#records-table th a[data-sort=value_low]")
    page.wait_for_url(re.compile("sort=value_low"))
    page.wait_for_selector("#records-table th[aria-sort=ascending]")
    # JSON and CSV links of the current view, page numbers
    assert "sort=value_low" in page.locator("#json-link").get_attribute("href")
    assert "format=csv" in page.locator("#csv-link").get_attribute("href")
    assert page.locator("#records-pages a", has_text=re.compile(r"^2$")).count() == 1
    json_view = page.request.get(page.locator("#json-link").get_attribute("href")).json()
    assert json_view["total"] == total
    shot(page, "7-records")
    page.select_option("#records-filters select[name=review]", "rejected")
    page.wait_for_url(re.compile("review=rejected"))
    page.wait_for_selector("#records-table tbody tr .review-tag.status-rejected")
    assert page.locator("#records-table tbody tr").count() == 1
    assert page.errors == []


def test_a_read_only_server_shows_no_write_control(browser: Any, store: Store) -> None:
    app = create_app(ServeSettings(db_url="sqlite://", rate_limit_per_minute=0), store=store)
    with running_server(app) as url:
        page = new_page(browser, url)
        page.goto("/")
        page.wait_for_selector("#documents-table a.doc-link")
        assert page.locator("#upload-form").count() == 0
        page.locator("#documents-table a.doc-link").first.click()
        page.wait_for_selector("#doc-text mark.rec")
        page.locator("#doc-text mark.rec").first.click()
        page.wait_for_selector("#record-details .record-card")
        assert page.locator(".review-buttons, #reextract, button.danger").count() == 0
        keys = page.locator("#review-keys").inner_text()
        assert "下一条记录" in keys and "接受" not in keys
        page.keyboard.press("a")  # nothing to do, nothing refused
        assert page.locator("#action-status").inner_text() == ""
        assert page.errors == []


def test_the_layout_holds_at_phone_width(browser: Any, base_url: str, store: Store) -> None:
    page = new_page(browser, base_url, width=390, height=844)
    for path, ready, name in (
        ("/#/records", "#records-table tbody tr", "8-phone-records"),
        (f"/#/doc/{document_id(store)}", "#doc-text mark.rec", "9-phone-document"),
        ("/#/review", "#queue-table tbody tr", "10-phone-queue"),
        ("/#/tracking", "#chart-by-year", "11-phone-tracking"),  # two charts side by side were 480 px wide
    ):
        page.goto(path)
        page.wait_for_selector(ready)
        # nothing wider than the screen but the tables, which scroll inside their own box
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        shot(page, name)
    assert page.errors == []


def test_a_slow_view_says_it_is_loading(browser: Any, base_url: str) -> None:
    # the review queue extracts every stored document once to judge how sure each record is: on a
    # store of 19 reports it took 6 s, and the page stayed blank below its header all that while
    page = new_page(browser, base_url)
    held: list[Any] = []  # the queue's request, held until the test lets it go
    page.route("**/api/review/queue*", lambda route: held.append(route))
    page.goto("/#/review")
    notice = page.locator("#notice")
    notice.wait_for(state="visible")
    assert notice.inner_text() == "正在加载…"
    held[0].continue_()
    page.wait_for_selector("#queue-table")
    assert notice.is_hidden()
    assert page.errors == []
