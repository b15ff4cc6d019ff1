"""Corpus files for the span tests: rows of short Chinese texts as CSV (with quoted fields that
run over lines, and blank lines), JSON Lines and WARC, and where each row starts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# A field that runs over lines, one of which looks like the start of a record of its own.
MULTILINE = '第一行：地区生产总值增长5%左右\n7,"另一条记录？",不是\r\n第三行'


def text(n: int) -> str:
    return f"第{n}号：2026年全省地区生产总值增长{n % 9}%左右，城镇新增就业{n}万人以上。" * (1 + n % 4)


def write_csv_rows(path: Path, n: int, encoding: str = "utf-8") -> list[int]:
    """A CSV of ``n`` rows (every fifth with a multi-line quoted field, blank lines between some);
    returns the byte offset where each data row starts, as the writer placed them."""
    starts = []
    with open(path, "wb") as handle:
        handle.write("title,full_text\r\n".encode(encoding))
        for i in range(n):
            if i % 6 == 3:
                handle.write(b"\r\n")  # a blank line is not a row
            starts.append(handle.tell())
            line = io.StringIO()
            csv.writer(line).writerow([f"新闻{i}", MULTILINE if i % 5 == 0 else text(i)])
            handle.write(line.getvalue().encode(encoding))
    return starts


def write_jsonl_rows(path: Path, n: int) -> list[int]:
    starts = []
    with open(path, "wb") as handle:
        for i in range(n):
            starts.append(handle.tell())
            handle.write(json.dumps({"full_text": text(i)}, ensure_ascii=False).encode() + b"\n")
    return starts


def write_warc_pages(path: Path, n: int) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for i in range(n):
            body = f"<html><head><title>新闻{i}</title></head><body><h1>新闻{i}</h1>"
            body += "".join(f"<p>{text(i + k)}</p>" for k in range(8)) + "</body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            url = f"http://news.example.cn/{i}.html"
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
                )
            )
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
