"""The word finder finds what a regular expression of the words, longest first, finds: the places of
the gazetteer in whole reports, and any words over a small alphabet where words overlap and nest."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mubiao.regions import gazetteer
from mubiao.wordfinder import AnchoredWords, WordFinder

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _alternation(words: set[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _spans(found) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in found]


def test_places_in_a_report_as_the_regular_expression_finds_them() -> None:
    names = set(gazetteer().by_name)
    text = (CORPUS / "2026_广东省_政府工作报告.txt").read_text(encoding="utf-8")
    expected = [(m.start(), m.end()) for m in _alternation(names).finditer(text)]
    found = WordFinder(names).finditer(text)
    assert _spans(found) == expected and len(expected) > 100
    assert all(text[f.start : f.end] == f.word for f in found)


WORDS = st.sets(st.text(alphabet="ab中国省", min_size=1, max_size=4), min_size=1, max_size=12)
TEXT = st.text(alphabet="ab中国省，", max_size=60)


@given(WORDS, TEXT, st.integers(0, 60), st.integers(0, 60))
def test_any_words_in_any_window_as_the_regular_expression_finds_them(
    words: set[str], text: str, start: int, end: int
) -> None:
    pattern, finder = _alternation(words), WordFinder(words)
    assert _spans(finder.finditer(text)) == [(m.start(), m.end()) for m in pattern.finditer(text)]
    window = [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end])]
    assert _spans(finder.finditer(text, start, end)) == window


@given(WORDS, TEXT, st.integers(0, 60))
def test_the_longest_word_at_a_position(words: set[str], text: str, at: int) -> None:
    m = _alternation(words).match(text, at)
    found = WordFinder(words).match(text, at)
    assert (found and (found.start, found.end, found.word)) == (m and (m.start(), m.end(), m.group()))


def test_anchored_words_match_as_the_alternation_finds_them() -> None:
    # words that hold others (力争上游 holds 力争), overlaps (努力争取: 力争 and 争取), a lookbehind that
    # leaves a later word to match (大力争取 → 争取), a match just before another word's anchor
    words = sorted(
        ["力争", "争取", "努力争取", "力争上游", "为确保", "确保", "高于预计", "预计"], key=len, reverse=True
    )
    alternatives = [w if w[0] != "力" else f"力(?<!大力){re.escape(w[1:])}" for w in words]
    pattern = re.compile("|".join(alternatives))
    text = "努力争取，大力争取，力争上游力争确保，为确保高于预计预计力争取得，" * 3
    found = AnchoredWords(pattern, words)
    assert found.anchors == ["争取", "力争", "确保", "预计"]
    assert [(m.span(), m.group()) for m in found.finditer(text)] == [
        (m.span(), m.group()) for m in pattern.finditer(text)
    ]
    assert found.finditer("") == []


@given(WORDS, TEXT)
def test_any_anchored_words_as_the_regular_expression_finds_them(words: set[str], text: str) -> None:
    pattern = _alternation(words)
    found = AnchoredWords(pattern, words).finditer(text)
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]
