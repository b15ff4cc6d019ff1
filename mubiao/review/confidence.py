"""A record's confidence, from how its fields were decided (the extractor's trace).

A field set by an explicit cue at the number (力争 in the sentence, 2024年 before the value) is
surer than one taken from the part of the document or from the document as a whole; the rows of
``mubiao/knowledge/confidence.toml`` say how much. A record is as sure as its least sure field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from mubiao.extract.pipeline import run
from mubiao.extract.trace import RecordTrace
from mubiao.knowledge import load
from mubiao.record import RECORD_FIELDS, Document, TargetRecord

# a stored record the current extractor reads otherwise, or no longer finds, is the least sure
DISAGREES = 0.2
GONE = 0.1
# fields that are the document's, not the extractor's judgement
_COMPARED = tuple(name for name in RECORD_FIELDS if name != "doc")


@dataclass(frozen=True, slots=True)
class Confidence:
    value: float
    basis: str  # the least sure field and what decided it, e.g. "period ← the document's year"


@cache
def _rows() -> tuple[tuple[str, str, float], ...]:
    return tuple((row["field"], row["trace"], float(row["sureness"])) for row in load("confidence")["field"])


def _sureness(field: str, trace: str) -> float:
    for name, pattern, sureness in _rows():
        if name != field:
            continue
        if pattern.startswith("*") and pattern[1:] in trace or trace.startswith(pattern):
            return sureness
    return 1.0


def of_trace(why: RecordTrace) -> Confidence:
    """The confidence of one record from its trace (``pipeline.run(document).traces``)."""
    if why.table_row is not None:
        return Confidence(_sureness("table", "table row"), "table ← a cell of a table")
    if not why.indicator_names:
        indicator = "no name"
    elif why.names_from_before:
        indicator = "named before"
    else:
        indicator = "own"
    fields = {
        "indicator": indicator,
        "period": str(why.of("periods") or ""),
        "modality": str(why.of("modalities") or ""),
    }
    scored = [(_sureness(name, trace), name, trace) for name, trace in fields.items()]
    value, name, trace = min(scored, key=lambda t: t[0])
    return Confidence(value, f"{name} ← {trace}")


# what the current extractor finds in a text: by span, each record with its confidence
Current = dict[tuple[int, int], tuple[TargetRecord, Confidence]]


def by_span(records: list[TargetRecord], confidences: list[Confidence]) -> Current:
    """Records of one run of the extractor and their confidences, by span (the first of a span)."""
    out: Current = {}
    for record, confidence in zip(records, confidences, strict=True):
        out.setdefault((record.start, record.end), (record, confidence))
    return out


@lru_cache(maxsize=512)
def _current(
    text: str, key: str, published: str | None, region: str | None, region_code: str | None
) -> Current:
    document = Document(text=text, id=key, published=published, region=region, region_code=region_code)
    doc = run(document)
    return by_span(doc.records, [of_trace(why) for why in doc.traces])


def of_document(
    document: Document, records: list[TargetRecord], current: Current | None = None
) -> list[Confidence]:
    """The confidence of each stored record of ``document``: the current extractor's, when it
    reads the record the same way; lower when it reads it otherwise or finds nothing there.
    ``current``: what the extractor found in the text when the caller has just run it (an upload's
    worker process), else the extractor is run here."""
    if current is None:
        current = _current(
            document.text, document.id, document.published, document.region, document.region_code
        )
    out = []
    for record in records:
        found = current.get((record.start, record.end))
        if found is None:
            out.append(Confidence(GONE, "the current extractor finds no record here"))
        elif any(getattr(found[0], n) != getattr(record, n) for n in _COMPARED):
            out.append(Confidence(DISAGREES, "the current extractor reads it differently"))
        else:
            out.append(found[1])
    return out
