"""Reading an exported table back, whatever its format, for tests of the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyreadstat


def read_export(path: Path) -> pd.DataFrame:
    """The table of an export file (.csv, .jsonl, .parquet or .dta), Stata's value labels applied."""
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix == ".jsonl":
        return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    frame, _ = pyreadstat.read_dta(str(path), apply_value_formats=True)
    return frame
