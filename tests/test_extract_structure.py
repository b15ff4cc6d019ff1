"""The structure stage: publication year, parts and their roles, read by the language of reports."""

from __future__ import annotations

from mubiao.extract.structure import read_structure
from mubiao.record import Document


def _structure(text: str, published: str | None = None):
    return read_structure(Document(text=text, published=published))


def _roles_and_periods(text: str, published: str) -> list[tuple[str, str | None]]:
    """Each part's role and period, after the part before the first heading."""
    return [(p.role, p.period) for p in _structure(text, published).parts[1:]]


def test_a_report_reposted_years_later_is_dated_by_its_delivery() -> None:
    text = (
        "2001年国务院政府工作报告\n中央政府门户网站\u3000www.gov.cn\u3000 2006年02月16日\u3000 来源：新华社\n"
        "——2001年3月5日在第九届全国人民代表大会第四次会议上\n各位代表：\n"
    )
    s = _structure(text)
    assert (s.publication_year, s.year_source, s.published) == (2001, "delivery date", "2001-03-05")


def test_a_delivery_date_in_chinese_numerals() -> None:
    s = _structure(
        "标题：河北省政府工作报告\n\n二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n"
    )
    assert (s.publication_year, s.published) == (2019, "2019-01-14")


def test_a_bulletin_with_a_later_page_date_is_dated_by_its_title() -> None:
    text = "2015年安阳市国民经济和社会发展统计公报\n全年地区生产总值1872亿元。\n"
    s = _structure(text, published="2022-03-01")
    assert (s.publication_year, s.reported_year, s.year_source) == (2016, 2015, "title")


def test_undated_city_report_with_part_headings_on_lines_of_their_own() -> None:
    # numbered sections inside each part restart at 一、; the parts are the lines that name a year
    text = (
        "各位代表：\n\n2023年工作回顾\n\n一、社会大局和谐稳定\n地区生产总值增长6.8%。\n二、经济发展稳中有进\n"
        "\n2024年工作安排\n\n一、始终把维护社会稳定摆在首位\n地区生产总值增长6.5%左右。\n"
    )
    s = _structure(text)
    assert s.publication_year == 2024 and s.year_source.startswith("headings")
    assert [(p.role, p.years) for p in s.parts[1:]] == [
        ("review_year", (2023, 2023)),
        ("plan_year", (2024, 2024)),
    ]


def test_a_line_a_layout_wrapped_inside_a_sentence_opens_no_part() -> None:
    # 主要目标 / 主要预期目标 stand on lines of their own, but the sentence runs through them (…发展的 / 是：…):
    # the five-year goal stays in the five-year plan's part, not in a plan of one year
    text = (
        "各位代表：\n一、2025年和“十四五”时期工作回顾\n增长5%。\n二、“十五五”时期的主要目标和重点任务\n"
        "“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。\n三、2026年工作安排\n"
        "今年经济社会发展的\n主要预期目标\n是：地区生产总值增长5%左右。\n"
    )
    parts = _structure(text, "2026-01-20").parts[1:]
    assert [(p.heading, p.role) for p in parts] == [
        ("2025年和“十四五”时期工作回顾", "review_year"),
        ("“十五五”时期的主要目标和重点任务", "five_year_plan"),
        ("2026年工作安排", "plan_year"),
    ]


def test_the_latest_year_a_plan_heading_names_dates_the_report() -> None:
    text = "各位代表：\n一、2023年主要工作\n增长6%。\n二、2024年主要目标和重点工作\n增长6%左右。\n三、切实加强政府自身建设\n"
    s = _structure(text)
    assert s.publication_year == 2024
    assert [p.role for p in s.parts[1:]] == ["review_year", "plan_year", "other"]


def test_full_width_years_in_headings() -> None:
    s = _structure(
        "２００９年政府工作报告\n一、２００８年工作回顾\n增长９％。\n二、２００９年工作总体部署\n",
        "2009-03-05",
    )
    assert [(p.role, p.years) for p in s.parts[1:]] == [
        ("review_year", (2008, 2008)),
        ("plan_year", (2009, 2009)),
    ]


def test_a_capture_that_repeats_its_text_repeats_its_parts() -> None:
    once = "一、1999年国内工作回顾\n增长7.1%。\n二、坚持实行扩大内需的方针\n增长7%左右。\n"
    s = _structure("2000年政府工作报告\n" + once + once, "2000-03-05")
    assert [p.role for p in s.parts[1:]] == ["review_year", "other", "review_year", "other"]


def test_the_plans_of_one_numeral_name_their_five_years() -> None:
    # before the 十一五 plan a plan's name has one numeral: 九五 (1996-2000), 十五 (2001-2005)
    once = "一、“九五”回顾\n年均增长11％。\n二、关于“十五”计划\n年均增长9％左右。\n三、2001年的工作\n增长9％左右。\n"
    assert _roles_and_periods("河北省2001年政府工作报告\n" + once, "2001-01-08") == [
        ("review_period", "1996-2000"),
        ("five_year_plan", "2001-2005"),
        ("plan_year", "2001"),
    ]
    assert _roles_and_periods(
        "各位代表：\n一、“十五”时期国民经济和社会发展回顾\n二、“十一五”时期的指导原则和发展目标\n",
        "2006-02-18",
    ) == [
        ("review_period", "2001-2005"),
        ("five_year_plan", "2006-2010"),
    ]


def test_an_ordinal_is_no_plan() -> None:
    assert _roles_and_periods("各位代表：\n一、第十五届运动会的筹备\n二、2006年工作回顾\n", "2007-02-01") == [
        ("other", None),
        ("review_year", "2006"),
    ]


def test_the_next_five_years_without_a_plan_name_are_a_five_year_plan() -> None:
    # the first report of a government's term: its review of five years and its goals for the next five
    assert _roles_and_periods(
        "各位代表：\n一、过去五年的工作\n年均增长12.8%。\n二、今后五年的发展目标和总体要求\n三、2008年的主要任务\n",
        "2008-01-23",
    ) == [
        ("review_period", "2003-2007"),
        ("five_year_plan", "2008-2012"),
        ("plan_year", "2008"),
    ]
    review = _structure("各位代表：\n一、过去五年回顾和2002年工作情况\n", "2003-01-10").parts[1]
    # the five years named first: their review, a year named in it speaking for its paragraph
    assert (review.role, review.years, review.period) == ("review_period", (1998, 2002), "1998-2002")
    review = _structure("各位代表：\n一、2025年工作回顾和“十四五”发展主要成绩\n", "2026-01-20").parts[1]
    assert (review.role, review.years, review.period) == ("review_year", (2021, 2025), "2025")


# a bulletin saved from a web page with its white space collapsed: title, byline, navigation and the text on one line
_ONE_LINE_BULLETIN = (
    "(中国)北京市2024年国民经济和社会发展统计公报-红黑统计公报库 首页搜索 2025年 2024年 2023年 当前位置： "
    "正文 2024 发布于 2025-03-20 来源：北京市统计局 一、综合 初步核算，全年实现地区生产总值[2]49843.1亿元，"
    "比上年增长5.2%。 表12024年地区生产总值 图12020-2024年地区生产总值及增长速度 年末全市常住人口[5]2183.2万人。"
    " 公报注释： [1]2024年数据均为初步统计数。 [10]规模以上工业企业是指年主营业务收入2000万元及以上的全部工业法人企业。"
)


def test_a_bulletin_on_one_line_is_known_by_the_title_leading_it_not_by_its_byline() -> None:
    s = _structure(_ONE_LINE_BULLETIN)
    assert (s.genre, s.reported_year, s.publication_year) == ("statistical_bulletin", 2024, 2025)


def test_the_furniture_a_capture_writes_among_the_sentences_is_blanked_where_numbers_are_read() -> None:
    s = _structure(_ONE_LINE_BULLETIN)
    notes = _ONE_LINE_BULLETIN[_ONE_LINE_BULLETIN.index("公报注释") :]
    assert [_ONE_LINE_BULLETIN[a:b] for a, b in s.furniture] == [
        "一、综合", "[2]", "表12024年地区生产总值", "图12020-2024年地区生产总值及增长速度", "[5]", notes, "[1]", "[10]",
    ]  # fmt: skip
    masked = s.masked(_ONE_LINE_BULLETIN)
    assert len(masked) == len(_ONE_LINE_BULLETIN)
    assert "全年实现地区生产总值   49843.1亿元" in masked and masked.rstrip().endswith("2183.2万人。")


def test_a_work_report_keeps_its_headings_and_notes() -> None:
    text = "各位代表：\n一、2023年工作回顾 过去一年，地区生产总值增长5%。注释：一是…\n"
    assert _structure(text, "2024-01-20").furniture == []


def test_a_bulletin_titled_with_its_year_in_chinese_numerals() -> None:
    text = (
        "(云南省)迪庆藏族自治州二○二三年国民经济和社会发展统计公报-红黑统计公报库 当前位置： 正文 发布于 2024-06-12 "
        "来源：迪庆藏族自治州统计局 一、行政区划及面积 2023年末，迪庆州辖3个县（市）"
    )
    s = _structure(text)
    assert (s.genre, s.reported_year, s.publication_year) == ("statistical_bulletin", 2023, 2024)


def test_a_bulletin_title_a_layout_wrapped_over_two_lines() -> None:
    text = "— 1 —\n2023年某市国民经济和\n社会发展统计公报\n某市统计局\n一、综合\n全年地区生产总值1000亿元，比上年增长5%。"
    s = _structure(text)
    assert (s.genre, s.reported_year, s.publication_year) == ("statistical_bulletin", 2023, 2024)


def test_a_work_report_captured_on_one_line_keeps_its_parts() -> None:
    # white space collapsed: the part headings stand between sentences where their lines were
    text = (
        "各位代表： 现在，我代表市人民政府向大会报告工作，请予审议。 2023年工作回顾 过去一年，全市地区生产总值增长5.5%。"
        " 一、社会大局和谐稳定 过去一年，我们全面推进依法治市。 2024年重点工作 今年经济社会发展的主要预期目标是：地区生产总值增长6%。"
    )
    assert _roles_and_periods(text, "") == [("review_year", "2023"), ("plan_year", "2024")]


def test_a_numbered_heading_on_the_line_of_its_first_sentence_is_its_title_only() -> None:
    text = (
        "各位代表： 一、“十一五”时期经济社会发展取得重大成就 2010年是“十一五”规划的最后一年。全省生产总值年均增长11.7%。"
        " 二、“十二五”时期经济社会发展的主要任务 综合判断国际国内形势，我省发展仍处于可以大有作为的重要战略机遇期。"
    )
    parts = _structure(text, "2011-01-10").parts[1:]
    assert [(p.heading, p.role, p.period) for p in parts] == [
        ("“十一五”时期经济社会发展取得重大成就", "review_period", "2006-2010"),
        ("“十二五”时期经济社会发展的主要任务", "five_year_plan", "2011-2015"),
    ]


def test_a_capture_on_one_line_breaks_its_paragraphs_after_its_sentences() -> None:
    text = "2023年工作回顾 过去一年，全市地区生产总值增长5.5%。 五年来，城镇新增就业累计50万人。"
    assert _structure(text, "2024-01-20").paragraph_breaks == [text.index("。 ") + 1]
    assert _structure(text.replace("。 ", "。\n"), "2024-01-20").paragraph_breaks == []
