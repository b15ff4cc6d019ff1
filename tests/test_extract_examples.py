"""Walks tests/examples/records.jsonl: sentences and the records they must give."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from mubiao import extract

EXAMPLES = Path(__file__).parent / "examples" / "records.jsonl"
ROWS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else []
        yield pytest.param(row, id=f"{row['source']}: {row['text'][:24]}", marks=marks)


def _same(expected, got) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and got is not None:
        return math.isclose(float(expected), float(got), rel_tol=1e-9)
    return expected == got


@pytest.mark.parametrize("row", list(_params()))
def test_records(row: dict) -> None:
    records = extract(row["text"], published=row.get("published"))
    assert [r.value_text for r in records] == [e["value_text"] for e in row["expect"]]
    for record, expected in zip(records, row["expect"], strict=True):
        assert row["text"][record.start : record.end] == record.value_text
        assert record.value_text in record.quote and record.quote in row["text"]
        wrong = {k: (v, getattr(record, k)) for k, v in expected.items() if not _same(v, getattr(record, k))}
        assert not wrong, f"{record.value_text}: (expected, got) {wrong}"


def test_same_input_same_output() -> None:
    text = "\n".join(row["text"] for row in ROWS)
    first = [r.to_json() for r in extract(text, published="2026-02-01")]
    assert first == [r.to_json() for r in extract(text, published="2026-02-01")]
    assert first
