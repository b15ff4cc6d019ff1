"""Values in statistical tables that a PDF's text layer flattened into runs of numbers:

    表1：2021年地区生产总值及其增长速度
    指标2021年（亿元）比上年增长（%）
    地区生产总值19917.0 8.6

A table starts at a caption (表N：…); its header names the numeric columns in order (a level in the
unit written in brackets, or in each row's own unit when the header has 单位; a growth rate in %; an
index); each row is a label, perhaps a unit, and one number per column. Rows may share a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from mubiao.knowledge import load

# the words and patterns of tables (knowledge/tables.toml)
WORDS = load("tables")
# a caption's title ends at a title's usual last words, else with its line
CAPTION = re.compile(WORDS["caption"])
# where a table's rows end: a sentence, a figure, a section or page marker, the next table
TABLE_END = re.compile(WORDS["table_end"])
COLUMN = re.compile(WORDS["column"])
NUMBER = re.compile(r"-?\d+(?:\.\d+)?|—")
# the header ends where the first row's number is written (a year in the header is no row's number)
FIRST_VALUE = re.compile(WORDS["first_value"])


@dataclass(slots=True)
class TableValue:
    start: int
    end: int
    value: float
    unit: str
    measure: str  # level | growth
    label: str
    row_start: int
    row_end: int
    column_head: str = ""  # what a level column says it measures (产量), part of each row's name
    table: int = 0  # where the table's caption starts
    child: bool = False  # a row marked # is a part of the row above it that is not so marked
    name: str = ""  # the indicator's name, set by the names stage from label, column and parent row


@dataclass(slots=True)
class _Column:
    kind: str  # level | growth | index
    unit: str | None = None  # canonical unit of a level column, None: each row's own
    factor: float = 1.0
    head: str = ""


@cache
def _unit_pattern() -> tuple[re.Pattern[str], dict, dict]:
    units = load("units")
    scale, table = units["scale"], units["units"]
    alternation = "|".join(re.escape(u) for u in sorted(table, key=len, reverse=True))
    scales = "|".join(re.escape(s) for s in sorted(scale, key=len, reverse=True))
    gap = WORDS["cell_gap"]
    row = re.compile(
        rf"(?P<label>{WORDS['row_label']}){gap}(?P<unit>(?:{scales})?(?:{alternation}))?"
        rf"(?P<numbers>(?:\s*{gap}(?:-?\d+(?:\.\d+)?|—))+)"
    )
    return row, scale, table


def _unit_of(written: str) -> tuple[str, float] | None:
    """Canonical unit and factor of a unit written with its scale (亿元 → CNY, 1e8)."""
    _, scale, table = _unit_pattern()
    for word in sorted(scale, key=len, reverse=True):
        if written.startswith(word) and written[len(word) :] in table:
            canonical, factor = table[written[len(word) :]]
            return canonical, scale[word] * factor
    if written in table:
        canonical, factor = table[written]
        return canonical, float(factor)
    return None


def _columns(header: str) -> tuple[list[_Column], int]:
    """The numeric columns a header names, and where the header ends."""
    columns: list[_Column] = []
    end = 0
    for m in COLUMN.finditer(header):
        if m["growth"]:
            columns.append(_Column("growth", "%"))
        elif m["index"]:
            columns.append(_Column("index", "index"))
        elif m["unit"]:
            unit = _unit_of(m["written"])
            if unit is None:
                continue
            if columns and columns[-1].kind == "level" and columns[-1].unit is None:
                columns[-1].unit, columns[-1].factor = unit  # 2021年（亿元）: the year's column, in 亿元
            else:
                columns.append(_Column("level", *unit))
        else:
            columns.append(_Column("level", head="" if m["plain"][0].isdigit() else m["plain"]))
        end = m.end()
    return columns, end


def find_table_values(text: str) -> list[TableValue]:
    """Every number in the tables of ``text``, with the column and row it belongs to."""
    word = WORDS["table_word"]
    if not text.startswith(word) and "\n" + word not in text:
        return []  # a caption opens its line; (代表, 发表…: the word alone is in most texts)
    row_pattern, _, _ = _unit_pattern()
    values: list[TableValue] = []
    for caption in CAPTION.finditer(text):
        stop = TABLE_END.search(text, caption.end())
        region_end = stop.start() if stop else len(text)
        first_value = FIRST_VALUE.search(text, caption.end(), region_end)
        columns, header_end = _columns(
            text[caption.end() : first_value.start() if first_value else region_end]
        )
        if not columns:
            continue
        rows_start = caption.end() + header_end
        has_unit_column = WORDS["unit_column"] in text[caption.end() : rows_start]
        for row in row_pattern.finditer(text, rows_start, region_end):
            for value in _row_values(row, columns, has_unit_column):
                value.table = caption.start()
                values.append(value)
    return values


def _row_values(row: re.Match[str], columns: list[_Column], has_unit_column: bool) -> list[TableValue]:
    numbers = list(NUMBER.finditer(row.string, row.start("numbers"), row.end("numbers")))
    if len(numbers) != len(columns):
        return []
    label = row["label"].lstrip("#")
    for opening in WORDS["part_of"]:
        label = label.removeprefix(opening)
    row_unit = _unit_of(row["unit"]) if row["unit"] and has_unit_column else None
    if row["unit"] and not has_unit_column:
        label += row["unit"]  # 住户存款: with no unit column, a unit's spelling ends a label
    values = []
    for number, column in zip(numbers, columns, strict=True):
        if number.group() == "—":
            continue
        unit, factor = (column.unit, column.factor) if column.unit else (row_unit or ("", 1.0))
        if not unit:
            continue
        values.append(
            TableValue(
                number.start(),
                number.end(),
                float(f"{float(number.group()) * factor:.12g}"),
                unit,
                "growth" if column.kind == "growth" else "level",
                label,
                row.start(),
                row.end(),
                column_head=column.head,
                child=row["label"].startswith("#"),
            )
        )
    return values
