"""firstchar: a pattern tried only where it can start finds what re.finditer finds."""

from __future__ import annotations

import re

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
