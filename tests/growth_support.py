"""How the time of a function grows with its input: a generous ratio, never a wall time, so that a
loaded machine does not fail the test while a quadratic scan (ratio 16 for 4x the input) does."""

from __future__ import annotations

import time
from collections.abc import Callable

# 4x the input: linear is 4; 8 leaves room for noise, quadratic is 16
GROWTH_LIMIT = 8.0


def _best(run: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - started)
    return best


def growth(run: Callable[[str], object], unit: str, n: int, repeat: int = 3) -> float:
    """time(4n characters) / time(n characters) of ``run`` over ``unit`` repeated."""
    small, large = unit * (n // len(unit)), unit * (4 * n // len(unit))
    run(small)  # compile patterns and load tables outside the timing
    return _best(run, large, repeat) / max(_best(run, small, repeat), 1e-6)
