"""How the time of a function grows with its input: a generous ratio of the CPU time of the thread
that runs it (other processes on a loaded machine do not count), never a wall time, so that a
loaded machine does not fail the test while a quadratic scan (ratio 16 for 4x the input) does."""

from __future__ import annotations

import time
from collections.abc import Callable

# 4x the input: linear is 4; 8 leaves room for noise, quadratic is 16
GROWTH_LIMIT = 8.0


def _best(run: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.thread_time()
        run(text)
        best = min(best, time.thread_time() - started)
    return best


def growth(run: Callable[[str], object], unit: str, n: int, repeat: int = 3, trials: int = 3) -> float:
    """time(4n characters) / time(n characters) of ``run`` over ``unit`` repeated: the lowest of
    ``trials`` measurements, since load on a shared machine only ever adds time (a busy moment
    during the small run inflates one ratio; a quadratic scan stays at 16 in every trial)."""
    small, large = unit * (n // len(unit)), unit * (4 * n // len(unit))
    run(small)  # compile patterns and load tables outside the timing
    ratios = []
    for _ in range(trials):
        ratios.append(_best(run, large, repeat) / max(_best(run, small, repeat), 1e-6))
        if ratios[-1] < GROWTH_LIMIT:
            break
    return min(ratios)
