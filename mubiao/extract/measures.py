"""The measures stage: what kind of number each value is (growth, level, change), its bounds with
a decrease applied, and the commitment word over it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import chain

from mubiao.extract.doc import Doc, Reading
from mubiao.extract.interpret import (
    BOUND_BEFORE_WHOLE,
    BOUND_BEFORE_WHOLE_ENDS,
    BOUND_BEFORE_WHOLE_REACH,
    BOUND_BEFORE_WHOLE_WORDS,
    MEASURE_AFTER,
    Commitments,
    measure_of,
)
from mubiao.extract.relative import growth_name, is_growth_name
from mubiao.extract.segment import Occurrences
from mubiao.extract.tiers import TIER
from mubiao.knowledge import load
from mubiao.numbers import Mention

APPROX_VERBS = tuple(load("cues")["bounds"]["approx_verbs"])
_FLOOR = load("cues")["bounds"]
FLOOR_BEFORE = re.compile(
    rf"(?:{'|'.join(map(re.escape, _FLOOR['floor_before']))})"
    rf"[^{re.escape(load('marks')['clause_stops'])}\d]{{0,{_FLOOR['floor_reach']}}}$"
)
EITHER_OR = _FLOOR["either_or"]
EITHER_OR_BEFORE = re.compile(f"(?:{'|'.join(sorted(EITHER_OR, key=len, reverse=True))})$")
EITHER_OR_REACH = max(map(len, EITHER_OR))
EITHER_OR_ENDS = frozenset(word[-1] for word in EITHER_OR)
_MEASURE = load("cues")["measure"]
# N times a past value (是上年的4倍, 是2011年的1.1倍, 是“九五”的1.6倍, and 1.8倍 in 分别是2011年的1.75倍和1.8倍): a rise
# of (N−1)×100
TIMES_BASE = re.compile(
    rf"(?:{'|'.join(map(re.escape, _MEASURE['times_last_year']))}|{_MEASURE['times_of_year']}"
    rf"|{_MEASURE['times_of_plan']})"
    rf"(?:{_MEASURE['times_list_member']})*$"
)
TIMES_REACH = 40
# 比去年多100万人, 比去年预算低0.4个百分点: a comparison with an earlier time right before an amount
_LESS = tuple(_MEASURE["less"])
_EARLIER = rf"(?:{'|'.join(_MEASURE['earlier'])}|{_MEASURE['earlier_year']})"
# (高于上年2.9个百分点: the word of more or less first)
COMPARED_WITH_EARLIER = re.compile(
    rf"(?:(?:{'|'.join(_MEASURE['compared_with'])}){_EARLIER}"
    rf"{_MEASURE['compared_between']}(?P<word>{'|'.join(_MEASURE['more'] + _MEASURE['less'])})"
    rf"|(?P<first>{'|'.join(_MEASURE['more_than'] + _MEASURE['less_than'])}){_EARLIER})$"
)
COMPARED_REACH = 16
# the characters such a comparison ends in right before the amount (the word of more or less, or the earlier time
# after 高于; and a line end, before which a pattern anchored with $ matches too): before any other, none is looked for
# (read_measures tests it)
COMPARED_ENDS = frozenset(
    word[-1]
    for word in _MEASURE["more"] + _MEASURE["less"] + _MEASURE["earlier"] + [_MEASURE["earlier_year"]]
) | {"\n"}
PART_OF = _MEASURE["part_of"]
# a change written against an earlier time (比上年末增加 32240人): the change of the level stated before it
CHANGE_SINCE = re.compile(
    rf"(?:{'|'.join(_MEASURE['compared_with'])})(?:{'|'.join(_MEASURE['earlier'])}|{_MEASURE['earlier_year']})"
)
_HEDGES = load("cues")["hedges"]
ESTIMATE_NOTE = re.compile(_HEDGES["estimate_note"])
ESTIMATE_NOTE_AFTER = _HEDGES["estimate_note_after_value"]
ESTIMATE_WORD = _HEDGES["estimate"][0]
RATE_ENDINGS = tuple(_MEASURE["rate_endings"])
ACTS_JOINERS = tuple(_MEASURE["acts_joiners"])
ACTS_REACH = 30
# a number of times an act of change was done, the act written right after the count (两次上调…利率): the exclusions'
# row that keeps such counts as records says which counters and acts (one row for both stages)
_TIMES_ROW = next(row for row in load("exclusions")["rule"] if row["name"] == "small_numeral_label")
TIMES_COUNTERS, TIMES_ACTS = tuple(_TIMES_ROW["times"]), tuple(_TIMES_ROW["changes"])
FLOOR_REACH = max(map(len, _FLOOR["floor_before"])) + _FLOOR["floor_reach"]
REACH_WORDS = tuple(_MEASURE["reach_words"])
PULL_SPAN = max(map(len, _MEASURE["pulls"])) + _MEASURE["pull_reach"]
# 拉动GDP增长3个百分点: the pulling word, the indicator pulled and the verb of growth, up to the value
PULLED = re.compile(
    rf"(?:{'|'.join(_MEASURE['pulls'])})[^{re.escape(load('marks')['noun_phrase_stops'])}\d]{{0,{_MEASURE['pull_reach']}}}$"
)
REACH_SPAN = 16
REACH_AT_VALUE = load("periods")["at_value"]


def read_measures(doc: Doc) -> None:
    text, narrow = doc.text, doc.narrow_text
    previous: Reading | None = None
    # where a floor word (至少) starts: a floor's pattern is searched for only before a value near one
    floors = sorted(chain.from_iterable(Occurrences(text, word).starts for word in _FLOOR["floor_before"]))
    for reading in doc.readings:
        mention, context = reading.mention, reading.context
        # (each rule below is called only for the values it can hold for; it still tests them: it is its rule)
        compared = (
            _compared_with_earlier(narrow, mention)
            if mention.unit != "%" and narrow[mention.start - 1 : mention.start] in COMPARED_ENDS
            else ""
        )
        if reading.compared is not None:  # a gap: of the compared indicator's growth, else of its level
            measure = "growth" if is_growth_name(reading.compared) else "level"
            decrease = reading.below  # 低于调控目标0.8个百分点: below the benchmark
        elif compared:
            measure, decrease = "change", compared.startswith(_LESS)
            reading.trace.add("measures", "a comparison with an earlier time is a change", compared)
            if (
                mention.unit == "pp"
                and previous is not None
                and previous.sentence == reading.sentence
                and previous.measure == "growth"
                and previous.mention.unit == "%"
                and reading.indicator_text == previous.indicator_text
            ):
                # 服务业增加值增长4.1%，高于上年2.9个百分点: the points the growth rate before changed by
                reading.indicator_text = growth_name(previous.indicator_text)
                reading.trace.add(
                    "measures", "points after a growth rate change that rate", reading.indicator_text
                )
        else:
            # a total or a rate named by an ellipsis head (…新增连接境外城市10个、总数达68个) is measured as
            # the head says, not as the name it stands for
            named = (
                context.head.names[-1] if context.inherited and context.head.names else reading.indicator_text
            )
            verb = "" if mention.unit == "%" and _rate_of_its_own(text, previous, reading) else context.verb
            by_words, after_words, if_after = measure_of(verb, mention.unit, mention.kind, named)
            measure, decrease = (
                if_after
                if after_words is not None
                and after_words.match(text, mention.end, mention.end + MEASURE_AFTER)
                else by_words
            )
            if measure == "change" and _joined_acts(text, reading):
                measure, decrease = "level", False
                reading.trace.add(
                    "measures", "a change joined to another act counts what both touched", context.verb
                )
            if measure == "change" and _acts_counted(text, mention):
                measure, decrease = "level", False
                reading.trace.add("measures", "a count of times an act was done is a level", context.verb)
            if measure == "change" and mention.unit == "pp" and _pulled(text, reading):
                measure, decrease = "level", False
                reading.trace.add("measures", "a growth in points pulled by a part is its contribution", "")
            if measure == "change" and _reaches_a_level(text, reading):
                measure, decrease = "level", False
                reading.trace.add(
                    "measures", "a verb of change reaching the value's time reaches a level", verb
                )
            if (
                measure == "level"
                and previous is not None
                and previous.measure == "change"
                and _part_of_change(text, previous, reading)
            ):
                measure, decrease = "change", _is_fall(previous)
                reading.trace.add("measures", "a part of a change is a change", PART_OF)
        comparator = mention.comparator
        if comparator == "eq" and context.verb.startswith(APPROX_VERBS):
            comparator = "approx"  # 约占全国1/10, 约为全国平均的70%: 约 in the verb, apart from the number
        # (a pattern searched from a negative offset is searched from the text's start: no max() needed)
        near = bisect_left(floors, mention.start - FLOOR_REACH)
        floor = (
            FLOOR_BEFORE.search(text, mention.start - FLOOR_REACH, mention.start)
            if near < len(floors) and floors[near] < mention.start
            else None
        )
        if comparator == "eq" and floor:
            comparator = "ge"  # 至少引进1个: the floor word before the verb bounds the value
            reading.trace.add("measures", "a floor word before the verb bounds the value", floor.group())
        at = mention.start + len(mention.lead)  # where the number is written
        either = _either_or(text, at) if at and text[at - 1] in EITHER_OR_ENDS else ""
        if either:
            comparator = EITHER_OR[
                either
            ]  # 接近或达到1万亿元, 达到或略高于10%: the pair of verbs bounds the value
            reading.trace.add(
                "measures", "two verbs of reaching joined by one of either_or bound the value", either
            )
        if (
            comparator == "eq"
            and mention.unit == "%"
            and reading.compared is None
            and at
            and text[at - 1] in BOUND_BEFORE_WHOLE_ENDS
        ):
            whole = BOUND_BEFORE_WHOLE.search(text, max(0, at - BOUND_BEFORE_WHOLE_REACH), at)
            if whole:
                comparator = BOUND_BEFORE_WHOLE_WORDS[whole["word"]]  # 超过全球一半: the share is bounded
                reading.trace.add(
                    "measures", "a bound word before the whole a share is of bounds the share", whole.group()
                )
        low, high = mention.low, mention.high
        if mention.kind == "multiple" and TIMES_BASE.search(text, mention.start - TIMES_REACH, mention.start):
            measure = "growth"  # 是上年的4倍: four times the base is a rise of 300%
            low, high = (None if v is None else v - 100 for v in (low, high))
        reading.measure = measure
        if decrease or comparator in ONE_SIDED:
            comparator, low, high = bounds(comparator, low, high, decrease)
        reading.comparator, reading.low, reading.high = comparator, low, high
        previous = reading


def _either_or(text: str, at: int) -> str:
    """The pair of verbs joined by 或 written right before the number at ``at`` (接近或达到, 达到或略高于),
    or "" (the caller tests that the character before it ends such a pair: most values have none)."""
    m = EITHER_OR_BEFORE.search(text, max(0, at - EITHER_OR_REACH), at)
    return m.group() if m else ""


def _compared_with_earlier(narrow_text: str, mention: Mention) -> str:
    """The comparison with an earlier time written right before an amount (比去年多), or ""."""
    if mention.kind != "number" or mention.unit == "%":
        return ""
    m = COMPARED_WITH_EARLIER.search(narrow_text, mention.start - COMPARED_REACH, mention.start)
    return (m["word"] or m["first"]) if m else ""


def _reaches_a_level(text: str, reading: Reading) -> bool:
    """Whether the verb before the value is followed by 到/至 and the value's time, up to 的 (扩大到年末的
    1120多万人), not by a destination (新增至中亚五国图定线路1条)."""
    verb = reading.context.verb
    if not verb:
        return False
    before = text[max(reading.sentence[0], reading.mention.start - REACH_SPAN) : reading.mention.start]
    at = before.rfind(verb)
    between = before[at + len(verb) :]
    return at >= 0 and between.startswith(REACH_WORDS) and between.endswith(REACH_AT_VALUE)


def _pulled(text: str, reading: Reading) -> bool:
    """Whether a pulling word and the indicator pulled stand right before the value (拉动GDP增长3个百分点)."""
    start = reading.mention.start
    return PULLED.search(text, max(reading.sentence[0], start - PULL_SPAN), start) is not None


def _acts_counted(text: str, mention: Mention) -> bool:
    """Whether the value counts the times the act of change written right after it was done (两次下调政策利率): a
    count of acts, a level (gold conventions 1), whatever verb stands before it (the 降低 of the pair before the 、 in
    两次降低存款准备金率、两次下调政策利率)."""
    return text.endswith(TIMES_COUNTERS, mention.start, mention.end) and text.startswith(
        TIMES_ACTS, mention.end
    )


def _joined_acts(text: str, reading: Reading) -> bool:
    """Whether the verb written before the things counted is joined to another act (新增及优化调整…)."""
    lead = reading.context.head.leading_verb
    if not lead:
        return False
    before = text[max(reading.sentence[0], reading.mention.start - ACTS_REACH) : reading.mention.start]
    return any(lead + joiner in before for joiner in ACTS_JOINERS)


def _rate_of_its_own(text: str, previous: Reading | None, reading: Reading) -> bool:
    """Whether a percentage is named by a rate of its own and its verb was written for the pair before
    it only (全市服务业增加值增长10.1%、贡献率61.7%: 贡献率 is a level)."""
    names, verb = reading.context.head.names, reading.context.verb
    if reading.mention.unit != "%" or not names or not names[-1].endswith(RATE_ENDINGS) or not verb:
        return False
    start = previous.mention.end if previous is not None and previous.sentence == reading.sentence else 0
    return start > 0 and verb not in text[start : reading.mention.start]


def _part_of_change(text: str, previous: Reading | None, reading: Reading) -> bool:
    """Whether ``reading`` is a part (其中…) of the change read just before it in its sentence; not where that
    change compares the level before it with an earlier time: the parts are the level's (参加城镇职工基本养老保险人数
    257778 人，比上年末增加 32240人，其中：参保在职职工 220728 人)."""
    return (
        previous is not None
        and previous.measure == "change"
        and previous.sentence == reading.sentence
        and previous.mention.unit == reading.mention.unit
        and PART_OF in text[previous.mention.end : reading.mention.start]
        and not CHANGE_SINCE.search(
            text, max(0, previous.mention.start - COMPARED_REACH), previous.mention.start
        )
    )


def _is_fall(reading: Reading) -> bool:
    value = reading.low if reading.low is not None else reading.high
    return value is not None and value < 0


def read_hedges(doc: Doc) -> None:
    commitments = Commitments(doc.text)
    notes = estimate_notes(doc.text)
    if doc.outside and doc.outside.estimate_note is not None:  # a chunk: the last note of the text before it
        notes.insert(0, doc.outside.estimate_note)
    part, review = None, False
    # the values are in text order: the commitment words ended before them are walked through in step with
    # them, and a value's words are looked up only where the last of them stands in its sentence (most have none)
    words, ends, ended = commitments.words, commitments.ends, 0
    for reading in doc.readings:
        if reading.mention.kind == TIER:  # 保8争9: the tier word is the commitment
            reading.hedge = reading.mention.lead
            continue
        start = reading.mention.start
        while ended < len(ends) and ends[ended] <= start:
            ended += 1
        if not ended or words[ended - 1][0] < reading.sentence[0]:
            reading.hedge = None
        else:
            if reading.part is not part:  # (a part's kind is worked out once, not once a value)
                part, review = reading.part, reading.part.kind == "review"
            reading.hedge = commitments.before(reading.sentence[0], start, review)
        if reading.hedge is None and notes and _under_estimate_note(notes, reading):
            reading.hedge = ESTIMATE_WORD
            reading.trace.add("hedges", "a note before it says every figure after it is an estimate")


def estimate_notes(text: str) -> list[int]:
    """Where the notes that every figure after them is an estimate (（预计，下同）) start, in order."""
    return [m.start() for m in ESTIMATE_NOTE.finditer(text)]


def _under_estimate_note(notes: list[int], reading: Reading) -> bool:
    """Whether a note that the figures after it are estimates (（预计，下同）) stands before the value
    in its part, or right after it."""
    i = bisect_right(notes, reading.mention.end + ESTIMATE_NOTE_AFTER) - 1
    return i >= 0 and notes[i] >= reading.part.start


# the comparators that bound a value on one side only (bounds keeps that side)
ONE_SIDED = frozenset(("ge", "gt", "le", "lt"))


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
