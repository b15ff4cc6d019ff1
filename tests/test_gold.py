"""The gold sets are data the scores rest on: every record must be well-formed and true to its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao.commands.eval import read_gold_document
from mubiao.record import COMPARATORS, MEASURES, MODALITIES, RECORD_FIELDS
from mubiao.taxonomy.table import core_ids

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
GOLD_SETS = [(path, ROOT / "corpus") for path in sorted((ROOT / "corpus" / "gold").glob("*.jsonl"))]
GOLD_SETS.append((SHARED / "gold" / "seed.jsonl", SHARED))
CORE_IDS = core_ids()


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(("gold", "docs"), GOLD_SETS, ids=lambda p: p.name if isinstance(p, Path) else "")
def test_gold_records_are_true_to_their_text(gold: Path, docs: Path) -> None:
    texts: dict[str, str] = {}
    problems = []
    for r in _records(gold):
        if r["doc"] not in texts:
            texts[r["doc"]] = read_gold_document(docs / r["doc"])
        text = texts[r["doc"]]
        where = f"{r['doc']}:{r['start']} {r['value_text']}"
        if set(RECORD_FIELDS[:16]) - set(r):
            problems.append(f"{where}: missing {set(RECORD_FIELDS[:16]) - set(r)}")
        if text[r["start"] : r["end"]] != r["value_text"]:
            problems.append(f"{where}: offsets give {text[r['start'] : r['end']]!r}")
        if r["quote"] not in text or r["value_text"] not in r["quote"]:
            problems.append(f"{where}: quote not in the text or without the value")
        if (
            r["measure"] not in MEASURES
            or r["comparator"] not in COMPARATORS
            or r["modality"] not in MODALITIES
        ):
            problems.append(f"{where}: unknown measure/comparator/modality")
        if r["indicator"] is not None and r["indicator"] not in CORE_IDS:
            problems.append(f"{where}: indicator {r['indicator']} is not a core id")
        low, high, comparator = r["value_low"], r["value_high"], r["comparator"]
        shape = {
            "ge": low is not None and high is None,
            "gt": low is not None and high is None,
            "le": low is None and high is not None,
            "lt": low is None and high is not None,
            "eq": low is not None and low == high,
            "approx": low is not None and low == high,
            "range": low is not None and high is not None and low < high,
        }[comparator]
        if not shape:
            problems.append(f"{where}: values {low}, {high} do not fit {comparator}")
    assert not problems, "\n".join(problems)


def test_main_targets_cover_all_ten_reports() -> None:
    docs = {r["doc"] for r in _records(ROOT / "corpus" / "gold" / "main_targets_10.jsonl")}
    assert docs == {p.name for p in (ROOT / "corpus").glob("2026_*.txt")}
