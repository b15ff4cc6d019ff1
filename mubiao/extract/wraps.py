"""Text wrapped at a fixed width (a PDF's text layer saved as plain text: every line about as wide,
most ending inside a sentence, blank lines and page numbers between): the extractor reads it with
the wrapped line breaks taken out, as the PDF reader joins a PDF's lines (ingest/pdf.py), and its
records' offsets are moved back onto the text as the user has it (nothing of it is deleted)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from mubiao.ingest.boilerplate import is_boilerplate
from mubiao.ingest.pdf import FULL_LINE, HEADING, PARAGRAPH_END, width
from mubiao.knowledge import load
from mubiao.record import Document, TargetRecord

WRAPS = load("ingest")["wraps"]
LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(slots=True)
class Unwrapped:
    """The text to read, and where its runs of characters stand in the original: ``runs`` holds
    (reading offset, original offset) of each run copied one to one, in order."""

    text: str
    runs: list[tuple[int, int]]

    def original(self, at: int) -> int:
        """The original offset of the reading text's character at ``at``."""
        i = bisect_right(self.runs, (at, float("inf"))) - 1
        reading, original = self.runs[i]
        return original + at - reading

    def reading(self, at: int) -> int:
        """The reading offset of the original offset ``at`` (of the next character read where ``at``
        falls in a removed break)."""
        lo, hi = 0, len(self.runs)
        while lo < hi:  # the runs are ordered in both offsets: the last run starting at or before ``at``
            mid = (lo + hi) // 2
            if self.runs[mid][1] <= at:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return 0
        reading, original = self.runs[lo - 1]
        run_end = self.runs[lo][0] if lo < len(self.runs) else len(self.text)
        return min(reading + at - original, run_end)


def unwrap(text: str) -> Unwrapped | None:
    """The text with its wrapped line breaks removed (the break, blank lines, page furniture and the
    spaces around them between a line of the usual width that ends inside a sentence and the next
    line, unless that opens a heading); None for a text that is not wrapped so."""
    if not _may_be_wrapped(text):
        return None
    lines = [m for m in LINE.finditer(text) if not is_boilerplate(m.group())]
    if len(lines) < WRAPS["min_lines"]:
        return None
    widths = sorted(width(m.group().strip()) for m in lines)
    usual = widths[int(len(widths) * 0.8)]
    gaps = []
    for line, following in zip(lines, lines[1:], strict=False):
        content = line.group().rstrip()
        nxt = following.group().lstrip()
        if (
            width(content.lstrip()) >= usual * FULL_LINE
            and not content.endswith(PARAGRAPH_END)
            and not HEADING.match(nxt)
        ):
            gaps.append((line.start() + len(content), following.end() - len(nxt)))
    if len(gaps) < WRAPS["min_share"] * len(lines):
        return None
    pieces, runs, kept_from, size = [], [], 0, 0
    for start, end in gaps:
        pieces.append(text[kept_from:start])
        runs.append((size, kept_from))
        size += start - kept_from
        if (
            text[start - 1].isascii()
            and text[start - 1].isalpha()
            and text[end].isascii()
            and text[end].isalpha()
        ):
            pieces.append(" ")  # two Latin words the wrap parted
            runs.append((size, start))
            size += 1
        kept_from = end
    pieces.append(text[kept_from:])
    runs.append((size, kept_from))
    return Unwrapped("".join(pieces), runs)


def _may_be_wrapped(text: str) -> bool:
    """Whether enough lines end inside a sentence for the text to be wrapped: read first, on the bare
    lines, so that a text of one paragraph a line (most) costs a split, not a reading of each line."""
    ends = [line.rstrip()[-1] for line in text.split("\n") if line and not line.isspace()]
    inside = sum(1 for end in ends if end not in PARAGRAPH_END)
    return len(ends) >= WRAPS["min_lines"] and inside >= WRAPS["min_share"] * len(ends)


def reading_document(document: Document, unwrapped: Unwrapped) -> Document:
    """``document`` with the unwrapped text, its structure's parts and its pages moved onto it."""
    structure = document.structure
    if structure is not None:
        move = unwrapped.reading
        parts = [
            replace(p, start=move(p.start), end=move(p.end), heading_end=move(p.heading_end))
            for p in structure.parts
        ]
        structure = replace(structure, parts=parts)
    pages = [(unwrapped.reading(o), n) for o, n in document.page_starts]
    return replace(document, text=unwrapped.text, structure=structure, page_starts=pages)


def to_original(record: TargetRecord, original: str, unwrapped: Unwrapped) -> TargetRecord:
    """``record`` of the reading text with its offsets and value_text those of the original text (the
    quote stays as read, without the breaks)."""
    start = unwrapped.original(record.start)
    end = unwrapped.original(record.end - 1) + 1
    return replace(record, start=start, end=end, value_text=original[start:end])
