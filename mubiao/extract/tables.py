"""Values in statistical tables that a PDF's text layer flattened into runs of numbers:

    表1：2021年地区生产总值及其增长速度
    指标2021年（亿元）比上年增长（%）
    地区生产总值19917.0 8.6

A table starts at a caption (表N：…); its header names the numeric columns in order (a level in the
unit written in brackets, or in each row's own unit when the header has 单位; a growth rate in %; an
index); each row is a label, perhaps a unit, and one number per column. Rows may share a line.

A web page's table, as the HTML reader writes it, has a row a line and its cells between bars; it ends
with the first line that is no such row:

    表3：2019年主要农产品产量
    | 产 品 名 称 | 产 量（吨） | 增 长（%） |
    | 粮食 | 233460 | 0.7 |
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
WEB_ROW = WORDS["web_row"]
SPACES = re.compile(r"\s+")


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
        elif m["share"]:
            columns.append(_Column("level", "%"))
        elif m["absolute"]:
            columns.append(_Column("level"))
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
    if not text.startswith(word) and "\n" + word not in text and WEB_ROW not in text:
        return []  # a caption opens its line; (代表, 发表…: the word alone is in most texts)
    row_pattern, _, _ = _unit_pattern()
    values: list[TableValue] = []
    for caption in CAPTION.finditer(text):
        header_start = caption.end() + 1
        if text.startswith(WEB_ROW, header_start):
            values += _web_table(text, header_start, caption.start())
            continue
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
            for value in _pdf_row_values(row, columns, has_unit_column):
                value.table = caption.start()
                values.append(value)
    return values


def _web_table(text: str, header_start: int, table: int) -> list[TableValue]:
    """The values of a web page's table whose header row starts at ``header_start``: each row a line, its
    cells between bars (a label, perhaps a unit, a number a column); it ends with the first other line."""
    lines = []
    at = header_start
    while text.startswith(WEB_ROW, at):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        lines.append((at, end))
        at = end + 1
    header = SPACES.sub("", text[lines[0][0] : lines[0][1]])
    columns, _ = _columns(header)
    if not columns:
        return []
    has_unit_column = WORDS["unit_column"] in header
    values = []
    for start, end in lines[1:]:
        cells = _cells(text, start, end)
        if len(cells) < 2:
            continue
        label = SPACES.sub("", text[cells[0][0] : cells[0][1]])
        unit = ""
        if has_unit_column:
            unit, cells = text[cells[1][0] : cells[1][1]], cells[1:]
        numbers = [(a, b) for a, b in cells[1:] if a < b]  # (an empty cell closes many rows)
        if all(NUMBER.fullmatch(text, a, b) for a, b in numbers):
            for value in _row_values(text, numbers, label, unit, start, end, columns, has_unit_column):
                value.table = table
                values.append(value)
    return values


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a web table's row as (start, end) of their text without the white space around it."""
    cells = []
    at = start + len(WEB_ROW)
    while at < end:
        stop = text.find(WEB_ROW, at, end)
        stop = end if stop < 0 else stop
        first, last = at, stop
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        cells.append((first, last))
        at = stop + len(WEB_ROW)
    if cells and cells[-1][0] == cells[-1][1]:
        cells.pop()  # the white space after the last bar
    return cells


def _pdf_row_values(row: re.Match[str], columns: list[_Column], has_unit_column: bool) -> list[TableValue]:
    numbers = [m.span() for m in NUMBER.finditer(row.string, row.start("numbers"), row.end("numbers"))]
    label, unit = row["label"], row["unit"] or ""
    return _row_values(row.string, numbers, label, unit, row.start(), row.end(), columns, has_unit_column)


def _row_values(
    text: str,
    numbers: list[tuple[int, int]],
    written_label: str,
    written_unit: str,
    row_start: int,
    row_end: int,
    columns: list[_Column],
    has_unit_column: bool,
) -> list[TableValue]:
    if len(numbers) != len(columns):
        return []
    label = written_label.lstrip("#")
    for opening in WORDS["part_of"]:
        label = label.removeprefix(opening)
    row_unit = _unit_of(written_unit) if written_unit and has_unit_column else None
    if written_unit and not has_unit_column:
        label += written_unit  # 住户存款: with no unit column, a unit's spelling ends a label
    values = []
    for (start, end), column in zip(numbers, columns, strict=True):
        number = text[start:end]
        if number == "—":
            continue
        unit, factor = (column.unit, column.factor) if column.unit else (row_unit or ("", 1.0))
        if not unit:
            continue
        values.append(
            TableValue(
                start,
                end,
                float(f"{float(number) * factor:.12g}"),
                unit,
                "growth" if column.kind == "growth" else "level",
                label,
                row_start,
                row_end,
                column_head=column.head,
                child=written_label.startswith("#"),
            )
        )
    return values
