"""Patterns that the regex engine tries only where they can start.

A pattern that opens with a set of characters is tried only where one of them stands: the engine runs
over the characters between in a tight loop. One that opens with a lookahead, a lookbehind or a group
is tried at every character of the text, several times slower over a whole document."""

from __future__ import annotations

import re
from collections.abc import Iterator

SPAN = "span"  # the group that spans a match of the pattern given to opening_with


def opening_with(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern``, each match of which starts with a character of the class ``[first]``, as a pattern
    that the engine tries only at those characters: it reads the first character and then, looking back,
    matches ``pattern`` from it as the group SPAN (the match itself is that one character). ``pattern``
    must not match empty, nor test whether a group of its own matched (``(?(name)…)``): a pattern read
    looking back cannot."""
    opening = f"[{first}]"
    return re.compile(rf"{opening}(?<=(?=(?P<{SPAN}>{pattern})){opening})", flags)


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern made by opening_with, in order and none overlapping, as re.finditer finds
    those of the pattern it was made from: each is searched for from the end of the one before."""
    at = 0
    while m := pattern.search(text, at):
        at = m.end(SPAN)
        yield m
