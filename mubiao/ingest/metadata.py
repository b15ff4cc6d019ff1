"""A document's metadata beyond its text: title, publication date, source, author and the region it
speaks for. Flags override what the input says, which overrides what is read from the text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from mubiao.extract.structure import read_region, read_structure
from mubiao.ingest.base import IngestOptions
from mubiao.ingest.boilerplate import cues
from mubiao.record import Document

DATE = re.compile(cues()["metadata"]["date"])
COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Years a document given on the command line or uploaded can bear; outside them a date is a typo
# (0000-00-00 would make the periods of relative years "0" and "-1").
YEARS = range(1900, 2101)


def checked_date(value: str) -> str:
    """``value`` when it is a calendar date YYYY-MM-DD in ``YEARS``; else ValueError saying why."""
    value = value.strip()
    if not ISO_DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a calendar date ({exc})") from exc
    if date.year not in YEARS:
        raise ValueError(f"{value!r} has a year outside {YEARS.start}–{YEARS.stop - 1}")
    return value


def normalize_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, a datetime, or a string such as 2026-02-02, 2026/2/2 10:00, 2026年2月2日,
    20260202, 2026-02-02T08:00:00+08:00; None for anything else."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = DATE.search(text) or COMPACT_DATE.fullmatch(text[:8])
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


@cache
def _byline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = cues()["byline"]
    return re.compile(table["source_pattern"]), re.compile(table["author_pattern"])


def read_byline(text: str) -> dict[str, str]:
    """Source and author from the lines under a headline (来源:南方+, 作者：…), if any."""
    source, author = _byline_patterns()
    head = text[: cues()["byline"]["head_chars"]]
    found = {}
    if match := source.search(head):
        found["source"] = match.group(1)
    if match := author.search(head):
        found["author"] = match.group(1)
    return found


def complete(document: Document, options: IngestOptions, names: Sequence[str] = ()) -> Document:
    """Fills what ``document`` lacks from the flags and its own text. ``names`` are title-like strings
    the region may be read from when the title names none (a file name: 2026_广东省_政府工作报告)."""
    if options.published:
        document.published = normalize_date(options.published) or options.published
    elif document.published:
        document.published = normalize_date(document.published)
    if not (document.source and document.author):
        byline = read_byline(document.text)
        document.source = document.source or byline.get("source")
        document.author = document.author or byline.get("author")
    # the extractor's structure stage reads title, date, genre and parts; it runs once, here
    structure = read_structure(document, "flag" if options.published else None)
    document.structure = structure
    document.title = structure.title
    document.published = document.published or structure.published
    document.region, document.region_code = options.region or document.region, None
    read_region(document, structure, names)
    return document
