"""Review through the REST API, over real reports with the real extractor's records: decisions,
undo, status on every record, filters and counts by status, sorting, confidence and the queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_support import TOKEN, app_for, fill_store

from mubiao.store import Store, open_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('review') / 'mubiao.db'}")
    fill_store(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(app_for(store)) as test_client:
        yield test_client


def document(client: TestClient, key_part: str) -> dict:
    [item] = client.get("/api/documents", params={"q": key_part}).json()["items"]
    return client.get(f"/api/documents/{item['id']}").json()


def decide(client: TestClient, document_id: int, **body: object) -> dict:
    response = client.post(
        f"/api/documents/{document_id}/decisions", json={"reviewer": "王芳", **body}, headers=AUTH
    )
    assert response.status_code == 200, response.json()
    return response.json()


def test_every_record_carries_a_status_a_key_and_a_confidence(client: TestClient) -> None:
    doc = document(client, "2016_国务院")
    assert doc["review"] == {"reviewed": 0, "total": len(doc["records"])}
    for record in doc["records"]:
        assert record["status"] == "machine" and record["key"] == f"m{record['start']}-{record['end']}"
        assert 0 < record["confidence"] <= 1 and record["confidence_basis"]
    # a value whose indicator name was found nowhere is less sure than one whose period was set
    # by a cue earlier in its paragraph
    bases = {r["confidence_basis"].split(" ←")[0] for r in doc["records"]}
    assert bases <= {"indicator", "period", "modality", "table"}
    unnamed = [r["confidence"] for r in doc["records"] if r["confidence_basis"] == "indicator ← no name"]
    earlier = [r["confidence"] for r in doc["records"] if "in a sentence before" in r["confidence_basis"]]
    assert unnamed and earlier and max(unnamed) < min(earlier)


def test_a_review_session_through_the_api(client: TestClient) -> None:
    doc = document(client, "2017_国务院")
    doc_id, text = doc["id"], doc["text"]
    by_text = {r["value_text"]: r for r in doc["records"]}
    gdp = by_text["6.5%左右"]
    before = client.get("/api/records", params={"document_id": doc_id, "limit": 1}).json()

    accepted = decide(client, doc_id, action="accept", key=gdp["key"])["record"]
    assert (accepted["status"], accepted["reviewer"], accepted["key"]) == ("accepted", "王芳", gdp["key"])
    other = next(r for r in doc["records"] if r["key"] != gdp["key"] and r["measure"] == "growth")
    corrected = decide(client, doc_id, action="correct", key=other["key"], fields={"value_low": 9.9})
    assert corrected["record"]["status"] == "corrected" and corrected["record"]["value_low"] == 9.9
    third = next(r for r in doc["records"] if r["key"] not in (gdp["key"], other["key"]))
    assert decide(client, doc_id, action="reject", key=third["key"])["record"]["status"] == "rejected"
    start = text.index("政府工作报告")
    added = decide(client, doc_id, action="add", fields={"start": start, "end": start + 2, "unit": "count"})
    assert added["record"]["status"] == "added" and added["record"]["key"].startswith("a")
    assert added["review"]["reviewed"] == 4

    # the records table: filter and counts by status; the total is unchanged but for the addition
    after = client.get("/api/records", params={"document_id": doc_id, "limit": 1}).json()
    assert after["total"] == before["total"] + 1
    counts = after["facets"]["status"]
    assert counts == {
        "machine": before["total"] - 3,
        "accepted": 1,
        "corrected": 1,
        "rejected": 1,
        "added": 1,
    }
    assert sum(after["facets"]["modality"].values()) == after["total"]
    corrected_rows = client.get("/api/records", params={"document_id": doc_id, "review": "corrected"}).json()
    assert [r["key"] for r in corrected_rows["items"]] == [other["key"]]
    reviewed_rows = client.get("/api/records", params={"document_id": doc_id, "review": "reviewed"}).json()
    assert reviewed_rows["total"] == 4

    # undo, twice: the addition goes, then the rejection
    undo = client.post(
        f"/api/documents/{doc_id}/decisions/undo", json={"reviewer": "王芳"}, headers=AUTH
    ).json()
    assert undo["undone"] and undo["review"]["reviewed"] == 3
    undo = client.post(
        f"/api/documents/{doc_id}/decisions/undo", json={"reviewer": "王芳"}, headers=AUTH
    ).json()
    assert undo["key"] == third["key"]
    statuses = {r["key"]: r["status"] for r in client.get(f"/api/documents/{doc_id}").json()["records"]}
    assert statuses[third["key"]] == "machine" and statuses[gdp["key"]] == "accepted"
    log = client.get(f"/api/documents/{doc_id}/decisions").json()
    assert [d["action"] for d in log] == ["accept", "correct", "reject", "add"]
    assert [d["undone_at"] is not None for d in log] == [False, False, True, True]
    assert log[1]["changes"] == {"value_low": [other["value_low"], 9.9]}


def test_a_bad_decision_is_a_422_with_the_reason(client: TestClient) -> None:
    doc = document(client, "2018_国务院")
    key = doc["records"][0]["key"]
    bad = client.post(
        f"/api/documents/{doc['id']}/decisions",
        json={"reviewer": "王芳", "action": "correct", "key": key, "fields": {"modality": "wish"}},
        headers=AUTH,
    )
    assert bad.status_code == 422 and "modality must be one of" in bad.json()["detail"]
    missing = client.post(
        f"/api/documents/{doc['id']}/decisions",
        json={"reviewer": "王芳", "action": "accept", "key": "m1-2"},
        headers=AUTH,
    )
    assert missing.status_code == 422 and "no record m1-2" in missing.json()["detail"]


def test_records_sort_by_a_column_and_count_every_filter_value(client: TestClient) -> None:
    body = client.get("/api/records", params={"indicator": "gdp", "sort": "-value_low", "limit": 20}).json()
    lows = [r["value_low"] for r in body["items"] if r["value_low"] is not None]
    assert lows == sorted(lows, reverse=True) and len(lows) > 5
    # the indicator facet leaves its own filter out: the other indicators keep their counts
    assert body["facets"]["indicator"]["gdp"] == body["total"] and len(body["facets"]["indicator"]) > 5
    assert sum(body["facets"]["region"].values()) == body["total"]
    assert client.get("/api/records", params={"sort": "quote; drop"}).status_code == 422


def test_the_queue_goes_least_sure_first_across_documents(client: TestClient) -> None:
    body = client.get("/api/review/queue", params={"limit": 50}).json()
    confidences = [r["confidence"] for r in body["items"]]
    assert confidences == sorted(confidences) and len(confidences) == 50
    assert len({r["document_id"] for r in body["items"]}) > 1
    assert all(r["status"] == "machine" or r["changed_since_review"] for r in body["items"])
    assert body["total"] == sum(d["total"] for d in body["documents"]) > 0
    assert body["reviewed"] == sum(d["reviewed"] for d in body["documents"])
