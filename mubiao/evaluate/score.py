"""Scores predicted records against gold records of the same documents.

A prediction matches a gold record when their value spans overlap (one to one, largest
overlap first). Detection is scored by precision/recall/F1 over matches; every field is
scored over matched pairs; a pair is strictly right when all STRICT_FIELDS agree, and its
region too when the gold gives one (OPTIONAL_FIELDS are scored only over gold records that
have them). A gold set may annotate passages of a document instead of the whole of it
(`Passages`): predictions of that document outside its passages are then not scored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from mubiao.regions import resolve_region
from mubiao.taxonomy.table import core_ids

# Structured fields: a strict match needs all of them. Free-text fields (indicator_text,
# value_text, quote) are scored and listed too, but are not part of strictness.
STRICT_FIELDS = (
    "indicator",
    "measure",
    "value_low",
    "value_high",
    "comparator",
    "unit",
    "modality",
    "period",
    "annual_average",
    "hedge",
)
TEXT_FIELDS = ("value_text", "indicator_text")
# Fields a gold record may leave out; where it has one, the field is scored and is part of strictness.
OPTIONAL_FIELDS = ("region",)


def same(field_name: str, a: Any, b: Any) -> bool:
    """Gold ``a`` and predicted ``b`` agree. Gold sets annotate the spec's core ids only: a predicted
    id of the wider taxonomy agrees with a gold null."""
    if field_name == "indicator" and a is None and b is not None and b not in core_ids():
        return True
    if field_name in ("value_low", "value_high") and a is not None and b is not None:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    if field_name == "region" and a and b:
        return _division(a) == _division(b)
    return a == b


def _division(name: str) -> str:
    """A region's code when the name resolves (江苏 and 江苏省 are one region), else the name."""
    found = resolve_region(name)
    return found.code if found else name


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0
    field_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    # how many matched pairs an optional field was scored on (those whose gold has it)
    field_scored: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[dict] = field(default_factory=list)
    false_hits: list[dict] = field(default_factory=list)
    wrong_fields: list[tuple[dict, dict, list[str]]] = field(default_factory=list)
    with_id: int = 0  # predicted records that carry an indicator id
    id_judged: int = 0  # matched pairs whose predicted id the gold can judge (a core id on either side)
    id_right: int = 0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        s_precision = self.strict / self.predicted if self.predicted else 0.0
        s_recall = self.strict / self.gold if self.gold else 0.0
        fields = {
            name: (self.field_right[name] / self.matched if self.matched else 0.0)
            for name in STRICT_FIELDS + TEXT_FIELDS
        }
        for name in OPTIONAL_FIELDS:
            if self.field_scored[name]:
                fields[name] = self.field_right[name] / self.field_scored[name]
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(self._f1(precision, recall), 4),
            "strict_precision": round(s_precision, 4),
            "strict_recall": round(s_recall, 4),
            "strict_f1": round(self._f1(s_precision, s_recall), 4),
            "field_accuracy": {k: round(v, 4) for k, v in fields.items()},
            # what the taxonomy achieves: how many records get an id, and how many given ids are right
            "id_share": round(self.with_id / self.predicted, 4) if self.predicted else 0.0,
            "id_precision": round(self.id_right / self.id_judged, 4) if self.id_judged else 0.0,
            "optional_fields_scored": {k: self.field_scored[k] for k in OPTIONAL_FIELDS},
        }


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


class Passages:
    """The spans of documents a gold set annotates, by document; a document with none is annotated whole."""

    def __init__(self, spans: list[tuple[str, int, int]] = ()) -> None:
        self.spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for doc, start, end in spans:
            self.spans[doc].append((start, end))

    def covers(self, record: dict) -> bool:
        spans = self.spans.get(record["doc"])
        return spans is None or any(s <= record["start"] < e for s, e in spans)


def score(gold: list[dict], predicted: list[dict], passages: Passages | None = None) -> Score:
    """Match and score records of the same set of documents (only inside ``passages`` where given)."""
    if passages is not None:
        predicted = [p for p in predicted if passages.covers(p)]
    result = Score(gold=len(gold), predicted=len(predicted))
    result.with_id = sum(1 for p in predicted if p.get("indicator"))
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predicted:
        by_doc[p["doc"]].append(p)
    pairs = []
    for g in gold:
        for p in by_doc.get(g["doc"], []):
            if _overlap(g, p) > 0:
                pairs.append((_overlap(g, p), id(g), id(p), g, p))
    pairs.sort(key=lambda t: (-t[0], t[3]["start"], t[4]["start"]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gid, pid, g, p in pairs:
        if gid in used_gold or pid in used_pred:
            continue
        used_gold.add(gid)
        used_pred.add(pid)
        result.matched += 1
        if p.get("indicator") and (g.get("indicator") or p["indicator"] in core_ids()):
            result.id_judged += 1
            result.id_right += g.get("indicator") == p["indicator"]
        wrong = []
        optional = [name for name in OPTIONAL_FIELDS if name in g]
        for name in STRICT_FIELDS + TEXT_FIELDS + tuple(optional):
            result.field_scored[name] += 1
            if same(name, g.get(name), p.get(name)):
                result.field_right[name] += 1
            elif name not in TEXT_FIELDS:
                wrong.append(name)
        if not wrong:
            result.strict += 1
        else:
            result.wrong_fields.append((g, p, wrong))
    result.misses = [g for g in gold if id(g) not in used_gold]
    result.false_hits = [p for p in predicted if id(p) not in used_pred]
    return result
