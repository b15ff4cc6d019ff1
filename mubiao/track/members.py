"""A value stated once for several indicators (城镇居民人均可支配收入和农民人均纯收入均增长8.5%以上; 制造业贷款余额、科技贷款余额均增长
11.7%) is one record naming them all, its indicator null (spec, "Coordination and lists"); tracking reads it as a
value of each of them, where each has an id of its own."""

from __future__ import annotations

from dataclasses import replace

from mubiao.extract.interpret import parse_head, split_names
from mubiao.record import TargetRecord
from mubiao.taxonomy import indicator_id


def each_member(record: TargetRecord) -> list[TargetRecord]:
    """The record as a record of each indicator its name lists (its own where it has an id, or lists fewer than two
    indicators, or one without an id: a list of things the taxonomy does not hold is tracked by its key as it is)."""
    if record.indicator or not record.indicator_text:
        return [record]
    names = split_names(list(parse_head(record.indicator_text).names), True)
    ids = [indicator_id(name) for name in names]
    if len(names) < 2 or not all(ids) or len(set(ids)) < len(ids):
        return [record]
    return [
        replace(record, indicator=ident, indicator_text=name, indicator_key=ident)
        for name, ident in zip(names, ids, strict=True)
    ]
