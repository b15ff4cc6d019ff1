"""The storage suite, run against SQLite and a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pgserver import fresh_database_url
from record_support import grounded_record as record
from sqlalchemy import inspect, select

from mubiao import extract_document
from mubiao.record import Document, TargetRecord
from mubiao.store import Store, crud, open_store, tracking
from mubiao.store.ingest import ingest
from mubiao.store.models import RecordRow, RunRow
from mubiao.store.reextract import reextract


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'mubiao.db'}" if request.param == "sqlite" else fresh_database_url()
    opened = open_store(url)
    yield opened
    opened.close()


TEXT_2017 = "今年发展的主要预期目标是：国内生产总值增长6.5%左右，居民消费价格涨幅3%左右。"
TEXT_2018 = "过去一年，国内生产总值增长6.9%，居民消费价格上涨1.6%。"


def documents() -> list[Document]:
    return [
        Document(text=TEXT_2017, id="2017.txt", published="2017-03-05", region="全国", region_code="000000"),
        Document(text=TEXT_2018, id="2018.txt", published="2018-03-05", region="全国", region_code="000000"),
    ]


def extractor(document: Document) -> list[TargetRecord]:
    """Stands in for the extractor: the store must keep whatever records it is given."""
    if document.id == "2017.txt":
        return [
            record(document, "6.5%左右", "gdp", "target", 6.5, hedge=None),
            record(document, "3%左右", "cpi", "target", 3.0),
        ]
    return [record(document, "6.9%", "gdp", "actual", 6.9), record(document, "1.6%", "cpi", "actual", 1.6)]


def stored(store: Store) -> list[TargetRecord]:
    with store.session() as session:
        return [row.to_record() for row in crud.query_records(session=session, limit=None)]


def test_schema_is_at_head(store: Store) -> None:
    assert {"documents", "records", "runs", "alembic_version"} <= set(inspect(store.engine).get_table_names())


def test_document_and_records_round_trip(store: Store) -> None:
    doc = documents()[0]
    doc.page_starts = [(0, 1), (20, 2)]
    records = extractor(doc)
    with store.begin() as session:
        row, created = crud.add_document(session=session, document=doc, records=records)
        document_id = row.id
    assert created
    with store.session() as session:
        row = crud.get_document(session=session, document_id=document_id)
        assert row is not None
        assert row.to_document() == doc
        assert [r.to_record() for r in row.records] == records
        for r in row.records:
            assert row.text[r.start : r.end] == r.value_text


def test_records_stored_in_batches_are_all_stored_in_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = Document(text="，".join(f"第{i}项投资{100 + i}亿元" for i in range(12)) + "。", id="batches.txt")
    records = [record(doc, f"{100 + i}亿元", "investment", "target", 100 + i) for i in range(12)]
    monkeypatch.setattr(crud, "INSERT_BATCH", 5)  # three statements: 5, 5 and 2 records
    with store.begin() as session:
        row, _ = crud.add_document(session=session, document=doc, records=records)
        document_id = row.id
    with store.session() as session:
        stored = crud.get_document(session=session, document_id=document_id)
        assert stored is not None
        assert [r.to_record() for r in stored.records] == records


def test_same_content_is_stored_once(store: Store) -> None:
    doc = documents()[0]
    with store.begin() as session:
        first, _ = crud.add_document(session=session, document=doc, records=extractor(doc))
    with store.begin() as session:
        again, created = crud.add_document(session=session, document=replace(doc, id="copy.txt"), records=[])
    assert (created, again.id) == (False, first.id)
    with store.session() as session:
        assert crud.count_documents(session=session) == 1
        assert crud.count_records(session=session) == 2


def test_query_filters(store: Store) -> None:
    ingest(store, documents(), extractor=extractor)
    with store.session() as session:

        def values(**filters) -> list[str]:
            return [r.value_text for r in crud.query_records(session=session, **filters)]

        assert values(indicator="gdp") == ["6.5%左右", "6.9%"]
        assert values(modality="actual") == ["6.9%", "1.6%"]
        assert values(indicator="cpi", modality="target") == ["3%左右"]
        assert values(region="000000", period="2017", measure="growth", q="居民消费") == ["3%左右", "1.6%"]
        assert values(region="全国", limit=1, offset=1) == ["3%左右"]
        assert values(period="2018") == []
        assert crud.count_records(session=session, indicator="gdp") == 2
        assert [d.key for d in crud.list_documents(session=session)] == ["2018.txt", "2017.txt"]
        assert [d.key for d in crud.list_documents(session=session, q="2017")] == ["2017.txt"]
        assert crud.count_documents(session=session, region="000000") == 2
        ids = [d.id for d in crud.list_documents(session=session)]
        assert crud.record_counts(session=session, document_ids=ids) == {ids[0]: 2, ids[1]: 2}


def test_delete_document_removes_its_records(store: Store) -> None:
    ingest(store, documents(), extractor=extractor)
    with store.session() as session:
        first = crud.list_documents(session=session, q="2017")[0].id
    with store.begin() as session:
        assert crud.delete_document(session=session, document_id=first)
        assert not crud.delete_document(session=session, document_id=first)
    assert [r.doc for r in stored(store)] == ["2018.txt", "2018.txt"]


def test_ingest_records_the_run_and_skips_stored_content(store: Store) -> None:
    report = ingest(store, [*documents(), "broken.pdf: not a PDF"], extractor=extractor, settings={"k": 1})
    assert (report.documents_added, report.records_added, report.errors) == (2, 4, ["broken.pdf: not a PDF"])
    again = ingest(store, documents(), extractor=lambda d: pytest.fail("stored text extracted again"))
    assert (again.documents_added, again.documents_skipped) == (0, 2)
    with store.session() as session:
        runs = session.scalars(select(RunRow).order_by(RunRow.id)).all()
        assert [(r.command, r.settings, r.counts["documents_added"]) for r in runs] == [
            ("ingest", {"k": 1}, 2),
            ("ingest", {}, 0),
        ]
        assert all(r.finished_at is not None and r.mubiao_version for r in runs)
        assert {r.run_id for r in session.scalars(select(RecordRow))} == {runs[0].id}


def test_failed_document_leaves_nothing_behind(store: Store) -> None:
    def bad(document: Document) -> list[TargetRecord]:
        good = extractor(document)
        return [*good, replace(good[0], measure=None)]  # violates NOT NULL at insert time

    with pytest.raises(Exception, match="(?i)null"):
        ingest(store, documents()[:1], extractor=bad)
    with store.session() as session:
        assert (crud.count_documents(session=session), crud.count_records(session=session)) == (0, 0)


def test_values_the_database_refuses_fail_their_document_only() -> None:
    # PostgreSQL checks the lengths of columns (SQLite does not): a corpus row whose id is a long URL
    # once stopped `mubiao ingest` with a traceback, losing every document after it
    store = open_store(fresh_database_url())
    first, second = documents()
    too_long = replace(first, id="corpus.jsonl#" + "x" * 1100)
    report = ingest(store, [too_long, second], extractor=lambda d: extractor(first if d is too_long else d))
    assert report.errors == [f"{too_long.id}: not stored (value too long for type character varying(1024))"]
    assert (report.documents_added, report.records_added) == (1, 2)
    assert [r.doc for r in stored(store)] == ["2018.txt", "2018.txt"]
    store.close()


def test_reextract_reports_and_applies_changes(store: Store) -> None:
    ingest(store, documents(), extractor=extractor)
    before = stored(store)

    def newer(document: Document) -> list[TargetRecord]:
        records = extractor(document)
        if document.id == "2017.txt":
            return [replace(records[0], hedge="力争")]  # one changed, the CPI target removed
        return [*records, record(document, "过去一年", "gdp", "actual", 1.0, measure="level")]  # one added

    preview = reextract(store, extractor=newer, dry_run=True)
    assert stored(store) == before
    changes = reextract(store, extractor=newer)
    assert [(c.key, len(c.added), len(c.removed), len(c.changed)) for c in changes] == [
        ("2017.txt", 0, 1, 1),
        ("2018.txt", 1, 0, 0),
    ]
    assert [(c.key, len(c.added), len(c.removed), len(c.changed)) for c in preview] == [
        (c.key, len(c.added), len(c.removed), len(c.changed)) for c in changes
    ]
    assert changes[0].changed[0].fields == {"hedge": (None, "力争")}
    assert reextract(store, extractor=newer)[0].unchanged
    assert len(stored(store)) == 4


def test_tracking_table_from_the_store(store: Store) -> None:
    ingest(store, documents(), extractor=extractor)
    with store.session() as session:
        rows = tracking.tracking_table(session=session)
        gdp = tracking.tracking_table(session=session, indicator="gdp", region="全国", period="2017")
    assert [(r.indicator, r.outcome_value, r.outcome_doc) for r in rows] == [
        ("cpi", 1.6, "2018.txt"),
        ("gdp", 6.9, "2018.txt"),
    ]
    assert [(r.status, r.margin) for r in gdp] == [("met", pytest.approx(0.4))]


def test_a_value_stated_for_two_indicators_is_tracked_for_each_from_the_store(store: Store) -> None:
    # 河北 2014's target and 2015's outcomes: the target is one record naming both incomes, its indicator null
    plan = "二、2014年主要预期目标\n城镇居民人均可支配收入和农民人均纯收入均增长8.5%以上。"
    review = "一、2014年工作回顾\n城乡居民人均可支配收入分别达到24220元和10200元，增长9%和11%。"
    ingest(
        store,
        [
            Document(text=plan, id="2014.txt", published="2014-01-20", region="河北省"),
            Document(text=review, id="2015.txt", published="2015-01-20", region="河北省"),
        ],
        extractor=extract_document,
    )
    with store.session() as session:
        rows = tracking.tracking_table(session=session)
    assert sorted((r.indicator, r.target_text, r.outcome_text, r.status) for r in rows) == [
        ("rural_disposable_income", "8.5%以上", "11%", "met"),
        ("urban_disposable_income", "8.5%以上", "9%", "met"),
    ]


def test_escalation_table_from_the_store(store: Store) -> None:
    ingest(store, documents(), extractor=extractor)
    with store.session() as session:
        rows = tracking.escalation_table(session=session, indicator="gdp", period="2017")
        assert [(r.level, r.target_text, r.reference_text) for r in rows] == [("country", "6.5%左右", None)]
        with pytest.raises(ValueError, match="火星"):
            tracking.escalation_table(session=session, indicator="gdp", period="2017", region="火星")
