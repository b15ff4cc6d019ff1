"""The gazetteer and the region a document speaks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mubiao.knowledge import rows
from mubiao.regions import document_region, find_region, gazetteer, region_by_code, resolve_region

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

RESOLVED = [
    # written name → (full name, code)
    ("广州市白云区", "广州市白云区", "440111"),
    ("广州白云区", "广州市白云区", "440111"),
    ("广东省广州市白云区", "广州市白云区", "440111"),
    ("贵阳市白云区", "贵阳市白云区", "520113"),
    ("北京市朝阳区", "北京市朝阳区", "110105"),
    ("朝阳市", "朝阳市", "211300"),
    ("广东省", "广东省", "440000"),
    ("广东", "广东省", "440000"),
    ("广西", "广西壮族自治区", "450000"),
    ("内蒙古", "内蒙古自治区", "150000"),
    ("黔南", "黔南布依族苗族自治州", "522700"),
    ("六盘水", "六盘水市", "520200"),
    ("吉林", "吉林省", "220000"),
    ("吉林市", "吉林市", "220200"),
    ("济源市", "河南省济源市", "419001"),
    # county-level units a province or the 兵团 governs directly, by their short names (knowledge/region_aliases.tsv)
    ("仙桃", "湖北省仙桃市", "429004"),
    ("湖北仙桃", "湖北省仙桃市", "429004"),
    ("神农架", "湖北省神农架林区", "429021"),
    ("琼中", "海南省琼中黎族苗族自治县", "469030"),
    ("陵水县", "海南省陵水黎族自治县", "469028"),
    ("石河子", "新疆维吾尔自治区石河子市", "659001"),
    ("全国", "全国", "100000"),
    ("中国", "全国", "100000"),
    ("国务院", "全国", "100000"),
    ("440111", "广州市白云区", "440111"),
]


@pytest.mark.parametrize(("name", "full_name", "code"), RESOLVED, ids=[r[0] for r in RESOLVED])
def test_resolve_region(name: str, full_name: str, code: str) -> None:
    region = resolve_region(name)
    assert region is not None
    assert (region.full_name, region.code) == (full_name, code)


# 东方/文昌/白杨/新星 are short names of directly governed units too, but everyday words or names of streets and
# temples elsewhere: region_aliases.tsv leaves them out, and their full names (东方市) resolve
@pytest.mark.parametrize(
    "name", ["白云区", "朝阳区", "鼓楼区", "火星市", "", "广州市朝阳区", "东方", "文昌", "白杨", "新星"]
)
def test_unknown_or_ambiguous_names_resolve_to_nothing(name: str) -> None:
    assert resolve_region(name) is None


def test_every_hand_kept_alias_resolves_to_its_division() -> None:
    # a row whose name collides with another division's (or with another row) would resolve to nothing
    for row in rows("region_aliases"):
        region = resolve_region(row["alias"])
        assert region is not None and region.code == row["code"], row
        assert row["example"].strip(), row


def test_gazetteer_is_complete_and_consistent() -> None:
    gaz = gazetteer()
    levels = [r.level for r in gaz.by_code.values()]
    assert levels.count("province") == 34
    assert levels.count("city") > 330
    assert levels.count("county") > 2800
    for region in gaz.by_code.values():
        assert len(region.code) == 6 and region.code.isdigit()
        if region.parent_code:
            parent = gaz.by_code[region.parent_code]
            assert parent.depth < region.depth
    assert region_by_code("440100").name == "广州市"
    assert region_by_code("440111").parent_code == "440100"


FOUND = [
    # (title, text opening, expected code): a county settled by the city named beside it
    ("广州白云区委书记：推动今年GDP增长6.5%以上", "", "440111"),
    ("贵阳白云区委书记：推动今年GDP增长6.5%以上", "", "520113"),
    ("白云区召开高质量发展大会", "广州市委、市政府召开全市大会", "440111"),
    # a speaker in the opening outranks places merely named there
    (
        None,
        "政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长 某某\n深圳",
        "440000",
    ),
    # a dateline names where the reporter was, not the region; the NPC and State Council make it national
    (None, "新华社北京3月16日电\n政府工作报告——在第十二届全国人民代表大会第五次会议上国务院总理", "100000"),
    ("2026_广东省_政府工作报告", "", "440000"),
    ("1-10月德清县固定资产投资结构趋稳趋优", "", "330521"),
    # a county-level city by the zone that runs it or by its short name (knowledge/region_aliases.tsv), though
    # the opening names its province (关于河南工作)
    (
        "2019年济源示范区国民经济和社会发展统计公报",
        "示范区上下认真落实习近平总书记关于河南工作的重要讲话",
        "419001",
    ),
    ("2021年济源经济持续稳定恢复", "", "419001"),
    # 和县 inside 市和县 is not the county 和县; 全国 in passing is not the country
    (None, "各省、市和县要落实全国统一部署", None),
    (None, "本文讨论数字经济。", None),
]


@pytest.mark.parametrize(("title", "text", "code"), FOUND)
def test_find_region(title: str | None, text: str, code: str | None) -> None:
    region = find_region(title, text)
    assert (region.code if region else None) == code


def test_find_region_on_real_reports() -> None:
    seed = (CORPUS / "seed_baiyun_2024.txt").read_text(encoding="utf-8")
    assert find_region(None, seed).code == "440111"
    for path in sorted(CORPUS.glob("2026_*.txt")):
        province = path.stem.split("_")[1]
        assert find_region(None, path.read_text(encoding="utf-8")).full_name == province, path.name
    for path in sorted((CORPUS / "national").glob("*.txt")):
        assert find_region(None, path.read_text(encoding="gb18030")).code == "100000", path.name


def test_a_news_page_about_many_regions_speaks_for_none() -> None:
    """The 中新网 article on a dozen cities' 2021 GDP names 蚌埠 in its title (蚌埠住了, "cannot hold on"):
    a news page about many regions has no region of its own (issue 15); a news page on 白云区 naming
    广州 and 广东 keeps 白云区, and a work report naming many cities keeps its province."""
    article = (CORPUS / "news" / "2022_城市GDP竞争_中新网.txt").read_text(encoding="utf-8")
    title = article.splitlines()[0]
    assert find_region(title, article).name == "蚌埠市"
    region, why = document_region(title, article, genre="news")
    assert region is None and why.startswith("none: a news page about ")
    seed = (CORPUS / "seed_baiyun_2024.txt").read_text(encoding="utf-8")
    assert document_region(None, seed, genre="news")[0].code == "440111"
    guangdong = (CORPUS / "2026_广东省_政府工作报告.txt").read_text(encoding="utf-8")
    assert document_region(None, guangdong, genre="work_report")[0].full_name == "广东省"
    assert document_region(None, guangdong, genre="news")[0].full_name == "广东省"  # most places are its own


def test_regions_module_is_pure() -> None:
    code = "import sys, mubiao.regions; print(sorted(m for m in ('trafilatura', 'pyarrow', 'pypdf') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
