"""POST /api/documents: real files of each accepted format are read, extracted, stored and returned."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from serve_support import CORPUS, TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def upload(client: TestClient, name: str, data: bytes, **form: str):  # noqa: ANN201 (httpx response)
    return client.post("/api/documents", headers=AUTH, files={"file": (name, data)}, data=form)


def assert_grounded(client: TestClient, body: dict) -> dict:
    """The stored document's records point at their value texts, and match the upload's answer."""
    stored = client.get(f"/api/documents/{body['document']['id']}").json()
    assert [r["id"] for r in stored["records"]] == [r["id"] for r in body["records"]]
    for record in stored["records"]:
        assert stored["text"][record["start"] : record["end"]] == record["value_text"]
    return stored


def test_a_text_report_is_ingested_once(client: TestClient) -> None:
    data = (CORPUS / "2026_福建省_政府工作报告.txt").read_bytes()
    first = upload(client, "2026_福建省_政府工作报告.txt", data)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["created"] is True
    assert body["document"]["region"] == "福建省"
    assert len(body["records"]) > 50
    assert any(
        r["indicator"] == "gdp" and r["modality"] == "target" and r["period"] == "2026"
        for r in body["records"]
    )
    assert_grounded(client, body)
    again = upload(client, "copy.txt", data)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["document"]["id"] == body["document"]["id"]
    assert client.get("/api/documents").json()["total"] == 1


def test_form_fields_override_what_the_file_says(client: TestClient) -> None:
    text = "今年全区地区生产总值增长6%左右。".encode("gb18030")
    body = upload(
        client, "note.txt", text, region="广州市白云区", published="2024-02-19", title="测试"
    ).json()
    assert body["document"]["title"] == "测试"
    assert (body["document"]["region"], body["document"]["region_code"]) == ("广州市白云区", "440111")
    assert [(r["value_text"], r["period"], r["published"]) for r in body["records"]] == [
        ("6%左右", "2024", "2024-02-19")
    ]


def test_a_saved_web_page_gives_its_main_text(client: TestClient) -> None:
    response = upload(client, "gne_gzggw_1.html", (CORPUS / "web" / "gne_gzggw_1.html").read_bytes())
    assert response.status_code == 201, response.text
    stored = assert_grounded(client, response.json())
    assert stored["published"] == "2016-11-22"
    assert "<" not in stored["text"]
    assert response.json()["records"]


def test_a_pdf_keeps_the_page_of_each_record(client: TestClient) -> None:
    response = upload(client, "成都统计公报.pdf", (CORPUS / "pdf" / "2021年成都统计公报.pdf").read_bytes())
    assert response.status_code == 201, response.text
    records = response.json()["records"]
    assert records and all(r["page"] is not None for r in records)
    assert len({r["page"] for r in records}) > 5
    assert_grounded(client, response.json())


def test_a_docx_is_read(client: TestClient) -> None:
    import docx

    text = (CORPUS / "2026_重庆市_政府工作报告.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for paragraph in text.splitlines()[:200]:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    response = upload(client, "重庆.docx", buffer.getvalue())
    assert response.status_code == 201, response.text
    assert response.json()["document"]["region"] == "重庆市"
    assert response.json()["records"]
    assert_grounded(client, response.json())


@pytest.mark.parametrize(
    ("name", "data", "status", "words"),
    [
        ("tool.exe", b"MZ\x90\x00", 415, "unsupported file type"),
        ("empty.txt", b"", 422, "empty"),
        ("broken.pdf", b"%PDF-1.4 not really a pdf", 422, "could not be read"),
        ("image.txt", bytes(range(256)) * 8, 422, "could not be read"),
    ],
)
def test_files_that_are_not_documents_are_refused_with_a_reason(
    client: TestClient, name: str, data: bytes, status: int, words: str
) -> None:
    response = upload(client, name, data)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 0
