"""End to end over the five national reports (2014-2018, GBK text): ingest, then each year's
targets linked to the outcome the next year's report gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao.cli import main

NATIONAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "national"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('national') / 'mubiao.db'}"
    assert main(["ingest", str(NATIONAL), "--db", url, "-q"]) == 0
    return url


def track(db: str, out: Path, *flags: str) -> list[dict]:
    assert main(["track", "--db", db, "--format", "jsonl", "-o", str(out), *flags]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def tracking(db: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return track(db, tmp_path_factory.mktemp("out") / "tracking.jsonl")


def find(rows: list[dict], indicator: str, period: str, measure: str = "growth") -> dict:
    [row] = [r for r in rows if (r["indicator"], r["period"], r["measure"]) == (indicator, period, measure)]
    return row


def test_2017_gdp_target_met_by_the_growth_reported_in_2018(tracking: list[dict]) -> None:
    row = find(tracking, "gdp", "2017")
    assert (row["comparator"], row["target_low"], row["target_high"]) == ("approx", 6.5, 6.5)
    assert (row["outcome_value"], row["status"], row["margin"]) == (6.9, "met", pytest.approx(0.4))
    assert Path(row["target_doc"]).name.startswith("2017") and Path(row["outcome_doc"]).name.startswith(
        "2018"
    )
    assert row["region_code"] == "100000"
    assert "6.5%左右" in row["target_quote"] and "6.9%" in row["outcome_quote"]


# (indicator, measure, period, outcome reported the next year, status): main targets whose outcome
# the next report states as a number.
LINKS = [
    ("gdp", "growth", "2014", 7.4, "met_within_tolerance"),  # 7.5%左右
    ("gdp", "growth", "2015", 6.9, "met_within_tolerance"),  # 7%左右
    ("gdp", "growth", "2016", 6.7, "met"),  # 6.5%-7%
    ("cpi", "growth", "2014", 2.0, "met"),  # 3.5%左右, a down indicator
    ("cpi", "growth", "2016", 2.0, "met"),  # 3%左右
    ("new_urban_jobs", "level", "2014", 1.322e7, "met"),
    ("new_urban_jobs", "level", "2015", 1.312e7, "met"),
    ("new_urban_jobs", "level", "2016", 1.314e7, "met"),
    ("new_urban_jobs", "level", "2017", 1.351e7, "met"),
    ("energy_intensity", "growth", "2015", -5.6, "met"),  # 下降3.1%以上
    ("energy_intensity", "growth", "2016", -5.0, "met"),  # 下降3.4%以上
]


@pytest.mark.parametrize(("indicator", "measure", "period", "outcome", "status"), LINKS)
def test_main_targets_linked_to_the_next_report(
    tracking, indicator, measure, period, outcome, status
) -> None:
    row = find(tracking, indicator, period, measure)
    assert (row["outcome_value"], row["status"]) == (pytest.approx(outcome), status)
    assert int(Path(row["outcome_doc"]).name[:4]) == int(period) + 1


def test_2018_targets_have_no_outcome_yet(tracking: list[dict]) -> None:
    assert find(tracking, "gdp", "2018")["status"] == "no_outcome"


def test_tolerance_is_a_flag(db: str, tmp_path: Path) -> None:
    strict = track(
        db, tmp_path / "strict.jsonl", "--tolerance-pct", "0.05", "--indicator", "gdp", "--period", "2014"
    )
    assert [(r["status"], r["margin"]) for r in strict] == [("missed", pytest.approx(-0.1))]
