"""The input side of what a careful attack found (issue 13): each numbered case reproduced with a bad
input among good ones. Each bad input gives one line naming it, the good ones are read, nothing is
lost or written where it must not be."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from ingest_support import mubiao
from serve_support import TOKEN, app_for

from mubiao.cli import main
from mubiao.store import open_store

REPORT_LINE = "2024年全区地区生产总值增长5%左右。\n"


def write(path: Path, text: str = REPORT_LINE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- 4: -o never destroys or reads back an input -------------------------------------------------


def test_output_that_is_the_input_is_refused_before_it_is_touched(tmp_path: Path) -> None:
    source = write(tmp_path / "f.txt")
    result = mubiao("extract", str(source), "-o", str(source))
    assert result.returncode == 2
    assert result.stderr.strip() == f"mubiao: {source}: the output is the input {source}; write it elsewhere"
    assert source.read_text(encoding="utf-8") == REPORT_LINE


@pytest.mark.parametrize(
    ("inputs", "output", "reason"),
    [
        (["d"], "d/out.jsonl", "the output is inside the input directory d"),
        (["d/*.txt"], "d/out.txt", "the output would match the input d/*.txt"),
        (["d/a.txt"], "link.txt", "the output is the input d/a.txt"),
        (["d/a.txt"], "d", "the output directory holds the input d/a.txt"),
    ],
)
def test_output_inside_or_over_an_input_is_refused(
    tmp_path: Path, inputs: list[str], output: str, reason: str
) -> None:
    write(tmp_path / "d" / "a.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "d" / "a.txt")
    result = mubiao("extract", *inputs, "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mubiao: {output}: {reason}; write it elsewhere"
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["a.txt"]
    assert (tmp_path / "d" / "a.txt").read_text(encoding="utf-8") == REPORT_LINE


def test_output_beside_the_inputs_is_written(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt")
    result = mubiao("extract", "d", "-o", "d.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"value_text": "5%左右"' in (tmp_path / "d.jsonl").read_text(encoding="utf-8")


# --- 5: an unreadable directory is reported ------------------------------------------------------


def test_an_unreadable_directory_gives_a_line_and_a_failing_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in" / "a_good.txt")
    locked = tmp_path / "in" / "b_locked"
    write(locked / "hidden_from_us.txt")
    listing = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        # tests run as root, whom file modes do not stop: the refusal is simulated where os.walk lists
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["extract", str(tmp_path / "in")]) == 1
    out, err = capsys.readouterr()
    assert f"mubiao: {locked}: directory not read (Permission denied)" in err.splitlines()
    assert "1 documents read, 0 skipped, 1 failed" in err
    assert '"value_text": "5%左右"' in out


# --- 11: dates refused where they are given ------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("0000-00-00", "is not a calendar date (year 0 is out of range)"),
        ("2024-13-45", "is not a calendar date (month must be in 1..12)"),
        ("2024-02-30", "is not a calendar date (day is out of range for month)"),
        ("1024-02-03", "has a year outside 1900–2100"),
        ("24-2-3", "is not a date YYYY-MM-DD"),
    ],
)
def test_a_published_date_that_cannot_be_is_refused_on_the_command_line(
    tmp_path: Path, date: str, why: str
) -> None:
    source = write(tmp_path / "f.txt")
    for command in ("extract", "ingest"):
        result = mubiao(command, str(source), "--published", date, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.splitlines()[-1].endswith(f"argument --published: '{date}' {why}")
    assert not (tmp_path / "mubiao.db").exists()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    store = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    with TestClient(app_for(store)) as test_client:
        yield test_client
    store.close()


def upload(client: TestClient, **form: str):  # noqa: ANN201 (httpx response)
    return client.post(
        "/api/documents",
        headers={"Authorization": f"Bearer {TOKEN}"},
        files={"file": ("note.txt", REPORT_LINE.encode())},
        data=form,
    )


@pytest.mark.parametrize(
    ("form", "detail"),
    [
        (
            {"published": "0000-00-00"},
            "published: '0000-00-00' is not a calendar date (year 0 is out of range)",
        ),
        (
            {"published": "2024-13-45"},
            "published: '2024-13-45' is not a calendar date (month must be in 1..12)",
        ),
        ({"region": "白云区"}, "region: '白云区' names no division, or several"),
        ({"region": "广州市朝阳区"}, "region: '广州市朝阳区' names no division, or several"),
    ],
)
def test_an_upload_with_an_impossible_date_or_region_is_refused(
    client: TestClient, form: dict[str, str], detail: str
) -> None:
    response = upload(client, **form)
    assert response.status_code == 422
    assert response.json()["detail"].startswith(detail)
    assert client.get("/api/documents").json()["total"] == 0
    good = upload(client, published="2024-02-19", region="广州市白云区")
    assert good.status_code == 201
    assert good.json()["document"]["published"] == "2024-02-19"


# --- 12: the help says what mubiao is for --------------------------------------------------------


def test_help_describes_mubiao_for_its_users() -> None:
    result = mubiao("--help")
    assert result.returncode == 0
    description = result.stdout.split("\n\n")[1]
    assert description.startswith("Find the quantitative targets and outcomes")
    assert description.rstrip().endswith(".")
    assert "module" not in result.stdout
    assert "mubiao COMMAND --help" in result.stdout
