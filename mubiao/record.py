"""The one record type (and the Document it points into) shared by every stage.

Field meanings are those of ``shared/spec/target-records.md``; ``region``, ``region_code``,
``published`` and ``page`` come from the document's metadata.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from typing import Any

MEASURES = ("growth", "level", "change")
COMPARATORS = ("eq", "approx", "ge", "gt", "le", "lt", "range")
MODALITIES = ("target", "actual", "estimate")


@dataclass(slots=True)
class TargetRecord:
    doc: str
    start: int
    end: int
    value_text: str
    quote: str
    indicator_text: str
    indicator: str | None
    measure: str
    value_low: float | None
    value_high: float | None
    comparator: str
    unit: str
    modality: str
    period: str | None
    annual_average: bool = False
    hedge: str | None = None
    region: str | None = None
    region_code: str | None = None
    published: str | None = None
    page: int | None = None
    # the indicator id, else the name normalised (mubiao.taxonomy.key): groups records of one indicator
    indicator_key: str | None = None
    # the benchmark of a gap or relative target as written (全国, 全省平均水平); None for other records
    relative_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value: no deep copy (dataclasses.asdict) needed, which took most
        # of the time of exporting records
        return {name: getattr(self, name) for name in RECORD_FIELDS}

    def to_json(self) -> str:
        return _JSON.encode(self.to_dict())

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> TargetRecord:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TargetRecord))
# one encoder for every record (json.dumps with an option of its own makes an encoder each call)
_JSON = json.JSONEncoder(ensure_ascii=False)


@dataclass(slots=True)
class Document:
    """A text and what is known about it. Record offsets index ``text``."""

    text: str
    id: str = "-"
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, or None when unknown
    region: str | None = None
    region_code: str | None = None
    source: str | None = None
    author: str | None = None
    url: str | None = None
    # (offset, page number) pairs, ascending: the page that starts at each offset (PDF input)
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    # what the extractor's structure stage found (mubiao.extract.structure.DocumentStructure), once
    # ingest has run it: genre, title, publication year and its source, parts
    structure: Any = None
    # what reading the input noticed but did not refuse it for (bytes replaced, a BOM ignored),
    # shown as one line each
    warnings: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The page holding ``offset``, when the document has pages."""
        if not self.page_starts:
            return None
        i = bisect_right(self.page_starts, (offset, float("inf"))) - 1
        return self.page_starts[i][1] if i >= 0 else None
