"""Extraction speed against a bare compiled regex scan for numbers over the same texts."""

from __future__ import annotations

import re
import resource
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from mubiao.extract.pipeline import extract_document
from mubiao.record import Document

# The floor any extractor pays: one compiled pass that finds every run of digits or numerals.
BARE_SCAN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+")


# Inputs that once took time in their length squared (4,000 bare digits: 5 s; a long sentence of
# clauses, each reading the whole sentence again): each is timed at two lengths, 4x apart, so a
# scan that turns quadratic again shows as a ratio near 16 instead of 4.
QUADRATIC_ONCE = {
    "a run of digits": "1",
    "a run of numerals": "一",
    "digits and points": "1.",
    "spaced decimal points": "5 . ",
    "percentages run together": "12345%",
    "a slash date run": "2024/1/",
    "one sentence of clauses": "地区生产总值增长6%，",
    "headings with no text": "一、2023年工作回顾\n",
    # each value's place looked for back to the last clause end (none): 20,000 characters took 84 s
    "places and values run together": "北京12%",
    "a place and its figure run together": "上海GDP 5%",
    # each value's commitment word (力争, 争取) looked for from its sentence's start
    "commitment words in one sentence": "力争增长6%，",
    "commitments that obtain, in one sentence": "争取资金6%，",
}
GROWTH_CHARS = 20_000
# read before any timing, so that loading the knowledge tables is not timed: a sentence of the corpus's
# kind, not a text of it (the first pass is timed over texts the extractor has not yet read)
WARM_UP = "今年全市地区生产总值增长5%左右，城镇新增就业10万人以上。"

Result = TypeVar("Result")


@dataclass(slots=True)
class Growth:
    name: str
    characters: int  # of the longer input
    seconds: float  # to extract the longer input
    ratio: float  # time of the longer input / time of the shorter one (linear: 4)


@dataclass(slots=True)
class BenchResult:
    documents: int
    characters: int
    records: int
    # the first pass over the texts, before the caches of the words a batch repeats (names, heads of
    # values) hold them; extract_seconds is the best of the later passes, whose caches are warm
    first_seconds: float
    extract_seconds: float
    scan_seconds: float
    peak_rss_mib: float
    peak_traced_mib: float  # Python allocations during one extraction pass
    growth: list[Growth]

    @property
    def extract_cps(self) -> float:
        return self.characters / self.extract_seconds

    @property
    def first_cps(self) -> float:
        return self.characters / self.first_seconds

    @property
    def scan_cps(self) -> float:
        return self.characters / self.scan_seconds

    @property
    def ratio(self) -> float:
        """How many times slower extraction is than the bare scan."""
        return self.extract_seconds / self.scan_seconds


def _best_time(run: Callable[[], Result], repeat: int) -> tuple[float, Result]:
    """The best CPU time of this thread over ``repeat`` runs, and what the last run returned: on a
    machine shared with other work, time spent waiting for a core does not count."""
    best = float("inf")
    for _ in range(repeat):
        started = time.thread_time()
        result = run()
        best = min(best, time.thread_time() - started)
    return best, result


def growth(unit: str, characters: int = GROWTH_CHARS, repeat: int = 3) -> tuple[float, float]:
    """(CPU seconds to extract ``unit`` repeated to ``characters``, ratio to a quarter as long)."""
    small, large = unit * (characters // 4 // len(unit)), unit * (characters // len(unit))

    def extract(text: str) -> Callable[[], object]:
        return lambda: extract_document(Document(text=text, published="2024-01-01"))

    extract(small)()
    seconds = _best_time(extract(large), repeat)[0]
    return seconds, seconds / max(_best_time(extract(small), repeat)[0], 1e-6)


def bench(texts: list[str], repeat: int = 5) -> BenchResult:
    """The first and the best-of-``repeat`` timings of extraction, and the best of the bare scan,
    over ``texts``."""
    documents = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    extract_document(Document(text=WARM_UP))

    def run_extract() -> int:
        return sum(len(extract_document(d)) for d in documents)

    def run_scan() -> int:
        return sum(len(BARE_SCAN.findall(t)) for t in texts)

    first_seconds, _ = _best_time(run_extract, 1)
    extract_seconds, records = _best_time(run_extract, repeat)
    scan_seconds, _ = _best_time(run_scan, repeat)
    tracemalloc.start()
    run_extract()
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    grown = [Growth(name, GROWTH_CHARS, *growth(unit)) for name, unit in QUADRATIC_ONCE.items()]
    return BenchResult(
        len(texts),
        sum(map(len, texts)),
        records,
        first_seconds,
        extract_seconds,
        scan_seconds,
        peak,
        traced,
        grown,
    )
