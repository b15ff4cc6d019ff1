"""One writer per format. Stata's limits are handled here: variable names of at most 32
characters from [A-Za-z0-9_], labels of at most 80 (cut after a word; the full description is the
variable's note), no missing strings (empty instead), numbers and booleans (0/1) as doubles with
Stata's missing value, timestamps without a time zone (UTC), dates as Stata dates, categories
(status, comparator, measure, modality) as codes with value labels (``mubiao.export.stata``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from mubiao.export.codebook import CSV_ENCODING, column
from mubiao.export.stata import (
    DATE_FORMAT,
    LABEL_LIMIT,
    VALUE_LABELS,
    add_notes,
    coded,
    short_label,
    stata_dates,
)

STATA_NAME_LIMIT = 32
# Words Stata reserves: not usable as variable names.
STATA_RESERVED = frozenset(
    [
        "_all",
        "_b",
        "byte",
        "_coef",
        "_cons",
        "double",
        "float",
        "if",
        "in",
        "int",
        "long",
        "_n",
        "_N",
        "_pi",
        "_pred",
        "_rc",
        "_skip",
        "strL",
        "using",
        "with",
    ]
)


def stata_names(columns: list[str]) -> dict[str, str]:
    """Column → a valid, unique Stata variable name."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for name in columns:
        clean = re.sub(r"[^A-Za-z0-9_]", "_", name)
        if not re.match(r"[A-Za-z_]", clean) or clean in STATA_RESERVED:
            clean = "v_" + clean
        clean = clean[:STATA_NAME_LIMIT]
        candidate, n = clean, 1
        while candidate in taken:
            suffix = f"_{n}"
            candidate, n = clean[: STATA_NAME_LIMIT - len(suffix)] + suffix, n + 1
        taken.add(candidate)
        names[name] = candidate
    return names


def _plain_timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for name in frame.columns:
        if isinstance(frame[name].dtype, pd.DatetimeTZDtype):
            frame[name] = frame[name].dt.tz_convert("UTC").dt.tz_localize(None)
    return frame


class TableWriter(Protocol):
    """Writes one table to one file, a batch of rows at a time; ``close`` finishes the file and
    gives each column's name in the file where it differs from the table's."""

    def write(self, frame: pd.DataFrame) -> None: ...

    def close(self) -> dict[str, str]: ...


class CsvWriter:
    """``bom``: the file begins with UTF-8's byte-order mark, without which Excel reads it in the
    system's code page (GBK on a Chinese Windows) and shows the Chinese garbled."""

    def __init__(self, path: Path, table: str, *, bom: bool = False) -> None:
        encoding = CSV_ENCODING[bom]
        self.handle = open(path, "w", encoding=encoding, newline="")  # noqa: SIM115 — closed by close()
        self.header = True

    def write(self, frame: pd.DataFrame) -> None:
        frame.to_csv(self.handle, index=False, header=self.header)
        self.header = False

    def close(self) -> dict[str, str]:
        self.handle.close()
        return {}


class JsonlWriter:
    def __init__(self, path: Path, table: str) -> None:
        self.handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 — closed by close()

    def write(self, frame: pd.DataFrame) -> None:
        self.handle.write(frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso"))

    def close(self) -> dict[str, str]:
        self.handle.close()
        return {}


class ParquetWriter:
    """One row group per batch, with the schema (pandas metadata included) of the first."""

    def __init__(self, path: Path, table: str) -> None:
        self.path = path
        self.writer: Any = None

    def write(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        batch = pa.Table.from_pandas(frame, preserve_index=False)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.path, batch.schema)
        self.writer.write_table(batch)

    def close(self) -> dict[str, str]:
        self.writer.close()
        return {}


class DtaWriter:
    """Stata's file is written whole: its header holds the number of rows and each string
    variable's width, and neither pyreadstat nor pandas' StataWriter writes rows in batches, so
    the batches are put together first (memory grows with the table, as it does in Stata)."""

    def __init__(self, path: Path, table: str) -> None:
        self.path, self.table = path, table
        self.frames: list[pd.DataFrame] = []

    def write(self, frame: pd.DataFrame) -> None:
        self.frames.append(frame)

    def close(self) -> dict[str, str]:
        frame = pd.concat(self.frames, ignore_index=True) if len(self.frames) > 1 else self.frames[0]
        self.frames = []
        return write_dta(frame, self.path, self.table)


def write_dta(frame: pd.DataFrame, path: Path, table: str) -> dict[str, str]:
    import pyreadstat

    renamed = stata_names(list(frame.columns))
    frame = _plain_timestamps(frame)
    value_labels: dict[str, dict[int | float, str]] = {}
    formats: dict[str, str] = {}
    for name in frame.columns:
        entry = column(table, name)
        if name in VALUE_LABELS and entry.type == "string":
            frame[name], labels = coded(frame[name], VALUE_LABELS[name])
            value_labels[renamed[name]] = dict(labels)
        elif entry.unit == "date" and entry.type == "string":
            frame[name] = stata_dates(frame[name])
            formats[renamed[name]] = DATE_FORMAT
        elif entry.type == "string":
            frame[name] = frame[name].fillna("").astype(object)
        elif entry.type == "integer" and frame[name].notna().all():
            frame[name] = frame[name].astype("int32")
        elif entry.type != "timestamp":
            frame[name] = frame[name].astype("float64")  # Stata's missing value is a float's NaN
    descriptions = {name: column(table, name).description for name in frame.columns}
    frame = frame.rename(columns=renamed)
    pyreadstat.write_dta(
        frame,
        str(path),
        file_label=short_label(f"mubiao {table}"),
        column_labels=[short_label(text) for text in descriptions.values()],
        variable_value_labels=value_labels,
        variable_format=formats,
    )
    add_notes(path, {renamed[n]: text for n, text in descriptions.items() if len(text) > LABEL_LIMIT})
    return {name: stata for name, stata in renamed.items() if stata != name}


# format → (extension, the writer of a table's file)
WRITERS: dict[str, tuple[str, Callable[[Path, str], TableWriter]]] = {
    "csv": ("csv", CsvWriter),
    "parquet": ("parquet", ParquetWriter),
    "dta": ("dta", DtaWriter),
    "jsonl": ("jsonl", JsonlWriter),
}
