"""An indicator name in one spelling, without the words that do not change what it measures:
region words, verbs and generic modifiers before it, a generic suffix after it (rules and their
examples in ``knowledge/keys.toml``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from mubiao.knowledge import load
from mubiao.regions import gazetteer
from mubiao.wordfinder import WordFinder

_SPELLING = load("keys")["spelling"]
# Quotes and brackets vary between sources; names are compared in one spelling.
SPELLING = str.maketrans({**dict(_SPELLING["same"]), **dict.fromkeys(_SPELLING["dropped"])})
# What brackets hold is a gloss or an abbreviation of the name before it (地区生产总值（GDP）).
BRACKETED = re.compile(
    "|".join(f"{re.escape(o)}[^{re.escape(o + c)}]*{re.escape(c)}" for o, c in _SPELLING["brackets"])
)
MARKS = str.maketrans(dict.fromkeys(_SPELLING["marks"]))


def _translator(table: dict[int, str | None]) -> Callable[[str], str]:
    """``str.translate`` by ``table``, for a text that holds a character of the table (translating
    looks each character of a name up in the table; most names hold none)."""
    holds = re.compile(f"[{re.escape(''.join(map(chr, table)))}]").search
    return lambda text: text.translate(table) if holds(text) else text


_marks_in_one_spelling = _translator(SPELLING)
_WORDS = tuple(_SPELLING["words"])


def in_one_spelling(text: str) -> str:
    """The text with its marks (``same``) and words (``words``) in the spelling names are compared in."""
    text = _marks_in_one_spelling(text)
    for written, compared in _WORDS:
        if written in text:
            text = text.replace(written, compared)
    return text


without_marks = _translator(MARKS)


@cache
def _followers() -> tuple[str, ...]:
    return tuple(word for word, _ in load("keys")["followers"])


@cache
def _rules() -> tuple[WordFinder, re.Pattern[str], re.Pattern[str], int]:
    """(the words stripped from a name's start, the zones stripped from it where no word begins it, a
    suffix stripped from its end, min_chars). The words are thousands (every place): looked up in an
    automaton, the longest at the start, not tried one by one as a regex's alternatives are."""
    rules = load("keys")
    words = {word for family in ("region", "verbs", "modifiers") for word, _ in rules[family]}
    # Place names: the gazetteer's, except two-character county names that are also everyday words (not the
    # hand-kept proper names, 济源).
    gaz = gazetteer()
    words |= {name for name in gaz.by_name if not gaz.everyday_word(name)}
    zones = "|".join(re.escape(word) for word, _ in rules["zones"])
    zone = f"[\u4e00-\u9fff]{{0,{int(rules['zone_chars'])}}}?(?:{zones})"
    suffixes = sorted((word for word, _ in rules["suffixes"]), key=len, reverse=True)
    end = re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$")
    return WordFinder(words), re.compile(zone), end, int(rules["min_chars"])


def _start_word(name: str) -> int:
    """Where the word stripped from the start of ``name`` ends: the longest word, else a zone, with a
    follower written after it (开工建设的重大项目 → 重大项目); 0 if none."""
    words, zone = _rules()[:2]
    found = words.match(name, 0)
    end = found.end if found else (m.end() if (m := zone.match(name)) else 0)
    if end and (follower := next((f for f in _followers() if name.startswith(f, end)), None)):
        end += len(follower)
    return end


@lru_cache(maxsize=8192)  # a name's id reads them, and its normalised name is the last
def stripped_forms(indicator_text: str) -> tuple[str, ...]:
    """The name in one spelling, then the name left after each word stripped from its start:
    主城区建成区面积 → 建成区面积 → 区面积 (the id lookup takes the first that is an alias, so a
    noun opening with a verb's characters keeps its id). A strip that would leave fewer than
    ``min_chars`` characters is not made."""
    min_chars = _rules()[3]
    name = without_marks(BRACKETED.sub("", in_one_spelling(indicator_text))).strip()
    forms = [name]
    while (stripped := _start_word(name)) and len(name) - stripped >= min_chars:
        name = name[stripped:]
        forms.append(name)
    return tuple(forms)


@lru_cache(maxsize=8192)  # a name's id and key each normalise it
def normalised_name(indicator_text: str) -> str:
    """全市新增（净增）高新技术企业数量 → 高新技术企业: the last stripped form, without a generic suffix."""
    _, _, end, min_chars = _rules()
    name = stripped_forms(indicator_text)[-1]
    if (m := end.search(name)) and m.start() >= min_chars:
        name = name[: m.start()]
    return name
