"""Review status everywhere: tracking honours decisions, exports carry them (and keep only them
on request), and reviewed documents become gold that `mubiao eval` scores the same way from
files (`export --gold`) as straight from the store (`eval --db`)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from record_support import grounded_record as record

from mubiao.cli import main
from mubiao.extract.pipeline import extract_document
from mubiao.record import Document, TargetRecord
from mubiao.store import Store, crud, open_store, tracking
from mubiao.store.ingest import ingest
from mubiao.store.review import decide, machine_key

TEXT_2017 = "今年发展的主要预期目标是：国内生产总值增长6.5%左右，居民消费价格涨幅3%左右。"
TEXT_2018 = "过去一年，国内生产总值增长6.9%，居民消费价格上涨1.6%。"


def two_years(document: Document) -> list[TargetRecord]:
    if document.id == "2017.txt":
        return [
            record(document, "6.5%左右", "gdp", "target", 6.5),
            record(document, "3%左右", "cpi", "target", 3.0),
        ]
    return [record(document, "6.9%", "gdp", "actual", 6.9), record(document, "1.6%", "cpi", "actual", 1.6)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    documents = [
        Document(text=TEXT_2017, id="2017.txt", published="2017-03-05", region="全国", region_code="100000"),
        Document(text=TEXT_2018, id="2018.txt", published="2018-03-05", region="全国", region_code="100000"),
    ]
    ingest(opened, documents, extractor=two_years)
    return opened


def ids(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {d.key: d.id for d in crud.list_documents(session=session)}


def on(store: Store, doc: str, value_text: str, action: str, **fields: object) -> None:
    text = TEXT_2017 if doc == "2017.txt" else TEXT_2018
    start = text.index(value_text)
    with store.begin() as session:
        decide(
            session=session,
            document_id=ids(store)[doc],
            reviewer="王芳",
            action=action,
            key=machine_key(start, start + len(value_text)),
            fields=fields,
        )


def gdp_status(store: Store) -> str:
    with store.session() as session:
        [row] = tracking.tracking_table(session=session, indicator="gdp")
    return row.to_dict()["status"]


def test_a_rejected_outcome_is_not_used_and_a_corrected_one_is_used_as_corrected(store: Store) -> None:
    assert gdp_status(store) == "met"
    on(store, "2018.txt", "6.9%", "reject")
    assert gdp_status(store) == "no_outcome"
    on(store, "2018.txt", "6.9%", "correct", value_low=5.5, value_high=5.5)
    assert gdp_status(store) == "missed"
    on(store, "2017.txt", "6.5%左右", "reject")
    with store.session() as session:
        assert tracking.tracking_table(session=session, indicator="gdp") == []


def test_exports_carry_the_review_status_and_keep_only_reviewed_records_on_request(
    store: Store, tmp_path: Path
) -> None:
    on(store, "2017.txt", "6.5%左右", "accept")
    on(store, "2018.txt", "6.9%", "correct", value_low=7.0, value_high=7.0)
    on(store, "2018.txt", "1.6%", "reject")
    url = str(store.engine.url)
    assert main(["export", "--db", url, "-o", str(tmp_path / "all")]) == 0
    everything = pd.read_csv(tmp_path / "all" / "records.csv")
    assert sorted(everything["review_status"]) == ["accepted", "corrected", "machine", "rejected"]
    assert main(["export", "--db", url, "--reviewed-only", "-o", str(tmp_path / "reviewed")]) == 0
    reviewed = pd.read_csv(tmp_path / "reviewed" / "records.csv")
    assert sorted(
        zip(reviewed["value_text"], reviewed["review_status"], reviewed["value_low"], strict=True)
    ) == [
        ("6.5%左右", "accepted", 6.5),
        ("6.9%", "corrected", 7.0),
    ]
    assert set(reviewed["reviewer"]) == {"王芳"}
    tracking = pd.read_csv(tmp_path / "reviewed" / "tracking.csv")
    assert list(tracking["status"]) == ["met"] and list(tracking["outcome_value"]) == [7.0]


def test_export_gold_scored_by_eval_gives_the_figures_of_eval_db(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；"
        "城镇新增就业1100万人以上，城镇登记失业率4.5%以内；进出口回稳向好。"
    )
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    store = open_store(url)
    ingest(store, [Document(text=text, id="plan.txt", published="2017-03-05")], extractor=extract_document)
    with store.session() as session:
        [doc] = crud.list_documents(session=session)
        machine = {r.value_text: machine_key(r.start, r.end) for r in doc.records}
        other = crud.list_documents(session=session)
    assert set(machine) == {"6.5%左右", "3%左右", "1100万人以上", "4.5%以内"}
    # a second document, reviewed in part only: it is not gold
    ingest(
        store, [Document(text=TEXT_2018, id="2018.txt", published="2018-03-05")], extractor=extract_document
    )
    with store.begin() as session:
        decide(session=session, document_id=doc.id, reviewer="王芳", action="accept", key=machine["6.5%左右"])
        decide(
            session=session,
            document_id=doc.id,
            reviewer="王芳",
            action="correct",
            key=machine["3%左右"],
            fields={"indicator": "cpi_other", "period": "2018"},
        )
        decide(
            session=session, document_id=doc.id, reviewer="王芳", action="accept", key=machine["1100万人以上"]
        )
        decide(session=session, document_id=doc.id, reviewer="王芳", action="reject", key=machine["4.5%以内"])
        start = text.index("回稳向好")
        decide(
            session=session,
            document_id=doc.id,
            reviewer="王芳",
            action="add",
            fields={"start": start, "end": start + 4, "indicator_text": "进出口", "modality": "target"},
        )
        partly = next(d for d in crud.list_documents(session=session) if d.key == "2018.txt")
        first = partly.records[0]
        decide(
            session=session,
            document_id=partly.id,
            reviewer="王芳",
            action="accept",
            key=machine_key(first.start, first.end),
        )
    store.close()
    assert other

    capsys.readouterr()
    assert main(["export", "--gold", "--db", url, "-o", str(tmp_path / "gold")]) == 0
    assert (
        "1 reviewed documents, 4 gold records; 1 partly reviewed documents left out"
        in capsys.readouterr().err
    )
    gold = [json.loads(line) for line in (tmp_path / "gold" / "gold.jsonl").read_text().splitlines()]
    [name] = {g["doc"] for g in gold}
    assert (tmp_path / "gold" / "docs" / name).read_text(encoding="utf-8") == text
    for g in gold:  # the spec's format, with offsets into the text
        assert text[g["start"] : g["end"]] == g["value_text"]
        assert "published" not in g and "page" not in g
    assert [g["value_text"] for g in gold] == ["6.5%左右", "3%左右", "1100万人以上", "回稳向好"]

    assert (
        main(
            [
                "eval",
                str(tmp_path / "gold" / "gold.jsonl"),
                "--docs",
                str(tmp_path / "gold" / "docs"),
                "--json",
            ]
        )
        == 0
    )
    from_files = json.loads(capsys.readouterr().out)
    assert main(["eval", "--db", url, "--json"]) == 0
    from_store = json.loads(capsys.readouterr().out)
    assert from_files == from_store
    # the person's decisions are what the extractor is scored on: a miss (the addition), a false
    # hit (the rejection), a wrong indicator and period (the correction)
    assert (from_store["gold"], from_store["predicted"], from_store["matched"]) == (4, 4, 3)
    assert from_store["field_accuracy"]["indicator"] == pytest.approx(2 / 3, abs=1e-3)
    # and the full report reads the same
    assert main(["eval", "--db", url]) == 0
    report_db = capsys.readouterr().out
    main(["eval", str(tmp_path / "gold" / "gold.jsonl"), "--docs", str(tmp_path / "gold" / "docs")])
    assert capsys.readouterr().out == report_db
    assert "MISS" in report_db and "FALSE" in report_db and "WRONG" in report_db
