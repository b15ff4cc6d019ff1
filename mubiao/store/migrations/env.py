"""Alembic environment: the schema is the models' metadata; the engine comes from mubiao.store.db."""

from __future__ import annotations

from alembic import context

from mubiao.store.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.begin() as connection:
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
