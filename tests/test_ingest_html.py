"""Saved web pages: main text without page chrome, metadata, and charsets that lie."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import LYING_CHARSET, WEB, read_one

from mubiao.ingest import IngestOptions
from mubiao.ingest.html import declared_charset, page_title
from mubiao.record import Document

PAGES = sorted(WEB.glob("*.html"))
MOJIBAKE = ("鈥", "銆", "锛", "Ã", "â€", "\ufffd")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: read_one(path) for path in PAGES}


@pytest.mark.parametrize("name", LYING_CHARSET)
def test_page_whose_meta_charset_lies_decodes_right(name: str, documents: dict[str, Document]) -> None:
    raw = (WEB / name).read_bytes()
    assert declared_charset(raw).lower() == "gb2312"
    with pytest.raises(UnicodeDecodeError):
        raw.decode("gb2312")  # believing the page would fail (or give mojibake)
    text = documents[name].text
    assert not any(bad in text for bad in MOJIBAKE), name
    # the main text's lines are the page's own characters, as its UTF-8 bytes give them
    page = raw.decode("utf-8")
    lines = [line for line in text.split("\n") if len(line) >= 15]
    assert lines and sum(line[:15] in page for line in lines) >= 0.8 * len(lines)


def test_page_really_in_gb18030_decodes_right(tmp_path: Path, documents: dict[str, Document]) -> None:
    page = (WEB / "gne_gzggw_1.html").read_bytes().decode("utf-8")
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gb18030"))
    assert read_one(path).text == documents["gne_gzggw_1.html"].text


def test_government_page_metadata_and_main_text(documents: dict[str, Document]) -> None:
    document = documents["gne_gzggw_1.html"]
    assert document.title == "1-10月德清县固定资产投资结构趋稳趋优"
    assert document.published == "2016-11-22"
    assert (document.region, document.region_code) == ("湖州市德清县", "330521")
    assert "全县固定资产投资完成246.79亿元，完成年度计划82.3%" in document.text
    assert document.text.startswith(document.title)  # the headline is part of the kept text


def test_page_closed_early_by_a_fragment_keeps_its_article(documents: dict[str, Document]) -> None:
    raw = (WEB / "gne_other_1.html").read_text(encoding="utf-8")
    assert raw.count("</html>") == 2  # a header fragment closes the page before the article
    document = documents["gne_other_1.html"]
    assert "批准发行15500亿元特别国债购买外汇" in document.text
    assert document.title.startswith("全国人民代表大会常务委员会关于批准财政部发行特别国债")
    assert "中国政府网" not in document.title  # the site name is split off the title
    assert document.region_code == "100000"


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_no_page_chrome_in_main_text(path: Path, documents: dict[str, Document]) -> None:
    text = documents[path.name].text
    for chrome in ("ICP备", "扫一扫", "二维码", "版权所有", "返回顶部", "登录"):
        assert chrome not in text, (path.name, chrome)
    assert len(text) > 200
    assert documents[path.name].published


def test_site_names_come_without_copyright_words(documents: dict[str, Document]) -> None:
    assert documents["gne_people_1.html"].source == "人民网"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("5月20日至31日，京沪高速封闭！_网易订阅", "5月20日至31日，京沪高速封闭！"),
        ("棱镜|数据业大整顿：爬虫与现金贷共生共荣", "数据业大整顿：爬虫与现金贷共生共荣"),
        ("关于调整国债余额限额的决议__2007年第23号国务院公报_中国政府网", "关于调整国债余额限额的决议"),
        ("政府工作报告", "政府工作报告"),
        (None, None),
    ],
)
def test_page_title(title: str | None, headline: str | None) -> None:
    assert page_title(title) == headline


def test_keep_boilerplate_leaves_trafilatura_text(tmp_path: Path) -> None:
    cleaned = read_one(WEB / "gne_other_1.html")
    kept = read_one(WEB / "gne_other_1.html", IngestOptions(keep_boilerplate=True))
    assert "扫一扫" in kept.text and "扫一扫" not in cleaned.text


def test_a_page_of_unclosed_tags_keeps_all_its_text(tmp_path: Path) -> None:
    # Old pages leave <font> open in every paragraph: each one nests the rest a level deeper, and the
    # HTML parser's limit of 256 levels silently dropped everything after the 127th paragraph
    paragraphs = [f"<p><font>第{n}项：全县地区生产总值增长{n % 9 + 1}%。" for n in range(300)]
    path = tmp_path / "old.html"
    path.write_text(
        "<html><head><title>某县政府工作报告</title></head><body>" + "".join(paragraphs), encoding="utf-8"
    )
    text = read_one(path).text
    assert "第0项" in text and "第299项" in text
    assert text.count("项：全县地区生产总值增长") == 300
