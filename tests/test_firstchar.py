"""firstchar: a pattern tried only where it can start finds what the pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

from mubiao.extract.interpret import ANNUAL
from mubiao.extract.pipeline import ANNUAL_AT_VALUE, ANNUAL_REACH
from mubiao.extract.segment import HEADING, _heading_matches
from mubiao.firstchar import SPAN, finditer, opening_with

# lookbehinds before the first character, a lookahead after the match, alternatives of several lengths
PATTERN = r"(?<![\d/])\d+(?:\.\d+)?(?:万元|元|%)(?!人)|(?:^|(?<=。))[一二三]、[^\n。]{2,6}"
TEXT = "一、总体要求\n增长5.5%，达到3万元/人。二、主要任务，2024/1/23，超12元人次，16.5万元。三、保障"


def test_the_same_matches_as_finditer() -> None:
    fast = opening_with(r"\d一二三", PATTERN, re.M)
    found = [(m.span(SPAN), m[SPAN]) for m in finditer(fast, TEXT)]
    assert found == [(m.span(), m.group()) for m in re.finditer(PATTERN, TEXT, re.M)]
    assert len(found) == 6


def test_a_match_goes_on_from_the_end_of_the_one_before() -> None:
    # "123元" is one match: the digits inside it start no other
    fast = opening_with(r"\d", r"\d+元")
    assert [m[SPAN] for m in finditer(fast, "123元和45元")] == ["123元", "45元"]


def test_annual_is_looked_for_where_its_matches_start() -> None:
    """cues.toml's annual_starts holds the first character of every match of annual: searched for only
    there, it is found where the pattern itself finds it (the words before each number of a report)."""
    text = Path(__file__).parent.parent.joinpath("corpus", "2026_北京市_政府工作报告.txt").read_text()
    heads = [text[max(0, m.start() - ANNUAL_REACH) : m.start()] for m in re.finditer(r"\d+", text)]
    heads += [
        "年均增长6%",
        "连续6年稳定在",
        "五年平均增长",
        "3年平均",
        "每年新增",
        "人均每年",
        "连续三年累计",
    ]
    found = [(m.start(), m.end()) if (m := ANNUAL.search(head)) else None for head in heads]
    assert found == [m.span(SPAN) if (m := ANNUAL_AT_VALUE.search(head)) else None for head in heads]
    assert sum(f is not None for f in found) >= 7


def test_headings_are_matched_before_their_marks_as_a_search_finds_them() -> None:
    """segment._heading_matches tries HEADING only before an enumeration mark that follows an ordinal: it
    finds the matches firstchar.finditer finds (every corpus report; ordinals, marks and white space run
    together, numbered lists in sentences, a heading right after another's title)."""
    corpus = Path(__file__).parent.parent.joinpath("corpus")
    texts = [path.read_text() for path in sorted(corpus.glob("2026_*.txt"))]
    texts += [
        "一、总体要求\n二、三产业增长\n十一、保障措施。十二、其他事项<U+3000>三、四、五、",
        "一二、标题文字\n一、、标题\n、一、开头\n 一、白的前面\u3000二、全角空格后面",
        "二、三产业比重为1:2、一、二、三、四",
    ]
    for text in texts:
        spans = [(m.start(), m.span(SPAN), m.groups()) for m in _heading_matches(text)]
        assert spans == [(m.start(), m.span(SPAN), m.groups()) for m in finditer(HEADING, text)]
    assert sum(1 for text in texts for _ in _heading_matches(text)) >= 30
