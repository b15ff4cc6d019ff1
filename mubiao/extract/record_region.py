"""The record_region stage: whose number each value is (spec: "Whose number: the region of each
record"). The region named as the subject of the value's clause (with 分别 over a list of places, one
a value), resolved in the document's context (白云区 in a text on 广州 → 广州市白云区), else the
document's region. A place that is a benchmark (高于全国, 占全国, 超出重庆), part of an institution's
name (深圳海关) or the object of a verb (支持成都…) is no subject. Cues in knowledge/record_regions.toml."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from mubiao.extract.doc import Doc, Reading
from mubiao.extract.segment import Occurrences
from mubiao.knowledge import load
from mubiao.regions import NATIONAL_CODE, Region, gazetteer
from mubiao.wordfinder import Found, WordFinder

STAGE = "record_region"
_WORDS = load("record_regions")
YEAR_BEFORE_NAME = re.compile(_WORDS["year_before_name"])
SUBJECT_ENDS = _WORDS["subject_ends"]
RESPECTIVELY = _WORDS["respectively"]
NAME_STOP = re.compile(_WORDS["name_stop"])
LIST_MARK = _WORDS["list_mark"]


@dataclass(frozen=True, slots=True)
class Place:
    """A place named as a clause's subject: one region, or several listed together."""

    start: int
    end: int
    words: str  # as written: 广州、深圳
    regions: tuple[Region, ...]  # empty: the document's own region (全省, 我市)
    # the first of a list whose other members are no divisions (曹妃甸区、渤海新区和北戴河新区)
    list_goes_on: bool = False


@cache
def _cues() -> dict:
    cues = load("record_regions")
    gaz = gazetteer()
    extra = cues["own_words"] + cues["national_words"] + cues["everyday_words"]
    words = {*gaz.by_name, *extra}
    lead = "|".join([*map(re.escape, cues["lead_words"]), cues["lead_pattern"]])
    return {
        **cues,
        "places": WordFinder(words),
        "longest_place": max(map(len, words)),
        "everyday_words": frozenset(cues["everyday_words"]),
        "lead": re.compile(rf"(?:{lead})(?:{cues['lead_comma']})?$"),
        "name_words": re.compile("|".join(map(re.escape, cues["name_words"]))),
        "long_name_words": re.compile("|".join(map(re.escape, cues["long_name_words"]))),
        "name_joiners": tuple(cues["name_joiners"]),
        "compared_after": tuple(cues["compared_after"]),
        "longest_list_joiner": max(map(len, cues["list_joiners"])),
        "ratio": re.compile(cues["ratio_value"]),
        "own_figure": re.compile(cues["own_figure"]),
        **{
            k: re.compile(cues[k])
            for k in (
                "region_class_after",
                "region_class_before",
                "group_statistic",
                "described_by_value",
                "value_then_joiner",
            )
        },
        "group_words": re.compile(cues["group_words"]),
    }


def drop_statements_about_regions(doc: Doc) -> None:
    """Counts and shares of regions and statistics over a group of regions are no records (spec), in the
    genres that report on many regions; a report's counts of its own places (28个省份实现了…) stay."""
    if doc.structure.genre not in _cues()["non_record_genres"]:
        return
    doc.readings = [r for r in doc.readings if not _about_regions(doc.text, r)]


def _about_regions(text: str, reading: Reading) -> bool:
    cues, mention = _cues(), reading.mention
    before = text[max(reading.sentence[0], mention.start - cues["before_reach"]) : mention.start]
    if mention.unit in ("count", "%", "share") and cues["region_class_after"].match(text, mention.end):
        return True
    if mention.unit == "count" and cues["region_class_before"].search(before):
        return True
    return bool(cues["group_statistic"].search(before)) and bool(
        cues["group_words"].search(text, reading.sentence[0], reading.sentence[1])
    )


def read_regions(doc: Doc) -> None:
    """The region of each value; the document's own (the structure stage decided it) where no place is
    named as its subject."""
    drop_statements_about_regions(doc)
    cues, text = _cues(), doc.text
    everyday = cues["everyday_words"]
    paragraphs = doc.structure.genre in cues["paragraph_genres"]
    reaches = _reaches(doc, paragraphs)
    named = [
        p
        for start, end in _place_spans(doc, reaches)
        for p in cues["places"].finditer(text, start, end)
        if p.word not in everyday
    ]
    named_ends = [p.end for p in named]
    places = find_subjects(doc, named, reaches)
    starts = [p.start for p in places]
    own = doc.document.region, doc.document.region_code
    own_rule = "the document's" if own[0] else "the document has none"
    own_rule = f"no region named as the clause's subject: {own_rule}"
    clause_ends = doc.clause_ends.only("".join(cues["clause_ends"]))
    written = {word: Occurrences(text, word) for word in (RESPECTIVELY, cues["examples_of_a_set"])}
    figure_reach = cues["own_figure_reach"]
    last: Place | None = None  # the place that decided the value before, if one did
    for reading, reach in zip(doc.readings, reaches, strict=True):
        start = reading.mention.start
        # (most values have no place named close before them, nor a subject in reach: both looked up
        # first, and the value's clause only where there is one)
        after, i = bisect_right(named_ends, start), bisect_left(starts, start) - 1
        close = after > 0 and named_ends[after - 1] >= start - figure_reach
        subject = i >= 0 and places[i].start >= reach
        decided = None
        if close or subject:
            clause = clause_ends.last_before(start) + 1
            first = bisect_left(named_ends, max(clause, start - figure_reach), 0, after)
            decided = _second_term(doc, reading, clause, named[first:after]) if first < after else None
            if decided is None and subject:
                decided = _subject(doc, reading, places[i], paragraphs, clause, last, written)
        last = decided[2] if decided else None
        if decided is None:
            reading.region, reading.region_code = own
            reading.trace.add(STAGE, own_rule, own[0] or "")
            continue
        regions, rule, place = decided
        if regions is None:
            reading.region, reading.region_code = None, None
        elif not regions:
            reading.region, reading.region_code = own
        elif len(regions) == 1:
            reading.region, reading.region_code = regions[0].full_name, regions[0].code
        else:
            reading.region, reading.region_code = LIST_MARK.join(r.full_name for r in regions), None
        reading.region_words = place.words
        reading.trace.add(STAGE, rule, place.words, place.start)


def _place_spans(doc: Doc, reaches: list[int]) -> list[tuple[int, int]]:
    """Where the places a value's subject or second term may be are looked for: from each value's reach
    (``reaches``: its sentence's or paragraph's start, where no name goes on from before) up to it and
    twice the longest name on (a pass decides the name at a character by the names that open there: so
    every name opening before the value is found as in a pass over the whole text), stretches less than
    that apart read as one. Most of a text is in none (a report: two thirds), and the places of all of
    it took a third of this stage's time."""
    reach = 2 * _cues()["longest_place"]
    spans: list[tuple[int, int]] = []
    # (the stretch being read kept in two numbers, and a pair made only where it ends, not for each value)
    first, last = 0, -1  # none yet
    for reading, start in zip(doc.readings, reaches, strict=True):
        end = reading.mention.start + reach
        if last >= 0 and start <= last + reach:
            last = end if end > last else last
            continue
        if last >= 0:
            spans.append((first, last))
        first, last = start, end
    if last >= 0:
        spans.append((first, last))
    return spans


def _second_term(
    doc: Doc, reading: Reading, clause: int, before: list[Found]
) -> tuple[tuple[Region, ...], str, Place] | None:
    """高于重庆的18.1%, 高于全国GDP 5.5%: a place after a comparison word with its own figure (的, or
    the indicator's name, then the value) is that figure's region. Written straight before a gap
    (高于全国1.7个百分点, 占全国9成) or a fraction (宁波的1/6) the place is the benchmark, no region.
    ``before``: the places named in the text that end close before the value (own_figure_reach), within
    its clause if it is shorter; ``clause``: where the value's clause starts."""
    cues, text, mention = _cues(), doc.text, reading.mention
    if mention.unit == "pp" or cues["ratio"].match(text, mention.start):
        return None
    for found in before:
        if found.start < clause:
            continue
        between = text[found.end : mention.start]
        compared = text.endswith(cues["compared_after"], clause, found.start)
        if compared and between and cues["own_figure"].fullmatch(between):
            region = _resolve(doc, found.word)
            if region:
                place = Place(found.start, found.end, found.word, (region,))
                return (region,), "the second term of a comparison: the place's own figure", place
    return None


def _subject(
    doc: Doc,
    reading: Reading,
    place: Place,
    paragraphs: bool,
    clause: int,
    last: Place | None,
    written: dict[str, Occurrences],
):
    """``place``: the last subject before the value, within its reach (_reaches); ``clause``: where the
    value's clause starts; ``last``: the place that decided the value before; ``written``: where 分别 and
    the mark of examples (等) stand in the text."""
    start = reading.mention.start
    if not paragraphs and not _same_statement(place, reading, clause, last, written[RESPECTIVELY]):
        return None
    if written[_cues()["examples_of_a_set"]].within(place.end, start):
        return None  # 肇庆等7个大型产业集聚区: the place is one of a set the value counts
    regions = place.regions
    if place.list_goes_on:
        # 曹妃甸区、渤海新区和北戴河新区投资分别增长18%、18%和36%: the first value is the place's; the
        # others and a number they share belong to members that name no division: no region
        if written[RESPECTIVELY].within(place.end, start) and reading.list_position[0] == 0:
            return regions, f"{RESPECTIVELY} over a list of places: the first, a division", place
        return None, "a list of places whose other members are no divisions: no region", place
    if len(regions) <= 1:
        rule = "the clause's subject" if regions else "the document's own region named as subject"
        return regions, rule, place
    position, size = reading.list_position
    if written[RESPECTIVELY].within(place.end, start) and size == len(regions):
        return (
            (regions[position],),
            f"{RESPECTIVELY} over a list of places: one place a value, in order",
            place,
        )
    return regions, f"a number shared by the places listed (no {RESPECTIVELY}): theirs jointly", place


def _same_statement(
    place: Place, reading: Reading, clause: int, last: Place | None, respectively: Occurrences
) -> bool:
    """Outside news a subject holds in its clause; beyond it only for a list of places that 分别 spreads
    over (其次为江苏和北京，分别高出…; 曹妃甸区、渤海新区和北戴河新区新开工…，投资分别增长…) and for a value
    whose name is carried on from the value before, when the place decided that value too (北京GDP达到40269.6亿元，增长8.5%; not 东莞财政援助资金5.1亿元，
    引进…到位投资额41.3亿元，4.25万…: 41.3亿元 was the document's)."""
    start = reading.mention.start
    if place.start >= clause:
        return True
    if (len(place.regions) > 1 or place.list_goes_on) and respectively.within(place.end, start):
        return True
    return reading.context.inherited and last is place


def name_without_place(name: str, reading: Reading) -> str:
    """The indicator's name without the place that is the value's subject before it (北京2021年GDP →
    GDP), so that the indicator is known by its name alone."""
    if not reading.region_words:
        return name
    place = _cues()["places"].match(name, 0)
    if not place or place.word in _cues()["own_words"] or place.word in _cues()["everyday_words"]:
        return name
    rest = YEAR_BEFORE_NAME.sub("", name[place.end :])
    return rest or name


def _reaches(doc: Doc, paragraphs: bool) -> list[int]:
    """Where a subject of each value may stand from: its sentence's start (its paragraph's in
    ``paragraphs`` genres). (One list for all values, the genre asked once: not a call for each.)"""
    if paragraphs:
        line_ends = doc.line_ends
        return [line_ends.last_before(reading.mention.start) + 1 for reading in doc.readings]
    return [reading.sentence[0] for reading in doc.readings]


def find_subjects(doc: Doc, named: list[Found], reaches: list[int]) -> list[Place]:
    """The places named as subjects of clauses, in text order; places listed together are one.
    ``named``: the places named in the text. Only places with a value after them within its reach
    (``reaches``: each reading's, _reaches) are read: no other is any value's subject (most places named
    stand in sentences with no value, and reading each costs more than all the rest of the stage)."""
    cues, text = _cues(), doc.text
    subject_ends = doc.clause_ends.only(SUBJECT_ENDS)
    values = sorted(zip((reading.mention.start for reading in doc.readings), reaches, strict=True))
    starts = [start for start, _ in values]
    found: list[Place] = []
    for i, m in enumerate(named):
        first_after = bisect_right(starts, m.start)
        if first_after == len(values) or values[first_after][1] > m.start:
            continue
        word = m.word
        if word in cues["own_words"]:
            region = None
        else:
            region = _resolve(doc, word)
            following = named[i + 1] if i + 1 < len(named) else None
            if region is None or _in_a_name(text, m.end) or _next_is_a_place(m, following):
                continue
            if _in_a_quoted_name(text, m.start, m.end):
                continue
            if text.startswith(cues["possessive"], m.end) and cues["ratio"].match(text, m.end + 1):
                # 芜湖的1/2: a fraction of the place's figure, whose benchmark the place is
                continue
        previous = found[-1] if found else None
        # (the words between are read only where they can be a joiner: the last subject may stand
        # far back, and a copy of all the text since it for each place takes time in its length squared)
        joined = (
            previous is not None
            and m.start - previous.end <= cues["longest_list_joiner"]
            and text[previous.end : m.start] in cues["list_joiners"]
        )
        if joined and region and previous.regions:
            found[-1] = Place(
                previous.start, m.end, text[previous.start : m.end], (*previous.regions, region)
            )
        elif _subject_position(text, subject_ends.last_before(m.start), m.start) or _next_member(
            doc, region, m.start
        ):
            found.append(Place(m.start, m.end, word, (region,) if region else ()))
    return [
        replace(p, list_goes_on=True) if p.regions and text[p.end : p.end + 1] in cues["list_joiners"] else p
        for p in found
    ]


def _in_a_quoted_name(text: str, start: int, end: int) -> bool:
    """“深圳农场”, “全国199个公共就业创业服务示范城市创建名单”, “我们的中国梦文化进万家”: the place stands
    in quotes that close before its clause ends, around a name rather than a quoted sentence."""
    cues = _cues()
    opening, closing = cues["quotes"]
    reach = cues["quoted_name_reach"]
    opened = text.rfind(opening, max(0, start - reach), start)
    if opened < 0 or closing in text[opened:start]:
        return False
    closed = text.find(closing, end, end + reach)
    return closed >= 0 and not any(ch in SUBJECT_ENDS for ch in text[opened:closed])


def _subject_position(text: str, clause: int, start: int) -> bool:
    """``clause``: where the last of SUBJECT_ENDS before the place stands (-1: none)."""
    cues = _cues()
    if cues["described_by_value"].search(text, max(0, start - 8), start):
        return False
    # the words between the clause's start and the place, read in place (a copy of them for each place
    # of a text with no punctuation takes time in its length squared)
    if start > clause + 1 and not cues["lead"].fullmatch(text, clause + 1, start):
        return start > 0 and text[start - 1] in cues["subject_after"]
    return clause < 0 or text[clause] in cues["subject_after"]


def _next_member(doc: Doc, region: Region | None, start: int) -> bool:
    """兴宾区增长10％、象州县增长14.5％; 工布江达县3万千瓦和朗县7.5万千瓦: after a value and a list joiner, a
    division within the document's region begins the next member's clause (a title or an award
    there, 全国优秀儿童文学奖1项, is no division within it)."""
    found = _cues()["value_then_joiner"].search(doc.text, max(0, start - 8), start)
    return bool(found) and region is not None and _within(region, doc)


def _in_a_name(text: str, end: int) -> bool:
    """深圳海关, 揭阳潮汕机场, 宁波舟山港, 中国·雅安大数据产业园: the place begins the name of an
    institution or an area."""
    cues = _cues()
    if text.startswith(cues["name_joiners"], end):
        return True  # 中国·雅安大数据产业园, 中国—东盟产业合作区
    after = text[end : end + cues["long_name_reach"]]
    if stop := NAME_STOP.search(after):
        after = after[: stop.start()]
    return bool(cues["name_words"].search(after[: cues["name_reach"]])) or bool(
        cues["long_name_words"].search(after)
    )


def _next_is_a_place(place: Found, following: Found | None) -> bool:
    """宁波舟山港, 深圳中国特色社会主义先行示范区: two places written together begin a name.
    ``following``: the next place named (the longest that begins where ``place`` ends, if any)."""
    return (
        following is not None and following.start == place.end and following.word not in _cues()["own_words"]
    )


def _resolve(doc: Doc, word: str) -> Region | None:
    """The division a place stands for in this document: national words are the country, a name several
    divisions share is the one in the document's region (白云区 in a text on 广州 → 广州市白云区)."""
    gaz = gazetteer()
    if word in _cues()["national_words"]:
        return gaz.by_code[NATIONAL_CODE]
    candidates = gaz.by_name.get(word, [])
    if len(candidates) == 1:
        only = candidates[0]
        # two-character county names are everyday words (城区, 和县) unless their city is the document's
        if len(word) <= 2 and only.level == "county" and not _within(only, doc):
            return None
        return only
    inside = [r for r in candidates if _within(r, doc)]
    if len(inside) == 1:
        return inside[0]
    top = [r for r in candidates if r.level != "county"]
    return top[0] if len(top) == 1 else None


def _within(region: Region, doc: Doc) -> bool:
    code = doc.document.region_code
    return bool(code) and any(a.code == code for a in gazetteer().ancestors(region))
