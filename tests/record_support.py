"""Shared by the store, track and serve tests: a record found in a short document, grounded in
its text (offsets of ``value_text``, the clause around it as the quote)."""

from __future__ import annotations

from typing import Any

from mubiao.record import Document, TargetRecord


def grounded_record(
    document: Document, value_text: str, indicator: str, modality: str, value: float, **overrides: Any
) -> TargetRecord:
    """A growth record of ``indicator`` for 2017 at the first ``value_text`` of ``document``;
    ``overrides`` replace any field."""
    start = document.text.index(value_text)
    clause = next(c for c in document.text.replace("。", "，").split("，") if value_text in c)
    fields: dict[str, Any] = dict(
        doc=document.id,
        start=start,
        end=start + len(value_text),
        value_text=value_text,
        quote=clause,
        indicator_text=indicator,
        indicator=indicator,
        measure="growth",
        value_low=value,
        value_high=value,
        comparator="approx" if "左右" in value_text else "eq",
        unit="%",
        modality=modality,
        period="2017",
        region=document.region,
        region_code=document.region_code,
        published=document.published,
    )
    return TargetRecord(**{**fields, **overrides})
