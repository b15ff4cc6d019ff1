"""The rate-bases stage: a count that picks out the set a rate after it in its clause is measured
over (203个地表水国考断面水质优良率达100%, 17个重点传统制造业增加值增长5.3%), or the set a total after it
sums (6个省级以上开发区合计经营销售收入突破1600亿元), is no record; the rate or total is. The count stays a
mention up to here, so that the rate's name starts after it (国考断面水质优良率, not 203个…), and its
reading is dropped once the names are read."""

from __future__ import annotations

import re
from itertools import pairwise

from mubiao.extract.doc import Doc, Reading
from mubiao.knowledge import load

_BASES = load("cues")["rate_bases"]
RATE_UNITS = frozenset(_BASES["rate_units"])
COUNT_UNITS = frozenset(_BASES["count_units"])
REACH = _BASES["reach"]
# a clause mark or 、 between the count and the rate: the rate is another clause's or member's, unless the 、
# only follows a kind of at most SHORT_KIND characters (国考、省考断面)
_MARKS = load("marks")
SHORT_KIND = _BASES["short_kind"]
CLAUSE_MARK = re.compile(f"[{re.escape(_MARKS['clause_stops'])}]")
ENUMERATION = _MARKS["enumeration"]
PASSED = tuple(_BASES["passed"])
PASSED_BOUNDS = frozenset(_BASES["passed_bounds"])
JOINERS = tuple(_BASES["joiners"])
TOTAL_WORDS = tuple(_BASES["total_words"])


def drop_rate_bases(doc: Doc) -> None:
    readings, text = doc.readings, doc.text
    # (a count is read with the value after it only where that value is a rate: most are not)
    doc.readings = [
        reading
        for reading, after in pairwise(readings)
        if not (
            (after.mention.unit in RATE_UNITS and _picks_out_base(text, reading, after))
            or (reading.mention.unit in COUNT_UNITS and _summed_set(text, reading, after))
        )
    ] + readings[-1:]


def _picks_out_base(text: str, count: Reading, rate: Reading) -> bool:
    """Whether ``count`` only picks out the things ``rate``, the value after it, is measured over:
    a noun phrase joins them in one clause, and no threshold or rank at the rate makes the count the
    number of things that passed it (378个药品降幅超过30%, 7个产业集群实现两位数增长, 21个学科进入ESI排名前1%)."""
    if count.mention.unit not in COUNT_UNITS or rate.mention.unit not in RATE_UNITS:
        return False
    if rate.mention.lead or rate.mention.comparator in PASSED_BOUNDS:
        return False  # 降幅超过30%, 实现两位数增长: the count is of the things past the threshold
    between = text[count.mention.end : rate.mention.start]
    return (
        0 < len(between) <= REACH
        and not between.startswith(JOINERS)
        and not between.endswith(PASSED)
        and not _apart(between)
    )


def _summed_set(text: str, count: Reading, total: Reading) -> bool:
    """Whether ``count``, a count (the caller tests its unit), only picks out the things ``total``, the value after
    it in its clause, sums (6个省级以上开发区合计经营销售收入突破1600亿元): a word of the total between them."""
    between = text[count.mention.end : total.mention.start]
    # (the words of a total first: most pairs have none between them)
    return 0 < len(between) <= REACH and any(w in between for w in TOTAL_WORDS) and not _apart(between)


def _apart(between: str) -> bool:
    """Whether a clause mark or a 、 after more than a short kind (国考、省考断面) parts the count from the rate."""
    if CLAUSE_MARK.search(between) is not None:
        return True
    return any(not 0 < len(kind) <= SHORT_KIND for kind in between.split(ENUMERATION)[:-1])
