"""The store: documents, records and runs in SQLite (default) or any SQLAlchemy database."""

from mubiao.store.db import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
