"""Walks tests/examples/regions.jsonl: sentences and the region of each record they give (spec: "Whose
number: the region of each record"); and the region of each record of the region gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao import extract
from mubiao.cli import main

EXAMPLES = Path(__file__).parent / "examples" / "regions.jsonl"
ROWS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
ROOT = Path(__file__).resolve().parents[1]
REGION_GOLD = ROOT / "corpus" / "gold" / "regions"


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else []
        yield pytest.param(row, id=f"{row['source']}: {row['text'][:20]}", marks=marks)


@pytest.mark.parametrize("row", list(_params()))
def test_regions(row: dict) -> None:
    records = extract(row["text"], published=row.get("published"), region=row.get("region"))
    assert [r.value_text for r in records] == [e["value_text"] for e in row["expect"]]
    for record, expected in zip(records, row["expect"], strict=True):
        wrong = {k: (v, getattr(record, k)) for k, v in expected.items() if getattr(record, k) != v}
        assert not wrong, f"{record.value_text}: (expected, got) {wrong}"


@pytest.mark.parametrize(
    ("gold", "docs"),
    [
        (REGION_GOLD / "news_2022_城市GDP竞争_中新网.jsonl", ROOT.parent / "shared" / "corpus"),
        *((p, ROOT / "corpus") for p in sorted(REGION_GOLD.glob("*.passage.jsonl"))),
    ],
    ids=lambda p: p.name if isinstance(p, Path) and p.suffix == ".jsonl" else "",
)
def test_region_accuracy_on_the_region_gold(capsys, gold: Path, docs: Path) -> None:
    """The issue asks ≥ 0.97 over matched records; the first look was 0.179 on the article, 0.800 on 四川."""
    assert main(["eval", str(gold), "--docs", str(docs), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["field_accuracy"]["region"] >= 0.97, s
