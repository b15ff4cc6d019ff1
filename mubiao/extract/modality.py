"""Whether a value is a target, an outcome or an estimate: the sentence's own words first (local
evidence wins over the part), then the part it stands in, then the sentence before it."""

from __future__ import annotations

import re
from functools import cache

from mubiao.extract.structure import Part
from mubiao.knowledge import load

ESTIMATE_WORDS = frozenset(load("cues")["hedges"]["estimate"])
# (matched at a value's end, Pattern.match(text, end, clause_end), where a leading ^ would match at the text's
# start only: the words after a value are not copied to be read)
NAMED_GOAL_AFTER = re.compile(load("cues")["modality"]["named_goal_after"].removeprefix("^"))
NAMED_GOAL_WORD = load("cues")["modality"]["named_goal_word"]


@cache
def _modality_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Sentence words that report an outcome, the months of a progress report (also an outcome),
    and goal words. The months are a pattern apart: one of words alone opens with a character the
    regex engine skips to, one with the months too is tried at every character. No match of one
    overlaps one of the other (the months hold none of the words, and open with a digit)."""
    cues = load("cues")["modality"]
    words = re.compile("|".join(re.escape(w) for w in cues["actual"]))
    return words, re.compile(cues["progress"]), re.compile("|".join(re.escape(w) for w in cues["target"]))


def _outcome_cue(sentence: str) -> re.Match[str] | None:
    """The first outcome word or months of a progress report in ``sentence``."""
    words, months, _ = _modality_cues()
    word, month = words.search(sentence), months.search(sentence)
    if word and month:
        return word if word.start() < month.start() else month
    return word or month


def decide(
    part: Part,
    period: str | None,
    year: int | None,
    sentence: str,
    goal_statement: str | None,
    hedge: str | None,
    bulletin: bool,
) -> tuple[str, str, str] | None:
    """The modality a value's own words and place decide, and why (a rule and the words that
    fired it); None when they do not. ``goal_statement``: the words stating the year's goals
    (主要预期目标是) before the value in its statement, if any."""
    return decide_by_place(part_says(part), period, year, goal_statement, hedge, bulletin) or decide_by_words(
        sentence
    )


def part_says(part: Part) -> tuple[str | None, tuple[str, str, str] | None]:
    """The kind of a part (review, plan or None) and what it decides of a value in it that nothing
    else decides (``decide_by_place``), with the rule: worked out once a part, not once a value."""
    kind = part.kind
    if kind == "review":
        return kind, ("actual", f"review part ({part.role})", part.heading)
    if kind == "plan":
        return kind, ("target", f"plan part ({part.role})", part.heading)
    return kind, None


def decide_by_place(
    said: tuple[str | None, tuple[str, str, str] | None],
    period: str | None,
    year: int | None,
    goal_statement: str | None,
    hedge: str | None,
    bulletin: bool,
) -> tuple[str, str, str] | None:
    """What decides before the words of the value's sentence (``decide``): an estimate word, the
    genre, a statement of the year's goals, a period over when the text was written, the part
    (``said``: ``part_says`` of it)."""
    if hedge in ESTIMATE_WORDS:
        return "estimate", "estimate word", hedge
    if bulletin:
        return "actual", "a statistical bulletin reports outcomes only", ""
    if goal_statement:
        return "target", "a statement of the year's goals", goal_statement
    if period and year and int(period[-4:]) < year:
        return "actual", "the period was over when the text was written", period
    kind, decided = said
    if kind == "review" and period and year and int(period[:4]) >= year:
        # (a value of the text's own year or later in a review, 今年…资金将达305亿元, is no outcome yet: its words decide)
        return None
    return decided


def decide_by_goal_after(text: str, end: int, clause_end: int) -> tuple[str, str, str] | None:
    """A target named so by the words after the value in its clause (…减少2%的目标, 6.5%和5.5%的年度目标),
    wherever it stands."""
    if text.find(NAMED_GOAL_WORD, end, clause_end) < 0:
        return None  # (most values: the caller tests it before calling)
    m = NAMED_GOAL_AFTER.match(text, end, clause_end)
    return ("target", "the words after it call it a goal", m.group()) if m else None


def decide_by_words(sentence: str) -> tuple[str, str, str] | None:
    """An outcome word, else a goal word, in the value's sentence (read only where its place does
    not decide: ``decide``)."""
    if m := _outcome_cue(sentence):
        return "actual", "outcome word in the sentence", m.group()
    if m := _modality_cues()[2].search(sentence):
        return "target", "goal word in the sentence", m.group()
    return None


def prevailing(text: str) -> str:
    """What a sentence with no cue of its own most likely states, judged by the whole text: a plan
    speech says 推动/力争 throughout, a news report 同比/已经."""
    words, months, target = _modality_cues()
    actual = len(words.findall(text)) + len(months.findall(text))
    return "actual" if actual > len(target.findall(text)) else "target"
