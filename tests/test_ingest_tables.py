"""Corpora: CSV shaped like the provincial reports' source, the same as JSON Lines and Parquet;
rows streamed, row ranges for partitioning, metadata columns, malformed rows."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from ingest_support import PROVINCIAL, read_all

from mubiao.ingest import IngestOptions, ReadError, count_units, read_source
from mubiao.ingest.txt import clean
from mubiao.record import Document

COLUMNS = ["province", "year", "title", "source_url", "publish_date", "full_text"]


def source_rows() -> list[dict[str, str]]:
    """One row per provincial report, as the public dataset lays them out."""
    rows = []
    for n, path in enumerate(PROVINCIAL):
        province = path.stem.split("_")[1]
        rows.append(
            {
                "province": province,
                "year": "2026",
                "title": f"2026年{province}政府工作报告",
                "source_url": f"https://example.gov.cn/report/{n}.html",
                "publish_date": f"2026/2/{n + 1}",
                "full_text": path.read_text(encoding="utf-8"),
            }
        )
    return rows


ROWS = source_rows()


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_parquet(path: Path, rows: list[dict[str, str]]) -> Path:
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
    return path


WRITERS = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "csv.gz": write_csv,
    "jsonl.gz": write_jsonl,
}
FLAGS = IngestOptions(region_column="province", date_column="publish_date", url_column="source_url")


@pytest.mark.parametrize("kind", list(WRITERS))
def test_each_row_is_a_document_with_its_metadata(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path / f"reports.{kind}", ROWS)
    documents = read_all(path, FLAGS)
    assert len(documents) == len(ROWS) == count_units(str(path))
    for index, (document, row) in enumerate(zip(documents, ROWS, strict=True)):
        assert isinstance(document, Document), document
        assert document.id == f"{path}#{index}"
        assert document.text == clean(row["full_text"], IngestOptions())  # page furniture dropped as in .txt
        assert document.region == row["province"]
        assert document.region_code and document.region_code.endswith("0000")
        assert document.published == f"2026-02-{index + 1:02d}"
        assert (document.title, document.url) == (row["title"], row["source_url"])


def test_conventional_column_names_need_no_flags(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "reports.csv", ROWS[:2])
    first = read_all(path)[0]
    # title, publish_date, source_url and province are recognised by name
    assert (first.title, first.published, first.url, first.region) == (
        ROWS[0]["title"],
        "2026-02-01",
        ROWS[0]["source_url"],
        ROWS[0]["province"],
    )


def test_id_column_names_the_documents(tmp_path: Path) -> None:
    rows = [{"doc": f"r{i}", "body": row["full_text"]} for i, row in enumerate(ROWS[:3])]
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    documents = read_all(path, IngestOptions(text_column="body", id_column="doc"))
    assert [d.id for d in documents] == [f"{path}#r0", f"{path}#r1", f"{path}#r2"]
    # without a region column the region is found in each text
    assert [d.region for d in documents] == [p.stem.split("_")[1] for p in PROVINCIAL[:3]]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_row_ranges_partition_a_corpus(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path / f"reports.{kind}", ROWS)
    whole = [d.id for d in read_source(str(path), FLAGS)]
    parts = [
        d.id
        for part in (range(0, 4), range(4, 7), range(7, 100))
        for d in read_source(str(path), FLAGS, part)
    ]
    assert parts == whole and len(whole) == len(ROWS)
    assert [d.id for d in read_source(str(path), FLAGS, range(5, 6))] == [f"{path}#5"]


def test_gbk_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gbk.csv", ROWS[:2], encoding="gb18030")
    documents = read_all(path, FLAGS)
    assert [d.text for d in documents] == [clean(r["full_text"], FLAGS) for r in ROWS[:2]]


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "reports.tsv"
    path.write_text("title\ttext\n广东\t广东省人民政府工作报告：地区生产总值增长5%\n", encoding="utf-8")
    [document] = read_all(path)
    assert document.text == "广东省人民政府工作报告：地区生产总值增长5%" and document.region_code == "440000"


def test_malformed_rows_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "title,full_text\na,广东省地区生产总值增长5%\nb,extra,field\nc,\nd,四川省地区生产总值增长6%\n",
        encoding="utf-8",
    )
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "ReadError", "Document"]
    assert items[1].input == f"{path}#1" and "3 fields where the header has 2" in items[1].reason
    assert items[2].skipped and "empty" in items[2].reason  # an empty text cell is skipped, not failed
    assert not items[1].skipped


@pytest.mark.parametrize("closed_by", ["a later quote", "the end of the file"])
def test_a_quote_that_never_closes_is_named_and_the_rows_it_swallowed_are_read(
    tmp_path: Path, closed_by: str
) -> None:
    # Python's csv reader runs the field of an opening quote on over the next lines, to the next
    # quote (or the end of the file), and merges their rows into one document without a word
    later = (
        '"城镇新增就业5万人，\n其中高校毕业生2万人。"'
        if closed_by == "a later quote"
        else "城镇新增就业5万人。"
    )
    path = tmp_path / "reports.csv"
    path.write_text(
        f'id,text\nr0,粮食产量稳定在100万吨。\nr1,"地区生产总值增长6%左右。\nr2,居民收入增长6%。\nr3,{later}\n'
        'r4,"多行的\n一段文字"\nr5,"单行内""引号""与"尾字\n',
        encoding="utf-8",
    )
    items = read_all(path)
    assert [item.input if isinstance(item, ReadError) else item.id for item in items] == [
        f"{path}#r0", f"{path}#1", f"{path}#r2", f"{path}#r3", f"{path}#r4", f"{path}#r5"
    ]  # fmt: skip
    assert items[1].reason.startswith("row 1: a quote opened in this row does not close where a field ends")
    assert items[2].text == "居民收入增长6%。"
    assert items[3].text.startswith("城镇新增就业5万人")
    assert items[4].text == "多行的\n一段文字"  # a quoted field over lines, closed where it ends, is whole
    assert items[5].text == '单行内"引号"与尾字'  # read leniently, as before, when the row is one line


def test_a_header_whose_quote_never_closes_fails_the_file(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text('id,"text\nr1,地区生产总值增长6%\n', encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, ReadError) and error.input == str(path)
    assert error.reason.startswith("a quote in the header does not close where a field ends")


def test_malformed_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"full_text": "北京市地区生产总值增长5%"}, ensure_ascii=False)
    path.write_text(
        f'{good}\n{{not json\n[1, 2]\n\n{{"title": "no text"}}\n{good}\n{good[:20]}', encoding="utf-8"
    )
    items = read_all(path)
    kinds = [(type(i).__name__, getattr(i, "reason", "")) for i in items]
    assert [k for k, _ in kinds] == [
        "Document",
        "ReadError",
        "ReadError",
        "ReadError",
        "Document",
        "ReadError",
    ]
    assert "line 2: not valid JSON" in kinds[1][1]
    assert "line 3: not a JSON object" in kinds[2][1]
    assert "line 5: no 'full_text' field" in kinds[3][1]
    assert "line 7: truncated" in kinds[5][1]
    assert items[4].id == f"{path}#5"  # ids follow line numbers, blank lines included
    assert count_units(str(path)) == 7


@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_missing_text_column_fails_the_file(tmp_path: Path, kind: str) -> None:
    path = WRITERS[kind](tmp_path / f"reports.{kind}", ROWS[:2])
    [error] = read_all(path, IngestOptions(text_column="正文"))
    assert isinstance(error, ReadError) and error.input == str(path) and "'正文'" in error.reason
    [error] = read_all(path, IngestOptions(date_column="when"))
    assert "no column 'when'" in error.reason


def test_truncated_compressed_corpus(tmp_path: Path) -> None:
    whole = write_jsonl(tmp_path / "whole.jsonl.gz", ROWS)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    items = read_all(cut)
    assert isinstance(items[-1], ReadError) and "truncated" in items[-1].reason
    assert all(isinstance(i, Document) for i in items[:-2]) and len(items) >= 3


def test_corrupt_parquet(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 100)
    [error] = read_all(path)
    assert isinstance(error, ReadError) and "Parquet" in error.reason


def test_a_lone_surrogate_escape_costs_one_character_not_the_rest_of_the_file(tmp_path: Path) -> None:
    # \ud83d is half of an emoji's surrogate pair, as a scraper that cut the text in two leaves it
    path = tmp_path / "cut_emoji.jsonl"
    path.write_text(
        '{"id": "a\\ud83d", "full_text": "北京市地区生产总值增长5%\\ud83d"}\n'
        + json.dumps({"id": "b", "full_text": "北京市地区生产总值增长6%"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    first, second = read_all(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "北京市地区生产总值增长5%\ufffd" and first.id == f"{path}#a\ufffd"
    assert first.warnings == ["1 lone surrogate escape replaced with U+FFFD"]
    assert second.id == f"{path}#b"
