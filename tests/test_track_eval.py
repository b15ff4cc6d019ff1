"""mubiao eval-track: tracking scored against a tracking gold, misses named; and the gold itself
is true to its texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao.cli import main
from mubiao.commands.eval import read_gold_document
from mubiao.evaluate.tracking import score_tracking, summary, value_offsets
from mubiao.record import TargetRecord
from mubiao.track import track

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpus" / "gold" / "tracking" / "hebei_baoding_national.jsonl"
SHARED = ROOT.parent / "shared" / "corpus" / "robustness"
TEXT = "今年目标：地区生产总值增长6%左右。"
LATER = "去年地区生产总值增长5.8%。"


def record(
    doc: str, text: str, value: str, modality: str, low: float, comparator: str, published: str
) -> TargetRecord:
    start = text.index(value)
    return TargetRecord(
        doc=doc,
        start=start,
        end=start + len(value),
        value_text=value,
        quote=text,
        indicator_text="地区生产总值",
        indicator="gdp",
        measure="growth",
        value_low=low,
        value_high=low,
        comparator=comparator,
        unit="%",
        modality=modality,
        period="2024",
        region="广东省",
        published=published,
    )


def gold_row(status: str, outcome: dict | None) -> dict:
    return {
        "doc": "a.txt",
        "quote": "地区生产总值增长6%左右",
        "value_text": "6%左右",
        "period": "2024",
        "comparator": "approx",
        "value_low": 6,
        "value_high": 6,
        "status": status,
        "outcome": outcome,
    }


def test_a_target_is_fully_right_only_with_its_bounds_outcome_and_status() -> None:
    rows = track(
        [
            record("dir/a.txt", TEXT, "6%左右", "target", 6, "approx", "2024-01-20"),
            record("b.txt", LATER, "5.8%", "actual", 5.8, "eq", "2025-01-20"),
        ]
    )
    texts = {"a.txt": TEXT}
    outcome = {"doc": "b.txt", "quote": LATER, "value_text": "5.8%", "value": 5.8}
    [right] = score_tracking([gold_row("met_within_tolerance", outcome)], rows, texts)
    assert right.right
    [wrong_status] = score_tracking([gold_row("met", outcome)], rows, texts)
    assert wrong_status.checks == {
        "found": True,
        "bounds": True,
        "period": True,
        "outcome": True,
        "status": False,
    }
    [no_outcome] = score_tracking([gold_row("no_outcome", None)], rows, texts)
    assert not no_outcome.checks["outcome"]
    [lost] = score_tracking([gold_row("met", outcome)], [], texts)
    assert not any(lost.checks.values())
    assert summary([right, lost])["fully_right"] == 1


def test_a_repeated_quote_places_the_value_in_every_copy() -> None:
    assert value_offsets("甲增长6%左右。甲增长6%左右。", "甲增长6%左右", "6%左右") == {3, 11}


def test_every_gold_target_is_true_to_its_text() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 100
    folders = [ROOT / "corpus" / "national", SHARED / "hebei", SHARED / "baoding"]
    problems = []
    for row in rows:
        for side in (row, row["outcome"]):
            if side is None:
                continue
            [path] = [folder / side["doc"] for folder in folders if (folder / side["doc"]).exists()]
            if not value_offsets(read_gold_document(path), side["quote"], side["value_text"]):
                problems.append(f"{side['doc']}: {side['quote']}")
        if row["status"] not in ("met", "met_within_tolerance", "missed", "no_outcome", "conflict"):
            problems.append(f"{row['doc']}: status {row['status']}")
        if (row["outcome"] is None) != (row["status"] == "no_outcome"):
            problems.append(
                f"{row['doc']}: {row['quote']}: an outcome goes with a status other than no_outcome"
            )
    assert problems == []


def test_eval_track_prints_the_counts_and_every_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'mubiao.db'}"
    national = ROOT / "corpus" / "national"
    assert (
        main(
            [
                "ingest",
                str(national / "2016_国务院_政府工作报告.txt"),
                str(national / "2017_国务院_政府工作报告.txt"),
                "--db",
                db,
                "-q",
            ]
        )
        == 0
    )
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    mine = [g for g in gold if g["doc"] == "2016_国务院_政府工作报告.txt" and g["period"] == "2016"]
    # A gold that disagrees with the tracking on one target: that target is a miss, named.
    [m2] = [g for g in mine if g["value_text"] == "13%左右"]
    m2["status"] = "met"
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in mine), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval-track", str(path), "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"targets {len(mine)}  found " in out and "fully right" in out
    assert (
        "MISS  2016_国务院_政府工作报告.txt '13%左右' [今年广义货币M2预期增长13%左右] period 2016: status"
        in out
    )
    assert "outcome 11.3 '11.3%' (2017_国务院_政府工作报告.txt)  missed" in out
    assert main(["eval-track", str(path), "--db", db, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    # The 2016 GDP, CPI, jobs, unemployment, energy and M2 targets are tracked right but for M2's altered status.
    assert (result["found"], result["status"], result["fully_right"]) == (
        len(mine),
        len(mine) - 1,
        len(mine) - 1,
    )
    assert result["targets"] == len(mine)
