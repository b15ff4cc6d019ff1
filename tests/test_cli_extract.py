"""`mubiao extract` as a user meets it: formats, determinism, bad input in a batch."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

SENTENCE = "推动今年地区生产总值增长6.5%以上、总量突破3000亿元。"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mubiao.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def test_jsonl_is_the_same_byte_for_byte(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    first = _run("extract", "a.txt", "--published", "2024-02-19", cwd=tmp_path)
    second = _run("extract", "a.txt", "--published", "2024-02-19", cwd=tmp_path)
    assert first.returncode == 0 and first.stdout == second.stdout
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(r["doc"], r["value_text"], r["period"]) for r in rows] == [
        ("a.txt", "6.5%以上", "2024"),
        ("a.txt", "突破3000亿元", "2024"),
    ]


def test_csv_output_to_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert _run("extract", "a.txt", "--format", "csv", "-o", "out.csv", cwd=tmp_path).returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert [r["value_low"] for r in rows] == ["6.5", "300000000000.0"]


def test_bad_files_fail_alone(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = _run("extract", "binary.txt", "good.txt", "missing.txt", cwd=tmp_path)
    assert result.returncode != 0
    errors = [
        line for line in result.stderr.splitlines() if line.startswith("mubiao: ") and "failed" not in line
    ]
    assert len(errors) == 2
    assert any("binary.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["good.txt", "good.txt"]
