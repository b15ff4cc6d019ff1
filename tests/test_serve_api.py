"""The REST API through the ASGI app, over a temporary SQLite store holding real reports with the
real extractor's records."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_support import app_for, fill_store

from mubiao.serve.routes.records import CSV_COLUMNS
from mubiao.store import Store, open_store
from mubiao.taxonomy.table import taxonomy

STATIC = Path(__file__).resolve().parents[1] / "mubiao" / "serve" / "static"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('serve') / 'mubiao.db'}")
    fill_store(opened)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(app_for(store)) as test_client:
        yield test_client


def doc_id(client: TestClient, key_part: str) -> int:
    items = client.get("/api/documents", params={"q": key_part}).json()["items"]
    assert len(items) == 1, items
    return items[0]["id"]


def test_documents_list_counts_every_document_and_its_records(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    assert body["total"] == 5
    assert {d["region"] for d in body["items"]} == {"北京市", "上海市", "全国"}
    # newest publication first
    assert [d["published"] for d in body["items"]] == sorted(
        (d["published"] for d in body["items"]), reverse=True
    )
    for doc in body["items"]:
        per_doc = client.get("/api/records", params={"document_id": doc["id"], "limit": 1}).json()["total"]
        assert doc["n_records"] == per_doc > 0


def test_document_view_returns_its_text_and_records_that_point_into_it(client: TestClient) -> None:
    body = client.get(f"/api/documents/{doc_id(client, '2017_国务院')}").json()
    assert body["title"] == "2017年国务院政府工作报告"
    assert body["records"]
    for record in body["records"]:
        assert body["text"][record["start"] : record["end"]] == record["value_text"]
        assert record["quote"] in body["text"]
        assert record["document_id"] == body["id"]
    gdp = [r for r in body["records"] if r["indicator"] == "gdp" and r["modality"] == "target"]
    assert any(r["value_text"] == "6.5%左右" and r["period"] == "2017" for r in gdp)
    assert {r["indicator_en"] for r in gdp} == {"GDP"}
    # ids of the wider taxonomy come with their English name and the indicator they are part of
    parts = {
        r["indicator"]: (r["indicator_en"], r["indicator_parent"])
        for r in body["records"]
        if r["indicator_parent"]
    }
    assert parts and all(parts[i] == (taxonomy()[i].en, taxonomy()[i].parent) for i in parts), parts


def test_missing_document_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/documents/999999")
    assert response.status_code == 404
    assert "999999" in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"indicator": "gdp"},
        {"indicator": "gdp", "modality": "target"},
        {"region": "北京市", "measure": "growth"},
        {"region": "310000", "modality": "actual", "period": "2025"},
        {"modality": "target", "period": "2026"},
    ],
)
def test_records_filters_return_only_matching_records(client: TestClient, params: dict[str, str]) -> None:
    body = client.get("/api/records", params={**params, "limit": 1000}).json()
    assert body["total"] == len(body["items"]) > 0
    for record in body["items"]:
        for key, value in params.items():
            if key == "region":
                assert value in (record["region"], record["region_code"])
            else:
                assert record[key] == value


def test_records_text_search_matches_quote_indicator_or_value(client: TestClient) -> None:
    body = client.get("/api/records", params={"q": "居民消费价格", "limit": 1000}).json()
    assert body["total"] > 0
    for record in body["items"]:
        assert "居民消费价格" in record["quote"] + record["indicator_text"] + record["value_text"]
    nothing = client.get("/api/records", params={"q": "这段文字不在任何文档里"}).json()
    assert (nothing["total"], nothing["items"]) == (0, [])
    assert set(nothing["facets"]["status"].values()) == {0} and nothing["facets"]["indicator"] == {}


def test_records_pages_cover_the_result_once(client: TestClient) -> None:
    full = client.get("/api/records", params={"region": "上海市", "limit": 1000}).json()
    seen = []
    for offset in range(0, full["total"], 40):
        page = client.get("/api/records", params={"region": "上海市", "limit": 40, "offset": offset}).json()
        assert page["total"] == full["total"]
        seen += [r["id"] for r in page["items"]]
    assert seen == [r["id"] for r in full["items"]]


def test_records_csv_download_holds_every_matching_record(client: TestClient) -> None:
    response = client.get("/api/records", params={"indicator": "gdp", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    total = client.get("/api/records", params={"indicator": "gdp"}).json()["total"]
    assert len(rows) == total > 0
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {r["indicator"] for r in rows} == {"gdp"}
    assert any(r["value_text"] == "6.5%左右" for r in rows)


def test_bad_query_values_are_refused_with_their_reason(client: TestClient) -> None:
    assert client.get("/api/records", params={"limit": 5000}).status_code == 422
    response = client.get("/api/records", params={"modality": "wish"})
    assert response.status_code == 422
    assert "modality" in response.text


def test_tracking_links_the_2017_gdp_target_to_the_2018_report(client: TestClient) -> None:
    body = client.get("/api/tracking", params={"indicator": "gdp", "region": "全国"}).json()
    rows = [r for r in body["items"] if r["period"] == "2017" and r["measure"] == "growth"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["comparator"], row["target_low"], row["outcome_value"], row["status"]) == (
        "approx",
        6.5,
        6.9,
        "met",
    )
    assert row["target_document_id"] == doc_id(client, "2017_国务院")
    assert row["outcome_document_id"] == doc_id(client, "2018_国务院")
    met = client.get("/api/tracking", params={"status": "met"}).json()
    assert met["total"] > 0 and {r["status"] for r in met["items"]} == {"met"}


def test_tracking_csv(client: TestClient) -> None:
    response = client.get("/api/tracking", params={"indicator": "gdp", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and {r["indicator"] for r in rows} == {"gdp"}
    assert {"target_low", "outcome_value", "status", "margin"} <= set(rows[0])


def test_facets_list_filter_values_and_english_names(client: TestClient) -> None:
    body = client.get("/api/facets").json()
    assert {"北京市", "上海市", "全国"} <= set(body["regions"])
    assert "gdp" in body["indicators"] and "2017" in body["periods"]
    assert body["indicator_names"]["gdp"]["en"] == "GDP"
    assert body["indicator_names"]["cpi"]["zh"] == "居民消费价格"


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/documents/{document_id}", "/api/records", "/api/tracking"} <= set(paths)
    assert {"get", "post"} <= set(paths["/api/documents"])
    assert "delete" in paths["/api/documents/{document_id}"]
    assert "post" in paths["/api/documents/{document_id}/reextract"]


def test_page_and_docs_load_nothing_from_other_hosts(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui-bundle.js" in docs.text
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for text in [docs.text, page.text, *(p.read_text() for p in (STATIC / "js").rglob("*.js"))]:
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
        assert "cdn" not in text.lower()
    assert client.get("/static/vendor/echarts.min.js").status_code == 200


def test_records_carry_the_benchmark_of_a_gap(tmp_path: Path) -> None:
    from mubiao.record import Document

    opened = open_store(f"sqlite:///{tmp_path / 'gap.db'}")
    text = "今年主要预期目标是：地区生产总值增速高于全省1个百分点左右，城镇新增就业5万人。"
    fill_store(opened, [Document(text=text, id="gap.txt", published="2024-02-01", region="保定市")])
    with TestClient(app_for(opened)) as test_client:
        items = test_client.get("/api/records").json()["items"]
        assert [(r["value_text"], r["relative_to"]) for r in items] == [
            ("1个百分点左右", "全省"),
            ("5万人", None),
        ]
        response = test_client.get("/api/records", params={"format": "csv"})
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [r["relative_to"] for r in rows] == ["全省", ""]
    opened.close()


def test_records_without_a_region_or_an_indicator_id_can_be_picked(tmp_path: Path) -> None:
    from mubiao.record import Document

    opened = open_store(f"sqlite:///{tmp_path / 'none.db'}")
    regioned = "今年主要预期目标是：地区生产总值增长6%左右，城镇新增就业5万人。"
    unnamed = "今年的目标是：地区生产总值增长5%，建成智慧驿站30座。"  # a text that names no region
    fill_store(
        opened,
        [
            Document(text=regioned, id="a.txt", published="2024-02-01", region="保定市"),
            Document(text=unnamed, id="b.txt", published="2024-02-01"),
        ],
    )
    with TestClient(app_for(opened)) as test_client:
        every = test_client.get("/api/records").json()
        assert (
            every["facets"]["region"]["-"] == 2 and sum(every["facets"]["region"].values()) == every["total"]
        )
        none = test_client.get("/api/records", params={"region": "-"}).json()
        assert [(r["region"], r["value_text"]) for r in none["items"]] == [(None, "5%"), (None, "30座")]
        assert none["facets"]["region"] == every["facets"]["region"]  # its own filter left out
        no_id = test_client.get("/api/records", params={"indicator": "-"}).json()
        assert [(r["indicator"], r["value_text"]) for r in no_id["items"]] == [(None, "30座")]
        assert every["facets"]["indicator"]["-"] == 1
        regioned_only = test_client.get("/api/records", params={"indicator": "-", "region": "保定市"}).json()
        assert regioned_only["total"] == 0
    opened.close()


def test_an_undated_document_gives_the_year_it_was_read_as_and_where_from(tmp_path: Path) -> None:
    from mubiao.record import Document

    opened = open_store(f"sqlite:///{tmp_path / 'undated.db'}")
    undated = "各位代表：\n一、2023年工作回顾\n过去一年，全县地区生产总值增长6.1%。\n二、2024年工作安排\n今年地区生产总值增长6%。"
    dated = "北京市2024年政府工作报告\n今年地区生产总值增长5%左右。"
    fill_store(
        opened,
        [
            Document(text=undated, id="undated.txt"),
            Document(text=dated, id="dated.txt", published="2024-01-22"),
        ],
    )
    with TestClient(app_for(opened)) as test_client:
        found = {
            d["key"]: test_client.get(f"/api/documents/{d['id']}").json()
            for d in test_client.get("/api/documents").json()["items"]
        }
        undated_doc = found["undated.txt"]
        assert undated_doc["published"] is None and undated_doc["publication_year"] == 2024
        assert undated_doc["year_source"].startswith("headings (")
        assert [r["period"] for r in undated_doc["records"]] == ["2023", "2024"]
        assert (found["dated.txt"]["publication_year"], found["dated.txt"]["year_source"]) == (
            2024,
            "metadata",
        )
    opened.close()
