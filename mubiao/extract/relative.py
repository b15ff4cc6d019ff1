"""The relative stage: a value written as a gap to a benchmark (增速高于全省1个百分点, 高于全国平均水平
4.9个百分点, 比全国、全省分别高1.4、0.6个百分点) gets the benchmark as written (``relative_to``) and
the compared indicator, whose name decides the record's indicator and measure (spec: "Relative and
tiered targets"). The comparison words and what a benchmark may be are in knowledge/relative.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from mubiao.extract.doc import Doc, Reading
from mubiao.extract.interpret import parse_head
from mubiao.extract.segment import CLAUSE_END, MARKS
from mubiao.knowledge import load
from mubiao.numbers.numerals import WIDE
from mubiao.regions import gazetteer

ENUMERATION = MARKS["enumeration"]

# characters a benchmark never holds: digits, percent signs, points (full-width too), clause ends
NOT_IN_BENCHMARK = "\\d" + WIDE[0] + "-" + WIDE[9] + "%" + WIDE[10] + "." + WIDE[11] + re.escape(CLAUSE_END)
# the trace's rule where 分别 spreads a list of compared indicators over the gaps
SPREAD_OVER_COMPARED = "respectively (the benchmark spread) over the compared indicators: one a gap"


@dataclass(frozen=True, slots=True)
class Gap:
    """A comparison written right before a value: the words before it, and the benchmarks."""

    before: str  # the words before the comparison (the compared indicator, hedges, verbs)
    benchmark: str  # as written
    benchmarks: list[str]  # its members, one a value of a list (高于全国、全省1.7和0.9个百分点)
    written: str  # the comparison as written, with the benchmark's place as {}
    below: bool = False  # below the benchmark (低于全省0.5个百分点): the gap is negative
    # the compared indicators, one a value, where 分别 spreads a list of them over the gaps (地区生产总值、规上工业增加值
    # 两年平均增速分别高于全省平均水平1.1、2.7个百分点)
    compared: list[str] = field(default_factory=list)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _knowledge() -> dict:
    data = load("relative")
    bench = rf"(?P<bench>[^{NOT_IN_BENCHMARK}]{{1,{data['benchmark']['longest']}}})"
    forms, after_words, between_ends = [], [], set()
    for row in data["gap"]:
        words = _alternation(row["words"])
        below = row.get("below", False)
        if row["form"] == "after":
            forms.append((re.compile(rf"(?P<word>{words}){bench}$"), False, below))
            after_words += row["words"]
        else:  # 比…高 is also 比上年提高: the benchmark must name itself as one
            between_ends.update(word[-1] for word in row["words"])
            pattern = rf"(?P<word>{_alternation(row['before'])}){bench}(?P<after>{words})$"
            forms.append((re.compile(pattern), True, below))
    cues = load("cues")
    return {
        "forms": forms,
        # the words a benchmark follows (高于全省), how far before a value one of them may start, and the
        # last characters of the words written right before the value (比全省高): a gap ends at a value
        # only where one of them stands so (_gap_can_end)
        "after_words": re.compile(_alternation(after_words)),
        "after_reach": data["benchmark"]["longest"] + max(map(len, after_words)),
        "between_ends": frozenset(between_ends),
        "benchmark": data["benchmark"],
        "joiners": re.compile(_alternation(data["benchmark"]["joiners"])),
        "growth_word": data["compared"]["growth_word"],
        "growth_nouns": frozenset(data["compared"]["growth_nouns"]),
        "growth_heads": tuple(cues["indicator"]["growth_heads"]),
        # words before a comparison that name no indicator (力争高于全省2个百分点)
        "no_name": frozenset(
            cues["hedges"]["words"] + cues["indicator"]["strip_leading"] + cues["indicator"]["whole_region"]
        ),
    }


def read_gap(segment: str, in_points: bool) -> Gap | None:
    """The comparison at the end of ``segment`` (the words of a clause up to a value), if what it
    compares with is a benchmark: a region's or a target's (its first or last words say so), or
    anything when the gap is in percentage points (``in_points``) after 高于/快于…."""
    knowledge = _knowledge()
    for form, named_only, below in knowledge["forms"]:
        m = form.search(segment)
        if m is None:
            continue
        bench = m["bench"].removesuffix(
            knowledge["benchmark"]["spread"]
        )  # 高于全国、全省分别…: 分别 spreads the list
        starts, ends = knowledge["benchmark"]["starts"], knowledge["benchmark"]["ends"]
        if any(t in bench for t in knowledge["benchmark"]["time_baselines"]):
            return None
        if bench.endswith(tuple(knowledge["benchmark"]["not_end"])) or not (
            (in_points and not named_only)
            or bench.startswith(tuple(starts))
            or bench.endswith(tuple(ends))
            or _a_region(bench)
        ):
            return None
        after = m.groupdict().get("after") or ""
        written = f"{m['word']}{{}}{after}"
        members = [b for b in knowledge["joiners"].split(bench) if b]
        return Gap(segment[: m.start()], bench, members, written, below)
    return None


def _gap_can_end(text: str, start: int) -> bool:
    """Whether a comparison word stands where a gap ending at a value at ``start`` has one: a word a
    benchmark follows near enough before it, or one written right before it. Most values have none,
    and ``read_gap`` (every form's pattern searched over the words before the value) is read only for
    the others: for all, it took most of this stage's time."""
    knowledge = _knowledge()
    return (
        text[start - 1 : start] in knowledge["between_ends"]
        or knowledge["after_words"].search(text, start - knowledge["after_reach"], start) is not None
    )


def _a_region(bench: str) -> bool:
    """广州GDP超出重庆337亿多元: another region, named alone, is a benchmark in any unit."""
    return bench in gazetteer().by_name


def is_growth_name(name: str) -> bool:
    return name.endswith(_knowledge()["growth_heads"])


def growth_name(name: str) -> str:
    """地区生产总值 → 地区生产总值增速: the name of an indicator's growth rate (a name of one as it is)."""
    return name if is_growth_name(name) else name + _knowledge()["growth_word"]


def read_relative(doc: Doc) -> None:
    """``relative_to`` and the compared indicator of every value written as a gap; a value listed
    after a gap in another unit (高于省平1个百分点、7%左右) is the compared indicator's own value."""
    text = doc.text
    previous: Reading | None = None  # the value before, in the same sentence
    gap: Gap | None = None  # the comparison the value before was a gap of
    for reading in doc.readings:
        if previous is not None and previous.sentence != reading.sentence:
            previous = gap = None
        if reading.list_position[0] > 0 and gap is not None and previous is not None:
            if reading.mention.unit == previous.mention.unit:
                position, size = reading.list_position
                if len(gap.compared) == size:
                    _set(
                        reading,
                        gap,
                        gap.compared[position],
                        SPREAD_OVER_COMPARED,
                    )
                else:
                    _set(reading, gap, previous.compared or "", "a gap listed after a gap")
            else:
                reading.indicator_text = previous.compared or reading.indicator_text
                reading.trace.add("relative", "the compared indicator's own value, listed after its gap")
                gap = None
        elif not _gap_can_end(text, reading.mention.start):
            gap = None  # (most values)
        else:
            start = previous.mention.end if previous else reading.sentence[0]
            clause = doc.clause_ends.last_before(reading.mention.start) + 1
            clause = clause if clause > start else start  # (no max(): one a value)
            gap = read_gap(text[clause : reading.mention.start], reading.mention.unit == "pp")
            if gap is not None:
                name, rule = _compared(gap, previous)
                gap = replace(gap, compared=_compared_members(gap))
                if len(gap.compared) == reading.list_position[1]:
                    name, rule = (
                        gap.compared[0],
                        SPREAD_OVER_COMPARED,
                    )
                _set(reading, gap, name, rule)
        previous = reading


def _compared(gap: Gap, previous: Reading | None) -> tuple[str, str]:
    """The compared indicator's name (with 增速 when the gap is of its growth), and the rule."""
    knowledge = _knowledge()
    heads, growth_word = knowledge["growth_heads"], knowledge["growth_word"]
    name = ENUMERATION.join(n for n in parse_head(gap.before).names if n not in knowledge["no_name"])
    if (not name or name in heads) and previous is not None:
        # 地区生产总值增长5.4%、高于全国0.4个百分点; …增速高于全省1个百分点左右，力争高于全省2个百分点
        grew = bool(name) or (previous.mention.unit == "%" and any(w in previous.context.verb for w in heads))
        name = previous.compared or previous.indicator_text
        rule = "a gap to a benchmark, of the indicator named before"
        if grew and name and not is_growth_name(name):
            name += growth_word
        return name, rule
    # 固定资产投资增幅高于全市平均2个百分点: the growth noun as written (a verb: 增速)
    head = next((h for h in sorted(heads, key=len, reverse=True) if gap.before.endswith(h)), "")
    if name and head and not is_growth_name(name):
        name += head if head in knowledge["growth_nouns"] else growth_word
    return name, "a gap to a benchmark, of the indicator before the comparison"


def _compared_members(gap: Gap) -> list[str]:
    """The compared indicators 分别 spreads over gaps of their growth, each with the growth noun written after
    the list (地区生产总值、规上工业增加值两年平均增速分别高于… → 地区生产总值增速, 规上工业增加值增速); none without 分别
    or a growth noun."""
    knowledge = _knowledge()
    head = parse_head(gap.before)
    if not head.respectively or len(head.names) < 2:
        return []
    before = gap.before.removesuffix(knowledge["benchmark"]["spread"])
    noun = next(
        (h for h in sorted(knowledge["growth_heads"], key=len, reverse=True) if before.endswith(h)), ""
    )
    if not noun:
        return []  # (国控河流、近岸海域优良水体比例分别高于…: what the list shares is not known here)
    growth = noun if noun in knowledge["growth_nouns"] else knowledge["growth_word"]
    return [n if is_growth_name(n) else n + growth for n in head.names]


def _set(reading: Reading, gap: Gap, compared: str, rule: str) -> None:
    position, size = reading.list_position
    benchmark = gap.benchmarks[position] if len(gap.benchmarks) == size > 1 else gap.benchmark
    reading.compared = compared
    reading.relative_to = benchmark
    reading.below = gap.below
    reading.indicator_text = compared + gap.written.format(benchmark)
    reading.trace.add("relative", rule, benchmark)
