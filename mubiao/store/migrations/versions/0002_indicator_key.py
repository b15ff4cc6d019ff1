"""records.indicator_key: the indicator id, else the normalised name, of every record

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from mubiao.taxonomy import indicator_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("indicator_key", sa.String(length=256), nullable=True))
        batch.create_index(batch.f("ix_records_indicator_key"), ["indicator_key"])
    # Records stored before the key existed get it from their name, as the extractor gives it now.
    connection = op.get_bind()
    records = sa.table("records", sa.column("id", sa.Integer), sa.column("indicator_text", sa.Text),
                       sa.column("indicator_key", sa.String))  # fmt: skip
    last = 0
    while rows := connection.execute(
        sa.select(records.c.id, records.c.indicator_text)
        .where(records.c.id > last)
        .order_by(records.c.id)
        .limit(BATCH)
    ).all():
        connection.execute(
            records.update().where(records.c.id == sa.bindparam("row_id")),
            [{"row_id": row_id, "indicator_key": indicator_key(name or "")} for row_id, name in rows],
        )
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_index(batch.f("ix_records_indicator_key"))
        batch.drop_column("indicator_key")
