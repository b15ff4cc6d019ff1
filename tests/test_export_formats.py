"""Exports: every table in every format reads back with the same content, and the codebook
describes every column."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest
from export_support import read_export

from mubiao.export import FORMATS, export
from mubiao.export.codebook import codebook
from mubiao.export.writers import STATA_NAME_LIMIT, stata_names
from mubiao.record import Document, TargetRecord
from mubiao.store import Store, open_store
from mubiao.store.ingest import ingest
from mubiao.track import STATUSES

TEXT_2017 = "主要预期目标是：国内生产总值增长6.5%左右。" + "长" * 3000
TEXT_2018 = "过去一年，国内生产总值增长6.9%。"


def extractor(document: Document) -> list[TargetRecord]:
    value_text = "6.5%左右" if document.id == "2017.txt" else "6.9%"
    start = document.text.index(value_text)
    value = float(value_text.split("%")[0])
    return [
        TargetRecord(
            doc=document.id,
            start=start,
            end=start + len(value_text),
            value_text=value_text,
            quote=f"国内生产总值增长{value_text}",
            indicator_text="国内生产总值",
            indicator="gdp",
            measure="growth",
            value_low=value,
            value_high=value,
            comparator="approx" if "左右" in value_text else "eq",
            unit="%",
            modality="target" if document.id == "2017.txt" else "actual",
            period="2017",
            annual_average=False,
            region="全国",
            region_code="100000",
            published=document.published,
        )
    ]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    documents = [
        Document(text=TEXT_2017, id="2017.txt", published="2017-03-05", region="全国", region_code="100000"),
        Document(text=TEXT_2018, id="2018.txt", published="2018-03-05", title="政府工作报告"),
    ]
    ingest(opened, documents, extractor=extractor)
    return opened


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_round_trips(store: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    written = export(store, out, fmt)
    assert {p.name for p in written} == {f"{t}.{fmt}" for t in ("records", "documents", "tracking")} | {
        "codebook.md",
        "codebook.csv",
    }
    records, documents, tracking = (
        read_export(out / f"{t}.{fmt}") for t in ("records", "documents", "tracking")
    )
    assert list(records["value_text"]) == ["6.5%左右", "6.9%"]
    assert [float(v) for v in records["value_low"]] == [6.5, 6.9]
    assert [str(s) for s in records["start"]] == ["16", "13"]
    assert list(documents["text"]) == [TEXT_2017, TEXT_2018]  # long texts survive, Stata included
    assert [int(n) for n in documents["n_records"]] == [1, 1]
    row = tracking.iloc[0]
    assert (row["status"], float(row["margin"]), row["outcome_doc"]) == (
        "met",
        pytest.approx(0.4),
        "2018.txt",
    )
    assert len(tracking) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_records_carry_the_indicators_english_name_and_parent(store: Store, tmp_path: Path, fmt: str) -> None:
    text = TEXT_2018.replace("国内生产总值", "工业投资")
    gdp = extractor(Document(text=TEXT_2018, id="2018.txt"))[0]
    invest = replace(gdp, doc="invest.txt", indicator_text="工业投资", indicator="industrial_investment")
    ingest(
        store, [Document(text=text, id="invest.txt", published="2018-03-05")], extractor=lambda _: [invest]
    )
    records = read_export(export(store, tmp_path, fmt)[0]).set_index("doc")
    assert records.loc["2017.txt", "indicator_en"] == "GDP"
    assert records.loc["invest.txt", "indicator_en"] == "Industrial investment"
    assert records.loc["invest.txt", "indicator_parent"] == "fixed_asset_investment"
    assert (
        pd.isna(records.loc["2017.txt", "indicator_parent"])
        or records.loc["2017.txt", "indicator_parent"] == ""
    )


def test_empty_columns_keep_their_type(store: Store, tmp_path: Path) -> None:
    export(store, tmp_path, "parquet")
    records = pd.read_parquet(tmp_path / "records.parquet")
    assert records["page"].isna().all() and pd.api.types.is_integer_dtype(records["page"])
    assert pd.api.types.is_string_dtype(records["hedge"])
    frame, meta = pyreadstat.read_dta(str(export(store, tmp_path / "dta", "dta")[0]))
    assert meta.readstat_variable_types["page"] == "double" and frame["page"].isna().all()
    assert meta.column_names_to_labels["value_low"].startswith("Lower bound")


def test_codebook_describes_every_exported_column(store: Store, tmp_path: Path) -> None:
    export(store, tmp_path, "csv")
    for table in ("records", "documents", "tracking"):
        header = pd.read_csv(tmp_path / f"{table}.csv", nrows=0).columns
        assert list(header) == list(codebook()[table][1])
    described = pd.read_csv(tmp_path / "codebook.csv")
    exported = ("records", "documents", "tracking")
    assert len(described) == sum(len(codebook()[table][1]) for table in exported)
    markdown = (tmp_path / "codebook.md").read_text()
    assert "| margin | number | pp for % values, else see unit |" in markdown
    # A Markdown table renders only when every row has as many cells as its header.
    tables = [line for line in markdown.splitlines() if line.startswith("|")]
    assert {line.count(" | ") for line in tables if not line.startswith("|---")} == {3}


def test_stata_names_are_valid_and_unique() -> None:
    long = "a_column_name_far_longer_than_stata_allows"
    names = stata_names([long, long + "_too", "in", "2024 growth", "收入"])
    assert all(len(n) <= STATA_NAME_LIMIT for n in names.values())
    assert len(set(names.values())) == len(names)
    assert names["in"] == "v_in" and names["2024 growth"] == "v_2024_growth"
    assert all(n.isascii() and (n[0].isalpha() or n[0] == "_") for n in names.values())


def test_every_format_has_a_writer() -> None:
    from mubiao.export.writers import WRITERS

    assert set(FORMATS) == set(WRITERS)


def test_stata_files_load_with_value_labels_dates_and_full_descriptions(store: Store, tmp_path: Path) -> None:
    export(store, tmp_path, "dta")
    tracking = pd.read_stata(tmp_path / "tracking.dta")
    assert list(tracking["status"]) == ["met"]
    assert list(tracking["comparator"]) == ["approx"] and list(tracking["measure"]) == ["growth"]
    assert tracking["target_published"].iloc[0] == pd.Timestamp("2017-03-05")
    records = pd.read_stata(tmp_path / "records.dta")
    assert list(records["modality"]) == ["target", "actual"]
    assert pd.api.types.is_datetime64_any_dtype(records["published"])
    with pd.io.stata.StataReader(tmp_path / "tracking.dta") as reader:
        labels = reader.variable_labels()
        value_labels = reader.value_labels()
    assert set(STATUSES) <= {label for table in value_labels.values() for label in table.values()}
    assert all(len(label) <= 80 for label in labels.values())
    # A long description is cut after a word, and kept whole as the variable's note.
    long = {
        name: entry.description
        for name, entry in codebook()["tracking"][1].items()
        if len(entry.description) > 80
    }
    assert long
    name, description = next(iter(long.items()))
    assert labels[name].endswith("...") and description.startswith(labels[name][:-3])
    assert description.encode("utf-8") in (tmp_path / "tracking.dta").read_bytes()


def test_stata_dates_after_many_undated_rows(tmp_path: Path) -> None:
    # pyreadstat guesses an object column's type from its first 100 or so values: a store whose first
    # records came from undated texts (a news page, a report without a dateline) made the export fail
    store = open_store(f"sqlite:///{tmp_path / 'mubiao.db'}")
    undated = [Document(text=f"第{n}篇：国内生产总值增长6.9%。", id=f"{n}.txt") for n in range(120)]
    dated = Document(text=TEXT_2018, id="2018.txt", published="2018-03-05")
    ingest(store, [*undated, dated], extractor=extractor)
    export(store, tmp_path, "dta")
    records = pd.read_stata(tmp_path / "records.dta")
    assert records["published"].isna().sum() == 120
    assert records.loc[records["doc"] == "2018.txt", "published"].tolist() == [pd.Timestamp("2018-03-05")]
    store.close()


def test_the_panel_in_three_formats_in_one_call(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mubiao.cli import main
    from mubiao.export.panel import PANEL_COLUMNS

    url = str(store.engine.url)
    assert main(["export", "--panel", "--format", "csv,parquet,dta", "--db", url, "-o", str(tmp_path)]) == 0
    names = {Path(line).name for line in capsys.readouterr().out.split()}
    assert names == {"panel.csv", "panel.parquet", "panel.dta", "codebook.md", "codebook.csv"}
    stata = pd.read_stata(tmp_path / "panel.dta")
    [row] = stata.to_dict("records")
    assert (row["region"], row["region_code"], row["region_level"]) == ("全国", "100000", "country")
    assert (row["indicator"], row["indicator_key"], row["indicator_en"]) == ("gdp", "gdp", "GDP")
    assert (row["status"], row["comparator"], row["measure"], row["outcome_modality"]) == (
        "met",
        "approx",
        "growth",
        "actual",
    )
    assert isinstance(stata["status"].dtype, pd.CategoricalDtype)  # value labels, not bare codes
    assert (row["target_published"], row["outcome_published"]) == (
        pd.Timestamp("2017-03-05"),
        pd.Timestamp("2018-03-05"),
    )
    assert (row["target_start"], row["outcome_start"], row["margin"]) == (16, 13, pytest.approx(0.4))
    assert (
        row["target_quote"] == "国内生产总值增长6.5%左右" and row["outcome_quote"] == "国内生产总值增长6.9%"
    )
    assert row["target_document_id"] != row["outcome_document_id"]
    assert list(pd.read_parquet(tmp_path / "panel.parquet").columns) == list(PANEL_COLUMNS)
    assert list(pd.read_csv(tmp_path / "panel.csv").columns) == list(PANEL_COLUMNS)
    markdown = (tmp_path / "codebook.md").read_text()
    assert "## panel (`panel.csv, panel.parquet, panel.dta`)" in markdown
    assert all(f"| {name} " in markdown for name in PANEL_COLUMNS)


def test_an_unknown_format_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mubiao.cli import main

    with pytest.raises(SystemExit):
        main(["export", "--format", "csv,xlsx", "-o", str(tmp_path)])
    assert "unknown format 'xlsx'" in capsys.readouterr().err


def test_csv_for_excel_begins_with_a_byte_order_mark_only_when_asked(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mubiao.cli import main

    url = str(store.engine.url)
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    assert main(["export", "--format", "csv,parquet", "--db", url, "-o", str(plain)]) == 0
    assert main(["export", "--bom", "--format", "csv,parquet", "--db", url, "-o", str(excel)]) == 0
    for name in ("records.csv", "documents.csv", "tracking.csv", "codebook.csv"):
        assert not (plain / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
        assert (excel / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
        # the same table otherwise: the mark is not read as part of the first column's name
        pd.testing.assert_frame_equal(
            pd.read_csv(excel / name, encoding="utf-8-sig"), pd.read_csv(plain / name)
        )
    assert pd.read_parquet(excel / "records.parquet").equals(pd.read_parquet(plain / "records.parquet"))
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "Excel" in capsys.readouterr().out.split("--bom", 1)[1]
