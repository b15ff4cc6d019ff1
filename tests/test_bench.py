"""mubiao bench: its report, and the inputs that once took time in their length squared."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth_support import GROWTH_LIMIT

from mubiao.cli import main
from mubiao.evaluate.bench import QUADRATIC_ONCE, growth


@pytest.mark.parametrize("unit", list(QUADRATIC_ONCE.values()), ids=list(QUADRATIC_ONCE))
def test_extraction_time_is_linear_on_inputs_that_once_were_quadratic(unit: str) -> None:
    ratios = []
    for _ in range(3):  # the lowest of three: load only ever adds time, a quadratic input stays at 16
        ratios.append(growth(unit, characters=8_000)[1])
        if ratios[-1] < GROWTH_LIMIT:
            break
    assert min(ratios) < GROWTH_LIMIT


def test_bench_reports_speed_and_the_quadratic_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text("各位代表：\n一、2025年工作回顾\n地区生产总值增长5.3%。\n", encoding="utf-8")
    assert main(["bench", str(report), "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "chars/s" in out and "ratio" in out and "first pass" in out
    assert all(name in out for name in QUADRATIC_ONCE)
