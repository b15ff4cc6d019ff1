"""Reading a corpus keeps memory flat: peak RSS does not grow with the file (rows are streamed).
The 1 GB measurement is scripts/measure_ingest_rss.py; here two small files are compared."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from ingest_support import REPO

spec = importlib.util.spec_from_file_location(
    "measure_ingest_rss", REPO / "scripts" / "measure_ingest_rss.py"
)
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)


def test_peak_rss_does_not_grow_with_the_corpus(tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    measure.make_jsonl(small, 4 << 20)
    rows = measure.make_jsonl(large, 48 << 20)
    first, second = measure.read_in_child(small), measure.read_in_child(large)
    assert second["documents"] == rows and second["errors"] == 0
    # twelve times the data, a few MiB more at most (the large file alone is 48 MiB)
    assert second["peak_rss_mib"] - first["peak_rss_mib"] < 12, (first, second)
