"""Cut the inputs of a job into partitions of bounded size.

A corpus file (CSV, JSONL, Parquet, WARC: many documents in one file) is cut into row ranges;
other files (one document each) are grouped. Where a corpus can be entered in the middle
(uncompressed JSONL and CSV, WARC), the row ranges are cut at record starts found in one pass
over the file and carry their byte offsets, so a worker seeks to its range instead of reading
the file up to it; compressed JSONL/CSV are read up to the range. A partition's key names its
sources, their row ranges and the SHA-256 of their bytes, so a finished partition is recognised
on a rerun and a changed file is redone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mubiao.ingest import IngestOptions, Span, count_units, record_starts
from mubiao.ingest.sources import document_name
from mubiao.scale.defaults import PARTITION_BYTES, PARTITION_SIZE

HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputInfo:
    """What the planner needs to know about one input file."""

    path: str
    units: int  # documents in the file (rows of a corpus, 1 for a single document)
    size: int  # bytes
    sha256: str
    spans: tuple[Span, ...] | None = None  # a corpus cut where records start, when it can be sought in


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    rows: tuple[int, int] | None  # [start, stop) rows of a corpus; None for the whole file
    sha256: str
    span: Span | None = None  # where the rows are in the file, to seek to them

    def row_range(self) -> range | None:
        return None if self.rows is None else range(*self.rows)

    def label(self) -> str:
        name = document_name(self.path)  # written to the errors table and the manifest, as text
        return name if self.rows is None else f"{name}[{self.rows[0]}:{self.rows[1]}]"


@dataclass(frozen=True, slots=True)
class Partition:
    sources: tuple[Source, ...]
    documents: int  # expected, for progress
    size: int  # bytes, estimated for row ranges

    @property
    def key(self) -> str:
        spec = [[s.path, list(s.rows) if s.rows else None, s.sha256] for s in self.sources]
        # a file name that is not UTF-8 (GBK from a Windows ZIP) hashes as its bytes
        text = json.dumps(spec, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def label(self) -> str:
        first = self.sources[0].label()
        return first if len(self.sources) == 1 else f"{first} (+{len(self.sources) - 1} files)"


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe_input(
    path: str,
    options: IngestOptions,
    partition_size: int = PARTITION_SIZE,
    partition_bytes: int = PARTITION_BYTES,
) -> InputInfo:
    """Count, hash and (a corpus that can be sought in) cut one input; runs on a worker, since
    each reads the whole file."""
    size = Path(path).stat().st_size
    try:
        starts = record_starts(path)
        spans = None if starts is None else cut_spans(starts, size, partition_size, partition_bytes)
    except Exception:  # noqa: BLE001 — cut by row counts instead; reading the file reports what is wrong
        spans = None
    units = count_units(path, options) if spans is None else (spans[-1].end_row if spans else 0)
    return InputInfo(path, units, size, file_sha256(path), None if spans is None else tuple(spans))


def cut_spans(
    starts: Iterable[tuple[int, int]], size: int, partition_size: int, partition_bytes: int
) -> list[Span]:
    """Spans of at most ``partition_size`` rows and about ``partition_bytes`` bytes (a span ends
    before the first record that starts that far into it), from the (row, byte offset) of each
    record start, in file order; the last span ends at ``size``, the end of the file."""
    spans: list[Span] = []
    first: tuple[int, int] | None = None  # row and offset of the current span's first record
    last_row = -1
    for row, offset in starts:
        if first is None:
            first = (row, offset)
        elif row - first[0] >= partition_size or offset - first[1] >= partition_bytes:
            spans.append(Span(first[0], row, first[1], offset))
            first = (row, offset)
        last_row = row
    if first is not None:
        spans.append(Span(first[0], last_row + 1, first[1], size))
    return spans


def plan_partitions(
    inputs: Iterable[InputInfo], partition_size: int, partition_bytes: int
) -> Iterator[Partition]:
    """Partitions of at most ``partition_size`` documents and about ``partition_bytes`` bytes
    (a single file larger than that is one partition), in input order."""
    group: list[InputInfo] = []

    def flush() -> Iterator[Partition]:
        if group:
            sources = tuple(Source(i.path, None, i.sha256) for i in group)
            yield Partition(sources, documents=sum(i.units for i in group), size=sum(i.size for i in group))
            group.clear()

    for info in inputs:
        if info.units > 1:
            yield from flush()
            yield from _row_ranges(info, partition_size, partition_bytes)
            continue
        if group and (
            len(group) >= partition_size or sum(i.size for i in group) + info.size > partition_bytes
        ):
            yield from flush()
        group.append(info)
    yield from flush()


def _row_ranges(info: InputInfo, partition_size: int, partition_bytes: int) -> Iterator[Partition]:
    if info.spans is not None:
        for span in info.spans:
            source = Source(info.path, (span.first_row, span.end_row), info.sha256, span)
            yield Partition((source,), documents=span.end_row - span.first_row, size=span.stop - span.start)
        return
    row_bytes = max(1, info.size // info.units)
    step = max(1, min(partition_size, partition_bytes // row_bytes))
    for start in range(0, info.units, step):
        stop = min(start + step, info.units)
        source = Source(info.path, (start, stop), info.sha256)
        yield Partition((source,), documents=stop - start, size=(stop - start) * row_bytes)
