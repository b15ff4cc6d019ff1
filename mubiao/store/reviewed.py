"""The records as readers see them, across documents: the machine records nobody reviewed and the
reviews, in one query that filters, counts and sorts (the records table, exports, tracking)::

    with store.session() as session:
        page = query_items(session=session, filters={"indicator": "gdp"}, status="corrected",
                           sort="-value_low", limit=50)
        counts = facet_counts(session=session, filters={"indicator": "gdp"})
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import Integer, Subquery, and_, false, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from mubiao.record import TargetRecord
from mubiao.store.crud import NONE, RecordFilters, records_filter
from mubiao.store.models import RecordRow, ReviewRow
from mubiao.store.review import COPIED_FIELDS, STATUSES, Item, machine_item, review_item
from mubiao.track.members import each_member

# the columns a reader can sort the records by (a leading "-": descending)
SORTABLE = (
    "document_id",
    "region",
    "indicator",
    "indicator_text",
    "value_text",
    "value_low",
    "unit",
    "measure",
    "modality",
    "period",
    "status",
)
FACETS = ("region", "indicator", "measure", "modality", "period", "status")
# records read from the store at a time when all of them are wanted (exports, tracking)
BATCH = 5_000


def _review_of_span() -> Any:
    """What joins a machine record to the review of its span."""
    return and_(
        ReviewRow.document_id == RecordRow.document_id,
        ReviewRow.machine_start == RecordRow.start,
        ReviewRow.machine_end == RecordRow.end,
    )


def items_subquery() -> Subquery:
    """One row per record as readers see it: ``record_id`` (a machine record nobody reviewed) or
    ``review_id``, ``document_id``, ``status``, ``stale`` and the copied record fields."""
    reviewed = _review_of_span()
    machine = (
        select(
            RecordRow.id.label("record_id"),
            null().cast(Integer).label("review_id"),
            RecordRow.document_id,
            literal("machine").label("status"),
            false().label("stale"),
            *(getattr(RecordRow, name) for name in COPIED_FIELDS),
        )
        .outerjoin(ReviewRow, reviewed)
        .where(ReviewRow.id.is_(None))
    )
    people = select(
        null().cast(Integer).label("record_id"),
        ReviewRow.id.label("review_id"),
        ReviewRow.document_id,
        ReviewRow.status,
        ReviewRow.stale,
        *(getattr(ReviewRow, name) for name in COPIED_FIELDS),
    )
    return union_all(machine, people).subquery("items")


def _filtered(stmt: Any, items: Subquery, filters: RecordFilters, status: str | None) -> Any:
    stmt = records_filter(stmt, filters, items.c)
    if status == "reviewed":
        stmt = stmt.where(items.c.status != "machine")
    elif status == "changed":
        stmt = stmt.where(items.c.stale.is_(True))
    elif status:
        stmt = stmt.where(items.c.status == status)
    return stmt


def _order(items: Subquery, sort: str | None) -> list[Any]:
    default = [items.c.document_id, items.c.start, items.c.record_id, items.c.review_id]
    if not sort:
        return default
    name = sort.removeprefix("-")
    if name not in SORTABLE:
        raise ValueError(f"cannot sort by {name!r}: one of {', '.join(SORTABLE)}")
    column = items.c[name]
    return [column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last(), *default]


def _load(session: Session, rows: Sequence[Any]) -> list[Item]:
    machine_ids = [r.record_id for r in rows if r.record_id is not None]
    review_ids = [r.review_id for r in rows if r.review_id is not None]
    machine = {r.id: r for r in session.scalars(select(RecordRow).where(RecordRow.id.in_(machine_ids)))}
    reviews = {r.id: r for r in session.scalars(select(ReviewRow).where(ReviewRow.id.in_(review_ids)))}
    return [
        machine_item(machine[r.record_id]) if r.record_id is not None else review_item(reviews[r.review_id])
        for r in rows
    ]


def query_items(
    *,
    session: Session,
    filters: RecordFilters | None = None,
    status: str | None = None,
    sort: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[Item]:
    """Records as readers see them, matching ``filters`` (as ``crud.query_records``) and
    ``status`` (one of STATUSES, ``reviewed``: any decided, ``changed``: changed since review),
    ordered by ``sort`` (a SORTABLE column, ``-`` for descending) then by document and offset."""
    items = items_subquery()
    stmt = _filtered(select(items.c.record_id, items.c.review_id), items, filters or {}, status)
    rows = session.execute(stmt.order_by(*_order(items, sort)).limit(limit).offset(offset)).all()
    return _load(session, rows)


def item_batches(
    *,
    session: Session,
    filters: RecordFilters | None = None,
    status: str | None = None,
    sort: str | None = None,
    size: int = BATCH,
) -> Iterator[list[Item]]:
    """Every record ``query_items`` would give without a limit, in lists of at most ``size``: the
    rows are read from one cursor as they are needed (a server-side cursor on PostgreSQL), so
    that memory holds one list at a time, whatever the store's size."""
    items = items_subquery()
    stmt = _filtered(select(items.c.record_id, items.c.review_id), items, filters or {}, status)
    result = session.execute(stmt.order_by(*_order(items, sort)).execution_options(yield_per=size))
    for rows in result.partitions():
        yield _load(session, rows)


def count_items(*, session: Session, filters: RecordFilters | None = None, status: str | None = None) -> int:
    items = items_subquery()
    stmt = _filtered(select(func.count()).select_from(items), items, filters or {}, status)
    return int(session.scalar(stmt) or 0)


def facet_counts(
    *, session: Session, filters: RecordFilters | None = None, status: str | None = None
) -> dict[str, dict[str, int]]:
    """For each facet, how many records each of its values has under the other filters (a
    facet's own filter is left out, so that its other values stay in view); the records without a
    value are counted under ``NONE``."""
    filters = filters or {}
    items = items_subquery()
    out: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        others: dict[str, Any] = {k: v for k, v in filters.items() if k != facet}
        column = items.c[facet]
        stmt = _filtered(
            select(column, func.count()).select_from(items),
            items,
            others,  # type: ignore[arg-type]
            None if facet == "status" else status,
        )
        counts: dict[str, int] = {}
        for value, n in session.execute(stmt.group_by(column)):
            key = NONE if value in (None, "") else str(value)  # what the filter takes for them
            counts[key] = counts.get(key, 0) + int(n)
        out[facet] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    out["status"] = {name: out["status"].get(name, 0) for name in STATUSES}
    return out


def progress(*, session: Session, document_ids: Sequence[int] | None = None) -> dict[int, tuple[int, int]]:
    """(reviewed, total) records per document: reviewed = decided and not changed since."""
    items = items_subquery()
    done = func.sum(((items.c.status != "machine") & items.c.stale.is_(False)).cast(Integer))
    stmt = select(items.c.document_id, done, func.count()).group_by(items.c.document_id)
    if document_ids is not None:
        stmt = stmt.where(items.c.document_id.in_(document_ids))
    return {doc: (int(reviewed or 0), int(total)) for doc, reviewed, total in session.execute(stmt)}


def current_records(
    *, session: Session, filters: RecordFilters | None = None, reviewed_only: bool = False
) -> list[TargetRecord]:
    """The records to use (tracking, exports): a person's version where there is one, the
    machine's otherwise (``reviewed_only``: none of those); rejected records are left out."""
    status = "reviewed" if reviewed_only else None
    return [
        item.record
        for item in query_items(session=session, filters=filters, status=status, limit=None)
        if item.status != "rejected"
    ]


def _link(record: TargetRecord) -> tuple[str | None, str]:
    return record.indicator_key or record.indicator, record.measure


def tracked_groups(
    *, session: Session, filters: RecordFilters | None = None, reviewed_only: bool = False, size: int = BATCH
) -> Iterator[list[TargetRecord]]:
    """The records to use (as ``current_records``) that tracking can link, those with an indicator
    (its key or id) and a period, in groups of one indicator and measure, each group in the order
    of ``current_records``. A target is linked to records of its own indicator and measure only,
    so tracking each group gives the rows of tracking them all, while memory holds one group: the
    machine records are read from the store sorted by indicator and measure; people's versions
    (few) are read first and joined to their group."""
    filters = filters or {}
    people: dict[tuple[str | None, str], list[tuple[tuple, TargetRecord]]] = defaultdict(list)
    for batch in item_batches(session=session, filters=filters, status="reviewed", size=size):
        for item in batch:
            if item.status != "rejected" and item.record.period:
                # as items_subquery orders them: a review before a machine record at its offset
                order = (item.document_id, item.record.start, 0, item.review_id)
                for record in each_member(item.record):
                    if _link(record)[0]:
                        people[_link(record)].append((order, record))
    if not reviewed_only:
        link = func.coalesce(func.nullif(RecordRow.indicator_key, ""), func.nullif(RecordRow.indicator, ""))
        linked = records_filter(
            select(RecordRow)
            .outerjoin(ReviewRow, _review_of_span())
            .where(ReviewRow.id.is_(None), link.is_not(None), func.coalesce(RecordRow.period, "") != ""),
            filters,
        )
        # a value stated once for several indicators joins the group of each (each_member), which its own key, a
        # name, sorts after: read first, as people's versions are
        of_lists = set()
        without_id = linked.where(func.coalesce(RecordRow.indicator, "") == "")
        for row in session.scalars(without_id.execution_options(yield_per=size)):
            if len(members := each_member(row.to_record())) > 1:
                of_lists.add(row.id)
                for record in members:
                    people[_link(record)].append(((row.document_id, record.start, 1, row.id), record))
        machine = linked.order_by(
            link, RecordRow.measure, RecordRow.document_id, RecordRow.start, RecordRow.id
        )
        rows = session.scalars(machine.execution_options(yield_per=size))
        for key, group in groupby(((row.to_record(), row) for row in rows), key=lambda pair: _link(pair[0])):
            found = [
                ((row.document_id, record.start, 1, row.id), record)
                for record, row in group
                if row.id not in of_lists
            ]
            if found or key in people:
                yield _in_order(found + people.pop(key, []))
    for found in people.values():
        yield _in_order(found)


def _in_order(found: list[tuple[tuple, TargetRecord]]) -> list[TargetRecord]:
    return [record for _, record in sorted(found, key=lambda pair: pair[0])]


def finished_documents(*, session: Session) -> dict[int, list[TargetRecord]]:
    """The documents whose every record a person decided (none left to the machine, none changed
    since review), with their records to use (rejected ones left out), by document id."""
    done = [doc for doc, (reviewed, total) in progress(session=session).items() if reviewed == total]
    out: dict[int, list[TargetRecord]] = defaultdict(list)
    for doc in sorted(done):
        out[doc] = [
            item.record
            for item in query_items(session=session, filters={"document_id": doc}, limit=None)
            if item.status != "rejected"
        ]
    return out
