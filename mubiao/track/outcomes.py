"""Which reported outcomes decide a target, when several documents state one.

Estimates (预计) count until an actual replaces them. Among the sources, the next year's work
report comes first, then the statistical bulletin of the year, then later documents; the figure of
the first source is the outcome "as reported", a different figure from a later source is kept as
the "revised" one. An outcome whose name matches the target's better wins over a looser match (a
total over a sub-series of a similar name). Two outcomes that are equally good on all of these
(the same source rank, the same name match, the same document date) and disagree are a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from mubiao.knowledge import load
from mubiao.record import TargetRecord
from mubiao.taxonomy.normalise import BRACKETED, in_one_spelling
from mubiao.track.attainment import outcome_number

# Words by which a document's key or title names it a statistical bulletin: the title words of the
# genre (knowledge/structure.toml: 统计公报, 统计公告) and the English word of file names.
BULLETIN_WORDS = (*load("structure")["genres"]["statistical_bulletin"]["title"], "bulletin")
# Name-match quality: the same name (3); the same name in another scope or on another basis (2.5: 全部财政收入 and
# 全部财政收入(按可比口径), 全市生产总值（不含雄安）); one name inside the other (1 + their similarity, so the
# closer of two containing names wins); else their similarity (0-1, difflib's ratio).
SAME_NAME, OTHER_SCOPE, CONTAINED = 3.0, 2.5, 1.0
# the words opening a bracket in a name that say the scope or basis of its figures (不含雄安, 按可比口径)
SCOPE_WORDS = tuple(load("cues")["indicator"]["scope_glosses"])


def is_bulletin(document: str) -> bool:
    return any(word in document.lower() for word in BULLETIN_WORDS)


def period_end(period: str) -> int | None:
    last = period.rsplit("-", 1)[-1]
    return int(last) if last.isdigit() else None


def source_rank(outcome: TargetRecord, period: str, bulletins: Callable[[str], bool] = is_bulletin) -> int:
    """0: a work report published the year after the period; 1: a bulletin of that year; 2: a
    later document (or one without a date)."""
    end = period_end(period)
    year = int(outcome.published[:4]) if outcome.published and outcome.published[:4].isdigit() else None
    if end is None or year is None or year > end + 1:
        return 2
    return 1 if bulletins(outcome.doc) else 0


def name_match(target: TargetRecord, outcome: TargetRecord, normalise: Callable[[str], str]) -> float:
    """How well the outcome's indicator name matches the target's (higher is better)."""
    a, b = normalise(target.indicator_text or ""), normalise(outcome.indicator_text or "")
    if a == b:
        return SAME_NAME if scopes(target.indicator_text) == scopes(outcome.indicator_text) else OTHER_SCOPE
    if not (a and b):
        return 0.0
    similarity = SequenceMatcher(None, a, b).ratio()
    return CONTAINED + similarity if a in b or b in a else similarity


def scopes(name: str | None) -> list[str]:
    """The scopes and bases a name states in brackets (全市生产总值（不含雄安） → [不含雄安]), in one spelling."""
    return [
        gloss[1:-1]
        for gloss in BRACKETED.findall(in_one_spelling(name or ""))
        if gloss[1:].startswith(SCOPE_WORDS)
    ]


@dataclass(slots=True)
class Decision:
    """The outcome(s) that decide a target: one, or several equally good ones that disagree
    (a conflict); a later different figure, if any; and what was decided, in words."""

    deciding: list[TargetRecord]
    revised: TargetRecord | None
    note: str


def _value_key(record: TargetRecord) -> float | None:
    number = outcome_number(record)
    return None if number is None else float(f"{number:.9g}")


def _order(record: TargetRecord) -> tuple:
    return (record.published is None, record.published or "", record.doc, record.start)


def decide(
    target: TargetRecord,
    outcomes: Iterable[TargetRecord],
    *,
    normalise: Callable[[str], str],
    bulletins: Callable[[str], bool] = is_bulletin,
) -> Decision | None:
    """The decision for ``target`` among ``outcomes`` (already of its region, indicator, measure,
    period and later documents); None when there is none."""
    outcomes = list(outcomes)
    if not outcomes:
        return None
    notes = []
    actuals = [o for o in outcomes if o.modality == "actual"]
    if actuals and len(actuals) < len(outcomes):
        notes.append("an estimate was replaced by an actual")
    if not actuals:
        latest = max(o.published or "" for o in outcomes)
        actuals = [o for o in outcomes if (o.published or "") == latest]
    best_name = max(name_match(target, o, normalise) for o in actuals)
    named = [o for o in actuals if name_match(target, o, normalise) == best_name]
    if len(named) < len(actuals):
        looser = sorted({o.indicator_text for o in actuals} - {o.indicator_text for o in named})
        notes.append(f"a closer name was preferred over {'、'.join(looser)}")
    named.sort(key=lambda o: (source_rank(o, target.period or "", bulletins), *_order(o)))
    first = named[0]
    rank = source_rank(first, target.period or "", bulletins)
    tied = [
        o
        for o in named
        if source_rank(o, target.period or "", bulletins) == rank and o.published == first.published
    ]
    distinct: dict[float | None, TargetRecord] = {}
    for outcome in tied:
        distinct.setdefault(_value_key(outcome), outcome)
    deciding = list(distinct.values())
    if len(deciding) > 1:
        values = " / ".join(f"{o.value_text} ({o.doc})" for o in deciding)
        notes.append(f"equally good outcomes disagree: {values}")
        return Decision(deciding, None, "; ".join(notes))
    later = [o for o in named if _value_key(o) != _value_key(first)]
    revised = max(later, key=_order) if later else None
    if revised is not None:
        notes.append(f"revised to {revised.value_text} in {revised.doc}")
    return Decision([first], revised, "; ".join(notes))
