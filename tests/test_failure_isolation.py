"""A document whose extraction raises costs its own records only, on every path that reads many
documents: one line names it and the reason, the others are read and stored, nothing of it is
stored half, and the exit code (or the HTTP status) says that something failed.

The failure is injected by replacing the extractor for one document (a bug met by one text); a
real document that once raised is read too."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_support import SHARED, TOKEN

from mubiao import extract_document
from mubiao.cli import main
from mubiao.extract import chunks, pipeline
from mubiao.extract.doc import Doc
from mubiao.record import Document, TargetRecord
from mubiao.serve.routes import documents
from mubiao.serve.worker import UploadWorkers
from mubiao.store import crud, open_store

GOOD = {
    "a.txt": "2026年主要预期目标是：地区生产总值增长5%左右，城镇调查失业率5.5%左右。",
    "c.txt": "全年粮食总产量稳定在1000万吨以上，居民消费价格涨幅3%左右。",
}
BAD = ("b.txt", "这一篇让抽取器出错：一般公共预算收入增长4%。")
# A real report in which one clause (分别增长29% with no names) once stopped every batch.
CHENZHOU = SHARED / "corpus" / "robustness" / "city_2024" / "郴州.txt"


def flaky(document: Document) -> list[TargetRecord]:
    if "出错" in document.text:
        raise ValueError("cannot interpret")
    return extract_document(document)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [*GOOD.items(), BAD]:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def failure_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "extraction failed" in line]


def test_extract_reports_the_document_and_goes_on(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(chunks, "extract_document", flaky)  # a short text is one chunk
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(inputs), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert failure_lines(err) == [
        f"mubiao: {inputs / 'b.txt'}: extraction failed (ValueError: cannot interpret)"
    ]
    assert "2 documents read, 0 skipped, 1 failed" in err
    docs = {line.split('"doc": "')[1].split('"')[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {str(inputs / name) for name in GOOD}


def test_extract_reads_the_real_case() -> None:
    assert main(["extract", str(CHENZHOU), "-o", "/dev/null"]) == 0


def stored(url: str) -> dict[str, int]:
    """Records per stored document key."""
    store = open_store(url)
    try:
        with store.session() as session:
            return {
                row.key.rsplit("/", 1)[-1]: len(row.records) for row in crud.list_documents(session=session)
            }
    finally:
        store.close()


def test_ingest_stores_the_others_and_fails_the_run(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(chunks, "extract_document", flaky)  # a short text is one chunk
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    assert main(["ingest", str(inputs), "--db", url]) == 1
    assert len(failure_lines(capsys.readouterr().err)) == 1
    counts = stored(url)
    assert sorted(counts) == sorted(GOOD) and all(counts.values())
    monkeypatch.undo()  # the bug fixed: a rerun stores the document it missed, and only that one
    assert main(["ingest", str(inputs), "--db", url]) == 0
    assert "1 documents added" in capsys.readouterr().err
    assert sorted(stored(url)) == sorted([*GOOD, BAD[0]])


def test_reextract_keeps_the_records_of_a_failing_document(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    assert main(["ingest", str(inputs), "--db", url]) == 0
    before = stored(url)
    capsys.readouterr()
    monkeypatch.setattr(pipeline, "extract_document", flaky)
    assert main(["reextract", "--db", url]) == 1
    err = capsys.readouterr().err
    [line] = failure_lines(err)
    assert line.startswith("mubiao: ") and "b.txt" in line and "ValueError: cannot interpret" in line
    assert "3 documents, 0 changed" in err and "1 failed" in err
    assert stored(url) == before and before["b.txt"] > 0


def test_upload_and_api_reextract_answer_422_and_store_nothing_half(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    # The worker process cannot see a monkeypatch: the upload's work runs in this process instead,
    # through the same function the worker runs.
    monkeypatch.setattr(UploadWorkers, "run", lambda _self, work, *args: work(*args))
    real_run = pipeline.run

    def flaky_run(document: Document) -> Doc:  # the worker runs the pipeline, for the traces too
        if "出错" in document.text:
            raise ValueError("cannot interpret")
        return real_run(document)

    monkeypatch.setattr(pipeline, "run", flaky_run)
    bad = client.post("/api/documents", headers=auth, files={"file": (BAD[0], BAD[1].encode())})
    assert bad.status_code == 422
    assert "b.txt" in bad.json()["detail"] and "extraction failed (ValueError" in bad.json()["detail"]
    assert client.get("/api/documents", headers=auth).json()["total"] == 0
    good = client.post("/api/documents", headers=auth, files={"file": ("a.txt", GOOD["a.txt"].encode())})
    assert good.status_code == 201 and good.json()["records"]

    document = good.json()["document"]["id"]
    monkeypatch.setattr(documents, "extract_document", lambda _: flaky(Document("出错")))
    again = client.post(f"/api/documents/{document}/reextract", headers=auth)
    assert again.status_code == 422 and "extraction failed" in again.json()["detail"]
    kept = client.get(f"/api/documents/{document}", headers=auth).json()["records"]
    assert [r["id"] for r in kept] == [r["id"] for r in good.json()["records"]]
