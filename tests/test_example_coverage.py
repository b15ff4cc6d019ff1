"""Every unit spelling, scale word, cue word and indicator name or alias of mubiao/knowledge has a
row of an example table in tests/examples/ that shows it at work in a real string (the walker,
tests/test_example_tables.py, checks the rows). What has no row yet is listed, with why, in
tests/examples/coverage_gaps.tsv; that list is checked strictly both ways: a new word without a
row fails, and so does a gap that has since got a row (remove it from the list)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
from example_tables import table

from mubiao.knowledge import load, rows
from mubiao.numbers.numerals import CHINESE_NUMERAL_CHARS


def _units() -> Iterable[str]:
    return load("units")["units"]


def _scale() -> Iterable[str]:
    return load("units")["scale"]


def _leading() -> Iterable[str]:
    return load("cues")["bounds"]["leading"]


def _trailing() -> Iterable[str]:
    return load("cues")["bounds"]["trailing"]


def _hedges() -> Iterable[str]:
    return load("cues")["hedges"]["words"]


def _periods() -> Iterable[str]:
    words = load("cues")["period"]
    return [*words["last_five_years"], *words["next_five_years"], *words["this_year"], *words["last_year"]]


def _numerals() -> Iterable[str]:
    numerals = load("numerals")
    return [
        *numerals["digits"],
        *numerals["small_units"],
        *numerals["large_units"],
        numerals["writing"]["decimal_point"],
        numerals["writing"]["more"],
    ]


def _scan_words() -> Iterable[str]:
    """The words of the scan (numerals.toml [scan]) as they show in a value: 上千, 5400多亿, 翻一番…"""
    scan = load("numerals")["scan"]
    yield from scan["more"]
    yield from (scan["multiple"], f"/{scan['per_year']}")
    yield from scan["word_form_starts"]  # each a first character of a word form (翻一番, 双位数)
    yield from (scan["reaching"] + amount for amount in scan["round_amounts"])
    yield from scan["share_colons"]
    yield from scan["slash"]  # each bar of a compound unit or a fraction (/, ／)
    yield from scan["implied_yuan"]["followed_by"]
    yield from scan["shared_unit"]["joiners"]


SCAN_PATTERNS = ("mixed", "range_separator", "unknown_unit")


def _scan_patterns() -> Iterable[str]:
    """Each pattern of the scan, and each word form (翻一番, 两位数…) by the name of its group."""
    yield from SCAN_PATTERNS
    yield from re.findall(r"\(\?P<(\w+)>", load("numerals")["scan"]["word_forms"])


def _date_patterns() -> Iterable[str]:
    return load("dates")["patterns"]


def _period_forms() -> Iterable[str]:
    """Each form of a year or span (periods.toml) by the name of its group."""
    return re.findall(r"\(\?P<(\w+)>", load("periods")["forms"])


# the patterns and words of the knowledge files that have rows in patterns.tsv, as file:key
PATTERNS = {
    "structure": [
        "title.year", "title.bulletin_year", "title.numeral_year", "title.wrap", "parts.heading_year", "parts.heading_plan", "parts.part_heading",
        "parts.line", "parts.not_in_heading", "parts.book_title", "parts.review_outright", "parts.inline_title_end",
        "parts.inline_line", "parts.paragraph_break", "parts.wrapped_before", "parts.wrapped_after",
        "genres.statistical_bulletin.head", "furniture.caption", "furniture.heading", "furniture.footnote_marker",
        "furniture.notes",
    ],
    "tables": ["table_word", "caption", "table_end", "column", "first_value", "row_label", "unit_column", "cell_gap",
               "web_row"],
    "ingest": [
        "title.site_separator", "title.copyright_suffix", "metadata.date", "pdf.heading", "boilerplate.sentence_marks",
    ],
    "regions": ["session"],
    "cues": ["bounds.yue"],
    "periods": ["at_value"],
    "relative": ["benchmark.spread"],
}  # fmt: skip


def _patterns() -> Iterable[str]:
    return [f"{file}:{key}" for file, keys in PATTERNS.items() for key in keys]


def _names() -> Iterable[str]:
    """Every spelling of the taxonomy, as ``id:spelling`` (one spelling may be two indicators' alias)."""
    for row in rows("taxonomy"):
        for spelling in [row["name"], *filter(None, row["aliases"].split("|"))]:
            yield f"{row['id']}:{spelling}"


def _has_unit(word: str) -> bool:
    return any(row["unit_text"] == word and not row["xfail"] for row in table("units"))


def _has_scale(word: str) -> bool:
    rows = [*table("units"), *table("bounds"), *table("numbers")]
    return any(word in row.get("value_text", row["text"]) for row in rows if not row.get("xfail"))


def _has_leading(word: str) -> bool:
    return any(row.get("value_text", row["text"]).startswith(word) for row in _bounds_rows())


def _has_trailing(word: str) -> bool:
    return any(row.get("value_text", row["text"]).endswith(word) for row in _bounds_rows())


def _bounds_rows() -> list[dict[str, str]]:
    return [row for row in [*table("bounds"), *table("numbers")] if not row.get("xfail")]


def _has_hedge(word: str) -> bool:
    return any(row.get("hedge") == word and not row["xfail"] for row in table("hedges"))


def _has_period(word: str) -> bool:
    return any(word in row["text"] and not row["xfail"] for row in table("periods"))


def _has_numeral(word: str) -> bool:
    return any(word in row["text"] for row in table("numerals"))


def _value_rows() -> list[dict[str, str]]:
    rows = [*table("numbers"), *table("units"), *table("bounds")]
    return [row for row in rows if not row.get("xfail")]


def _has_scan_word(word: str) -> bool:
    """In a value, or right after one (a list joiner, a share's colon, 大关 after an amount)."""
    for row in _value_rows():
        value = row.get("value_text", row["text"])
        if word in value or value + word in row["text"]:
            return True
    return False


def _has_scan_pattern(name: str) -> bool:
    """A value of a row is read by the pattern (or the word form) of this name."""
    scan = load("numerals")["scan"]
    if name == "unknown_unit":
        pattern = scan[name].format(bound="以上|以下")
    elif name in SCAN_PATTERNS:
        pattern = scan[name]
    else:
        pattern = scan["word_forms"].format(chinese=f"[{CHINESE_NUMERAL_CHARS}]+")
    compiled = re.compile(pattern)
    for row in _value_rows():
        text = row["text"]
        m = compiled.search(text, text.find(row.get("value_text", text)))
        if m and (name in SCAN_PATTERNS or m[name] is not None):
            return True
    return False


def _has_date_pattern(name: str) -> bool:
    pattern = re.compile(load("dates")["patterns"][name], re.M)
    return any(pattern.search(row["text"]) and row["date"] != "-" for row in table("dates"))


def _has_period_form(name: str) -> bool:
    forms = load("periods")
    pattern = re.compile(forms["forms"].replace("{not_a_date}", forms["not_a_date"]))
    rows = [row for row in table("periods") if not row["xfail"]]
    return any(m[name] for row in rows for m in pattern.finditer(row["text"]))


def _has_pattern(item: str) -> bool:
    file, _, key = item.partition(":")
    return any(row["file"] == file and row["key"] == key and row["match"] != "-" for row in table("patterns"))


def _has_name(item: str) -> bool:
    indicator, _, spelling = item.partition(":")
    # indicator_names.tsv: a clause for one name, checked by tests/test_taxonomy.py
    if any(row["id"] == indicator and row["name"] == spelling for row in table("indicator_names")):
        return True
    rows = table("indicators")
    return any(row["indicator"] == indicator and spelling in row["text"] and not row["xfail"] for row in rows)


KINDS: dict[str, tuple[Callable[[], Iterable[str]], Callable[[str], bool]]] = {
    "unit": (_units, _has_unit),
    "scale": (_scale, _has_scale),
    "bound_leading": (_leading, _has_leading),
    "bound_trailing": (_trailing, _has_trailing),
    "hedge": (_hedges, _has_hedge),
    "period": (_periods, _has_period),
    "indicator": (_names, _has_name),
    "numeral": (_numerals, _has_numeral),
    "scan_word": (_scan_words, _has_scan_word),
    "scan_pattern": (_scan_patterns, _has_scan_pattern),
    "date_pattern": (_date_patterns, _has_date_pattern),
    "period_form": (_period_forms, _has_period_form),
    "pattern": (_patterns, _has_pattern),
}


def _gaps(kind: str) -> set[str]:
    return {row["word"] for row in table("coverage_gaps") if row["kind"] == kind}


@pytest.mark.parametrize("kind", KINDS)
def test_every_word_has_an_example_row(kind: str) -> None:
    words, covered = KINDS[kind]
    missing = {word for word in words() if not covered(word)}
    gaps = _gaps(kind)
    assert not missing - gaps, f"{kind} without an example row: {sorted(missing - gaps)}"
    assert not gaps - missing, (
        f"{kind} listed in coverage_gaps.tsv but has a row or is gone: {sorted(gaps - missing)}"
    )


def test_gaps_say_why() -> None:
    assert all(row["kind"] in KINDS and row["why"] for row in table("coverage_gaps"))
