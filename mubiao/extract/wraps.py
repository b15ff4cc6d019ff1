"""Text as a PDF's text layer saved as plain text writes it: wrapped at a fixed width (every line about
as wide, most ending inside a sentence, blank lines and page numbers between), or with its line
breaks as spaces and spaces between Chinese characters and numbers. The extractor reads it with the
wrapped line breaks and typesetting spaces taken out, as the PDF reader does (ingest/pdf.py), and its
records' offsets are moved back onto the text as the user has it (nothing of it is deleted)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from operator import itemgetter

from mubiao.ingest.boilerplate import is_boilerplate
from mubiao.ingest.pdf import CJK, FULL_LINE, HEADING, PARAGRAPH_END, width
from mubiao.knowledge import load
from mubiao.record import Document, TargetRecord

WRAPS = load("ingest")["wraps"]
LINE = re.compile(r"[^\n]*\S[^\n]*")
BREAK = re.compile(r"[ \t\u3000\n]+")
# SPACE_IN_CJK of the PDF reader, found from the space (a pattern opening with a lookbehind is tried
# at every character)
TYPESET_SPACE = re.compile(rf"[ \t](?:(?<=[{CJK}][ \t])(?=[{CJK}\d])|(?<=[\d%][ \t])(?=[{CJK}]))")
INLINE_PAGE_NUMBER = re.compile(rf"(?<=[{CJK}])[ \t]*{WRAPS['inline_page_number']}[ \t]*(?=[{CJK}])")


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
        # the runs are ordered in both offsets: the last run starting at or before ``at``
        lo = bisect_right(self.runs, at, key=itemgetter(1))
        if lo == 0:
            return 0
        reading, original = self.runs[lo - 1]
        run_end = self.runs[lo][0] if lo < len(self.runs) else len(self.text)
        return min(reading + at - original, run_end)


def unwrap(text: str) -> Unwrapped | None:
    """The text without its wrapped line breaks and typesetting spaces (see _line_gaps,
    _space_gaps); None for a text that has neither."""
    gaps = sorted(_line_gaps(text) + _space_gaps(text))
    if not gaps:
        return None
    pieces, runs, kept_from, size = [], [], 0, 0
    for start, end in gaps:
        if start < kept_from:  # a space inside a line break already taken out
            continue
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


def _line_gaps(text: str) -> list[tuple[int, int]]:
    """The wrapped line breaks of a text wrapped at a fixed width: the break, blank lines, page
    furniture and the spaces around them between a line of the usual width that ends inside a
    sentence and the next line, unless that opens a heading; none unless most lines are so."""
    if not _may_be_wrapped(text):
        return []
    lines = [m for m in LINE.finditer(text) if not is_boilerplate(m.group())]
    if len(lines) < WRAPS["min_lines"]:
        return []
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
    return gaps if len(gaps) >= WRAPS["min_share"] * len(lines) else []


def _space_gaps(text: str) -> list[tuple[int, int]]:
    """The spaces a PDF writer put between Chinese characters and numbers (并 请各位, 139.01 亿元,
    60微 克以下), and page numbers run into a sentence (一 — 1 — 般公共预算收入), in a text that has
    many (a PDF's text layer saved with its line breaks as spaces): as the PDF reader removes them."""
    if text.count(" ") + text.count("\t") < WRAPS["min_spaces"]:
        return []
    spaces = [m.span() for m in TYPESET_SPACE.finditer(text)]
    # Chinese characters (and full-width marks) counted by their UTF-8 bytes: three each, one more
    # than two-byte letters, two more than ASCII; no list of them is built
    wide = (len(text.encode("utf-8")) - len(text)) // 2
    if len(spaces) < WRAPS["min_spaces"] or len(spaces) < WRAPS["spaces_per_chinese"] * wide:
        return []
    if not _breaks_at_a_width(text):
        return []
    numbers = [m.span() for m in INLINE_PAGE_NUMBER.finditer(text)]
    inside = {at for span in numbers for at in range(*span)}
    # a space after a paragraph's last mark (重托！ 二、2024年工作安排) is the line break it stands for
    return numbers + [
        span for span in spaces if span[0] not in inside and text[span[0] - 1] not in PARAGRAPH_END
    ]


def _breaks_at_a_width(text: str) -> bool:
    """Whether the text's breaks (runs of spaces and line ends) stand about a line's width apart more
    often than not at random: wrapped at a fixed width, its line breaks kept as spaces (枣庄: 28
    characters apart for 72% of them), not spaces that set off captions and cells (a web page's
    bulletin: 4 apart)."""
    starts = [m.start() for m in BREAK.finditer(text)]
    distances = Counter(b - a for a, b in zip(starts, starts[1:], strict=False))
    if not distances:
        return False
    width_apart, _ = distances.most_common(1)[0]
    near = sum(n for d, n in distances.items() if abs(d - width_apart) <= WRAPS["width_slack"])
    return width_apart >= WRAPS["min_line_chars"] and near >= WRAPS["min_line_share"] * distances.total()


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
