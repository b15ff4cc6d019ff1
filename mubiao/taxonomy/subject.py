"""The indicator of a value named by a bare head: 总产量, 通车里程 or 普及率 alone names no indicator,
what it measures is named before it in its sentence (粮食连续五年增产，总产量５２８５０万吨 is the
output of 粮食). The heads are rows of ``knowledge/indicators.toml`` ([bare_heads])."""

from __future__ import annotations

import re
from functools import cache

from mubiao.knowledge import load
from mubiao.taxonomy.ids import indicator_id

# a subject is a run of Han characters: no number, mark or Latin letter
HAN = re.compile(r"[\u4e00-\u9fff]+")
CLAUSE_END = re.compile(f"[{re.escape(load('marks')['clause_end'])}]")


@cache
def _heads() -> frozenset[str]:
    return frozenset(row[0] for row in load("indicators")["bare_heads"]["heads"])


@cache
def _only() -> dict[str, frozenset[str]]:
    """Heads whose subject must give one of a few ids."""
    return {head: frozenset(ids) for head, ids in load("indicators")["bare_heads"]["only"].items()}


@cache
def _reach() -> tuple[int, int]:
    """(how far before the head a subject is looked for, the longest subject tried)."""
    table = load("indicators")["bare_heads"]
    return int(table["reach"]), int(table["subject_chars"])


def is_bare_head(name: str) -> bool:
    return name in _heads()


def subject_name(head: str, before: str) -> str | None:
    """The name of the indicator a bare ``head`` measures, from ``before`` (its sentence up to the
    head): the nearest words that make, with the head, a name of the taxonomy (粮食 + 总产量). None
    when no words before it make one."""
    reach, longest = _reach()
    # the head's clause and the one before it: a subject further back is another clause's
    text = " ".join(CLAUSE_END.split(before[-reach:])[-2:])
    for run in reversed(list(HAN.finditer(text))):
        words = run.group()
        for end in range(len(words), 1, -1):  # nearest to the head first
            for start in range(max(end - longest, 0), end - 1):  # longest subject first: 新能源汽车, not 汽车
                ident = indicator_id(words[start:end] + head)
                if ident and ident in _only().get(head, (ident,)):
                    return words[start:end] + head
    return None
