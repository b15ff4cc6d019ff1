"""Plain text: encodings detected, text captures of web pages cleaned, header date and source read."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from ingest_support import NATIONAL, PROVINCIAL, SEED, read_all, read_one

from mubiao.ingest import IngestOptions, ReadError


@pytest.mark.parametrize("path", NATIONAL, ids=[p.name for p in NATIONAL])
def test_real_gbk_files_decode(path: Path) -> None:
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the sample really is GBK: guessing UTF-8 would fail
    document = read_one(path)
    # offsets index the decoded file: every line kept in its place, furniture blanked out, CR LF
    # read as a space and a line end, escapes (<U+00A0>) restored and padded to their length
    expected = raw.decode("gb18030")
    assert len(document.text) == len(expected)
    pairs = list(zip(re.split(r"\r?\n|\r", expected), document.text.split("\n"), strict=True))
    assert all(not kept.strip() or _visible(kept) == _visible(ESCAPE.sub("", line)) for line, kept in pairs)
    assert sum(bool(kept.strip()) for _, kept in pairs) > 0.9 * sum(bool(line.strip()) for line, _ in pairs)
    assert "政府工作报告" in document.text and "\r" not in document.text and "\ufffd" not in document.text
    assert (document.region, document.region_code) == ("全国", "100000")
    year = path.name[:4]
    assert document.published.startswith(year), document.published


ESCAPE = re.compile(r"<U\+[0-9A-F]{4,6}>")


def _visible(line: str) -> str:
    return re.sub(r"[\s\u200d]", "", line)


SOURCE_TEXT = PROVINCIAL[4].read_text(encoding="utf-8")  # 广东: a whole report, 96 kB


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5"],
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = SOURCE_TEXT[:3000]
    if encoding == "big5":
        text = "臺灣省政府工作報告\n各位代表：現在，我代表省政府，向大會報告政府工作，請予審議。" * 20
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(text.encode(encoding, errors="strict"))
    document = read_one(path)
    assert document.text == text.strip("\n")


def test_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "政府工作报告".encode())
    assert read_one(path).text == "政府工作报告"


def test_text_capture_of_a_web_page_is_cleaned() -> None:
    raw = SEED.read_text(encoding="utf-8")
    document = read_one(SEED)
    text = document.text
    # page furniture blanked out in its place: navigation bullets, QR-code and share lines, ICP
    # licence, hotline, copyright, credits
    assert len(text) == len(raw)
    for furniture in ("• 南方日报", "二维码", "ICP", "020-87373397", "版权所有", "责任编辑", "回到顶部"):
        at = raw.find(furniture)
        assert at >= 0 and furniture not in text and not text[at : at + len(furniture)].strip(), furniture
    # the article stays whole, headline and byline included
    assert text.lstrip().startswith("广州白云区委书记何镜清")
    assert "2024-02-19 17:22 来源:南方+" in text
    assert "推动全年净增“四上”企业400家以上、上市企业2家以上。" in text
    assert (document.title, document.published, document.source) == (
        "广州白云区委书记何镜清:推动今年GDP增长6.5%以上、总量突破3000亿元",
        "2024-02-19",
        "南方+",
    )
    assert (document.region, document.region_code) == ("广州市白云区", "440111")


def test_keep_boilerplate_keeps_the_raw_text() -> None:
    document = read_one(SEED, IngestOptions(keep_boilerplate=True))
    assert document.text == SEED.read_text(encoding="utf-8")
    assert document.region_code == "440111"


def test_flags_override_what_is_read() -> None:
    document = read_one(SEED, IngestOptions(published="2025-01-02", region="贵阳市白云区"))
    assert (document.published, document.region, document.region_code) == (
        "2025-01-02",
        "贵阳市白云区",
        "520113",
    )
    unknown = read_one(SEED, IngestOptions(region="Atlantis"))
    assert (unknown.region, unknown.region_code) == ("Atlantis", None)


def test_provincial_report_metadata() -> None:
    for path in PROVINCIAL:
        document = read_one(path)
        assert document.region == path.stem.split("_")[1], path.name
        assert document.published and document.published.startswith("2026"), (path.name, document.published)


def test_escaped_characters_from_exports_are_restored(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("国务院总理<U+00A0>李克强", encoding="utf-8")
    # padded with spaces to the escape's length, so that offsets index the file
    assert read_one(path).text == "国务院总理\xa0" + " " * 7 + "李克强"


def test_ids_are_paths_as_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("广东省人民政府工作报告", encoding="utf-8")
    assert read_one(str(path)).id == str(path)
    assert not isinstance(read_all(path)[0], ReadError)
