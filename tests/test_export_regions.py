"""Exports carry each record's own region and code (issue 15): a city's figure in a province's report
is the city's, a number several places share is theirs jointly with no code, and a news page about
many regions has no region of its own while each of its records has one."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_support import read_export

from mubiao.export import FORMATS, export
from mubiao.export.codebook import codebook
from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions, iter_documents
from mubiao.store import open_store
from mubiao.store.ingest import ingest

REPORT = (
    "湖北省2026年政府工作报告\n各位代表：\n"
    "过去一年，全省地区生产总值增长5.8%。武汉地区生产总值增长6.5%。"
    "襄阳、宜昌地区生产总值分别增长6.1%、6.2%。荆州、黄冈经济总量突破3000亿元。\n"
)
NEWS = (
    "各地经济成绩单出炉\n来源：中新网\n"
    "江苏2021年GDP增长8.6%。浙江GDP增长8.5%。广州GDP增长8.1%。成都GDP增长8.6%。武汉GDP增长12.2%。\n"
)
# value_text → (region, region_code) of the record
EXPECTED = {
    "5.8%": ("湖北省", "420000"),
    "6.5%": ("武汉市", "420100"),
    "6.1%": ("襄阳市", "420600"),
    "6.2%": ("宜昌市", "420500"),
    "突破3000亿元": ("荆州市、黄冈市", ""),
    "8.6%": ("江苏省", "320000"),  # the news page's first; 成都's 8.6% is checked below
    "8.5%": ("浙江省", "330000"),
    "8.1%": ("广州市", "440100"),
    "12.2%": ("武汉市", "420100"),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("regions")
    for name, text in (("2026_湖北.txt", REPORT), ("news.txt", NEWS)):
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(f"sqlite:///{folder / 'mubiao.db'}")
    paths = [str(folder / "2026_湖北.txt"), str(folder / "news.txt")]
    ingest(store, iter_documents(paths, IngestOptions(published="2026-01-20")), extractor=extract_document)
    for fmt in FORMATS:
        export(store, folder / fmt, fmt)
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_record_exports_its_own_region_and_code(exported: Path, fmt: str) -> None:
    records = read_export(exported / fmt / f"records.{fmt}")
    documents = read_export(exported / fmt / f"documents.{fmt}")
    code = records["region_code"].fillna("").astype(str)
    got = list(zip(records["value_text"], records["region"].fillna(""), code, strict=True))
    first = {}
    for value_text, region, region_code in got:
        first.setdefault(value_text, (region, region_code))
    assert first == EXPECTED
    assert ("8.6%", "成都市", "510100") in got
    regions = dict(
        zip(documents["key"].map(lambda k: Path(k).name), documents["region"].fillna(""), strict=True)
    )
    assert regions == {"2026_湖北.txt": "湖北省", "news.txt": ""}


def test_the_codebook_says_whose_number_the_region_is() -> None:
    records = codebook()["records"][1]
    assert records["region"].description.startswith("The region the record's number belongs to")
    assert "jointly" in records["region_code"].description
