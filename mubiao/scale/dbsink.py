"""Documents and their records written to the store by the workers, in batches.

One transaction per batch: a killed worker leaves whole batches or nothing, and the store's
content hash makes the redone part of a partition a no-op. When two workers race to store the
same text, the batch is redone one document per transaction, so the loser just skips it.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from mubiao.record import Document, TargetRecord
from mubiao.store import crud
from mubiao.store.db import make_engine

BATCH_DOCUMENTS = 50


@cache
def _sessions(url: str) -> sessionmaker[Session]:
    """One engine (and connection pool) per worker process and database; the client has
    already created or upgraded the schema."""
    return sessionmaker(make_engine(url), expire_on_commit=False)


class DatabaseSink:
    def __init__(self, url: str, run_id: int | None, batch: int = BATCH_DOCUMENTS) -> None:
        self.sessions = _sessions(url)
        self.run_id = run_id
        self.batch = batch
        self.pending: list[tuple[Document, list[TargetRecord]]] = []
        self.added = 0

    def add(self, document: Document, records: list[TargetRecord]) -> None:
        self.pending.append((document, records))
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        try:
            self._write(self.pending)
        except IntegrityError:
            for item in self.pending:
                try:
                    self._write([item])
                except IntegrityError:
                    continue  # stored meanwhile by another worker
        self.pending = []

    def _write(self, items: list[tuple[Document, list[TargetRecord]]]) -> None:
        added = 0
        with self.sessions.begin() as session:
            for document, records in items:
                _, created = crud.add_document(
                    session=session, document=document, records=records, run_id=self.run_id
                )
                added += created
        self.added += added
