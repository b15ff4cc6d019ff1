"""Segments of a text: top-level headings, sentences, clauses."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import chain

from mubiao.firstchar import SPAN, opening_with
from mubiao.knowledge import load

MARKS = load("marks")
SENTENCE_END = MARKS["sentence_end"]
CLAUSE_END = SENTENCE_END + MARKS["clause_end"]
CLAUSE_REACH = 200
SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
ORDINALS = load("numerals")["writing"]["ordinals"]
TEN = ORDINALS[-1]
# White space as exports that could not write it spell it (<U+00A0>, R's way; common in text corpora).
ESCAPED_SPACES = ("<U+00A0>", "<U+3000>")
WHITE = r" \t\u3000\xa0"  # (as a character class's contents)
SPACE = "|".join([f"[{WHITE}]", *map(re.escape, ESCAPED_SPACES)])
# the characters SPACE can start with: a pattern tests one where SPACE's alternatives would each be tried
SPACE_OPENS = f"[{WHITE}{''.join(sorted({re.escape(s[0]) for s in ESCAPED_SPACES}))}]"
ENUMERATION = MARKS["enumeration"]
# A top-level heading: a Chinese ordinal and 、 at the start of a line or after a full stop or white space.
# (Matched only right before an enumeration mark, _heading_matches: a match's heading is its group SPAN.)
HEADING = opening_with(
    ORDINALS,
    rf"(?:^|(?<=[\n{MARKS['full_stop']}\s])|{'|'.join(f'(?<={re.escape(s)})' for s in ESCAPED_SPACES)})"
    rf"(?P<ordinal>[{ORDINALS}]{{1,2}}){ENUMERATION}(?P<title>[^\n{MARKS['full_stop']}]{{2,40}})",
    re.M,
)
# an enumeration mark right after an ordinal, where a heading's match ends its ordinal (_heading_matches)
# (the mark first: a pattern opening with a character is searched for in a tight loop, one opening with a
# lookbehind is tried at every character)
ORDINAL_MARK = re.compile(f"{ENUMERATION}(?<=[{ORDINALS}]{ENUMERATION})")


def _ordinal(text: str) -> int:
    if text == TEN:
        return 10
    if text.startswith(TEN):
        return 10 + ORDINALS.index(text[1]) + 1
    return ORDINALS.index(text[0]) + 1 + (10 if len(text) == 2 else 0)


def find_headings(text: str) -> list[tuple[int, int, str]]:
    """Top-level headings in order, numbered 一、二、三… without a gap: (start, end of the heading's
    line, heading text). The numbering starts again where the first heading comes again (a capture
    that repeats its text)."""
    found: list[tuple[int, int, str]] = []
    expected = 1
    for m in _heading_matches(text):
        ordinal, title = m.group("ordinal", "title")
        if found and _ordinal(ordinal) == 1 and title == found[0][2]:
            expected = 1
        if _ordinal(ordinal) == expected:
            found.append((m.start(), m.end(SPAN), title))
            expected += 1
    return found


def _heading_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of HEADING, in order and none overlapping, as firstchar.finditer finds them, tried only
    right before an enumeration mark written after an ordinal: a heading's ordinal of one or two characters
    stands there. (A search for HEADING tests each character of the text against the ordinals, common
    characters of every sentence: 16.6 M instructions over the ten 2026 reports; a search for the mark
    runs over the text in a tight loop, and few marks follow an ordinal: 2.7 M.)"""
    at = 0  # where the match before ends: the next starts there or after
    for mark in ORDINAL_MARK.finditer(text):
        # (the earlier start first, as a search tries them)
        for start in (mark.start() - 2, mark.start() - 1):
            if start >= at and text[start] in ORDINALS and (m := HEADING.match(text, start)):
                at = m.end(SPAN)
                yield m
                break


class Sentences:
    """Sentence boundaries of a text, looked up by offset."""

    def __init__(self, text: str, ends: Marks | None = None) -> None:
        """``ends``: where the text's SENTENCE_END marks stand, when they are known already."""
        self.text = text
        positions = (
            ends.positions if ends is not None else [m.start() for m in SENTENCE_END_RE.finditer(text)]
        )
        self.starts = [0, *map((1).__add__, positions)]

    def bounds(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        start = self.starts[i]
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return start, end


class Marks:
    """Where some characters (clause ends, line ends) stand in a text, found once and looked up
    by offset. Searching back from each value for the nearest one instead costs, where there is none,
    the text's length a value: time in the text's length squared."""

    def __init__(self, text: str, chars: str, positions: list[int] | None = None) -> None:
        self.text, self.chars = text, chars
        # the positions of each character: found first (str.find runs over a text far faster than a
        # regex's character class), or, for positions given, once asked
        self._by_char: dict[str, list[int]] | None = None
        if positions is None:
            self._by_char = {ch: _occurrences(text, ch) for ch in chars}
            positions = sorted(chain.from_iterable(self._by_char.values()))
        self.positions = positions

    def only(self, chars: str) -> Marks:
        """The marks of ``chars`` alone, picked from these when they are some of these marks' characters
        (a stage that ends clauses at fewer marks does not read the text again; the marks are sorted by
        character once, and each set of them is merged from its characters' lists)."""
        if not set(chars) <= set(self.chars):
            return Marks(self.text, chars)
        if self._by_char is None:
            by_char: dict[str, list[int]] = {ch: [] for ch in self.chars}
            text = self.text
            for at in self.positions:
                by_char[text[at]].append(at)
            self._by_char = by_char
        return Marks(self.text, chars, sorted(chain.from_iterable(self._by_char[ch] for ch in set(chars))))

    def last_before(self, offset: int) -> int:
        """The position of the last mark before ``offset``; -1 if none (as str.rfind)."""
        i = bisect_left(self.positions, offset)
        return self.positions[i - 1] if i else -1

    def first_from(self, offset: int) -> int:
        """The position of the first mark at or after ``offset``; -1 if none (as str.find)."""
        i = bisect_left(self.positions, offset)
        return self.positions[i] if i < len(self.positions) else -1


def _occurrences(text: str, ch: str) -> list[int]:
    """Where the character ``ch`` stands in ``text``, in order."""
    found, at = [], text.find(ch)
    while at >= 0:
        found.append(at)
        at = text.find(ch, at + 1)
    return found


class Occurrences:
    """Where a word stands in a text (every start, overlapping ones too), found in one pass and looked
    up by offset: whether it is written between two offsets, without reading the text between them
    (far apart, for each value of a long text, that takes time in its length squared)."""

    def __init__(self, text: str, word: str) -> None:
        self.size = len(word)
        self.starts: list[int] = []
        at = text.find(word)
        while at >= 0:
            self.starts.append(at)
            at = text.find(word, at + 1)

    def within(self, start: int, end: int) -> bool:
        """Whether the word is written in text[start:end] (as ``word in text[start:end]``)."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] + self.size <= end


def clause_bounds(text: str, clause_ends: Marks, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: between the nearest clause ends (``clause_ends`` marks
    CLAUSE_END) on either side, at most CLAUSE_REACH characters away (a text with no punctuation is
    no clause; reading it whole for each of its values would take time in its length squared)."""
    # (one search of the marks, and no min()/max() calls: this is done for every value)
    ends = clause_ends.positions
    i = bisect_left(ends, start)
    left = ends[i - 1] + 1 if i else 0
    if left < start - CLAUSE_REACH:
        left = start - CLAUSE_REACH
    j = bisect_left(ends, end, i)
    right = ends[j] if j < len(ends) else len(text)
    if right > end + CLAUSE_REACH:
        right = end + CLAUSE_REACH
    return left, right
