"""Whether more or less of an indicator is better: the ``direction`` of each indicator in
``mubiao/knowledge/indicators.toml`` (a table per indicator id), ``up`` when not given."""

from __future__ import annotations

from functools import cache
from typing import Literal

from mubiao.knowledge import load

Direction = Literal["up", "down"]


@cache
def directions() -> dict[str, Direction]:
    """Indicator id → its direction, for every indicator that states one."""
    return {
        indicator: entry["direction"]
        for indicator, entry in load("indicators").items()
        if isinstance(entry, dict) and entry.get("direction") in ("up", "down")
    }


def indicator_direction(indicator: str | None) -> Direction:
    """``up`` (more is better, the default) or ``down`` (less is better: prices, unemployment…)."""
    return directions().get(indicator or "", "up")
