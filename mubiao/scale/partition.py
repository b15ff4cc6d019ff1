"""Cut the inputs of a job into partitions of bounded size.

A corpus file (CSV, JSONL, Parquet, WARC: many documents in one file) is cut into row ranges;
other files (one document each) are grouped. A partition's key names its sources, their row
ranges and the SHA-256 of their bytes, so a finished partition is recognised on a rerun and
a changed file is redone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mubiao.ingest import IngestOptions, count_units

HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputInfo:
    """What the planner needs to know about one input file."""

    path: str
    units: int  # documents in the file (rows of a corpus, 1 for a single document)
    size: int  # bytes
    sha256: str


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    rows: tuple[int, int] | None  # [start, stop) rows of a corpus; None for the whole file
    sha256: str

    def row_range(self) -> range | None:
        return None if self.rows is None else range(*self.rows)

    def label(self) -> str:
        return self.path if self.rows is None else f"{self.path}[{self.rows[0]}:{self.rows[1]}]"


@dataclass(frozen=True, slots=True)
class Partition:
    sources: tuple[Source, ...]
    documents: int  # expected, for progress
    size: int  # bytes, estimated for row ranges

    @property
    def key(self) -> str:
        spec = [[s.path, list(s.rows) if s.rows else None, s.sha256] for s in self.sources]
        return hashlib.sha256(json.dumps(spec, ensure_ascii=False).encode()).hexdigest()[:32]

    def label(self) -> str:
        first = self.sources[0].label()
        return first if len(self.sources) == 1 else f"{first} (+{len(self.sources) - 1} files)"


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe_input(path: str, options: IngestOptions) -> InputInfo:
    """Count and hash one input; runs on a worker, since both read the whole file."""
    return InputInfo(
        path=path, units=count_units(path, options), size=Path(path).stat().st_size, sha256=file_sha256(path)
    )


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
    row_bytes = max(1, info.size // info.units)
    step = max(1, min(partition_size, partition_bytes // row_bytes))
    for start in range(0, info.units, step):
        stop = min(start + step, info.units)
        source = Source(info.path, (start, stop), info.sha256)
        yield Partition((source,), documents=stop - start, size=(stop - start) * row_bytes)
