"""The typed trace of the extractor: which rule of which stage decided what, and on which words.

Every stage writes here instead of printing or keeping notes of its own; `mubiao explain` and
`mubiao show --structure` read it back."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple


class Step(NamedTuple):
    """One decision: the stage that took it, the rule that fired and the words it fired on. (A named
    tuple: one is made for every decision on every value, and a frozen dataclass takes twice as long.)"""

    stage: str
    rule: str
    words: str = ""
    at: int | None = None  # the offset of ``words`` in the text, when they are in it

    def __str__(self) -> str:
        words = f" {self.words[:30]!r}" if self.words else ""
        where = f" at {self.at}" if self.at is not None else ""
        return f"{self.rule}{words}{where}"


_new_tuple = tuple.__new__
# the decisions of a batch repeat (the ten 2026 reports: 6,900 steps, 230 of them distinct): one Step a
# decision, shared by the records that took it (a Step is a tuple: it never changes)
STEPS_KEPT = 4096


@lru_cache(maxsize=STEPS_KEPT)
def _step(stage: str, rule: str, words: str, at: int | None) -> Step:
    # (made by tuple.__new__ straight: the named tuple's own __new__ is one Python call more)
    return _new_tuple(Step, (stage, rule, words, at))


@dataclass(slots=True)
class RecordTrace:
    """How one record's fields were decided, by the stages that decided them."""

    value: str
    unit_written: str = ""
    part: str | None = None  # the heading of the part the value stands in
    indicator_names: list[str] = field(default_factory=list)
    names_from_before: bool = False  # the names stand for the indicator named before (ellipsis)
    verb: str = ""
    list_position: tuple[int, int] = (0, 1)  # (position, size) in a list of values
    table_row: str | None = None
    steps: list[Step] = field(default_factory=list)

    def add(self, stage: str, rule: str, words: str = "", at: int | None = None) -> None:
        self.steps.append(_step(stage, rule, words, at))

    def of(self, stage: str) -> Step | None:
        """The last decision the stage took for this record."""
        return next((s for s in reversed(self.steps) if s.stage == stage), None)
