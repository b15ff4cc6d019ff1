"""The invariants every government work report must satisfy, checked on the robustness corpus
(../shared/corpus/robustness: 104 reports of cities, 河北/保定/高阳 and the State Council that
nobody tuned on). Each check names what it found wrong, so a failure says where to look."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from mubiao.extract.dates import five_year_plan
from mubiao.extract.doc import Doc
from mubiao.extract.modality import NAMED_GOAL_AFTER
from mubiao.extract.pipeline import run
from mubiao.extract.structure import FULL_WIDTH_DIGITS, HEADING_PLAN, goal_statement
from mubiao.ingest import read_source
from mubiao.ingest.base import ReadError

ROBUSTNESS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "robustness"
EXCEPTIONS = Path(__file__).parent / "examples" / "robustness_exceptions.tsv"
INVARIANTS = ("year", "headline", "review", "past_target")
# words before a statement of goals that make them the goals of a longer span than the plan year
# (今后五年的主要目标是…, “十四五”时期主要目标是…, “十五”期间…预期目标为…, 到2025年的发展目标是…)
SPAN_WORDS = re.compile(rf"五年|{HEADING_PLAN.pattern}|到20\d\d年|20\d\d年(?:至|到|-|—)20\d\d年|中长期|远景")


@dataclass(frozen=True, slots=True)
class Entry:
    file: str
    level: str
    year: int


def manifest() -> list[Entry]:
    rows = json.loads((ROBUSTNESS / "manifest.json").read_text(encoding="utf-8"))
    return [Entry(r["file"], r["level"], int(r["report_year"])) for r in rows]


def exceptions() -> dict[tuple[str, str], str]:
    """(file, invariant) → why it does not hold, as listed in the exceptions table."""
    found = {}
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("file\t"):
            file, invariant, why = line.split("\t")
            assert invariant in INVARIANTS and why.strip(), line
            found[(file, invariant)] = why
    return found


def read(entry: Entry) -> Doc:
    """The document as `mubiao extract` reads it, through every stage of the extractor."""
    (item,) = read_source(str(ROBUSTNESS / entry.file))
    assert not isinstance(item, ReadError), item
    return run(item)


def _last_year(period: str | None) -> int | None:
    return int(period[-4:]) if period and period[-4:].isdigit() else None


def _spans_named(text: str, year: int) -> set[int]:
    """The last years of the periods a stretch of text names: years, five-year plans, 今年/明年."""
    text = text.translate(FULL_WIDTH_DIGITS)
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", text)}
    years |= {year for word in ("今年", "本年") if word in text} | ({year + 1} if "明年" in text else set())
    return years | {five_year_plan(n)[1] for n in HEADING_PLAN.findall(text)}


def violations(doc: Doc, entry: Entry) -> dict[str, list[str]]:
    """What breaks each invariant in ``doc`` (an empty list when it holds)."""
    text, structure, year = doc.text, doc.structure, entry.year
    found: dict[str, list[str]] = {name: [] for name in INVARIANTS}
    if structure.publication_year != year:
        found["year"].append(f"publication year {structure.publication_year} ({structure.year_source})")
    records = doc.records
    for m in goal_statement().finditer(text):
        paragraph = text.rfind("\n", 0, m.start()) + 1
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        for r in records:
            if m.end() <= r.start < end and r.modality != "estimate":
                longer_span = SPAN_WORDS.search(text[paragraph : r.start])
                wrong = r.modality != "target" or (not longer_span and r.period != str(year))
                if wrong:
                    found["headline"].append(f"{r.value_text}@{r.start}: {r.modality} {r.period}")
    for r in records:
        part = structure.part_at(r.start)
        last = _last_year(r.period)
        if last is None:
            continue
        # a span written in the value's own sentence, before it, dates it (到2020年…将达到180平方公里
        # in a review; 比2020年翻一番 in a plan): the invariants below are about dates nothing states
        stated = _spans_named(text[doc.sentences.bounds(r.start)[0] : r.end], year)
        if part.kind == "review" and last > year - 1 and last not in stated:
            found["review"].append(f"{r.value_text}@{r.start} in {part.heading[:12]!r}: {r.period}")
        # …and so does a goal named after the value in its review (没有实现年初确定的…减少2%的目标): last year's
        # goal restated, dated by the year reviewed
        restated = part.kind == "review" and NAMED_GOAL_AFTER.match(text[r.end : r.end + 60]) is not None
        if r.modality == "target" and last < year and last not in stated and not restated:
            found["past_target"].append(f"{r.value_text}@{r.start}: {r.period}")
    return found
