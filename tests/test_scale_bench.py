"""mubiao bench-scale: one corpus, three engines, the same records from each."""

from __future__ import annotations

from pathlib import Path

import pytest

from mubiao.cli import main
from mubiao.scale.bench import bench_scale

REPORTS = sorted((Path(__file__).resolve().parents[1].parent / "shared" / "corpus").glob("2026_*.txt"))


@pytest.fixture(autouse=True)
def reports() -> None:
    if not REPORTS:
        pytest.skip("../shared/corpus is not beside the repository")


def test_every_engine_reads_the_whole_corpus_and_finds_the_same_records() -> None:
    rows, size = bench_scale(REPORTS[:2], n_docs=300, workers=2, partition_size=50)
    assert size == 300
    assert [(r.engine, r.workers) for r in rows] == [("local", 1), ("dask", 1), ("dask", 2)]
    assert {(r.documents, r.chars, r.records) for r in rows} == {
        (rows[0].documents, rows[0].chars, rows[0].records)
    }
    assert rows[0].documents == 300 and rows[0].records > 0
    assert all(r.seconds > 0 and r.peak_mb > 0 for r in rows)


def test_the_command_prints_rates_and_the_scaling_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench-scale", str(REPORTS[0]), "--docs", "100", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "corpus: 100 documents" in out
    header, *table = out.splitlines()[2:6]
    assert header.split()[-3:] == ["chars/s", "peak", "MB"]
    assert [line.split()[:2] for line in table] == [["local", "1"], ["dask", "1"], ["dask", "2"]]
    assert "scaling: dask 2 workers / dask 1 worker = " in out
