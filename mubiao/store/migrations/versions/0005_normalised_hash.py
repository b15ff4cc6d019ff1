"""documents.content_hash of the normalised text (line ends, white space at line ends, blank lines
at either end, a byte-order mark), so that a copy differing only in those is recognised

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from mubiao.store.crud import content_hash

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 200
documents = sa.table(
    "documents", sa.column("id", sa.Integer), sa.column("text", sa.Text), sa.column("content_hash", sa.String)
)


def _documents(connection: sa.Connection) -> Iterator[tuple[int, str, str]]:
    """(id, text, stored hash) of every document, a batch at a time (texts are long)."""
    last = 0
    query = sa.select(documents.c.id, documents.c.text, documents.c.content_hash).order_by(documents.c.id)
    while rows := connection.execute(query.where(documents.c.id > last).limit(BATCH)).all():
        yield from rows
        last = rows[-1][0]


def _store(connection: sa.Connection, hashes: dict[int, str]) -> None:
    update = documents.update().where(documents.c.id == sa.bindparam("row_id"))
    items = list(hashes.items())
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        connection.execute(update, [{"row_id": row_id, "content_hash": digest} for row_id, digest in batch])


def upgrade() -> None:
    connection = op.get_bind()
    copies: dict[str, list[tuple[int, str]]] = {}
    for row_id, text, stored in _documents(connection):
        copies.setdefault(content_hash(text), []).append((row_id, stored))
    # Copies stored before (texts the same once normalised) stay, as stored: the first of them, or
    # the one whose text is already normalised, takes the new hash; the others keep their old one.
    hashes = {
        members[0][0]: digest
        for digest, members in copies.items()
        if all(stored != digest for _, stored in members)
    }
    _store(connection, hashes)


def downgrade() -> None:
    connection = op.get_bind()  # the old hash: of the text as stored
    _store(
        connection,
        {
            row_id: hashlib.sha256(text.encode("utf-8")).hexdigest()
            for row_id, text, _ in _documents(connection)
        },
    )
