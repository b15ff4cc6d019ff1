"""Runs the rules of knowledge/exclusions.toml on their own examples and counterexamples, and the
rows of tests/examples/exclusions.tsv: numbers whose form says they measure nothing."""

from __future__ import annotations

import pytest

from mubiao.knowledge import load
from mubiao.numbers import find_exclusions, find_mentions
from mubiao.numbers.exclusions import TESTS, rules

RULES = load("exclusions")["rule"]


def test_every_rule_has_a_test_and_every_test_a_rule() -> None:
    assert [name for name, *_ in rules()] == [row["name"] for row in RULES]
    assert set(TESTS) == {row["name"] for row in RULES}


@pytest.mark.parametrize("row", RULES, ids=lambda row: row["name"])
def test_rule_fires_on_its_example(row: dict) -> None:
    example = row["example"]
    assert row["name"] in [rule for _, _, rule in find_exclusions(example)], example


@pytest.mark.parametrize("row", RULES, ids=lambda row: row["name"])
def test_rule_keeps_its_counterexample(row: dict) -> None:
    text, value = row["counterexample"]
    assert value in [text[m.start : m.end] for m in find_mentions(text)], f"{text!r}: {value} is no value"
