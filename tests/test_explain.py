"""`mubiao explain`: the trace names the cue words that decided each record."""

from __future__ import annotations

from pathlib import Path

from mubiao.cli import main
from mubiao.extract.pipeline import run
from mubiao.record import Document

TEXT = "一、2025年工作回顾\n过去一年，全省地区生产总值增长5.5%。\n二、2026年工作安排\n今年全省地区生产总值增长5%左右、总量突破3万亿元。"


def test_trace_names_the_cues() -> None:
    doc = run(Document(text=TEXT, published="2026-01-20"))
    records, trace = doc.records, doc.traces
    assert len(trace) == len(records) == 3
    assert "'过去一年'" in trace[0].of("periods").rule and records[0].period == "2025"
    assert trace[1].of("modalities").rule == "plan part (plan_year)" and records[1].modality == "target"
    assert trace[2].names_from_before and trace[2].indicator_names == ["全省地区生产总值"]
    assert [p.role for p in doc.structure.parts] == ["review_year", "plan_year"]


def test_explain_command(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["explain", str(tmp_path / "a.txt"), "--published", "2026-01-20"]) == 0
    out = capsys.readouterr().out
    assert "突破3万亿元  →  gdp [全省地区生产总值] level gt" in out
    assert "periods ← " in out and "modalities ← plan part (plan_year)" in out
    assert "part @33 2026年工作安排: plan_year, years 2026" in out


def test_explain_names_each_records_region_and_the_words_that_decided_it(tmp_path: Path, capsys) -> None:
    """A news page about several regions has no region of its own; each record has the region its
    clause names as subject, and explain says which words named it (issue 15)."""
    text = (
        "各地经济成绩单出炉\n来源：中新网\n"
        "江苏2021年GDP增长8.6%。浙江GDP增长8.5%。广州GDP增长8.1%。成都GDP增长8.6%。武汉GDP增长12.2%。\n"
    )
    (tmp_path / "news.txt").write_text(text, encoding="utf-8")
    assert main(["explain", str(tmp_path / "news.txt")]) == 0
    out = capsys.readouterr().out
    assert "region none," in out.splitlines()[0]
    assert "why: region: none: a news page about 5 regions" in out
    lines = [line for line in out.splitlines() if "  →  " in line]
    assert [line.rsplit(" · ", 1)[1] for line in lines] == ["江苏省", "浙江省", "广州市", "成都市", "武汉市"]
    assert "record_region ← the clause's subject '江苏' at 17" in out
