"""records.relative_to: the benchmark of a gap or relative target as written (全省, 全国平均水平)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Records stored before keep null (no benchmark) until `mubiao reextract` reads them again.
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("relative_to", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.drop_column("relative_to")
