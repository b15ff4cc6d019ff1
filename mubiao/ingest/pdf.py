"""PDF text layer, page by page. Lines the PDF wrapped inside a sentence are joined again and the
spaces PDF writers put between Chinese characters and numbers removed, so that sentences read as
written; ``page_starts`` maps each offset back to its page."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from mubiao.ingest.base import BadInput, IngestOptions
from mubiao.ingest.boilerplate import mask_boilerplate
from mubiao.ingest.limits import OverLimit
from mubiao.knowledge import load
from mubiao.record import Document

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# One space between two characters where either side is Chinese is a PDF writer's spacing
# (全 年 完 成, 19917.0 亿元); two or more are a gap a layout meant (成都市统计局  国家统计局).
SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}])[ \t](?=[{CJK}\d])|(?<=[\d%])[ \t](?=[{CJK}])")
PARAGRAPH_END = tuple(load("ingest")["pdf"]["paragraph_end"])
HEADING = re.compile(load("ingest")["pdf"]["heading"])
FULL_LINE = 0.8  # a line at least this share of the page's usual width was wrapped, not ended


def width(line: str) -> int:
    """Printed width: a Chinese character takes two columns, a digit or Latin letter one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def unwrap(page: str) -> str:
    lines = [SPACE_IN_CJK.sub("", line.strip()) for line in page.split("\n")]
    lengths = sorted(width(line) for line in lines if line)
    if not lengths:
        return ""
    usual = lengths[int(len(lengths) * 0.8)]
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        wrapped = (
            previous
            and line
            and width(previous) >= usual * FULL_LINE
            and not previous.endswith(PARAGRAPH_END)
            and not HEADING.match(line)
        )
        if wrapped:
            joint = " " if previous[-1].isascii() and line[0].isascii() and previous[-1].isalnum() else ""
            out[-1] = previous + joint + line
        else:
            out.append(line)
    return "\n".join(line for line in out if line)


def read(data: bytes, doc_id: str, options: IngestOptions) -> Document:
    import pypdf
    from pypdf.errors import LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are not ours to show
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput("encrypted PDF (needs a password)")
        if len(reader.pages) > options.limits.max_pages:
            raise OverLimit("max_pages", options.limits.max_pages, f"{len(reader.pages):,} pages")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except BadInput:
        raise
    except LimitReachedError as exc:  # pypdf's own bound on what one stream may expand to
        raise BadInput(f"a stream expands too far ({exc})") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise BadInput(f"corrupt or truncated PDF ({type(exc).__name__}: {exc})") from exc
    text, page_starts = "", []
    for number, page in enumerate(pages, 1):
        body = unwrap(page) if options.keep_boilerplate else mask_boilerplate(unwrap(page))
        if body:
            text += "\n" if text else ""
            page_starts.append((len(text), number))
            text += body
    if not text.strip():
        raise BadInput("no text layer (a scanned PDF? run OCR on it first)")
    title = (info.title if info else None) or None
    return Document(text=text, id=doc_id, title=title, page_starts=page_starts)
