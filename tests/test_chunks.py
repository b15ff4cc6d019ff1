"""A long text extracted a chunk at a time (mubiao/extract/chunks.py) gives the records of the whole
text, offsets into the whole text included; ``mubiao extract`` writes a document's records only when
all its chunks have been read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mubiao.cli import main
from mubiao.extract.chunks import cuts, extract_in_chunks
from mubiao.extract.pipeline import extract_document
from mubiao.ingest import ReadError, read_source

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def _gold_documents() -> list[Path]:
    """Every document a gold set of records annotates (in corpus/, else in ../shared/corpus)."""
    gold_sets = [
        *(ROOT / "corpus" / "gold").glob("*.jsonl"),
        *(ROOT / "corpus" / "gold").glob("regions/*.jsonl"),
    ]
    named = {
        json.loads(line)["doc"]
        for gold in gold_sets
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    return sorted(ROOT / "corpus" / d if (ROOT / "corpus" / d).exists() else SHARED / d for d in named)


GOLD_DOCUMENTS = _gold_documents()


def test_every_gold_document_is_found() -> None:
    assert len(GOLD_DOCUMENTS) >= 20
    assert all(path.exists() for path in GOLD_DOCUMENTS)


@pytest.mark.parametrize("path", GOLD_DOCUMENTS, ids=lambda p: p.name)
def test_records_chunked_are_those_of_the_whole_text(path: Path) -> None:
    """Cut at every full stop ending a line (chunk size 1): parts, periods lasting from a paragraph
    before, the text's prevailing modality and its region come from the whole text."""
    [whole] = read_source(str(path))
    [copy] = read_source(str(path))
    assert not isinstance(whole, ReadError) and not isinstance(copy, ReadError)
    expected = [r.to_dict() for r in extract_document(whole)]
    chunks = list(extract_in_chunks(copy, chunk_chars=1))
    # a text on one line (a PDF's lines joined with spaces, a web page's text) has no line end to cut
    # at but its last: one chunk
    assert len(chunks) > 10 or (len(chunks) == 1 and "\n" not in whole.text.rstrip())
    assert [r.to_dict() for records in chunks for r in records] == expected


def test_cuts_tile_the_text_at_full_stops_ending_a_line() -> None:
    text = "一、回顾\n增长5%。\n表1：指标\n产量12 3\n新增10万人。  \n完成。末尾"
    chunks = list(cuts(text, 1))
    assert [text[a:b] for a, b in chunks] == [
        "一、回顾\n增长5%。\n",
        "表1：指标\n产量12 3\n新增10万人。  \n",
        "完成。末尾",
    ]
    assert list(cuts(text, 20)) == [(0, len(text) - len("完成。末尾")), (len(text) - 5, len(text))]
    assert list(cuts(text, len(text))) == [(0, len(text))]


def test_extract_writes_nothing_of_a_document_that_fails_half_way(tmp_path, monkeypatch, capsys) -> None:
    """The records of a document's first chunks are held back until its last chunk is read."""
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("2025年，地区生产总值增长5.2%。\n", encoding="utf-8")
    bad.write_text("2025年，地区生产总值增长6.1%。\n", encoding="utf-8")

    def failing(document):
        yield extract_document(document)
        if document.id.endswith("bad.txt"):
            raise RuntimeError("a bug in the second chunk")

    monkeypatch.setattr("mubiao.commands.extract.extract_in_chunks", failing)
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(bad), str(good), "-o", str(out)]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(Path(r["doc"]).name, r["value_text"]) for r in rows] == [("good.txt", "5.2%")]
    assert re.search(
        r"bad\.txt: extraction failed \(RuntimeError: a bug in the second chunk\)", capsys.readouterr().err
    )


def test_extract_csv_has_one_header_and_the_records_of_each_document(tmp_path, capsys) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("2025年，地区生产总值增长5.2%。\n", encoding="utf-8")
    second.write_text("2026年，居民收入增长6%左右。\n", encoding="utf-8")
    out = tmp_path / "records.csv"
    assert main(["extract", str(first), str(second), "--format", "csv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc,start,end,value_text")
    assert [line.split(",")[3] for line in lines[1:]] == ["5.2%", "6%左右"]
