"""Walks tests/examples/numbers*.tsv and numerals.tsv: value expressions, texts with no value, numerals."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
from growth_support import GROWTH_LIMIT, growth

from mubiao.numbers import find_mentions, parse_numeral, parse_value
from mubiao.numbers.scan import DIGITS_AND_MORE

EXAMPLES = Path(__file__).parent / "examples"


def _rows(name: str) -> list[dict[str, str]]:
    with open(EXAMPLES / name, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


@pytest.mark.parametrize("row", _rows("numbers.tsv"), ids=lambda r: r["text"])
def test_value_expression(row: dict[str, str]) -> None:
    mention = parse_value(row["text"])
    assert mention is not None, f"{row['text']!r} is not one whole value expression"
    assert mention.comparator == row["comparator"]
    assert mention.unit == row["unit"]
    low, high = _number(row["low"]), _number(row["high"])
    if mention.comparator in ("ge", "gt"):
        assert math.isclose(mention.low, low, rel_tol=1e-9)
    elif mention.comparator in ("le", "lt"):
        assert math.isclose(mention.high, high, rel_tol=1e-9)
    else:
        assert math.isclose(mention.low, low, rel_tol=1e-9)
        assert math.isclose(mention.high, high, rel_tol=1e-9)


@pytest.mark.parametrize("row", _rows("numbers_negative.tsv"), ids=lambda r: r["text"])
def test_no_value(row: dict[str, str]) -> None:
    found = [row["text"][m.start : m.end] for m in find_mentions(row["text"])]
    assert found == [], f"{row['why']}: found {found}"


@pytest.mark.parametrize("row", _rows("numerals.tsv"), ids=lambda r: r["text"])
def test_numerals(row: dict[str, str]) -> None:
    assert parse_numeral(row["text"]) == float(row["value"])


def test_offsets_index_the_original_text() -> None:
    text = "全年ＧＤＰ增长５．５％左右，总量突破１２００亿元"
    spans = [text[m.start : m.end] for m in find_mentions(text)]
    assert spans == ["５．５％左右", "突破１２００亿元"]


@pytest.mark.parametrize(
    "unit",
    ["1", "12345%", "一", "二", "1.", "1,", "5-", "1:", "1/", "1.5∶", "1万", "５%、", "三分之"],
    ids=repr,
)
def test_scan_time_is_linear_in_the_input(unit: str) -> None:
    """Runs of digits or numerals were read in time squared in their length (4,000 digits, 5 s)."""
    assert growth(find_mentions, unit, 10_000) < GROWTH_LIMIT


def test_a_megabyte_of_digits_is_no_value() -> None:
    assert find_mentions("1" * 1_000_000) == []
    assert [(m.start, m.unit) for m in find_mentions("1" * 1_000_000 + "%")] == [(0, "%")]


def test_the_scan_starts_at_every_digit() -> None:
    """The class the scan's first character is looked up in holds every character \\d matches."""
    first = re.compile(f"[{DIGITS_AND_MORE}]")
    assert [hex(c) for c in range(0x110000) if chr(c).isdecimal() and not first.match(chr(c))] == []
    assert find_mentions("增长\u0663%") != []  # (an Arabic-Indic digit)
