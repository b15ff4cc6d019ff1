"""Write every table of a store in one format, and the codebook beside them."""

from __future__ import annotations

from pathlib import Path

from mubiao.export.codebook import typed, write_codebook
from mubiao.export.tables import tables
from mubiao.export.writers import WRITERS
from mubiao.store.db import Store
from mubiao.track import Tolerance


def export(
    store: Store,
    directory: Path,
    fmt: str,
    *,
    tolerance: Tolerance | None = None,
    reviewed_only: bool = False,
) -> list[Path]:
    """Write ``records``, ``documents`` and ``tracking`` in ``fmt`` and the codebook into
    ``directory`` (created if needed); the paths written. ``reviewed_only``: records and tracking
    from the records people accepted, corrected or added only."""
    extension, writer = WRITERS[fmt]
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    described: dict[str, tuple[str, list[str], dict[str, str]]] = {}
    with store.session() as session:
        frames = tables(session, tolerance, reviewed_only)
    for table, frame in frames.items():
        path = directory / f"{table}.{extension}"
        renamed = writer(typed(frame, table), path, table)
        described[table] = (path.name, list(frame.columns), renamed)
        written.append(path)
    return written + write_codebook(directory, described)
