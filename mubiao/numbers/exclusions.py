"""Numbers whose form says they measure nothing (dates, ordinals, names, labels), as named rules.

The rules are the rows of ``knowledge/exclusions.toml``, in its order: each row names its rule,
says why, holds the words the rule reads, and gives an example where it fires and a counterexample
where it does not (tests/test_exclusions.py runs both). This module holds only the shape of each
test, one small function a rule, registered under the row's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from re import _constants as sre  # the stdlib's parse of a pattern (its first and last characters)
from re import _parser as sre_parse
from typing import Any, NamedTuple

from mubiao.knowledge import load

# canonical units of things counted (家, 个, 人, 人次…); names.py reads the same set
COUNTED = frozenset({"count", "person", "person_time"})
SHARES = frozenset({"%", "pp"})
# the clause before a count, and the noun phrase after one
MARKS = load("marks")
# (read backwards from the number: a search for the clause's words up to it tries every character
# before it, each read to the number)
CLAUSE_TAIL_REVERSED = re.compile(f"[^{MARKS['clause_stops']}]*")
CLAUSE_REACH = 40
CLAUSE_STOP = re.compile(f"[{MARKS['clause_stops']}]")
DIGIT = re.compile(r"\d")
NOUN_PHRASE = re.compile(f"[^{MARKS['noun_phrase_stops']}]{{0,12}}")


@dataclass(slots=True)
class Candidate:
    """A number the scan read, with what the exclusion rules look at."""

    text: str
    start: int  # where the number starts (a bound word written before it, lead, ends here)
    end: int  # where the value ends (unit and trailing bound word included)
    numeral: str
    unit_text: str  # the unit as written, '' if none
    unit: str | None  # canonical unit, None when nothing gives one
    value: float  # the number, unscaled
    lead: str  # bound word before (超, 不低于…)
    trail: str  # bound word after (以上, 左右…)
    scaled: bool  # a scale word follows the number (万, 亿…)
    more: bool  # 多/余 right after the number
    ranged: bool  # the second number of a range follows
    unit_end: int  # where the unit ends (-1 without one)
    after_step: bool  # inside 迈上…台阶
    chinese_only: bool  # the numeral has no Arabic digit
    before: str  # the character before the number, a space at the text's start
    after: str  # the character after the value, a space at the text's end: no test matches it


Row = dict[str, Any]
Test = Callable[[Candidate], bool]
# A rule's gates: fields of a candidate that must hold certain values for the rule to fire at all (a
# row's list named by its key, a set, or a condition built from the row), so that a number is put
# only to the rules its unit, the characters around it… admit. A gate is only ever a condition the
# test itself requires: it saves the call, never changes the outcome.
Admits = str | frozenset | Callable[[Row], Callable[[Any], bool]]


class Either(NamedTuple):
    """A gate that holds where any of its conditions does, for a test that is an "or" (the character
    before is a plus sign, or the one after is)."""

    gates: tuple[tuple[str, Admits], ...]


Gate = tuple[str, Admits] | Either
TESTS: dict[str, tuple[Callable[[Row], Test], tuple[Gate, ...]]] = {}
GATED_FIELDS = ("unit_text", "before", "unit", "chinese_only", "after", "lead", "trail", "ranged")
# a condition on a field's value, built from a rule's row
Condition = tuple[str, Callable[[Any], bool]]


def _rule(name: str, *gates: Gate) -> Callable[[Callable[[Row], Test]], Callable[[Row], Test]]:
    def register(build: Callable[[Row], Test]) -> Callable[[Row], Test]:
        TESTS[name] = (build, gates)
        return build

    return register


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_chinese_only(numeral: str) -> bool:
    return DIGIT.search(numeral) is None


def clause_tail(text: str, start: int) -> str:
    """The words of the clause before ``start``, at most CLAUSE_REACH characters."""
    window = text[max(0, start - CLAUSE_REACH) : start]
    return window[len(window) - CLAUSE_TAIL_REVERSED.match(window[::-1]).end() :]


@cache
def knowledge() -> dict[str, Any]:
    return load("exclusions")


# conditions of the gates (a character before the number, after the value)
def _cjk(row: Row) -> Callable[[str], bool]:
    return is_cjk


def _letter(row: Row) -> Callable[[str], bool]:
    return lambda ch: ch.isascii() and ch.isalpha()


def _cjk_or(key: str) -> Callable[[Row], Callable[[str], bool]]:
    def admits(row: Row) -> Callable[[str], bool]:
        words = frozenset(row[key])
        return lambda ch: is_cjk(ch) or ch in words

    return admits


def _cjk_except(key: str) -> Callable[[Row], Callable[[str], bool]]:
    def admits(row: Row) -> Callable[[str], bool]:
        words = frozenset(row[key])
        return lambda ch: is_cjk(ch) and ch not in words

    return admits


def _digit_or_step(row: Row) -> Callable[[str], bool]:
    step_start = frozenset(row["step_start"])
    return lambda ch: ch.isdigit() or ch in step_start


def _neither_counted_nor_share(row: Row) -> Callable[[str | None], bool]:
    return lambda unit: unit not in COUNTED and unit not in SHARES


def _starting_with(key: str) -> Callable[[Row], Callable[[str], bool]]:
    def admits(row: Row) -> Callable[[str], bool]:
        words = tuple(row[key])
        return lambda text: text.startswith(words)

    return admits


def _any(row: Row) -> Callable[[Any], bool]:
    return lambda value: True


def _opening(pattern: Callable[[Row], str]) -> Callable[[Row], Callable[[str], bool]]:
    """The character after a value that can open a match of the row's pattern (which the test matches
    at the value's end)."""

    def admits(row: Row) -> Callable[[str], bool]:
        chars = _end_chars(sre_parse.parse(pattern(row)), first=True)[0]
        return _any(row) if chars is None else chars.__contains__

    return admits


def _closing(key: str) -> Callable[[Row], Callable[[str], bool]]:
    """The character before a number that can close a match of the row's pattern ending with $ (which
    the test searches for up to the number; $ also matches before a line end closing the text searched)."""

    def admits(row: Row) -> Callable[[str], bool]:
        items = list(sre_parse.parse(row[key]))
        if not items or items[-1] != (sre.AT, sre.AT_END):
            return _any(row)
        chars = _end_chars(items[:-1], first=False)[0]
        return _any(row) if chars is None else (chars | {"\n"}).__contains__

    return admits


def _end_chars(items: Any, first: bool) -> tuple[frozenset[str] | None, bool]:
    """(the characters a match of the parsed pattern ``items`` can start with, or end with where not
    ``first``; whether it can match empty): literals, sets of literals, groups, alternatives, repeats.
    None where it is not known (a range, a category, a lookaround…): a gate on it admits any character."""
    chars: set[str] = set()
    for op, av in items if first else reversed(list(items)):
        if op is sre.LITERAL:
            found, empty = frozenset(chr(av)), False
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
            found, empty = frozenset(chr(code) for _, code in av), False
        elif op is sre.SUBPATTERN:
            found, empty = _end_chars(av[3], first)
        elif op is sre.BRANCH:
            ends = [_end_chars(branch, first) for branch in av[1]]
            if any(found is None for found, _ in ends):
                return None, False
            found, empty = frozenset().union(*(found for found, _ in ends)), any(e for _, e in ends)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, empty = _end_chars(av[2], first)
            empty = empty or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _written(row: Row) -> Callable[[str], bool]:
    """A bound word is written (a lead or trail that is not '')."""
    return bool


def _last_chars(key: str) -> Callable[[Row], frozenset]:
    """The character before a number that ends one of the row's words written before it."""
    return lambda row: frozenset(word[-1] for word in row[key])


def _first_chars(key: str) -> Callable[[Row], frozenset]:
    """The character after a value that starts one of the row's words written after it."""
    return lambda row: frozenset(word[0] for word in row[key])


@cache
def rules() -> tuple[tuple[str, Test, tuple[Condition, ...], tuple[tuple[Condition, ...], ...]], ...]:
    """(name, test, gates as (field, condition on its value), either gates as their conditions) of every
    rule, in the order of the knowledge file, the test built from the rule's row."""
    rows = knowledge()["rule"]
    names = [row["name"] for row in rows]
    unknown = sorted(set(names) ^ set(TESTS))
    if unknown or len(set(names)) != len(names):
        raise ValueError(
            f"exclusions.toml and mubiao/numbers/exclusions.py disagree on rules: {unknown or names}"
        )
    built = []
    for row in rows:
        build, gates = TESTS[row["name"]]
        conditions = tuple(_condition(gate, row) for gate in gates if not isinstance(gate, Either))
        either = tuple(
            tuple(_condition(one, row) for one in gate.gates) for gate in gates if isinstance(gate, Either)
        )
        built.append((row["name"], build(row), conditions, either))
    return tuple(built)


def _condition(gate: tuple[str, Admits], row: Row) -> Condition:
    field, admits = gate
    if isinstance(admits, str):
        admits = frozenset(row[admits])
    elif not isinstance(admits, frozenset):
        admits = admits(row)
    return field, admits.__contains__ if isinstance(admits, frozenset) else admits


@cache
def _either_gates() -> tuple[tuple[int, tuple[Condition, ...]], ...]:
    """(the bit, the conditions) of every either gate of the rules: bits after the rules' own."""
    gates = [conditions for _, _, _, either in rules() for conditions in either]
    return tuple(enumerate(gates, start=len(rules())))


# The masks of each gated field's values met so far, and the rules of each mask met so far: plain dicts
# (read in one expression a number, which a dict with __missing__ slows), filled the first time a value,
# a shape or a mask is met.
_MASKS: tuple[dict[Any, int], ...] = tuple({} for _ in GATED_FIELDS)
_RULES_OF: dict[int, tuple[tuple[str, Test], ...]] = {}
_BEFORE, _AFTER = _MASKS[GATED_FIELDS.index("before")], _MASKS[GATED_FIELDS.index("after")]
# the fields a number's match sets (all but the characters around it), and the AND of their masks by
# their values, met so far: one lookup for six
SHAPE_FIELDS = ("unit_text", "unit", "chinese_only", "lead", "trail", "ranged")
_SHAPES: dict[tuple[str, str | None, bool, str, str, bool], int] = {}


def _mask(field: str, value: Any) -> int:
    """The rules a value of a gated field admits, as a bit mask: bit i set where the field's gates of
    rule i all admit the value; the bit of an either gate set where none of its conditions on the field
    does (so that in the AND of the fields' masks it stays set only where no field passes the gate)."""
    mask = 0
    for bit, (_, _, conditions, _) in enumerate(rules()):
        if all(admits(value) for gated, admits in conditions if gated == field):
            mask |= 1 << bit
    for bit, conditions in _either_gates():
        if not any(admits(value) for gated, admits in conditions if gated == field):
            mask |= 1 << bit
    return mask


def _rules_of(mask: int) -> tuple[tuple[str, Test], ...]:
    """The rules of a mask, in the file's order: those whose bit is set and whose either gates' bits
    are not."""
    either_bits = iter(bit for bit, _ in _either_gates())
    met = []
    for bit, (name, test, _, either) in enumerate(rules()):
        passed = [not mask >> next(either_bits) & 1 for _ in either]
        if mask >> bit & 1 and all(passed):
            met.append((name, test))
    return tuple(met)


def admitted(
    unit_text: str,
    before: str,
    unit: str | None,
    chinese_only: bool,
    after: str,
    lead: str,
    trail: str,
    ranged: bool,
) -> tuple[tuple[str, Test], ...]:
    """(name, test) of the rules whose gates a number's fields (those of a Candidate) pass, in the
    file's order: the rules of the AND of the fields' masks. (Looked up before a candidate is built:
    many numbers meet no rule, and need none.)"""
    try:
        return _RULES_OF[
            _SHAPES[unit_text, unit, chinese_only, lead, trail, ranged] & _BEFORE[before] & _AFTER[after]
        ]
    except KeyError:  # a value, a shape or a mask met for the first time
        number = (unit_text, before, unit, chinese_only, after, lead, trail, ranged)
        values = dict(zip(GATED_FIELDS, number, strict=True))
        for field, masks in zip(GATED_FIELDS, _MASKS, strict=True):
            if values[field] not in masks:
                masks[values[field]] = _mask(field, values[field])
        shape = -1
        for field in SHAPE_FIELDS:
            shape &= _MASKS[GATED_FIELDS.index(field)][values[field]]
        _SHAPES[unit_text, unit, chinese_only, lead, trail, ranged] = shape
        mask = shape & _BEFORE[before] & _AFTER[after]
        if mask not in _RULES_OF:
            _RULES_OF[mask] = _rules_of(mask)
        return _RULES_OF[mask]


def first_rule(rules_met: tuple[tuple[str, Test], ...], candidate: Candidate) -> str | None:
    """The name of the first of ``rules_met`` that says the number measures nothing, else None."""
    for name, test in rules_met:
        if test(candidate):
            return name
    return None


def exclusion(candidate: Candidate) -> str | None:
    """The name of the first rule that says the number measures nothing, else None."""
    c = candidate
    met = admitted(c.unit_text, c.before, c.unit, c.chinese_only, c.after, c.lead, c.trail, c.ranged)
    return first_rule(met, c)


@_rule("ordinal", ("before", "before"))
def _ordinal(row: Row) -> Test:
    return lambda c: True  # the gate is the rule


@_rule("formula", Either((("before", "before"), ("after", "after"))))
def _formula(row: Row) -> Test:
    before, after = frozenset(row["before"]), frozenset(row["after"])
    return lambda c: c.before in before or c.after in after


@_rule("people_addressed", ("unit_text", "units"), ("after", "after"))
def _people_addressed(row: Row) -> Test:
    after = frozenset(row["after"])
    return lambda c: c.after in after


@_rule("letters_after", ("after", _letter))
def _letters_after(row: Row) -> Test:
    return lambda c: c.after.isascii() and c.after.isalpha()


@_rule("letter_code", ("before", _letter))
def _letter_code(row: Row) -> Test:
    def test(c: Candidate) -> bool:
        if not (c.before.isascii() and c.before.isalpha()) or c.start < 1:
            return False
        ahead = c.text[c.start - 2] if c.start >= 2 else " "
        return not (ahead.isascii() and ahead.isalpha())

    return test


# (the unit is followed by the character after the value, unless a bound word or a range's second part
# stands between)
@_rule(
    "class_or_radius",
    Either(
        (
            ("after", "after"),
            ("after", _last_chars("formats")),
            ("after", "radius_after"),
            ("after", _first_chars("after_unit")),
            ("trail", _written),
            ("ranged", frozenset({True})),
        )
    ),
)
def _class_or_radius(row: Row) -> Test:
    after, after_unit, formats = frozenset(row["after"]), tuple(row["after_unit"]), frozenset(row["formats"])
    radius_after = frozenset(row["radius_after"])
    return lambda c: (
        c.after in after
        or c.unit_text + c.after in formats
        or (c.after in radius_after and c.unit not in COUNTED)
        or (c.unit_end >= 0 and c.text.startswith(after_unit, c.unit_end))
    )


@_rule("threshold_names_a_class", ("after", _cjk), Either((("trail", "trailing"), ("lead", "leading"))))
def _threshold_names_a_class(row: Row) -> Test:
    trailing, leading = frozenset(row["trailing"]), frozenset(row["leading"])
    joiners, attributive = frozenset(row["joiners"]), frozenset(row["attributive"])

    def test(c: Candidate) -> bool:
        if not (c.trail in trailing or c.lead in leading) or not is_cjk(c.after):
            return False
        joined = c.after in joiners and not (c.after in attributive and c.trail)
        return not joined and c.unit not in COUNTED and c.unit not in SHARES

    return test


@_rule("no_unit", ("unit", frozenset({None})))
def _no_unit(row: Row) -> Test:
    return lambda c: c.unit is None


@_rule("project_name", ("before", _last_chars("before")))
def _project_name(row: Row) -> Test:
    before = tuple(row["before"])
    name_end = re.compile(rf"[^{MARKS['name_stops']}]{{0,{row['reach']}}}?(?:{_alternation(row['nouns'])})")
    measure, value_word = re.compile(_alternation(row["measure_nouns"])), _followed_by_value_word()

    def rates_a_product(c: Candidate) -> bool:
        # the product named right after the annual capacity, in a list whose 项目 stands far after it
        return (
            is_cjk(c.after)
            and not value_word(c)
            and measure.search(NOUN_PHRASE.match(c.text, c.end).group()) is None
        )

    return lambda c: (
        c.text.endswith(before, 0, c.start)
        and (name_end.match(c.text, c.end) is not None or rates_a_product(c))
    )


@_rule("capacity_name", ("unit", "units"))
def _capacity_name(row: Row) -> Test:
    name_end = re.compile(rf"[^{MARKS['name_stops']}]{{0,{row['reach']}}}?(?:{_alternation(row['nouns'])})")
    per = row["per"]
    # a capacity per unit of time (建成1459万吨/年炼化项目) states the plant's measure, as the spec reads it
    return lambda c: per not in c.unit_text and name_end.match(c.text, c.end) is not None


@_rule("capacity_of_a_plant", ("unit", "units"), ("after", _cjk))
def _capacity_of_a_plant(row: Row) -> Test:
    per, value_word = row["per"], _followed_by_value_word()
    measure = re.compile(_alternation(row["measure_nouns"]))
    return lambda c: (
        per not in c.unit_text
        and is_cjk(c.after)
        and not value_word(c)
        and measure.search(NOUN_PHRASE.match(c.text, c.end).group()) is None
    )


def _not_a_share(row: Row) -> Callable[[str | None], bool]:
    return lambda unit: unit not in SHARES


# (a percentage in quotes is the value itself, set off: 总量增长接近“翻一番”)
@_rule("quoted_name", ("before", "before"), ("after", "after"), ("unit", _not_a_share))
def _quoted_name(row: Row) -> Test:
    after = frozenset(row["after"])
    return lambda c: c.after in after


@_rule("inside_a_quoted_name", ("after", _cjk_or("goes_on")))
def _inside_a_quoted_name(row: Row) -> Test:
    opens, closes, goes_on = "".join(row["opens"]), "".join(row["closes"]), frozenset(row["goes_on"])
    straight, quotes, stops = (
        row["straight"],
        re.escape(opens + closes + row["straight"]),
        re.escape(MARKS["clause_stops"]),
    )
    opened = re.compile(f"[{re.escape(opens)}][^{quotes}{stops}]{{0,{row['reach']}}}$")
    closed = re.compile(f"[^{quotes}{stops}]{{0,{row['reach']}}}[{re.escape(closes)}]")
    closed_straight = re.compile(f"[^{quotes}{stops}]{{0,{row['reach']}}}{re.escape(straight)}")
    pledges = re.compile(row["pledges"])

    def test(c: Candidate) -> bool:
        if not (is_cjk(c.after) or c.after in goes_on) or pledges.match(c.text, c.end) is not None:
            return False
        if opened.search(c.text, max(0, c.start - row["reach"] - 1), c.start) is not None:
            return closed.match(c.text, c.end) is not None
        # the closing quote first: only then is the clause before read
        return (
            closed_straight.match(c.text, c.end) is not None
            and clause_tail(c.text, c.start).count(straight) % 2 == 1
        )

    return test


@_rule("slogan_of_years", ("after", "closes"))
def _slogan_of_years(row: Row) -> Test:
    opening = re.compile(row["opening"])
    return lambda c: opening.search(c.text, max(0, c.start - 8), c.start) is not None


@_rule("visits_received", ("unit_text", "counters"), ("after", _first_chars("visits")))
def _visits_received(row: Row) -> Test:
    visits = tuple(row["visits"])
    return lambda c: c.text.startswith(visits, c.end)


@_rule("quoted_tally_of_shares", ("unit", "units"), ("before", "before"), ("after", "closes"))
def _quoted_tally_of_shares(row: Row) -> Test:
    opening, named_rates = re.compile(row["opening"]), tuple(row["named_rates"])

    def test(c: Candidate) -> bool:
        quote = opening.search(c.text, max(0, c.start - 5), c.start)
        return quote is not None and not c.text[: quote.start()].endswith(named_rates)

    return test


@_rule("not_a_measure_word", ("unit_text", _starting_with("words")))
def _not_a_measure_word(row: Row) -> Test:
    words = tuple(row["words"])
    return lambda c: c.unit == c.unit_text and c.unit_text.startswith(words)


def _followed_by_value_word() -> Callable[[Candidate], bool]:
    words = tuple(knowledge()["value_followers"])
    return lambda c: c.text.startswith(words, c.end)


@_rule("share_in_a_name", ("unit_text", "units"), ("after", _cjk))
def _share_in_a_name(row: Row) -> Test:
    largest, value_word = row["largest"], _followed_by_value_word()
    return lambda c: c.value <= largest and not c.trail and is_cjk(c.after) and not value_word(c)


@_rule("streak", ("unit", COUNTED), ("before", _last_chars("before")))
def _streak(row: Row) -> Test:
    before = tuple(row["before"])
    return lambda c: c.text.endswith(before, 0, c.start)


@_rule("age_picks_out_people", ("unit_text", "units"), ("after", _cjk))
def _age_picks_out_people(row: Row) -> Test:
    value_word = _followed_by_value_word()
    return lambda c: is_cjk(c.after) and not value_word(c)


@_rule("category_name", ("unit_text", "units"), ("after", _cjk))
def _category_name(row: Row) -> Test:
    return lambda c: is_cjk(c.after)


@_rule("rank_within_top", ("before", lambda row: frozenset(row["before"] + row["list_joiners"])))
def _rank_within_top(row: Row) -> Test:
    units, share_before, rank_words, ends = (
        frozenset(row["units"]),
        frozenset(row["share_before"]),
        frozenset(row["rank_words"]),
        frozenset(row["before"]),
    )
    joiners = "".join(map(re.escape, row["list_joiners"]))
    opened = re.compile(rf"(?:{_alternation(row['before'])})(?:\d+[{joiners}])+$")

    def test(c: Candidate) -> bool:
        if c.unit in units and c.before in share_before:
            return True
        return c.unit_text in rank_words and (
            c.before in ends or opened.search(clause_tail(c.text, c.start)) is not None
        )

    return test


@_rule("rank_move", ("unit", COUNTED), ("unit_text", "rank_words"))
def _rank_move(row: Row) -> Test:
    rank_words = frozenset(row["rank_words"])
    places, joiners = "".join(map(re.escape, row["rank_words"])), "".join(map(re.escape, row["joiners"]))
    member = rf"[^{MARKS['clause_stops']}{places}]{{1,8}}[{places}][{joiners}]"
    moved = re.compile(
        rf"(?:{_alternation(row['moves'])})(?:{_alternation(row['particles'])})?(?:{member})*$"
    )

    def test(c: Candidate) -> bool:
        return c.unit_text in rank_words and moved.search(clause_tail(c.text, c.start)) is not None

    return test


@_rule("rank_place", ("unit", COUNTED), ("unit_text", "rank_words"))
def _rank_place(row: Row) -> Test:
    rank_words, after = frozenset(row["rank_words"]), frozenset(row["after"])
    ranking = re.compile(_alternation(row["rankings"]))

    def test(c: Candidate) -> bool:
        return (
            c.unit_text in rank_words
            and (c.after in after or not is_cjk(c.after))
            and ranking.search(clause_tail(c.text, c.start)) is not None
        )

    return test


@_rule("count_before_a_number", ("unit", COUNTED), ("after", _digit_or_step))
def _count_before_a_number(row: Row) -> Test:
    # a category's name or an age after the count is no other number (2个1类创新药, 50万名3岁以下婴幼儿)
    category = re.compile(rf"\d+(?:{_alternation(row['categories'])}|{'|'.join(row['class_forms'])})")
    step_start = frozenset(row["step_start"])
    step = re.compile(rf"[{''.join(row['step_chars'])}]{{1,4}}(?:{_alternation(row['steps'])})")
    households, people_after = tuple(row["households"]), re.compile(row["people_after"])
    households_after = re.compile(row["households_after"])
    tallies = frozenset(row["tallies"])

    def test(c: Candidate) -> bool:
        if category.match(c.text, c.end) is not None or c.unit_text in tallies:
            return False
        if c.unit_text.endswith(households) and people_after.match(c.text, c.end) is not None:
            return False
        if households_after.match(c.text, c.end) is not None:
            return False
        return c.after.isdigit() or (c.after in step_start and step.match(c.text, c.end) is not None)

    return test


@_rule("national_list", ("unit", frozenset({"count"})), ("before", _closing("before")))
def _national_list(row: Row) -> Test:
    before, joins = re.compile(row["before"]), re.compile(_alternation(row["joins"]))
    rank = re.compile(rf"[^{MARKS['noun_phrase_stops']}]{{0,16}}?(?:{_alternation(row['ranks'])})")

    def test(c: Candidate) -> bool:
        if before.search(c.text, max(0, c.start - 6), c.start) is None:
            return False
        clause = clause_tail(c.text, c.start)
        return joins.search(clause) is not None or rank.match(c.text, c.end) is not None

    return test


@_rule(
    "national_lists_counted", ("unit", frozenset({"count"})), ("after", _opening(lambda row: row["after"]))
)
def _national_lists_counted(row: Row) -> Test:
    after, joins = re.compile(row["after"]), re.compile(_alternation(row["joins"]))
    return lambda c: (
        after.match(c.text, c.end) is not None and joins.search(clause_tail(c.text, c.start)) is not None
    )


@_rule("provincial_rank_base", ("unit", frozenset({"count"})), ("before", _closing("before")))
def _provincial_rank_base(row: Row) -> Test:
    before = re.compile(row["before"])
    rank = re.compile(rf"[^{MARKS['noun_phrase_stops']}]{{0,16}}?(?:{_alternation(row['ranks'])})")
    return lambda c: (
        before.search(c.text, max(0, c.start - 2), c.start) is not None
        and rank.match(c.text, c.end) is not None
    )


def _alternative_first(row: Row) -> str:
    return rf"{re.escape(row['joiner'])}{row['second_form']}(?:{_alternation(row['nouns'])})"


@_rule(
    "alternative_threshold",
    ("unit", "units"),
    Either((("after", _first_chars("nouns")), ("after", _opening(_alternative_first)))),
)
def _alternative_threshold(row: Row) -> Test:
    joiner, nouns = row["joiner"], tuple(row["nouns"])
    first = re.compile(_alternative_first(row))
    return lambda c: (
        (c.before == joiner and c.text.startswith(nouns, c.end)) or first.match(c.text, c.end) is not None
    )


@_rule("amount_names_firms", ("unit", "units"), ("after", _first_chars("nouns")))
def _amount_names_firms(row: Row) -> Test:
    nouns = tuple(row["nouns"])
    return lambda c: c.text.startswith(nouns, c.end)


@_rule("class_beside_a_count", ("unit", "units"), Either((("trail", "trailing"), ("lead", "leading"))))
def _class_beside_a_count(row: Row) -> Test:
    trailing, leading = frozenset(row["trailing"]), frozenset(row["leading"])
    count_before, count_after = re.compile(row["count_before"]), re.compile(row["count_after"])
    return lambda c: (
        (c.trail in trailing or c.lead in leading)
        and (
            count_before.search(c.text, max(0, c.start - 8), c.start) is not None
            or count_after.match(c.text, c.end) is not None
        )
    )


@_rule("months_streak", ("unit_text", "units"), ("after", "after"))
def _months_streak(row: Row) -> Test:
    after = frozenset(row["after"])
    return lambda c: c.after in after


@_rule("passed_a_mark", ("before", "before"), ("after", _cjk_except("joiners")))
def _passed_a_mark(row: Row) -> Test:
    joiners, share_class = frozenset(row["joiners"]), tuple(row["share_class"])
    # (a share is no mark: 其中超过6成企业成立于… is the share of the firms; but 占比超过10%的有44种 is a class)
    return lambda c: (
        is_cjk(c.after)
        and c.after not in joiners
        and (c.unit not in SHARES or c.text.startswith(share_class, c.end))
    )


@_rule("thresholds_pick_out_places", ("before", "before"))
def _thresholds_pick_out_places(row: Row) -> Test:
    joiners, places = "".join(map(re.escape, row["joiners"])), _alternation(row["places"])
    ends, label, counted = MARKS["clause_stops"], row["label_opens"], _alternation(row["counted_by"])
    rest = re.compile(
        rf"(?:[{joiners}][^{ends}]{{0,12}}?)?{label}[“\"]?[^{ends}“”\"]{{0,{row['label_chars']}}}?[”\"]?(?:{places})(?=[{ends}]|$|{counted})"
    )
    return lambda c: bool(rest.match(c.text, c.end))


def _threshold_rest(row: Row) -> str:
    """What follows a threshold of each member: a label (…的), or the class of members, after the next
    threshold of a list of them."""
    thresholds = _alternation(row["thresholds"])
    joiners, stops = "".join(map(re.escape, row["joiners"])), MARKS["clause_stops"]
    return (
        rf"(?:[{joiners}][^{stops}]{{0,12}}?)?{row['label_opens']}(?!{_alternation(row['value_nouns'])})"
        rf"|(?:[{joiners}](?:{thresholds})?{row['next_threshold']})?(?:{_alternation(row['class_nouns'])})"
    )


@_rule("threshold_of_each", ("unit", _neither_counted_nor_share), ("after", _opening(_threshold_rest)))
def _threshold_of_each(row: Row) -> Test:
    attributes, thresholds = _alternation(row["attributes"]), _alternation(row["thresholds"])
    not_after = "".join(map(re.escape, row["not_after"]))
    # the clause before the value: a member's figure, then thresholds and joiners only
    figure = re.compile(
        rf"(?<![{not_after}])(?:{attributes})(?:{thresholds})?[^{MARKS['clause_stops']}]{{0,12}}$"
    )
    threshold_before = re.compile(rf"(?:{thresholds})")
    rest = re.compile(_threshold_rest(row))

    def test(c: Candidate) -> bool:
        if c.unit in COUNTED or c.unit in SHARES or rest.match(c.text, c.end) is None:
            return False
        clause = clause_tail(c.text, c.start)
        return figure.search(clause) is not None and threshold_before.search(clause + c.lead) is not None

    return test


@_rule("threshold_of_counted_places", ("unit", "units"), Either((("lead", "leads"), ("trail", "trails"))))
def _threshold_of_counted_places(row: Row) -> Test:
    places = _alternation(row["places"])
    digit_free = f"[^0-9{MARKS['clause_stops']}]{{1,{row['figure_chars']}}}"
    counted = re.compile(rf"{row['count']}(?:{places}){row['qualifier']}{digit_free}$")
    return lambda c: counted.search(clause_tail(c.text, c.start)) is not None


@_rule("counts_a_list", ("unit", COUNTED), ("after", _cjk))
def _counts_a_list(row: Row) -> Test:
    separator, longest, longest_counted = (
        row["separator"],
        row["longest_member"],
        row["longest_counted_member"],
    )
    counted = re.compile(row["counted_member"])
    verbs = re.compile(_alternation(row["verbs"]))
    examples_mark = re.compile(f"(?:{_alternation(row['examples_mark'])})$")
    joiners = tuple(row["joiners"])

    def test(c: Candidate) -> bool:
        # (the clause is read only where a separator stands within its reach, with no clause stop after the last)
        if not is_cjk(c.after):
            return False
        at = c.text.rfind(separator, max(0, c.start - CLAUSE_REACH), c.start)
        if at < 0 or CLAUSE_STOP.search(c.text, at + len(separator), c.start) is not None:
            return False
        clause = clause_tail(c.text, c.start)
        if separator not in clause:
            return False
        mark = examples_mark.search(clause)
        members = clause[: mark.start() if mark else len(clause)].split(separator)
        examples = mark is not None
        limit = longest_counted if c.value == len(members) else longest
        if any(not 0 < len(member) <= limit or counted.search(member) for member in members):
            return False  # clauses or values, not names (大病保险制度基本建立、已有1700多万人次受益)
        if examples:  # 南阳等4个: the whole set, unless the count is of the members written (A、B、C等3个)
            joined = sum(member.count(j) for member in members for j in joiners)
            return c.value in (len(members), len(members) + joined)
        return c.value <= len(members) + 1 and not verbs.search(members[-1])

    return test


@_rule("duration_describes", ("unit_text", "units"), ("after", _cjk_or("quote_opens")))
def _duration_describes(row: Row) -> Test:
    quote_opens, quote_units = frozenset(row["quote_opens"]), frozenset(row["quote_units"])
    return lambda c: (
        (is_cjk(c.after) or (c.after in quote_opens and c.unit_text in quote_units)) and not c.trail
    )


@_rule("unscaled_fang", ("unit_text", "units"))
def _unscaled_fang(row: Row) -> Test:
    return lambda c: not c.scaled


@_rule("describes_a_plan", ("unit", frozenset({"count"})))
def _describes_a_plan(row: Row) -> Test:
    items, articles, title_ends = (
        tuple(row["items"]),
        frozenset(row["articles"]),
        frozenset(row["title_ends"]),
    )
    of_a_text = items + tuple(row["policy_items"])
    # the noun after the count opens with an item of a plan, ends with indicators or holds them near its
    # start, opens with a rank, or holds candidates (one search of the noun for them all)
    indicators = _alternation(row["indicators"])
    describes = re.compile(
        rf"\A(?:{_alternation(row['items'])})|(?:{indicators})\Z"
        rf"|\A[^{MARKS['noun_phrase_stops']}]{{0,{row['indicator_reach']}}}?(?:{indicators})"
        rf"|\A(?:{_alternation(row['ranked'])}|{row['rank_after']})|{_alternation(row['candidates'])}"
    )
    listed = re.compile(
        rf"{row['titles_listed']}[^{MARKS['clause_stops']}]{{0,{row['titles_reach']}}}?{row['set_before']}"
        rf"(?:{_alternation(list(of_a_text))})"
    )
    set_before = row["set_before"]
    topic_ends, quote_closes = tuple(row["topic_ends"]), tuple(row["quote_closes"])
    title_joiners = tuple(row["title_joiners"])
    issuing = re.compile(_alternation(row["issuing"]))

    def bare_title(c: Candidate) -> bool:
        """The count ends a title written without its policy's noun (推出优化营商环境51条)."""
        tail = clause_tail(c.text, c.start)
        return tail.endswith(topic_ends) or (tail.endswith(quote_closes) and issuing.search(tail) is not None)

    def test(c: Candidate) -> bool:
        noun = NOUN_PHRASE.match(c.text, c.end).group()
        return describes.search(noun) is not None or (
            c.unit_text in articles
            and not c.text.endswith(set_before, 0, c.start)
            and (
                c.after in title_ends
                or noun.startswith(of_a_text)
                or noun.endswith(of_a_text)
                or c.text.endswith(of_a_text, 0, c.start)
                or listed.match(c.text, c.end) is not None
                or ((not noun or noun.startswith(title_joiners)) and bare_title(c))
            )
        )

    return test


@_rule("share_of_members", ("unit", "units"))
def _share_of_members(row: Row) -> Test:
    clause = re.compile(row["clause"])
    return lambda c: clause.search(clause_tail(c.text, c.start)) is not None


@_rule("roll_call", ("unit", "units"))
def _roll_call(row: Row) -> Test:
    attendance = re.compile(rf"(?:{_alternation(row['attendance'])})[^{MARKS['clause_stops']}]{{0,6}}$")
    return lambda c: attendance.search(clause_tail(c.text, c.start)) is not None


@_rule("whole_population", ("unit", frozenset({"person"})), ("unit_text", "population"))
def _whole_population(row: Row) -> Test:
    population, per = frozenset(row["population"]), tuple(row["per"])
    place = re.compile(
        rf"[^{MARKS['noun_phrase_stops']}]{{0,{row['reach']}}}?(?:{_alternation(row['places'])})"
    )

    return lambda c: (
        c.unit_text in population
        and (c.text.endswith(per, 0, c.start) or place.match(c.text, c.end) is not None)
    )


@_rule("village_size", ("unit_text", "units"), ("after", _cjk), ("trail", "bounds"))
def _village_size(row: Row) -> Test:
    bounds, people = frozenset(row["bounds"]), frozenset(row["people"])
    settlement, people_settlements = (
        re.compile(_alternation(row["settlements"])),
        tuple(row["people_settlements"]),
    )

    def test(c: Candidate) -> bool:
        if c.trail not in bounds or not is_cjk(c.after):
            return False
        phrase = NOUN_PHRASE.match(c.text, c.end).group()
        if c.unit_text in people:
            return phrase.endswith(people_settlements)
        return settlement.search(phrase) is not None

    return test


@_rule("year", ("unit_text", "units"))
def _year(row: Row) -> Test:
    first, last = row["years"]
    return lambda c: not c.ranged and first <= c.value <= last and not c.scaled


@_rule("digit_by_digit", ("chinese_only", frozenset({True})))
def _digit_by_digit(row: Row) -> Test:
    digits, zeros = frozenset(row["digits"]), frozenset(row["zeros"])
    return lambda c: (
        len(c.numeral) > 1
        and all(ch in digits for ch in c.numeral)
        and not any(ch in zeros for ch in c.numeral)
    )


@_rule("zero_prefix", ("chinese_only", frozenset({True})))
def _zero_prefix(row: Row) -> Test:
    zeros = frozenset(row["zeros"])
    # 零成本 is "at no cost": a unit word after a lone 零 is the rest of the term
    return lambda c: c.numeral in zeros and c.unit_text != ""


@_rule("speed_class", ("unit", "units"))
def _speed_class(row: Row) -> Test:
    line = re.compile(row["after"])
    before = tuple(row["before"])
    return lambda c: c.text.endswith(before, 0, c.start) and line.match(c.text, c.end) is not None


@_rule("round_amount_per", ("chinese_only", frozenset({True})))
def _round_amount_per(row: Row) -> Test:
    scale_chars, smallest = frozenset(row["scale_chars"]), row["smallest"]
    return lambda c: (
        c.value >= smallest
        and not c.more
        and not c.scaled
        and all(ch in scale_chars for ch in c.numeral)
        and not c.lead
        # a base takes no bound word ending its clause: 保持在千亿以上 is an amount (万人以上大学 a class, still none)
        and not (c.trail and not is_cjk(c.after))
        and not c.after_step
    )


@_rule("small_numeral_label", ("chinese_only", frozenset({True})))
def _small_numeral_label(row: Row) -> Test:
    largest, set_before = row["largest"], frozenset(row["set_before"])
    doing, counted_by = tuple(row["doing"]), frozenset(row["counted_by"])
    times, changes = frozenset(row["times"]), tuple(row["changes"])
    reach, stops = row["floor_reach"], MARKS["clause_stops"]
    floor = re.compile(
        rf"(?:(?:{_alternation(row['floors'])})[^{stops}]{{0,{reach}}}|(?:{_alternation(row['per'])})[^{stops}{MARKS['enumeration']}]{{1,{reach}}})$"
    )

    vague = frozenset(row["vague"])
    pledges, pledge_counters = re.compile(row["pledges"]), frozenset(row["pledge_counters"])

    def counts(c: Candidate) -> bool:
        if c.unit not in COUNTED or c.unit_text in vague:
            return False
        if c.value > 1 and c.unit_text in pledge_counters and pledges.match(c.text, c.end) is not None:
            return True  # 十件民生实事: pledged items
        if c.value > 1 and (
            c.before in set_before or (c.unit_text in counted_by and c.text.endswith(doing, 0, c.start))
        ):
            return True  # 等四家: a set's size; 成立四家…: things made
        if c.unit_text in times and c.text.startswith(changes, c.end):
            return True  # 两次上调…
        return floor.search(clause_tail(c.text, c.start)) is not None  # 至少新增一家, 每月竣工一个

    return lambda c: c.value <= largest and c.unit not in SHARES and not c.scaled and not counts(c)


@_rule("duration_frames_time", ("unit_text", "units"))
def _duration_frames_time(row: Row) -> Test:
    length_before = frozenset(row["length_before"])
    return lambda c: c.before not in length_before


@_rule("whole_set", ("unit", "units"), ("unit_text", "counters"))
def _whole_set(row: Row) -> Test:
    places = re.compile(
        rf"(?:{_alternation(row['divisions'])}"
        rf"|[^{MARKS['noun_phrase_stops']}\d]{{0,{row['place_reach']}}}?(?:{_alternation(row['sites'])}))"
        rf"(?!{row['not_places']})"
    )
    said = re.compile(rf"[^{MARKS['clause_stops']}\d]{{0,{row['reach']}}}?(?:{_alternation(row['words'])})")
    committed = tuple(row["committed"])
    monitored = re.compile(
        rf"[^{MARKS['noun_phrase_stops']}\d]{{0,{row['place_reach']}}}?(?:{_alternation(row['monitored'])})"
    )

    def goal(c: Candidate) -> bool:
        """力争126个涉农乡镇全部达标: a goal for the region's divisions (not for monitored sites)."""
        tail = clause_tail(c.text, c.start)
        return any(word in tail for word in committed) and monitored.match(c.text, c.end) is None

    return lambda c: (
        places.match(c.text, c.end) is not None and said.match(c.text, c.end) is not None and not goal(c)
    )


# (the test reads the text up to the number's start plus its bound word's length)
@_rule("regulation_limit", ("before", _cjk), Either((("before", _last_chars("before")), ("lead", _written))))
def _regulation_limit(row: Row) -> Test:
    before = tuple(row["before"])
    return lambda c: c.text.endswith(before, 0, c.start)
