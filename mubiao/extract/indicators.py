"""Indicator names → core ids, through the alias table in knowledge/indicators.toml."""

from __future__ import annotations

from functools import cache, lru_cache

from mubiao.knowledge import load

# Quotes and brackets vary between sources; names are compared in one spelling.
SPELLING = str.maketrans(
    {'"': "“", "”": "“", "'": "‘", "’": "‘", "（": "(", "）": ")", "_": None, "₂": "2", "₅": "5", "．": "."}
)


@cache
def _aliases() -> tuple[dict[str, str], tuple[str, ...]]:
    table = load("indicators")
    aliases: dict[str, str] = {}
    for ident, entry in table.items():
        if isinstance(entry, dict):
            for alias in entry["aliases"]:
                aliases.setdefault(alias.translate(SPELLING), ident)
    modifiers = tuple(sorted(table["modifiers"], key=len, reverse=True))
    for alias, ident in list(aliases.items()):
        for suffix in table["suffixes"]:
            aliases.setdefault(alias + suffix, ident)
    return aliases, modifiers


@lru_cache(maxsize=8192)
def indicator_id(indicator_text: str) -> str | None:
    """The core id of an indicator as written, or None when it is not a core indicator."""
    aliases, modifiers = _aliases()
    name = indicator_text.translate(SPELLING)
    while True:
        if name in aliases:
            return aliases[name]
        for word in modifiers:
            if name.startswith(word) and len(name) > len(word):
                name = name[len(word) :]
                break
        else:
            return None


def indicator_info(ident: str) -> dict:
    """English name, unit family and direction of a core indicator."""
    entry = load("indicators")[ident]
    return {"en": entry["en"], "family": entry["family"], "direction": entry.get("direction", "up")}
