"""Write tables of a store in one or more formats, and the codebook beside them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mubiao.export.codebook import typed, write_codebook
from mubiao.export.writers import WRITERS
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
) -> list[Path]:
    """Write ``records``, ``documents`` and ``tracking`` (or, with ``panel``, the research panel
    alone) in each format of ``fmt`` and the codebook into ``directory`` (created if needed); the
    paths written. ``reviewed_only``: records and tracking from the records people accepted,
    corrected or added only."""
    formats = [fmt] if isinstance(fmt, str) else list(fmt)
    directory.mkdir(parents=True, exist_ok=True)
    with store.session() as session:
        if panel:
            from mubiao.export.panel import panel_table

            frames = {"panel": panel_table(session, tolerance, reviewed_only)}
        else:
            from mubiao.export.tables import tables

            frames = tables(session, tolerance, reviewed_only)
    written: list[Path] = []
    described: dict[str, tuple[str, list[str], dict[str, str]]] = {}
    for one in formats:
        extension, writer = WRITERS[one]
        for table, frame in frames.items():
            path = directory / f"{table}.{extension}"
            renamed = writer(typed(frame, table), path, table)
            files, _, earlier = described.get(table, ("", [], {}))
            described[table] = (
                f"{files}, {path.name}" if files else path.name,
                list(frame.columns),
                {**earlier, **renamed},
            )
            written.append(path)
    return written + write_codebook(directory, described)
