"""The indicator key: every record carries one, names of one indicator share it, its rules are rows
of knowledge/keys.toml each with an example, and a store made before the key gets it on upgrade."""

from __future__ import annotations

import pytest
from pgserver import fresh_database_url
from sqlalchemy import text

from mubiao.extract.pipeline import extract
from mubiao.knowledge import load
from mubiao.store import crud, open_store
from mubiao.store.db import make_engine, upgrade
from mubiao.store.models import RecordRow
from mubiao.taxonomy import indicator_key, normalised_name


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["新建5G基站", "建成5G基站", "全市累计建成5G基站", "5G基站数量"], "base_stations_5g"),
        (["新建城市书房", "建成城市书房", "全市累计建成城市书房", "城市书房数量"], "城市书房"),
        (["全市地区生产总值", "地区生产总值（GDP）", "成都市地区生产总值", "实现地区生产总值"], "gdp"),
        (["全省新认定高新技术企业", "我市高新技术企业数量"], "high_tech_enterprises"),
        (["改造老旧小区", "全年改造老旧小区"], "old_residential_renovation"),
        (["改造背街小巷路灯", "全年改造背街小巷路灯"], "背街小巷路灯"),
        (["锦江区“百校工程”学校", "“百校工程”学校"], "百校工程学校"),
        (["全部财政收入按可比口径", "全部财政收入可比", "全部财政收入"], "total_fiscal_revenue"),
        (["一般预算收入可比", "地方一般预算收入"], "general_budget_revenue"),
        (["川东北经济区经济总量", "武汉都市圈经济总量", "泸州经济总量"], "gdp"),
        (["省级中试平台", "成功创建国家级制造业中试平台", "新培育中试平台"], "pilot_platforms"),
        (["开工建设的重大项目", "建成投产的重点项目", "新开工重大项目"], "key_projects"),
    ],
)
def test_names_of_one_indicator_share_a_key(names: list[str], key: str) -> None:
    assert {indicator_key(name) for name in names} == {key}


@pytest.mark.parametrize("name", ["全年", "共享单车", "建设用地", "价格指数", "登记失业人员"])
def test_a_name_that_is_only_a_word_or_a_compound_keeps_it(name: str) -> None:
    assert normalised_name(name) == name


def test_every_rule_word_has_an_example_that_loses_it() -> None:
    rules = load("keys")
    for family in ("region", "verbs", "modifiers"):
        for word, example in rules[family]:
            assert example.startswith(word), (family, word, example)
            assert not normalised_name(example).startswith(word), (family, word, example)
    for word, example in rules["followers"]:  # the word goes with the word stripped before it
        assert word in example and not normalised_name(example).startswith(word), (word, example)
    for word, example in rules["zones"]:  # a zone's name before the indicator goes with the word
        assert word in example and word not in normalised_name(example), (word, example)
    for word, example in rules["suffixes"]:
        assert example.endswith(word) and not normalised_name(example).endswith(word), (word, example)


def test_every_extracted_record_carries_its_key() -> None:
    records = extract("今年全市地区生产总值增长5%左右，新建5G基站3000个，新增城镇就业10万人。", "2024-01-20")
    assert [r.indicator_key for r in records] == ["gdp", "base_stations_5g", "new_urban_jobs"]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'mubiao.db'}" if request.param == "sqlite" else fresh_database_url()


def test_records_stored_before_the_key_get_it_on_upgrade(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        document_id = connection.execute(
            text(
                "INSERT INTO documents (key, text, content_hash, page_starts, created_at) "
                "VALUES ('old.txt', '新建5G基站3000个', :h, '[]', CURRENT_TIMESTAMP) RETURNING id"
            ),
            {"h": crud.content_hash("新建5G基站3000个")},
        ).scalar_one()
        connection.execute(
            text(
                'INSERT INTO records (document_id, doc, start, "end", value_text, quote, indicator_text, '
                "measure, comparator, unit, modality, annual_average) VALUES (:d, 'old.txt', 6, 11, "
                "'3000个', '新建5G基站3000个', '新建5G基站', 'level', 'eq', 'count', 'target', false)"
            ),
            {"d": document_id},
        )
    engine.dispose()
    store = open_store(url)
    with store.session() as session:
        assert [row.indicator_key for row in session.query(RecordRow)] == ["base_stations_5g"]
    store.close()
