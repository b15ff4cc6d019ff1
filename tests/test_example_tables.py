"""Walks the example tables of tests/examples/ (one a rule family), each row a real string:

- mention tables (units, bounds): the scan finds the value ``value_text`` in ``text`` with these fields;
- record tables (indicators, names, hedges, periods): ``extract`` gives a record of ``value_text`` in
  ``text`` (published on ``published``) with these fields;
- exclusions: the rule ``rule`` of knowledge/exclusions.toml drops a number of ``text`` (``-``: no rule
  may drop the value ``value_text``, which the scan finds);
- dates: the date finder ``finder`` reads ``date`` in an opening line ``text``;
- patterns: the pattern (or word) ``key`` of ``knowledge/<file>.toml`` finds ``match`` first in ``text``.

A cell ``-`` expects None, an empty cell is not checked; a row with ``xfail`` is a known failure,
checked strictly (when it starts passing, the test fails until the mark is removed).
"""

from __future__ import annotations

import math
import re

import pytest
from example_tables import fields, table

from mubiao import extract
from mubiao.extract.dates import find_any_date, find_dateline, find_delivered
from mubiao.extract.segment import SPACE, SPACE_OPENS
from mubiao.knowledge import load
from mubiao.numbers import find_exclusions, find_mentions

MENTION_TABLES = ("units", "bounds")
RECORD_TABLES = ("indicators", "names", "hedges", "periods")


def _params(names: tuple[str, ...]):
    for name in names:
        for number, row in enumerate(table(name), start=2):
            marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
            yield pytest.param(
                row, id=f"{name}:{number}: {row['text'][:20]} {row.get('value_text', '')}", marks=marks
            )


def _same(expected: str, got: object) -> bool:
    if expected == "-":
        return got is None
    if isinstance(got, bool):
        return expected == str(got).lower()
    if isinstance(got, int | float):
        return math.isclose(float(expected), float(got), rel_tol=1e-9)
    return expected == got


def _check(row: dict[str, str], found: list) -> None:
    value_text = row["value_text"]
    assert found, f"no {value_text!r} in {row['text']!r}"
    wrong = {
        k: (v, getattr(found[0], k)) for k, v in fields(row).items() if not _same(v, getattr(found[0], k))
    }
    assert not wrong, f"{value_text}: (expected, got) {wrong}"


@pytest.mark.parametrize("row", list(_params(MENTION_TABLES)))
def test_mention(row: dict[str, str]) -> None:
    text = row["text"]
    _check(row, [m for m in find_mentions(text) if text[m.start : m.end] == row["value_text"]])


@pytest.mark.parametrize("row", list(_params(RECORD_TABLES)))
def test_record(row: dict[str, str]) -> None:
    records = extract(row["text"], published=row.get("published") or None)
    _check(row, [r for r in records if r.value_text == row["value_text"]])


@pytest.mark.parametrize("row", list(_params(("exclusions",))))
def test_exclusion(row: dict[str, str]) -> None:
    text = row["text"]
    fired = {text[start:end]: rule for start, end, rule in find_exclusions(text)}
    if row["rule"] == "-":
        found = [text[m.start : m.end] for m in find_mentions(text)]
        assert row["value_text"] in found, f"{text!r}: found {found}, dropped {fired}"
    else:
        assert row["rule"] in fired.values(), f"{text!r}: dropped {fired}"


DATE_FINDERS = {"dateline": find_dateline, "delivered": find_delivered, "any": find_any_date}


@pytest.mark.parametrize("row", list(_params(("dates",))))
def test_date(row: dict[str, str]) -> None:
    expected = None if row["date"] == "-" else row["date"]
    assert DATE_FINDERS[row["finder"]](row["text"]) == expected


def knowledge_pattern(file: str, key: str) -> re.Pattern[str]:
    """The pattern at the dotted ``key`` of ``knowledge/<file>.toml``; a word is matched as written."""
    entry = load(file)
    for part in key.split("."):
        entry = entry[part]
    if "{space}" in entry:  # a pattern written for white space as captures spell it
        entry = entry.format(space=SPACE, space_opens=SPACE_OPENS)
    return re.compile(entry if any(ch in entry for ch in "[(\\^$") else re.escape(entry), re.M)


@pytest.mark.parametrize("row", list(_params(("patterns",))))
def test_pattern(row: dict[str, str]) -> None:
    m = knowledge_pattern(row["file"], row["key"]).search(row["text"])
    assert (m.group() if m else "-") == row["match"]
