"""Export the store's tables (records, documents, tracking) as CSV, Parquet, Stata or JSON Lines,
with a codebook beside them. ``export`` loads pandas on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

FORMATS = ("csv", "parquet", "dta", "jsonl")

if TYPE_CHECKING:
    from mubiao.export.run import export

__all__ = ["FORMATS", "export"]


def __getattr__(name: str) -> Any:
    if name == "export":
        from mubiao.export.run import export

        return export
    raise AttributeError(f"module 'mubiao.export' has no attribute {name!r}")
