"""What a Stata user expects beyond pyreadstat's plain file: labels cut at a word, the full
descriptions kept as variable notes, categories with value labels, dates as Stata dates.

Notes are Stata characteristics (``var[note0]`` = how many, ``var[note1]`` = the text), which
pyreadstat does not write: they are added to the file it wrote, in its ``<characteristics>``
section, and the file's map of section offsets is moved by the added length (format: Stata's
dta 118/119 description, "characteristics" and "map").
"""

from __future__ import annotations

import struct
from pathlib import Path

import pandas as pd

from mubiao.record import COMPARATORS, MEASURES, MODALITIES
from mubiao.track.attainment import STATUSES

LABEL_LIMIT = 80
# Categorical columns and their values, in the order of their codes (1, 2, …).
VALUE_LABELS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "comparator": COMPARATORS,
    "measure": MEASURES,
    "modality": MODALITIES,
    "outcome_modality": MODALITIES,
}
# Name fields of a dta 118/119 characteristic: 128 bytes of UTF-8 and a terminating NUL.
NAME_BYTES = 129
# The map's entries from <data> on come after <characteristics> (entry 8) and move with it.
FIRST_MOVED_ENTRY = 9
MAP_ENTRIES = 14


def short_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` within ``limit`` characters, cut after a whole word with "..." when longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 3]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:(") + "..."


def coded(values: pd.Series, categories: tuple[str, ...]) -> tuple[pd.Series, dict[int, str]]:
    """``values`` as codes 1… of ``categories`` (missing stays missing) and the value labels."""
    codes = {name: i for i, name in enumerate(categories, 1)}
    return values.map(codes).astype("float64"), {i: name for name, i in codes.items()}


STATA_EPOCH = pd.Timestamp("1960-01-01")
DATE_FORMAT = "%td"


def stata_dates(values: pd.Series) -> pd.Series:
    """YYYY-MM-DD texts as Stata dates: days since 1960-01-01 (shown as dates by the ``%td`` format
    the column is given); anything else missing. Numbers, not date objects: pyreadstat guesses an
    object column's type from its first hundred or so values, and a column that begins with more
    missing dates than that was taken for text, which failed at the first date."""
    parsed = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    return ((parsed - STATA_EPOCH).dt.days).astype("float64")


def _characteristic(byteorder: str, variable: str, name: str, contents: str) -> bytes:
    def field(text: str) -> bytes:
        raw = text.encode("utf-8")[: NAME_BYTES - 1]
        return raw + b"\0" * (NAME_BYTES - len(raw))

    body = field(variable) + field(name) + contents.encode("utf-8") + b"\0"
    return b"<ch>" + struct.pack(byteorder + "I", len(body)) + body + b"</ch>"


def add_notes(path: Path, notes: dict[str, str]) -> None:
    """Variable name → note, written into the dta file at ``path`` (as Stata's ``notes`` does)."""
    data = path.read_bytes()
    byteorder = "<" if b"<byteorder>LSF</byteorder>" in data[:200] else ">"
    tag = b"<characteristics>"
    at = data.index(tag) + len(tag)
    added = b"".join(
        _characteristic(byteorder, variable, "note0", "1")
        + _characteristic(byteorder, variable, "note1", text)
        for variable, text in notes.items()
    )
    map_at = data.index(b"<map>") + len(b"<map>")
    entry = struct.Struct(byteorder + "Q")
    offsets = [entry.unpack_from(data, map_at + 8 * i)[0] for i in range(MAP_ENTRIES)]
    moved = [o + len(added) if i >= FIRST_MOVED_ENTRY else o for i, o in enumerate(offsets)]
    new_map = b"".join(entry.pack(o) for o in moved)
    data = data[:map_at] + new_map + data[map_at + 8 * MAP_ENTRIES : at] + added + data[at:]
    path.write_bytes(data)
