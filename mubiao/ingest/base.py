"""The types every reader shares: options, the error of one bad input, and the exception readers raise."""

from __future__ import annotations

from dataclasses import dataclass, field

from mubiao.ingest.errors import BadInput
from mubiao.ingest.limits import Limits

__all__ = ["BadInput", "IngestOptions", "ReadError"]

DEFAULT_TEXT_COLUMN = "full_text"


@dataclass(slots=True)
class ReadError:
    """One input that could not be read (a file, a corpus row or a WARC record), or a document whose
    extraction failed.

    ``skipped`` marks a unit that is not an error but holds nothing to read (a corpus row whose text
    cell is empty); it is reported and counted, and does not make the run fail."""

    input: str
    reason: str
    skipped: bool = False

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass(slots=True)
class IngestOptions:
    """How to read inputs: which corpus columns hold what, and values that override what is read."""

    text_column: str = DEFAULT_TEXT_COLUMN
    id_column: str | None = None
    date_column: str | None = None
    region_column: str | None = None
    title_column: str | None = None
    url_column: str | None = None
    published: str | None = None  # YYYY-MM-DD for every document (else read from each)
    region: str | None = None  # region name or code for every document (else found in each)
    # Keep plain text exactly as decoded (furniture lines not blanked out, line ends and escapes
    # untouched); offsets index the decoded file either way, cleaning keeps the text's length.
    keep_boilerplate: bool = False
    limits: Limits = field(default_factory=Limits.from_env)
