"""Display names of indicator ids: the Chinese name, the English name and the parent, from the
taxonomy (``mubiao/knowledge/taxonomy.tsv``)."""

from __future__ import annotations

from functools import cache

from mubiao.taxonomy.table import taxonomy


@cache
def indicator_names() -> dict[str, dict[str, str]]:
    """``{"gdp": {"zh": "地区生产总值", "en": "GDP"}, "primary_value_added": {..., "parent": "gdp"}}``"""
    names = {}
    for ident, entry in taxonomy().items():
        names[ident] = {"zh": entry.name, "en": entry.en}
        if entry.parent:
            names[ident]["parent"] = entry.parent
    return names
