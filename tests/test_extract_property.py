"""Property-based: report-like text built from the example tables' sentences and random fragments.
Extraction never raises, every record's offsets index the text, and time grows linearly."""

from __future__ import annotations

import json
import re
from pathlib import Path

from growth_support import GROWTH_LIMIT, growth
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mubiao import extract
from mubiao.record import COMPARATORS, MEASURES, MODALITIES

EXAMPLES = Path(__file__).parent / "examples" / "records.jsonl"
ROWS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
# the clauses of every example sentence: real report language, cut where a reader would pause
CLAUSES = sorted({c for row in ROWS for c in re.split(r"(?<=[，。；：\n])", row["text"]) if c.strip()})
# characters the rules react to, so random fragments reach the rules' edges
FRAGMENT = st.text(
    alphabet="0123456789.．%％、，。；：（）()“”/ 年月日万亿元个以上左右增长下降分别均一二三四五十\n",
    max_size=12,
)
HEADINGS = st.sampled_from(
    ["一、2023年工作回顾\n", "二、2024年工作安排\n", "2023年工作回顾\n", "三、2026年主要工作\n", ""]
)
TEXT = st.lists(st.one_of(st.sampled_from(CLAUSES), FRAGMENT, HEADINGS), min_size=1, max_size=20).map("".join)
PUBLISHED = st.sampled_from([None, "2024-01-23", "2026-02-01"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, PUBLISHED)
def test_extraction_never_raises_and_offsets_index_the_text(text: str, published: str | None) -> None:
    for r in extract(text, published=published):
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end] == r.value_text and r.value_text in r.quote and r.quote in text
        assert r.comparator in COMPARATORS and r.measure in MEASURES and r.modality in MODALITIES


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CLAUSES), min_size=3, max_size=10).map("".join))
def test_extraction_time_is_linear(text: str) -> None:
    """The text repeated to 4x its length takes about 4x the CPU time (a generous limit, never 16)."""
    assert growth(lambda t: extract(t, published="2024-01-23"), text, 4_000, repeat=2) < GROWTH_LIMIT
