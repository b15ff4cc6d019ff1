"""Any text at all: the extractor never raises, and every record points at its own characters."""

from __future__ import annotations

import datetime as dt
import random

import pytest

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


@pytest.mark.parametrize(
    "published", [dt.date(2024, 2, 19), dt.datetime(2024, 2, 19, 9, 30), "2024/2/19", "2024年2月19日"]
)
def test_published_may_be_a_date_or_a_date_as_people_write_it(published: object) -> None:
    # a date object raised TypeError ('datetime.date' object is not subscriptable) from deep inside,
    # and 2024/2/19 went into every record as written
    [record] = extract("推动今年地区生产总值增长6.5%以上", published=published)  # type: ignore[arg-type]
    assert (record.period, record.published) == ("2024", "2024-02-19")


@pytest.mark.parametrize("published", ["2024-02-30", "下周一", "2024"])
def test_a_published_that_is_no_date_is_refused_by_name(published: object) -> None:
    with pytest.raises(ValueError, match=f"published: {published!r} is not a date"):
        extract("推动今年地区生产总值增长6.5%以上", published=published)  # type: ignore[arg-type]
