"""Reads the example tables of tests/examples/*.tsv: one row one real string and what it must give."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"
# columns that are no expected field
NOT_FIELDS = ("text", "value_text", "published", "source", "xfail")


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``tests/examples/<name>.tsv``; lines starting with ``#`` are comments."""
    with open(EXAMPLES / f"{name}.tsv", encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))


def fields(row: dict[str, str]) -> dict[str, str]:
    """The expected fields of a row: its columns but text, value_text, published, source and xfail;
    an empty cell is not checked."""
    return {k: v for k, v in row.items() if k not in NOT_FIELDS and v}
