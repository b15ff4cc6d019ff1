"""The store: documents, records and runs in SQLite (default) or any SQLAlchemy database.

``Store`` and ``open_store`` load SQLAlchemy and Alembic on first use, so that importing this
package (for ``DEFAULT_URL``, e.g. to build the command line) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

DEFAULT_URL = "sqlite:///mubiao.db"

if TYPE_CHECKING:
    from mubiao.store.db import Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "open_store"):
        from mubiao.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'mubiao.store' has no attribute {name!r}")
