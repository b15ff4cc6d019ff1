"""A value stated once for several indicators (城镇居民人均可支配收入和农民人均纯收入均增长8.5%以上; 制造业贷款余额、科技贷款余额均增长
11.7%) is one record naming them all, its indicator null (spec, "Coordination and lists"); tracking reads it as a
value of each of them, where each has an id of its own."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from mubiao.extract.interpret import parse_head, split_names
from mubiao.record import TargetRecord
from mubiao.taxonomy import indicator_id


def each_member(record: TargetRecord) -> list[TargetRecord]:
    """The record as a record of each indicator its name lists (its own where it has an id, or lists fewer than two
    indicators, or one without an id: a list of things the taxonomy does not hold is tracked by its key as it is)."""
    if record.indicator or not record.indicator_text:
        return [record]
    members = _members(record.indicator_text)
    if not members:
        return [record]
    return [
        replace(record, indicator=ident, indicator_text=name, indicator_key=ident) for name, ident in members
    ]


@lru_cache(maxsize=8192)  # the store's pre-pass and track() both ask, and names repeat across documents
def _members(indicator_text: str) -> tuple[tuple[str, str], ...]:
    """(name, id) of each indicator a name lists, or () where it lists fewer than two or one without an id."""
    names = split_names(list(parse_head(indicator_text).names), True)
    ids = [indicator_id(name) for name in names]
    if len(names) < 2 or not all(ids) or len(set(ids)) < len(ids):
        return ()
    return tuple(zip(names, ids, strict=True))  # type: ignore[arg-type]  # every id is a str here
