"""The commands over a store: ingest (once per content), reextract (what changed), export, track."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select, update

from mubiao.cli import main
from mubiao.store import crud, open_store
from mubiao.store.models import RecordRow, RunRow

NATIONAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "national"
REPORTS = [str(NATIONAL / f"{year}_国务院_政府工作报告.txt") for year in (2017, 2018)]


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    assert main(["ingest", *REPORTS, "--db", url]) == 0
    return url


def test_reingesting_the_same_content_is_a_no_op(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(db)
    with store.session() as session:
        before = crud.count_records(session=session)
    capsys.readouterr()
    assert main(["ingest", *REPORTS, "--db", db]) == 0
    assert "0 documents added (0 records), 2 already stored" in capsys.readouterr().err
    with store.session() as session:
        assert crud.count_documents(session=session) == 2
        assert crud.count_records(session=session) == before > 0
        runs = session.scalars(select(RunRow).order_by(RunRow.id)).all()
        assert [r.counts["documents_added"] for r in runs] == [2, 0]
        assert runs[0].settings["inputs"] == REPORTS
    store.close()


def test_unreadable_input_fails_the_run_but_not_the_others(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["ingest", REPORTS[0], str(tmp_path / "missing.txt"), "--db", url]) == 1
    assert "missing.txt" in capsys.readouterr().err
    store = open_store(url)
    with store.session() as session:
        assert crud.count_documents(session=session) == 1
    store.close()


@pytest.mark.parametrize(
    "command",
    [["track"], ["export", "--format", "csv", "-o", "out"], ["reextract"], ["indicators"], ["eval"]],
)
def test_commands_that_read_a_store_refuse_one_that_is_not_there(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the default store is mubiao.db in the current directory: run elsewhere, or with a mistyped
    # --db, these commands printed empty tables and left an empty store behind
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--db", "sqlite:///mubiao.db"]) == 2
    assert capsys.readouterr().err == (
        f"mubiao: sqlite:///mubiao.db: no store there (no file {tmp_path / 'mubiao.db'}); "
        "`mubiao ingest FILES --db URL` makes one\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_reextract_shows_and_repairs_what_changed(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(db)
    with store.begin() as session:
        first, second = crud.query_records(session=session, limit=2)
        session.delete(first)  # the extractor will find it again: added
        session.execute(update(RecordRow).where(RecordRow.id == second.id).values(hedge="假的"))  # changed
        expected = (first.value_text, second.value_text)
    capsys.readouterr()
    assert main(["reextract", "--db", db, "--dry-run"]) == 0
    shown = capsys.readouterr()
    assert ": +1 -0 ~1" in shown.out
    assert f"+ [{first.start}:{first.end}] {expected[0]}" in shown.out
    assert "hedge: '假的' → None" in shown.out
    assert "1 changed" in shown.err and "dry run" in shown.err
    assert main(["reextract", "--db", db]) == 0
    capsys.readouterr()
    assert main(["reextract", "--db", db]) == 0
    assert capsys.readouterr().out == ""  # nothing left to change
    store.close()


def test_export_writes_tables_and_codebook(db: str, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert main(["export", "--format", "csv", "--db", db, "-o", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {
        "records.csv",
        "documents.csv",
        "tracking.csv",
        "codebook.md",
        "codebook.csv",
    }
    tracking = pd.read_csv(out / "tracking.csv")
    gdp = tracking[(tracking.indicator == "gdp") & (tracking.period.astype(str) == "2017")]
    assert list(gdp.status) == ["met"]


def test_track_table_and_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["track", "--db", db, "--indicator", "gdp", "--period", "2017"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["region", "indicator", "measure", "period"]
    assert len(lines) == 2 and "6.5%左右" in lines[1] and " met " in lines[1]


def test_escalation_needs_indicator_and_period(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["track", "--db", db, "--escalation"]) == 2
    assert "--indicator and --period" in capsys.readouterr().err
    assert main(["track", "--db", db, "--escalation", "--indicator", "gdp", "--period", "2018"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["level", "region"] and "country" in lines[1] and "全国" in lines[1]
