"""The input side of what a careful attack found (issue 13): each numbered case reproduced with a bad
input among good ones. Each bad input gives one line naming it, the good ones are read, nothing is
lost or written where it must not be."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from ingest_support import mubiao
from serve_support import TOKEN

from mubiao.cli import main
from mubiao.ingest.limits import show_size
from mubiao.record import Document, TargetRecord
from mubiao.store import open_store

REPORT_LINE = "2024年全区地区生产总值增长5%左右。\n"


def write(path: Path, text: str = REPORT_LINE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- 4: -o never destroys or reads back an input -------------------------------------------------


def test_output_that_is_the_input_is_refused_before_it_is_touched(tmp_path: Path) -> None:
    source = write(tmp_path / "f.txt")
    result = mubiao("extract", str(source), "-o", str(source))
    assert result.returncode == 2
    assert result.stderr.strip() == f"mubiao: {source}: the output is the input {source}; write it elsewhere"
    assert source.read_text(encoding="utf-8") == REPORT_LINE


@pytest.mark.parametrize(
    ("inputs", "output", "reason"),
    [
        (["d"], "d/out.jsonl", "the output is inside the input directory d"),
        (["d/*.txt"], "d/out.txt", "the output would match the input d/*.txt"),
        (["d/a.txt"], "link.txt", "the output is the input d/a.txt"),
        (["d/a.txt"], "d", "the output directory holds the input d/a.txt"),
    ],
)
def test_output_inside_or_over_an_input_is_refused(
    tmp_path: Path, inputs: list[str], output: str, reason: str
) -> None:
    write(tmp_path / "d" / "a.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "d" / "a.txt")
    result = mubiao("extract", *inputs, "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mubiao: {output}: {reason}; write it elsewhere"
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["a.txt"]
    assert (tmp_path / "d" / "a.txt").read_text(encoding="utf-8") == REPORT_LINE


def test_output_beside_the_inputs_is_written(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt")
    result = mubiao("extract", "d", "-o", "d.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"value_text": "5%左右"' in (tmp_path / "d.jsonl").read_text(encoding="utf-8")


# --- 5: an unreadable directory is reported ------------------------------------------------------


def test_an_unreadable_directory_gives_a_line_and_a_failing_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in" / "a_good.txt")
    locked = tmp_path / "in" / "b_locked"
    write(locked / "hidden_from_us.txt")
    listing = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        # tests run as root, whom file modes do not stop: the refusal is simulated where os.walk lists
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["extract", str(tmp_path / "in")]) == 1
    out, err = capsys.readouterr()
    assert f"mubiao: {locked}: directory not read (Permission denied)" in err.splitlines()
    assert "1 documents read, 0 skipped, 1 failed" in err
    assert '"value_text": "5%左右"' in out


# --- 11: dates refused where they are given ------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("0000-00-00", "is not a calendar date (year 0 is out of range)"),
        ("2024-13-45", "is not a calendar date (month must be in 1..12)"),
        ("2024-02-30", "is not a calendar date (day is out of range for month)"),
        ("1024-02-03", "has a year outside 1900–2100"),
        ("24-2-3", "is not a date YYYY-MM-DD"),
    ],
)
def test_a_published_date_that_cannot_be_is_refused_on_the_command_line(
    tmp_path: Path, date: str, why: str
) -> None:
    source = write(tmp_path / "f.txt")
    for command in ("extract", "ingest"):
        result = mubiao(command, str(source), "--published", date, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.splitlines()[-1].endswith(f"argument --published: '{date}' {why}")
    assert not (tmp_path / "mubiao.db").exists()


def upload(client: TestClient, **form: str):  # noqa: ANN201 (httpx response)
    return client.post(
        "/api/documents",
        headers={"Authorization": f"Bearer {TOKEN}"},
        files={"file": ("note.txt", REPORT_LINE.encode())},
        data=form,
    )


@pytest.mark.parametrize(
    ("form", "detail"),
    [
        (
            {"published": "0000-00-00"},
            "published: '0000-00-00' is not a calendar date (year 0 is out of range)",
        ),
        (
            {"published": "2024-13-45"},
            "published: '2024-13-45' is not a calendar date (month must be in 1..12)",
        ),
        ({"region": "白云区"}, "region: '白云区' names no division, or several"),
        ({"region": "广州市朝阳区"}, "region: '广州市朝阳区' names no division, or several"),
    ],
)
def test_an_upload_with_an_impossible_date_or_region_is_refused(
    client: TestClient, form: dict[str, str], detail: str
) -> None:
    response = upload(client, **form)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert client.get("/api/documents").json()["total"] == 0
    good = upload(client, published="2024-02-19", region="广州市白云区")
    assert good.status_code == 201
    assert good.json()["document"]["published"] == "2024-02-19"


# --- 12: the help says what mubiao is for --------------------------------------------------------


def test_help_describes_mubiao_for_its_users() -> None:
    result = mubiao("--help")
    assert result.returncode == 0
    description = result.stdout.split("\n\n")[1]
    assert description.startswith("Find the quantitative targets and outcomes")
    assert description.rstrip().endswith(".")
    assert "module" not in result.stdout
    assert "mubiao COMMAND --help" in result.stdout


# --- 1: compressed and structured inputs have limits ---------------------------------------------

# Runs the command line in a fresh process and prints its peak RSS (KiB) as the last line of stderr:
# the memory a user would see. VmHWM, not ru_maxrss, which keeps the forking test process's peak
# across exec.
MEASURED = """
import re, sys
from mubiao.cli import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status") as status:
        peak = re.search(r"VmHWM:\\s*(\\d+) kB", status.read()).group(1)
    print(f"peak-rss-kib {peak}", file=sys.stderr)
sys.exit(code)
"""


def measured(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, list[str], float]:
    """(exit code, stderr lines without the measurement, peak RSS in MiB) of a command line run."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    *lines, last = result.stderr.splitlines()
    return result.returncode, lines, int(last.split()[1]) / 1024


def docx_bomb(path: Path, expanded: int) -> Path:
    """A Word file whose document.xml expands to ``expanded`` bytes, written a block at a time."""
    import docx

    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist() if name != "word/document.xml"}
    block = b"<w:p><w:r><w:t>" + "增长5%".encode() * 1000 + b"</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for name, data in members.items():
            bomb.writestr(name, data)
        with bomb.open("word/document.xml", "w", force_zip64=True) as xml:
            for _ in range(expanded // len(block)):
                xml.write(block)
    return path


def test_a_word_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path / "bomb.docx", 256 << 20)
    assert bomb.stat().st_size < 2 << 20
    write(tmp_path / "good.txt")
    code, lines, peak = measured("extract", "bomb.docx", "good.txt", "-o", "out.jsonl", cwd=tmp_path)
    assert code == 1
    with zipfile.ZipFile(bomb) as archive:
        expanded = show_size(sum(member.file_size for member in archive.infolist()))
    assert lines[0] == (
        f"mubiao: bomb.docx: expands to {expanded}, over the limit of 64 MiB decompressed per document "
        "(raise it with --max-bytes or MUBIAO_MAX_BYTES)"
    )
    assert "1 documents read, 0 skipped, 1 failed" in lines[-1]
    assert '"value_text": "5%左右"' in (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert peak < 200, f"peak RSS {peak:.0f} MiB"


def test_an_upload_of_a_word_zip_bomb_is_refused(client: TestClient, tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path / "bomb.docx", 96 << 20).read_bytes()
    response = client.post(
        "/api/documents",
        headers={"Authorization": f"Bearer {TOKEN}"},
        files={"file": ("bomb.docx", bomb)},
    )
    assert response.status_code == 422
    assert "MiB, over the limit of 64 MiB decompressed per document" in response.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 0


def test_a_gzip_corpus_row_that_expands_too_far_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wb", compresslevel=9) as out:
        out.write(json.dumps({"id": "a", "text": REPORT_LINE}).encode() + b"\n")
        out.write(b'{"id": "bomb", "text": "')
        for _ in range(96):
            out.write(b"5" * (1 << 20))
        out.write(b'"}\n')
        out.write(json.dumps({"id": "c", "text": REPORT_LINE}).encode() + b"\n")
    assert corpus.stat().st_size < 1 << 20
    code, lines, peak = measured(
        "extract", "corpus.jsonl.gz", "--max-bytes", "16M", "-o", "out.jsonl", cwd=tmp_path
    )
    assert code == 1
    assert lines[0] == (
        "mubiao: corpus.jsonl.gz#1: line 2: over the limit of 16 MiB decompressed per document "
        "(raise it with --max-bytes or MUBIAO_MAX_BYTES)"
    )
    assert "2 documents read, 0 skipped, 1 failed" in lines[-1]
    assert peak < 200, f"peak RSS {peak:.0f} MiB"


def test_a_warc_page_over_the_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = "<html><body><p>{}</p></body></html>"
    archive = tmp_path / "pages.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, body in enumerate([page.format("5" * 3_000_000), page.format(REPORT_LINE * 3)]):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(body.encode())
            writer.write_record(
                writer.create_warc_record(
                    f"http://example.gov.cn/{n}", "response", payload=payload, http_headers=headers
                )
            )
    result = mubiao("extract", str(archive), "--max-bytes", "1M")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"mubiao: {archive}#0: http://example.gov.cn/0: over the limit of 1 MiB decompressed per "
        "document (raise it with --max-bytes or MUBIAO_MAX_BYTES)"
    )
    assert '"value_text": "5%左右"' in result.stdout


def test_a_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=200, height=200)
    writer.write(tmp_path / "long.pdf")
    write(tmp_path / "good.txt")
    result = mubiao("extract", "long.pdf", "good.txt", cwd=tmp_path, env={"MUBIAO_MAX_PAGES": "2"})
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "mubiao: long.pdf: 3 pages, over the limit of 2 pages per document "
        "(raise it with --max-pages or MUBIAO_MAX_PAGES)"
    )
    assert '"value_text": "5%左右"' in result.stdout


def test_texts_and_rows_over_the_character_limit_are_refused(tmp_path: Path) -> None:
    write(tmp_path / "long.txt", REPORT_LINE * 100)
    write(tmp_path / "short.txt")
    rows = [{"text": REPORT_LINE * 100}, {"text": REPORT_LINE}]
    write(tmp_path / "rows.jsonl", "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    result = mubiao("extract", "long.txt", "short.txt", "rows.jsonl", "--max-chars", "1500", cwd=tmp_path)
    assert result.returncode == 1
    why = "over the limit of 1,500 characters per document (raise it with --max-chars or MUBIAO_MAX_CHARS)"
    # the text as decoded counts (cleaning keeps its length); a row is counted before it is cleaned
    assert result.stderr.splitlines()[:2] == [
        f"mubiao: long.txt: 2,100 characters, {why}",
        f"mubiao: rows.jsonl#0: 2,100 characters, {why}",
    ]
    assert result.stdout.count('"value_text": "5%左右"') == 2


def test_a_text_file_too_large_for_the_character_limit_is_refused_unread(tmp_path: Path) -> None:
    with (tmp_path / "huge.txt").open("wb") as out:
        out.truncate(8 << 30)  # sparse: 8 GiB that take no disk
    write(tmp_path / "short.txt")
    code, lines, peak = measured("extract", "huge.txt", "short.txt", cwd=tmp_path)
    assert code == 1
    assert lines[0].startswith("mubiao: huge.txt: 8 GiB of text, over the limit of 50,000,000 characters")
    assert peak < 200, f"peak RSS {peak:.0f} MiB"


def test_a_document_over_the_time_limit_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mubiao.extract import chunks

    write(tmp_path / "a_slow.txt", "慢\n" + REPORT_LINE)
    write(tmp_path / "b_quick.txt")
    real = chunks.extract_document

    def stuck_on_slow(document: Document) -> list[TargetRecord]:
        while document.text.startswith("慢"):  # an extractor that never returns on this text
            time.sleep(0.01)
        return real(document)

    monkeypatch.setattr(chunks, "extract_document", stuck_on_slow)  # a short text is one chunk
    assert main(["extract", str(tmp_path), "--max-seconds", "0.5"]) == 1
    out, err = capsys.readouterr()
    assert err.splitlines()[0] == (
        f"mubiao: {tmp_path / 'a_slow.txt'}: over the limit of 0.5 seconds per document "
        "(raise it with --max-seconds or MUBIAO_MAX_SECONDS)"
    )
    assert '"value_text": "5%左右"' in out


def test_a_deadline_inside_a_longer_one_keeps_the_outer_timer_running() -> None:
    """An upload worker times the whole file; the reader's own deadline inside must not stop it."""
    import signal

    from mubiao.ingest.limits import Limits, deadline

    fired: list[str] = []

    def outer_expired(_signum: int, _frame: object) -> None:
        fired.append("outer")

    previous = signal.signal(signal.SIGALRM, outer_expired)
    signal.setitimer(signal.ITIMER_REAL, 0.6)
    try:
        with deadline(Limits(max_seconds=30)):
            time.sleep(0.1)  # a quick read, well within both limits
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.5
        time.sleep(1.0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == ["outer"]


@pytest.mark.parametrize(
    ("variable", "value", "why"),
    [
        ("MUBIAO_MAX_BYTES", "lots", "'lots' is not a size (bytes, or a number with K, M or G)"),
        ("MUBIAO_MAX_PAGES", "0", "'0' is not a positive number"),
    ],
)
def test_a_limit_set_wrong_in_the_environment_is_refused(
    tmp_path: Path, variable: str, value: str, why: str
) -> None:
    source = write(tmp_path / "f.txt")
    result = mubiao("extract", str(source), env={variable: value})
    assert result.returncode == 2
    assert result.stderr.strip() == f"mubiao: {variable}: {why}"


# --- 11: a few bad bytes and a lying byte-order mark ---------------------------------------------


def test_a_few_bad_bytes_are_replaced_with_a_warning_not_a_rejection(tmp_path: Path) -> None:
    sentence = "全区地区生产总值增长5%左右。\n"
    (tmp_path / "damaged.txt").write_bytes(sentence.encode() * 50 + b"\xff\xfe" + sentence.encode() * 50)
    (tmp_path / "gbk.txt").write_bytes(sentence.encode("gbk") * 60 + b"\x81\x20" + sentence.encode("gbk"))
    result = mubiao("extract", "damaged.txt", "gbk.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "mubiao: damaged.txt: warning: 2 undecodable bytes replaced with U+FFFD (the first at byte 2100), read as utf_8",
        "mubiao: gbk.txt: warning: 1 undecodable byte replaced with U+FFFD (the first at byte 1740), read as gb18030",
    ]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sum(r["doc"] == "damaged.txt" for r in records) == 100
    assert sum(r["doc"] == "gbk.txt" for r in records) == 61


def test_text_in_another_encoding_is_still_refused(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Ökonomie wächst um 5 %, Arbeitslosigkeit sinkt.\n".encode("latin-1") * 3
    )
    result = mubiao("extract", "latin.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("mubiao: latin.txt: not valid UTF-8 at byte 0")


def test_a_byte_order_mark_that_lies_is_ignored(tmp_path: Path) -> None:
    text = "今年全区地区生产总值增长6%左右。"
    (tmp_path / "gbk_with_utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("gbk"))
    result = mubiao("extract", "gbk_with_utf8_bom.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "mubiao: gbk_with_utf8_bom.txt: warning: its utf_8 byte-order mark does not fit the bytes: "
        "ignored, read as gb18030"
    )
    record = json.loads(result.stdout)
    assert text[record["start"] : record["end"]] == record["value_text"] == "6%左右"


# --- 11: a copy that differs only in line ends and trailing white space is stored once -----------


def test_a_copy_with_other_line_ends_and_trailing_blank_lines_is_stored_once(tmp_path: Path) -> None:
    text = "2024年政府工作报告\n全区地区生产总值增长5%左右。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(("\ufeff" + text.replace("\n", "  \r\n") + "\r\n\r\n\n").encode())
    result = mubiao("ingest", "a.txt", "b.txt", "--keep-boilerplate", "--db", "sqlite:///m.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "b.txt: already stored" in result.stderr
    assert "1 documents added" in result.stderr.splitlines()[-1]


def test_stored_documents_are_rehashed_and_earlier_copies_kept(tmp_path: Path) -> None:
    from sqlalchemy import text as sql

    from mubiao.store import crud
    from mubiao.store.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0004")
    stored = {"a": "甲\n乙", "a-copy": "甲\n乙\n\n", "c": "丙  \r\n丁\n"}
    with engine.begin() as connection:
        for key, body in stored.items():  # as the old hash had it: of the text as stored
            connection.execute(
                sql(
                    "INSERT INTO documents (key, text, content_hash, page_starts, created_at) "
                    "VALUES (:key, :text, :hash, '[]', CURRENT_TIMESTAMP)"
                ),
                {"key": key, "text": body, "hash": hashlib.sha256(body.encode()).hexdigest()},
            )
    engine.dispose()
    store = open_store(url)
    with store.begin() as session:
        for body, key in (("甲\n乙 \n", "a"), ("丙\n丁", "c")):
            row, created = crud.add_document(
                session=session, document=Document(text=body, id="new"), records=[]
            )
            assert (row.key, created) == (key, False)
        keys = session.execute(sql("SELECT key FROM documents ORDER BY id")).scalars().all()
    assert keys == ["a", "a-copy", "c"]
    store.close()
