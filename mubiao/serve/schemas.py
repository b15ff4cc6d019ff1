"""The API's response shapes. Record and tracking rows are derived from ``TargetRecord`` and
``TrackingRow`` field by field, so that the API cannot drift from the one record type."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, get_type_hints

from pydantic import BaseModel, ConfigDict, create_model

from mubiao.record import TargetRecord
from mubiao.track.escalation import EscalationRow
from mubiao.track.link import TrackingRow


def _model_of(cls: type, name: str, doc: str, **extra: Any) -> type[BaseModel]:
    hints = get_type_hints(cls)
    columns: dict[str, Any] = {f.name: (hints[f.name], ...) for f in fields(cls)}
    columns.update(extra)
    return create_model(name, __doc__=doc, __config__=ConfigDict(from_attributes=True), **columns)


RecordOut = _model_of(
    TargetRecord,
    "RecordOut",
    "One target record (fields of shared/spec/target-records.md), with the store's ids and the "
    "indicator's English name.",
    id=(int, ...),
    document_id=(int, ...),
    indicator_en=(str | None, None),
)

TrackingOut = _model_of(
    TrackingRow,
    "TrackingOut",
    "One target with its linked outcome and attainment status (the table of `mubiao track`); "
    "target_document_id and outcome_document_id point to /api/documents/{id}.",
    target_document_id=(int | None, None),
    outcome_document_id=(int | None, None),
)

EscalationOut = _model_of(
    EscalationRow,
    "EscalationOut",
    "One region's target for an indicator and period, beside the nearest target above it.",
)


class DocumentSummary(BaseModel):
    id: int
    key: str
    title: str | None
    published: str | None
    region: str | None
    region_code: str | None
    source: str | None
    url: str | None
    n_records: int


class DocumentDetail(DocumentSummary):
    author: str | None
    text: str
    records: list[RecordOut]  # type: ignore[valid-type]


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class RecordPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[RecordOut]  # type: ignore[valid-type]


class TrackingTable(BaseModel):
    total: int
    items: list[TrackingOut]  # type: ignore[valid-type]


class EscalationTable(BaseModel):
    total: int
    items: list[EscalationOut]  # type: ignore[valid-type]


class IndicatorName(BaseModel):
    zh: str
    en: str


class Facets(BaseModel):
    """The values the records' filters can take, for building the page's filter menus."""

    regions: list[str]
    indicators: list[str]
    periods: list[str]
    measures: list[str]
    modalities: list[str]
    indicator_names: dict[str, IndicatorName]


class UploadResult(BaseModel):
    created: bool
    document: DocumentSummary
    records: list[RecordOut]  # type: ignore[valid-type]


class ReextractResult(BaseModel):
    document: DocumentSummary
    added: int
    removed: int
    changed: int
    records: list[RecordOut]  # type: ignore[valid-type]
