"""Chinese administrative divisions: resolve a written name to a division, and find the region a
document speaks for from its title and opening lines.

Pure (standard library and the word finder only): the extractor may import it. The divisions are in
``knowledge/gazetteer.tsv`` (generated) with the hand-kept names of ``knowledge/region_aliases.tsv``, the cues in ``knowledge/regions.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from mubiao.knowledge import load, rows
from mubiao.wordfinder import WordFinder

DEPTH = {"country": 0, "province": 1, "city": 2, "county": 3}
NATIONAL_CODE = "100000"


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # as the gazetteer writes it: 白云区
    full_name: str  # unambiguous: 广州市白云区 (a county with its parent), 广东省, 全国
    code: str  # 6-digit GB/T 2260 code; 100000 for the whole country
    level: str  # country | province | city | county
    parent_code: str | None

    @property
    def depth(self) -> int:
        return DEPTH[self.level]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    text: str
    candidates: tuple[Region, ...]
    speaker: bool  # the place is named as the text's speaker or author (…省人民政府, …区委书记)


class Gazetteer:
    def __init__(
        self, rows: Iterable[list[str]], cues: dict, proper_names: Iterable[tuple[str, str]] = ()
    ) -> None:
        self.by_code: dict[str, Region] = {}
        aliases: dict[str, list[str]] = {}
        raw = list(rows)
        names = {code: name for code, name, *_ in raw}
        for code, name, level, parent, alias_list in raw:
            parent_code = parent or None
            full = names[parent_code] + name if level == "county" and parent_code else name
            self.by_code[code] = Region(name, full, code, level, parent_code)
            aliases[code] = [a for a in alias_list.split(",") if a]
        # hand-kept aliases (济源示范区, 济源): proper names, never taken for everyday words
        self.proper_names = set()
        for code, alias in proper_names:
            aliases[code].append(alias)
            self.proper_names.add(alias)
        self.by_name: dict[str, list[Region]] = {}
        for code, region in self.by_code.items():
            for written in (region.name, region.full_name, *aliases[code]):
                bucket = self.by_name.setdefault(written, [])
                if region not in bucket:
                    bucket.append(region)
        national = self.by_code[NATIONAL_CODE]
        self.national_speakers = set(cues["national_speakers"])
        for word in self.national_speakers:
            self.by_name.setdefault(word, [national])
        self.names = WordFinder(self.by_name)
        suffixes = sorted(cues["speaker_suffixes"], key=len, reverse=True)
        self.speaker_after = re.compile(cues["session"] + "(?:" + "|".join(map(re.escape, suffixes)) + ")")
        self.dateline = re.compile(cues["dateline"])
        self.opening_chars = int(cues["opening_chars"])
        self.many_region_genres = frozenset(cues["many_region_genres"])
        self.dominant_share = float(cues["dominant_share"])

    def everyday_word(self, name: str) -> bool:
        """A two-character county name that is also an everyday word (和县 in 省市和县, 城区, 郊区), not a
        hand-kept proper name (济源)."""
        return (
            len(name) <= 2
            and name not in self.proper_names
            and all(r.level == "county" for r in self.by_name[name])
        )

    def ancestors(self, region: Region) -> list[Region]:
        chain = []
        while region.parent_code:
            region = self.by_code[region.parent_code]
            chain.append(region)
        return chain

    def mentions(self, text: str, *, title: bool) -> list[Mention]:
        """Places named in ``text``. Names that are also ordinary words (two-character county names
        like 和县 in 省市和县, 城区, 郊区) count only when named as a speaker; the country counts in an
        opening only through its organs (国务院, 全国人民代表大会), since 全国 and 中国 are everyday words."""
        found = []
        for place in self.names.finditer(text):
            word = place.word
            regions = tuple(self.by_name[word])
            speaker = word in self.national_speakers or bool(self.speaker_after.match(text, place.end))
            common_word = self.everyday_word(word)
            loose_national = regions[0].code == NATIONAL_CODE and not speaker and not title
            if (common_word and not speaker) or loose_national:
                continue
            found.append(Mention(place.start, word, regions, speaker))
        return found

    def pick(self, mention: Mention, evidence: set[str]) -> Region | None:
        """One division for a mention: the candidate whose parent or grandparent is named nearby, else
        the only candidate at the highest level (吉林 is the province before the city)."""
        if len(mention.candidates) == 1:
            return mention.candidates[0]
        backed = [r for r in mention.candidates if any(a.code in evidence for a in self.ancestors(r)[:2])]
        if len(backed) == 1:
            return backed[0]
        top = min(r.depth for r in mention.candidates)
        highest = [r for r in mention.candidates if r.depth == top]
        return highest[0] if len(highest) == 1 and top < DEPTH["county"] else None

    def evidence(self, mentions: Sequence[Mention]) -> set[str]:
        codes = set()
        for mention in mentions:
            if len(mention.candidates) == 1:
                codes.add(mention.candidates[0].code)
                codes.update(a.code for a in self.ancestors(mention.candidates[0]))
        codes.discard(NATIONAL_CODE)  # every division lies in the country: no evidence for any of them
        return codes

    def choose(self, mentions: Sequence[Mention], evidence: set[str]) -> Region | None:
        """The most specific region among the speakers named, or among all places if none is a speaker."""
        pool = [m for m in mentions if m.speaker] or list(mentions)
        resolved = [r for m in pool if (r := self.pick(m, evidence))]
        return max(resolved, key=lambda r: r.depth, default=None)  # max keeps the first of equals


@cache
def gazetteer() -> Gazetteer:
    columns = ("code", "name", "level", "parent_code", "aliases")
    divisions = ([row[c] for c in columns] for row in rows("gazetteer"))
    proper_names = ((row["code"], row["alias"]) for row in rows("region_aliases"))
    return Gazetteer(divisions, load("regions"), proper_names)


def region_by_code(code: str) -> Region | None:
    return gazetteer().by_code.get(code.strip())


def resolve_region(name: str) -> Region | None:
    """The division a written name stands for: a code (440111), a name (广东省, 广东, 国务院), or a
    name with its parents (广州市白云区, 广东省广州市白云区, 广州白云区). None when unknown or ambiguous."""
    gaz = gazetteer()
    name = name.strip()
    if re.fullmatch(r"\d{6}", name):
        return gaz.by_code.get(name)
    if len(gaz.by_name.get(name, ())) == 1:
        return gaz.by_name[name][0]
    mentions = [Mention(p.start, p.word, tuple(gaz.by_name[p.word]), True) for p in gaz.names.finditer(name)]
    if not mentions or sum(len(m.text) for m in mentions) != len(name):
        return None
    evidence = gaz.evidence(mentions)
    chain = [gaz.pick(m, evidence) for m in mentions]
    if None in chain:
        return None
    deepest = max(chain, key=lambda r: r.depth)
    # every part must lie on the deepest one's line: 广州市朝阳区 names no division
    lineage = {deepest.code, *(a.code for a in gaz.ancestors(deepest))}
    return deepest if all(r.code in lineage for r in chain) else None


def find_region(title: str | None, text: str, also: Sequence[str] = ()) -> Region | None:
    """The region a document speaks for, from its title, then ``also`` (other title-like strings such
    as a file name), then the opening of its text (datelines left out). A county name shared by
    several counties (白云区, 朝阳区) is settled by a parent named anywhere in those places."""
    gaz = gazetteer()
    opening = gaz.dateline.sub(" ", text[: gaz.opening_chars])
    scopes = [(s, True) for s in (title or "", *also) if s] + [(opening, False)]
    found = [gaz.mentions(scope, title=is_title) for scope, is_title in scopes]
    evidence = gaz.evidence([m for mentions in found for m in mentions])
    for mentions in found:
        region = gaz.choose(mentions, evidence)
        if region:
            return region
    return None


def document_region(
    title: str | None, text: str, names: Sequence[str] = (), genre: str | None = None
) -> tuple[Region | None, str]:
    """The region a document speaks for (find_region) and why. A page of a genre that reports on many
    regions (news) speaks for it only when most places the page names lie on its line; else for none."""
    gaz = gazetteer()
    found = find_region(title, text, names)
    if found is None:
        return None, "no region named in its title, file name or opening"
    if genre not in gaz.many_region_genres:
        return found, "the region its title, file name or opening names"
    mentions = gaz.mentions(text, title=False)
    evidence = gaz.evidence(mentions)
    named = [r for m in mentions if (r := gaz.pick(m, evidence))]
    on_line = sum(1 for r in named if _on_one_line(found, r))
    if on_line >= gaz.dominant_share * len(named):
        return (
            found,
            f"the region its title, file name or opening names ({on_line} of {len(named)} places named)",
        )
    others = len({r.code for r in named})
    return None, (
        f"none: a {genre} page about {others} regions ({on_line} of {len(named)} places named are "
        f"{found.full_name}'s); each record has its own"
    )


def _on_one_line(a: Region, b: Region) -> bool:
    """``a`` and ``b`` are one region, or one lies in the other."""
    gaz = gazetteer()
    return a == b or a in gaz.ancestors(b) or b in gaz.ancestors(a)


def title_like_names(path: str) -> list[str]:
    """A file's name without extensions, as a title-like string the region may be read from (a file
    name such as 2026_广东省_政府工作报告), when it says more than a number."""
    stem = PurePath(path).name.split(".")[0]
    return [stem] if stem and not stem.isdigit() and stem != "-" else []
