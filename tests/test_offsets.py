"""Offsets index the text as the user has it: for a text file, the file as decoded (page furniture
is blanked out, never deleted, so `start`/`end` of every record index the file); for a saved web
page, its main text as mubiao keeps it. Checked on the saved pages of ../shared/corpus/web, on text
captures made from them, on the State Council's GB18030 web captures of the robustness corpus and on
a synthetic capture with CR LF line ends, escaped characters and furniture lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import WEB, read_one
from robustness_support import ROBUSTNESS

from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions
from mubiao.ingest.txt import clean
from mubiao.record import TargetRecord

PAGES = sorted(WEB.glob("*.html"))
CAPTURES = sorted((ROBUSTNESS / "national").glob("*.txt"))
# furniture as text captures of web pages carry it, each line with a number that is no record
FURNITURE = [
    "当前位置： 首页>> 政务公开>> 2024年",
    "分享到：微信 微博 QQ空间 2024-01-23",
    "责任编辑：李明 2024年1月23日",
    "版权所有 © 2003-2024 某某市人民政府 ICP备05012345号",
    "第 3 页 共 12 页",
]


def _unindexed(text: str, records: list[TargetRecord]) -> list[tuple[int, int, str, str]]:
    return [
        (r.start, r.end, r.value_text, text[r.start : r.end])
        for r in records
        if text[r.start : r.end] != r.value_text
    ]


def _extract_file(path: Path) -> list[dict]:
    """What `mubiao extract FILE` prints, one dict a record."""
    run = subprocess.run(
        [sys.executable, "-m", "mubiao.cli", "extract", str(path), "--no-progress"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_offsets_index_the_main_text_of_a_saved_page(page: Path) -> None:
    document = read_one(page)
    assert not _unindexed(document.text, extract_document(document))


def test_offsets_index_text_captures_of_the_web_pages(tmp_path: Path) -> None:
    """Each page's main text as a capture would save it: furniture lines between its paragraphs, CR
    LF line ends, a no-break space escaped as <U+00A0>; records index the file as decoded."""
    found = 0
    for page in PAGES:
        main = read_one(page, IngestOptions(keep_boilerplate=True)).text
        paragraphs = main.split("\n")
        lines = [FURNITURE[0], FURNITURE[1]] + paragraphs[:1] + [FURNITURE[2]] + paragraphs[1:]
        capture = "\r\n".join(lines + FURNITURE[3:]).replace("\xa0", "<U+00A0>")
        path = tmp_path / f"{page.stem}.txt"
        path.write_bytes(capture.encode("utf-8"))
        records = _extract_file(path)
        text = path.read_bytes().decode("utf-8")
        wrong = [
            (r["start"], r["value_text"], text[r["start"] : r["end"]])
            for r in records
            if text[r["start"] : r["end"]] != r["value_text"]
        ]
        assert not wrong, page.name
        furniture = [(text.find(line), len(line)) for line in FURNITURE]
        assert not [r for r in records if any(0 <= at <= r["start"] < at + n for at, n in furniture)]
        found += len(records)
    assert found >= 20


@pytest.mark.parametrize("capture", CAPTURES, ids=[p.name for p in CAPTURES])
def test_offsets_index_the_state_council_captures_as_decoded(capture: Path) -> None:
    """GB18030 captures of gov.cn pages: breadcrumbs, <!-- --> residue, <U+00A0> escapes."""
    document = read_one(capture)
    text = capture.read_bytes().decode("gb18030")
    assert len(document.text) == len(text)
    records = extract_document(document)
    assert len(records) > 50
    assert not _unindexed(text, records)


def test_a_synthetic_capture_is_indexed_as_the_user_has_it(tmp_path: Path) -> None:
    body = [
        "2024年政府工作报告",
        FURNITURE[0],
        "<U+00A0><U+00A0>各位代表：",
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业12万人以上。",
        FURNITURE[4],
        "去年全市一般公共预算收入完成<U+00A0>402.6亿元，增长8.1%。",
        FURNITURE[3],
    ]
    path = tmp_path / "capture.txt"
    path.write_bytes("\r\n".join(body).encode("gb18030"))
    records = _extract_file(path)
    text = path.read_bytes().decode("gb18030")
    assert {r["value_text"] for r in records} >= {"5.5%左右", "12万人以上", "402.6亿元", "8.1%"}
    assert not [
        (r["start"], r["value_text"]) for r in records if text[r["start"] : r["end"]] != r["value_text"]
    ]
    assert not [r for r in records if r["value_text"].startswith(("3", "12 页", "2003", "05012345"))]


def test_cleaning_keeps_the_length_of_the_text() -> None:
    raw = "\r\n".join(FURNITURE + ["增长<U+00A0>5%", "<U+1F600> 完\r旧式行尾"])
    cleaned = clean(raw, IngestOptions())
    assert len(cleaned) == len(raw)
    assert "\r" not in cleaned and "当前位置" not in cleaned and "<U+" not in cleaned
    lines = cleaned.split("\n")
    assert lines[0] == " " * (len(FURNITURE[0]) + 1)  # blanked out, with the CR of its line end
    assert lines[-3:] == ["增长\xa0" + " " * 7 + "5% ", "\U0001f600" + " " * 8 + " 完", "旧式行尾"]
