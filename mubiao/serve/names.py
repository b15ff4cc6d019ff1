"""Display names (Chinese and English) of the core indicator ids, from
``mubiao/knowledge/indicator_names.tsv``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def indicator_names() -> dict[str, dict[str, str]]:
    """``{"gdp": {"zh": "地区生产总值", "en": "Gross regional product (GDP)"}, ...}``"""
    text = resources.files("mubiao.knowledge").joinpath("indicator_names.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["id"]: {"zh": row["zh"], "en": row["en"]} for row in csv.DictReader(lines, delimiter="\t")}


def english_name(indicator: str | None) -> str | None:
    return indicator_names().get(indicator, {}).get("en") if indicator else None
