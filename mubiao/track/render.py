"""Tracking and escalation rows written out: CSV or JSON Lines (every column), an aligned terminal
table or a Markdown table (a few columns)."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, TextIO

from mubiao.track.escalation import ESCALATION_COLUMNS
from mubiao.track.history import HISTORY_COLUMNS
from mubiao.track.link import TRACKING_COLUMNS

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
# The tracking table in Markdown (README, docs/tracking-national.md): readable without the quotes.
TRACKING_MARKDOWN = (
    "indicator",
    "measure",
    "period",
    "target_text",
    "hedge",
    "outcome_text",
    "status",
    "margin",
    "unit",
    "target_doc",
    "outcome_doc",
)


@dataclass(frozen=True, slots=True)
class TableView:
    """The columns of one kind of table in each format."""

    columns: tuple[str, ...]  # csv and jsonl: every column
    brief: tuple[str, ...]  # the terminal table
    markdown: tuple[str, ...]


TRACKING_VIEW = TableView(TRACKING_COLUMNS, TRACKING_BRIEF, TRACKING_MARKDOWN)
ESCALATION_VIEW = TableView(ESCALATION_COLUMNS, ESCALATION_BRIEF, ESCALATION_BRIEF)
HISTORY_BRIEF = (
    "region",
    "level",
    "indicator_key",
    "measure",
    "period",
    "target_text",
    "hedge",
    "outcome_text",
    "status",
    "previous_target_text",
    "change_from_previous",
    "above_region",
    "above_target_text",
    "above_gap",
    "escalated",
)
HISTORY_VIEW = TableView(HISTORY_COLUMNS, HISTORY_BRIEF, HISTORY_BRIEF)
FORMATS = ("table", "csv", "jsonl", "markdown")


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


def write_table(rows: Sequence[dict[str, Any]], view: TableView, fmt: str, out: TextIO) -> None:
    """``rows`` in ``fmt`` (one of ``FORMATS``) to ``out``."""
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=view.columns)
        writer.writeheader()
        writer.writerows(rows)
    elif fmt == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif fmt == "markdown":
        out.write(markdown_table(rows, view.markdown) + "\n")
    else:
        out.write(text_table(rows, view.brief) + "\n")
