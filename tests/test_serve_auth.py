"""Who may write and read, and the bounds on request size and rate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_support import TOKEN

from mubiao.record import Document, TargetRecord
from mubiao.serve import ServeSettings, create_app
from mubiao.store import Store, crud, open_store

TEXT = "今年主要预期目标是：国内生产总值增长6.5%左右。"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    start = TEXT.index("6.5%左右")
    record = TargetRecord(
        doc="t.txt",
        start=start,
        end=start + 6,
        value_text="6.5%左右",
        quote="国内生产总值增长6.5%左右",
        indicator_text="国内生产总值",
        indicator="gdp",
        measure="growth",
        value_low=6.5,
        value_high=6.5,
        comparator="approx",
        unit="%",
        modality="target",
        period="2017",
    )
    with opened.begin() as session:
        crud.add_document(session=session, document=Document(text=TEXT, id="t.txt"), records=[record])
    yield opened
    opened.close()


def client_for(store: Store, **settings: object) -> TestClient:
    return TestClient(create_app(ServeSettings(db_url="sqlite://", **settings), store=store))  # type: ignore[arg-type]


def first_id(client: TestClient) -> int:
    return client.get("/api/documents").json()["items"][0]["id"]


def writes(document_id: int) -> list[tuple[str, str, dict]]:
    upload = {"files": {"file": ("new.txt", "城镇新增就业1100万人以上。".encode(), "text/plain")}}
    return [
        ("POST", "/api/documents", upload),
        ("DELETE", f"/api/documents/{document_id}", {}),
        ("POST", f"/api/documents/{document_id}/reextract", {}),
        (
            "POST",
            f"/api/documents/{document_id}/decisions",
            {"json": {"reviewer": "王芳", "action": "accept", "key": "m18-24"}},
        ),
        ("POST", f"/api/documents/{document_id}/decisions/undo", {"json": {"reviewer": "王芳"}}),
    ]


def test_writes_without_the_token_are_refused_and_change_nothing(store: Store) -> None:
    client = client_for(store, api_token=TOKEN)
    document_id = first_id(client)
    for method, path, kwargs in writes(document_id):
        missing = client.request(method, path, **kwargs)
        assert missing.status_code == 401, (method, path)
        assert missing.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer" in missing.json()["detail"]
        wrong = client.request(method, path, headers={"Authorization": "Bearer not-the-token"}, **kwargs)
        assert wrong.status_code == 403, (method, path)
        assert wrong.json()["detail"] == "the API token is not valid"
    documents = client.get("/api/documents").json()
    assert documents["total"] == 1 and documents["items"][0]["n_records"] == 1


def test_a_server_without_a_token_accepts_no_writes(store: Store) -> None:
    client = client_for(store)
    document_id = first_id(client)
    for method, path, kwargs in writes(document_id):
        response = client.request(method, path, headers={"Authorization": f"Bearer {TOKEN}"}, **kwargs)
        assert response.status_code == 403
        assert "MUBIAO_API_TOKEN" in response.json()["detail"]
    assert client.get(f"/api/documents/{document_id}").status_code == 200
    # the page asks before it draws any write control
    assert client.get("/api/server").json() == {"writes": False, "protect_reads": False}
    assert client_for(store, api_token=TOKEN).get("/api/server").json()["writes"] is True
    assert client.get("/api/records").json()["facets"]["status"]["machine"] == 1


def test_with_the_token_a_document_can_be_reextracted_and_deleted(store: Store) -> None:
    client = client_for(store, api_token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    document_id = first_id(client)
    again = client.post(f"/api/documents/{document_id}/reextract", headers=auth)
    assert again.status_code == 200
    assert [r["value_text"] for r in again.json()["records"]] == ["6.5%左右"]
    assert client.delete(f"/api/documents/{document_id}", headers=auth).status_code == 204
    assert client.get(f"/api/documents/{document_id}").status_code == 404
    assert client.get("/api/records").json()["total"] == 0
    assert client.delete(f"/api/documents/{document_id}", headers=auth).status_code == 404


def test_reads_are_open_by_default_and_protected_on_request(store: Store) -> None:
    assert client_for(store, api_token=TOKEN).get("/api/records").status_code == 200
    client = client_for(store, api_token=TOKEN, protect_reads=True)
    for path in (
        "/api/documents",
        "/api/records",
        "/api/tracking",
        "/api/facets",
        f"/api/documents/{1}",
        f"/api/documents/{1}/decisions",
        "/api/review/queue",
    ):
        assert client.get(path).status_code == 401, path
        assert client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200, path
    # the page itself holds no data: it loads, and asks for the token
    assert client.get("/").status_code == 200


def test_protected_reads_need_a_token_configured() -> None:
    with pytest.raises(ValueError, match="MUBIAO_API_TOKEN"):
        ServeSettings(protect_reads=True)


def test_settings_come_from_the_environment_and_flags_override_them() -> None:
    env = {
        "MUBIAO_DB": "sqlite:///x.db",
        "MUBIAO_API_TOKEN": "t",
        "MUBIAO_PROTECT_READS": "1",
        "MUBIAO_MAX_UPLOAD_MB": "2",
        "MUBIAO_RATE_LIMIT": "30",
    }
    settings = ServeSettings.from_env(env, db_url="sqlite:///y.db", rate_limit_per_minute=None)
    assert settings == ServeSettings(
        db_url="sqlite:///y.db",
        api_token="t",
        protect_reads=True,
        max_upload_bytes=2 * 1024 * 1024,
        rate_limit_per_minute=30,
    )


def test_bodies_over_the_limit_are_refused_with_413(store: Store) -> None:
    client = client_for(store, api_token=TOKEN, max_upload_bytes=1000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"file": ("big.txt", ("增长6.5%。" * 400).encode(), "text/plain")}
    response = client.post("/api/documents", headers=auth, files=big)
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        yield b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(20):
            yield "增长6.5%。".encode() * 10
        yield b"\r\n--B--\r\n"

    streamed = client.post(
        "/api/documents",
        headers={**auth, "Content-Type": "multipart/form-data; boundary=B"},
        content=chunks(),
    )
    assert streamed.status_code == 413
    assert client.get("/api/documents").json()["total"] == 1


def test_requests_over_the_rate_are_refused_with_429(store: Store) -> None:
    client = client_for(store, rate_limit_per_minute=5)
    assert [client.get("/api/records").status_code for _ in range(5)] == [200] * 5
    refused = client.get("/api/records")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert "at most 5 a minute" in refused.json()["detail"]
    # the page and its assets are not counted
    assert client.get("/").status_code == 200
