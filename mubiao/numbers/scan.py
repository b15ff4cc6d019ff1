"""One compiled scan for value expressions: bound words, numeral, scale word, unit, ranges.

``find_mentions`` returns every value expression that can measure something, with its value
in the canonical unit. Numbers that cannot (dates, ordinals, bare numbers inside names) are
left out here, by their form alone; what a value measures is the extractor's business.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mubiao.firstchar import SPAN, opening_with
from mubiao.knowledge import load
from mubiao.numbers.exclusions import Candidate, admitted, first_rule, is_chinese_only, is_cjk
from mubiao.numbers.numerals import (
    CHINESE_NUMERAL_CHARS,
    DECIMAL_POINT,
    DIGITS,
    LARGE_UNITS,
    MORE,
    narrow,
    parse_numeral,
)

# Numbers are read whole (atomic groups, possessive runs): no unit begins with a digit, so giving
# digits back never finds a value. And a number starts where its run of digits starts: where the
# run's start found no value, no later digit can. So each run is read once, in one pass (else a run
# of n digits costs n² steps).
# A decimal point set off by a space on each side (增长5 . 5%) is a typesetting slip, read as one.
# (No repeat that holds more than one character is written with a backtracking ? or *: the regex engine
# runs such a repeat (?:…)? as a loop that copies the marks of every group before it, for every number;
# an alternative with an empty one, (?:…|), and a possessive *+ read the same here, the group being atomic.)
ARABIC = r"(?<!\d)(?>\d+(?:,\d{3})*+(?:\.\d+|[ \u3000]\.[ \u3000]\d+|))"
# the words of the scan (knowledge/numerals.toml, [scan])
WORDS = load("numerals")["scan"]
# digits written into a Chinese numeral (1万6千多户, 1亿3千多万): the 多 belongs to the whole
MIXED = WORDS["mixed"]
# A Chinese numeral starts where its run of numeral characters starts (where the run's start finds
# no value, no later character can) and is short (一千二百三十四万五千六百七十八亿 has 17
# characters); it may give characters back (五百万千瓦: 五百万 + 千瓦). So a run is tried once, at
# a bounded cost, and a long run of numeral characters is read in linear time.
LONGEST_CHINESE_NUMERAL = 24
CHINESE = (
    rf"(?<![{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_CHARS}]{{1,{LONGEST_CHINESE_NUMERAL}}}"
    rf"(?:{DECIMAL_POINT}[{WORDS['decimal_digits']}]{{1,{LONGEST_CHINESE_NUMERAL}}}|)"
)
RANGE_SEPARATORS = WORDS["range_separator"]
MULTIPLE_UNIT = WORDS["multiple"]
# A measure word missing from units.toml, kept as written: right after a scale word or 多/余,
# and closing the value (7600多万重量箱、…). Words that are not units are excluded by
# knowledge/exclusions.toml.
# A bound word is never such a unit (1000万以上: 以上 bounds the number), nor begins with one of
# units.toml's not_unit_starts (超百万的省份, 4万亿大关).
UNKNOWN_UNIT = WORDS["unknown_unit"]
# the bar of a compound unit (58万元/人) and of a fraction (2/3), as a character class
SLASH = f"[{re.escape(WORDS['slash'])}]"
# Where Unicode writes decimal digits: a superset of \d that holds no Chinese character, punctuation or
# Latin letter, for the scan's first character. (A class holding \d tests every character of a text
# against the Unicode database; ranges are looked up in a table. The pattern reads \d itself after the
# first character; tests/test_numbers.py checks that every digit is inside.)
DIGITS_AND_MORE = "0-9\u0660-\u1fff\ua620-\uabff\uff10-\uff19\U00010000-\U0010ffff"
# the words right before a number (…农村贫困人口减少1240万), read backwards from it
WORDS_BEFORE_REVERSED = re.compile(r"[\u4e00-\u9fff\d]*")
WORDS_BEFORE_REACH = 16
# shares written as a proportion (4.0∶37.7∶58.3; older reports use the full-width colon, 17.7：49：33.3;
# two terms too: 农业与林牧渔业的产值比例由现在的50：50调整为45：55)
SHARE_COLONS = WORDS["share_colons"]
# (a digit first, and the first number read whole: a pattern opening with a lookbehind is tried at
# every character, and a number that gives digits back never reaches a colon)
SHARE_LIST = re.compile(rf"\d(?<![\d.]\d)(?>\d*(?:\.\d+)?)(?:\s*[{SHARE_COLONS}]\s*\d+(?:\.\d+)?)+(?![\d.])")
# the opening of the clause a number stands in, up to the mark before it (…，总计达到1.17亿)
CLAUSE_OPENING = re.compile(
    rf"[{WORDS['implied_total']['clause_marks']}][^{WORDS['implied_total']['clause_marks']}]*$"
)
TOTAL_REACH = 12
# the noun phrase after a number written without a unit (242万偏远农村居民)
NOUN_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,12}")
# …after an age class written before the noun (29万65岁及以上老年人)
CLASS_BEFORE_NOUN = re.compile(load("units")["class_before_noun"]["pattern"])
# round amounts written with 上 before them (上千家, 上万人): at least that many
ROUND_AMOUNTS = frozenset(WORDS["round_amounts"])
REACHING = WORDS["reaching"]
STEP_BEFORE = tuple(load("cues")["bounds"]["step_before"])
# (the words before a rate's quantity, longest first, and the unit each turns the quantity's into)
PER_BEFORE = tuple(
    sorted(
        ((word, row["units"]) for row in load("units")["per_before"] for word in row["before"]),
        key=lambda p: -len(p[0]),
    )
)
PER_UNITS = frozenset(unit for _, units in PER_BEFORE for unit in units)
STEP_ENDS = frozenset(word[-1] for word in STEP_BEFORE)
# the last characters of the bound words written before a number (超, 突破, 不低于…)
LEAD_WORD_ENDS = frozenset(word[-1] for word in load("cues")["bounds"]["leading"])
SCALE_CHARS = "".join(LARGE_UNITS)


@dataclass(slots=True)
class Mention:
    """A value expression: ``text[start:end]`` with its value in the canonical unit."""

    start: int
    end: int
    low: float | None
    high: float | None
    comparator: str  # eq, approx, ge, gt, le, lt, range (before any decrease is applied)
    unit: str
    # number | multiple (增长N倍) | doubling (翻一番) | two_digit (两位数) | bare (a decimal with no unit)
    kind: str = "number"
    lead: str = ""  # bound word before the number, as written
    trail: str = ""  # bound word after the value, as written
    unit_text: str = ""


# a list of more words than this is tried only where its first characters admit one of them
GUARDED_ALTERNATION = 4


def _alternation(words) -> str:
    """The words as alternatives: those of one first character together, the longest first, the
    characters in the order the words are given. (Only words of one first character can match at one
    place, and among them the longest is tried first. The regex engine tries alternatives one after
    another: the knowledge files list their common words first, which are then found sooner; and where
    no word can start, a test of the next character against the words' first characters fails at once
    instead of after a test of every word.)"""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    alternatives = "|".join(
        re.escape(w) for group in by_first.values() for w in sorted(group, key=len, reverse=True)
    )
    if len(words) <= GUARDED_ALTERNATION:
        return alternatives
    return f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}])(?:{alternatives})"


@cache
def _tables() -> tuple[re.Pattern[str], dict, dict, dict, dict, tuple[str, str]]:
    units = load("units")
    cues = load("cues")["bounds"]
    scale = units["scale"]
    unit_table = units["units"]
    unit = _alternation(unit_table)
    # a compound unit X/Y (58万元/人, 0.6人/百亿元, 1459万吨/年)
    # …and no unit is the first character of a word that never begins one (台 of 迈上万亿台阶)
    # (the rest of the word first: an alternative that opens with a character is skipped at once where
    # another stands, one that opens with a lookbehind is entered)
    word_rests = [
        rf"{re.escape(word[len(known) :])}(?<={re.escape(word)})"
        for word in units["not_unit_starts"]
        for known in unit_table
        if word.startswith(known) and word != known
    ]
    not_a_word = rf"(?!{'|'.join(word_rests)})" if word_rests else ""
    compound = rf"(?:{unit})(?:{SLASH}(?:{_alternation(scale)})?(?:{unit})|){not_a_word}"
    number = rf"(?:{MIXED}|{ARABIC}|{CHINESE})"
    # words that count only before some nouns (十大民生实事), each read with its noun looked ahead at
    counters = "".join(
        rf"|{re.escape(word)}(?={row['before']})" for word, row in units["counters_before"].items()
    )
    more = _alternation(WORDS["more"])
    unknown_unit = UNKNOWN_UNIT.format(bound=_alternation([*cues["trailing"], *units["not_unit_starts"]]))
    scales = _alternation(scale)
    # a range's second number has the first's unit, if the first has one: after another unit it is a value of
    # its own (增长12%至560亿元: the growth, then the level reached; 5年-10%). After a unit, the range's second
    # part is read apart (_second_part): a pattern read looking back (opening_with) holds no test of a group
    # it matched, nor a backreference.
    second = (
        rf"(?P<sep>{RANGE_SEPARATORS})(?P<n2>{number})(?P<s2>{scales}|)(?P<u2>{compound}|{MULTIPLE_UNIT})"
    )
    second_part = (
        rf"(?P<sep>{RANGE_SEPARATORS})(?P<n2>{number})(?P<s2>{scales}|)",
        rf"(?P<trail>{_alternation(cues['trailing'])}|)",
    )
    scaled_or_decimal = rf"(?<=[{SCALE_CHARS}])|(?<=\.\d)|(?<=\.\d\d)"
    # places counted with their classifier left out (有11乡镇): whether it is a count is settled in _interpret
    counted_places = rf"(?={_alternation(WORDS['implied_count']['nouns'])})"
    # (the word forms start with a Chinese numeral or a character of word_form_starts: at a digit, where
    # most values start, that one test rules them all out, instead of an entry into each)
    word_form_opens = f"{CHINESE_NUMERAL_CHARS}{WORDS['word_form_starts']}"
    value = (
        rf"(?:(?=[{word_form_opens}])(?:{WORDS['word_forms'].format(chinese=CHINESE)})"
        # a fraction is no part of a date written with slashes (2024/1/23), and its terms are short (1/3, 7/10, 1/100):
        # years on both sides of a slash are a crop year (2023／2024年榨季)
        # (both start a run of digits and have a slash or colon after it: where none follows, neither is
        # tried; the digits before are looked at first, so that a long run is read once, not from each digit)
        rf"|(?<!\d)(?=\d++(?:\.\d++|)(?:{SLASH}|[∶:]))(?:(?<!\d|{SLASH})(?P<fn>\d{{1,3}}+){SLASH}(?P<fd>\d{{1,3}}+)(?!\d|{SLASH})"
        rf"|(?<!\d)(?P<ratio>\d++(?:\.\d++)?)[∶:]1(?![\d.:∶]))"
        rf"|(?P<n1>{number}){WORDS['unit_gap']}(?P<m1>{more}|)(?P<s1>{_alternation(scale)}|)(?:(?P<m1b>{more})(?P<s1b>{_alternation(scale)}|)|)"
        # a value needs a unit, else a range ending in one, else a scale word (突破万亿, 242万农村居民),
        # else decimals (收入比降至2.2), else places counted (有11乡镇): what these measure is settled in _interpret and by the extractor
        # (an empty group says where a range's separator follows the unit: only there is a second part read)
        rf"(?:(?P<u1>{compound}|{MULTIPLE_UNIT}{counters}|{unknown_unit})(?:(?P<range_after>)(?={RANGE_SEPARATORS})|)"
        rf"|{second}|{scaled_or_decimal}|{counted_places}))"
        rf"(?P<trail>{_alternation(cues['trailing'])}|)"
    )
    # (a group that may be empty is written as an alternative with an empty one, (?P<s1>…|), not as (?P<s1>…)?:
    # the regex engine reads the latter as a repeat, which copies the marks of every group before it; the
    # group reads '' where nothing is written, which each reader takes as it took None. range_after is
    # inside its alternative, not empty itself: whether it matched is what it says, None where the empty
    # alternative was taken; so is the compound unit's /…)
    # every value starts with a digit, a Chinese numeral or 翻 (a match's value is its group SPAN)
    pattern = opening_with(f"{DIGITS_AND_MORE}{CHINESE_NUMERAL_CHARS}{WORDS['word_form_starts']}", value)
    return pattern, scale, unit_table, cues["leading"], cues["trailing"], second_part


# canonical unit and factor of each unit of units.toml and of a multiple, as _unit_value reads them
UNIT_VALUES: dict[str, tuple[str, float]] = {
    **{text: (canonical, float(factor)) for text, (canonical, factor) in load("units")["units"].items()},
    **{text: (row["unit"], 1.0) for text, row in load("units")["counters_before"].items()},
    MULTIPLE_UNIT: ("%", 100.0),
}


@cache
def _second_part(unit: str) -> re.Pattern[str]:
    """The second part of a range whose first number has ``unit`` (12%至15%), which it must end with."""
    opening, closing = _tables()[5]
    return re.compile(f"{opening}{re.escape(unit)}{closing}")


@cache
def _read_groups() -> tuple[int, ...]:
    """The numbers of the scan pattern's groups _interpret reads, in its order (a group read by number
    is not looked up by name)."""
    names = ("n1", "trail", "u1", "u2", "s1", "m1", "s1b", "m1b", "n2", "s2")
    return tuple(_tables()[0].groupindex[name] for name in names)


def _unit_value(unit_text: str, scale: dict, unit_table: dict) -> tuple[str, float]:
    """Canonical unit and factor of a unit as written, compound units included."""
    if unit_text == MULTIPLE_UNIT:
        return "%", 100.0
    if unit_text in unit_table:
        canonical, factor = unit_table[unit_text]
        return canonical, float(factor)
    parts = re.split(SLASH, unit_text, maxsplit=1)
    if len(parts) == 1:
        return unit_text, 1.0  # no canonical form: kept as written
    numerator, denominator = parts
    canonical, factor = unit_table[numerator]
    if not denominator or denominator == WORDS["per_year"]:  # annual capacities drop /年
        return canonical, float(factor)
    per_scale = 1.0
    for word in sorted(scale, key=len, reverse=True):
        if denominator.startswith(word) and denominator[len(word) :] in unit_table:
            per_scale, denominator = scale[word], denominator[len(word) :]
            break
    per_unit, per_factor = unit_table[denominator]
    return f"{canonical}/{per_unit}", float(factor) / (per_scale * per_factor)


def _implied_unit(m: re.Match[str], text: str) -> tuple[str | None, str]:
    """(unit, kind) of a value written without a unit: 亿-scale money, people counted by a noun
    after a 万-scale number (242万偏远农村居民), or a bare decimal after 至/为/从 (收入比降至2.2) whose
    unit the indicator's name decides (kind "bare"); (None, …) when nothing implies one."""
    scaled = bool(m["s1"] or m["m1b"]) or any(ch in SCALE_CHARS for ch in m["n1"])
    people = _people_before(text, m.start(SPAN))
    if people is None and scaled:
        people = _people_of_total(text, m.start(SPAN))
    if people and scaled:
        return people, "number"  # 农村贫困人口减少1240万, 新增第四代移动通信用户3.4亿
    if _implied_yuan(m, text):
        return "CNY", "number"
    if _counted_places(m, text):
        return "count", "number"
    if scaled:
        age = CLASS_BEFORE_NOUN.match(text, m.end(SPAN))
        noun = NOUN_AFTER.match(text, age.end() if age else m.end(SPAN)).group()
        found = (
            [(noun.find(word), unit) for word, unit in _implied_nouns() if word in noun]
            if not _implied_noun_starts().isdisjoint(noun)
            else []
        )
        return (min(found)[1], "number") if found else (None, "number")
    if (
        "." in m["n1"]
        and text[m.start(SPAN) - 1 : m.start(SPAN)] in load("cues")["bounds"]["bare_value_after"]
    ):
        return "", "bare"
    return None, "number"


def _counted_places(m: re.Match[str], text: str) -> bool:
    """A whole number after a verb of existence and before a noun of places, its classifier left out
    (有11乡镇（街道）…): a count of those places."""
    words = WORDS["implied_count"]
    start = m.start(SPAN)
    return (
        m["n1"].isdigit()
        and text[start - 1 : start] == words["after"]
        and text.startswith(tuple(words["nouns"]), m.end(SPAN))
    )


def _people_before(text: str, start: int) -> str | None:
    """The unit implied by a noun for people right before a number (…人口减少1240万, …用户3.4亿)."""
    # (one match of the reversed window, not a search tried from every character of it; the words
    # may end before a line break that ends the window, as they could at a `$`)
    window = text[max(0, start - WORDS_BEFORE_REACH) : start]
    window = window[:-1] if window.endswith("\n") else window
    head = window[len(window) - WORDS_BEFORE_REVERSED.match(window[::-1]).end() :]
    if _implied_noun_starts().isdisjoint(head):
        return None  # (most words before a number: no noun of the table can start in them)
    for word, unit in _implied_nouns():
        if word in head:
            return unit
    return None


def _people_of_total(text: str, start: int) -> str | None:
    """The unit of people counted in the clause before a total (参保人数增加7359万，总计达到1.17亿)
    that the number at ``start`` stands in, if its clause opens with a word of a total."""
    total = WORDS["implied_total"]
    clause = CLAUSE_OPENING.search(text, max(0, start - TOTAL_REACH), start)
    if clause is None or not text.startswith(tuple(total["opening"]), clause.start() + 1):
        return None
    return _people_before(text, clause.start())


@cache
def _implied_nouns() -> tuple[tuple[str, str], ...]:
    table = load("units")["implied_by_noun"]
    return tuple(sorted(table.items(), key=lambda item: len(item[0]), reverse=True))


@cache
def _implied_noun_starts() -> frozenset[str]:
    """The first characters of the nouns that imply a unit: a text holding none holds none of them."""
    return frozenset(word[0] for word, _ in _implied_nouns())


def _implied_yuan(m: re.Match[str], text: str) -> bool:
    """亿-scale amounts written without 元 at a clause end (海洋生产总值突破万亿, 迈上4万亿、5万亿两个台阶)."""
    words = WORDS["implied_yuan"]
    big = (m["s1"] or "").endswith(words["scale"]) or (
        is_chinese_only(m["n1"]) and m["n1"].endswith(words["scale"])
    )
    after = text[m.end(SPAN) : m.end(SPAN) + 2]
    return big and (
        not after
        or not is_cjk(after[0])
        or after in words["followed_by"]
        or after[0] in words["list_joiner"] + CHINESE_NUMERAL_CHARS
    )


def _tidy(value: float) -> float:
    """The value as written, without the binary noise of scaling (85.6亿 → 8560000000.0)."""
    if value.is_integer() and -1e12 < value < 1e12:
        return value  # (most values: written in twelve digits already)
    return float(f"{value:.12g}")


def find_mentions(text: str, narrowed: bool = False) -> list[Mention]:
    """Every value expression in ``text``, in order; offsets index ``text`` itself. ``narrowed``: the
    text's full-width digits and signs are ASCII already (numerals.narrow)."""
    return _scan(text if narrowed else narrow(text), None)


def find_exclusions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule) of every number read in ``text`` whose form lets it measure nothing, with
    the name of the rule of knowledge/exclusions.toml that says so."""
    found: list[tuple[int, int, str]] = []
    _scan(narrow(text), found)
    return found


def _scan(scan_text: str, exclusions: list[tuple[int, int, str]] | None) -> list[Mention]:
    """``scan_text``: a text with its full-width digits and signs as ASCII."""
    pattern, scale, unit_table, leading, trailing, _ = _tables()
    mentions = _shares(scan_text)
    taken = [s.start for s in mentions]  # the shares' spans, in order, looked up by offset
    at = 0
    while m := pattern.search(scan_text, at):
        # a number with a unit may be the first of a range of that unit (12%至15%): its second part
        rest = _second_part(m["u1"]).match(scan_text, m.end("u1")) if m["range_after"] is not None else None
        at = rest.end() if rest else m.end(SPAN)  # (the scan goes on after the value)
        if taken and (i := bisect_right(taken, m.start()) - 1) >= 0 and m.start() < mentions[i].end:
            continue
        mention = _interpret(m, rest, scan_text, scale, unit_table, leading, trailing, exclusions)
        if mention is not None:
            mentions.append(mention)
    _members_with_part_of_a_unit(scan_text, mentions)
    shared = _members_sharing_a_unit(scan_text, mentions, pattern, scale, unit_table)
    if shared:  # a member read before as a bare decimal (分别为1.2、3.4万亿元) takes the list's unit
        ends = {mention.end for mention in shared}
        mentions = [mention for mention in mentions if mention.kind != "bare" or mention.end not in ends]
    return sorted(mentions + shared, key=lambda mention: mention.start) if taken or shared else mentions


# a number written before another value and a list joiner, when the unit is written once after the
# last member (分别达1409万、1305万人次; 分别高1.4、0.6个百分点): Arabic numerals only, since Chinese
# numerals joined by 、 are mostly labels (二、三产业)
LIST_JOINERS = WORDS["shared_unit"]["joiners"]
ORDINAL_BEFORE = tuple(WORDS["shared_unit"]["ordinal_before"])
# (tried only at a digit, where each member starts: searched in the reach before a value, a pattern that
# opens with a lookbehind is tried at each of its characters)
LIST_MEMBER_BEFORE = opening_with(
    DIGITS_AND_MORE,
    rf"(?P<n>{MIXED}|{ARABIC})(?P<more>{'|'.join(WORDS['more'])})?(?P<scale>[{SCALE_CHARS}]{{0,2}})[{LIST_JOINERS}]$",
)
LIST_MEMBER_REACH = 24


def _members_sharing_a_unit(
    text: str, mentions: list[Mention], pattern: re.Pattern[str], scale: dict, unit_table: dict
) -> list[Mention]:
    """A unit written once after a list of values applies to each member (spec: "Coordination and
    ellipsis"); a member with no scale word of its own takes the last one's (1.2、3.4万亿元)."""
    shared: list[Mention] = []
    ends: set[int] | None = None  # (made where a list is read: most texts have few)
    for last in mentions:
        if (
            text[last.start - 1 : last.start] not in LIST_JOINERS
            or not last.unit_text
            or last.unit_text == "∶"
        ):
            continue
        m = pattern.match(text, last.start + len(last.lead))
        if last.kind != "number" or m is None or not m["n1"] or last.comparator == "range" or m["m1b"]:
            continue
        factor = _unit_value(last.unit_text, scale, unit_table)[1]
        if ends is None:
            ends = {mention.end for mention in mentions if mention.kind != "bare"}
        members, pos = [], last.start
        while (member := LIST_MEMBER_BEFORE.search(text, max(0, pos - LIST_MEMBER_REACH), pos)) and (
            member.end(SPAN) - 1 not in ends  # a value with a unit of its own: the lists stage joins them
        ):
            lead = _lead_before(text, member.start())
            members.append((member, lead))
            pos = member.start() - len(lead)
        if not members or text[pos - 1 : pos] in ORDINAL_BEFORE:
            continue  # ranks and ordinals (前20、30、50名, 第1、2名)
        for member, lead in members:
            value = parse_numeral(member["n"]) * factor
            for word in member["scale"] or m["s1"] or "":
                value *= scale[word]
            comparator = "gt" if member["more"] else load("cues")["bounds"]["leading"].get(lead, "eq")
            low = _tidy(value)
            start, end = member.start() - len(lead), member.end(SPAN) - 1
            shared.append(
                Mention(start, end, low, low, comparator, last.unit, "number", lead, "", last.unit_text)
            )
    return shared


def _members_with_part_of_a_unit(text: str, mentions: list[Mention]) -> None:
    """A member written with the first word of the next member's unit only takes that unit
    (分别提高9.4个和8.1个百分点: 9.4个 is 9.4 points, not a count of 9.4)."""
    partial = WORDS["shared_unit"]["partial"]
    for member, last in itertools.pairwise(mentions):
        if (
            partial.get(member.unit_text) == last.unit_text
            and text[member.end : last.start] in LIST_JOINERS
            and not member.trail
        ):
            member.unit, member.unit_text = last.unit, last.unit_text


def _shares(text: str) -> list[Mention]:
    """Two or more numbers joined by ∶ that add up to 100 are shares in % (三次产业结构为2.9∶30.7∶66.4,
    产值比例由50：50调整为45：55); a pair ending in 1 is left to the ratio reading (城乡居民收入比2.21∶1)."""
    if not _digits_around_a_colon(text):
        return []
    shares = []
    for m in _share_lists(text):
        parts = list(re.finditer(r"\d+(?:\.\d+)?", m.group()))
        if len(parts) == 2 and float(parts[-1].group()) == 1:
            continue
        if abs(sum(float(p.group()) for p in parts) - 100) <= 1:
            for p in parts:
                value = float(p.group())
                start = m.start() + p.start()
                shares.append(
                    Mention(start, start + len(p.group()), value, value, "eq", "%", "number", unit_text="∶")
                )
    return shares


def _share_lists(text: str) -> Iterator[re.Match[str]]:
    """The matches of SHARE_LIST.finditer(text), tried only right before each colon: a list's first
    number and the white space after it run up to its first colon. (finditer tries every digit.)"""
    colons = sorted(at for colon in SHARE_COLONS for at in _offsets(text, colon))
    at = 0
    for colon in colons:
        if colon < at:
            continue  # (inside the list found last)
        start = colon
        while start > at and (
            text[start - 1].isdecimal() or text[start - 1] == "." or text[start - 1].isspace()
        ):
            start -= 1
        for first in range(start, colon):
            if m := SHARE_LIST.match(text, first):
                yield m
                at = m.end()
                break


def _offsets(text: str, part: str) -> Iterator[int]:
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


DIGIT_AFTER = re.compile(r"\s*\d")


def _digits_around_a_colon(text: str) -> bool:
    """Whether a colon of SHARE_COLONS stands between digits (white space aside), as in every share
    list. (The colons are few, and found by a search for each; a search for the list itself tries
    every digit of the text.)"""
    for colon in SHARE_COLONS:
        at = text.find(colon)
        while at >= 0:
            before = at
            while before and text[before - 1].isspace():  # (each space is read for one colon at most)
                before -= 1
            if before and text[before - 1].isdecimal() and DIGIT_AFTER.match(text, at + 1):
                return True
            at = text.find(colon, at + 1)
    return False


@cache
def _leading_pattern() -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation(load('cues')['bounds']['leading'])})$")


def _lead_before(text: str, start: int) -> str:
    """The bound word written right before ``start`` (超, 突破, 不低于…), or ''.

    Looked up backwards rather than in the scan pattern, so that the pattern starts with
    a digit class and the regex engine can skip the text between numbers quickly."""
    if start == 0 or text[start - 1] not in LEAD_WORD_ENDS:
        return ""  # most numbers have none: the pattern is not tried
    m = _leading_pattern().search(text, max(0, start - 3), start)
    if not m:
        return ""
    bounds = load("cues")["bounds"]
    before = text[m.start() - 1 : m.start()]
    if (m.group() == bounds["yue"] and before in bounds["yue_word_starts"]) or before in bounds[
        "closing_words"
    ].get(m.group(), ()):
        return ""  # 签约3543亿元, 审核通过200个: the character closes a word here, it bounds nothing
    return m.group()


def _interpret(
    m: re.Match[str], rest: re.Match[str] | None, text, scale, unit_table, leading, trailing, exclusions
) -> Mention | None:
    """The value ``m`` reads; ``rest``: the second part of a range after its first number's unit."""
    at, end = m.span(SPAN)
    numeral, trail, unit1, unit2, scale1, more1, scale1b, more1b, second, scale2 = m.group(*_read_groups())
    if rest is not None:  # a range of the first number's unit
        end, trail, second, scale2, unit2 = rest.end(), rest["trail"], rest["n2"], rest["s2"], unit1
    before = text[at - 1] if at else " "  # (a space at the text's start: no test matches it)
    # (the words before are read only where the character before can end them: most numbers have none)
    lead, trail = _lead_before(text, at) if before in LEAD_WORD_ENDS else "", trail or ""
    reaching = not lead and numeral in ROUND_AMOUNTS and text.endswith(REACHING, 0, at)
    if reaching:
        lead = REACHING  # 上千家, 上万人: at least the round amount (not a general bound word: 迈上4万亿)
    # 迈上…台阶 (跨上, 站上): the value is a floor reached (经济总量迈上万亿元台阶)
    after_step = before in STEP_ENDS and text.endswith(STEP_BEFORE, 0, at)
    comparator = leading.get(lead) or trailing.get(trail) or ("ge" if reaching or after_step else "eq")
    start = at - len(lead)
    if numeral is None:  # the number is written in words, as a ratio or as a fraction: no unit follows
        written = _written_form(m, start, lead, trail, comparator)
        if written is None or written.kind != "doubling":
            return written
        return _kept_written(text, at, written, before, after_step, exclusions)
    try:
        first = parse_numeral(numeral)
    except ValueError:
        return None
    unit_text = unit2 or unit1
    # (a unit of the table is looked up; a compound one, or one kept as written, is read)
    unit, factor = (
        (UNIT_VALUES.get(unit_text) or _unit_value(unit_text, scale, unit_table))
        if unit_text
        else (None, 1.0)
    )
    kind = "multiple" if unit_text == MULTIPLE_UNIT else "number"
    if unit is None:
        unit, kind = _implied_unit(m, text)
    written_unit, ranged = unit1 or unit2 or "", second is not None
    # chinese_only: the scan's Arabic and mixed numerals start with a digit
    chinese_only = not numeral[0].isdecimal()
    unit_end = m.end("u1") if unit1 else -1
    excluded = _dropped_by(
        text, at, end, numeral, written_unit, unit, first, lead, trail, bool(scale1), bool(more1), ranged, unit_end,
        after_step, chinese_only, before,
    )  # fmt: skip
    if excluded:
        if exclusions is not None:
            exclusions.append((start, end, excluded))
        return None
    if unit in PER_UNITS and not lead:
        # 每日814万吨: a daily rate; 每立方米36微克: a concentration (the word is the value's, not the name's), its
        # bound word written before the rate's word (低于每立方米19微克)
        unit, start = _per_before(text, start, unit)
        if (
            start != at
            and start
            and text[start - 1] in LEAD_WORD_ENDS
            and (lead := _lead_before(text, start))
        ):
            start -= len(lead)
            comparator = leading.get(lead, comparator)
    if more1 or more1b or MORE in numeral:
        comparator = "gt"
    low = _tidy(first * scale.get(scale1, 1.0) * scale.get(scale1b, 1.0) * factor)
    if second:
        second_scale = scale.get(scale2) or scale.get(scale1, 1.0)
        high = _tidy(parse_numeral(second) * second_scale * factor)
        return Mention(start, end, low, high, "range", unit, kind, lead, trail, unit_text)
    return Mention(start, end, low, low, comparator, unit, kind, lead, trail, unit_text)


def _dropped_by(
    text: str,
    at: int,
    end: int,
    numeral: str,
    written_unit: str,
    unit: str | None,
    value: float,
    lead: str,
    trail: str,
    scaled: bool,
    more: bool,
    ranged: bool,
    unit_end: int,
    after_step: bool,
    chinese_only: bool,
    before: str,
) -> str | None:
    """The rule of knowledge/exclusions.toml by which a value's form lets it measure nothing, put only to the
    rules the value's fields admit (the candidate built only for those: positional, as keywords cost a
    dataclass's __init__ twice the time); None where none drops it."""
    after = text[end] if end < len(text) else " "
    met = admitted(written_unit, before, unit, chinese_only, after, lead, trail, ranged)
    if not met:
        return None
    candidate = Candidate(
        text, at, end, numeral, written_unit, unit, value, lead, trail, scaled, more, ranged, unit_end, after_step,
        chinese_only, before, after,
    )  # fmt: skip
    return first_rule(met, candidate)


def _kept_written(
    text: str,
    at: int,
    written: Mention,
    before: str,
    after_step: bool,
    exclusions: list[tuple[int, int, str]] | None,
) -> Mention | None:
    """翻一番 and its kind, unless a rule of exclusions.toml drops it as it drops numbers (翻两番 inside the quoted
    name of a strategy, “翻两番、三步走”; the other words, 零增长, 两位数, ratios and fractions, are never names)."""
    excluded = _dropped_by(
        text, at, written.end, text[at : written.end], "", written.unit, written.low, written.lead, written.trail,
        False, False, False, -1, after_step, True, before,
    )  # fmt: skip
    if not excluded:
        return written
    if exclusions is not None:
        exclusions.append((written.start, written.end, excluded))
    return None


def _per_before(text: str, start: int, unit: str) -> tuple[str, int]:
    """The unit of a quantity written right after a word of a rate (每日, 每立方米), and where the value starts
    with that word; else its own unit and start."""
    for word, units in PER_BEFORE:
        if unit in units and text.endswith(word, 0, start):
            return units[unit], start - len(word)
    return unit, start


def _written_form(m: re.Match[str], start: int, lead: str, trail: str, comparator: str) -> Mention | None:
    """零增长, 翻一番, 两位数, a ratio to one (城乡居民收入比2.21∶1), 百分之五, 一半 and fractions."""
    if m["zero"]:  # 零增长
        return Mention(start, m.end(SPAN), 0.0, 0.0, "eq", "%", "zero", lead, trail)
    if m["double"]:
        times = DIGITS[m["double"][-2]]  # 翻一番, 翻两番, 翻三番
        value = (2**times - 1) * 100.0
        comparator = "approx" if m["double_near"] else comparator
        return Mention(start, m.end(SPAN), value, value, comparator, "%", "doubling", lead, trail)
    if m["twodigit"]:
        return Mention(start, m.end(SPAN), 10.0, None, "ge", "%", "two_digit", lead, trail)
    if m["ratio"]:  # 城乡居民收入比2.21∶1
        value = float(m["ratio"])
        return Mention(start, m.end(SPAN), value, value, comparator, "ratio", "number", lead, trail, "∶1")
    if m["fn"] or m["cfd"]:  # a fraction of a whole (占全国1/10以上, 三分之二) is a share
        whole = int(m["fd"]) if m["fn"] else parse_numeral(m["cfd"])
        part = int(m["fn"]) if m["fn"] else parse_numeral(m["cfn"])
        if whole == 0:
            return None
        value = _tidy(100.0 * part / whole)
    else:  # 百分之五, 一半
        value = parse_numeral(m["pct"]) if m["pct"] else 50.0
    return Mention(start, m.end(SPAN), value, value, comparator, "%", "number", lead, trail, "%")


def parse_value(text: str) -> Mention | None:
    """The value expression that spans all of ``text`` (``"突破3000亿元"``), else None."""
    mentions = find_mentions(text)
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(text):
        return mentions[0]
    return None
