"""The tiers stage: a tiered goal written as one slogan after a growth rate (增速“保8争9”, 保七争八)
is two values, a floor (保8) and a stretch goal (争9), each ``ge`` with its tier word as the hedge
(spec: "Relative and tiered targets"). The number scan does not read them (a bare numeral measures
nothing); this stage adds them to the mentions, before lists and names are read."""

from __future__ import annotations

import re
from functools import cache

from mubiao.extract.doc import Doc
from mubiao.knowledge import load
from mubiao.numbers import Mention, parse_numeral

TIER = "tier"  # Mention.kind of a tier
NUMBER = rf"\d+(?:\.\d+)?|[{load('numerals')['writing']['one_to_ten']}]{{1,3}}"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _floor_word() -> str:
    return f"(?:{_alternation(load('relative')['tiers']['floor'])})"


@cache
def _floor() -> re.Pattern[str]:
    """A floor (保8, 保七): in every tiered goal, and in few texts at all."""
    return re.compile(rf"{_floor_word()}(?:{NUMBER})")


@cache
def _pattern() -> re.Pattern[str]:
    tiers = load("relative")["tiers"]
    quote = f"[{re.escape(tiers['quotes'])}]?"
    return re.compile(
        rf"(?:{_alternation(tiers['heads'])}){quote}"
        rf"(?P<floor>{_floor_word()}(?P<low>{NUMBER}))"
        rf"(?P<stretch>(?:{_alternation(tiers['stretch'])})(?P<high>{NUMBER})){quote}"
    )


@cache
def _head_reach() -> int:
    """How far before its floor a tiered goal starts: its longest head, and a quote."""
    return max(map(len, load("relative")["tiers"]["heads"])) + 1


def _tiered_goals(text: str) -> list[re.Match[str]]:
    """The tiered goals of ``text`` as ``_pattern().finditer`` finds them (leftmost first, none
    overlapping), the pattern tried only within ``_head_reach()`` before a floor (a rare word, found by a
    search many times faster than one for the heads, 增长…, over the whole text). A floor's number holds
    no floor word: a pass finds every floor."""
    pattern, reach = _pattern(), _head_reach()
    goals: list[re.Match[str]] = []
    end = 0
    for floor in _floor().finditer(text):
        at = floor.start() - reach
        for start in range(at if at > end else end, floor.start() + 1):
            if m := pattern.match(text, start):
                goals.append(m)
                end = m.end()
                break
    return goals


def find_tiers(doc: Doc) -> None:
    """Add the floor and stretch values of every tiered goal to ``doc.mentions``, in text order."""
    text = doc.narrow_text
    goals = _tiered_goals(text)
    if not goals:
        return
    taken = {m.start for m in doc.mentions}
    found: list[Mention] = []
    for m in goals:
        for tier, number in (("floor", "low"), ("stretch", "high")):
            start, end = m.span(tier)
            if start in taken:
                continue
            value = parse_numeral(m[number])
            word = m[tier][: m.start(number) - start]
            found.append(Mention(start, end, value, None, "ge", "%", TIER, lead=word, unit_text="%"))
    if found:
        doc.mentions = sorted(doc.mentions + found, key=lambda mention: mention.start)
