"""The extractor as a pipeline of named stages over one Doc (spaCy's Doc and components are the
model): each stage has one job, reads what the stages before it set, and records in the typed
trace (extract/trace.py) the rule that fired. Another stage is added by naming it in PIPELINE."""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date

from mubiao.extract.bases import drop_rate_bases
from mubiao.extract.doc import Doc, Outside, Reading
from mubiao.extract.interpret import ANNUAL, annual_average
from mubiao.extract.lists import find_lists, year_of_member
from mubiao.extract.measures import read_hedges, read_measures
from mubiao.extract.modality import (
    NAMED_GOAL_WORD,
    decide_by_goal_after,
    decide_by_place,
    decide_by_words,
    part_says,
    prevailing,
)
from mubiao.extract.names import read_names
from mubiao.extract.period import (
    FIVE_YEAR_ROLES,
    Periods,
    find_period_cues,
    goal_statement_cues,
    over_the_part,
)
from mubiao.extract.record_region import read_regions
from mubiao.extract.records import build_records
from mubiao.extract.relative import read_relative
from mubiao.extract.segment import CLAUSE_END, MARKS, SENTENCE_END, Marks, Sentences, clause_bounds
from mubiao.extract.structure import goal_statement, read_region, read_structure
from mubiao.extract.tables import find_table_values
from mubiao.extract.tiers import find_tiers
from mubiao.extract.wraps import reading_document, to_original, unwrap
from mubiao.firstchar import opening_with
from mubiao.knowledge import load
from mubiao.numbers import find_mentions
from mubiao.numbers.numerals import narrow
from mubiao.record import Document, TargetRecord
from mubiao.regions import title_like_names

Stage = Callable[[Doc], None]
# how far back a statement of goals (主要预期目标是：…) is looked for before a value, in its paragraph
GOAL_STATEMENT_REACH = 300
FULL_STOP = MARKS["full_stop"]
# how far either side of a value its sentence's words are read for its modality
SENTENCE_REACH = 300
# how far before a value 年均/每年 is looked for, within its clause; looked for only where it can start
ANNUAL_REACH = 30
ANNUAL_AT_VALUE = opening_with(load("cues")["period"]["annual_starts"], ANNUAL.pattern)


def structure(doc: Doc) -> None:
    """Genre, title, publication year, parts and the document's region; read once (ingest may have
    done it already)."""
    document = doc.document
    if document.structure is not None:
        doc.structure = document.structure
        return
    doc.structure = read_structure(document)
    if not document.region_code:  # a caller that did not ingest, with a region's name or none
        read_region(document, doc.structure, title_like_names(document.id))


def segments(doc: Doc) -> None:
    doc.clause_ends = Marks(doc.text, CLAUSE_END)  # sentence ends and line ends are some of these
    doc.sentences = Sentences(doc.text, doc.clause_ends.only(SENTENCE_END))
    doc.line_ends = doc.clause_ends.only("\n")
    if (
        breaks := doc.structure.paragraph_breaks
    ):  # a capture on one line: its paragraphs end where its lines did
        doc.line_ends = Marks(doc.text, "\n", sorted(doc.line_ends.positions + breaks))
    # numbers, periods and names are read with the page furniture a capture writes among the sentences blanked
    doc.narrow_text = narrow(doc.structure.masked(doc.text))


def period_cues(doc: Doc) -> None:
    year = doc.structure.year
    cues = find_period_cues(doc.narrow_text, year)  # ２００１年 is a year as 2001年 is
    doc.goal_statements = [(m.start(), m.end(), m.group()) for m in goal_statement().finditer(doc.text)]
    goals = goal_statement_cues(doc.text, doc.goal_statements, doc.structure.parts)
    cues = sorted(cues + goals, key=lambda cue: cue.start) if goals else cues
    carried = doc.outside.period_cue if doc.outside else None
    default = str(year) if year else None
    doc.periods = Periods(cues, doc.sentences, doc.line_ends, doc.clause_ends, default, carried)


def tables(doc: Doc) -> None:
    doc.tables = find_table_values(doc.text)


def mentions(doc: Doc) -> None:
    """Value mentions outside table rows (a table's numbers are read by its rows and columns)."""
    found = find_mentions(doc.narrow_text, narrowed=True)
    if not doc.tables:  # (most texts have no table: no value is looked up in one)
        doc.mentions = found
        return
    rows = sorted({(v.row_start, v.row_end) for v in doc.tables})
    doc.mentions = [m for m in found if not _inside(rows, m.start)]


def value_periods(doc: Doc) -> None:
    """The period of each value: a cue at it or before it, else its part's years, else the document's;
    and whether the value is each year's of that period (annual_average)."""
    text, periods, clause_ends = doc.text, doc.periods, doc.clause_ends
    at, explain, search = (
        periods.at,
        periods.explain,
        ANNUAL_AT_VALUE.search,
    )  # (looked up once, not per value)
    previous: Reading | None = None
    for reading in doc.readings:
        mention, part = reading.mention, reading.part
        start = mention.start
        period, cue = at(start, reading.sentence[0], part)
        average = cue is not None and cue.kind == "average"
        # 2016年-2018年的营业收入分别为A、B、C: each value its own year (an average's years are every member's:
        # 两年平均增速分别高于…)
        if reading.context.head.respectively and not average:
            period = year_of_member(period, *reading.list_position, True)
        reading.clause = clause = clause_bounds(text, clause_ends, start, mention.end)
        # (no max() call: this is done for every value)
        reach = start - ANNUAL_REACH
        head = text[clause[0] if clause[0] > reach else reach : start]
        # 年均, 每年, 连续两年 at the value, or an average of recent years framing it (从两年平均增速看，…增长4.7%)
        written = average or search(head) is not None
        # (over_the_part and annual_average called only where they can change something: done for every value)
        if part.role in FIVE_YEAR_ROLES:
            period, widened = over_the_part(period, part, written or mention.kind == "multiple")
        else:
            widened = ""
        reading.period = period
        reading.period_cue = cue
        reading.annual_average = (
            written
            or (
                period is not None
                and "-" in period
                and annual_average(False, head, reading.context.verb, period)
            )
        ) or (
            # a gap of the per-year rate before it (年均增长11%，高于全国2.7个百分点) is per year too
            reading.compared is not None
            and previous is not None
            and previous.sentence == reading.sentence
            and previous.annual_average
        )
        reading.trace.add("periods", widened or explain(cue, part))
        previous = reading


def modalities(doc: Doc) -> None:
    """Target, outcome or estimate: by the value's own words and place, else as the sentence before
    it in its paragraph, else as the text as a whole states most."""
    text, structure = doc.text, doc.structure
    bulletin = structure.genre == "statistical_bulletin" and structure.reported_year is not None
    default = None  # judged on the whole text, once, only if some value needs it
    last_modality, last_paragraph = None, -2
    goal_starts = [start for start, _, _ in doc.goal_statements]
    goal_ends = [end for _, end, _ in doc.goal_statements]
    # the values are in text order: the line ends before them, and the statements of goals ended before
    # them, are walked through in step with them
    line_ends, next_line, goals_before = doc.line_ends.positions, 0, 0
    part, said = None, (None, None)  # (what a part says is worked out once, not once a value)
    # (no min()/max() builtins in this loop: each costs more than the test written out, for every value)
    for reading in doc.readings:
        start = reading.mention.start
        if reading.part is not part:
            part, said = reading.part, part_says(reading.part)
        while next_line < len(line_ends) and line_ends[next_line] < start:
            next_line += 1
        while goals_before < len(goal_ends) and goal_ends[goals_before] <= start:
            goals_before += 1
        # a sentence of any length is read near the value only, so that time stays linear
        s_start = (
            reading.sentence[0] if reading.sentence[0] > start - SENTENCE_REACH else start - SENTENCE_REACH
        )
        paragraph = line_ends[next_line - 1] if next_line else -1  # (doc.line_ends.last_before(start))
        goal = None
        # a statement of goals is looked for before the value, in its statement (read from its sentence's
        # start, else its statement's, which is after its paragraph's): only where the last one ended
        # before it starts after the nearer of its sentence's and its paragraph's start (most values: none)
        if goals_before and goal_starts[goals_before - 1] >= (
            s_start if s_start <= paragraph else paragraph + 1
        ):
            reach = start - GOAL_STATEMENT_REACH if start > GOAL_STATEMENT_REACH else 0
            statement_start = text.rfind(FULL_STOP, reach, start) + 1
            if statement_start < paragraph + 1:
                statement_start = paragraph + 1
            since = s_start if s_start < statement_start else statement_start
            goal = _first_within(doc.goal_statements, goal_starts, since, start)
        # (a goal named after the value is looked for only where its word is written: most values have none)
        decided = (
            decide_by_goal_after(text, reading.mention.end, reading.clause[1])
            if not bulletin and text.find(NAMED_GOAL_WORD, reading.mention.end, reading.clause[1]) >= 0
            else None
        ) or decide_by_place(said, reading.period, structure.publication_year, goal, reading.hedge, bulletin)
        if decided is None:  # (the sentence is copied only where it is read)
            end = reading.mention.end + SENTENCE_REACH
            decided = decide_by_words(
                text[s_start : reading.sentence[1] if reading.sentence[1] < end else end]
            )
        if decided is None:
            if paragraph == last_paragraph and last_modality:
                decided = last_modality, "as the sentence before in its paragraph", ""
            else:
                default = default or (doc.outside.modality if doc.outside else prevailing(text))
                decided = default, "what the text as a whole states most", ""
        reading.modality = last_modality = decided[0]
        last_paragraph = paragraph
        reading.trace.add("modalities", decided[1], decided[2])


def records(doc: Doc) -> None:
    doc.records, doc.traces = build_records(doc)


PIPELINE: tuple[tuple[str, Stage], ...] = (
    ("structure", structure),
    ("segments", segments),
    ("period_cues", period_cues),
    ("tables", tables),
    ("mentions", mentions),
    ("tiers", find_tiers),
    ("lists", find_lists),
    ("names", read_names),
    ("rate_bases", drop_rate_bases),
    ("relative", read_relative),
    ("measures", read_measures),
    ("hedges", read_hedges),
    ("periods", value_periods),
    ("modalities", modalities),
    ("record_region", read_regions),
    ("records", records),
)


def run(
    document: Document, stages: Sequence[tuple[str, Stage]] = PIPELINE, outside: Outside | None = None
) -> Doc:
    """``document`` through every stage; the Doc holds what each found, its records and their trace.
    ``outside``: what a chunk of a longer text takes from the rest of it (extract/chunks.py). A text
    wrapped at a fixed width is read unwrapped (extract/wraps.py), its records' offsets the text's."""
    # The cyclic garbage collector waits while a document is read: what the stages make holds no cycle
    # (none left to free after any corpus text), yet each of its collections traversed every Mention,
    # Reading and trace made so far (15 a pass over the ten 2026 reports, 3-4% of the time). It runs
    # again, as the caller had it, once the document is read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        unwrapped = unwrap(document.text) if outside is None else None  # a chunk is unwrapped already
        doc = Doc(document if unwrapped is None else reading_document(document, unwrapped), outside=outside)
        for _, stage in stages:
            stage(doc)
        if unwrapped is not None:
            doc.records = [to_original(record, document.text, unwrapped) for record in doc.records]
    finally:
        if collecting:
            gc.enable()
    return doc


def extract_document(document: Document) -> list[TargetRecord]:
    """Every target, outcome and estimate in ``document``, in text order."""
    return run(document).records


def _first_within(spans: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> str | None:
    """The words of the first of ``spans`` (in order, ``starts`` theirs) within text[start:end]."""
    i = bisect_left(starts, start)
    return spans[i][2] if i < len(spans) and spans[i][1] <= end else None


def _inside(rows: list[tuple[int, int]], offset: int) -> bool:
    i = bisect_right(rows, (offset, float("inf"))) - 1
    return i >= 0 and rows[i][0] <= offset < rows[i][1]


def extract(
    text: str, published: str | date | None = None, region: str | None = None, doc: str = "-"
) -> list[TargetRecord]:
    """Records of ``text``; ``published`` anchors 今年/去年, else it is read from the text. It is a
    date, a datetime or a date as written (2024-02-19, 2024/2/19, 2024年2月19日); anything else is a
    ValueError naming it, not a failure somewhere inside."""
    from mubiao.ingest.metadata import normalize_date  # the readers' dates; not loaded by `import mubiao`

    if published is not None:
        given, published = published, normalize_date(published)
        if published is None:
            raise ValueError(f"published: {given!r} is not a date (give YYYY-MM-DD, a date or a datetime)")
    return extract_document(Document(text=text, id=doc, published=published, region=region))
