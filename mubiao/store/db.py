"""Engine and sessions from a database URL, with the schema upgraded to the newest migration."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mubiao.ingest.errors import InputError
from mubiao.store import DEFAULT_URL

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
T = TypeVar("T")

# How long an SQLite connection waits for another process's write lock before "database is locked".
BUSY_TIMEOUT_MS = 30_000
# Whole write transactions retried after that (a writer may hold the lock longer than the timeout).
WRITE_ATTEMPTS = 5
# Key of the PostgreSQL advisory lock that serialises migrations across processes ("mubiao" in hex).
MIGRATION_LOCK = 0x6D756269616F


@dataclass(frozen=True, slots=True)
class Store:
    """An open store. ``store.session()`` for reads; ``store.begin()`` for one transaction::

    with store.begin() as session:          # commits at the end, rolls back on error
        crud.add_document(session=session, document=doc, records=records)
    """

    engine: Engine
    sessions: sessionmaker[Session]
    # sessions whose transactions take the write lock when they begin (SQLite: BEGIN IMMEDIATE)
    writers: sessionmaker[Session]

    def session(self) -> Session:
        return self.sessions()

    def begin(self) -> AbstractContextManager[Session]:
        return self.writers.begin()

    def write(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one write transaction, run again from the start when another
        process kept the database locked (SQLite) past the busy timeout."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with self.begin() as session:
                    return work(session)
            except OperationalError as exc:
                if attempt == WRITE_ATTEMPTS or not is_locked(exc):
                    raise
                time.sleep(0.1 * 2**attempt)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()


def is_locked(exc: OperationalError) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (another process holds the write lock)."""
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Wait for another process's write lock instead of failing at once; the timeout comes first
    # because switching the journal mode itself may have to wait.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL: readers never block the writer nor it them, so a server reads while an ingest writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    # SQLite ignores ON DELETE CASCADE unless each connection asks for it.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # Python's sqlite3 opens transactions only before INSERT/UPDATE/DELETE, so CREATE TABLE would
    # commit at once. Begin explicitly instead (SQLAlchemy's documented recipe): a migration is then
    # one transaction, and a kill mid-migration leaves the old schema, not half a new one.
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: Connection) -> None:
    # A write transaction takes the write lock when it begins (waiting up to the busy timeout): a
    # deferred one that read first could not take it later once another process had committed,
    # and would fail at once whatever the timeout.
    immediate = connection.get_execution_options().get("immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions are write transactions (``_sqlite_begin``)."""
    return engine.execution_options(immediate=True)


def _refuse_missing(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return  # a server's database, or one in memory
    path = Path(parsed.database)
    if not path.exists():
        raise InputError(
            url, f"no store there (no file {path.resolve()}); `mubiao ingest FILES --db URL` makes one"
        )


def make_engine(url: str = DEFAULT_URL) -> Engine:
    """An engine for any SQLAlchemy URL (``sqlite:///file.db``, ``postgresql+psycopg://…``)."""
    if url.startswith("postgresql://"):
        # psycopg 3 is the driver we install; plain postgresql:// would ask for psycopg2.
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = writer(engine)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creating it in an empty database)."""
    command.upgrade(alembic_config(engine), revision)


def open_store(url: str = DEFAULT_URL, *, create: bool = True) -> Store:
    """Open (and create or upgrade in place) the store at ``url``. With ``create=False`` (commands
    that read a store) an SQLite file that does not exist is refused (``InputError``) rather than
    created: a mistyped path, or the default ``mubiao.db`` looked for in another directory, gave
    empty tables and left an empty store behind."""
    if not create:
        _refuse_missing(url)
    engine = make_engine(url)
    upgrade(engine)
    return Store(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        writers=sessionmaker(writer(engine), expire_on_commit=False),
    )
