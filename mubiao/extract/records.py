"""The records stage: one TargetRecord a reading and one a table value, in text order, each with
the trace of the stages that decided its fields."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from mubiao.extract.doc import Doc, Reading
from mubiao.extract.modality import decide
from mubiao.extract.record_region import name_without_place
from mubiao.extract.tables import TableValue
from mubiao.extract.trace import RecordTrace
from mubiao.record import TargetRecord
from mubiao.taxonomy import (
    indicator_id,
    indicator_key,
    is_bare_head,
    normalised_name,
    subject_name,
    unit_fits,
)

# the stage and rules of the steps an identity takes
WHOLE_NAME = "the id of the whole name where the words written by the value have none"
UNIT_NOT_WRITTEN = "a value in a unit its indicator is not written in has no id"
# the names of a batch repeat (地区生产总值, 增速): the indicator each names, in a measure and unit, is read
# once in this many
IDENTITIES_KEPT = 8192


class Identity(NamedTuple):
    """The indicator a value's words name (``_identity``), and the steps of the trace that decided it
    ((stage, rule, words), in order). A bare head's is left to its subject in the sentence (``bare``)."""

    measured: str  # the words its id and key are read from
    indicator: str | None
    key: str | None
    steps: tuple[tuple[str, str, str], ...]
    bare: bool


def build_records(doc: Doc) -> tuple[list[TargetRecord], list[RecordTrace]]:
    text, published = doc.text, doc.structure.published  # (read once, not once a record)
    records = [_record(doc, text, published, r) for r in doc.readings]
    traces = [r.trace for r in doc.readings]
    if doc.tables:  # (the readings follow the mentions, in text order: a table's records go among them)
        pairs = [*zip(records, traces, strict=True), *(_table_record(doc, v) for v in doc.tables)]
        pairs.sort(key=lambda pair: pair[0].start)
        records, traces = [record for record, _ in pairs], [trace for _, trace in pairs]
    return records, traces


def _record(doc: Doc, text: str, published: str | None, reading: Reading) -> TargetRecord:
    document, mention = doc.document, reading.mention
    clause_start, clause_end = reading.clause
    name = reading.indicator_text
    # a gap measures the indicator it compares; a place named as subject is no part of the indicator
    # (name_without_place only for a value whose place was named as subject: most have none)
    measured = reading.compared or reading.measured_name or name
    whole = name
    if reading.region_words:
        whole = name_without_place(name, reading)
        measured = whole if measured is name else name_without_place(measured, reading)
    identity = _identity(measured, whole, reading.measure, mention.unit)
    for step in identity.steps:
        reading.trace.add(*step)
    indicator, key = identity.indicator, identity.key
    if identity.bare:
        measured = identity.measured
        if subject := _subject(doc, measured, mention.start):
            reading.trace.add(
                "records", "a bare head measures the subject named before it in its sentence", subject
            )
            measured = subject
        indicator, key = _indicator(measured, reading.measure, mention.unit, reading.trace)
    # (positional, in the order of TargetRecord's fields: keywords cost its __init__ three times the
    # time, for every record)
    return TargetRecord(
        document.id,  # doc
        mention.start,
        mention.end,
        text[mention.start : mention.end],  # value_text
        text[clause_start:clause_end],  # quote
        name + reading.name_mark,  # indicator_text
        indicator,
        reading.measure,
        reading.low,  # value_low
        reading.high,  # value_high
        reading.comparator,
        mention.unit,
        reading.modality,
        reading.period,
        reading.annual_average,
        reading.hedge,
        reading.region,
        reading.region_code,
        published,
        document.page_at(mention.start) if document.page_starts else None,  # page
        key,  # indicator_key
        reading.relative_to,
    )


@lru_cache(maxsize=IDENTITIES_KEPT)
def _identity(measured: str, whole: str, measure: str, unit: str) -> Identity:
    """The indicator of a value whose words name ``measured``, in a name ``whole`` (its id where the
    words have none: 城镇居民人均 + 工资性收入), of ``measure`` in ``unit``: a pure function of a few
    short strings, read once for each of them (it took most of this stage's time, made for every value)."""
    steps: tuple[tuple[str, str, str], ...] = ()
    if not indicator_id(measured) and indicator_id(whole):
        steps, measured = (("records", WHOLE_NAME, whole),), whole
    if is_bare_head(measured):  # its subject is in its sentence: read by the caller
        return Identity(measured, None, None, steps, True)
    indicator, key, unfit = _indicator_of(measured, measure, unit)
    if unfit:
        steps += (("records", UNIT_NOT_WRITTEN, unfit),)
    return Identity(measured, indicator, key, steps, False)


def _subject(doc: Doc, name: str, at: int) -> str | None:
    """The name a bare head (总产量) at ``at`` takes from the words before it in its sentence (the caller
    tests that ``name`` is one)."""
    sentence = doc.text[doc.sentences.bounds(at)[0] : at]
    return subject_name(name, sentence.rpartition(name)[0])


def _table_record(doc: Doc, value: TableValue) -> tuple[TargetRecord, RecordTrace]:
    """A record for a number in a table: its row names the indicator, its column the measure."""
    text, document, structure = doc.text, doc.document, doc.structure
    part = structure.part_at(value.start)
    sentence_start = doc.sentences.bounds(value.start)[0]
    period, _ = doc.periods.at(value.start, sentence_start, part)
    row = text[value.row_start : value.row_end]
    bulletin = structure.genre == "statistical_bulletin" and structure.reported_year is not None
    decided = decide(part, period, structure.publication_year, row, None, None, bulletin)
    trace = RecordTrace(value=text[value.start : value.end], part=part.heading[:30] or None, table_row=row)
    trace.add("tables", "a table's row names the indicator, its column the measure", value.name)
    indicator, key = _indicator(value.name, value.measure, value.unit, trace)
    record = TargetRecord(
        doc=document.id,
        start=value.start,
        end=value.end,
        value_text=text[value.start : value.end],
        quote=row,
        indicator_text=value.name,
        indicator=indicator,
        indicator_key=key,
        measure=value.measure,
        value_low=value.value,
        value_high=value.value,
        comparator="eq",
        unit=value.unit,
        modality=decided[0] if decided else "actual",
        period=period,
        region=document.region,
        region_code=document.region_code,
        published=structure.published,
        page=document.page_at(value.start),
    )
    return record, trace


def _indicator(name: str, measure: str, unit: str, trace: RecordTrace) -> tuple[str | None, str | None]:
    """The indicator id and key of a value named ``name`` (``_indicator_of``), its trace told where the
    unit is not the indicator's."""
    indicator, key, unfit = _indicator_of(name, measure, unit)
    if unfit:
        trace.add("records", UNIT_NOT_WRITTEN, unfit)
    return indicator, key


def _indicator_of(name: str, measure: str, unit: str) -> tuple[str | None, str | None, str]:
    """The indicator id and key of a value named ``name``: no id when the value's unit is not one
    the indicator is written in (a share of an output, a count of dwellings sold), and then the
    key is the name's own, not the id's; and, then, the id and the unit ("" otherwise)."""
    ident = indicator_id(name) if name else None
    if ident and not unit_fits(ident, measure, unit):
        return None, normalised_name(name) or None, f"{ident} {unit}"
    return ident, indicator_key(name), ""
