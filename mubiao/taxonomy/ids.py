"""Indicator names → ids, through the names and aliases of knowledge/taxonomy.tsv; the modifiers
and suffixes that do not change an indicator, and the units each family of indicators is written
in, are in knowledge/indicators.toml."""

from __future__ import annotations

from functools import cache, lru_cache

from mubiao.knowledge import load
from mubiao.taxonomy.normalise import in_one_spelling, normalised_name, stripped_forms
from mubiao.taxonomy.table import taxonomy


@cache
def _aliases() -> tuple[dict[str, str], tuple[str, ...]]:
    table = load("indicators")
    aliases: dict[str, str] = {}
    for ident, entry in taxonomy().items():
        for alias in (entry.name, *entry.aliases):
            aliases.setdefault(in_one_spelling(alias), ident)
    modifiers = tuple(sorted(table["modifiers"], key=len, reverse=True))
    for alias, ident in list(aliases.items()):
        for suffix in table["suffixes"]:
            aliases.setdefault(alias + suffix, ident)
        if table["share_of"] in alias and (
            end := next((e for e in table["share_ends"] if alias.endswith(e)), None)
        ):
            aliases.setdefault(alias.removesuffix(end), ident)
    return aliases, modifiers


@lru_cache(maxsize=8192)
def indicator_id(indicator_text: str) -> str | None:
    """The id of an indicator as written (its name, a form of it with words stripped from its start,
    or its normalised name, is an alias after modifiers are stripped from its start), or None when
    the taxonomy does not hold it."""
    for name in (
        in_one_spelling(indicator_text),
        *stripped_forms(indicator_text),
        normalised_name(indicator_text),
    ):
        if ident := _lookup(name):
            return ident
    return None


def _lookup(name: str) -> str | None:
    aliases, modifiers = _aliases()
    while True:
        if name in aliases:
            return aliases[name]
        if not name.startswith(modifiers):
            return None  # (most names: no modifier to strip, and the modifiers need not be tried one by one)
        for word in modifiers:
            if name.startswith(word) and len(name) > len(word):
                name = name[len(word) :]
                break
        else:
            return None


@cache
def _family_units() -> dict[str, frozenset[str]]:
    return {family: frozenset(units) for family, units in load("indicators")["family_units"].items()}


def unit_fits(ident: str, measure: str, unit: str) -> bool:
    """Whether a value of ``measure`` in ``unit`` can be the indicator's own: a growth rate fits any
    indicator, a change in points one written in % (城镇化率提高1.2个百分点; 固定资产投资增速较去年同期提高29.1个百分点
    is a change of the investment's growth rate, not of the investment), a level or change must be in a unit of
    its family (占农林牧渔总产值38%以上 is no output of agriculture: a share of it)."""
    if measure == "growth":
        return True
    units = _units_of(ident)
    if unit == "pp":
        return not units or "%" in units
    return not units or unit in units or unit.split("/")[0] in units


@cache
def _units_of(ident: str) -> frozenset[str]:
    """The units of the indicator's families, put together once an indicator; none (any unit) when
    one of its families holds any unit (other: 电话普及率 is written in % and in 部/百人)."""
    families = [_family_units()[family] for family in taxonomy()[ident].family.split("|")]
    if not all(families):
        return frozenset()
    return frozenset().union(*families)
