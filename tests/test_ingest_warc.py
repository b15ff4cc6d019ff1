"""Web archives generated from the real saved pages: every HTML response a document, streamed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_support import LYING_CHARSET, WEB, read_all
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mubiao.ingest import ReadError, count_units, read_source
from mubiao.record import Document

PAGES = ["gne_gzggw_1.html", "gne_other_1.html", *LYING_CHARSET]


def write_warc(path: Path, gzip: bool = True) -> list[str]:
    """A crawl of the saved pages, with records that are not pages in between; returns the page URLs."""
    urls = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        for n, name in enumerate(PAGES):
            url = f"http://news.example.cn/{n}.html"
            # the lying pages are served with the charset they declare, as their servers did
            charset = "gb2312" if name in LYING_CHARSET else "utf-8"
            response(url, (WEB / name).read_bytes(), f"text/html; charset={charset}")
            urls.append(url)
            response(f"http://news.example.cn/{n}.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
            writer.write_record(
                writer.create_warc_record(
                    f"http://news.example.cn/{n}.html",
                    "request",
                    payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                )
            )
        response("http://news.example.cn/moved", b"<html>moved</html>", "text/html", "301 Moved Permanently")
    return urls


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    return path, write_warc(path)


def test_every_html_response_is_a_document(crawl: tuple[Path, list[str]]) -> None:
    path, urls = crawl
    documents = read_all(path)
    assert all(isinstance(d, Document) for d in documents), documents
    assert [d.id for d in documents] == [f"{path}#{i}" for i in range(len(PAGES))]
    assert [d.url for d in documents] == urls
    assert count_units(str(path)) == len(PAGES)
    gzggw, other = documents[0], documents[1]
    assert "全县固定资产投资完成246.79亿元" in gzggw.text and gzggw.region_code == "330521"
    assert "批准发行15500亿元特别国债购买外汇" in other.text
    # pages served and declared as gb2312 whose bytes are UTF-8 still decode right
    for document in documents[2:]:
        assert not any(bad in document.text for bad in ("鈥", "锛", "\ufffd"))


def test_record_ranges_partition_a_crawl(crawl: tuple[Path, list[str]]) -> None:
    path, _ = crawl
    whole = [d.id for d in read_source(str(path))]
    parts = [d.id for r in (range(0, 2), range(2, 10)) for d in read_source(str(path), None, r)]
    assert parts == whole


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=False)
    assert len([d for d in read_all(path) if isinstance(d, Document)]) == len(PAGES)


@pytest.mark.parametrize("share", [0.3, 0.5, 0.7, 0.95])
def test_truncated_warc_keeps_the_pages_before_the_cut(
    tmp_path: Path, crawl: tuple[Path, list[str]], share: float
) -> None:
    path, _ = crawl
    cut = tmp_path / "cut.warc.gz"
    data = path.read_bytes()
    cut.write_bytes(data[: int(len(data) * share)])
    items = read_all(cut)
    assert isinstance(items[-1], ReadError) and items[-1].input == str(cut)
    assert "truncated" in items[-1].reason
    assert all(isinstance(i, Document) for i in items[:-1])  # no half page passes for a page


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("这不是网页存档", encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, ReadError) and "not a WARC" in error.reason
