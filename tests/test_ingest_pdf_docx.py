"""PDF (text layer, pages kept) and Word .docx, from the real bulletin and a generated document."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
import pytest
from ingest_support import BULLETIN, PROVINCIAL, read_all, read_one

from mubiao.ingest import ReadError
from mubiao.record import Document


@pytest.fixture(scope="module")
def bulletin() -> Document:
    return read_one(BULLETIN)


def test_bulletin_text_layer_reads_as_sentences(bulletin: Document) -> None:
    # lines the PDF wrapped mid-sentence are joined, PDF spacing between characters and numbers removed
    assert "全年实现地区生产总值（GDP）19917.0亿元，按可比价格计算，比上年增长8.6%。" in bulletin.text
    assert "第二产业增加值6114.3亿元，增长8.2%" in bulletin.text
    assert "— 1 —" not in bulletin.text  # page numbers are not text
    assert bulletin.title == "2021年成都市国民经济和社会发展统计公报"
    assert bulletin.published == "2022-03-25"
    assert (bulletin.region, bulletin.region_code) == ("成都市", "510100")


def test_bulletin_pages(bulletin: Document) -> None:
    reader = pypdf.PdfReader(BULLETIN)
    assert [n for _, n in bulletin.page_starts] == list(range(1, len(reader.pages) + 1))
    assert bulletin.page_at(0) == 1
    assert "财政税收" in reader.pages[1].extract_text() and "财政税收" not in reader.pages[0].extract_text()
    offset = bulletin.text.index("全年完成一般公共预算收入")
    assert bulletin.page_at(offset) == 2
    last = bulletin.text.rindex("数据来源于相关部门")
    assert bulletin.page_at(last) == len(reader.pages)


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(BULLETIN.read_bytes()[:4000])
    [error] = read_all(path)
    assert isinstance(error, ReadError) and "PDF" in error.reason


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    [error] = read_all(path)
    assert isinstance(error, ReadError) and "corrupt" in error.reason


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    [error] = read_all(path)
    assert isinstance(error, ReadError) and "no text layer" in error.reason


def make_docx(
    path: Path, paragraphs: list[str], table: list[list[str]] | None = None, title: str | None = None
) -> None:
    document = docx.Document()
    for text in paragraphs[:3]:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    for text in paragraphs[3:]:
        document.add_paragraph(text)
    if title:
        document.core_properties.title = title
    document.save(path)


def test_docx_generated_from_a_report(tmp_path: Path) -> None:
    report = PROVINCIAL[4]  # 广东
    paragraphs = [line for line in report.read_text(encoding="utf-8").split("\n") if line.strip()][:60]
    table = [["指标", "2026年目标"], ["地区生产总值增长", "4.5%—5%"]]
    path = tmp_path / "report.docx"
    make_docx(path, paragraphs, table, title="2026年广东省政府工作报告")
    document = read_one(path)
    lines = document.text.split("\n")
    assert lines[:3] == paragraphs[:3]
    assert lines[3:5] == ["指标\t2026年目标", "地区生产总值增长\t4.5%—5%"]  # the table, in its place
    assert lines[5:] == paragraphs[3:]
    assert document.title == "2026年广东省政府工作报告"
    assert (document.region, document.region_code) == ("广东省", "440000")
    assert document.published == "2026-01-26"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("cut.docx", "truncated", "not a valid DOCX"),
        ("zip.docx", "zip", "not a valid DOCX"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "legacy Word .doc"),
    ],
)
def test_bad_word_files(tmp_path: Path, name: str, content: object, reason: str) -> None:
    path = tmp_path / name
    if content == "truncated":
        whole = tmp_path / "whole.docx"
        make_docx(whole, ["政府工作报告"] * 50)
        path.write_bytes(whole.read_bytes()[:3000])
    elif content == "zip":
        buffer = io.BytesIO()
        import zipfile

        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "not a word file")
        path.write_bytes(buffer.getvalue())
    else:
        path.write_bytes(content)  # type: ignore[arg-type]
    [error] = read_all(path)
    assert isinstance(error, ReadError) and reason in error.reason, error
