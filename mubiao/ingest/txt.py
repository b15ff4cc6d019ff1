"""Plain text in any common encoding; the page furniture of text captures of web pages is blanked
out. The text kept is as long as the decoded file and a record's offsets index that file."""

from __future__ import annotations

import re

from mubiao.ingest.base import IngestOptions
from mubiao.ingest.boilerplate import mask_boilerplate
from mubiao.ingest.encoding import decode
from mubiao.record import Document

# Characters that an export could not write, spelled as <U+00A0> (R's way, common in text-mining corpora).
ESCAPED_CHARACTER = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")


def _unescape(match: re.Match[str]) -> str:
    """The character, padded with spaces to the escape's length (offsets stay those of the file)."""
    code = int(match.group(1), 16)
    if code > 0x10FFFF:
        return match.group()
    return chr(code) + " " * (len(match.group()) - 1)


def clean(text: str, options: IngestOptions) -> str:
    """The text mubiao reads, as long as ``text``, so that offsets into it index ``text``: a CR before
    a line end read as a space (a lone CR as the line end), escaped characters restored and padded,
    furniture lines blanked out; unless asked to keep the text as it is."""
    if options.keep_boilerplate:
        return text
    text = ESCAPED_CHARACTER.sub(_unescape, text.replace("\r\n", " \n").replace("\r", "\n"))
    return mask_boilerplate(text)


def read(data: bytes, doc_id: str, options: IngestOptions) -> Document:
    decoded = decode(data)
    del data  # the file's bytes let go before the text is cleaned (a 100 MB file held both)
    return Document(text=clean(decoded.text, options), id=doc_id, warnings=list(decoded.warnings))
