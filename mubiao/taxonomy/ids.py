"""Indicator names → ids, through the names and aliases of knowledge/taxonomy.tsv; the modifiers
and suffixes that do not change an indicator are in knowledge/indicators.toml."""

from __future__ import annotations

from functools import cache, lru_cache

from mubiao.knowledge import load
from mubiao.taxonomy.normalise import SPELLING, normalised_name
from mubiao.taxonomy.table import taxonomy


@cache
def _aliases() -> tuple[dict[str, str], tuple[str, ...]]:
    table = load("indicators")
    aliases: dict[str, str] = {}
    for ident, entry in taxonomy().items():
        for alias in (entry.name, *entry.aliases):
            aliases.setdefault(alias.translate(SPELLING), ident)
    modifiers = tuple(sorted(table["modifiers"], key=len, reverse=True))
    for alias, ident in list(aliases.items()):
        for suffix in table["suffixes"]:
            aliases.setdefault(alias + suffix, ident)
    return aliases, modifiers


@lru_cache(maxsize=8192)
def indicator_id(indicator_text: str) -> str | None:
    """The id of an indicator as written (its name, or its normalised name, is an alias after
    modifiers are stripped from its start), or None when the taxonomy does not hold it."""
    return _lookup(indicator_text.translate(SPELLING)) or _lookup(normalised_name(indicator_text))


def _lookup(name: str) -> str | None:
    aliases, modifiers = _aliases()
    while True:
        if name in aliases:
            return aliases[name]
        for word in modifiers:
            if name.startswith(word) and len(name) > len(word):
                name = name[len(word) :]
                break
        else:
            return None
