"""Saved web pages: the main text and metadata through trafilatura, from text decoded here (the page's
own charset declaration is believed only when its bytes agree)."""

from __future__ import annotations

import html
import re
from typing import Any

from mubiao.ingest.base import BadInput, IngestOptions
from mubiao.ingest.encoding import decode
from mubiao.ingest.txt import clean
from mubiao.knowledge import load
from mubiao.record import Document

DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)
# Pages assembled from server-side fragments often close </body></html> early; the parser would stop
# there and lose the article that follows.
STRAY_CLOSE = re.compile(r"</(?:html|body)\s*>", re.I)
# Site names appended to a page title: 标题_网易订阅, 标题__2007年第23号国务院公报_中国政府网, 栏目|标题
TITLE_PARTS = re.compile(load("ingest")["title"]["site_separator"])
COPYRIGHT_SUFFIX = re.compile(load("ingest")["title"]["copyright_suffix"])
FIRST_HEADING = re.compile(r"<h1\b[^>]*>(.{1,800}?)</h1\s*>", re.I | re.S)
TAG = re.compile(r"<[^>]*>")


def declared_charset(data: bytes) -> str | None:
    match = DECLARED.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def page_title(title: str | None) -> str | None:
    """The headline part of a page title once site names are split off: the first part, unless it
    is only a column name (棱镜|标题), then the longest."""
    if not title:
        return None
    parts = [part for part in TITLE_PARTS.split(title.strip()) if part]
    return next((part for part in parts if len(part) > 5), max(parts, key=len, default=None))


def headline(page: str, title: str | None) -> str | None:
    """The page's headline: its first heading (<h1>) when it reads as the metadata's title made
    whole (an unescaped quote in og:title cuts 狂奔的龙湖集团"暗伤"曝露？ short), else that title."""
    if not (m := FIRST_HEADING.search(page)):
        return title
    heading = " ".join(html.unescape(TAG.sub("", m.group(1))).split())
    return heading if title and heading.startswith(title) and len(heading) > len(title) else title


def _tree(page: str) -> Any:
    """The page parsed without libxml2's limit of 256 nested elements: old pages leave a <font> or
    <div> open in every paragraph, each nesting the rest a level deeper, and past the limit the
    parser silently drops the rest of the page. Otherwise parsed as trafilatura parses it."""
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        try:
            return fromstring(page, parser=parser)
        except ValueError:  # a str that declares its encoding (<?xml … encoding=…?>): parsed as bytes
            return fromstring(page.encode("utf-8"), parser=parser)
    except ParserError as exc:  # nothing but comments and declarations
        raise BadInput("no main text found in the page") from exc


def read(
    data: bytes, doc_id: str, options: IngestOptions, declared: str | None = None, url: str | None = None
) -> Document:
    import trafilatura

    decoded = decode(data, declared or declared_charset(data))
    page = decoded.text
    result = trafilatura.bare_extraction(
        _tree(STRAY_CLOSE.sub("", page)),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    body = clean(result.text or "", options).strip() if result else ""
    if not body:
        raise BadInput("no main text found in the page")
    title = headline(page, page_title(result.title))
    # The headline is part of what the page says (it may repeat the targets): keep it at the top.
    text = body if not title or title in body[: len(title) + 200] else f"{title}\n\n{body}"
    source = COPYRIGHT_SUFFIX.sub("", result.sitename or "") or None
    return Document(
        text=text,
        id=doc_id,
        title=title,
        published=result.date,
        source=source,
        author=result.author,
        url=result.url or url,
        warnings=list(decoded.warnings),
    )
