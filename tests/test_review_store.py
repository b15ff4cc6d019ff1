"""People's decisions in the store (SQLite and a real PostgreSQL): kept apart from the machine's
records, logged, undone, and kept through re-extraction with changed records flagged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pgserver import fresh_database_url
from record_support import grounded_record as record
from sqlalchemy import select, text

from mubiao.record import Document, TargetRecord
from mubiao.store import Store, crud, open_store
from mubiao.store.db import make_engine, upgrade
from mubiao.store.ingest import ingest
from mubiao.store.models import RecordRow
from mubiao.store.reextract import reextract
from mubiao.store.review import ReviewError, decide, decisions, document_items, machine_key, undo

TEXT = (
    "今年发展的主要预期目标是：国内生产总值增长6.5%左右，居民消费价格涨幅3%左右，城镇新增就业1100万人以上。"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'mubiao.db'}" if request.param == "sqlite" else fresh_database_url()


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    opened = open_store(url)
    yield opened
    opened.close()


def extractor(document: Document) -> list[TargetRecord]:
    return [
        record(document, "6.5%左右", "gdp", "target", 6.5),
        record(document, "3%左右", "cpi", "target", 3.0),
        record(document, "1100万人", "new_jobs", "target", 1.1e7, measure="level", unit="person"),
    ]


def fill(store: Store) -> int:
    ingest(store, [Document(text=TEXT, id="2017.txt", published="2017-03-05")], extractor=extractor)
    with store.session() as session:
        return crud.list_documents(session=session)[0].id


def key_of(value_text: str) -> str:
    start = TEXT.index(value_text)
    return machine_key(start, start + len(value_text))


def items(store: Store, document_id: int) -> dict[str, tuple[str, TargetRecord, bool]]:
    with store.session() as session:
        return {
            i.key: (i.status, i.record, i.stale)
            for i in document_items(session=session, document_id=document_id)
        }


def test_decisions_are_kept_apart_from_the_machine_records(store: Store) -> None:
    doc = fill(store)
    with store.begin() as session:
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("6.5%左右"))
        decide(
            session=session,
            document_id=doc,
            reviewer="王芳",
            action="correct",
            key=key_of("3%左右"),
            fields={"indicator": "cpi_growth", "value_low": 3.5, "value_high": 3.5},
        )
        decide(session=session, document_id=doc, reviewer="李明", action="reject", key=key_of("1100万人"))
        start = TEXT.index("主要预期目标")
        decide(
            session=session,
            document_id=doc,
            reviewer="李明",
            action="add",
            fields={"start": start, "end": start + 2, "indicator_text": "主要", "unit": "count"},
        )
    seen = items(store, doc)
    assert [s for s, _, _ in seen.values()] == ["added", "accepted", "corrected", "rejected"]
    assert seen[key_of("3%左右")][1].value_low == 3.5
    assert seen[key_of("3%左右")][1].indicator_key == "cpi_growth"
    added = next(r for s, r, _ in seen.values() if s == "added")
    assert (added.value_text, added.doc) == ("主要", "2017.txt")
    # the machine's records are as the extractor made them
    with store.session() as session:
        machine = {r.value_text: r for r in session.scalars(select(RecordRow))}
        assert machine["3%左右"].value_low == 3.0 and machine["3%左右"].indicator == "cpi"
        log = decisions(session=session, document_id=doc)
    assert [(d.reviewer, d.status) for d in log] == [
        ("王芳", "accepted"),
        ("王芳", "corrected"),
        ("李明", "rejected"),
        ("李明", "added"),
    ]
    assert log[1].changes == {
        "indicator": ["cpi", "cpi_growth"],
        "indicator_key": [None, "cpi_growth"],
        "value_low": [3.0, 3.5],
        "value_high": [3.0, 3.5],
    }
    assert log[0].decided_at is not None and log[0].changes == {}


def test_moving_a_span_takes_the_value_text_from_the_document(store: Store) -> None:
    doc = fill(store)
    start = TEXT.index("1100万人以上")
    with store.begin() as session:
        decide(
            session=session,
            document_id=doc,
            reviewer="王芳",
            action="correct",
            key=key_of("1100万人"),
            fields={"start": start, "end": start + len("1100万人以上"), "comparator": "ge"},
        )
    status, moved, _ = items(store, doc)[key_of("1100万人")]
    assert (status, moved.value_text, moved.comparator) == ("corrected", "1100万人以上", "ge")


def test_undo_puts_back_the_state_before(store: Store) -> None:
    doc = fill(store)
    key = key_of("3%左右")
    with store.begin() as session:
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key)
        decide(
            session=session,
            document_id=doc,
            reviewer="王芳",
            action="correct",
            key=key,
            fields={"period": "2018"},
        )
    with store.begin() as session:
        assert undo(session=session, reviewer="王芳") is not None
    assert items(store, doc)[key][:1] == ("accepted",)
    with store.begin() as session:
        undo(session=session, reviewer="王芳")
    assert items(store, doc)[key][0] == "machine"
    with store.begin() as session:
        assert undo(session=session, reviewer="王芳") is None
        assert all(d.undone_at is not None for d in decisions(session=session, document_id=doc))


def test_bad_decisions_are_refused_with_the_reason(store: Store) -> None:
    doc = fill(store)
    with store.begin() as session:
        with pytest.raises(ReviewError, match="measure must be one of"):
            decide(
                session=session,
                document_id=doc,
                reviewer="王芳",
                action="correct",
                key=key_of("3%左右"),
                fields={"measure": "speed"},
            )
        with pytest.raises(ReviewError, match="no record m0-2"):
            decide(session=session, document_id=doc, reviewer="王芳", action="accept", key="m0-2")
        with pytest.raises(ReviewError, match="not inside the document"):
            decide(
                session=session,
                document_id=doc,
                reviewer="王芳",
                action="add",
                fields={"start": 5, "end": 900},
            )
        with pytest.raises(ReviewError, match="reviewer"):
            decide(session=session, document_id=doc, reviewer=" ", action="accept", key=key_of("3%左右"))


def test_reextraction_keeps_decisions_and_flags_changed_records(store: Store) -> None:
    doc = fill(store)
    with store.begin() as session:
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("6.5%左右"))
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("3%左右"))
        decide(session=session, document_id=doc, reviewer="王芳", action="reject", key=key_of("1100万人"))

    def changed(document: Document) -> list[TargetRecord]:
        old = extractor(document)
        return [old[0], replace(old[1], period="2018"), replace(old[2], period="2018")]

    [change] = reextract(store, extractor=changed)
    assert change.flagged == 1  # the accepted cpi record; a rejected one needs no second look
    seen = items(store, doc)
    assert seen[key_of("6.5%左右")][::2] == ("accepted", False)
    status, kept, stale = seen[key_of("3%左右")]
    assert (status, kept.period, stale) == ("accepted", "2017", True)
    assert seen[key_of("1100万人")][0] == "rejected"
    # a new decision on it is the second look
    with store.begin() as session:
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("3%左右"))
    assert items(store, doc)[key_of("3%左右")][2] is False


def test_deleting_a_document_deletes_its_reviews(store: Store) -> None:
    doc = fill(store)
    with store.begin() as session:
        decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("6.5%左右"))
    with store.begin() as session:
        assert crud.delete_document(session=session, document_id=doc)
    with store.session() as session:
        assert session.execute(text("SELECT count(*) FROM reviews")).scalar_one() == 0
        assert session.execute(text("SELECT count(*) FROM review_decisions")).scalar_one() == 0


def test_a_store_of_the_first_revision_upgrades_in_place_and_keeps_its_records(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        doc = connection.execute(
            text(
                "INSERT INTO documents (key, text, content_hash, page_starts, created_at) "
                "VALUES ('old.txt', :t, :h, '[]', CURRENT_TIMESTAMP) RETURNING id"
            ),
            {"t": TEXT, "h": crud.content_hash(TEXT)},
        ).scalar_one()
        connection.execute(
            text(
                'INSERT INTO records (document_id, doc, start, "end", value_text, quote, indicator_text, '
                "indicator, measure, value_low, value_high, comparator, unit, modality, period, annual_average) "
                "VALUES (:d, 'old.txt', :s, :e, '6.5%左右', '国内生产总值增长6.5%左右', '国内生产总值', 'gdp', "
                "'growth', 6.5, 6.5, 'approx', '%', 'target', '2017', false)"
            ),
            {"d": doc, "s": TEXT.index("6.5%左右"), "e": TEXT.index("6.5%左右") + 6},
        )
    engine.dispose()
    store = open_store(url)
    try:
        assert [(s, r.value_text) for s, r, _ in items(store, doc).values()] == [("machine", "6.5%左右")]
        with store.begin() as session:
            decide(session=session, document_id=doc, reviewer="王芳", action="accept", key=key_of("6.5%左右"))
        assert [s for s, _, _ in items(store, doc).values()] == ["accepted"]
    finally:
        store.close()
