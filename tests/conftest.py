"""Fixtures shared by several test modules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_support import app_for

from mubiao.store import open_store


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A client of the app over a new, empty SQLite store; modules that need a filled store define
    their own ``client``."""
    store = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    with TestClient(app_for(store)) as test_client:
        yield test_client
    store.close()
