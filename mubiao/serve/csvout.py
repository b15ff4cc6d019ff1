"""CSV downloads, streamed in batches so a large table never sits in memory whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from fastapi.responses import StreamingResponse


def csv_lines(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    # a byte-order mark so that spreadsheet programs read the Chinese text as UTF-8
    buffer.write("\ufeff")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_or_json(what: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a route that answers with JSON, or CSV given ``format=csv``."""
    return {200: {"content": {"text/csv": {}}, "description": f"{what} as JSON, or CSV with format=csv"}}


def csv_response(columns: Sequence[str], rows: Iterable[dict[str, Any]], filename: str) -> StreamingResponse:
    return StreamingResponse(
        csv_lines(columns, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
