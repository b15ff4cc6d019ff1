"""A corpus of many small documents made from a few long texts, for tests and benchmarks:
each paragraph becomes one JSONL row, cycling through the texts until ``n_docs`` rows."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import cycle, islice
from pathlib import Path

PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def paragraphs(text: str, min_chars: int) -> list[str]:
    return [p for p in PARAGRAPH_BREAK.split(text.strip()) if len(p) >= min_chars]


def paragraph_rows(files: Iterable[Path], n_docs: int, min_chars: int = 20) -> Iterator[dict[str, str]]:
    """Rows with ``id``, ``title`` and ``full_text`` (the default text column); the id names the file, the pass and the paragraph."""
    units = [
        (path.stem, index, paragraph)
        for path in files
        for index, paragraph in enumerate(paragraphs(path.read_text(encoding="utf-8-sig"), min_chars))
    ]
    if not units:
        raise ValueError("no paragraphs in the given texts")
    for number, (stem, index, paragraph) in enumerate(islice(cycle(units), n_docs)):
        yield {"id": f"{stem}/{number // len(units)}/{index}", "title": stem, "full_text": paragraph}


def write_jsonl(rows: Iterable[dict[str, str]], path: Path) -> int:
    """Write one JSON object per line; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
