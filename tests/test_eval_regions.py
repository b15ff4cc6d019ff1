"""`mubiao eval` scores the region of each record where the gold gives it, and gold that annotates
passages of a document is scored inside them only; the region gold sets are true to their texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao.cli import main
from mubiao.commands.eval import read_gold_document
from mubiao.evaluate.score import score
from mubiao.regions import resolve_region

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
REGION_GOLD = sorted((ROOT / "corpus" / "gold" / "regions").glob("*.jsonl"))
TEXT = "今年地区生产总值增长5%左右。江苏地区生产总值增长6%。广州粮食产量稳定在500亿斤以上。"


def _gold(value_text: str, **fields) -> dict:
    start = TEXT.index(value_text)
    row = {"doc": "a.txt", "start": start, "end": start + len(value_text), "value_text": value_text}
    return row | fields


def _eval(tmp_path: Path, capsys, rows: list[dict], *flags: str) -> str:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    code = main(["eval", str(gold), "--docs", str(tmp_path), *flags])
    assert code == 0
    return capsys.readouterr().out


RIGHT = {"doc": "a.txt", "start": 0, "end": 2, "value_text": "6%", "indicator": "gdp", "measure": "growth",
         "value_low": 6.0, "value_high": 6.0, "comparator": "eq", "unit": "%", "modality": "actual",
         "period": "2024", "annual_average": False, "hedge": None}  # fmt: skip


def _pair(gold_region: str | None, predicted_region: str) -> dict:
    gold = dict(RIGHT) if gold_region is None else RIGHT | {"region": gold_region}
    return score([gold], [RIGHT | {"region": predicted_region}]).summary()


def test_region_is_scored_only_where_the_gold_gives_it() -> None:
    s = _pair(None, "江苏省")
    assert "region" not in s["field_accuracy"] and s["strict_f1"] == 1.0
    s = _pair("江苏", "江苏省")  # a short name is the same region
    assert s["field_accuracy"]["region"] == 1.0 and s["optional_fields_scored"] == {"region": 1}
    s = _pair("上海市、北京市", "上海市、北京市")  # a number shared by two regions
    assert s["field_accuracy"]["region"] == 1.0


def test_a_wrong_region_makes_the_record_wrong_strictly(tmp_path, capsys) -> None:
    s = _pair("浙江省", "江苏省")
    assert s["field_accuracy"]["region"] == 0.0 and s["strict_f1"] == 0.0
    (tmp_path / "a.txt").write_text("江苏地区生产总值增长6%。", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    row = RIGHT | {"start": 10, "end": 12, "region": "浙江省"}
    gold.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(gold), "--docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "region: gold '浙江省' got" in out and "where the gold has it: region on 1 pairs" in out


def test_a_passage_limits_what_is_scored(tmp_path, capsys) -> None:
    start = TEXT.index("江苏")
    passage = {"doc": "a.txt", "passage": [start, TEXT.index("广州")]}
    s = json.loads(_eval(tmp_path, capsys, [passage, _gold("6%")], "--json"))
    assert (s["gold"], s["predicted"], s["matched"]) == (1, 1, 1)
    # a passage with nothing in the gold: what the extractor finds there is a false hit
    s = json.loads(_eval(tmp_path, capsys, [passage], "--json"))
    assert (s["gold"], s["predicted"]) == (0, 1)


def test_a_gold_record_outside_the_passages_is_refused(tmp_path, capsys) -> None:
    passage = {"doc": "a.txt", "passage": [0, TEXT.index("江苏")]}
    with pytest.raises(SystemExit, match=r"a.txt:\d+-\d+: gold record outside"):
        _eval(tmp_path, capsys, [passage, _gold("6%")])
    with pytest.raises(SystemExit, match="is not \\[start, end\\]"):
        _eval(tmp_path, capsys, [{"doc": "a.txt", "passage": [3]}])


def _docs(gold: Path) -> Path:
    return SHARED if gold.name.startswith("news_") else ROOT / "corpus"


@pytest.mark.parametrize("gold", REGION_GOLD, ids=lambda p: p.name)
def test_region_gold_is_true_to_its_text(gold: Path) -> None:
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    records = [r for r in rows if "passage" not in r]
    assert records and all(r["doc"] == records[0]["doc"] for r in rows)
    text = read_gold_document(_docs(gold) / records[0]["doc"])
    for r in records:
        assert text[r["start"] : r["end"]] == r["value_text"], r
        # every record names its region: one division, or the divisions a shared number belongs to
        assert all(resolve_region(name) for name in r["region"].split("、")), r


def test_the_article_stays_out_of_its_gold() -> None:
    """The news article is copyrighted: its gold holds no clause of it, only values and short names."""
    (gold,) = [p for p in REGION_GOLD if p.name.startswith("news_")]
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert "quote" not in row
        assert all(len(v) <= 16 for v in row.values() if isinstance(v, str) and v != row["doc"]), row


@pytest.mark.parametrize(
    "passage", [p for p in REGION_GOLD if p.name.endswith(".passage.jsonl")], ids=lambda p: p.name
)
def test_a_report_passage_keeps_the_whole_documents_records(passage: Path) -> None:
    """A passage takes the whole-document gold's records of its paragraph unchanged and adds region, so
    a decision taken on the whole-document gold (泸州经济总量 is gdp) holds in the passage too."""
    whole_gold = ROOT / "corpus" / "gold" / passage.name.replace(".passage", "")
    whole = {
        (r["start"], r["end"]): r
        for r in map(json.loads, whole_gold.read_text(encoding="utf-8").splitlines())
    }
    rows = [json.loads(line) for line in passage.read_text(encoding="utf-8").splitlines()]
    records = [r for r in rows if "value_text" in r]
    assert records
    for record in records:
        same = whole.get((record["start"], record["end"]))
        assert same is not None, record
        assert {k: v for k, v in record.items() if k != "region"} == same, record["value_text"]
