"""Documents and their records written to the store by the workers, in batches.

One transaction per batch: a killed worker leaves whole batches or nothing, and the store's
content hash makes the redone part of a partition a no-op. When two workers race to store the
same text, the batch is redone one document per transaction, so the loser just skips it; so it is
when the database refuses a document's values, which is then that document's error alone.
"""

from __future__ import annotations

import random
import time
from functools import cache

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mubiao.record import Document, TargetRecord
from mubiao.store import crud
from mubiao.store.db import is_locked, make_engine, writer
from mubiao.store.ingest import REFUSED_VALUES, refusal

BATCH_DOCUMENTS = 50
LOCKED_RETRIES = 30


@cache
def _sessions(url: str) -> sessionmaker[Session]:
    """One engine (and connection pool) per worker process and database; the client has
    already created or upgraded the schema."""
    return sessionmaker(writer(make_engine(url)), expire_on_commit=False)


class DatabaseSink:
    def __init__(self, url: str, run_id: int | None, batch: int = BATCH_DOCUMENTS) -> None:
        self.sessions = _sessions(url)
        self.run_id = run_id
        self.batch = batch
        self.pending: list[tuple[Document, list[TargetRecord]]] = []
        self.added = 0
        self.refused: list[tuple[str, str]] = []  # (document id, why) of documents not stored

    def add(self, document: Document, records: list[TargetRecord]) -> None:
        self.pending.append((document, records))
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        try:
            self._write(self.pending)
        except (IntegrityError, *REFUSED_VALUES):
            for item in self.pending:
                try:
                    self._write([item])
                except IntegrityError:
                    continue  # stored meanwhile by another worker
                except REFUSED_VALUES as exc:
                    self.refused.append((item[0].id, refusal(exc)))
        self.pending = []

    def _write(self, items: list[tuple[Document, list[TargetRecord]]]) -> None:
        for attempt in range(LOCKED_RETRIES):
            try:
                self.added += self._transaction(items)
                return
            except OperationalError as exc:
                # SQLite lets one writer in at a time; past the busy timeout another worker's
                # long batch answers "database is locked": wait and try again.
                if not is_locked(exc) or attempt == LOCKED_RETRIES - 1:
                    raise
                time.sleep(random.uniform(0.05, 0.2) * (attempt + 1))

    def _transaction(self, items: list[tuple[Document, list[TargetRecord]]]) -> int:
        added = 0
        with self.sessions.begin() as session:
            for document, records in items:
                _, created = crud.add_document(
                    session=session, document=document, records=records, run_id=self.run_id
                )
                added += created
        return added
