"""Inputs as people give them (files, directories, globs, stdin) and every kind of bad input: one
clear line each, the rest of the batch read, a summary, a failing exit code."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_support import BULLETIN, NATIONAL, SEED, mubiao

from mubiao.ingest import expand_inputs, iter_documents
from mubiao.ingest.sources import detect_format


def test_expand_inputs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.html", "a/b/.hidden.txt", "a/b/image.png", "three.jsonl"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_inputs(
        [str(tmp_path / "a"), str(tmp_path / "*.jsonl"), str(tmp_path / "a/one.txt"), "-", "missing.txt"]
    )
    assert found == [
        str(tmp_path / "a" / "one.txt"),  # directories recursively, sorted, hidden and unknown files left out
        str(tmp_path / "a" / "b" / "two.html"),
        str(tmp_path / "three.jsonl"),  # globs; one.txt named again is not read twice
        "-",
        "missing.txt",  # kept, so that reading it says why it is missing
    ]


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"PAR1\x00\x00", "parquet"),
        (b"WARC/1.1\r\n", "warc"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("政府工作报告".encode(), "txt"),
    ],
)
def test_format_from_content_when_the_name_does_not_tell(tmp_path: Path, content: bytes, fmt: str) -> None:
    path = tmp_path / "download"
    path.write_bytes(content)
    assert detect_format(str(path)) == fmt


def test_stdin_and_mixed_formats_in_one_call(tmp_path: Path) -> None:
    # a GBK report through standard input, beside a text capture and a PDF
    proc = subprocess.run(
        [sys.executable, "-m", "mubiao.cli", "extract", "-", str(SEED), str(BULLETIN)],
        input=NATIONAL[0].read_bytes(),
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().strip().startswith("mubiao: 3 documents read, 0 skipped, 0 failed")
    docs = {json.loads(line)["doc"] for line in proc.stdout.decode().splitlines()}
    assert docs <= {"-", str(SEED), str(BULLETIN)}
    empty = mubiao("extract", "-", stdin=b"")
    assert empty.returncode == 1 and "mubiao: -: empty file" in empty.stderr


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad input, with the words its error line must contain."""
    cases: dict[str, tuple[bytes, str]] = {
        "binary.txt": (bytes(range(256)) * 8, "binary"),
        "empty.txt": (b"", "empty"),
        "blank.html": (b"  \n\n ", "empty"),
        "cut.txt": ("地区生产总值增长".encode()[:-1], "truncated"),
        "latin.txt": (
            "Gesamtwirtschaftliche Lage: Ökonomie wächst um 5 %".encode("latin-1") * 3,
            "not valid UTF-8",
        ),
        "corrupt.pdf": (b"%PDF-1.4\n" + os.urandom(2000), "PDF"),
        "cut.pdf": (BULLETIN.read_bytes()[:5000], "PDF"),
        "bad.jsonl": (b'{"full_text": "\xe5\xb9\xbf\xe4\xb8\x9c\xe7\x9c\x81"}\n{broken\n', "not valid JSON"),
        "rows.csv": ("title,full_text\na,广东省\nb,x,y\n".encode(), "fields where the header has"),
        "no-page.html": (
            b"<html><head><title>t</title></head><body><script>var a=1;</script></body></html>",
            "no main text",
        ),
        "report.txt.gz": (gzip.compress("政府工作报告".encode()), "gunzip it first"),
        "no-uri.warc": (
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n",
            "corrupt WARC",
        ),
        "cut.jsonl.gz": (
            gzip.compress(
                b"".join(b'{"full_text": "%s"}\n' % os.urandom(8).hex().encode() for _ in range(500))
            )[:3000],
            "truncated",
        ),
    }
    made = {}
    for name, (data, reason) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        made[name] = (path, reason)
    missing = tmp_path / "missing.txt"
    made["missing.txt"] = (missing, "no such file")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere")
    made["dangling.txt"] = (link, "no such file")
    return made


def test_every_bad_input_gets_one_clear_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("2026年广东省政府工作报告\n全省地区生产总值增长5%左右。", encoding="utf-8")
    inputs = [str(good)] + [str(path) for path, _ in bad.values()] + [str(SEED)]
    result = mubiao("extract", *inputs, "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1
    lines = result.stderr.strip().split("\n")
    for name, (path, reason) in bad.items():
        mine = [line for line in lines if line.startswith(f"mubiao: {path}")]
        assert len(mine) == 1, (name, lines)
        assert reason in mine[0], (name, mine[0])
    # the good inputs were read, around the bad ones: the seed (after all the bad files) included
    # good.txt, the seed, rows.csv's good row, bad.jsonl's first line and the rows of cut.jsonl.gz
    # before the cut were read all the same
    summary = re.fullmatch(r"mubiao: (\d+) documents read, 0 skipped, (\d+) failed; \d+ records", lines[-1])
    assert summary and int(summary.group(2)) == len(bad), lines[-1]
    assert int(summary.group(1)) > 4
    out = [
        json.loads(line)["doc"] for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert str(good) in out and str(SEED) in out


def test_a_file_named_in_gbk_is_read_stored_and_named_in_chinese(tmp_path: Path) -> None:
    # ZIP archives made on Chinese Windows carry GBK file names, which unzip writes as they are
    folder = tmp_path / "unzipped"
    folder.mkdir()
    name = "广州市2024年政府工作报告.txt"
    (folder / os.fsdecode(name.encode("gbk"))).write_text(
        "各位代表：\n今年全市地区生产总值增长5%左右。", encoding="utf-8"
    )
    (folder / os.fsdecode(b"report_\xff.txt")).write_text("全市地区生产总值增长6%。", encoding="utf-8")
    result = mubiao("extract", str(folder), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["doc"], r["region"]) for r in records} == {
        (f"{folder}/{name}", "广州市"),
        (f"{folder}/report_\ufffd.txt", None),
    }
    stored = mubiao("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'store.db'}")
    assert stored.returncode == 0, stored.stderr
    assert f"{folder}/{name}: 1 records" in stored.stderr


def test_skipped_rows_do_not_fail_the_run(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps({"full_text": ""})
        + "\n"
        + json.dumps({"full_text": "广东省地区生产总值增长5%"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = mubiao("extract", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert f"mubiao: {path}#0: empty 'full_text' (skipped)" in result.stderr
    assert result.stderr.strip().endswith(
        "1 documents read, 1 skipped, 0 failed; " + result.stderr.strip().split("; ")[-1]
    )


def test_iter_documents_over_a_directory(tmp_path: Path) -> None:
    for n, path in enumerate(NATIONAL[:2]):
        (tmp_path / f"{n}.txt").write_bytes(path.read_bytes())
    documents = list(iter_documents([str(tmp_path)]))
    assert [d.region_code for d in documents] == ["100000", "100000"]
