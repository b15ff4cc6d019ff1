"""Runs the rules of knowledge/exclusions.toml on their own examples and counterexamples, and the
rows of tests/examples/exclusions.tsv: numbers whose form says they measure nothing."""

from __future__ import annotations

import pytest
from example_tables import table

from mubiao.knowledge import load
from mubiao.numbers import find_exclusions, find_mentions, scan
from mubiao.numbers.exclusions import GATED_FIELDS, TESTS, _closing, _opening, rules

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


REGULATION = next(row for row in RULES if row["name"] == "regulation_limit")


@pytest.mark.parametrize("words", REGULATION["before"])
def test_every_comparative_of_a_regulation_drops_its_number(words: str) -> None:
    """Each word of the row, 大于 forms too: 大于 is also a bound word read before a number (大于40%), and a
    number it leads starts after it, where the words are looked for."""
    example = REGULATION["example"]
    text = example.replace(next(w for w in REGULATION["before"] if w in example), words)
    assert "regulation_limit" in [rule for _, _, rule in find_exclusions(text)], text


# gates read from a rule's pattern: the characters a match of it can start or end with
PATTERN_GATES = frozenset(
    {
        ("national_list", "before"),
        ("provincial_rank_base", "before"),
        ("national_lists_counted", "after"),
        ("threshold_of_each", "after"),
    }
)


@pytest.mark.parametrize("dropped", [frozenset(), PATTERN_GATES], ids=["masks", "pattern gates"])
def test_gates_only_save_calls(monkeypatch: pytest.MonkeyPatch, dropped: frozenset) -> None:
    """The rules met through the fields' masks find, on every example, what every rule whose own gates
    pass finds: the either gates and the masks only save calls; and so do the gates read from a rule's
    pattern (``dropped`` from the own gates). (A rule's own gates may be the rule: ordinal's is.)"""
    texts = [row["example"] for row in RULES] + [row["counterexample"][0] for row in RULES]
    texts += [row["text"] for row in table("exclusions")]
    gated = [(find_exclusions(text), find_mentions(text)) for text in texts]

    def own_gates_pass(*values: object) -> tuple:
        fields = dict(zip(GATED_FIELDS, values, strict=True))
        return tuple(
            (name, test)
            for name, test, conditions, _ in rules()
            if all(admits(fields[field]) for field, admits in conditions if (name, field) not in dropped)
        )

    monkeypatch.setattr(scan, "admitted", own_gates_pass)
    assert [(find_exclusions(text), find_mentions(text)) for text in texts] == gated


def test_the_characters_a_pattern_opens_or_closes_with() -> None:
    opens = _opening(lambda row: row["after"])({"after": '[“"]?全国[^，。]{0,3}?百强'})
    assert [ch for ch in '全“"国x' if opens(ch)] == ["全", "“", '"']
    closes = _closing("before")({"before": "全国(?:首批|第[一二]批)?$"})
    assert [ch for ch in "国批首\nx" if closes(ch)] == ["国", "批", "\n"]
    assert _closing("before")({"before": "全国"})("x")  # (not closing the text searched: any character)
