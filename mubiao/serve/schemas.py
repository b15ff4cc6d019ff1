"""The API's response shapes. Record and tracking rows are derived from ``TargetRecord`` and
``TrackingRow`` field by field, so that the API cannot drift from the one record type."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any, Literal, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

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
    "One target record (fields of shared/spec/target-records.md) as readers see it: the machine's, "
    "or a person's version of it. `id` is the machine record's row (null for a record a person "
    "added); `key` names the record stably (`m<start>-<end>`: the machine span it reviews, "
    "`a<review id>`: added); `status` is machine|accepted|corrected|rejected|added; "
    "`machine_changes`: in a document's records, for a record changed since review, the machine's "
    "fields that changed since the decision ({field: [then, now]}); "
    "`confidence` (0-1, in a document's records and the review queue) and its basis: how surely "
    "the extractor decided its least sure field.",
    id=(int | None, None),
    document_id=(int, ...),
    indicator_en=(str | None, None),
    indicator_parent=(str | None, None),
    key=(str, ...),
    status=(str, ...),
    changed_since_review=(bool, False),
    machine_changes=(dict[str, list[Any]] | None, None),
    review_id=(int | None, None),
    reviewer=(str | None, None),
    decided_at=(datetime | None, None),
    confidence=(float | None, None),
    confidence_basis=(str | None, None),
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
    n_records: int  # records as readers see them (the machine's, and those people added)
    n_reviewed: int = 0  # of which a person decided, and not changed since


class ReviewProgress(BaseModel):
    reviewed: int
    total: int


class DocumentDetail(DocumentSummary):
    # the year the stored text reads as (its publication year) and where it came from: metadata,
    # dateline, title, headings (the heading that gave it), a date in the opening; None: no year
    publication_year: int | None
    year_source: str | None
    author: str | None
    n_chars: int  # length of the whole text
    text_start: int  # the part of the text in this answer: text == whole[text_start:text_end]
    text_end: int
    text: str
    records: list[RecordOut]  # type: ignore[valid-type]
    review: ReviewProgress


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
    # per filter (region, indicator, measure, modality, period, status): each value's count
    # under the other filters
    facets: dict[str, dict[str, int]]


class Decision(BaseModel):
    """One decision on a record. ``key``: the record's key (not for ``add``); ``fields``: the
    fields to set (``correct``; for ``add`` the new record, ``start`` and ``end`` at least)."""

    reviewer: str = Field(min_length=1, max_length=128, description="the name of the person deciding")
    action: Literal["accept", "correct", "reject", "add"]
    key: str | None = None
    fields: dict[str, Any] = Field(default_factory=dict)


class DecisionResult(BaseModel):
    record: RecordOut | None  # type: ignore[valid-type]
    review: ReviewProgress


class Undo(BaseModel):
    reviewer: str = Field(min_length=1, max_length=128)


class UndoResult(BaseModel):
    undone: bool
    key: str | None = None
    review: ReviewProgress


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    review_id: int
    key: str
    action: str
    status: str
    reviewer: str
    decided_at: datetime
    changes: dict[str, list[Any]]
    undone_at: datetime | None


class DocumentProgress(BaseModel):
    id: int
    title: str | None
    key: str
    reviewed: int
    total: int


class ReviewQueue(BaseModel):
    """Records still to review (nobody decided, or changed since review), least sure first."""

    items: list[RecordOut]  # type: ignore[valid-type]
    reviewed: int
    total: int
    documents: list[DocumentProgress]


class ServerInfo(BaseModel):
    writes: bool
    protect_reads: bool


class TrackingTable(BaseModel):
    total: int
    items: list[TrackingOut]  # type: ignore[valid-type]
    # the tolerance the statuses were judged with (a 左右 target missed by at most this counts)
    tolerance_pct: float
    tolerance_level: float


class EscalationTable(BaseModel):
    total: int
    items: list[EscalationOut]  # type: ignore[valid-type]


class IndicatorName(BaseModel):
    zh: str
    en: str
    parent: str | None = None


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
