"""Dates in a document's own text: its publication date, when no metadata gives it, and the years of a
five-year plan (十四五)."""

from __future__ import annotations

import re

from mubiao.knowledge import load
from mubiao.numbers.numerals import parse_numeral

# Only the opening of a text is searched: bylines, datelines and speech dates live there.
HEAD_CHARS = 1500
# A date beside a source/time label (“时间：2026-02-09”, “2024-02-19 17:22 来源”) is the release.
# The patterns and words are in knowledge/dates.toml.
DATES = load("dates")
ISO_NEAR_LABEL = re.compile(DATES["patterns"]["near_label"], re.M)
LABELED = re.compile(DATES["patterns"]["labeled"])
# The date a report was delivered (“——2026年1月26日在…会议上”, the meeting's name may break the line),
# or a date on a line of its own under the title (“（2000年1月20日）”).
DELIVERED = re.compile(DATES["patterns"]["delivered"], re.M)
ANY_DATE = re.compile(DATES["patterns"]["any_date"])
# A date written in Chinese numerals (二〇一九年一月十四日), as reports print their delivery date.
NUMERAL_DATE = re.compile(DATES["patterns"]["numeral_date"])
YEAR_DIGITS = str.maketrans("".join(DATES["year_digits"]), "".join(DATES["year_digits"].values()))


def _iso(match: re.Match[str]) -> str | None:
    year, month, day = (int(g) for g in [g for g in match.groups() if g is not None][:3])
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dateline(text: str) -> str | None:
    """YYYY-MM-DD of a labelled release date, else of the speech (a date the text gives for itself)."""
    head = text[:HEAD_CHARS]
    for pattern in (LABELED, ISO_NEAR_LABEL, DELIVERED):
        for match in pattern.finditer(head):
            date = _iso(match)
            if date:
                return date
    return None


def find_delivered(text: str) -> str | None:
    """YYYY-MM-DD of the day a report says it was delivered (——2001年3月5日在…会议上, 二〇一九年一月
    十四日在…会议上, or a date on a line of its own under the title): the date it gives for itself."""
    head = text[:HEAD_CHARS]
    for match in DELIVERED.finditer(NUMERAL_DATE.sub(_digits, head)):
        if date := _iso(match):
            return date
    return None


def _digits(match: re.Match[str]) -> str:
    """二〇一九年一月十四日 → 2019年1月14日 (only the date is read from the result, not offsets)."""
    month, day = (int(parse_numeral(g)) for g in match.groups()[1:])
    words = DATES["words"]
    return f"{match.group(1).translate(YEAR_DIGITS)}{words['year']}{month}{words['month']}{day}{words['day']}"


def find_any_date(text: str) -> str | None:
    """The first date in the opening: the last resort of an undated text, after its own headings
    (a report's opening may recall a day of the year it reviews)."""
    for match in ANY_DATE.finditer(text[:HEAD_CHARS]):
        date = _iso(match)
        if date:
            return date
    return None


def five_year_plan(number: str) -> tuple[int, int]:
    """The years of the plan with this number (十四 of 十四五 → (2021, 2025), 九 of 九五 → (1996, 2000)):
    the Nth plan starts in 1981 + 5 (N - 6)."""
    start = 1981 + 5 * (int(parse_numeral(number)) - 6)
    return start, start + 4
