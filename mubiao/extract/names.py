"""The names stage: which indicator each value measures, read from the words before it in its
sentence (coordination, ellipsis, 分别) and, for a count, the noun after it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from typing import NamedTuple

from mubiao.extract.bases import RATE_UNITS
from mubiao.extract.doc import Context, Doc, Reading, new_context
from mubiao.extract.interpret import (
    BOUND_BEFORE_WHOLE,
    BOUND_BEFORE_WHOLE_ENDS,
    BRACKETS,
    LIST_JOINERS,
    Head,
    all_ellipsis,
    balanced,
    examples_at,
    flow_verbs,
    is_list_joiner,
    is_owned,
    object_verb,
    owner_of,
    parse_head,
    part_of,
    split_names,
    with_base,
)
from mubiao.extract.relative import growth_name
from mubiao.extract.segment import CLAUSE_END, MARKS, Marks, Occurrences, Sentences
from mubiao.extract.tables import TableValue
from mubiao.extract.trace import RecordTrace
from mubiao.knowledge import load
from mubiao.numbers import Mention
from mubiao.numbers.exclusions import COUNTED
from mubiao.numbers.numerals import LARGE_UNITS, SMALL_UNITS
from mubiao.taxonomy import indicator_id

_MARKS = load("marks")["names"]
_STOPS, _GLOSS_STOPS = re.escape(_MARKS["noun_stops"]), re.escape(_MARKS["gloss_stops"])
_OPEN, _CLOSE = "".join(pair[0] for pair in BRACKETS), "".join(pair[1] for pair in BRACKETS)
_QUOTE_OPEN, _QUOTE_CLOSE = _MARKS["quote_opening"], _MARKS["quote_closing"]
_JOINERS = re.escape(_MARKS["count_joiners"])
# Arabic digits, full-width too (the texts are narrowed where values are read, not where names are)
_DIGIT = "[0-9\uff10-\uff19]"
NOUN_CHAR = rf"[^{_STOPS}\d]"  # a character of the noun after a count: no mark, 的, bracket or digit
NOUN_AFTER_COUNT = re.compile(f"(?:{_MARKS['class_before_noun']})?" + NOUN_CHAR + "{2,24}")
# …with a gloss in brackets after its first word (16个县（市、区）整县建成美丽乡村, 2个村（社区）入选…) or a name in quotes
# holding digits (新建100个“15分钟高品质生活服务圈”), read after a unit's alternative in brackets written right after the
# count (建设8条（段）高速公路)
_NOUN_UNIT = (
    rf"[^{_STOPS}\d{_QUOTE_OPEN}]|[{_OPEN}][^{_CLOSE}{_GLOSS_STOPS}]{{1,8}}[{_CLOSE}]"
    rf"|{_QUOTE_OPEN}[^{_QUOTE_CLOSE}{_GLOSS_STOPS}]{{1,20}}{_QUOTE_CLOSE}"
)
_GLOSSED_NOUN = re.compile(
    rf"(?:{_QUOTE_OPEN}[^{_QUOTE_CLOSE}{_GLOSS_STOPS}]{{1,20}}{_QUOTE_CLOSE}(?:{_NOUN_UNIT}){{0,23}}"
    rf"|[^{_STOPS}\d{_QUOTE_OPEN}](?:{_NOUN_UNIT}){{1,23}})"
)
_UNIT_ALTERNATIVE = re.compile(rf"[{_OPEN}][^{_CLOSE}{_GLOSS_STOPS}]{{1,3}}[{_CLOSE}]")
# a code written with digits and Latin letters (5G, 4K) inside a noun: no value
_LETTER_CODE = re.compile(f"{_DIGIT}+[A-Za-z]+")
# (…and with a name in quotes: 新建100个“15分钟高品质生活服务圈”)
_GLOSS_OPENINGS = (*(pair[0] for pair in BRACKETS), _QUOTE_OPEN)
# how far after a whole (or its last part) its next part may be named (a bulletin lists the parts of an income
# over lines broken by page furniture), within its paragraph
PARTS_REACH = 200
# the longest act written before a later value of a list of acts and values sharing the noun after the last (改造提升)
PAIR_ACT_LENGTH = 6
# bound words written after a value (以上, 左右…)
_BOUNDS_AFTER = tuple(load("cues")["bounds"]["trailing"])
_HEAD = load("cues")["head"]
DE = _HEAD["de"]  # the particle between a value and the thing it is a quantity of
# the thing after a value and 的, without a count written before it (总投资35.6亿元的24个城建重点项目)
THING_AFTER_DE = re.compile(
    rf"(?:\d+[{_HEAD['counters_before_thing']}])?([^{re.escape(_MARKS['noun_stops'].replace(DE, ''))}]{{2,30}})"
)
# the next member of a list of counts and the nouns they count (、4个可信数据空间…, 21个专业群…), the noun caught
_NEXT_COUNTED = re.compile(
    rf"[{_JOINERS}]?[0-9\uff10-\uff19.\uff0e]+[{''.join(LARGE_UNITS)}]?[{''.join(load('numerals')['scan']['more'])}]?"
    rf"[{_HEAD['counters_of_list']}]([^{_STOPS}\d{_JOINERS}]{{1,24}})"
)
# the words of a clause up to its end (or a list mark), no number in them
_LIST_MARK = re.escape(load("marks")["enumeration"])
_CLAUSE_REST = re.compile(rf"[^{_STOPS}\d{_LIST_MARK}]{{2,16}}(?=[{_STOPS}{_LIST_MARK}]|$)")
# the funds an amount is, written right after it (384亿元救灾款)
FUNDS_AFTER = re.compile(rf"[^{_STOPS}\d{_JOINERS}]{{1,12}}")
# the thing a verb acts on written after a count, its owners and 的 (解决4800多万农村人口的饮水安全问题)
OBJECT_AFTER_DE = re.compile(NOUN_CHAR + "{2,20}")
# a part's name takes the words of the whole before the ending they share when they are this many or more
# (金融机构人民币 + 住户存款), not two (货物周转量, then 旅客周转量: no part of it)
PART_PREFIX = 3
# the longest name of a part (a sector, 畜牧业, 第三产业) named with its whole's head after the whole (whole_parts)
PART_NAME_SIZE = 6
# the most terms of a proportion of values joined by colons (三次产业结构为2.9 : 30.7 : 66.4) read as one
PROPORTION_TERMS = 4
# how far before the first value of a list its mark's words are looked for: 从/由 of a baseline, 累计 of a stock
BASELINE_REACH = 12
MARK_REACH = 30
# the longest subject of a clause without a value that a part's head alone after it takes (粮食连续五年增产，总产量…)
SUBJECT_SIZE = 14
# the longest words of a place or scope written right before a count of things named after it (长江沿线2处重点涵闸)
SCOPE_SIZE = 8
# the lists of names before the values of a batch repeat (建成, 新增, 城镇、农村居民人均可支配收入分别): what one says
# of the values after it is read once in this many
NAMES_KEPT = 4096


def read_names(doc: Doc) -> None:
    """One Reading a value, with its indicator's text; a bare decimal whose name is no ratio or
    index is dropped here. The values of tables are named by their rows."""
    name_table_rows(doc.tables)
    structure = doc.structure
    text, sentences, clause_ends = name_view(doc)
    joints = colon_joints(text, doc.mentions)
    context: Context | None = None
    sentence_of_context = -1
    named_before: list[str] = []  # indicators named in the sentence so far, in order
    owner = ("", -1)  # the things the last count (not of people) of the paragraph counted, and where
    whole = (
        "",
        -1,
    )  # the words before the last whole of named parts of the paragraph, and where (named_parts)
    sectors = ("", -1)  # the head of the parts of the last whole of whole_parts in the paragraph, and where
    # the last investment of projects named with them (project_quantity): as parsed, as named, the words of its id; and
    # where the last quantity owned by the things counted before it is
    projects = ("", "", "", -1)
    rare = _rare_cues()
    trims = _trim_cues()
    cumulative = _marks()["cumulative_mark"]  # （累计）
    # the values are in text order: their sentences and parts are walked through in step with them, not
    # looked up for each value
    sentence, parts, part_index = (0, -1), structure.parts, 0
    next_part = parts[1].start if len(parts) > 1 else len(text)  # (part_at's part: the last started)
    last_end = -1  # where the value before ends
    # where the words a name mark needs before its value start (从, 由, 累计): name_mark runs only near one
    mark_cues = sorted(
        chain.from_iterable(
            Occurrences(text, word).starts for word in (*_marks()["from_words"], _marks()["cumulative"])
        )
    )
    for index, mention in enumerate(doc.mentions):
        if mention.start > sentence[1]:
            sentence = sentences.bounds(mention.start)
        while mention.start >= next_part and part_index + 1 < len(parts):
            part_index += 1
            next_part = parts[part_index + 1].start if part_index + 1 < len(parts) else len(text)
        s_start = sentence[0]
        if s_start != sentence_of_context:
            context, sentence_of_context, named_before = None, s_start, []
        context = next_context(text, clause_ends, mention, context, s_start)
        member = doc.lists[index]
        previous_end, last_end = (last_end if last_end > s_start else -1), mention.end
        name, written = indicator_text(text, mention, context, named_before, member, previous_end)
        if (
            context.head.leading_verb
            and name
            and (joined := joined_acts_name(text, s_start, mention.start, context, name))
        ):
            name, written = joined, written or name  # the id is read from the second act's name, as written
        # the rules trimming a name's start and end run only where their cue is written (read once, trims)
        if name[:1] in trims.manner_firsts:
            name = without_manner_opening(name)
        if trims.note_opening.search(name):
            name = without_note_marks(name)
        if mention.unit in trims.funds_units and (issued := issued_after(text, mention, name)):
            name = issued
        if rare.examples in name:
            name = without_examples(name)
        if rare.total in name:
            name = without_total(name)
        if rare.achieve in name and (achieved := without_achieve(name)) != name:
            # the id is read from the name as written where the name without the verb has none
            written = written or (name if not indicator_id(achieved) and indicator_id(name) else "")
            name = achieved
        if rare.completion in name:
            name = without_completion(name)
        # the rare rules run only where their cue is written (a rule's own test of it stays: it is its rule)
        if rare.layout_marks.search(name):
            name = tidy(name)
        owned_head = (
            next((h for h in context.owned_heads if name.endswith(h)), "") if context.owned_heads else ""
        )
        if owned_head and not written and not indicator_id(name):
            # 国有企业效益明显好转，利润… → 国有企业利润: the id is read from the quantity as written where the
            # owner's name has none
            written = owned_head
        if context.head.base:
            name = with_base(name, context.head.base)
        if text.startswith(DE, mention.end):
            name, written = named_after_de(text, mention, name) or (name, written)
        # the words since the value before
        before_value = text[previous_end if previous_end > s_start else s_start : mention.start]
        if named_before and (rare.share_of_whole in before_value or before_value.startswith(rare.openings)):
            name = share_of_named(before_value, named_before) or name
            name = scoped(before_value, name, named_before)
        elif named_before and named_before[-1].endswith(rare.closings):
            name = still_scoped(before_value, name, named_before[-1])
        if mention.unit == "%" and rare.share_of_whole in name:
            name = share_of_whole(name, mention.unit)
        elif (
            mention.unit == "%"
            and name[-1:] in BOUND_BEFORE_WHOLE_ENDS
            and (bounded := BOUND_BEFORE_WHOLE.search(name))
            and bounded.start()
        ):
            # 光伏产业规模接近全国 + 十分之一 → 光伏产业规模占全国比重: the bound word is the comparator's (measures)
            mark, share = load("cues")["indicator"]["share_of_whole"]
            name = name[: bounded.start()] + mark + bounded["whole"] + share
        elif mention.unit == "person":
            name = people_counted(name, NOUN_AFTER_COUNT.match(text, mention.end))
        elif mention.unit_text in _medals():
            name = medal_won(name, mention.unit_text, text.startswith(name, mention.end), named_before)
        if (
            name
            and context.verb in _word_set("flows_after_name")
            and mention.unit not in RATE_UNITS
            and not context.inherited
            and text.endswith(name + context.verb, 0, mention.start)
        ):
            # 棚户区改造开工23.5万套 → 棚户区改造开工: the flow is the count's, as 新建 before a name is; the id is read
            # from the name without it
            name, written = name + context.verb, written or name
        if (
            mention.unit == "%"
            and name
            and (spent := share_spent(text, mention.end))
            and spent[:2] not in name
        ):
            name += spent  # 财政支出八成以上投向民生领域 → 财政支出投向民生领域比重 (not a name read after the value)
        last = name[-1:]  # the rare rules' endings are looked for only after a name ending as one does
        if (
            last in rare.last_of_endings
            and name.endswith(rare.obtained_things)
            and (act := obtained(text, s_start, mention.start, name)) != name
        ):
            name, written = act, written or name  # the id is read from the funds as written
        if (
            index
            and name.endswith(rare.obtained_things)
            and (carried := obtained_in_list(text, doc.readings, s_start, name, context.inherited)) != name
        ):
            name, written = carried, written or name  # 争取A资金…、B资金35.33亿元 → 争取B资金
        if (
            name[-1:] in rare.last_of_new_flows
            and (issued := new_flow_name(text, s_start, mention, name)) != name
        ):
            # 新增科创企业贷款400.5亿元、增长19.3% → 新增科创企业贷款 (both)
            name, written = issued, written or name
        owned = is_owned(name)
        if owned and not context.inherited and owner_in_reach(doc, text, owner[1], mention.start):
            # 普通小学642所，在校学生111.8万人: the school's students; the id is read from the quantity as
            # written where the owner's name has none (新签约项目…、总投资… → project_total_investment)
            owned = without_acts(without_aside(owner[0])) + name
            written = written or ("" if indicator_id(owned) else name)
            name, projects = owned, (*projects[:3], mention.start)
        elif name and not owned and (mention.unit == "count" or owner_of(name)):
            owner = (owner_of(name) or name, mention.start)
        if name in rare.project_heads:
            # 实施广东对口支援项目44个、完成投资4.8亿元 → 广东对口支援项目完成投资: the investment of the projects
            # counted by the value before it (or owning it), as written (完成投资, 年度投资); the id is read from the
            # bare head where the owned name has none
            if (
                context.inherited
                and name == projects[0]
                # (the projects' quantity in its paragraph and sentence: not one of a paragraph before)
                and owner_in_reach(doc, text, projects[3], mention.start)
            ):
                name, written = projects[1], written or projects[2]
            elif (
                index
                and doc.mentions[index - 1].start in (owner[1], projects[3])
                and (phrase := project_quantity(before_value, name, owner[0]))
            ):
                owned = without_acts(owner[0]) + phrase
                written = written or ("" if indicator_id(owned) else name)
                name, projects = owned, (name, owned, written, mention.start)
        if (
            mention.start - whole[1] < PARTS_REACH
            and name in _named_parts()  # (part_of_whole's own test, before the paragraph is searched)
            and not _paragraph_end().search(text, whole[1], mention.start)
        ):
            part = part_of_whole(whole[0], name)  # 其中工资性收入30974元 → 城镇居民人均工资性收入
            if part != name:  # the id is still read from the part as written
                name, written, whole = part, written or name, (whole[0], mention.start)
        last = name[-1:]
        if (
            last in rare.last_of_endings
            and name.endswith(rare.wholes_of_named_parts)
            and (prefix := whole_prefix(name))
        ):
            whole = (prefix, mention.start)
        if (sectors[0] and mention.start - sectors[1] < PARTS_REACH) or (
            last in rare.last_of_endings and name.endswith(rare.wholes_of_sectors)
        ):
            name, written, sectors = named_as_sector(text, mention, name, written, sectors)
        if (
            mention.unit not in COUNTED
            and is_bare(name)
            and (listed := part_in_list(text, doc.readings, mention.start, name))
        ):
            # 其中，轻工业下降4.7% → 轻工业增加值; the id is read from the part as written where it has one (食品烟酒类)
            name, written = listed, written or (name if indicator_id(name) else "")
        run = colon_run(joints, len(doc.mentions), index) if joints else (index, index)
        if run[0] != run[1]:
            name = industry_share(text, doc.mentions, run, index, s_start) or name
        # 碳市场累计交易5421.8万吨 → 碳市场交易（累计）: 累计 inside a name marks the stock (name_mark), as before it
        if name.find(rare.cumulative, 1) > 0:
            name = name[:1] + name[1:].replace(rare.cumulative, "", 1)
        if mention.kind == "bare":  # a decimal with no unit: a ratio or an index, if its name says so
            mention.unit = unit_of_bare_value(name)
            if mention.unit is None:
                continue
        if (
            mention.unit == "pp"
            and previous_end > s_start
            and rate_change_of_growth(text, doc.mentions[index - 1], before_value)
        ):
            name = growth_rate_name(name)
        if name and name not in named_before:
            named_before.append(name)
        part = parts[part_index]  # (structure.part_at(mention.start))
        # (positional, in the order of RecordTrace's fields: keywords cost its __init__ twice the time)
        trace = RecordTrace(
            text[mention.start : mention.end],  # value
            mention.unit_text,  # unit_written
            part.heading[:30] or None,  # part
            context.names,  # indicator_names
            context.inherited,  # names_from_before
            context.verb,
            member,  # list_position
        )
        if owned_head:
            trace.add(
                "names",
                "a part's head owned by the words before it (a clause's subject, the value before)",
                name,
            )
        first = doc.mentions[index - member[0]] if member[1] > 1 else doc.mentions[run[0]]
        near = bisect_left(mark_cues, first.start - MARK_REACH)
        mark, why = (
            name_mark(text, clause_ends, doc.mentions, run, index, member, s_start, name)
            if near < len(mark_cues) and mark_cues[near] < first.start
            else ("", "")
        )
        if (
            not mark
            and not context.inherited
            and doc.readings
            and doc.readings[-1].name_mark == cumulative
            and governed_by_cumulative(doc, mention)
        ):
            # 累计完成营造林2709万亩、国土空间生态修复353万亩: 累计 governs the pairs of its clause
            mark, why = cumulative, f"a stock written in a clause opened by {cumulative}"
        if mark == cumulative and context.inherited:
            # 新建绿道137公里、累计达到2136公里: the stock is of all greenways (not 累计建成5座…: the act is its own)
            name = without_act(name, before_value)
        if mark:
            trace.add("names", why, mark)
        doc.readings.append(
            Reading(
                mention,
                sentence if sentences is doc.sentences else doc.sentences.bounds(mention.start),
                part,
                member,
                context,
                name,
                trace,
                mark,  # name_mark
                measured_name(name, written),
            )
        )


_GROWTH_RATE_CHANGE = load("cues")["indicator"]["growth_rate_change"]
_RATE_CHANGE = re.compile(_GROWTH_RATE_CHANGE["rate_change"])


def rate_change_of_growth(text: str, previous: Mention, between: str) -> bool:
    """Whether points written right after a growth (…增长5.6%，比上年提高3.6个百分点) change the growth rate."""
    return (
        previous.unit == "%"
        and text.endswith(_GROWTH_RATE_CHANGE["growth_verb"], 0, previous.start)
        and _RATE_CHANGE.fullmatch(between) is not None
    )


_RATE_NAMES = tuple(_GROWTH_RATE_CHANGE["rate_endings"])


def growth_rate_name(name: str) -> str:
    """The name of an indicator's growth rate (relative.growth_name: 地区生产总值 → 地区生产总值增速); a name of a rate
    or an index stays."""
    return name if not name or name.endswith(_RATE_NAMES) else growth_name(name)


_ACTS_JOINERS = tuple(load("cues")["measure"]["acts_joiners"])
# the verbs of the cue families of acts, one of which opens the second of two joined acts
_ACT_VERBS = tuple(
    chain.from_iterable(
        load("cues")["indicator"][family]
        for family in (
            "object_verbs",
            "flow_verbs",
            "leading_verbs",
            "acts_before_counts",
            "object_after_count_verbs",
        )
    )
)


def joined_acts_name(text: str, s_start: int, start: int, context: Context, name: str) -> str:
    """新增、改造绿地307万平方米 → 新增、改造绿地: a change verb joined to another act (measures: a level) stays in the name
    with the joiner, as the thing both acts touched is named; "" where the words before the value are not so written, or
    the name opens with no act (新案零增长、陈案销号4件: the verb ends the pair before)."""
    lead = context.head.leading_verb
    if not name.startswith(_ACT_VERBS):
        return ""
    return next(
        (lead + j + name for j in _ACTS_JOINERS if text.endswith(lead + j + name, s_start, start)),
        "",
    )


@dataclass(frozen=True, slots=True)
class RareCues:
    """The cues of the rules that hold for few values, read once: read_names runs such a rule for a value
    only where its cue is written (the rule still tests it: it is its rule)."""

    layout_marks: re.Pattern[str]  # tidy: the first character of a page number's mark, or a space
    share_of_whole: str  # share_of_named: 占 in the words before the value
    openings: tuple[str, ...]  # scoped: a bracket opened right after the value before
    closings: tuple[str, ...]  # still_scoped: the name before ends in a bracket
    obtained_things: tuple[str, ...]  # obtained: funds, quotas, bonds ending the name
    wholes_of_named_parts: tuple[str, ...]  # whole_prefix: 可支配收入 ending the name
    wholes_of_sectors: tuple[str, ...]  # named_as_sector: a whole of whole_parts ending the name
    cumulative: str  # 累计 inside a name
    project_heads: frozenset[str]  # project_quantity: 投资 as a name
    examples: str  # without_examples: 等 inside a name
    achieve: str  # without_achieve: 实现 inside a name
    completion: str  # without_completion: 完成 inside a name
    total: str  # without_total: 共 inside a name
    # the last characters of obtained_things, wholes_of_named_parts and wholes_of_sectors
    last_of_endings: frozenset[str]
    last_of_new_flows: frozenset[str]  # new_flow_name: the last characters of the flows' and shares' names


@cache
def _rare_cues() -> RareCues:
    cues = load("cues")["indicator"]
    return RareCues(
        layout_marks=re.compile(f"[{re.escape(cues['page_number_mark'][:1] + _SPACES)}]"),
        share_of_whole=cues["share_of_whole"][0],
        openings=tuple(pair[0] for pair in BRACKETS),
        closings=tuple(pair[1] for pair in BRACKETS),
        obtained_things=_obtained_things(),
        wholes_of_named_parts=_wholes_of_named_parts(),
        wholes_of_sectors=_wholes(),
        cumulative=cues["cumulative"],
        project_heads=frozenset(cues["project_heads"]),
        examples=cues["examples_mark"],
        achieve=cues["achieve_verbs"][-1],
        completion=cues["completion_verb"],
        total=cues["total_adverb"],
        last_of_endings=frozenset(
            word[-1] for word in (*_obtained_things(), *_wholes_of_named_parts(), *_wholes())
        ),
        last_of_new_flows=frozenset(word[-1] for word in chain(*_issued()[:2])),
    )


# spaces a layout left between two characters of a name (全市“6+3”现代产业集群营业 收入, “四 上”企业), no part of it
_LAYOUT_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff\u201c\u201d\uff08\uff09A-Za-z])[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff\u201c\u201d\uff08\uff09])"
)


def tidy(name: str) -> str:
    """A name without a page number a layout left inside it (一 — 1 — 般公共预算收入, page_number) and without
    the spaces between its characters, but for a space between the phrases of a quoted slogan (“技兴齐鲁 乐业山东”,
    not “四 上”)."""
    if load("cues")["indicator"]["page_number_mark"] not in name and not _SPACE.search(name):
        return name  # most names: nothing a layout left in them
    parts = _QUOTED.split(_page_number().sub("", name))
    kept = [
        part if _QUOTED.fullmatch(part) and _phrases(part) else _LAYOUT_SPACE.sub("", part) for part in parts
    ]
    # 改善提升 “四好农村路”: a space next to a quote is the layout's too
    return _QUOTE_SPACE.sub("", "".join(kept))


def without_note_marks(name: str) -> str:
    """新增“四上”企业（2）1159家 → “四上”企业, 新建农村“三路”[8]631公里 → 新建农村“三路”: a name without the marks of
    notes written after its words (note_mark)."""
    return _note_mark().sub("", name)


class TrimCues(NamedTuple):
    """The cues of the rules trimming a name's start and end, read once for all the values of a document."""

    manner_firsts: frozenset[str]  # without_manner_opening: the first characters of manner_adverbs
    note_opening: re.Pattern[str]  # without_note_marks: a bracket that may open a note's mark (note_openings)
    funds_units: frozenset[str]  # issued_after: amounts of money


@cache
def _trim_cues() -> TrimCues:
    cues = load("cues")["indicator"]
    return TrimCues(
        frozenset(_manner_adverbs().by_first),
        re.compile(f"[{re.escape(cues['note_openings'])}]"),
        _funds_units(),
    )


@cache
def _note_mark() -> re.Pattern[str]:
    return re.compile(load("cues")["indicator"]["note_mark"])


# a space of any width, where a layout may have left one
_SPACES = " \t\u3000\u00a0"
_SPACE = re.compile(f"[{_SPACES}]")
# a quoted span of a name, and a space between two phrases of two characters or more inside one
_QUOTED = re.compile("(\u201c[^\u201d]*\u201d)")
_PHRASE_SPACE = re.compile("[\u4e00-\u9fff]{2}[ \u3000]+[\u4e00-\u9fff]{2}")
_QUOTE_SPACE = re.compile(
    "(?<=[\u4e00-\u9fff])[ \u3000\u00a0]+(?=\u201c)|(?<=\u201d)[ \u3000\u00a0]+(?=[\u4e00-\u9fff])"
)


def _phrases(quoted: str) -> bool:
    return bool(_PHRASE_SPACE.search(quoted))


@cache
def _page_number() -> re.Pattern[str]:
    return re.compile(load("cues")["indicator"]["page_number"])


def _has_page_number(text: str) -> bool:
    """Whether a page number stands in ``text``: looked for at each mark a page number is written
    between (page_number_mark), found by a search of the text for the mark (no pattern is tried at
    every character)."""
    mark = load("cues")["indicator"]["page_number_mark"]
    at = text.find(mark)
    while at >= 0:
        if _page_number().match(text, at):
            return True
        at = text.find(mark, at + 1)
    return False


def name_view(doc: Doc) -> tuple[str, Sentences, Marks]:
    """The text names are read in, with its sentences and clause ends: the document's, but where a page
    number a layout left breaks a sentence (城镇污水处\n— 16 —\n理率93.9%), the number blanked out (one
    space a character: offsets hold) so that the sentence and its names run on across it."""
    text = doc.structure.masked(doc.text)  # the furniture a capture writes among the sentences, blanked
    if not _has_page_number(text):
        return text, doc.sentences, doc.clause_ends
    text = _page_number().sub(lambda m: " " * len(m.group()), text)
    return text, Sentences(text), Marks(text, CLAUSE_END)


def name_table_rows(values: list[TableValue]) -> None:
    """A table row's name: its label without time words (全年货物周转量 → 货物周转量) and with what the
    table's level column measures (汽车 under 产量 → 汽车产量); a part of the row above it (marked #, or
    following such a part) is named within it: 金融机构人民币存款余额 / #住户存款 → 金融机构人民币住户存款,
    全年货物周转量 / #铁路 → 铁路货物周转量, 地区生产总值 / 第一产业 → 第一产业增加值 (whole_parts)."""
    rows: dict[int, list[TableValue]] = {}
    for value in values:
        rows.setdefault(value.row_start, []).append(value)
    whole, in_parts, table = "", False, -1
    for row in rows.values():
        if row[0].table != table:
            whole, in_parts, table = "", False, row[0].table
        label = _MARKS["count_joiners"][0].join(parse_head(row[0].label).names) or row[0].label
        head = next((v.column_head for v in row if v.column_head), "")
        if whole and (row[0].child or in_parts or whole in _whole_parts()) and _is_part(whole, label):
            name, in_parts = part_name(whole, label), True
        else:
            name = label if label.endswith(_quantity_endings()) else label + head
            whole, in_parts = name, False
        for value in row:
            value.name = name


def _is_part(whole: str, label: str) -> bool:
    """第一产业 under 地区生产总值, 公路 under 货物周转量: a part says no quantity of its own, or names
    the whole's (中长期贷款余额 under 金融机构人民币贷款余额)."""
    if label.startswith(whole[:2]):
        return False  # 金融机构人民币存款余额, then 金融机构人民币贷款余额: a whole of its own
    at, size = _shared_tail(whole, label)
    return not label.endswith(_quantity_endings()) or (at >= PART_PREFIX and 2 * size >= len(label))


def _shared_tail(whole: str, label: str) -> tuple[int, int]:
    """Where the longest ending of ``label`` (two characters or more) stands in ``whole``, and its
    length; (-1, 0) if none."""
    for size in range(len(label) - 1, 1, -1):
        at = whole.find(label[-size:])
        if at >= 0:
            return at, size
    return -1, 0


def part_name(whole: str, label: str) -> str:
    at, _ = _shared_tail(whole, label)
    if at >= PART_PREFIX:
        return whole[:at] + label  # 金融机构人民币 + 住户存款
    if whole in _whole_parts():
        return label + _whole_parts()[whole]  # 第一产业 + 增加值
    head = next((h for h in _words_of("shared_heads") if whole.endswith(h)), "")
    return label + head  # 铁路 + 货物周转量


def is_bare(name: str) -> bool:
    """轻工业, 商品混凝土: a name that says no quantity of its own (none of the endings that say one, heads of parts
    among them)."""
    cues = _part_list_cues()
    return bool(name) and not name.endswith(cues.quantity_endings)


class PartListCues(NamedTuple):
    openers: tuple[str, ...]  # 其中, 分行业看
    whole_clause: re.Pattern[str]  # 主要工业产品产量中，
    whole_clause_end: re.Pattern[str]  # 中， (what ends such a clause: looked for first, cheaply)
    heads: tuple[str, ...]  # the heads a whole's parts take (增加值, 产量), longest first
    quantity_endings: tuple[str, ...]  # the endings of a name that says its own quantity, or is a head
    stops: tuple[str, ...]  # the full stops that close a list
    kinds: tuple[str, ...]  # the endings of the parts an opener lists (轻工业, 衣着类)
    not_kinds: tuple[str, ...]  # names so ending that are none (企业, 就业)


@cache
def _part_list_cues() -> PartListCues:
    cues = load("cues")["indicator"]
    heads = tuple(sorted({*cues["partial_heads"], *cues["shared_heads"]}, key=len, reverse=True))
    clause_end = f"(?:{cues['part_list_whole']})[{re.escape(_MARKS['part_list_ends'])}]"
    return PartListCues(
        tuple(cues["part_list_openers"]),
        re.compile(f"([^{re.escape(_MARKS['part_name_stops'])}\\d]{{2,30}}?){clause_end}"),
        re.compile(clause_end),
        heads,
        (*cues["quantity_endings"], *cues["quantity_words"], *heads),
        tuple(load("structure")["chunks"]["after"]),
        tuple(cues["listed_part_endings"]),
        _word_tuple("not_sector_endings"),
    )


def part_in_list(text: str, readings: list[Reading], start: int, label: str) -> str:
    """全年规模以上工业增加值增长8.8%。其中，轻工业下降4.7% → 轻工业增加值: a part named bare in a list opened by
    a word of part_list_openers after its whole (the value before the word; a sector or class, listed_part_endings),
    or by a clause naming the whole
    (主要工业产品产量中，商品混凝土… → 商品混凝土产量), with no full stop since, takes the whole's head, or the whole's
    name where it ends in none (其中，衣着类下降1.8% → 衣着类居民消费价格); "" where no list is open."""
    cues = _part_list_cues()
    low = max(start - PARTS_REACH, text.rfind("\n", 0, start) + 1)
    low = max(low, *(text.rfind(stop, low, start) + 1 for stop in cues.stops))
    words = text[low:start]
    at = max(words.rfind(opener) for opener in cues.openers)
    # the last clause naming a whole after the opener (its end looked for first: most values have none before them)
    named = (
        next(reversed(list(cues.whole_clause.finditer(words, max(at, 0)))), None)
        if cues.whole_clause_end.search(words, max(at, 0))
        else None
    )
    if named is not None:
        head = next((h for h in cues.heads if named.group(1).endswith(h)), "")
    elif at >= 0 and label.endswith(cues.kinds) and not label.endswith(cues.not_kinds):
        opener = low + at
        before = next((r for r in reversed(readings) if r.mention.start < opener), None)
        if (
            before is None
            or opener - before.mention.end > PARTS_REACH
            or _paragraph_end().search(text, before.mention.end, opener)
        ):
            return ""
        whole = before.indicator_text
        head = next((h for h in cues.heads if whole.endswith(h) and not h.endswith(cues.not_kinds)), "")
        if not head and not whole.endswith((*cues.kinds, *cues.not_kinds)):
            head = whole  # (五大先进制造业…，其中电子信息产业…: a whole that is itself a set of sectors says no quantity)
    else:
        return ""
    if not head or head in label or label in head:
        return ""
    return label + head


@cache
def _paragraph_end() -> re.Pattern[str]:
    """A full stop ending a line: no part is named across it (nor is a long text cut elsewhere, chunks.py)."""
    marks = "".join(load("structure")["chunks"]["after"])
    return re.compile(f"[{re.escape(marks)}][ \\t\\u3000]*\\n")


@cache
def _whole_parts() -> dict[str, str]:
    return load("cues")["indicator"]["whole_parts"]


@cache
def _wholes() -> tuple[str, ...]:
    return tuple(_whole_parts())


@cache
def _quantity_endings() -> tuple[str, ...]:
    return tuple(load("cues")["indicator"]["quantity_endings"])


@cache
def _words_of(family: str) -> list[str]:
    return sorted(load("cues")["indicator"][family], key=len, reverse=True)


def next_context(
    text: str, clause_ends: Marks, mention: Mention, previous: Context | None, sentence_start: int
) -> Context:
    start = sentence_start  # (no max(): a builtin call costs more than the test, for every value)
    if previous is not None and previous.mention is not None and previous.mention.end > start:
        start = previous.mention.end
    segment = text[start : mention.start]
    if segment.startswith(_value_closers()) and start > sentence_start:
        # (start is then the end of the value before: the mark is that value's)
        segment = segment[len(next(w for w in _value_closers() if segment.startswith(w))) :]
    if previous and is_list_joiner(segment):
        if not (mention.lead and previous.mention.lead != mention.lead):
            return new_context(
                Context,
                (
                    previous.head,
                    previous.names,
                    previous.list_index + 1,
                    previous.verb,
                    mention,
                    previous.inherited,
                    previous.owned_heads,
                ),
            )
        # 新增1700公里、突破7000公里: a bound word of its own starts a new statement about the same thing
        return new_context(
            Context, (previous.head, previous.names, 0, "", mention, True, previous.owned_heads)
        )
    last_stop = clause_ends.last_before(mention.start)
    fresh_clause = last_stop >= start
    if fresh_clause:
        segment = text[last_stop + 1 : mention.start]
        closing = BRACKETS[0][1]
        if closing in segment and segment.count(closing) > segment.count(BRACKETS[0][0]):
            # …2650.6亿元（不含定州，下同）、增长9%: the end of a bracketed aside names nothing
            segment = segment[segment.rindex(closing) + 1 :]
            fresh_clause = not is_list_joiner(segment.rstrip()) or previous is None
            if fresh_clause:
                # 广义货币M2（注：M2为M右下角加2）预期增长12%左右: an aside holding a clause mark is no clause of the
                # sentence; the words before it are the subject of the words after it
                after_value = previous.mention.end if previous else -1
                segment = aside_subject(text, clause_ends, last_stop, after_value) + segment
    head = parse_head(segment)
    if (
        fresh_clause
        and segment.startswith(_rare_cues().share_of_whole)
        and (owned := shares_of_clause_before(text, clause_ends, start, last_stop, segment))
    ):
        # 经济总量连续跨过3个万亿元大关，占全国比重由…: the share is of the subject of the clause before
        head = Head(owned, head.verb, head.respectively, head.leading_verb, head.flow, head.base)
    if fresh_clause and not head.names and head.respectively and previous is None:
        # 引进省外资金、技术、人才，分别增长29％、…: the names are the clause's before the comma
        before = parse_head(text[max(start, clause_ends.last_before(last_stop) + 1) : last_stop])
        head = Head(before.names, head.verb, True, head.leading_verb, head.flow, head.base)
    names = head.names
    if fresh_clause and not names and previous is None and segment.startswith(_marks()["from_words"]):
        # 城镇居民家庭人均可支配收入，由1997年的5160元增加到…: a change from a baseline is of the subject of the clause
        # before, a clause with no value of its own
        subject = subject_before(text, clause_ends, sentence_start, last_stop, cut=False)
        names = [subject] if subject else names
    if names and names[-1].endswith(_word_tuple("name_tails")):
        # 全社会固定资产投资力争 → 全社会固定资产投资; 、力争: no name (the one before); 累计有: kept (no name, but none inherited)
        names = [t or n for n in names if (t := without_tail(n)) or n not in _word_set("commitment_tails")]
    verb = head.verb
    if (
        names
        and mention.unit not in RATE_UNITS
        and upgrade_compound(names[-1], verb)
        and not noun_counted_after(text, mention.end)
    ):
        # 老旧小区改造提升302个: the act's compound, no rise (not 优化提升27个公园: an act on the things after the count);
        # a verb before the name stays the verb (完成老旧小区改造提升302个: 完成)
        upgrade = load("cues")["indicator"]["upgrade_verb"]
        names, verb = [*names[:-1], names[-1] + upgrade], verb.removesuffix(upgrade)
    owned_heads: tuple[str, ...] = ()
    if (
        fresh_clause
        and names
        and (previous is None or previous.mention.end < clause_ends.last_before(last_stop))
        and (parts := heads_of_parts(names, head.respectively))
    ):
        # 粮食连续五年增产，总产量52850万吨 (…强势发展，销售收入、利税分别…; 市场经营主体增量提质，总量…): parts' heads
        # and totals alone are of the subject of the clause before, a clause with no value of its own
        subject = subject_before(text, clause_ends, max(start, sentence_start), last_stop)
        if subject:
            owned_heads, names = tuple(parts), _prefixed(subject, parts)
    if fresh_clause and not verb and previous is not None and mention.unit in COUNTED:
        verb = carried_flow(text, clause_ends, previous, mention, last_stop, names)
    inherited = all_ellipsis(names)  # (no names at all too)
    if not inherited and not fresh_clause and not verb and previous:
        head, names, verb = pair_after_pair(
            head, names, mention, previous, bool(object_verb(segment.lstrip(MARKS["enumeration"])))
        )
        inherited = all_ellipsis(names)
    if inherited:
        names = previous.names if previous else names
        owned_heads = previous.owned_heads if previous else ()
        if previous and head.names and _word_set("totals").issuperset(head.names):
            names = total_after_new(names, head.names[0], segment, previous)
        # …从每人每月209元提高到217元: the base holds for the value after
        if previous and previous.head.base and not head.base:
            head = Head(
                head.names, head.verb, head.respectively, head.leading_verb, head.flow, previous.head.base
            )
    elif previous and previous.names and len(names) == 1:
        owned = part_of(previous.names[-1], names[0])
        if owned == names[0] and of_thing(previous):
            owned = head_of_thing(previous.names[-1], names[0])
        if owned != names[0]:
            owned_heads, names = (names[0],), [owned]
    return new_context(Context, (head, names, 0, verb, mention, inherited, owned_heads))


def carried_flow(
    text: str, clause_ends: Marks, previous: Context, mention: Mention, comma: int, names: list[str]
) -> str:
    """新增规上工业企业394家，国家级…企业11家、省级226家，…: a verb of new things (change_in_name) written once
    before a list goes on past a comma into a clause that is only more of the list (things counted in the same
    unit, no verb, bound word, total or stock of its own), and on into the next such clause; "" where the clause
    has one (新增高新技术企业50家，科技型中小企业入库440家: 入库 is its own verb; 新增学位4.3万个，消除大班额1800个;
    …，总数达到68个) or the value before stands in an earlier clause."""
    flow = previous.verb
    if (
        mention.lead
        or not flow.endswith(_change_in_name())
        or previous.mention is None
        or previous.mention.unit != mention.unit
        or text[comma] not in _marks()["list_comma"]
        or clause_ends.last_before(comma) > previous.mention.start
        # a verb written after the names before (…增加5家) is that pair's own; a count opening the clause follows
        # only counts that opened theirs (the name ends before the value before: not …，35家村镇银行完成改革任务)
        or (previous.head.names and previous.head.verb and not previous.head.leading_verb)
        or (not names and text[previous.mention.end : previous.mention.end + 1] in MARKS["name_stops"])
    ):
        return ""
    own = _clause_own_words()
    if any(own.search(n) or _says_quantity(n) for n in names):
        return ""
    end = clause_ends.first_from(mention.end)
    return "" if own.search(text, mention.end, end if end >= 0 else len(text)) else flow


@cache
def _clause_own_words() -> re.Pattern[str]:
    """Words that make a clause a statement of its own, not one more member of a list: verbs of acts
    (acts_before_counts' family, acts_left_out, predicate_openers, own_clause_words), totals and stocks."""
    cues = load("cues")
    indicator = cues["indicator"]
    words = {
        *_acts_before_counts().words,
        *indicator["acts_left_out"],
        *indicator["totals"],
        *indicator["predicate_openers"],
        *indicator["own_clause_words"],
        *cues["measure"]["stocks"],
    }
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


# (the rare turns of next_context are functions of their own: a comprehension or generator reading a
# function's variable makes a cell of it on every call of that function, for every value)


def owner_in_reach(doc: Doc, text: str, owner_at: int, start: int) -> bool:
    """The things counted at ``owner_at`` own a quantity at ``start``: in its paragraph and sentence (no line end
    nor full stop between: …项目8个。到位资金800亿元以上 is no quantity of those projects)."""
    if doc.line_ends.last_before(start) >= owner_at:
        return False
    return not any(stop in text[owner_at:start] for stop in _part_list_cues().stops)


def heads_of_parts(names: list[str], respectively: bool) -> list[str]:
    """The names of a clause (split where 分别 follows them: 销售收入和利税分别… → 销售收入, 利税) when every one is a
    part's head or a total (partial_heads, totals), else []."""
    parts = split_names(names, respectively) if respectively and len(names) == 1 else names
    return parts if _heads_and_totals().issuperset(parts) else []


@cache
def _heads_and_totals() -> frozenset[str]:
    return _word_set("partial_heads") | _word_set("totals")


def of_thing(previous: Context) -> bool:
    """The value before is an amount of the thing its name names (高速公路新增449公里), not a count, nor a rate of
    its own (同比减亏54.9%; a rate that inherited its name is the thing's: 夏粮2304亩，增长1.5%)."""
    unit = previous.mention.unit
    return unit not in COUNTED and (unit != "%" or previous.inherited)


def head_of_thing(before: str, name: str) -> str:
    """高速公路新增449公里，通车总里程达到4756公里 → 高速公路通车总里程: a part's head alone after an amount of a
    thing named bare (no quantity of its own: is_bare) is that thing's; the head as it is otherwise."""
    if (
        name not in _word_set("partial_heads")
        or name.endswith(_part_list_cues().not_kinds)  # (经营主体…，其中企业410.1万户: a part of the things)
        or len(before) < 2
        or before.endswith(name[-2:])  # (新增运营里程30公里，总里程…: a quantity of its own)
        or not is_bare(before)
        or any(
            word in before for word in _change_in_name()
        )  # (新增装机30万千瓦，实现产值…: a flow, not the thing)
    ):
        return name
    return before + name


@cache
def _change_in_name() -> tuple[str, ...]:
    return tuple(load("cues")["measure"]["change_in_name"])


def _prefixed(prefix: str, names: list[str]) -> list[str]:
    return [prefix + n for n in names]


def pair_after_pair(
    head: Head, names: list[str], mention: Mention, previous: Context, own_act: bool = False
) -> tuple[Head, list[str], str]:
    """A pair in a list of pairs (name and value) written without a verb after the pair before it: its
    head, names and verb. ``own_act``: the pair opens with an act verb of its own (object_verbs)."""
    same_unit = previous.mention is not None and previous.mention.unit == mention.unit
    # 净增A 400家以上、B 2家以上 / 新增用户3.4亿、光缆线路550多万公里: a verb written once before a
    # list of pairs governs them all; one written after a value (增长16%) only where the unit is the same;
    # neither reaches a pair opened by an act of its own (新增规上工业企业60家、推进“双百双新”产业项目15个以上: a level)
    leading = "" if own_act else previous.head.leading_verb
    verb = leading or (previous.verb if same_unit and not own_act else "")
    if leading:
        # the verb governs the next pair too, and names the flow of each (新建绿道…、绿地… → 新建绿地)
        flow = joined_flow(MARKS["enumeration"].join(previous.head.names), previous.head.flow)
        names = [n if n.startswith(flow) else flow + n for n in names]
        head = Head(head.names, head.verb, head.respectively, previous.head.leading_verb, flow)
    elif previous.head.names:
        # 办理省人大代表建议3310件、省政协提案4070件: the act opening the first name is each member's
        # (the verbs of other acts, 新入选, 淘汰落后, of things of one kind counted alike: not 接待游客1.35亿人次、
        # 旅游总收入…, 新签约项目175个、总投资…)
        first = previous.head.names[0]
        owned = is_owned(names[0]) or names[0] in _word_set("project_heads")
        act = "" if owned else object_verb(first) or (opening_act(first) if same_unit else "")
        # (新开工改造城镇老旧小区4534万平方米、棚户区1.8万户 → 新开工改造棚户区: with the verb joined to it, flow_partners)
        act = joined_flow(first, act)
        if act and not opening_act(names[0]) and len(names[0]) > 1:
            names = _prefixed(act, names)
            head = Head(names, head.verb, head.respectively)
    if previous.head.names and len(names) == 1 and names[0] in _word_set("grades"):
        # 国家级专精特新“小巨人”企业11家、省级226家 → 省级专精特新“小巨人”企业: a grade alone takes the first member's
        # name, its grade replaced
        first = previous.head.names[0]
        grade = next((g for g in _word_tuple("grades") if g in first), "")
        if grade:
            names = [first.replace(grade, names[0], 1)]
            head = Head(names, head.verb, head.respectively, head.leading_verb, head.flow, head.base)
            return head, names, verb
    if previous.head.names and len(names) == 1 and not _says_quantity(names[0]):
        # 压减粗钢产能788万吨、炼铁586万吨、水泥1716万吨 → 炼铁产能: the head of the first member is each later
        # member's that says no quantity of its own (first_member_heads)
        first = previous.head.names[0]
        first_head = next(
            (h for h in _word_tuple("first_member_heads") if first.endswith(h) and len(first) > len(h)),
            "",
        )
        names = [names[0] + first_head]
        head = Head(names, head.verb, head.respectively, head.leading_verb, head.flow, head.base)
    return head, names, verb


def joined_flow(first: str, flow: str) -> str:
    """新建改造公园游园90处、城区道路绿化节点50处 → 新建改造城区道路绿化节点: a verb written joined to the flow verb opening
    the first name (flow_partners, after a 、 or not: 新建、改造) is part of the flow the pairs after it take."""
    if not flow or not first.startswith(flow):
        return flow
    rest = first[len(flow) :]
    joiner = MARKS["enumeration"] if rest.startswith(MARKS["enumeration"]) else ""
    partner = next((p for p in _word_tuple("flow_partners") if rest.startswith(p, len(joiner))), "")
    return flow + joiner + partner if partner and len(rest) > len(joiner) + len(partner) else flow


def total_after_new(names: list[str], total: str, segment: str, previous: Context) -> list[str]:
    """新增有进出口实绩企业1357家、总数突破1万家 → 有进出口实绩企业总数: a total after the new ones is of all
    of them, named with the word of the total (not 固定资产投资增长16%以上、总量突破1410亿元, the spec's)."""
    stock = [without_act(n, segment) for n in names]
    return [n + total for n in stock] if previous.head.leading_verb or stock != names else names


@cache
def _marks() -> dict:
    cues = load("cues")["indicator"]
    at = "|".join(map(re.escape, cues["baseline_at"]))
    return {
        "from": re.compile(
            rf"(?:{'|'.join(map(re.escape, cues['baseline_from']))})(?:{at}|\d{{4}}{_HEAD['year_word']}{DE}?)?$"
        ),
        "to": tuple(cues["baseline_to"]),
        "from_words": tuple(cues["baseline_from"]),
        "baseline": cues["baseline_mark"],
        "cumulative": cues["cumulative"],
        "cumulative_mark": cues["cumulative_mark"],
        "clause_end": load("marks")["clause_end"],
        "list_comma": cues["list_comma"],
    }


def subject_before(text: str, clause_ends: Marks, start: int, stop: int, cut: bool = True) -> str:
    """The short subject of the clause ending at ``stop`` (粮食连续五年增产 → 粮食) when the name after it is
    a part's head alone (partial_heads: 总产量), else ""; with ``cut`` false, the clause's name whole (a clause
    that is only a name: 全社会研究与实验发展经费，从…增加到…)."""
    before = parse_head(text[max(start, clause_ends.last_before(stop) + 1) : stop])
    if len(before.names) != 1:
        return ""
    subject = subject_of(before.names[0], cut)
    return subject if 1 < len(subject) <= SUBJECT_SIZE else ""


def subject_of(name: str, cut: bool = True) -> str:
    """全面加强城乡居民最低生活保障制度建设 → 城乡居民最低生活保障: a clause's name without the acts opening it
    (subject_openers) and, with ``cut``, without what is said of the subject (subject_ends: 民营经济快速发展 → 民营经济)."""
    subject = without_opening(name, "subject_openers")
    if cut and (end := _subject_end().search(subject, 2)):
        subject = subject[: end.start()]
    return subject


@cache
def _subject_end() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _words_of("subject_ends"))))


def whole_prefix(name: str) -> str:
    """城镇居民人均可支配收入 → 城镇居民人均: the words before a whole whose parts are named after it
    (named_parts); "" when the name ends in no such whole."""
    if not name.endswith(_wholes_of_named_parts()):
        return ""  # (most names: no such whole)
    for ending in _wholes_of_named_parts():
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return ""


@cache
def _wholes_of_named_parts() -> tuple[str, ...]:
    return tuple(load("cues")["indicator"]["named_parts"])


@cache
def _named_parts() -> frozenset[str]:
    return frozenset(part for parts in load("cues")["indicator"]["named_parts"].values() for part in parts)


def part_of_whole(prefix: str, name: str) -> str:
    """城镇居民人均 + 工资性收入 → 城镇居民人均工资性收入; + 人均消费性支出 → 城镇居民人均消费性支出 (the
    words they share written once); a name that is no part of a whole is left as it is."""
    if name not in _named_parts():
        return name
    shared = next((k for k in range(len(name), 0, -1) if prefix.endswith(name[:k])), 0)
    return prefix[: len(prefix) - shared] + name


def named_as_sector(
    text: str, mention: Mention, name: str, written: str, sectors: tuple[str, int]
) -> tuple[str, str, tuple[str, int]]:
    """农林牧渔业总产值942.6亿元…其中种植业616.6亿元 → 种植业产值: a sector named in the paragraph after a
    whole of whole_parts, by an amount or a rate (not a count: 就业, 企业), takes the head of the whole's
    parts; (name, written, the head and where it was last given)."""
    head, at = sectors
    if (
        head
        and mention.start - at < PARTS_REACH
        and mention.unit not in COUNTED
        and is_sector(name)
        and not _paragraph_end().search(text, at, mention.start)
    ):
        return name + head, written or name, (head, mention.start)
    if not name.endswith(_wholes()):
        return name, written, sectors
    whole = next(h for w, h in _whole_parts().items() if name.endswith(w))
    return name, written, (whole, mention.start)


def industry_share(text: str, mentions: list[Mention], run: tuple[int, int], index: int, start: int) -> str:
    """三次产业结构为2.9 : 30.7 : 66.4 → 第一/第二/第三产业增加值比重: three values joined by colons after the
    words of the three sectors' structure in their sentence (industry_shares) are each sector's share; ""
    otherwise. ``run``: the first and last value of the proportion the value is one of (colon_run)."""
    first, last = run
    if first == last:
        return ""  # (most values: no proportion)
    shares = load("cues")["indicator"]["industry_shares"]
    if last - first + 1 != len(shares["shares"]):
        return ""
    if not any(word in text[start : mentions[first].start] for word in shares["words"]):
        return ""
    return shares["shares"][index - first]


def colon_joints(text: str, mentions: list[Mention]) -> frozenset[int]:
    """The indexes of the values joined to the next one by a colon (2.9 : 30.7, a term of a proportion),
    found from the colons of the text, so that a text with none costs nothing a value."""
    colons = load("numerals")["scan"]["share_colons"]
    starts = [mention.start for mention in mentions]
    joints = set()
    for colon in colons:
        at = text.find(colon)
        while at >= 0:
            i = bisect_right(starts, at) - 1  # the value before the colon, if it stands in a gap
            if 0 <= i < len(mentions) - 1:
                joint = text[mentions[i].end : mentions[i + 1].start].strip()
                if joint and joint in colons:
                    joints.add(i)
            at = text.find(colon, at + 1)
    return frozenset(joints)


def colon_run(joints: frozenset[int], count: int, index: int) -> tuple[int, int]:
    """The first and last of the values joined by colons (a proportion, 2.9 : 30.7 : 66.4) that the
    value at ``index`` (of ``count``) is one of; (index, index) for a value in none."""
    # a proportion has a few terms: looking no further keeps a long run of them linear in time
    first, last = index, index
    while first > 0 and index - first <= PROPORTION_TERMS and first - 1 in joints:
        first -= 1
    while last + 1 < count and last - index <= PROPORTION_TERMS and last in joints:
        last += 1
    return first, last


def is_sector(name: str) -> bool:
    """种植业, 第一产业: the short name of a sector (sector_ending), which says no quantity of its own."""
    cues = load("cues")["indicator"]
    sector = name.endswith(cues["sector_ending"]) and not name.endswith(_word_tuple("not_sector_endings"))
    return 1 < len(name) <= PART_NAME_SIZE and sector


def governed_by_cumulative(doc: Doc, mention: Mention) -> bool:
    """The value before this one, in the same clause, was marked （累计）, and this one is no rate."""
    before = doc.readings[-1] if doc.readings else None
    return (
        before is not None
        and before.name_mark == _marks()["cumulative_mark"]
        and doc.clause_ends.last_before(mention.start) < before.mention.end
        and mention.unit not in ("%", "pp")
    )


def name_mark(
    text: str,
    clause_ends: Marks,
    mentions: list[Mention],
    run: tuple[int, int],
    index: int,
    member: tuple[int, int],
    sentence_start: int,
    name: str,
) -> tuple[str, str]:
    """（起点） for the baseline of 从X提高到Y (each value of a list written after 从), （累计） for a stock
    written with 累计 before its value; with the rule that gave it. ``run``: the proportion the value is
    one of (colon_run)."""
    marks = _marks()
    position, size = member
    if size == 1:  # 由上年的18.6：49：32.4调整为…: a proportion is read whole as a list is
        first, last = mentions[run[0]], mentions[run[1]]
    else:
        first, last = mentions[index - position], mentions[index - position + size - 1]
    # 由上年的18.6：49：32.4，调整为…: a comma may stand before the verb of the change
    to_at = last.end + (text[last.end : last.end + 1] in marks["clause_end"])
    if text.startswith(marks["to"], to_at) and marks["from"].search(
        text, max(sentence_start, first.start - BASELINE_REACH), first.start
    ):
        return (
            marks["baseline"],
            f"the value after {'/'.join(marks['from_words'])} and before the value it changes to is the baseline",
        )
    reach = first.start - MARK_REACH if first.start - MARK_REACH > sentence_start else sentence_start
    if text.find(marks["cumulative"], reach, first.start) < 0:
        return "", ""  # (most values: none before them)
    previous_end = mentions[index - position - 1].end if index - position else 0
    clause_start = clause_ends.last_before(first.start) + 1
    head = text[max(reach, previous_end, clause_start) : first.start]
    if marks["cumulative"] in head and marks["cumulative"] not in name and first.unit not in ("%", "pp"):
        return marks["cumulative_mark"], f"a stock written with {marks['cumulative']} before its value"
    return "", ""


def unit_of_bare_value(indicator_text: str) -> str | None:
    """城乡居民收入比降至2.2 → ratio; 公众满意度从84.7提升至89.6 → index; anything else is not a value."""
    for unit, endings in load("units")["bare_value_names"].items():
        if indicator_text.endswith(tuple(endings)):
            return unit
    return None


def indicator_text(
    text: str,
    mention: Mention,
    context: Context,
    named_before: list[str],
    member: tuple[int, int],
    previous_end: int = -1,
) -> tuple[str, str]:
    """The name of the value's indicator, and the thing counted in the order written where the name
    makes it a relative clause (提供基本康复服务的残疾人 ← 残疾人提供基本康复服务), else ""."""
    counted_unit, funds_unit = mention.unit in COUNTED, mention.unit in _funds_units()
    # 建成35个先导区、1000个和美乡村: the words before the second count are what the first one counted
    # (read only after a name: the words before the value name nothing before or after it otherwise; and
    # only for a count, or an amount the funds after it may name)
    counted_before, counted_at, after_a_count = "", -1, False
    if (counted_unit or funds_unit) and named_before and named_before[-1] and previous_end >= 0:
        last = named_before[-1]
        counted_before = text[previous_end : mention.start].rstrip(LIST_JOINERS)
        # (建成8个国家级、13个…: the first named 建成国家级区域医疗中心, its grade's noun taken from the next, graded_head)
        counted_at = last.rfind(counted_before) if counted_before else -1
        graded = counted_at >= 0 and counted_before.endswith(load("cues")["indicator"]["grade_ending"])
        clause, de, thing = last.rpartition(DE)
        after_a_count = (
            (
                counted_at >= 0
                and (counted_at + len(counted_before) == len(last) or graded)
                and counted_with(last[:counted_at])
            )
            or bool(  # 628个招商项目开工、229个…; 完成925个村庄规划编制、2645个… (the clause without its verb)
                de
                and counted_before.startswith(thing)
                and clause.endswith(counted_before[len(thing) :] or DE)
            )
            or bool(de and clause == counted_before)  # 5人入选中国好人、2人…: the people named by their unit
        )
    if (
        counted_unit
        and named_before
        and (done := done_of_counted(named_before[-1], counted_before))
        and not NOUN_AFTER_COUNT.match(text, mention.end)  # not 21家企业完成154个…项目: other things
    ):
        return done, ""  # 76个冬奥项目开工65个 → 开工的冬奥项目
    if funds_unit and (funds := funds_after(text, mention, context.names, named_before, counted_before)):
        return funds, ""
    said = count_names(tuple(context.names)) if counted_unit and not context.inherited else NOTHING_SAID
    base, joined = said.base, said.joined
    if not context.names or (
        counted_unit
        and (
            context.inherited
            or base
            or joined
            or said.no_name
            or after_a_count
            or named_after_count(text, mention, context, member)
        )
    ):
        # a count names what it counts after itself (建成3000多个宜居宜业和美乡村), and a value with no name
        # before it the thing after it (完成150公里农村公路提档升级改造)
        m = NOUN_AFTER_COUNT.match(text, mention.end) or noun_after_pairs(text, mention)
        if (
            not m
            or text.startswith(_GLOSS_OPENINGS, m.end())
            or text.startswith(_GLOSS_OPENINGS, mention.end)
        ):
            alternative = _UNIT_ALTERNATIVE.match(text, mention.end)
            m = _GLOSSED_NOUN.match(text, alternative.end() if alternative else mention.end) or m
        if not m and text[mention.end : mention.end + 1].isdigit():
            m = _class_noun().match(text, mention.end)  # 建设2个10万吨级泊位: the things of a class, counted
        if m:
            acted_on = object_after_de(text, m, context.names, context.verb)
            if acted_on:
                return acted_on
            # 建成3000多个宜居宜业和美乡村, 实施30个全域土地综合整治项目: the flow of items built, or the act done
            # on the things counted, is named with its verb as a name written after it is (object_verbs)
            name, written = counted_noun(balanced(m.group()), text, mention.start)
            topic = context.names[0] if len(context.names) == 1 and not said.no_name else ""
            if name in _word_set("topic_before_count") and topic and not any(ch.isdigit() for ch in topic):
                # 落实促进青年就业创业35项措施 → 落实促进青年就业创业措施: measures are named by their topic, written
                # before the count (not by groups counted: 涉及6个方面19项政策措施)
                name = without_acts(topic) + name
            if mention.unit == "person" and not written and (people := people_as_unit(mention, name)):
                name, written = people, name  # 15万人实现脱贫 → 实现脱贫的人
            if name.endswith(grade := load("cues")["indicator"]["grade_ending"]):
                name += graded_head(text, m.end(), grade)  # 建成8个国家级、13个省级区域医疗中心
            act = act_before(text, mention.start, context, written)
            if after_a_count and not act and not written and counted_at >= 0:
                # 创建2个森林城镇、15个森林村庄: the act the first count was named with is the next one's (not a
                # flow verb: 建成35个先导区、1000个和美乡村 → 和美乡村, as issue 11 asks)
                carried = named_before[-1][:counted_at]
                act = carried if is_act(carried) and carried not in flow_verbs() else ""
            if joined:
                # 开工建设中心城区22万吨地表水厂和140公里骨干输配水管网: the act is the count's too, if it is its own
                act = object_verb(context.names[0])
                act = act if act and not left_out_act(act) else ""
            return base + act + name, written
    position, size = member
    if context.inherited and 1 < size <= len(named_before):
        # 接待游客1850万人次，实现旅游总收入210亿元，分别增长15.3%和18.6%: the names written before
        return named_before[len(named_before) - size + position], ""
    # one value each also without 分别: after names written for an earlier list (…分别完成A和B，可比增长
    # X和Y), and where the names split into as many as there are values (城乡居民收入增长5％和3％左右)
    spread = context.head.respectively or (
        size > 1 and (context.inherited or len(spread_names(tuple(context.names))) == size)
    )
    names = context.names
    if spread:
        names = list(spread_names(tuple(names)))
        if 1 < len(names) < size:
            names = joined_members(names, size)
        if len(names) > 1:
            return names[min(context.list_index, len(names) - 1)], ""
    if counted_unit and (counted := acted_then_counted(text, mention, names, context.inherited)):
        return counted, ""
    if counted_unit and not context.inherited and (scoped_count := counted_in_scope(text, mention, names)):
        return scoped_count, ""
    if names:
        return _MARKS["count_joiners"][0].join(names) if len(names) > 1 else names[0], ""
    return "", ""


def named_after_count(text: str, mention: Mention, context: Context, member: tuple[int, int]) -> bool:
    """统筹实施59个“一把手”营商环境项目, 产投集团新增5支产业基金, 加强对100家拟上市重点企业的指导: a count written
    straight before a noun counts it, whatever the words before it are (a verb and its adverbs, a subject), where
    they name it no other way: not a value of a list (分别), nor words ending in an act named with the noun
    (自贸试验区推出111项全国首创举措: acted_then_counted) or the people an act reached (育儿补贴惠及124万名婴幼儿:
    people_counted) or the scope of the things counted (市级3000个重点项目: counted_in_scope); a count with a measure
    word of its own (not 30万任务; nor 人, a noun itself: 6300多万人饮水安全问题, noun_units), after no verb saying the
    value the name before reaches (压缩至1个环节, 扩大至145家医院: _reaches) and no 由/从 of a baseline (由14户变为9户)."""
    # (the test that fails most values first)
    if context.inherited or not noun_counted_after(text, mention.end):
        return False
    last = context.names[-1]
    return (
        not context.head.respectively
        and member[1] <= 1
        and bool(mention.unit_text)
        and mention.unit_text not in _word_set("noun_units")
        and not _reaches(context.verb)
        and not _reaches(last)
        and not text.endswith(_word_tuple("baseline_from"), 0, mention.start)
        and not last.endswith(_word_tuple("people_counted"))
        and not acted_then_counted(text, mention, context.names, False)
        and not counted_in_scope(text, mention, context.names)
    )


def noun_after_pairs(text: str, mention: Mention) -> re.Match[str] | None:
    """新建25.2万亩、改造提升20.3万亩高标准农田 → 高标准农田: a value with no name before it, followed by a 、-list of acts
    each with a value of its unit, names what the noun written after the last value names (the match of that noun);
    None otherwise."""
    if not mention.unit_text or not text.startswith(MARKS["enumeration"], mention.end):
        return None
    pairs = _pairs_after(re.escape(mention.unit_text)).match(text, mention.end)
    if not pairs or text.startswith(_BOUNDS_AFTER, pairs.end()):
        return None  # …、改善灌溉面积30万亩以上: a bound word closes the last value, no noun follows it
    return NOUN_AFTER_COUNT.match(text, pairs.end())


@lru_cache(maxsize=64)
def _pairs_after(unit: str) -> re.Pattern[str]:
    """、 + an act of a few characters + a number (its scale word) + ``unit``, once or more."""
    act = rf"[^{_STOPS}\d]{{1,{PAIR_ACT_LENGTH}}}?"
    scale = "".join(LARGE_UNITS)
    return re.compile(
        rf"(?:{re.escape(MARKS['enumeration'])}{act}{_DIGIT}+(?:[.\uff0e]{_DIGIT}+)?[{scale}]?{unit})+"
    )


def noun_counted_after(text: str, end: int) -> bool:
    """A noun written straight after a count (its end): not where the words after it open a predicate of the things
    named before or go on to another value (政协提案333件全部办复, 由48家增加到132家: predicate_openers,
    predicate_adverbs, predicate_modals, the verbs between a name and its value, between_words, baseline_to,
    counted_noun_joiners, words_after_count)."""
    after = text[end : end + 12].lstrip()  # (a page number's spaces before its dash: 18.2万 — 14 — 人)
    return bool(NOUN_AFTER_COUNT.match(text, end)) and not _after_count_words().opening(after)


def _reaches(words: str) -> bool:
    """达到, 压缩至, 新设政府投资基金扩展至: ``words`` are or end in a verb saying the value a name reaches (reach_verbs,
    baseline_to, reach_endings)."""
    # (an ending after a verb of two characters at least: not 到 of 到2027年…建成500个…, a time word's)
    return words in _reach_verbs() or (len(words) > 2 and words.endswith(_word_tuple("reach_endings")))


@cache
def _reach_verbs() -> frozenset[str]:
    cues = load("cues")["indicator"]
    return frozenset((*cues["reach_verbs"], *cues["baseline_to"]))


@cache
def _after_count_words() -> Family:
    cues = load("cues")["indicator"]
    families = ("predicate_openers", "predicate_adverbs", "predicate_modals", "verbs", "between_words")
    families += ("baseline_to", "counted_noun_joiners", "words_after_count")
    return Family.of(word for family in families for word in cues[family])


@cache
def _class_noun() -> re.Pattern[str]:
    """10万吨级泊位, 4A级景区, 50亿元以上优质项目: the noun of things of a class written with a number (a grade_ending
    word, or a threshold's bound word) after a count."""
    cues = load("cues")["indicator"]
    grade = "|".join(map(re.escape, [cues["grade_ending"], *cues["threshold_endings"]]))
    scale = "".join((*SMALL_UNITS, *LARGE_UNITS))
    number = rf"{_DIGIT}+(?:[.\uff0e]{_DIGIT}+)?"
    return re.compile(rf"{number}[{scale}]?{NOUN_CHAR}{{0,2}}?(?:{grade}){NOUN_AFTER_COUNT.pattern}")


@lru_cache(maxsize=NAMES_KEPT)
def spread_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names written once for several values, one a value (split_names): read once for each list of names of a
    batch, not again for each of the values after it (城镇、农村居民人均可支配收入分别增长…和…)."""
    return tuple(split_names(list(names), True))


def people_as_unit(mention: Mention, predicate: str) -> str:
    """1509万农民享受了农村最低生活保障 → 享受农村最低生活保障的农民: people counted by a word for them (no measure
    word: not 1.3万名就业困难人员), a predicate opening the words after them; "" otherwise."""
    cues = load("cues")["indicator"]
    if not mention.unit_text or mention.unit_text in cues["people_measure_words"]:
        return ""
    opener = _family_pattern("predicate_openers").match(predicate)
    if not opener or predicate.endswith(_word_tuple("people_counted")):
        return ""  # (上亿人喜迁新居 → 喜迁新居人数: people_counted)
    rest = predicate[opener.end() :].removeprefix(cues["perfective"])
    return f"{opener.group()}{rest}{DE}{mention.unit_text}" if rest else ""


def without_opening(words: str, family: str) -> str:
    """``words`` without the words of a cue family opening them, as many as open them in turn (将全面完成 → 全面完成 for the modals, → 完成 for the adverbs after)."""
    opening = _word_tuple(family)
    while words.startswith(opening):  # (one test of them all before the one that opens it is found)
        words = words[len(next(w for w in opening if words.startswith(w))) :]
    return words


def done_of_counted(counted: str, words: str) -> str:
    """76个冬奥项目开工65个 → 开工的冬奥项目: a count right after the things the count before it counted and a
    predicate of theirs (an opener alone, after its adverbs) counts those of them the predicate holds for; "" otherwise."""
    if not counted or len(words) <= len(counted) or not words.startswith(counted) or DE in counted:
        return ""
    clause = without_opening(words[len(counted) :], "predicate_modals")
    predicate = without_manner(clause)
    return f"{clause}{DE}{counted}" if predicate in _word_set("predicate_openers") else ""


def graded_head(text: str, end: int, grade: str) -> str:
    """建成8个国家级、13个省级区域医疗中心 → 国家级 + 区域医疗中心: the noun a grade written alone after a count
    (国家级) takes from the next member of its list of counts, after that member's own grade; "" if none."""
    nxt = _NEXT_COUNTED.match(text, end)
    while nxt and nxt.group(1).endswith(
        grade
    ):  # 1个国家级、40个省级、62个州级临床重点专科项目: the last member's
        nxt = _NEXT_COUNTED.match(text, nxt.end())
    if not nxt or grade not in nxt.group(1):
        return ""
    head = nxt.group(1)[nxt.group(1).rindex(grade) + len(grade) :]
    for action in load("cues")["indicator"][
        "counted_noun_actions"
    ]:  # …临床重点专科项目建设: the act is no part of it
        if head.endswith(action) and len(head) - len(action) >= 2:
            head = head[: -len(action)]
    return head if len(head) >= 2 else ""


def joined_before(names: Sequence[str]) -> bool:
    """七大主导产业和12个标志性产业链: the words before a count end in a joiner after another thing (not after a verb
    joined to the next, 改造和新建1.88万所…): the count counts the noun after it."""
    if not names:
        return False
    last = names[-1]
    joiner = next((j for j in load("cues")["indicator"]["counted_noun_joiners"] if last.endswith(j)), "")
    if not joiner or last.endswith(_word_tuple("joiner_words")):
        return False
    return len(last) > len(joiner) + 1 and not _ends_in_act(last[: -len(joiner)])


def without_tail(name: str) -> str:
    """全社会固定资产投资力争 → 全社会固定资产投资, 配套政策措施有 → 配套政策措施, 力争 → "": a name without the words
    ending it that name nothing (name_tails)."""
    while not name.endswith(_word_tuple("have_words")) and (
        tail := next((t for t in _word_tuple("name_tails") if name.endswith(t)), "")
    ):
        name = name[: -len(tail)]
    return name


class CountNames(NamedTuple):
    """What the names written before a count (not inherited) say of the thing it counts."""

    base: str  # per_unit_base: 每个县市区, a count per unit
    joined: bool  # joined_before: the count counts the noun after it (七大主导产业和12个…)
    no_name: bool  # not_a_name: the words name no indicator (今年, 建立, 南阳等)


NOTHING_SAID = CountNames("", False, False)


@lru_cache(maxsize=NAMES_KEPT)
def count_names(names: tuple[str, ...]) -> CountNames:
    """What ``names``, written before a count, say of it (all three read at once: a count needs not_a_name's only
    where the other two say nothing, but each is read once for these names)."""
    return CountNames(per_unit_base(names), joined_before(names), not_a_name(names))


def per_unit_base(names: Sequence[str]) -> str:
    """每个县市区 (支持每个县市区打造1—2个…): the base of a count per unit, the words before it from 每个 on, or ""
    (names inherited are no count's own: the caller reads none for them)."""
    if len(names) != 1:
        return ""
    at = first_at("per_unit", names[0], 0)
    if at < 0:
        return ""
    base = names[0][at:]
    # 实现每个行政村设置一个卫生室 → 每个行政村卫生室, 每个县至少办好1所…: the act between the base and the count,
    # its adverbs and bound words, are in neither
    act = _family_pattern("predicate_openers").search(base, 3)
    base = base[: act.start()] if act and act.end() == len(base) else base
    while word := next((w for w in _base_ends() if base.endswith(w) and len(base) - len(w) > 2), ""):
        base = base[: -len(word)]
    return base


@cache
def _base_ends() -> tuple[str, ...]:
    cues = load("cues")
    indicator = cues["indicator"]
    words = {*indicator["acts_left_out"], *indicator["not_names"], *indicator["act_adverbs"], *_verbs()}
    return tuple(sorted(words | set(cues["bounds"]["floor_before"]), key=len, reverse=True))


def project_quantity(before_value: str, name: str, owner: str) -> str:
    """完成投资, 年度投资 (全年完成投资450亿元): the investment of the projects a count named before it (``owner``,
    ending in project_owners), as written before the value (project_quantities), or ""."""
    at = before_value.rfind(name)
    if at < 0 or not owner.endswith(_word_tuple("project_owners")):
        return ""
    written = before_value[: at + len(name)]
    return next((q for q in _words_of("project_quantities") if written.endswith(q)), "")


def without_aside(name: str) -> str:
    """中等职业教育学校（技工学校） → 中等职业教育学校: an owner without the part an aside in brackets counted (5所（其中
    技工学校2所），招生…: the school's enrolment, not the part's)."""
    for opening, closing in BRACKETS:
        if name.endswith(closing) and opening in name:
            at = name.rindex(opening)
            # (民办中等教育学校（不包括技工学校）: a scope of the owner, kept)
            scope = name.startswith(tuple(load("cues")["indicator"]["scope_glosses"]), at + 1)
            return name if scope else name[:at]
    return name


def without_acts(name: str) -> str:
    """实施省市级重点项目 → 省市级重点项目, 谋划实施了“中国电谷”建设项目 → “中国电谷”建设项目: a name without the acts
    that only carry out the things it names (acts_left_out), their adverbs and 了, where a name is left; a flow verb
    (新引进, 新开工) stays."""
    cues = load("cues")["indicator"]
    while True:
        bare = without_adverbs(name)
        act = next((a for a in _word_tuple("acts_left_out") if bare.startswith(a)), "")
        rest = bare[len(act) :].lstrip(cues["perfective"])
        if not act or len(rest) < 2:
            return name
        name = rest


def counted_with(words: str) -> bool:
    """Whether ``words``, before the things a count counted in the name given to it, are its flow verb
    (建成35个先导区), its act, or a relative clause ending in 的 (…的先导区, predicate_of_list), or none."""
    return not words or words in flow_verbs() or is_act(words) or words.endswith(DE)


def joined_members(names: list[str], size: int) -> list[str]:
    """固定资产投资、社会消费品零售总额和货物进出口总额分别增长8.5%、9%和9%: fewer names than values, where
    a member joins two names that each say their quantity (counted_noun_joiners), is as many names."""
    joiners = load("cues")["indicator"]["counted_noun_joiners"]
    parts = []
    for name in names:
        split = next((name.split(j) for j in joiners if j in name), [name])
        whole = len(split) > 1 and all(part.endswith(_quantity_endings()) for part in split)
        parts.extend(split if whole else [name])
    return parts if len(parts) == size else joined_last(names, size)


def joined_last(names: list[str], size: int) -> list[str]:
    """科技、教育、卫生和文化事业的支出分别为…(four values) → …, 卫生事业的支出, 文化事业的支出; 曹妃甸区、渤海新区和北戴河新区
    投资分别… → 渤海新区投资, 北戴河新区投资: one value more than names, where the last joins two (counted_noun_joiners) and
    its head is written once after the second, is as many names, the first of the two given the head (split_names);
    the names as they are where it gets none."""
    *short, last = names
    if len(names) + 1 != size:
        return names
    for joiner in load("cues")["indicator"]["counted_noun_joiners"]:
        first, joined, second = last.partition(joiner)
        if joined and first and len(second) > 1 and joiner not in second:
            pair = split_names([first, second], True)
            return [*short, *pair] if len(pair) == 2 and pair[0] != first else names
    return names


def acted_then_counted(text: str, mention: Mention, names: list[str], inherited: bool) -> str:
    """自贸试验区推出111项全国首创举措 → 自贸试验区推出全国首创举措: a count between words that end in the
    verb of an act and the noun of the things it counts is named by both; "" otherwise (a noun with a
    predicate of its own names them by a relative clause, counted_noun)."""
    if mention.unit not in COUNTED or inherited or len(names) != 1 or not _ends_in_act(names[0]):
        return ""
    m = NOUN_AFTER_COUNT.match(text, mention.end)
    if not m:
        return ""
    noun, relative = counted_noun(balanced(m.group()), text, mention.start)
    if relative:  # 新解决71万农村人口饮水安全问题 → 新解决饮水安全问题的农村人口: the act written whole
        verb = next((v for v in _word_tuple("object_after_count_verbs") if noun.startswith(v)), "")
        return names[0] + noun[len(verb) :] if verb and names[0].endswith(verb) else ""
    return "" if len(noun) < 2 else names[0] + noun


def counted_in_scope(text: str, mention: Mention, names: list[str]) -> str:
    """长江沿线2处重点涵闸竣工 → 竣工的长江沿线重点涵闸, 中心城区183个政府投资项目… → 中心城区政府投资项目: a count
    written between the words of a place or scope (ending as count_scopes do, right before it) and the noun of the
    things counted names them with both (counted_noun); "" otherwise."""
    if (
        len(names) != 1
        or not (scope := names[0]).endswith(_word_tuple("count_scopes"))
        or len(scope) > SCOPE_SIZE
    ):
        return ""
    if not text.endswith(scope, 0, mention.start) or scope in _word_set("whole_region"):
        return ""
    m = NOUN_AFTER_COUNT.match(text, mention.end)
    if not m:
        return ""
    name, _ = counted_noun(balanced(m.group()), text, mention.start)
    clause, de, thing = name.rpartition(DE)
    return f"{clause}{de}{scope}{thing}" if len(thing) >= 2 else ""


@dataclass(frozen=True, slots=True)
class Family:
    """A large family of words (verbs of acts: a hundred and more), read at a name's start or end: a name is
    compared only with the words that open (end) with its first (last) character, not with every word, as
    str.startswith (endswith) of them all does."""

    words: tuple[str, ...]  # longest first
    by_first: dict[str, tuple[str, ...]]  # the words opening with a character, longest first
    by_last: dict[str, tuple[str, ...]]  # the words ending with a character

    @classmethod
    def of(cls, words) -> Family:
        ordered = tuple(sorted(set(words), key=len, reverse=True))
        return cls(ordered, _grouped(ordered, 0), _grouped(ordered, -1))

    def opening(self, name: str) -> str:
        """The longest word opening ``name``, or ""."""
        words = self.by_first.get(name[:1])
        if words is None or not name.startswith(words):
            return ""
        return next(w for w in words if name.startswith(w))

    def ends(self, name: str) -> bool:
        words = self.by_last.get(name[-1:])
        return words is not None and name.endswith(words)


def _grouped(words: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """``words`` by their character at ``at`` (0: the first, -1: the last), each group in their order."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[at], []).append(word)
    return {ch: tuple(group) for ch, group in groups.items()}


@cache
def _acts_before_counts() -> Family:
    cues = load("cues")["indicator"]
    words = {*_verbs(), *cues["object_verbs"], *cues["flow_verbs"], *cues["acts_before_counts"]}
    return Family.of(words - set(cues["verbs"]))


@cache
def _shared_heads() -> tuple[str, ...]:
    return tuple(sorted(load("cues")["indicator"]["shared_heads"], key=len, reverse=True))


def _says_quantity(name: str) -> bool:
    """炼铁 says none, 平板玻璃 none; 粗钢产能, 总产值, 增长率 do (quantity_endings, shared heads)."""
    return name.endswith(_quantity_endings()) or name.endswith(_heads_saying_quantity())


@cache
def _heads_saying_quantity() -> tuple[str, ...]:
    return (*_shared_heads(), *_word_tuple("first_member_heads"))


def without_act(name: str, written: str) -> str:
    """新建绿道 → 绿道, 新创建自治区企业研发中心 → 自治区企业研发中心: a name without the verb of the act or
    flow opening it (object_verbs, flow_verbs, the verbs of keys.toml), where a name is left and the verb is
    not ``written`` again right before the value."""
    act = object_verb(name) or _verbs_by_length().opening(name)
    return name[len(act) :] if act and act not in written and len(name) - len(act) >= 2 else name


@cache
def _word_set(family: str) -> frozenset[str]:
    return frozenset(load("cues")["indicator"][family])


@cache
def _value_closers() -> tuple[str, ...]:
    return tuple(_words_of("value_closers"))  # (longest first: 新台阶 before 台阶)


@cache
def _word_tuple(family: str) -> tuple[str, ...]:
    return tuple(load("cues")["indicator"][family])


@cache
def _verbs_by_length() -> Family:
    return Family.of(_verbs())


def opening_act(name: str) -> str:
    """办理, 新入选, 淘汰落后: the verb of an act that opens ``name`` and leaves a name after it (object_verbs,
    and the verbs of keys.toml and acts_before_counts but those of a change or a level, cues verbs), or ""."""
    act = object_verb(name) or _acts_before_counts().opening(name)
    return act if len(name) > len(act) else ""


def _ends_in_act(name: str) -> bool:
    return _acts_before_counts().ends(name)


def funds_after(
    text: str, mention: Mention, names: list[str], named_before: list[str], funds_before: str
) -> str:
    """中央财政安排384亿元救灾款和740亿元恢复重建资金 → 中央财政救灾款, 中央财政恢复重建资金: an amount
    followed by the funds it is (funds_nouns) after a payer and the verb allotting them (funds_verbs), or
    after funds so named, is named by the payer and the funds; "" otherwise. Called for amounts of money only."""
    cues = load("cues")["indicator"]
    m = FUNDS_AFTER.match(text, mention.end)
    if not m or not m.group().endswith(_word_tuple("funds_nouns")):
        return ""
    if funds_before and named_before and named_before[-1].endswith(funds_before):
        # …救灾款和740亿元恢复重建资金: the payer of the funds named before
        return named_before[-1].removesuffix(funds_before) + m.group()
    verb = next((v for v in cues["funds_verbs"] if len(names) == 1 and names[0].endswith(v)), "")
    payer = names[0][: -len(verb)] if verb else ""
    return payer + m.group() if payer else ""


def issued_after(text: str, mention: Mention, name: str) -> str:
    """发行1000亿元长期国债 → 长期国债, 通过财政向银行发行2100亿元长期国债 → 通过财政向银行发行长期国债: an amount
    after a verb issuing or setting up funds (issue_verbs) and followed by them (issued_funds, up to the first that ends
    them) is named by the funds, after the words before the verb where there are any; "" otherwise."""
    verb = next((v for v in _word_tuple("issue_verbs") if name.endswith(v)), "")
    m = FUNDS_AFTER.match(text, mention.end) if verb else None
    if not m:
        return ""
    ends = [m.group().find(f) + len(f) for f in _word_tuple("issued_funds") if f in m.group()]
    funds = m.group()[: min(ends)] if ends else ""
    if len(funds) < 2:
        return ""
    return funds if name == verb else name + funds


@cache
def _funds_units() -> frozenset[str]:
    return frozenset(load("cues")["indicator"]["funds_units"])


def object_after_de(text: str, noun: re.Match[str], names: list[str], verb: str) -> tuple[str, str] | None:
    """解决4800多万农村人口的饮水安全问题 → 解决饮水安全问题的农村人口: a count after a bare verb, of the owners
    of the thing after 的 the verb acts on, is named by the act done for them; None where the words
    before the count are no bare verb or no 的 follows the noun."""
    bare = (
        without_manner(names[0]) if names else ""
    )  # 基本解决, 稳定解决: the verb's adverb no part of the act
    if len(names) != 1 or not text.startswith(DE, noun.end()) or not bare or not _is_bare_verb(bare):
        return None
    thing = OBJECT_AFTER_DE.match(text, noun.end() + len(DE))
    owners = balanced(noun.group())
    # 3-5家企业主导的创新联合体: a noun that is no such owner (owners_acted_for) opens a relative clause
    if not thing or not owners.endswith(_word_tuple("owners_acted_for")):
        return None
    # 改造提升超5000个…: a second verb read off as the value's is the act's too; a commitment word is none
    act = bare + verb
    act = next(
        (act[len(w) :] for w in load("cues")["hedges"]["words"] if act.startswith(w) and act != w), act
    )
    acted_on = balanced(thing.group())
    for joiner in load("cues")["indicator"]["counted_noun_joiners"]:
        acted_on = acted_on.removesuffix(joiner)  # 10万贫困人口的温饱问题和61万…
    return f"{act}{acted_on}{DE}{owners}", owners


def _is_bare_verb(words: str) -> bool:
    """解决, 改造: a verb alone (not 做好大广等: a list of examples)."""
    cues = load("cues")["indicator"]
    return (
        words in _word_set("not_names") or words in _verbs() or object_verb(words) == words
    ) and not words.endswith(cues["examples_mark"])


def named_after_de(text: str, mention: Mention, name: str) -> tuple[str, str] | None:
    """A value written before 的 and a noun is a quantity of what the noun names: 投资28.1亿元的南郊电厂 →
    南郊电厂投资 (the name ends in an attributive head); 89.4%的公园实现24小时开放 → 实现24小时开放的
    公园比例 (a percentage, the noun followed by a predicate). None where neither holds."""
    if not text.startswith(DE, mention.end):
        return None
    cues = load("cues")["indicator"]
    m = THING_AFTER_DE.match(text, mention.end + len(DE))
    if not m:
        return None
    thing = balanced(m.group(1)).partition(cues["examples_mark"])[0]  # 电网改造等一批项目 → 电网改造
    at = first_at("predicate_openers", thing, 2)
    head = next((h for h in cues["attributive_heads"] if name.endswith(h)), "")
    if head:  # the id is the head's (总投资: project_total_investment); not 已 of 首批项目已开工建设
        owner = thing[:at].removesuffix(_adverb_ending(thing[:at])) if at > 0 else thing
        return owner + head, name
    if mention.unit == "%" and at > 0 and not any(w in thing[:at] for w in cues["modal_words"]):
        # a relative clause: the noun had a predicate (not 增速可以实现…: a modal says what the rate does)
        owner = thing[:at].removesuffix(
            adverb := _adverb_ending(thing[:at])
        )  # 初步 of 企业初步建立…: the clause's
        return f"{adverb}{thing[at:]}{DE}{owner}{cues['share_word']}", thing
    return None


def aside_subject(text: str, clause_ends: Marks, mark: int, value_end: int) -> str:
    """The words of the clause before the bracket that holds the clause mark at ``mark``, up to the bracket; "" where
    the bracket opens before an earlier clause mark or right after the value before (…2650.6亿元（不含定州，下同）)."""
    opening = text.rfind(BRACKETS[0][0], 0, mark)
    clause_start = clause_ends.last_before(mark) + 1
    if opening < clause_start or opening == value_end:
        return ""
    # 固定资产投资（不含农户，下同）比上年增长12.0%: a scope the aside opens with stays in the name (scoped)
    scope = text[opening + 1 : mark]
    scope_kept = (
        f"{BRACKETS[0][0]}{scope}{BRACKETS[0][1]}" if scope.startswith(_word_tuple("scope_glosses")) else ""
    )
    return text[clause_start:opening] + scope_kept


def scoped(segment: str, name: str, named_before: list[str]) -> str:
    """全市生产总值…增长6.0%（不含雄安增长7.3% → 全市生产总值（不含雄安）: a value in brackets opened right
    after the value before it is of that value's indicator within the scope the bracket names; 全部财政收入完成781亿元
    (按可比口径，可达839.8亿元 → 全部财政收入(按可比口径): so is one after a clause of the bracket's own that says only
    the scope or basis (scope_glosses)."""
    opening, closing = next((pair for pair in BRACKETS if segment.startswith(pair[0])), ("", ""))
    if not (opening and named_before and name) or closing in segment:
        return name
    if not name.startswith(named_before[-1]):
        return f"{named_before[-1]}{opening}{name}{closing}"
    scope_end = next((i for i, ch in enumerate(segment) if ch in CLAUSE_END), 0)
    scope = segment[1:scope_end]
    if scope.startswith(_word_tuple("scope_glosses")):
        return f"{named_before[-1]}{opening}{scope}{closing}"
    return name


def still_scoped(segment: str, name: str, scoped_name: str) -> str:
    """(按可比口径，可达839.8亿元、增长32.3％): a value after the first in a bracket of scope or basis, the bracket still
    open, is of the same indicator in the same scope as the one before it (``scoped_name``, scoped)."""
    opening = scoped_name[len(name) : len(name) + 1]
    brackets = dict(BRACKETS)
    if not (name and scoped_name.startswith(name) and opening in brackets) or brackets[opening] in segment:
        return name
    return scoped_name if scoped_name.startswith(_word_tuple("scope_glosses"), len(name) + 1) else name


def shares_of_clause_before(text: str, clause_ends: Marks, start: int, stop: int, segment: str) -> list[str]:
    """经济总量连续跨过3个万亿元大关，占全国比重由2020年的7.2%… → 经济总量占全国比重; 实际利用外资、…、外贸进出口额，
    占全市比重分别达70%、… → 实际利用外资占全市比重, …: a clause opening with 占 has no subject of its own, its share
    is of the things the clause before (ending at ``stop``) names; [] where the words are no share, or that clause
    names nothing."""
    share = share_words(segment)
    if not share:
        return []
    owners = parse_head(text[max(start, clause_ends.last_before(stop) + 1) : stop]).names
    return [subject_of(owner) + share for owner in owners]


def share_of_named(segment: str, named_before: list[str]) -> str:
    """…新能源汽车年产量增至82万辆、占比达到45% → 新能源汽车年产量占比; …、占全国23.9% → …占全国比重: a
    share written after 占 is of the thing named before it in the sentence; "" where the words before the
    value are no such share."""
    share = share_words(segment) if named_before else ""
    return named_before[-1] + share if share else ""


def share_words(segment: str) -> str:
    """、占全国23.9% → 占全国比重, ，占比达到45% → 占比: the share written at the start of the words before a value, 占 and
    its whole, with the share word it is written with (比重 where none is); "" where they are no such share."""
    mark, share = load("cues")["indicator"]["share_of_whole"]
    if mark not in segment:
        return ""
    m = _share_pattern().search(segment)
    if not m or not (m["whole"] or m["share"]):
        return ""
    return mark + m["whole"] + (m["share"] or share)


@cache
def _share_pattern() -> re.Pattern[str]:
    cues = load("cues")["indicator"]
    mark = cues["share_of_whole"][0]
    words = cues["verbs"] + cues["between_words"] + cues["baseline_to"]
    # (a baseline written after the share: 占规上工业比重高于上年3.5个百分点, 占…比重比上年提高…)
    baselines = load("cues")["head"]["baseline_forms"]
    alternation = "|".join([*map(re.escape, sorted(words, key=len, reverse=True)), *baselines])
    shares = "|".join(map(re.escape, cues["share_words"]))
    # 、占全国 / ，约占全省比重达 / 、占比由…: the share at the start of the words before the value
    return re.compile(
        rf"^[{re.escape(_MARKS['share_opening'])}]?{_HEAD['about']}?{mark}(?P<whole>[^{re.escape(_MARKS['share_stops'])}]*?)"
        rf"(?P<share>{shares})?(?:{alternation}|[{''.join(cues['baseline_from'])}].*)*$"
    )


def share_spent(text: str, end: int) -> str:
    """投向民生领域比重 (财政支出八成以上投向民生领域): a percentage written before a verb of what a whole goes to
    (share_predicates) is the share (比重) of the name before it going there: the words from the verb to the clause's
    end and 比重; "" where no such verb follows the value (or its 的)."""
    at = end + len(DE) if text.startswith(DE, end) else end
    if not text.startswith(_word_tuple("share_predicates"), at):
        return ""
    m = _CLAUSE_REST.match(text, at)
    return m.group() + load("cues")["indicator"]["share_of_whole"][1] if m else ""


def obtained(text: str, sentence_start: int, value_start: int, name: str) -> str:
    """争取中央预算内投资237亿元 → 争取中央预算内投资: 争取 before funds, quotas or bonds obtained is the act
    of obtaining them, part of the name (obtain_verbs), not the hedge it is before a verb."""
    if not name.endswith(_obtained_things()):
        return name  # (most names: the sentence is not searched for them)
    cues = load("cues")["indicator"]
    verb = cues["obtain_verbs"]
    at = text.rfind(name, sentence_start, value_start)
    if at >= len(verb) and text.startswith(verb, at - len(verb)):
        return verb + name
    if at > 0 and text.endswith(cues["examples_mark"], 0, at):
        # 争取中央预算内资金、新增国债、政府专项债等国家政策资金551.11亿元 → 争取国家政策资金: 争取 opening the
        # examples of the funds named after them (the examples are in no name: docs/gold-conventions.md 6)
        clause = text[sentence_start:at]
        clause = clause[max(clause.rfind(c) for c in CLAUSE_END) + 1 :]
        if verb in clause and examples_at(clause[clause.index(verb) :]) >= 0:
            return verb + name
    return name


def obtained_in_list(
    text: str, readings: list[Reading], sentence_start: int, name: str, inherited: bool
) -> str:
    """争取中央（省）预算内资金21.94亿元、地方政府专项债券资金35.33亿元 → 争取地方政府专项债券资金: funds named in a
    list after funds obtained (obtain_verbs, obtained) are obtained too, as is a rate that inherits their name
    (争取专项债359.1亿元、增长44.2%); the name as it is otherwise."""
    verb = load("cues")["indicator"]["obtain_verbs"]
    before = readings[-1] if readings else None
    if (
        before is None
        or before.mention.end <= sentence_start
        or not before.indicator_text.startswith(verb)
        or name.startswith(verb)
    ):
        return name
    if inherited:
        return before.indicator_text if before.indicator_text == verb + name else name
    between = text[before.mention.end : text.find(name, before.mention.end)]
    return verb + name if is_list_joiner(between) else name


@cache
def _issued() -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The ends of names of flows 新增 is part of (new_funds, and the measures' new_flows), those of shares
    (share_names), and 新增 (new_funds_verb)."""
    cues = load("cues")
    flows = (*cues["indicator"]["new_funds"], *cues["measure"]["new_flows"])
    return flows, tuple(cues["indicator"]["share_names"]), cues["indicator"]["new_funds_verb"]


def new_flow_name(text: str, sentence_start: int, mention: Mention, name: str) -> str:
    """新增地方政府专项债券额度936亿元 → 新增地方政府专项债券额度, 新增农村劳动力转移就业4552人 → 新增农村劳动力转移就业,
    新增非化石能源装机占比达到75%以上 → 新增非化石能源装机占比: 新增 written right before the name of a flow whose new
    amount is the flow itself (money issued or obtained, relief granted, jobs, labour moved: new_funds, new_flows; docs/gold-
    conventions.md, decision 7; the measures make the amount a level) or of a share of the new things (a percentage
    named by share_names) is part of the name; the name as it is otherwise."""
    flows, shares, verb = _issued()
    if name.startswith(verb) or not (name.endswith(flows) or (mention.unit == "%" and name.endswith(shares))):
        return name
    at = text.rfind(name, sentence_start, mention.start)
    return verb + name if at >= len(verb) and text.startswith(verb, at - len(verb)) else name


def upgrade_compound(name: str, verb: str) -> bool:
    """老旧小区改造 + 提升, 林分优化 + 提升: ``verb`` ends in the second half of the compound of an act ``name`` ends in
    (upgrade_acts), written after the things it is done to (not 改造 alone: 改造提升5万亩, a verb with its object elsewhere)."""
    cues = load("cues")["indicator"]
    if not verb.endswith(cues["upgrade_verb"]):
        return False
    return any(name.endswith(act) and len(name) > len(act) for act in cues["upgrade_acts"])


@cache
def _obtained_things() -> tuple[str, ...]:
    return tuple(load("cues")["indicator"]["obtained_things"])


def people_counted(name: str, noun_after: re.Match[str] | None) -> str:
    """基本医疗保险覆盖 + 13.5亿人 → 基本医疗保险覆盖人数: a count of people named by what was done for or
    by them ends in the people, as written after the count (育儿补贴惠及…万名婴幼儿 → 育儿补贴惠及婴幼儿)
    or in the word for them (people_counted)."""
    for ending, people in load("cues")["indicator"]["people_counted"].items():
        if name.endswith(ending) and len(name) > len(ending):
            people_after = balanced(noun_after.group()) if noun_after else ""
            # 1600万人进城落户: the words after the count are the name itself
            return name + (people_after if people_after and people_after not in name else people)
    return name


@cache
def _medals() -> dict[str, str]:
    return load("cues")["indicator"]["medals"]


@cache
def _medal_verbs() -> tuple[str, ...]:
    return tuple(load("cues")["indicator"]["medal_verbs"])


def medal_won(name: str, counter: str, read_after: bool, named_before: list[str]) -> str:
    """绍兴健儿获亚运会 + 10金 → 绍兴健儿亚运会金牌: a tally of medals counts the medal its counter stands for
    (medals), won at the contest named before it; the verb of winning, at the name's end or before the
    contest, is no part of the name (medal_verbs). A member of a tally named by the words after it takes the
    contest of the member before (获6金2银佳绩: 2银 → …亚运会银牌, not 佳绩)."""
    medal = _medals()[counter]
    if name.endswith(medal):
        return name
    if read_after and named_before:
        won = named_before[-1]
        if before := next((won[: -len(m)] for m in _medals().values() if won.endswith(m)), ""):
            return before + medal
    for verb in _medal_verbs():
        if name.endswith(verb) and len(name) > len(verb):
            name = name[: -len(verb)]
            break
        at = name.rfind(verb)
        if at > 0:
            name = name[:at] + name[at + len(verb) :]
            break
    return name + medal


def share_of_whole(name: str, unit: str | None) -> str:
    """核电装机规模占全国 + 25.8% → 核电装机规模占全国比重: a percentage of the whole written after 占
    (not 民间投资占比: the name says its quantity)."""
    if unit != "%":
        return name
    mark, share = load("cues")["indicator"]["share_of_whole"]  # 占, 比重
    at = name.rfind(mark)
    whole = name[at + len(mark) :]
    # (占地区生产总值: a whole that is a quantity itself; not 占全部财政收入比重, 占比, 市场占有率: a share or rate named)
    if at > 0 and whole and not whole.endswith(tuple(load("cues")["indicator"]["named_share_endings"])):
        return name + share
    return name


# the names of a batch repeat (地区生产总值, 城镇新增就业): each pair of name and words as written is read once in
# this many
MEASURED_KEPT = 8192


@lru_cache(maxsize=MEASURED_KEPT)
def measured_name(name: str, written: str) -> str:
    """The words the indicator's id and key are read from, where they differ from its name: the thing
    counted as written, without the verb of the act or flow that opens the name (新建及改造雨污管网 →
    改造雨污管网, 建设智能工厂和数字化车间 → 智能工厂和数字化车间) where the name is no indicator of the
    taxonomy as it is (建设用地); "" when they are the name."""
    measured = written or name
    if indicator_id(measured):
        return "" if measured == name else measured
    locatives = _word_tuple("locatives")
    while verb := object_verb(measured) or (
        next(w for w in locatives if measured.startswith(w)) if measured.startswith(locatives) else ""
    ):
        # 新建提升体育公园, 新建及改造雨污管网: two verbs of one act (not a word opening with a joiner: 建设和美乡村)
        rest = measured[len(verb) :]
        if not rest.startswith(_word_tuple("words_opening_with_joiners")):
            rest = rest.lstrip(load("cues")["indicator"]["verb_joiners"])
        if len(rest) < 2:
            break
        measured = rest
    return "" if measured == name else measured


def act_before(text: str, start: int, context: Context, relative: str) -> str:
    """The verbs right before a count that name what is done to the things counted (实施30个… → 实施;
    a flow verb: 建成3000多个… → 建成), or ""; none for things named by a relative clause of their own."""
    written = (context.names[0] if len(context.names) == 1 else "") + context.verb
    # 加快建设9个…, 高标准建设7条…, 推动建设超100条…: the adverbs and a verb of carrying out before the act are in no name
    # (docs/gold-conventions.md 5), the act is (建设国家区域医疗中心项目)
    act = _act_of(written)
    verb_at = start - len(context.verb)
    if (
        not (is_act(act) and text.endswith(written, 0, start))
        and context.verb
        and text.endswith(context.verb, 0, start)
        and (verb_at == 0 or text[verb_at - 1] in CLAUSE_END)
        and is_act(_act_of(context.verb))
    ):
        # …通勤圈，建设10个产业协同共建园区: the names are the clause's before, the verb opening this one is the act
        written, act = context.verb, _act_of(context.verb)
    if relative or not is_act(act):
        return context.head.flow
    if left_out_act(act) and text.endswith(written, 0, start):
        # 实施30项市级疏堵工程 → 市级疏堵工程; not 实施了256项… (docs/gold-conventions.md 5: straight before the count)
        return context.head.flow
    between = load("cues")["indicator"]["between_words"]  # 实施了256项
    right_before = any(text.endswith(written + word, 0, start) for word in ("", *between))
    return act if right_before else context.head.flow


@lru_cache(maxsize=NAMES_KEPT)
def _act_of(written: str) -> str:
    """加快建设 → 建设, 高标准建设 → 建设, 推动建设 → 建设: the verbs of an act without the adverbs (act_adverbs,
    manner_adverbs) and verbs of carrying out (strip_leading) written before them; ``written`` where no act is left
    (not 启动建设, 启动26个改造项目: 启动 and 布局 are acts of their own too)."""
    act = written
    while not is_act(act) and (word := _act_openers().opening(act)) and len(act) > len(word):
        act = act[len(word) :]
    return act if is_act(act) else written


@cache
def _act_openers() -> Family:
    return Family.of(
        _word_tuple("act_adverbs") + _word_tuple("manner_adverbs") + _word_tuple("strip_leading")
    )


@lru_cache(maxsize=NAMES_KEPT)
def is_act(words: str) -> bool:
    """实施, 启动建设, 布局打造: words that are all verbs of an act done on a thing or of items built
    (object_verbs, flow_verbs), none of them a verb stripped before a name (推进: strip_leading)."""
    stripped = load("cues")["indicator"]["strip_leading"]
    if not words:
        return False
    while words:
        verb = object_verb(words)
        if not verb or verb in stripped:
            return False
        words = words[len(verb) :]
    return True


def left_out_act(words: str) -> bool:
    """实施, 滚动实施, 布局打造: an act that stays out of the name of the things counted after it (acts_left_out,
    after its adverbs); an adverb alone too (启动50个美丽幸福河湖建设: act_adverbs name nothing alone)."""
    bare = without_adverbs(words)
    return bare in _word_set("acts_left_out") or (not bare and bool(words))


def without_adverbs(words: str) -> str:
    """重点培育 → 培育, 启动实施 → 实施: ``words`` without the adverbs of an act opening them (act_adverbs); ""
    where they are all adverbs (重点)."""
    adverbs = _word_tuple("act_adverbs")
    while words.startswith(adverbs):  # (one test of them all before the one that opens the words is found)
        words = words[len(next(a for a in adverbs if words.startswith(a))) :]
    return words


def not_a_name(names: Sequence[str]) -> bool:
    """今年, 建立, 南阳等, 办好12类, 重点支持: words before a count that name no indicator (a time word, a bare
    verb and its adverbs, a list of examples, a count of the groups the things counted fall in)."""
    examples, not_names, verbs = load("cues")["indicator"]["examples_mark"], _word_set("not_names"), _verbs()
    if names and names[-1].endswith(examples):
        return True  # 锰基钠离子电池、嘉尚二期10万吨磷酸铁锂等7个项目: every member is an example
    for n in names:  # (a loop: all() of a generator it leaves unfinished closes it with an exception)
        if not (
            n.endswith(examples)
            or _bare_act(without_adverbs(n), not_names, verbs)
            or (n.startswith(_word_tuple("predicate_adverbs")) and without_manner(n) in verbs)
            or (n.endswith(_group_words()) and any(ch.isdigit() for ch in n))
        ):
            return False
    return True


def without_manner_opening(name: str) -> str:
    """认真办理人大代表建议 → 办理人大代表建议, 因地制宜新建标准塑胶跑道 → 新建标准塑胶跑道: a name without the adverbs of
    manner opening it (manner_adverbs) where the verb of an act follows them; not before a noun (高标准农田). A verb
    stripped from the start of names is then stripped as it is without the adverb (挂图作战推进844个市重点项目建设 →
    市重点项目: strip_leading)."""
    rest = name
    while manner := _manner_adverbs().opening(rest):
        after = rest[len(manner) :]
        act = opening_act(after) or _manner_acts().opening(after)
        if not act:
            break
        if after.startswith(DE, len(act)):
            return name  # 扎实开展的重点工作: the predicate of a relative clause keeps its adverb, as the gold names do
        rest = after
    lead = _stripped_leading().opening(rest) if rest != name else ""
    return rest[len(lead) :] if lead and len(rest) - len(lead) >= 2 else rest


@cache
def _manner_adverbs() -> Family:
    return Family.of(_word_tuple("manner_adverbs"))


@cache
def _stripped_leading() -> Family:
    return Family.of(_word_tuple("strip_leading"))


@cache
def _manner_acts() -> Family:
    """The verbs that may follow an adverb of manner: those of manner_acts and benefactive_verbs (opening_act reads
    the rest)."""
    return Family.of((*_word_tuple("manner_acts"), *_word_tuple("benefactive_verbs")))


def without_manner(words: str) -> str:
    """基本解决 → 解决: words without the adverbs of manner opening them (predicate_adverbs), but for a verb."""
    adverbs = _word_tuple("predicate_adverbs")
    while words.startswith(adverbs) and words not in _verbs():
        words = words[len(next(a for a in adverbs if words.startswith(a))) :]
    return words


def _bare_act(words: str, not_names: frozenset[str], verbs: frozenset[str]) -> bool:
    """What is left of words before a count once their adverbs are off (重点支持 → 支持, 重点 → ""): nothing, a
    bare verb or an act left out of names."""
    # (the adverbs are off already: left_out_act's own stripping has nothing left to do)
    return not words or words in not_names or words in verbs or words in _word_set("acts_left_out")


def without_total(name: str) -> str:
    """北京运动员共获得国际性比赛奖牌 → 北京运动员获得国际性比赛奖牌: a name without 共 (total_adverb) between its owner
    and the verb of its quantity (predicate_openers, object_verbs, the verbs of keys.toml); not in a word (公共, 共享)."""
    cues = load("cues")["indicator"]
    at = name.find(cues["total_adverb"], 1)
    if at < 0 or any(name.find(w, max(at - 1, 0), at + 2) >= 0 for w in cues["total_adverb_words"]):
        return name
    rest = name[at + 1 :]
    verb = (
        _family_pattern("predicate_openers").match(rest)
        or object_verb(rest)
        or rest.startswith(tuple(_verbs()))
    )
    return name[:at] + rest if verb and len(rest) > 2 else name


def without_achieve(name: str) -> str:
    """规模以上工业企业实现利润 → 规模以上工业企业利润: a name without the verb of achieving between its owner and the
    quantity achieved (achieve_verbs); not one opening a relative clause (实现24小时开放的公园) or the name."""
    for verb in _word_tuple("achieve_verbs"):
        at = name.find(verb)
        if at > 0:
            rest = name[at + len(verb) :]
            # (失业人员实现再就业: no quantity achieved; 上缴税金和实现利润: the verb of one member of two)
            achieved = rest.endswith(_achieved_quantities())
            kept = (
                DE in rest
                or len(rest) < 2
                or not achieved
                or name[at - 1] in load("cues")["indicator"]["verb_joiners"]
            )
            if kept:
                return name
            # 光机电产业如期实现产值, 市属国企全年实现主营收入: the verb's adverbs go with it
            return without_adverbs_after(name[:at]) + rest
    return name


def without_completion(name: str) -> str:
    """服务业完成增加值 → 服务业增加值, 综合保税区全年完成进出口额 → 综合保税区进出口额: a name without 完成 (and its
    adverbs) between its owner and a quantity of its output (completed_quantities); 重点项目完成投资 keeps it, as the gold
    does, and so does 在外省完成建筑业总产值 (a place before the verb: locatives, no owner)."""
    cues = load("cues")["indicator"]
    at = name.find(cues["completion_verb"], 1)
    rest = name[at + len(cues["completion_verb"]) :]
    if at < 0 or DE in rest or not rest.endswith(_word_tuple("completed_quantities")):
        return name
    owner = without_adverbs_after(name[:at])
    return name if owner.startswith(_word_tuple("locatives")) else owner + rest


def without_adverbs_after(owner: str) -> str:
    """The owner of a quantity without the adverbs of the verb after it (如期, 全年: _achieve_adverbs)."""
    while word := next((w for w in _achieve_adverbs() if owner.endswith(w) and len(owner) > len(w) + 1), ""):
        owner = owner[: -len(word)]
    return owner


@cache
def _achieve_adverbs() -> tuple[str, ...]:
    cues = load("cues")["indicator"]
    words = {*cues["predicate_adverbs"], *cues["strip_leading"], *cues["totals"]}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _achieved_quantities() -> tuple[str, ...]:
    cues = load("cues")["indicator"]
    return (*cues["quantity_endings"], *cues["quantity_words"], *cues["achieved_quantities"])


def without_examples(name: str) -> str:
    """发放低保、特困等救助资金 → 发放救助资金, 康复大学等高校 → 高校: a name without the examples written before 等
    where a head noun follows it; the act before the first example (example_openers and the verbs of acts) stays. A
    name that is only the examples (老年餐桌、单位食堂等) or whose head only says they are a field (技术改造、…等方面的
    资金) is kept."""
    cues = load("cues")["indicator"]
    joint = load("marks")["enumeration"]
    listed = name.rfind(joint)
    at = examples_at(name, listed + 1)
    if at < 0:
        return name
    head = name[at + len(cues["examples_mark"]) :]
    if len(head) < 2 or head.startswith(_word_tuple("example_non_heads")):
        return name
    first = name[: name.find(joint)] if listed >= 0 else name[:at]
    if first.startswith((cues["benefactive"], *cues["locatives"], *cues["spread_openings"])):
        return name  # 为高校毕业生等群体提供创业担保贷款: the examples are those the act is for, not what is measured
    opener, subject_verbs = 0, cues["example_openers"]
    for m in _example_opener().finditer(first):
        # the acts written first (or after a subject: 中央财政用于…), not a verb inside the first example (地方政府新增
        # 专项债券、…)
        if m.start() != opener and (opener or m.group() not in subject_verbs) or len(first) - m.end() < 2:
            break
        opener = m.end()
    return name[:opener] + head


@cache
def _example_opener() -> re.Pattern[str]:
    cues = load("cues")["indicator"]
    words = {
        *_acts_before_counts().words,
        *cues["benefactive_verbs"],
        *cues["leading_verbs"],
        *cues["example_openers"],
        cues["obtain_verbs"],
    }
    return re.compile(
        "|".join(map(re.escape, sorted((w for w in words if len(w) > 1), key=len, reverse=True)))
    )


def first_at(family: str, text: str, start: int) -> int:
    """Where the first word of the cue family ``family`` written in ``text`` at or after ``start``
    begins; -1 if none is."""
    m = _family_pattern(family).search(text, start)
    return m.start() if m else -1


@cache
def _family_pattern(family: str) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, load("cues")["indicator"][family])))


@cache
def _group_words() -> tuple[str, ...]:
    return tuple(load("cues")["indicator"]["group_words"])


@cache
def _verbs() -> frozenset[str]:
    return frozenset(word for word, _ in load("keys")["verbs"])


def counted_noun(noun: str, text: str, start: int) -> tuple[str, str]:
    """The noun after a count as the thing counted: without an action word after it (重点事项攻坚 →
    重点事项); after 为, the clause it is the beneficiary of (为10万名残疾人提供基本康复服务 →
    提供基本康复服务的残疾人); with the noun as written where the name reorders it, else ""."""
    cues = load("cues")["indicator"]
    for joiner in cues["counted_noun_joiners"]:
        noun = noun.removesuffix(joiner)
    # 43.6万平方米小梁薄板房屋等旧住房成套改造: the kind after the examples (not 等 of a word: 6家高等级民宿)
    at = examples_at(noun) if cues["examples_mark"] in noun else -1
    kind = noun[at + len(cues["examples_mark"]) :] if at > 0 else ""
    if len(kind) >= 2:
        noun = kind
    if text.endswith((cues["benefactive"], *cues["acted_on_marks"]), 0, without_whole_region(text, start)):
        # (a verb opening the noun leaves the people the count's own word, 为1.86万人提供职业技能提升培训: the act is the name,
        # not reordered around a verb inside it)
        verbs = [noun.find(v) for v in cues["benefactive_verbs"] if noun.find(v) >= 0]
        # (an adverb alone before the verb leaves the people the count's own word: 为30万老年人免费体检 stays 免费体检)
        if verbs and min(verbs) > 0 and noun[: min(verbs)] not in cues["benefactive_adverbs"]:
            at = min(verbs)
            verb = next(v for v in cues["benefactive_verbs"] if noun.startswith(v, at))
            act = noun[at : at + len(verb)] + noun[at + len(verb) :].removeprefix(cues["perfective"])
            thing = noun[
                :at
            ]  # 孤独症儿童家庭免费|提供…: an adverb of the act (benefactive_adverbs) opens the clause
            adverb = next(
                (a for a in cues["benefactive_adverbs"] if thing.endswith(a) and len(thing) > len(a)), ""
            )
            return f"{adverb}{act}{DE}{thing[: len(thing) - len(adverb)]}", noun

    acted = object_after_count(noun, text, start)
    if acted:
        return acted, noun
    progress = first_at("progress_words", noun, 2)
    noun = noun[:progress] if progress > 0 else noun
    acts = (*_word_tuple("act_objects"), *cues["counted_noun_actions"])
    if noun.endswith(acts) and _after_completion(text, start):
        # 完成3000个贫困村整体脱贫任务, 完成10个全民健身示范工程建设: an act done to the things counted, 完成's object as
        # written (not 完成50项改革创新经验复制推广, whose verb after the things is a predicate: 复制推广的改革创新经验)
        return noun, ""
    if _after_completion(text, start) and (act := _act_after_list(text, text.find(noun, start) + len(noun))):
        return noun + act, noun  # 完成307座矿山、3060家储煤场粉尘治理 → 矿山粉尘治理
    for action in cues["counted_noun_actions"]:
        if noun.endswith(action) and len(noun) - len(action) >= 2:
            # 重点项目开工建设, 骨干水源工程加快建设: the action is the predicate's (开工建设的重点项目)
            rest, adverb = noun[: -len(action)], _word_tuple("predicate_adverbs")
            if (opens := first_at("predicate_openers", rest, 2)) >= 0 and _names_a_thing(rest[:opens]):
                break
            thing = rest.removesuffix(next((a for a in adverb if rest.endswith(a)), ""))
            if thing != rest and len(thing) >= 2:
                return f"{rest[len(thing) :]}{action}{DE}{thing}", noun
            return rest, ""
    at = first_at("predicate_openers", noun, 2)
    if noun[:1] in _word_set("counted_heads") and _family_pattern("predicate_openers").match(noun, 1):
        at = 1  # 8个村被命名为省级民主法治示范村: a head of one character
    # 民生实事全部完成, 贫困县将脱贫出列: 全部 says how the predicate holds and 将 when, not what is counted
    thing, adverbs = noun[: max(at, 0)], (*cues["predicate_adverbs"], *cues["predicate_modals"])
    while thing.endswith(adverbs) and (
        adverb := next((a for a in adverbs if thing.endswith(a) and len(thing) > len(a)), "")
    ):
        thing = thing[: -len(adverb)]
    if at < 0 or not _names_a_thing(thing):
        shared = predicate_of_list(text, text.find(noun, start) + len(noun))
        return (f"{shared}{DE}{noun}", noun) if shared else (noun, "")
    # 1596个重大项目完成投资1.5万亿元, 80项重点工程已竣工26项: the predicate goes on to a value of its own
    end = text.find(noun, start) + len(noun)
    if (
        end < len(text)
        and (code := _LETTER_CODE.match(text, end))
        and (after := NOUN_AFTER_COUNT.match(text, code.end()))
    ):
        noun += code.group() + after.group()  # 7个项目入选国家5G工厂名录: a code with Latin letters, no value
    elif end < len(text) and text[end].isdigit():
        rank = _rank("predicate_ranks").match(text, end)  # 企业入围中国企业500强: a rank, no value
        top = noun.endswith(cues["top_rank_mark"]) and _rank("top_rank_words").match(
            text, end
        )  # 进入…前200名
        rank = rank or top
        if not rank:
            return thing, ""
        noun += rank.group()
        if noun.count(_QUOTE_OPEN) > noun.count(_QUOTE_CLOSE) and text.startswith(_QUOTE_CLOSE, rank.end()):
            noun += (
                _QUOTE_CLOSE  # 入围“中国民营企业500强”: the rank ends a quoted list's name, closed after it
            )
        elif after := NOUN_AFTER_COUNT.match(text, rank.end()):
            noun += after.group()  # 入选全球前2%顶尖科学家榜单: the ranking the place is in, named after it
    with_at = thing.find(cues["comitative"], 2)
    if with_at > 0:
        thing = thing[:with_at]  # 规上工业企业与上海企业建立合作关系: 与 opens the predicate, not a list
    if (head_end := _counted_end(thing)) > 0:
        thing = thing[:head_end]  # 农村人口饮水安全问题得到解决 → 饮水安全问题得到解决的农村人口
    clause = noun[len(thing) :]  # 稳定脱贫, 按期竣工投产: the predicate with its adverbs, not its modal
    clause = without_opening(clause, "predicate_modals")
    predicate = without_opening(clause, "predicate_adverbs")  # 保交房任务全面完成
    if predicate in cues["completion_predicates"]:
        return thing, ""  # 158件民生实事全部完成 → 民生实事: the things to do, all done
    opener = _family_pattern("predicate_openers").match(predicate)
    if opener and predicate.startswith(cues["perfective"], opener.end()):  # 初步建立了…制度 → 初步建立…制度
        cut = len(clause) - len(predicate) + opener.end()
        clause = clause[:cut] + clause[cut + len(cues["perfective"]) :]
    return f"{clause}{DE}{thing}", noun


def _act_after_list(text: str, end: int) -> str:
    """完成307座矿山、3060家储煤场粉尘治理 → 粉尘治理: the act written once after the things the last of a list of
    counts following a noun (at ``end``) counts, where they end in one of counted_heads (_counted_end); "" otherwise."""
    last, at = "", end
    while m := _NEXT_COUNTED.match(text, at):
        last, at = m.group(1), m.end()
    head_end = _counted_end(last) if last else -1
    return last[head_end:] if head_end > 0 else ""


def _after_completion(text: str, start: int) -> bool:
    """完成 (or 完成了) written right before the count at ``start``: what follows the count is the object done."""
    cues = load("cues")["indicator"]
    if text.endswith(cues["perfective"], 0, start):  # (the text before is not copied: a value of a long text)
        start -= len(cues["perfective"])
    return text.endswith(cues["completion_verb"], 0, start)


@cache
def _rank(family: str) -> re.Pattern[str]:
    """A rank written with the words of ``family`` after its number (500强 of predicate_ranks, 前200名 of
    top_rank_words)."""
    ranks = "|".join(map(re.escape, load("cues")["indicator"][family]))
    return re.compile(f"{_DIGIT}+(?:{ranks})")


def object_after_count(noun: str, text: str, start: int) -> str:
    """解决了151.6万农村人口饮水安全问题 → 解决饮水安全问题的农村人口, 对36个老旧小区供热设施维修改造 → 供热设施维修改造的老旧小区: the
    things counted (up to the first of counted_heads that ends them) and, after them, the object of the verb before the
    count (object_after_count_verbs) or of the act 对 a count says it is done to, named as a relative clause; "" otherwise."""
    if not noun.endswith(_word_tuple("act_objects")):
        return ""
    verb = _verb_of_counted(text, start)
    if verb is None:
        return ""
    end = _counted_end(noun)
    return f"{verb}{noun[end:]}{DE}{noun[:end]}" if end > 0 else ""


def _counted_end(noun: str) -> int:
    """Where the things counted end in ``noun`` when an object ending in one of act_objects follows them (村|生活污水治理,
    农村人口|饮水安全问题): after the last of counted_heads that is a word of its own and no member of a list before
    its last (低保人员和特困群众); -1 where none is, or where a gloss goes on after it (干线公路与村（组）…)."""
    if not noun.endswith(_word_tuple("act_objects")):
        return -1
    cues = load("cues")["indicator"]
    heads, not_heads, joiners = (
        _word_tuple("counted_heads"),
        cues["not_counted_heads"],
        _word_tuple("counted_noun_joiners"),
    )
    openings = tuple(pair[0] for pair in BRACKETS)
    # the last head that is a word of its own (进城务工人员随迁子女|义务教育): not 村 of 村庄 (a longer head there), of
    # 农村人口 (a head after it) or of 农村 (not_counted_heads)
    for end in range(len(noun) - 2, 0, -1):
        head = next((h for h in heads if noun.endswith(h, 0, end)), "")
        if not head or noun.startswith(heads, end):
            continue
        if any(noun.startswith(h, end - len(head)) and len(h) > len(head) for h in heads):
            continue
        if any(0 <= noun.find(w, max(end - len(w), 0)) <= end - len(head) for w in not_heads):
            continue  # (a word of not_counted_heads found there covers the head: it ends at or after the head's end)
        if noun.startswith(joiners, end):
            continue  # 低保人员和特困群众基本生活: the things are a list, its last head ends them
        if noun.startswith(openings, end):
            return -1  # 干线公路与村（组）道路平交道口…: the head goes on in its gloss
        return end
    return -1


# how far before a count the verb whose object follows the things counted is looked for, within its clause
VERB_OF_COUNTED_REACH = 60


def _verb_of_counted(text: str, start: int) -> str | None:
    """The verb before a count whose object follows the things counted (解决了), also for the next count of
    a 、-list after it (解决245个村、29万人饮水安全问题); "" for 对 (the act is the object's); None for none."""
    cues = load("cues")["indicator"]
    start = without_whole_region(text, start)  # 解决全市…问题
    clause = text[max(start - VERB_OF_COUNTED_REACH, 0) : start]
    clause = clause[max(clause.rfind(c) for c in CLAUSE_END) + 1 :]
    before = clause.removesuffix(cues["perfective"])
    if before.endswith(_word_tuple("acted_on_marks")):
        return ""
    verbs = cues["object_after_count_verbs"]
    verb = next((v for v in verbs if before.endswith(v)), None)
    if verb is None and clause.endswith((MARKS["enumeration"], *cues["counted_noun_joiners"])):
        m = _verb_before_list().search(clause)
        verb = m.group(1) if m else None
    return verb


def without_whole_region(text: str, start: int) -> int:
    """Where the words before a count (at ``start``) end once the whole of a region written right before it is off
    (为全市5万名农村妇女免费提供宫颈癌筛查: whole_region): the verb or 为
    before it is the count's."""
    regions = _word_tuple("whole_region")
    if not text.endswith(regions, 0, start):  # (most counts: one test of them all)
        return start
    return start - len(next(w for w in regions if text.endswith(w, 0, start)))


@cache
def _verb_before_list() -> re.Pattern[str]:
    cues = load("cues")["indicator"]
    verbs = "|".join(map(re.escape, cues["object_after_count_verbs"]))
    return re.compile(f"({verbs})(?:{re.escape(cues['perfective'])})?{_DIGIT}")


def _adverb_ending(words: str) -> str:
    return next((a for a in _word_tuple("predicate_adverbs") if words.endswith(a)), "")


def _names_a_thing(words: str) -> bool:
    """脱贫人口, 村 name a thing before a predicate; 实现了 (84万人实现了脱贫) does not: a predicate's opener and 了 are
    all it holds."""
    opener = _family_pattern("predicate_openers").match(words)
    rest = words[opener.end() :] if opener else words
    # 亿元以上新建续建项目, 拟竣工投产项目: a flow verb or an opener says which things, no predicate follows it
    ending = (*_word_tuple("flow_verbs"), *_word_tuple("predicate_openers"))
    return bool(rest.lstrip(load("cues")["indicator"]["perfective"])) and not words.endswith(ending)


def predicate_of_list(text: str, end: int) -> str:
    """5个高质量数据集、4个可信数据空间纳入国家试点 → 纳入国家试点: the predicate written once after the
    last of a list of counts and nouns that follows a noun at ``end`` (a joiner or the next count
    right after it), as predicate_openers open it; "" where no such list or predicate follows."""
    last, at = "", end
    while m := _NEXT_COUNTED.match(text, at):
        last, at = m.group(1), m.end()
    if not last or (at < len(text) and text[at].isdigit()):
        return ""  # 1596个重大项目完成投资1.5万亿元: the predicate goes on to a value of its own
    found = first_at("predicate_openers", last, 1)
    return last[found:] if found >= 1 else ""
