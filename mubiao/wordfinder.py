"""Many words found in a text in one pass, as a regular expression that lists them longest first
would find them: leftmost, the longest word at a position, none overlapping.

A regular expression of thousands of alternatives (every place name of the gazetteer) tries each of
them at every character: finding places cost more than all the rest of the extraction. An
Aho-Corasick automaton (ahocorasick_rs, on Rust's aho-corasick crate) reads each character once; it
was also ten times faster than pyahocorasick's on these words (1.8 ms against 19 ms for a 33,000
character report), whose trie looks a character up among all the first characters of the words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, MatchKind


class Found(NamedTuple):
    start: int
    end: int
    word: str


class WordFinder:
    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted({w for w in words if w})
        self._automaton = AhoCorasick(self.words, matchkind=MatchKind.LeftmostLongest)
        # match reads one position of a short name a call (a thousand calls a report): the words that
        # begin with its character looked up by their lengths, longest first, cost less than a call of
        # the automaton on a window
        self._word_set = frozenset(self.words)
        lengths: dict[str, set[int]] = {}
        for word in self.words:
            lengths.setdefault(word[0], set()).add(len(word))
        self._lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """The words in ``text[start:end]``, in text order (offsets index ``text``)."""
        window = text[start:end] if start or end is not None else text
        return [
            Found(start + first, start + last, self.words[i])
            for i, first, last in self._automaton.find_matches_as_indexes(window)
        ]

    def match(self, text: str, at: int) -> Found | None:
        """The longest word that begins at ``text[at]``, if any."""
        for length in self._lengths.get(text[at : at + 1], ()):
            end = at + length
            if end <= len(text) and text[at:end] in self._word_set:
                return Found(at, end, text[at:end])
        return None


class AnchoredWords:
    """The matches of an alternation of words, in order and none overlapping, as its ``finditer`` finds
    them, looked for only near the words that no other word holds (the anchors: every word holds one).

    A regular expression of words is tried at each character that opens one of them; for words of
    common characters (确保, 预计, 目标…) that test of each character of the text costs many times what
    str.find costs to run over it for a few anchors. ``pattern``: the words as alternatives, the longest
    first; each alternative matches its word only (lookbehinds allowed: it is matched in the text)."""

    def __init__(self, pattern: re.Pattern[str], words: Iterable[str]) -> None:
        words = set(words)
        self.pattern = pattern
        self.anchors = sorted(w for w in words if not any(o != w and o in w for o in words))
        # how far before the first anchor in it a word can start
        self.reach = max(min(w.find(a) for a in self.anchors if a in w) for w in words)

    def finditer(self, text: str) -> list[re.Match[str]]:
        # (each match starts at most ``reach`` before an anchor it holds: the starts from there up to the
        # anchor are tried in order, as finditer tries them, and none twice)
        anchored = sorted(at for anchor in self.anchors for at in _offsets(text, anchor))
        found: list[re.Match[str]] = []
        untried = 0
        for at in anchored:
            start = max(untried, at - self.reach)
            while start <= at:
                if m := self.pattern.match(text, start):
                    found.append(m)
                    start = m.end()
                    break
                start += 1
            untried = start
        return found


def _offsets(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
