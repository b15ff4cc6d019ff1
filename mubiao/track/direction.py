"""Whether more or less of an indicator is better, read from ``mubiao/knowledge/indicators.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal

Direction = Literal["up", "down"]
INDICATORS_FILE = Path(__file__).resolve().parents[1] / "knowledge" / "indicators.toml"


def _entries(node: Any) -> list[dict[str, Any]]:
    """Every table in the file that names an indicator ``id``."""
    if isinstance(node, list):
        return [entry for item in node for entry in _entries(item)]
    if not isinstance(node, dict):
        return []
    found = [node] if isinstance(node.get("id"), str) else []
    return found + [entry for value in node.values() for entry in _entries(value)]


@cache
def directions() -> dict[str, Direction]:
    """Indicator id → ``down`` for those the knowledge file marks so; the rest are ``up``."""
    if not INDICATORS_FILE.exists():
        return {}
    data = tomllib.loads(INDICATORS_FILE.read_text(encoding="utf-8"))
    return {
        entry["id"]: entry["direction"]
        for entry in _entries(data)
        if entry.get("direction") in ("up", "down")
    }


def indicator_direction(indicator: str | None) -> Direction:
    """``up`` (more is better, the default) or ``down`` (less is better: prices, unemployment…)."""
    return directions().get(indicator or "", "up")
