"""Target history and escalation as data: a region's series of targets over the years, each
beside the previous year's and beside the level above."""

from __future__ import annotations

import pytest

from mubiao.record import TargetRecord
from mubiao.track import track
from mubiao.track.history import history


def target(
    doc: str, published: str, value: float, period: str, region: str, code: str, modality: str = "target"
) -> TargetRecord:
    return TargetRecord(
        doc=doc,
        start=0,
        end=4,
        value_text=f"{value}%",
        quote=f"生产总值增长{value}%",
        indicator_text="生产总值",
        indicator="gdp",
        measure="growth",
        value_low=value,
        value_high=value,
        comparator="eq",
        unit="%",
        modality=modality,
        period=period,
        region=region,
        region_code=code,
        published=published,
        indicator_key="gdp",
    )


RECORDS = [
    target("全国2017.txt", "2017-03-05", 6.5, "2017", "全国", "100000"),
    target("全国2018.txt", "2018-03-05", 6.5, "2018", "全国", "100000"),
    target("河北2017.txt", "2017-01-08", 7.0, "2017", "河北省", "130000"),
    target("河北2018.txt", "2018-01-25", 6.5, "2018", "河北省", "130000"),
    target("保定2018.txt", "2018-02-10", 7.0, "2018", "保定市", "130600"),
    target("河北2018.txt", "2018-01-25", 6.6, "2017", "河北省", "130000", modality="actual"),
]


def test_each_regions_targets_form_a_series_with_the_change_from_the_previous_year() -> None:
    rows = {(r.region, r.period): r for r in history(track(RECORDS))}
    hebei = rows[("河北省", "2018")]
    assert (hebei.previous_period, hebei.previous_target_text, hebei.change_from_previous) == (
        "2017",
        "7.0%",
        pytest.approx(-0.5),
    )
    first = rows[("河北省", "2017")]
    assert (first.previous_period, first.outcome_value, first.status) == (None, 6.6, "missed")


def test_each_target_stands_beside_the_level_above_with_the_gap() -> None:
    rows = {(r.region, r.period): r for r in history(track(RECORDS))}
    baoding = rows[("保定市", "2018")]
    assert (baoding.level, baoding.above_region, baoding.above_target_text) == ("city", "河北省", "6.5%")
    assert (baoding.above_gap, baoding.escalated) == (pytest.approx(0.5), True)
    hebei = rows[("河北省", "2017")]
    assert (hebei.above_region, hebei.above_gap, hebei.escalated) == ("全国", pytest.approx(0.5), True)
    assert rows[("全国", "2018")].above_region is None


def test_mubiao_track_history_prints_the_series(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    from mubiao.cli import main
    from mubiao.record import Document
    from mubiao.store import open_store
    from mubiao.store.ingest import ingest

    url = f"sqlite:///{tmp_path / 'mubiao.db'}"
    store = open_store(url)
    by_doc = {r.doc: [x for x in RECORDS if x.doc == r.doc] for r in RECORDS}
    documents = [
        Document(text=f"{doc}：生产总值增长", id=doc, published=records[0].published)
        for doc, records in by_doc.items()
    ]
    ingest(store, documents, extractor=lambda document: by_doc[document.id])
    store.close()
    assert main(["track", "--history", "--db", url, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("region,region_code,level,indicator_key")
    assert "保定市,130600,city,gdp" in out and ",河北省,6.5%,0.5,True" in out
