"""The indicator taxonomy (``knowledge/taxonomy.tsv``): for every indicator id its Chinese name
and aliases, English name, unit family, direction, parent and the source of the entry."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from mubiao.knowledge import rows

Direction = Literal["up", "down"]


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: str  # the usual Chinese name
    aliases: tuple[str, ...]  # other names texts use, the name not repeated
    en: str
    family: str  # unit family; |-separated when the indicator is counted in several units
    direction: Direction
    parent: str | None
    source: str  # spec, bulletin, plan or reports:N (see the file's header)

    @property
    def core(self) -> bool:
        """One of the spec's core ids, the ones gold sets annotate."""
        return self.source == "spec"


@cache
def taxonomy() -> dict[str, Indicator]:
    """Indicator id → its entry, in the file's order."""
    return {
        row["id"]: Indicator(
            id=row["id"],
            name=row["name"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            en=row["en"],
            family=row["family"],
            direction="down" if row["direction"] == "down" else "up",
            parent=row["parent"] or None,
            source=row["source"],
        )
        for row in rows("taxonomy")
    }


def core_ids() -> frozenset[str]:
    return frozenset(ident for ident, entry in taxonomy().items() if entry.core)


def english_name(indicator: str | None) -> str | None:
    """The English name of an indicator id; None for no id or an id the taxonomy does not hold."""
    entry = taxonomy().get(indicator) if indicator else None
    return entry.en if entry else None


def parent_of(indicator: str | None) -> str | None:
    """The id of the indicator ``indicator`` is part of (industrial_investment → fixed_asset_investment)."""
    entry = taxonomy().get(indicator) if indicator else None
    return entry.parent if entry else None
