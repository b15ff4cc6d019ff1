"""The one object the extractor's stages work on: a document and what the stages found in it.

Each stage reads what the stages before it set and sets its own attributes; no stage works out
again what an earlier one decided (see pipeline.PIPELINE for the order)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from mubiao.extract.interpret import Head
from mubiao.extract.period import PeriodCue, Periods
from mubiao.extract.segment import Marks, Sentences
from mubiao.extract.structure import DocumentStructure, Part
from mubiao.extract.tables import TableValue
from mubiao.extract.trace import RecordTrace
from mubiao.numbers import Mention
from mubiao.record import Document, TargetRecord


class Context(NamedTuple):
    """What one value inherits from the values before it in the same sentence. (A named tuple made with
    new_context: one is made for every value, and a dataclass takes twice as long to make.)"""

    head: Head
    names: list[str]
    list_index: int
    verb: str
    mention: Mention | None = None
    inherited: bool = False  # the names stand for the indicator named before (ellipsis)
    # the parts' heads as written where the names took their owner from the words before (subject_before, part_of)
    owned_heads: tuple[str, ...] = ()


# a Context from all its fields in order, made by tuple.__new__ straight (the named tuple's own __new__ is
# one Python call more)
new_context = tuple.__new__


@dataclass(slots=True)
class Reading:
    """One value mention and what the stages decided about it, field by field."""

    mention: Mention
    sentence: tuple[int, int]  # start and end of its sentence
    part: Part
    list_position: tuple[int, int]  # (position, size) in a list of values written one after another
    context: Context
    indicator_text: str
    trace: RecordTrace
    # what the name says of this value besides the indicator: a baseline （起点）, a cumulative stock （累计）
    name_mark: str = ""
    # the words its id and key are read from where they differ from its name (measured_name, names.py)
    measured_name: str = ""
    measure: str = "level"
    comparator: str = "eq"
    low: float | None = None
    high: float | None = None
    hedge: str | None = None
    period: str | None = None
    period_cue: PeriodCue | None = None
    annual_average: bool = False  # each year's value of a period of several years (年均, 每年, 连续N年)
    modality: str = "actual"
    # a gap to a benchmark (spec: "Relative and tiered targets"): the benchmark as written, and the
    # name of the indicator compared, which gives the record its indicator and measure
    relative_to: str | None = None
    compared: str | None = None
    # whose number it is (record_region stage): the region, its code, and the place's words that decided
    region: str | None = None
    region_code: str | None = None
    region_words: str = ""
    # start and end of its clause (segment.clause_bounds): found by the periods stage, which reads the
    # words before the value in it, and quoted by the records stage
    clause: tuple[int, int] = (0, 0)
    below: bool = False  # a gap below its benchmark (低于全省0.5个百分点): negative


@dataclass(slots=True)
class Outside:
    """What a chunk of a long text (extract/chunks.py) takes from the rest of the text, so that its
    records are those the whole text gives."""

    period_cue: PeriodCue | None  # the cue lasting to the chunk's start, offsets relative to the chunk
    modality: str  # what the whole text states most (modality.prevailing)
    # the last note that the figures after it are estimates (（预计，下同）) before the chunk, relative to it
    estimate_note: int | None = None


@dataclass(slots=True)
class Doc:
    document: Document
    structure: DocumentStructure | None = None
    sentences: Sentences | None = None
    clause_ends: Marks | None = None  # segment.CLAUSE_END
    narrow_text: str = ""  # the text with full-width digits and signs as ASCII, one to one
    line_ends: Marks | None = None
    periods: Periods | None = None
    goal_statements: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, words)
    tables: list[TableValue] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # (position, size) in a list of values, by index in ``mentions``
    lists: dict[int, tuple[int, int]] = field(default_factory=dict)
    readings: list[Reading] = field(default_factory=list)
    records: list[TargetRecord] = field(default_factory=list)
    traces: list[RecordTrace] = field(default_factory=list)  # one a record, in the same order
    outside: Outside | None = None  # set for a chunk of a longer text, None for a whole text

    @property
    def text(self) -> str:
        return self.document.text
