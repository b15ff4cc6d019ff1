"""Where an upload is stored (issue 13, case 2): in the worker process that read it whenever the worker
can open the store itself, so that storing a large document's records does not hold up the server's
other requests; else (a store only the server holds) by the server, with the same answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_support import CORPUS, TOKEN, app_for

from mubiao.serve import upload
from mubiao.store import Store, open_store
from mubiao.store.db import make_engine

AUTH = {"Authorization": f"Bearer {TOKEN}"}
REPORT = "2026_重庆市_政府工作报告.txt"


@pytest.mark.parametrize(
    ("url", "shared"),
    [
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:////tmp/mubiao.db", "sqlite:////tmp/mubiao.db"),
        ("postgresql://mubiao:s3cret@db:5432/mubiao", "postgresql+psycopg://mubiao:s3cret@db:5432/mubiao"),
    ],
)
def test_a_worker_is_given_the_store_unless_only_the_server_can_open_it(url: str, shared: str | None) -> None:
    engine = make_engine(url)
    try:
        assert upload.shared_url(Store(engine=engine, sessions=None, writers=None)) == shared  # type: ignore[arg-type]
    finally:
        engine.dispose()


def _upload_and_stored(client: TestClient) -> tuple[dict, dict]:
    data = (CORPUS / REPORT).read_bytes()
    answer = client.post("/api/documents", headers=AUTH, files={"file": (REPORT, data)})
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return body, client.get(f"/api/documents/{body['document']['id']}", headers=AUTH).json()


def test_the_answer_is_the_same_whoever_stores_the_upload(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_worker, stored = _upload_and_stored(client)
    assert by_worker["created"] is True and len(by_worker["records"]) > 50
    assert by_worker["records"] == stored["records"]
    again = client.post(
        "/api/documents", headers=AUTH, files={"file": ("copy.txt", (CORPUS / REPORT).read_bytes())}
    )
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["records"] == stored["records"]

    monkeypatch.setattr(upload, "shared_url", lambda _store: None)
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        with TestClient(app_for(other)) as by_server_client:
            by_server, _ = _upload_and_stored(by_server_client)
    finally:
        other.close()
    assert by_server["records"] == by_worker["records"]
