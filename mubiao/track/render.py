"""Tracking and escalation rows as text: an aligned terminal table or a Markdown table."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

# The columns worth a glance in a terminal; csv/jsonl carry them all.
TRACKING_BRIEF = (
    "region",
    "indicator",
    "measure",
    "period",
    "target_text",
    "hedge",
    "outcome_text",
    "status",
    "margin",
    "target_doc",
    "outcome_doc",
)
ESCALATION_BRIEF = (
    "level",
    "region",
    "region_code",
    "measure",
    "target_text",
    "hedge",
    "reference_region",
    "above_reference",
    "escalated",
    "doc",
)


# Document keys are paths or URLs; the brief views show their last part.
DOCUMENT_COLUMNS = frozenset({"target_doc", "outcome_doc", "doc"})


def brief_docs(row: dict[str, Any]) -> dict[str, Any]:
    return {k: PurePosixPath(v).name if k in DOCUMENT_COLUMNS and v else v for k, v in row.items()}


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Large whole amounts (persons, yuan) read better in full than as 3.22e+06.
        return f"{value:,.0f}" if abs(value) >= 1e6 and value.is_integer() else f"{value:.6g}"
    return str(value)


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[cell(row[c]) for c in columns] for row in map(brief_docs, rows)]
    widths = [max([width(c)] + [width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [list(columns), *cells]
    return "\n".join(
        "  ".join(value + " " * (w - width(value)) for value, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def markdown_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    def escape(value: Any) -> str:
        return cell(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(escape(row[c]) for c in columns) + " |" for row in map(brief_docs, rows)]
    return "\n".join(lines)
