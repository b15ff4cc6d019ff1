"""Any text at all: the extractor never raises, and every record points at its own characters."""

from __future__ import annotations

import random

from mubiao import extract
from mubiao.record import COMPARATORS, MEASURES, MODALITIES

# Characters the rules react to, so random strings hit the rules' edges (found 近两年 crashing once).
ALPHABET = list(
    "0123456789０１２３.．,，、。；：%％—-~至到以上下内左右多余超近约突破万亿千百十一二两三四五六七八九零〇年月日"
    "个家元吨公里平方米/人次增长下降提高新增净增分别均力争确保预计今年十四五十五五“”（）\n 比较由从的达"
)


def test_random_text_gives_well_formed_records() -> None:
    rng = random.Random(20261125)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 80)))
        for r in extract(text, published=rng.choice([None, "2026-01-01"])):
            assert text[r.start : r.end] == r.value_text and r.value_text in r.quote, (text, r)
            assert r.comparator in COMPARATORS and r.measure in MEASURES and r.modality in MODALITIES
            assert r.value_low is not None or r.value_high is not None
