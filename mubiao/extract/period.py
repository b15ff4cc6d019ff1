"""Which years a statement is about: cue words resolved against the document's year."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from mubiao.extract.dates import five_year_plan
from mubiao.extract.segment import SPACE, Marks
from mubiao.extract.structure import BOOK_TITLE
from mubiao.firstchar import SPAN, finditer, opening_with
from mubiao.knowledge import load
from mubiao.numbers.numerals import parse_numeral

if TYPE_CHECKING:
    from mubiao.extract.segment import Sentences
    from mubiao.extract.structure import Part

FORMS = load("periods")
AT_VALUE_REACH = 4
RATIO_AT_VALUE = re.compile(FORMS["ratio_at_value"])
PRICE_BASE = re.compile(FORMS["price_base"])
# how far before a statement of goals a five-year plan it names is looked for, and the marks (not line breaks) that
# end the sentence it may stand in
GOAL_PLAN_REACH = FORMS["goal_plan_reach"]
GOAL_SENTENCE_ENDS = FORMS["goal_sentence_ends"]
# a year followed by a month is a date, no period cue (2017年2月23日); followed by a count it is one
# (针对2012年至2014年26所项目校…)
NOT_A_DATE = FORMS["not_a_date"]
CLAUSE_END_CHARS = FORMS["clause_end"]
CLAUSE_END = re.compile(f"[{CLAUSE_END_CHARS}]")  # 2020年的 + a bound word (的约, 的近) before the value
STREAK_END = re.compile(f"[{FORMS['streak_end']}]")
STOCKS = re.compile(
    "".join(f"(?<!{w})" for w in load("cues")["measure"]["flow_totals_before"])
    + f"(?:{'|'.join(load('cues')['measure']['stocks'])})"
)
SENTENCE_END = re.compile(f"[{re.escape(load('marks')['sentence_end'])}]")
FIRST_DIGIT = re.compile(r"\d")
FIRST_YEAR_AT_VALUE = FORMS["plan_first_year"] + FORMS["at_value"]


@dataclass(slots=True)
class PeriodCue:
    start: int
    end: int
    period: str
    local: bool  # True: holds for its own sentence only (到2030年)
    # period; "to" (到2030年: a span's end); "range" (2016年至2018年); "base" (比2020年: a baseline); "average"
    # (两年平均: the average of the years, each year's value)
    kind: str = "period"
    reach: int | None = None  # the last offset it applies to, for a year written at its value (2020年的…)
    years: int = 0  # kind "years" (三年新增…): how many years, placed by the value's part (Periods.at)


def _recent_kind(text: str, m: re.Match[str], end: int) -> str:
    """ "average" for recent years whose average follows (两年平均增速: each year's value), else "period"."""
    return "average" if m["recent"] and text.startswith(FORMS["average"], end) else "period"


def _recent_reach(text: str, m: re.Match[str], end: int, kind: str) -> int | None:
    """Where a cue of recent years stops applying: a streak at the end of its clause or at a 、 (连续七年丰收、
    去年总产…: what follows is the year's); an average at the end of the clause of the first number after it
    (从两年平均增速看，…分别增长4.7%、6.0%和1.5%。; 五年平均增长12.8%, not the 人均生产总值…20033元 after it);
    None: its sentence."""
    if kind == "average":
        number = FIRST_DIGIT.search(text, end)
        reach = CLAUSE_END.search(text, number.end() if number else end)
    elif m["streak"]:
        reach = STREAK_END.search(text, end)
    else:
        return None
    return reach.start() if reach else None


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


@cache
def _times_base() -> re.Pattern[str]:
    """A year as the base of a multiple (是2011年的1.1倍), up to its 的."""
    return re.compile(load("cues")["measure"]["times_of_year"] + "$")


@cache
def _pattern() -> re.Pattern[str]:
    words = load("cues")["period"]
    relative = words["last_five_years"] + words["next_five_years"] + words["this_year"] + words["last_year"]
    alternatives = "|".join(re.escape(w) for w in sorted(relative, key=len, reverse=True))
    after = "|".join([*(re.escape(w) for w in words["baseline_after"]), words["baseline_phrase_after"]])
    # every alternative starts with one of a few characters (a match's cue is its group SPAN), and is tried
    # only where what every form needs there stands (form_needs: most of those characters start none)
    first = "".join(sorted({w[0] for w in relative} | set(FORMS["form_starts"])))
    # (after: an alternative with an empty one, not a group made optional by ?, which the regex engine runs as
    # a loop copying the marks of every group before it; the group is None where the empty one is taken)
    return opening_with(
        re.escape(first),
        rf"{FORMS['form_needs']}(?:{FORMS['forms'].replace('{not_a_date}', NOT_A_DATE)}|(?P<word>{alternatives}))"
        rf"(?:(?P<after>{after})|)",
    )


def find_period_cues(text: str, year: int | None) -> list[PeriodCue]:
    """Period cues in text order; relative words need the document's year to resolve."""
    words = load("cues")["period"]
    cues = []
    baseline_before = tuple(words["baseline_before"])
    recovered = tuple(words["recovered"])
    # a book title's years are the titled document's (《都市圈国土空间规划（2021—2035年）》编制形成阶段性成果，…，82项…: the
    # 82 items are the reviewed year's), no cue for the words around it (the titles' spans and ends, in order)
    titles = [t.span() for t in BOOK_TITLE.finditer(text)]
    title_ends = [e for _, e in titles]
    for m in finditer(_pattern(), text):
        start, end = m.span(SPAN)
        if titles and (i := bisect_right(title_ends, start)) < len(titles) and titles[i][0] < start:
            continue  # inside a book title
        named_year, after = m["year"], m["after"]  # (each read once a match)
        if named_year and PRICE_BASE.match(text, end):
            continue  # (2005年价): the prices a value is stated in, not its year
        plan = m["plan"] or m["quoted_plan"] or m["short_plan"]
        if (
            named_year
            and text.startswith(FORMS["at_value"], end)
            and _times_base().search(text, max(0, start - 3), end + 1)
        ):
            # 是2011年的1.1倍: the base of a multiple (the value's period runs from the year after)
            cues.append(PeriodCue(start, end, named_year, True, kind="base"))
            continue
        before = text[max(0, start - 3) : start].rstrip('“"')
        after_base = before.endswith(baseline_before) and not m["recent"]  # (从两年平均增速看: no baseline)
        if (
            plan
            and before.endswith(TIMES_BEFORE)
            and text.startswith(FORMS["at_value"], end + _closing_quote(text, end))
        ):
            # 是“九五”的1.6倍: the base of a multiple, its last year
            cues.append(PeriodCue(start, end, str(five_year_plan(plan)[1]), True, kind="base"))
            continue
        # a year written at its value (从2020年的82.4岁提升至…; 去年 as a baseline's: 赤字率从去年的2.1%提高到
        # 2.3%, while 增加到去年的98亿元 dates what follows too): that value's own period, and every term of
        # a ratio written there (由2011年的9.2:69.5:21.3调整为…)
        at_value = named_year or (year and after_base and _one_year(m["word"], year))
        # …also a baseline's year written straight before its number (由2002年7703元增加到…)
        number_follows = end < len(text) and text[end].isdigit()
        if at_value and (text.startswith(FORMS["at_value"], end) or (after_base and number_follows)):
            ratio = RATIO_AT_VALUE.match(text, end)
            reach = ratio.end() if ratio else end + AT_VALUE_REACH
            preceding = m["word"] in words["preceding_year"] and before.endswith(
                tuple(words["preceding_from"])
            )
            kind = "preceding" if preceding else "period"  # 由上年的…: placed by the part (Periods.at)
            cues.append(PeriodCue(start, end, at_value, True, kind=kind, reach=reach))
            continue
        if after == words["since"] and named_year and year and not after_base:
            # 2003年以来 in a text of 2006: the years from it to the last full one, for its own sentence
            first = int(named_year)
            cues.append(PeriodCue(start, end, _span(first, max(first, year - 1)), True))
            continue
        if after in words["deadline_after"] and named_year and year and int(named_year) > year:
            # 2005年前 in a text of 2004: a deadline, the years up to it
            cues.append(PeriodCue(start, end, _span(year, int(named_year)), True, kind="to"))
            continue
        if after or after_base:
            if named_year and not after:  # 比2020年翻一番: a span that starts after the base year
                cues.append(PeriodCue(start, end, named_year, True, kind="base"))
            elif plan and not after and text.startswith(PLAN_END, end + _closing_quote(text, end)):
                # 比“十五”末增长74%: the base is the plan's last year (2005)
                cues.append(PeriodCue(start, end, str(five_year_plan(plan)[1]), True, kind="base"))
            elif plan and after and text.startswith(FIRST_YEAR_AT_VALUE, end):
                # “十三五”开局之年的18.9%: the plan's first year, written at its value
                reach = end + len(FIRST_YEAR_AT_VALUE) + AT_VALUE_REACH
                cues.append(PeriodCue(start, end, str(five_year_plan(plan)[0]), True, reach=reach))
            continue
        if m["to"]:
            y = int(m["to_year"])
            previous = cues[-1] if cues else None
            if previous and previous.end == start and previous.kind == "period" and previous.period.isdigit():
                # 2016年至2018年, 2016年-2018年: one span, written at the values it frames
                cues[-1] = PeriodCue(previous.start, end, _span(int(previous.period), y), True, kind="range")
                continue
            if (
                year
                and y < year
                and m["to"] in FORMS["span_end"]
                and text.startswith(FORMS["at_value"], end)
                and text[max(0, start - 2) : start].endswith(recovered)
            ):
                continue  # 恢复到2019年的108%: the level the value is a share of, the value the sentence's own year's
            if (
                year
                and y < year
                and m["to"] in FORMS["span_end"]
                and (text.startswith(FORMS["at_value"], end) or number_follows)
            ):
                # a past year reached by a change, written at the new value (增加到2007年13786元, 增加到2007年的
                # 3664亿元): that value's own year; a span's end in goals (到2030年) is ahead of the text
                ratio = RATIO_AT_VALUE.match(text, end)
                reach = ratio.end() if ratio else end + AT_VALUE_REACH + 1
                cues.append(PeriodCue(start, end, str(y), True, reach=reach))
                continue
            first_year = text[max(0, start - 4) : start]
            if m["to"] not in FORMS["span_end"] and first_year.isdigit() and first_year[:2] in ("19", "20"):
                # 2015-2017年 (三年（2015-2017年）行动): one span written at what it frames, like 2015年-2017年
                cues.append(PeriodCue(start - 4, end, _span(int(first_year), y), True, kind="range"))
                continue
            if m["to"] not in FORMS["span_end"]:
                cues.append(PeriodCue(start, end, str(y), False))
                continue
            first = year if year and year <= y else y
            cues.append(PeriodCue(start, end, _span(first, y), True, kind="to"))
        elif named_year and m["annual"]:
            # 2021年度完成造林12万亩: the year of an account, for its own clause only
            reach = CLAUSE_END.search(text, end)
            cues.append(PeriodCue(start, end, named_year, True, reach=reach.start() if reach else None))
        elif named_year:
            cues.append(PeriodCue(start, end, named_year, False))
        elif plan:
            # a plan's document (编制“十三五”规划) names the plan; it does not set the period of what follows,
            # nor does a plan written as an attribute inside its clause (锚定“十四五”迈入万亿级城市的目标)
            first, last = five_year_plan(plan)
            local = bool(m["plan_doc"] or m["quoted_plan_doc"] or m["short_plan_doc"]) or _plan_as_attribute(
                text, start, end
            )
            cues.append(PeriodCue(start, end, _span(first, last), local))
        elif m["years_at"]:
            # 三年新增2758家, 五年内全国本专科毕业生1300万人: the years the value is written over; which years, its
            # part decides. Opening its clause it holds for its sentence (三年实施重点工程150项，拆除…，完成投资…),
            # else for its clause (…实现两年翻番，获评1个…); up to a stock named after it (三年新增2758家、总量突破
            # 5000家: the stock is the last year's)
            n = int(parse_numeral(m["years_at"]))
            # a campaign said to be completed (三年行动圆满收官，…) sums up its years for the rest of its sentence
            opens = bool(m["action_done"]) or start == 0 or text[start - 1] in FORMS["clause_starts"]
            stop = SENTENCE_END.search(text, end) if opens else CLAUSE_END.search(text, end)
            reach = stop.start() if stop else len(text)
            stock = STOCKS.search(text, end, reach)
            reach = stock.start() if stock else reach
            cues.append(PeriodCue(start, end, "", True, kind="years", reach=reach, years=n))
        elif m["recent"] or m["streak"]:
            # 近3年 / 连续8年 in a text of 2026: the years up to the last full one (2023-2025 / 2018-2025); in a text
            # of unknown date, up to the one in effect (2021年…。从两年平均增速看 → 2020-2021; 2021年粮食总产23.54万吨，
            # 连续16年超过20万吨 → 2006-2021). A streak holds for its own clause only (…连续8年稳定在Ⅱ类，自然岸线率达64.5%)
            last = (
                year - 1
                if year is not None
                else next((int(c.period[-4:]) for c in reversed(cues) if c.period[-4:].isdigit()), None)
            )
            if last is not None:
                n = int(parse_numeral(m["recent"] or m["streak"]))
                kind = _recent_kind(text, m, end)
                span = _span(last - n + 1, last)
                cues.append(
                    PeriodCue(start, end, span, True, kind=kind, reach=_recent_reach(text, m, end, kind))
                )
        elif year is None:
            continue
        elif m["years_back"]:
            # 四年来 in a text of 2017 (a term of four years): 2013-2016, lasting as 五年来 does
            n = int(parse_numeral(m["years_back"]))
            cues.append(PeriodCue(start, end, _span(year - n, year - 1), False))
        elif m["within"]:
            # 用3年时间打造31个特色村镇 in a text of 2024: the goal of the three years from now (2024-2026), or
            # from a year named just before (2004年我们提出用三年时间… → 2004-2006), for its own sentence (a
            # duration that frames time is no record itself)
            n = int(parse_numeral(m["within"]))
            previous = cues[-1] if cues else None
            first = year
            if previous and previous.period.isdigit() and not SENTENCE_END.search(text, previous.end, start):
                first = int(previous.period)
            cues.append(PeriodCue(start, end, _span(first, first + n - 1), True, kind="within"))
        else:
            word = m["word"]
            if word in words["last_five_years"]:
                period = _span(year - 5, year - 1)
            elif word in words["next_five_years"]:
                period = _span(year, year + 4)
            else:
                period = _one_year(word, year)
            cues.append(PeriodCue(start, end, period, False))
    return cues


PLAN_FRAMES = tuple(FORMS["plan_frames"])
PLAN_END = FORMS["plan_end"]
CLOSING_QUOTES = tuple(FORMS["closing_quotes"])
TIMES_BEFORE = tuple(FORMS["times_before"])
CLAUSE_START = re.compile(f"[{re.escape(FORMS['clause_starts'])}]")


def _closing_quote(text: str, at: int) -> int:
    """1 where a closing quote stands at ``at`` (a plan quoted in ASCII marks, "十五"末), else 0."""
    return int(text.startswith(CLOSING_QUOTES, at))


def _plan_as_attribute(text: str, start: int, end: int) -> bool:
    """A five-year plan inside its clause (words before it) followed straight by a word that is no frame
    of its time (plan_frames): an attribute of that word's phrase, not the time the sentence is about."""
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff" or text.startswith(PLAN_FRAMES, end):
        return False
    clause = text[max(0, start - 40) : start]
    starts = [m.end() for m in CLAUSE_START.finditer(clause)]
    words_before = clause[starts[-1] if starts else 0 :].strip().rstrip('“"')
    return bool(words_before)


def _one_year(word: str | None, year: int) -> str | None:
    """The year a relative word names (今年, 去年) in a text of ``year``; None for a span or no word."""
    words = load("cues")["period"]
    if word in words["this_year"]:
        return str(year)
    if word in words["last_year"]:
        return str(year - 1)
    return None


FIVE_YEAR_ROLES = ("review_period", "five_year_plan")


def over_the_part(period: str | None, part: Part, of_the_span: bool) -> tuple[str | None, str]:
    """A single year inside a part covering five years, widened to the part's span where the value is
    the span's, and why ("" when it stays): the plan's last year written without 到 in its goals
    (“十二五”…力争2015年全省城镇化率达到54% → 2011-2015, as 到2015年 reads), or a value stated over the span
    as a whole (``of_the_span``: 年均, a multiple) in the year that closes it (预计2010年，…年均增长11.7%,
    增长1.1倍 in a review of 十一五 → 2006-2010)."""
    if period is None or not period.isdigit() or part.role not in FIVE_YEAR_ROLES or not part.years:
        return period, ""
    first, last = part.years
    year = int(period)
    if part.role == "five_year_plan" and year == last:
        return _span(first, last), "the plan's last year in its goals is the plan's span"
    if of_the_span and first <= year <= last:
        return _span(first, last), "a per-year average or a multiple in a five-year part is the span's"
    return period, ""


def goal_statement_cues(
    text: str, statements: list[tuple[int, int, str]], parts: list[Part]
) -> list[PeriodCue]:
    """A statement of the year's goals (主要预期目标是：…; ``statements`` as (start, end, words), in
    order) in a part planning a year dates what follows it by that year, whatever five-year plan a
    sentence before named (全面完成“十一五”目标任务); not the goals of a five-year plan it names itself
    (“十五五”时期经济社会发展的主要目标是：…, a line break between them or not): the plan's cue dates those."""
    cues = []
    starts = [start for start, _, _ in statements]
    for part in parts:
        if part.role == "plan_year" and part.years:
            i = bisect_left(starts, part.heading_end)
            while i < len(statements) and statements[i][1] <= part.end:
                if not _of_a_plan(text, statements[i][0]):
                    cues.append(
                        PeriodCue(statements[i][0], statements[i][1], str(part.years[0]), False, "goal")
                    )
                i += 1
    return cues


def _of_a_plan(text: str, start: int) -> bool:
    """Whether the words before a statement of goals, in its sentence (lines aside), name a five-year
    plan (“十五五”时期经济社会发展的\n主要目标\n是)."""
    before = text[max(0, start - GOAL_PLAN_REACH) : start]
    before = before[max(before.rfind(mark) for mark in GOAL_SENTENCE_ENDS) + 1 :]
    return any(m["plan"] or m["quoted_plan"] or m["short_plan"] for m in finditer(_pattern(), before))


# The first cue of a sentence sets the period of what follows when it opens the sentence: at its
# start or after a few words (“2025年是…”, “五年来，…”, “刚刚过去的2025年，…”), perhaps after an address
# or a lead-in (“各位代表，刚刚过去的2025年，…”, “特别需要指出的是，刚刚过去的2005年，…”). A cue further in
# (“国有企业效益明显好转，去年利润增长23.5%”, “提前完成…“十四五”批而未供土地消化任务”) holds for its
# sentence only.
OPENING_REACH = 6
ADDRESS_REACH = 6
LEAD_INS = tuple(FORMS["lead_ins"])
# the words before a cue are read this far at most, so that time stays linear in a long sentence
OPENING_SPAN = ADDRESS_REACH + max(map(len, LEAD_INS)) + 1 + OPENING_REACH
INDENT = re.compile(rf"(?:{SPACE}|\s)+")
OPENING_BREAKS = FORMS["opening_breaks"]
TOPIC_MARKS = tuple(FORMS["topic_marks"])
FULL_STOPS = FORMS["full_stops"]


def _opens(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether a cue stands in the opening of its sentence (see OPENING_REACH, ADDRESS_REACH); a
    paragraph's indent is no word before it."""
    indent = INDENT.match(text, sentence_start, cue_start)
    start = indent.end() if indent else sentence_start
    if cue_start - start > OPENING_SPAN:
        return False
    before = text[start:cue_start]
    breaks = [i for i, ch in enumerate(before) if ch in OPENING_BREAKS]
    if len(breaks) > 1 or (
        breaks and breaks[0] > ADDRESS_REACH and not before[: breaks[0]].endswith(LEAD_INS)
    ):
        return False
    return len(before) - (breaks[0] + 1 if breaks else 0) <= OPENING_REACH


def _ahead_of_review(cue: PeriodCue, part: Part) -> bool:
    """A cue in a review part naming a time that ends after the years it reviews (到2035年, 十四五
    in a review of 2023, 今年): a review reports what was done, so such a cue speaks for its own
    sentence only."""
    # (the part's role read here, not its kind: this is asked for each value and the cues before it)
    return part.years is not None and part.role.startswith("review") and int(cue.period[-4:]) > part.years[1]


class Periods:
    """Period of an offset: a cue in its own sentence, else the last lasting cue of its part, else
    the part's own period (from its heading), else the document's."""

    def __init__(
        self,
        cues: list[PeriodCue],
        sentences: Sentences,
        line_ends: Marks,
        clause_ends: Marks,
        default: str | None,
        lasting_before: PeriodCue | None = None,
    ) -> None:
        """``line_ends``, ``clause_ends``: the text's, as the segments stage found them (this stage's
        clause ends and full stops are some of those). ``lasting_before``: for a chunk of a longer text, the cue of
        the text before it that lasts to the chunk's start (``lasting_at`` there), its offsets made
        relative to the chunk."""
        self.text = sentences.text
        self.default = default
        self.line_ends = line_ends
        self._marks = clause_ends  # full stops and clause ends picked from it when first asked (full_stops)
        previous_sentence = -1
        for cue in cues:
            if cue.kind in ("base", "goal"):  # a statement of the year's goals dates what follows it
                continue
            sentence_start = sentences.bounds(cue.start)[0]
            if sentence_start == previous_sentence or not _opens(self.text, sentence_start, cue.start):
                cue.local = True
            previous_sentence = sentence_start
        self.cues = [lasting_before, *cues] if lasting_before else cues
        self.starts = [c.start for c in self.cues]
        # for each cue, the index of the last cue up to it that holds beyond its sentence (-1: none): _lasting
        # steps over the others at once
        self._not_local: list[int] = []
        last = -1
        for k, cue in enumerate(self.cues):
            if not cue.local:
                last = k
            self._not_local.append(last)
        self._explained: dict[tuple[int, int], str] = {}
        self._fates: dict[tuple[int, int], tuple[int, Part]] = {}

    @cached_property
    def full_stops(self) -> Marks:
        """The text's full stops (picked from its clause ends only where some value needs them: a base year
        before it in its clause, a year of a five-year review)."""
        return self._marks.only(FULL_STOPS)

    @cached_property
    def clause_ends(self) -> Marks:
        return self._marks.only(CLAUSE_END_CHARS)

    def at(self, offset: int, sentence_start: int, part: Part) -> tuple[str | None, PeriodCue | None]:
        """The period at ``offset`` and the cue it comes from (None: the part's or document's year)."""
        # (the index of the last cue ended at the offset, as _last_ended finds it, without the call: this is
        # done for every value)
        cues = self.cues
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and cues[i].end > offset:
            i -= 1
        j = i
        while j >= 0 and cues[j].start >= sentence_start:
            cue = cues[j]
            if (
                cue.kind != "base"
                and (cue.reach is None or offset <= cue.reach)
                and not (cue.kind == "within" and _ahead_of_review(cue, part))
            ):
                if cue.kind == "years":
                    period = self._years_in(cue.years, part)
                elif cue.kind == "preceding" and part.role == "review_year" and part.years:
                    period = str(part.years[0] - 1)  # 由上年的… in a review of one year: the year before it
                else:
                    period = self._with_base(cue, sentence_start, offset)
                break
            j -= 1
        else:
            cue = self._lasting(i, part, offset)
            period = cue.period if cue else part.period or self.default
        # (no _since_base call where no base cue ends before the offset: most values)
        return (self._since_base(period, i, offset) if i >= 0 and cues[i].kind == "base" else period), cue

    def _years_in(self, n: int, part: Part) -> str | None:
        """The N years a value is written over (三年新增…): from a plan's first year, up to a review's last
        year; in a part that is neither, the part's or the document's period (the count says not which years)."""
        if part.years and part.kind == "plan":
            return _span(part.years[0], part.years[0] + n - 1)
        if part.years and part.kind == "review":
            return _span(part.years[1] - n + 1, part.years[1])
        return part.period or self.default

    def lasting_at(self, offset: int, part: Part) -> PeriodCue | None:
        """The cue before ``offset`` that holds beyond its sentence there, in ``part``."""
        return self._lasting(self._last_ended(offset), part, offset)

    def _last_ended(self, offset: int) -> int:
        """The index of the last cue that ends at or before ``offset`` (-1: none)."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.cues[i].end > offset:
            i -= 1
        return i

    def _lasting(self, i: int, part: Part, offset: int) -> PeriodCue | None:
        """The last of cues[:i + 1] in ``part`` that holds beyond its sentence, at ``offset``."""
        # the years a part's heading names are the part's period, decided with its role
        after = part.heading_end if part.period else part.start
        cues, fates, not_local = self.cues, self._fates, self._not_local
        i = not_local[i] if i >= 0 else -1
        while i >= 0 and cues[i].start >= after:
            cue = cues[i]
            # whether the cue holds in the part: 0 not (_ahead_of_review), 1 up to where _within_review
            # ends it, 2 throughout; known once for a cue and a part (this is asked for each value and the
            # cues before it; the part kept with it, so that its id names it while the cache lives)
            key = id(cue), id(part)
            if (known := fates.get(key)) is None:
                fate = 0 if _ahead_of_review(cue, part) else 1 if self._ends_within(cue, part) else 2
                known = fates[key] = fate, part
            if known[0] == 2 or (known[0] == 1 and not self._within_review(cue, part, offset)):
                return cue
            i = not_local[i - 1] if i else -1
        return None

    def _ends_within(self, cue: PeriodCue, part: Part) -> bool:
        """Whether some offset in ``part`` can be past the reach of a lasting ``cue`` (_within_review)."""
        earlier = (
            part.role == "review_year"
            and part.years is not None
            and part.years[0] == part.years[1]
            and cue.period[:4].isdigit()
            and int(cue.period[:4]) < part.years[0]
        )
        return earlier or (part.role == "review_period" and cue.period.isdigit())

    def _within_review(self, cue: PeriodCue, part: Part, offset: int) -> bool:
        """A year named in a review of five years as its sentence's topic (2016年，全县生产总值…) speaks for its paragraph: past
        it, the part's years stand again (the review's other works are of the whole period). So does
        an earlier year or span named in a review of one year (2004年我们提出用三年时间… in a review of 2006;
        五年来，我们…, the term's close in a review of its last year): the paragraphs after it are of the
        reviewed year."""
        if not self._ends_within(cue, part):
            return False
        if part.role == "review_period" and not self.text.startswith(TOPIC_MARKS, cue.end):
            # a year inside its sentence's first clause (2010年全市生产总值完成…；全部财政收入…) dates that
            # sentence, up to its full stop, only; set off as the sentence's topic (刚刚过去的2010年，…) it
            # frames the paragraph
            return 0 <= self.full_stops.first_from(cue.end) < offset
        line_end = self.line_ends.first_from(cue.end)
        return 0 <= line_end < offset

    def _since_base(self, period: str | None, i: int, offset: int) -> str | None:
        """A year's value compared with an earlier base year in its clause (2016年…，比2011年增加8129元;
        是2011年的1.1倍) is the change over the years since the base: 2012-2016; so is a value of a
        span that starts in the base year (四年来…PM2.5浓度较2013年下降37.8% in 2013-2016 → 2014-2016)."""
        if period is None or i < 0 or self.cues[i].kind != "base":  # (most values: no base before them)
            return period
        first, _, last = period.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            return period
        end = int(last or first)
        while i >= 0 and self.cues[i].kind == "base" and self.cues[i].end <= offset:
            base = self.cues[i]
            if not 0 <= self.clause_ends.first_from(base.end) < offset and base.period.isdigit():
                year = int(base.period)
                if last:
                    # a span: a base at its first year narrows it, one before it widens it (人均国民生产总值比1980年
                    # 翻两番 in a review of 1996-2000 → 1981-2000): the change is over the years after the base
                    return _span(year + 1, end) if year <= int(first) < end else period
                return _span(year + 1, end) if year < end else period
            i -= 1
        return period

    def explain(self, cue: PeriodCue | None, part: Part) -> str:
        """Why a value has the period of ``cue`` in ``part``: written once for all the values it dates."""
        key = id(cue), id(part)
        if (said := self._explained.get(key)) is None:
            said = self._explained[key] = self._explain(cue, part)
        return said

    def _explain(self, cue: PeriodCue | None, part: Part) -> str:
        if cue is None:
            return f"the part's years ({part.heading[:20]})" if part.period else "the document's year"
        where = "its own sentence" if cue.local else "a sentence before"
        if cue.start < 0:  # carried into a chunk of a longer text from the text before it
            return f"{cue.kind} cue for {cue.period} in the text before, in {where}"
        return f"{cue.kind} cue {self.text[cue.start : cue.end]!r} at {cue.start}, in {where}"

    def _with_base(self, cue: PeriodCue, sentence_start: int, offset: int) -> str:
        """到2035年 with 比2020年 before the value in its sentence: the span after the base year (2021-2035)."""
        if cue.kind == "to":
            for other in self.cues[
                bisect_right(self.starts, sentence_start - 1) : bisect_right(self.starts, offset)
            ]:
                if other.kind == "base":
                    return f"{int(other.period) + 1}-{cue.period[-4:]}"
        return cue.period
