"""Alembic environment: the schema is the models' metadata; the engine comes from mubiao.store.db."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from mubiao.store.db import MIGRATION_LOCK
from mubiao.store.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a fresh database would both create the tables; the second
            # waits here and then finds the schema current. (SQLite: BEGIN IMMEDIATE does this.)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("mubiao migrations run online only (mubiao.store.open_store)")
run_migrations_online()
