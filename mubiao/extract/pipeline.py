"""The public entry points of the extractor: find value mentions, then interpret each one
in its sentence, section and document."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from mubiao.extract.dates import find_publication_date
from mubiao.extract.interpret import (
    Head,
    annual_average,
    hedge_before,
    is_ellipsis,
    is_list_joiner,
    measure_of,
    parse_head,
    part_of,
    split_names,
)
from mubiao.extract.period import PeriodCue, find_period_cues
from mubiao.extract.segment import CLAUSE_END, Section, Sentences, clause_bounds, find_sections
from mubiao.extract.tables import TableValue, find_table_values
from mubiao.knowledge import load
from mubiao.numbers import Mention, find_mentions
from mubiao.record import Document, TargetRecord
from mubiao.regions import resolve_region
from mubiao.taxonomy import indicator_id, indicator_key

TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年[^\n]{0,30}?(?:政府工作报告|统计公报|国民经济和社会发展)")
# A statistical bulletin reports one year, named in its title, published the year after.
BULLETIN_TITLE = re.compile(r"((?:19|20)\d\d)年[^\n]{0,40}?统计公(?:报|告)")
TITLE_CHARS = 300
APPROX_VERBS = tuple(load("cues")["bounds"]["approx_verbs"])
ESTIMATE_WORDS = frozenset(load("cues")["hedges"]["estimate"])
COUNT_UNITS = frozenset({"count", "person", "person_time"})
NOUN_AFTER_COUNT = re.compile(r"[^，。；、,;：:的（(\d]{2,16}")


@dataclass(slots=True)
class _Context:
    """What one value inherits from the values before it in the same sentence."""

    head: Head
    names: list[str]
    list_index: int
    verb: str
    mention: Mention | None = None
    inherited: bool = False  # the names stand for the indicator named before (ellipsis)


def document_year(published: str | None, text: str) -> int | None:
    """The year 今年 means: the publication's, else the one a report's title names."""
    if published:
        return int(published[:4])
    m = TITLE_YEAR.search(text[:TITLE_CHARS])
    return int(m.group(1)) if m else None


def bulletin_year(text: str) -> int | None:
    """The year a statistical bulletin reports on, from its title; None for other documents."""
    m = BULLETIN_TITLE.search(text[:TITLE_CHARS])
    return int(m.group(1)) if m else None


# The first cue of a sentence sets the period of what follows when it opens the sentence: in its
# first clause, or after an address as short as this (“2025年是…”, “五年来，…”, “各位代表，刚刚过去的
# 2025年，…”). A cue further in (“国有企业效益明显好转，去年利润增长23.5%”) holds for its sentence only.
OPENING_CLAUSE_REACH = 6


def _opens(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether a cue stands in the opening of its sentence (see OPENING_CLAUSE_REACH)."""
    before = text[sentence_start:cue_start]
    breaks = [i for i, ch in enumerate(before) if ch in "，,：:"]
    return not breaks or (len(breaks) == 1 and breaks[0] <= OPENING_CLAUSE_REACH)


class _Periods:
    """Period of an offset: a cue in its own sentence, else the last lasting cue of its section."""

    def __init__(self, cues: list[PeriodCue], sentences: Sentences, default: str | None) -> None:
        self.text = sentences.text
        self.cues = cues
        self.starts = [c.start for c in cues]
        self.default = default
        previous_sentence = -1
        for cue in cues:
            if cue.kind == "base":
                continue
            sentence_start = sentences.bounds(cue.start)[0]
            if sentence_start == previous_sentence or not _opens(self.text, sentence_start, cue.start):
                cue.local = True
            previous_sentence = sentence_start

    def at(self, offset: int, sentence_start: int, section: Section) -> tuple[str | None, PeriodCue | None]:
        """The period at ``offset`` and the cue it comes from (None: the document's year)."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and self.cues[i].end > offset:
            i -= 1
        j = i
        while j >= 0 and self.cues[j].start >= sentence_start:
            cue = self.cues[j]
            if cue.kind != "base" and (cue.reach is None or offset <= cue.reach):
                return self._with_base(cue, sentence_start, offset), cue
            j -= 1
        while i >= 0 and self.cues[i].start >= section.start:
            if not self.cues[i].local:
                return self.cues[i].period, self.cues[i]
            i -= 1
        return self.default, None

    def explain(self, cue: PeriodCue | None) -> str:
        if cue is None:
            return "the document's year"
        where = "its own sentence" if cue.local else "a sentence before"
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


def _bounds(comparator: str, low: float | None, high: float | None, decrease: bool):
    """(comparator, low, high) with a decrease applied: the bound words bound the size of the fall."""
    if comparator in ("ge", "gt"):
        low, high = low, None
    elif comparator in ("le", "lt"):
        low, high = None, high
    if not decrease:
        return comparator, low, high
    flipped = {"ge": "le", "gt": "lt", "le": "ge", "lt": "gt"}.get(comparator, comparator)
    return flipped, (-high if high is not None else None), (-low if low is not None else None)


def _modality(
    section: Section, period: str | None, year: int | None, sentence: str, hedge: str | None, bulletin: bool
) -> tuple[str, str, str] | None:
    """The modality a sentence's own words and place decide, and why (a reason and the words that
    gave it); None when they do not."""
    if hedge in ESTIMATE_WORDS:
        return "estimate", "estimate word", hedge
    if bulletin:
        return "actual", "a statistical bulletin reports outcomes only", ""
    if period and year and int(period[-4:]) < year:
        return "actual", "the period was over when the text was written", period
    if section.kind == "review":
        return "actual", "review part", section.heading
    if section.kind == "plan":
        return "target", "plan part", section.heading
    actual, target = _modality_cues()
    if m := actual.search(sentence):
        return "actual", "outcome word in the sentence", m.group()
    if m := target.search(sentence):
        return "target", "goal word in the sentence", m.group()
    return None


def _prevailing_modality(text: str) -> str:
    """What a sentence with no cue of its own most likely states, judged by the whole text: a plan
    speech says 推动/力争 throughout, a news report 同比/已经."""
    actual, target = _modality_cues()
    return "actual" if len(actual.findall(text)) > len(target.findall(text)) else "target"


@cache
def _modality_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Sentence words that report an outcome (with the months of a progress report), and goal words."""
    cues = load("cues")["modality"]
    actual = "|".join([re.escape(w) for w in cues["actual"]] + [cues["progress"]])
    return re.compile(actual), re.compile("|".join(re.escape(w) for w in cues["target"]))


def extract_document(document: Document, trace: list[dict] | None = None) -> list[TargetRecord]:
    """Every target, outcome and estimate in ``document``, in text order. With ``trace``, one
    dict a record is appended to it, saying which words and rules decided its fields."""
    text = document.text
    published = document.published or find_publication_date(text)
    year = document_year(published, text)
    region, region_code = document.region, document.region_code
    if region and not region_code:
        found = resolve_region(region)
        region, region_code = (found.full_name, found.code) if found else (region, None)
    sections = find_sections(text)
    section_starts = [s.start for s in sections]
    sentences = Sentences(text)
    bulletin = bulletin_year(text)
    default_period = str(bulletin) if bulletin else (str(year) if year else None)
    periods = _Periods(find_period_cues(text, year), sentences, default_period)
    tables = find_table_values(text)
    rows = sorted({(v.row_start, v.row_end) for v in tables})
    mentions = [m for m in find_mentions(text) if not _inside(rows, m.start)]
    lists = _value_lists(text, mentions)

    records: list[TargetRecord] = []
    default_modality = None  # judged on the whole text, once, only if some sentence needs it
    last_modality, last_paragraph = None, -2
    context: _Context | None = None
    sentence_of_context = -1
    named_before: list[str] = []  # indicators named in the sentence so far, in order
    for index, mention in enumerate(mentions):
        section = sections[bisect_right(section_starts, mention.start) - 1]
        s_start, s_end = sentences.bounds(mention.start)
        if s_start != sentence_of_context:
            context, sentence_of_context, named_before = None, s_start, []
        context = _next_context(text, mention, context, s_start)
        indicator_text = _indicator_text(text, mention, context, named_before, lists[index])
        if mention.kind == "bare":  # a decimal with no unit: a ratio or an index, if its name says so
            mention.unit = _unit_of_bare_value(indicator_text)
            if mention.unit is None:
                continue
        if indicator_text and indicator_text not in named_before:
            named_before.append(indicator_text)
        measure, decrease = measure_of(
            context.verb, mention.unit, mention.kind, indicator_text, text[mention.end : mention.end + 8]
        )
        comparator = mention.comparator
        if comparator == "eq" and context.verb.startswith(APPROX_VERBS):
            comparator = "approx"  # 约占全国1/10, 约为全国平均的70%: 约 in the verb, apart from the number
        comparator, low, high = _bounds(comparator, mention.low, mention.high, decrease)
        before = text[s_start : mention.start]
        hedge = hedge_before(before, obtained_context=section.kind == "review")
        period, period_cue = periods.at(mention.start, s_start, section)
        period = _year_of_member(period, *lists[index], context.head.respectively)
        clause_start, clause_end = clause_bounds(text, mention.start, mention.end)
        paragraph = text.rfind("\n", 0, mention.start)
        decided = _modality(section, period, year, text[s_start:s_end], hedge, bulletin is not None)
        if decided is None:  # no cue of its own: as the sentence before in the paragraph, else the text's
            if paragraph == last_paragraph and last_modality:
                decided = last_modality, "as the sentence before in its paragraph", ""
            else:
                default_modality = default_modality or _prevailing_modality(text)
                decided = default_modality, "what the text as a whole states most", ""
        modality = decided[0]
        last_modality, last_paragraph = modality, paragraph
        head_start = max(clause_start, mention.start - 30)
        records.append(
            TargetRecord(
                doc=document.id,
                start=mention.start,
                end=mention.end,
                value_text=text[mention.start : mention.end],
                quote=text[clause_start:clause_end],
                indicator_text=indicator_text,
                indicator=indicator_id(indicator_text) if indicator_text else None,
                indicator_key=indicator_key(indicator_text),
                measure=measure,
                value_low=low,
                value_high=high,
                comparator=comparator,
                unit=mention.unit,
                modality=modality,
                period=period,
                annual_average=annual_average(text[head_start : mention.start], context.verb, period),
                hedge=hedge,
                region=region,
                region_code=region_code,
                published=published,
                page=document.page_at(mention.start),
            )
        )
        if trace is not None:
            trace.append(
                {
                    "value": records[-1].value_text,
                    "unit_written": mention.unit_text,
                    "section": section.heading[:30] or None,
                    "indicator_names": context.names,
                    "names_from_before": context.inherited,
                    "verb": context.verb,
                    "list": lists[index],
                    "period_from": periods.explain(period_cue),
                    "modality_from": f"{decided[1]} {decided[2][:20]}".strip(),
                }
            )
    if not tables:
        return records
    table_records = [
        _table_record(document, v, sections, section_starts, sentences, periods, year, bulletin)
        for v in tables
    ]
    for record in table_records:
        record.region, record.region_code, record.published = region, region_code, published
    if trace is not None:
        traced = list(zip(records, trace, strict=True))
        traced += [(r, {"value": r.value_text, "table_row": r.quote}) for r in table_records]
        traced.sort(key=lambda pair: pair[0].start)
        trace[:] = [why for _, why in traced]
        return [record for record, _ in traced]
    return sorted(records + table_records, key=lambda r: r.start)


def _inside(rows: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(rows, (offset, float("inf"))) - 1
    return i >= 0 and rows[i][0] <= offset < rows[i][1]


def _table_record(
    document: Document,
    value: TableValue,
    sections: list[Section],
    section_starts: list[int],
    sentences: Sentences,
    periods: _Periods,
    year: int | None,
    bulletin: int | None,
) -> TargetRecord:
    """A record for a number in a table: its row names the indicator, its column the measure."""
    text = document.text
    section = sections[bisect_right(section_starts, value.start) - 1]
    sentence_start = sentences.bounds(value.start)[0]
    period, _ = periods.at(value.start, sentence_start, section)
    decided = _modality(
        section, period, year, text[value.row_start : value.row_end], None, bulletin is not None
    )
    return TargetRecord(
        doc=document.id,
        start=value.start,
        end=value.end,
        value_text=text[value.start : value.end],
        quote=text[value.row_start : value.row_end],
        indicator_text=value.label,
        indicator=indicator_id(value.label),
        indicator_key=indicator_key(value.label),
        measure=value.measure,
        value_low=value.value,
        value_high=value.value,
        comparator="eq",
        unit=value.unit,
        modality=decided[0] if decided else "actual",
        period=period,
        page=document.page_at(value.start),
    )


def _value_lists(text: str, mentions: list[Mention]) -> dict[int, tuple[int, int]]:
    """Lists of values written one after another (15%、8%以上): each member's (position, list size),
    by index in ``mentions``. A bound word written once binds every member: after the list
    (分别增长15%、8%以上) or before it (迈上4万亿、5万亿两个台阶, 分别突破…)."""
    members: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and is_list_joiner(text[mentions[j].end : mentions[j + 1].start]):
            j += 1
        first, last = mentions[i], mentions[j]
        if last.trail:
            source = last
        elif first.comparator != "eq" and not first.trail:
            source = first
        else:
            source = None
        if j > i and source is not None:
            for member in mentions[i : j + 1]:
                if member.comparator == "eq" and member.unit == source.unit:
                    member.comparator = source.comparator
        for k in range(i, j + 1):
            members[k] = (k - i, j - i + 1)
        i = j + 1
    return members


def _year_of_member(period: str | None, position: int, size: int, respectively: bool) -> str | None:
    """2016年-2018年的营业收入分别为A、B、C: each value its own year."""
    if respectively and period and "-" in period and size > 1:
        first, last = (int(y) for y in period.split("-"))
        if last - first + 1 == size:
            return str(first + position)
    return period


def _next_context(text: str, mention: Mention, previous: _Context | None, sentence_start: int) -> _Context:
    start = max(sentence_start, previous.mention.end if previous and previous.mention else sentence_start)
    segment = text[start : mention.start]
    if previous and is_list_joiner(segment) and not (mention.lead and previous.mention.lead != mention.lead):
        return _Context(
            previous.head, previous.names, previous.list_index + 1, previous.verb, mention, previous.inherited
        )
    if previous and is_list_joiner(segment):
        # 新增1700公里、突破7000公里: a bound word of its own starts a new statement about the same thing
        return _Context(previous.head, previous.names, 0, "", mention, True)
    last_stop = next((i for i in range(mention.start - 1, start - 1, -1) if text[i] in CLAUSE_END), -1)
    fresh_clause = last_stop >= 0
    if fresh_clause:
        segment = text[last_stop + 1 : mention.start]
    head = parse_head(segment)
    names = head.names
    verb = head.verb
    same_unit = (
        previous is not None and previous.mention is not None and previous.mention.unit == mention.unit
    )
    if not fresh_clause and not verb and names and not all(map(is_ellipsis, names)) and previous:
        # 净增A 400家以上、B 2家以上 / 新增用户3.4亿、光缆线路550多万公里: a verb written once before a
        # list of pairs governs them all; one written after a value (增长16%) only where the unit is the same
        verb = previous.head.leading_verb or (previous.verb if same_unit else "")
    inherited = not names or all(map(is_ellipsis, names))
    if inherited:
        names = previous.names if previous else names
    elif previous and previous.names and len(names) == 1:
        names = [part_of(previous.names[-1], names[0])]
    return _Context(head, names, 0, verb, mention, inherited)


def _unit_of_bare_value(indicator_text: str) -> str | None:
    """城乡居民收入比降至2.2 → ratio; 公众满意度从84.7提升至89.6 → index; anything else is not a value."""
    for unit, endings in load("units")["bare_value_names"].items():
        if indicator_text.endswith(tuple(endings)):
            return unit
    return None


def _indicator_text(
    text: str, mention: Mention, context: _Context, named_before: list[str], member: tuple[int, int]
) -> str:
    if mention.unit in COUNT_UNITS and (context.inherited or not context.names):
        # a count names what it counts after itself (建成3000多个宜居宜业和美乡村)
        m = NOUN_AFTER_COUNT.match(text, mention.end)
        if m:
            return m.group().strip('“”"')
    position, size = member
    if context.head.respectively and context.inherited and 1 < size <= len(named_before):
        # 接待游客1850万人次，实现旅游总收入210亿元，分别增长15.3%和18.6%: the names written before
        return named_before[len(named_before) - size + position]
    names = split_names(context.names, context.head.respectively)
    if context.head.respectively and len(names) > 1:
        return names[min(context.list_index, len(names) - 1)]
    if names:
        return "、".join(names) if len(names) > 1 else names[0]
    return ""


def extract(
    text: str, published: str | None = None, region: str | None = None, doc: str = "-"
) -> list[TargetRecord]:
    """Records of ``text``; ``published`` (YYYY-MM-DD) anchors 今年/去年, else it is read from the text."""
    return extract_document(Document(text=text, id=doc, published=published, region=region))
