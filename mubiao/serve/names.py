"""Display names of the core indicator ids: the Chinese name (first alias) and the English name,
both from ``mubiao/knowledge/indicators.toml``."""

from __future__ import annotations

from functools import cache

from mubiao.knowledge import load


@cache
def indicator_names() -> dict[str, dict[str, str]]:
    """``{"gdp": {"zh": "地区生产总值", "en": "GDP"}, ...}``"""
    names = {}
    for indicator, entry in load("indicators").items():
        if isinstance(entry, dict) and entry.get("aliases"):
            names[indicator] = {"zh": entry["aliases"][0], "en": entry.get("en") or indicator}
    return names


def english_name(indicator: str | None) -> str | None:
    return indicator_names().get(indicator, {}).get("en") if indicator else None
