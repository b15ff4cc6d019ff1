"""The measures stage: what kind of number each value is (growth, level, change), its bounds with
a decrease applied, and the commitment word over it."""

from __future__ import annotations

import re

from mubiao.extract.doc import Doc
from mubiao.extract.interpret import Commitments, measure_of
from mubiao.extract.relative import is_growth_name
from mubiao.extract.tiers import TIER
from mubiao.knowledge import load

APPROX_VERBS = tuple(load("cues")["bounds"]["approx_verbs"])
_MEASURE = load("cues")["measure"]
# N times a past value (是上年的4倍, 是2011年的1.1倍, and 1.8倍 in 分别是2011年的1.75倍和1.8倍): a rise of (N−1)×100
TIMES_BASE = re.compile(
    rf"(?:{'|'.join(map(re.escape, _MEASURE['times_last_year']))}|{_MEASURE['times_of_year']})"
    rf"(?:{_MEASURE['times_list_member']})*$"
)
TIMES_REACH = 40


def read_measures(doc: Doc) -> None:
    text = doc.text
    for reading in doc.readings:
        mention, context = reading.mention, reading.context
        if reading.compared is not None:  # a gap: of the compared indicator's growth, else of its level
            measure, decrease = ("growth" if is_growth_name(reading.compared) else "level"), False
        else:
            measure, decrease = measure_of(
                context.verb,
                mention.unit,
                mention.kind,
                reading.indicator_text,
                text[mention.end : mention.end + 8],
            )
        comparator = mention.comparator
        if comparator == "eq" and context.verb.startswith(APPROX_VERBS):
            comparator = "approx"  # 约占全国1/10, 约为全国平均的70%: 约 in the verb, apart from the number
        low, high = mention.low, mention.high
        if mention.kind == "multiple" and TIMES_BASE.search(
            text, max(0, mention.start - TIMES_REACH), mention.start
        ):
            measure = "growth"  # 是上年的4倍: four times the base is a rise of 300%
            low, high = (None if v is None else v - 100 for v in (low, high))
        reading.measure = measure
        reading.comparator, reading.low, reading.high = bounds(comparator, low, high, decrease)


def read_hedges(doc: Doc) -> None:
    commitments = Commitments(doc.text)
    for reading in doc.readings:
        if reading.mention.kind == TIER:  # 保8争9: the tier word is the commitment
            reading.hedge = reading.mention.lead
            continue
        review = reading.part.kind == "review"
        reading.hedge = commitments.before(reading.sentence[0], reading.mention.start, review)


def bounds(comparator: str, low: float | None, high: float | None, decrease: bool):
    """(comparator, low, high) with a decrease applied: the bound words bound the size of the fall."""
    if comparator in ("ge", "gt"):
        low, high = low, None
    elif comparator in ("le", "lt"):
        low, high = None, high
    if not decrease:
        return comparator, low, high
    flipped = {"ge": "le", "gt": "lt", "le": "ge", "lt": "gt"}.get(comparator, comparator)
    return flipped, (-high if high is not None else None), (-low if low is not None else None)
