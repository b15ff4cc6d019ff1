"""An indicator name in one spelling, without the words that do not change what it measures:
region words, verbs and generic modifiers before it, a generic suffix after it (rules and their
examples in ``knowledge/keys.toml``)."""

from __future__ import annotations

import re
from functools import cache

from mubiao.knowledge import load
from mubiao.regions import gazetteer

# Quotes and brackets vary between sources; names are compared in one spelling.
SPELLING = str.maketrans(
    {'"': "“", "”": "“", "'": "‘", "’": "‘", "（": "(", "）": ")", "_": None, "₂": "2", "₅": "5", "．": "."}
)
# What brackets hold is a gloss or an abbreviation of the name before it (地区生产总值（GDP）).
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
MARKS = str.maketrans({"“": None, "‘": None, "《": None, "》": None, " ": None, "\u3000": None})


@cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    """(a word stripped from a name's start, a suffix stripped from its end, min_chars)."""
    rules = load("keys")
    words = {word for family in ("region", "verbs", "modifiers") for word, _ in rules[family]}
    # Place names: the gazetteer's, except two-character county names that are also everyday words.
    words |= {
        name
        for name, regions in gazetteer().by_name.items()
        if len(name) > 2 or not all(region.level == "county" for region in regions)
    }
    zones = "|".join(re.escape(word) for word, _ in rules["zones"])
    zone = f"[\u4e00-\u9fff]{{0,{int(rules['zone_chars'])}}}?(?:{zones})"
    start = re.compile("|".join([*map(re.escape, sorted(words, key=len, reverse=True)), zone]))
    suffixes = sorted((word for word, _ in rules["suffixes"]), key=len, reverse=True)
    end = re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$")
    return start, end, int(rules["min_chars"])


def normalised_name(indicator_text: str) -> str:
    """全市新增（净增）高新技术企业数量 → 高新技术企业. A strip that would leave fewer than
    ``min_chars`` characters is not made."""
    start, end, min_chars = _rules()
    name = BRACKETED.sub("", indicator_text.translate(SPELLING)).translate(MARKS).strip()
    while (m := start.match(name)) and len(name) - m.end() >= min_chars:
        name = name[m.end() :]
    if (m := end.search(name)) and m.start() >= min_chars:
        name = name[: m.start()]
    return name
