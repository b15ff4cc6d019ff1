"""Engine and sessions from a database URL, with the schema upgraded to the newest migration."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from mubiao.store import DEFAULT_URL

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True, slots=True)
class Store:
    """An open store. ``store.session()`` for reads; ``store.begin()`` for one transaction::

    with store.begin() as session:          # commits at the end, rolls back on error
        crud.add_document(session=session, document=doc, records=records)
    """

    engine: Engine
    sessions: sessionmaker[Session]

    def session(self) -> Session:
        return self.sessions()

    def begin(self) -> AbstractContextManager[Session]:
        return self.sessions.begin()

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores ON DELETE CASCADE unless each connection asks for it.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # Python's sqlite3 opens transactions only before INSERT/UPDATE/DELETE, so CREATE TABLE would
    # commit at once. Begin explicitly instead (SQLAlchemy's documented recipe): a migration is then
    # one transaction, and a kill mid-migration leaves the old schema, not half a new one.
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


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
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (creating it in an empty database)."""
    command.upgrade(alembic_config(engine), revision)


def open_store(url: str = DEFAULT_URL) -> Store:
    """Open (and create or upgrade in place) the store at ``url``."""
    engine = make_engine(url)
    upgrade(engine)
    return Store(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
