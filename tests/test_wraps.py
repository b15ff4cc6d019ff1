"""A text wrapped at a fixed width (a PDF's text layer saved as text) is read with its wrapped line
breaks taken out (mubiao/extract/wraps.py); its records index the text as the user has it."""

from __future__ import annotations

from pathlib import Path

from mubiao.extract.pipeline import extract
from mubiao.extract.wraps import unwrap
from mubiao.ingest import read_source

ROOT = Path(__file__).resolve().parents[1]
# 承德 2024's report as a PDF's text layer: lines of 30 characters, blank lines between, page numbers
CHENGDE = (ROOT / "corpus" / "city" / "2024_承德市_政府工作报告.txt").read_text(encoding="utf-8")


def _record(records, value_text):
    [record] = [r for r in records if r.value_text == value_text]
    return record


def test_a_wrapped_report_is_read_across_its_line_breaks() -> None:
    records = extract(CHENGDE, published="2024-01-20")
    assert all(CHENGDE[r.start : r.end] == r.value_text for r in records)
    # a bound word wrapped onto the next line (增长6%左\n\n右)
    gdp = _record(records, "6%左\n\n右")
    assert (gdp.comparator, gdp.indicator) == ("approx", "gdp")
    # …and across a page number (稳定在98%\n\n— 5 —\n\n以上)
    assert _record(records, "98%\n\n— 5 —\n\n以上").comparator == "ge"
    # the verb on the line before the name (新增规上工业\n\n企业50家) makes the count a change
    added = _record(records, "50家")
    assert (added.measure, added.indicator) == ("change", "industrial_enterprises_above_scale")
    # a name and its growth parted by the wrap (新增企业1.3万户，增长\n\n31.3%)
    assert _record(records, "31.3%").measure == "growth"


def test_offsets_move_back_onto_the_text() -> None:
    unwrapped = unwrap(CHENGDE)
    assert unwrapped is not None
    # a paragraph is one line again; the heading before it and the paragraph break after it stay
    assert (
        "一、2023年工作回顾\n\n刚刚过去的一年，是全面贯彻党的二十大精神的开局之年，是新冠疫情防控转段后"
        in unwrapped.text
    )
    assert "的坚实步伐。\n\n一年来，" in unwrapped.text
    for at in range(len(unwrapped.text)):
        original = unwrapped.original(at)
        assert CHENGDE[original] == unwrapped.text[at] or unwrapped.text[at] == " "
        assert unwrapped.reading(original) == at


def test_a_text_of_one_paragraph_a_line_is_read_as_it_is() -> None:
    """Lines ending in 。 (a report saved as text, a web capture) and short headings are not wrapped."""
    text = "\n".join(["一、2023年工作回顾", *["全市地区生产总值增长5.6%，一般公共预算收入增长8.1%。"] * 30])
    assert unwrap(text) is None
    assert unwrap("增长5%\n增长6%\n") is None  # too few lines to tell


# 枣庄 2024's report as a PDF's text layer on one line: its line breaks spaces, spaces around numbers
ZAOZHUANG = (ROOT / "corpus" / "city" / "2024_枣庄市_政府工作报告.txt").read_text(encoding="utf-8")


def test_a_pdf_writers_spaces_are_read_as_none() -> None:
    records = extract(ZAOZHUANG, published="2024-01-20")
    assert all(ZAOZHUANG[r.start : r.end] == r.value_text for r in records)
    bonds = _record(records, "139.01 亿元")  # 争取新增专项债券额度 139.01 亿元
    assert (bonds.unit, bonds.value_low) == ("CNY", 139.01e8)
    assert _record(records, "8% 左右").comparator == "approx"  # 固定资产投资增长8% 左右
    # a space after a paragraph's last mark is its line break: the plan part still opens at 二、
    assert {(r.value_text, r.modality, r.period) for r in records if r.value_text == "25 个"} == {
        ("25 个", "target", "2024")
    }


def test_a_few_spaces_are_the_texts_own() -> None:
    """The national 2009 report has 41 spaces between Chinese characters and numbers in 23,000 Chinese
    characters: its own, read as written."""
    [report] = read_source(str(ROOT / "corpus" / "national" / "2009_国务院_政府工作报告.txt"))
    assert unwrap(report.text) is None
