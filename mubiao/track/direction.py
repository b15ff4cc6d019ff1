"""Whether more or less of an indicator is better: the ``direction`` of each indicator in
``mubiao/knowledge/taxonomy.tsv``, ``up`` when the indicator is not there."""

from __future__ import annotations

from functools import cache

from mubiao.taxonomy.table import Direction, taxonomy

__all__ = ["Direction", "directions", "indicator_direction"]


@cache
def directions() -> dict[str, Direction]:
    """Indicator id → its direction."""
    return {ident: entry.direction for ident, entry in taxonomy().items()}


def indicator_direction(indicator: str | None) -> Direction:
    """``up`` (more is better, the default) or ``down`` (less is better: prices, unemployment…)."""
    return directions().get(indicator or "", "up")
