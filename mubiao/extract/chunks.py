"""A long text extracted a chunk at a time, so that the extractor's memory grows with the chunk, not
with the text (a 100 MB text took a gigabyte as one piece).

The text is cut at line ends after a full stop, each chunk at least ``chunk_chars`` long: no sentence,
paragraph or table spans such a cut (a table's rows end at a full stop, tables.TABLE_END). What the
stages read beyond a paragraph is decided once on the whole text and given to every chunk: the
structure (genre, title, year and parts), the document's region, what the text states most
(modality.prevailing), the period cue that lasts into the chunk from the text before it, and the last
note before it that the figures after it are estimates. Record
offsets index the whole text, and the records are those the whole text gives in one piece."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from mubiao.extract.doc import Doc, Outside
from mubiao.extract.measures import estimate_notes
from mubiao.extract.modality import prevailing
from mubiao.extract.period import PeriodCue
from mubiao.extract.pipeline import extract_document, run, structure
from mubiao.extract.structure import DocumentStructure
from mubiao.extract.wraps import reading_document, to_original, unwrap
from mubiao.knowledge import load
from mubiao.record import Document, TargetRecord

# a chunk's extraction state is some 100 MB at 2,000,000 characters (a 100 MB text peaked at 334 MiB
# with chunks of 2,000,000, at 251 MiB with chunks of 1,000,000; scripts/measure_memory.py)
CHUNK_CHARS = 1_000_000


@cache
def _cut() -> re.Pattern[str]:
    marks = "".join(load("structure")["chunks"]["after"])
    return re.compile(f"[{re.escape(marks)}][ \\t\\u3000]*\\n")


def cuts(text: str, chunk_chars: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk: the first cut at least ``chunk_chars`` after its start, or the end."""
    start = 0
    while start < len(text):
        cut = _cut().search(text, start + chunk_chars)
        end = cut.end() if cut else len(text)
        yield start, end
        start = end


def extract_in_chunks(document: Document, chunk_chars: int = CHUNK_CHARS) -> Iterator[list[TargetRecord]]:
    """The records of ``document`` a chunk at a time, in text order (one list when it is short)."""
    if len(document.text) <= chunk_chars:
        yield extract_document(document)
        return
    original = document.text
    unwrapped = unwrap(original)  # a text wrapped at a fixed width is cut and read unwrapped
    if unwrapped is not None:
        document = reading_document(document, unwrapped)
    whole = Doc(document)
    structure(whole)  # and the document's region
    modality = prevailing(document.text)
    notes = estimate_notes(document.text)
    carried: PeriodCue | None = None  # offsets into the whole text
    for start, end in cuts(document.text, chunk_chars):
        chunk = _chunk(document, whole.structure, start, end)
        i = bisect_left(notes, start) - 1
        note = notes[i] - start if i >= 0 else None
        doc = run(chunk, outside=Outside(_moved(carried, -start), modality, note))
        for record in doc.records:
            record.start += start
            record.end += start
        yield (
            doc.records
            if unwrapped is None
            else [to_original(record, original, unwrapped) for record in doc.records]
        )
        cue = doc.periods.lasting_at(end - start, doc.structure.part_at(end - start - 1))
        carried = _moved(cue, start)


def extract_all(document: Document) -> list[TargetRecord]:
    """Every record of ``document``, extracted a chunk at a time: for a caller that keeps them all
    (ingest stores a document's records in one transaction), the records are held, the extractor's
    own state only a chunk's."""
    return [record for records in extract_in_chunks(document) for record in records]


def _chunk(document: Document, whole: DocumentStructure, start: int, end: int) -> Document:
    """text[start:end] of ``document`` with its metadata, and its structure and pages moved to it."""
    first_page = document.page_at(start)
    pages = [(o - start, n) for o, n in document.page_starts if start < o < end]
    return replace(
        document,
        text=document.text[start:end],
        page_starts=([(0, first_page)] if first_page is not None else []) + pages,
        structure=whole.within(start, end),
    )


def _moved(cue: PeriodCue | None, by: int) -> PeriodCue | None:
    if cue is None:
        return None
    reach = None if cue.reach is None else cue.reach + by
    return replace(cue, start=cue.start + by, end=cue.end + by, reach=reach)
