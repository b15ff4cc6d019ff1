"""Plain text in any common encoding; text captures of web pages lose their page furniture."""

from __future__ import annotations

import re

from mubiao.ingest.base import IngestOptions
from mubiao.ingest.boilerplate import drop_boilerplate
from mubiao.ingest.encoding import decode
from mubiao.record import Document

# Characters that an export could not write, spelled as <U+00A0> (R's way, common in text-mining corpora).
ESCAPED_CHARACTER = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return chr(code) if code <= 0x10FFFF else match.group()


def clean(text: str, options: IngestOptions) -> str:
    """The text mubiao keeps: line ends unified, escaped characters restored and furniture lines
    dropped, unless asked to keep the text as it is."""
    if options.keep_boilerplate:
        return text
    text = ESCAPED_CHARACTER.sub(_unescape, text.replace("\r\n", "\n").replace("\r", "\n"))
    return drop_boilerplate(text)


def read(data: bytes, doc_id: str, options: IngestOptions) -> Document:
    decoded = decode(data)
    return Document(text=clean(decoded.text, options), id=doc_id, warnings=list(decoded.warnings))
