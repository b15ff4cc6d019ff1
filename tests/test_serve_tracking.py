"""GET /api/tracking options (tolerance) and /api/tracking/escalation, over records stored directly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from record_support import grounded_record as record

from mubiao.record import Document
from mubiao.serve import ServeSettings, create_app
from mubiao.store import crud, open_store

REPORT_2017 = "今年发展的主要预期目标是：国内生产总值增长6.5%左右，居民消费价格涨幅3%左右。"
REPORT_2018 = "过去一年，国内生产总值增长6.9%，居民消费价格上涨3.3%。"
GUANGDONG_2017 = "今年全省地区生产总值增长7%左右。"


@pytest.fixture
def client(tmp_path) -> Iterator[TestClient]:
    store = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    national = {"region": "全国", "region_code": "100000"}
    d2017 = Document(text=REPORT_2017, id="2017.txt", published="2017-03-05", **national)
    d2018 = Document(text=REPORT_2018, id="2018.txt", published="2018-03-05", **national)
    gd = Document(
        text=GUANGDONG_2017, id="gd.txt", published="2017-01-18", region="广东省", region_code="440000"
    )
    with store.begin() as session:
        for document, records in (
            (
                d2017,
                [
                    record(d2017, "6.5%左右", "gdp", "target", 6.5),
                    record(d2017, "3%左右", "cpi", "target", 3),
                ],
            ),
            (
                d2018,
                [record(d2018, "6.9%", "gdp", "actual", 6.9), record(d2018, "3.3%", "cpi", "actual", 3.3)],
            ),
            (gd, [record(gd, "7%左右", "gdp", "target", 7)]),
        ):
            crud.add_document(session=session, document=document, records=records)
    with TestClient(create_app(ServeSettings(db_url="sqlite://"), store=store)) as test_client:
        yield test_client
    store.close()


def test_tolerance_decides_a_nearly_met_approx_target(client: TestClient) -> None:
    def cpi_status(**params: float) -> str:
        rows = client.get("/api/tracking", params={"indicator": "cpi", **params}).json()["items"]
        assert len(rows) == 1
        return rows[0]["status"]

    # CPI is less-is-better: 3.3% against "3%左右" is 0.3 points on the wrong side
    assert cpi_status() == "met_within_tolerance"
    assert cpi_status(tolerance_pct=0.2) == "missed"
    assert client.get("/api/tracking", params={"tolerance_pct": -1}).status_code == 422


def test_escalation_puts_a_province_beside_the_country(client: TestClient) -> None:
    body = client.get("/api/tracking/escalation", params={"indicator": "gdp", "period": "2017"}).json()
    rows = {r["region_code"]: r for r in body["items"]}
    assert set(rows) == {"100000", "440000"}
    province = rows["440000"]
    assert (province["level"], province["target_text"], province["reference_text"]) == (
        "province",
        "7%左右",
        "6.5%左右",
    )
    assert province["above_reference"] == pytest.approx(0.5)
    assert province["escalated"] is True
    unknown = client.get(
        "/api/tracking/escalation", params={"indicator": "gdp", "period": "2017", "region": "火星"}
    )
    assert unknown.status_code == 422 and "火星" in unknown.json()["detail"]
