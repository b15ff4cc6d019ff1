"""Write tables of a store in one or more formats, and the codebook beside them.

Each table is read from the store a batch of rows at a time and each batch written to every
format's file at once, so that memory holds a batch, not the table (Stata's file excepted:
``writers.DtaWriter``). A file is written under a temporary name and takes its own when
complete: an export that fails leaves no half-written file behind."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from mubiao.export.codebook import typed, write_codebook
from mubiao.export.writers import WRITERS, CsvWriter
from mubiao.store.db import Store
from mubiao.track import Tolerance


def export(
    store: Store,
    directory: Path,
    fmt: str | Sequence[str],
    *,
    tolerance: Tolerance | None = None,
    reviewed_only: bool = False,
    panel: bool = False,
    bom: bool = False,
) -> list[Path]:
    """Write ``records``, ``documents`` and ``tracking`` (or, with ``panel``, the research panel
    alone) in each format of ``fmt`` and the codebook into ``directory`` (created if needed); the
    paths written. ``reviewed_only``: records and tracking from the records people accepted,
    corrected or added only. ``bom``: the CSV files (the codebook's too) begin with a byte-order
    mark, for Excel."""
    formats = [fmt] if isinstance(fmt, str) else list(fmt)
    directory.mkdir(parents=True, exist_ok=True)
    described: dict[str, tuple[str, list[str], dict[str, str]]] = {}
    with store.session() as session:
        if panel:
            from mubiao.export.panel import panel_batches

            batches = {"panel": panel_batches(session, tolerance, reviewed_only)}
        else:
            from mubiao.export.tables import tables

            batches = tables(session, tolerance, reviewed_only)
        for table, frames in batches.items():
            paths = [directory / f"{table}.{WRITERS[one][0]}" for one in formats]
            columns, renamed = _write(table, frames, formats, paths, bom)
            described[table] = (", ".join(path.name for path in paths), columns, renamed)
    written = [directory / f"{table}.{WRITERS[one][0]}" for one in formats for table in described]
    return written + write_codebook(directory, described, bom=bom)


def _write(
    table: str, frames: Iterator[pd.DataFrame], formats: list[str], paths: list[Path], bom: bool
) -> tuple[list[str], dict[str, str]]:
    """Every batch of ``frames`` into each format's file; the table's columns and their names
    in the files where they differ."""
    parts = [path.with_name(path.name + ".part") for path in paths]
    try:
        writers = [
            CsvWriter(part, table, bom=True) if one == "csv" and bom else WRITERS[one][1](part, table)
            for one, part in zip(formats, parts, strict=True)
        ]
        columns: list[str] = []
        for frame in frames:
            columns = list(frame.columns)
            batch = typed(frame, table)
            for writer in writers:
                writer.write(batch)
        renamed: dict[str, str] = {}
        for writer in writers:
            renamed.update(writer.close())
    except BaseException:
        for part in parts:
            part.unlink(missing_ok=True)
        raise
    for part, path in zip(parts, paths, strict=True):
        os.replace(part, path)
    return columns, renamed
