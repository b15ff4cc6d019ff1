"""Schema migrations: an empty or older database upgrades in place, and the migrations build
exactly the schema the models describe (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from pgserver import fresh_database_url
from sqlalchemy import text

from mubiao.record import Document
from mubiao.store import crud, open_store
from mubiao.store.db import alembic_config, make_engine, upgrade
from mubiao.store.models import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'mubiao.db'}" if request.param == "sqlite" else fresh_database_url()


def test_migrations_match_the_models(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()


def test_existing_database_upgrades_in_place_and_keeps_its_data(url: str) -> None:
    engine = make_engine(url)
    script = ScriptDirectory.from_config(alembic_config(engine))
    first = script.get_base()
    upgrade(engine, first)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (key, text, content_hash, page_starts, created_at) "
                "VALUES ('old.txt', '旧文本', :h, '[]', CURRENT_TIMESTAMP)"
            ),
            {"h": crud.content_hash("旧文本")},
        )
    engine.dispose()
    store = open_store(url)
    with store.session() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert version == script.get_current_head()
        _, created = crud.add_document(
            session=session, document=Document(text="旧文本", id="again.txt"), records=[]
        )
        assert not created
    store.close()


def test_schema_changes_roll_back_with_their_transaction(url: str) -> None:
    """A migration killed half-way must leave the old schema: DDL is transactional (SQLite too)."""
    engine = make_engine(url)
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("killed")
    with engine.connect() as connection:
        assert "half_done" not in connection.dialect.get_table_names(connection)
    engine.dispose()


def test_plain_postgresql_urls_use_the_installed_driver() -> None:
    engine = make_engine("postgresql://someone@localhost/mubiao")
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
