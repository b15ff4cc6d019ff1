"""The store's tables: documents, the records extracted from them, the runs that did it, and
people's reviews of the records with the decisions that made them.

A record row carries every ``TargetRecord`` field under the same name, so that
``RecordRow.to_record()`` gives back the one record type (no second schema).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mubiao.record import RECORD_FIELDS, Document, TargetRecord

# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


# Largest value of the Integer columns (ids, offsets) on every database: PostgreSQL's integer is 32 bits.
INT_MAX = 2**31 - 1


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RunRow(Base):
    """One execution of a command that wrote to the store (ingest, reextract)."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command: Mapped[str] = mapped_column(String(32))
    mubiao_version: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # None while running, and forever for a run that was killed.
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DocumentRow(Base):
    """A stored document: its text (record offsets index it) and metadata."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(1024))  # Document.id: file path, URL or corpus row id
    text: Mapped[str] = mapped_column(Text)
    # sha256 of the UTF-8 text: the same content is stored once.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)  # YYYY-MM-DD
    region: Mapped[str | None] = mapped_column(String(128), index=True)
    region_code: Mapped[str | None] = mapped_column(String(32), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    page_starts: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))

    records: Mapped[list[RecordRow]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RecordRow.start",
    )

    def to_document(self) -> Document:
        return Document(
            text=self.text,
            id=self.key,
            title=self.title,
            published=self.published,
            region=self.region,
            region_code=self.region_code,
            source=self.source,
            author=self.author,
            url=self.url,
            page_starts=[(int(offset), int(page)) for offset, page in self.page_starts or []],
        )


class RecordRow(Base):
    """One TargetRecord, with the document it was found in and the run that found it."""

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_track", "indicator", "period", "measure"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    doc: Mapped[str] = mapped_column(String(1024))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value_text: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    indicator_text: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str | None] = mapped_column(String(64))
    measure: Mapped[str] = mapped_column(String(16))
    value_low: Mapped[float | None] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    comparator: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(16), index=True)
    period: Mapped[str | None] = mapped_column(String(16))
    annual_average: Mapped[bool] = mapped_column(Boolean, default=False)
    hedge: Mapped[str | None] = mapped_column(String(64))
    region: Mapped[str | None] = mapped_column(String(128))
    region_code: Mapped[str | None] = mapped_column(String(32), index=True)
    published: Mapped[str | None] = mapped_column(String(10))
    page: Mapped[int | None] = mapped_column(Integer)
    indicator_key: Mapped[str | None] = mapped_column(String(256), index=True)
    relative_to: Mapped[str | None] = mapped_column(String(64))

    document: Mapped[DocumentRow] = relationship(back_populates="records")

    def to_record(self) -> TargetRecord:
        return TargetRecord(**{name: getattr(self, name) for name in RECORD_FIELDS})

    @classmethod
    def from_record(cls, record: TargetRecord, **extra: Any) -> RecordRow:
        return cls(**record.to_dict(), **extra)


class ReviewRow(Base):
    """A person's version of one record, kept apart from the machine's ``records`` row.

    A review of a machine record names it by its span (``machine_start``, ``machine_end``), which
    survives re-extraction (record ids do not); an added record has none. ``record`` holds every
    field of the record as the person holds it (a rejected one: as the machine had it); the
    columns after it copy the fields that filters and sorting read. ``machine`` is the machine's
    record as it was when decided: a re-extraction that changes it sets ``stale``.
    """

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("document_id", "machine_start", "machine_end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    machine_start: Mapped[int | None] = mapped_column(Integer)
    machine_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    stale: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewer: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    machine: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value_text: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    indicator_text: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str | None] = mapped_column(String(64))
    measure: Mapped[str] = mapped_column(String(16))
    value_low: Mapped[float | None] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    comparator: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str] = mapped_column(String(64))
    modality: Mapped[str] = mapped_column(String(16))
    period: Mapped[str | None] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(128))
    region_code: Mapped[str | None] = mapped_column(String(32))

    def to_record(self) -> TargetRecord:
        return TargetRecord.from_dict(self.record)


class DecisionRow(Base):
    """One decision as it was taken: who, when, what and which fields it changed (``changes``:
    name → [before, after]). ``before`` is the review row's state before it (None: there was
    none), so that undo can put it back; an undone decision keeps its row, with ``undone_at``."""

    __tablename__ = "review_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # the review it made or changed; no foreign key: undoing an addition deletes that review
    review_id: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))  # the record's key (review.Item.key)
    action: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(128), index=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
