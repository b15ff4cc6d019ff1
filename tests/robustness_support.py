"""The invariants every government work report must satisfy, checked on the robustness corpus
(../shared/corpus/robustness: 104 reports of cities, 河北/保定/高阳 and the State Council that
nobody tuned on). Each check names what it found wrong, so a failure says where to look."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mubiao.extract.doc import Doc
from mubiao.extract.period import five_year_plan
from mubiao.extract.pipeline import run
from mubiao.ingest import read_source
from mubiao.ingest.base import ReadError
from mubiao.knowledge import load

ROBUSTNESS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "robustness"
EXCEPTIONS = Path(__file__).parent / "examples" / "robustness_exceptions.tsv"
INVARIANTS = ("year", "headline", "review", "past_target")
# words before a statement of goals that make them the goals of a longer span than the plan year
# (今后五年的主要目标是…, “十四五”时期主要目标是…, 到2025年的发展目标是…)
SPAN_WORDS = re.compile(r"五年|十[一二三四五六七八九]五|到20\d\d年|20\d\d年(?:至|到|-|—)20\d\d年|中长期|远景")
PLAN_NAME = re.compile(r"十([一二三四五六七八九])五")


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


@cache
def _goal_statement() -> re.Pattern[str]:
    words = load("structure")["local"]["goal_statements"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _last_year(period: str | None) -> int | None:
    return int(period[-4:]) if period and period[-4:].isdigit() else None


def _spans_named(text: str) -> set[int]:
    """The last years of the periods a stretch of text names: years, and five-year plans."""
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)年", text)}
    return years | {five_year_plan(n)[1] for n in PLAN_NAME.findall(text)}


def violations(doc: Doc, entry: Entry) -> dict[str, list[str]]:
    """What breaks each invariant in ``doc`` (an empty list when it holds)."""
    text, structure, year = doc.text, doc.structure, entry.year
    found: dict[str, list[str]] = {name: [] for name in INVARIANTS}
    if structure.publication_year != year:
        found["year"].append(f"publication year {structure.publication_year} ({structure.year_source})")
    records = doc.records
    for m in _goal_statement().finditer(text):
        paragraph = text.rfind("\n", 0, m.start()) + 1
        end = text.find("。", m.end())
        end = len(text) if end < 0 else end
        longer_span = SPAN_WORDS.search(text[paragraph : m.start()])
        for r in records:
            if m.end() <= r.start < end and r.modality != "estimate":
                wrong = r.modality != "target" or (not longer_span and r.period != str(year))
                if wrong:
                    found["headline"].append(f"{r.value_text}@{r.start}: {r.modality} {r.period}")
    for r in records:
        part = structure.part_at(r.start)
        last = _last_year(r.period)
        if part.kind == "review" and last is not None and last > year - 1:
            found["review"].append(f"{r.value_text}@{r.start} in {part.heading[:12]!r}: {r.period}")
        if r.modality == "target" and last is not None and last < year:
            sentence_start = doc.sentences.bounds(r.start)[0]
            if last not in _spans_named(text[sentence_start : r.end]):
                found["past_target"].append(f"{r.value_text}@{r.start}: {r.period}")
    return found
