"""The lists stage: values written one after another (15%、8%以上), and the bound word they share."""

from __future__ import annotations

from mubiao.extract.doc import Doc
from mubiao.extract.interpret import LIST_JOINERS, is_list_joiner
from mubiao.knowledge import load

_BOUNDS = load("cues")["bounds"]
# 分别达到2000万人次和20万吨以上: the bound binds every member, whatever its unit
RESPECTIVELY, RESPECTIVELY_REACH = _BOUNDS["respectively"], _BOUNDS["respectively_reach"]


# the (position, size) of a value in no list, shared by all of them (most values)
ALONE = (0, 1)


def find_lists(doc: Doc) -> None:
    doc.lists = value_lists(doc.text, doc.mentions)


def value_lists(text: str, mentions: list) -> dict[int, tuple[int, int]]:
    """Lists of values written one after another (15%、8%以上): each member's (position, list size),
    by index in ``mentions``. A bound word written once binds every member of its unit, every member
    after 分别: after the list (分别增长15%、8%以上) or before it (迈上4万亿、5万亿两个台阶, 分别突破…)."""
    members: dict[int, tuple[int, int]] = {}
    i = 0
    while i < len(mentions):
        j = i
        # (the words between two values are copied only where they start with a joiner: mostly a sentence's words)
        while (
            j + 1 < len(mentions)
            and text[mentions[j].end : mentions[j].end + 1] in LIST_JOINERS
            and is_list_joiner(text[mentions[j].end : mentions[j + 1].start])
        ):
            j += 1
        if j == i:
            members[i] = ALONE
            i += 1
            continue
        first, last = mentions[i], mentions[j]
        if last.trail:
            source = last
        elif first.comparator != "eq" and not first.trail:
            source = first
        else:
            source = None
        if source is not None:
            respectively = RESPECTIVELY in text[max(0, first.start - RESPECTIVELY_REACH) : first.start]
            for member in mentions[i : j + 1]:
                if member.comparator == "eq" and (respectively or member.unit == source.unit):
                    member.comparator = source.comparator
        for k in range(i, j + 1):
            members[k] = (k - i, j - i + 1)
        i = j + 1
    return members


def year_of_member(period: str | None, position: int, size: int, respectively: bool) -> str | None:
    """2016年-2018年的营业收入分别为A、B、C: each value its own year."""
    if respectively and period and "-" in period and size > 1:
        first, last = (int(y) for y in period.split("-"))
        if last - first + 1 == size:
            return str(first + position)
    return period
