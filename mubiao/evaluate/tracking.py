"""Tracking scored against a hand-made tracking gold: for each gold target, was it tracked, with
the same bounds, the same period, the same outcome and the same status?

A gold row names its target by document (file name), the clause quoted from it and the value
expression in it, and gives the status the spec's rule assigns, with the outcome (document,
quote, value) when a later document states one. A tracking row is the gold target's when it comes
from a document of that name and its value expression starts where the value stands in one
occurrence of the quote (captures that repeat a report's text have several).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from mubiao.track.link import TrackingRow

# A bound or an outcome equal to the gold's within float noise (percent values and yuan alike).
RELATIVE_TOLERANCE = 1e-6
CHECKS = ("found", "bounds", "period", "outcome", "status")


def document_name(key: str) -> str:
    """A document key's file name: the gold names documents by file, the store by path or URL."""
    return PurePosixPath(key.replace("\\", "/")).name


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def value_offsets(text: str, quote: str, value_text: str) -> set[int]:
    """Where the value starts in every occurrence of the quote."""
    inner = quote.find(value_text)
    if inner < 0:
        return set()
    found, at = set(), text.find(quote)
    while at >= 0:
        found.add(at + inner)
        at = text.find(quote, at + 1)
    return found


@dataclass(slots=True)
class TargetResult:
    gold: dict[str, Any]
    rows: list[TrackingRow]
    checks: dict[str, bool] = field(default_factory=dict)

    @property
    def right(self) -> bool:
        return all(self.checks.values())


def judge(gold: Mapping[str, Any], rows: list[TrackingRow]) -> dict[str, bool]:
    """Each check of ``CHECKS`` for one gold target and the tracking rows found for it."""
    if not rows:
        return dict.fromkeys(CHECKS, False)
    row = rows[0]
    outcome = gold.get("outcome")
    values = {(r.outcome_value, r.outcome_doc and document_name(r.outcome_doc)) for r in rows}
    if outcome is None:
        outcome_right = values == {(None, None)}
    else:
        accepted = [outcome["value"], *outcome.get("also", [])]
        outcome_right = (
            len(values) == 1
            and any(same_number(row.outcome_value, v) for v in accepted)
            and document_name(row.outcome_doc or "") == outcome["doc"]
        )
    statuses = {r.status for r in rows}
    return {
        "found": True,
        "bounds": row.comparator == gold["comparator"]
        and same_number(row.target_low, gold["value_low"])
        and same_number(row.target_high, gold["value_high"]),
        "period": row.period == gold["period"],
        "outcome": outcome_right,
        "status": statuses == {gold["status"]},
    }


def score_tracking(
    gold: Iterable[Mapping[str, Any]], rows: Iterable[TrackingRow], texts: Mapping[str, str]
) -> list[TargetResult]:
    """One result per gold row. ``texts``: document file name → its stored text."""
    by_doc: dict[str, list[TrackingRow]] = {}
    for row in rows:
        by_doc.setdefault(document_name(row.target_doc), []).append(row)
    results = []
    for entry in gold:
        text = texts.get(entry["doc"], "")
        starts = value_offsets(text, entry["quote"], entry["value_text"])
        mine = [r for r in by_doc.get(entry["doc"], []) if r.target_start in starts]
        # The statement the gold quotes is the first place that states it; a restatement later in
        # the document (or a capture's second copy) is another record.
        first = min((r.target_start for r in mine), default=None)
        mine = [r for r in mine if r.target_start == first]
        # a value stated once for several indicators is tracked for each (mubiao.track.members): the gold's is judged
        if (indicator := entry.get("indicator")) and any(r.indicator == indicator for r in mine):
            mine = [r for r in mine if r.indicator == indicator]
        results.append(TargetResult(dict(entry), mine, judge(entry, mine)))
    return results


def summary(results: list[TargetResult]) -> dict[str, Any]:
    total = len(results)
    counts = {check: sum(r.checks[check] for r in results) for check in CHECKS}
    right = sum(r.right for r in results)
    return {
        "targets": total,
        **counts,
        "fully_right": right,
        "fully_right_share": round(right / total, 4) if total else 0.0,
    }
