"""The accuracy floors of the extractor, measured by `mubiao eval` on the project's gold sets.

A floor is lowered only on purpose, with the reason in the commit; raise it when the score rises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mubiao.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
MAIN_TARGETS = ROOT / "corpus" / "gold" / "main_targets_10.jsonl"
# Reports of the robustness corpus, annotated to the spec after the rules were written; each floor sits
# just under its first-look score (the notes beside each gold set give it and the commit it was scored on).
# They are scored each on its own, not in the pool below: one of them holds its page six times.
FIRST_LOOK_FLOORS = {
    "city_2024_滨州市_政府工作报告.jsonl": (0.97, 0.94),  # first look 0.976 / 0.946
    "province_2000_河北省_政府工作报告.jsonl": (0.95, 0.75),  # first look 0.952 / 0.759
    "county_2015_高阳县_政府工作报告.jsonl": (0.96, 0.85),  # first look 0.968 / 0.855
    "city_2010_保定市_政府工作报告.jsonl": (0.98, 0.77),  # first look 0.988 / 0.784
    "national_2009_国务院_政府工作报告.jsonl": (0.96, 0.70),  # first look 0.971 / 0.714, six copies
    # first look 0.991 / 0.324 (a five-year review read as its last year), 1.000 / 0.982 after the fixes
    "county_2017_高阳县_政府工作报告.jsonl": (0.99, 0.97),
    # first look 0.974 / 0.914 (undated), 0.993 / 0.977 after the fixes
    "city_2024_林芝市_政府工作报告.jsonl": (0.98, 0.96),
    "city_2024_中山市_政府工作报告.jsonl": (0.97, 0.93),  # first look 0.976 / 0.934
    "province_2011_河北省_政府工作报告.jsonl": (0.97, 0.87),  # first look 0.978 / 0.871
    "city_2018_保定市_政府工作报告.jsonl": (0.99, 0.94),  # first look 0.995 / 0.949
    "province_2013_河北省_政府工作报告.jsonl": (0.98, 0.88),  # first look 0.987 / 0.886, 0.903 (region)
    # first look 0.972 / 0.452 (the 十五 review read as a review of 2005), 0.972 / 0.689 with the plans of
    # one numeral (十五, 九五) read in headings; the page holds the report twice
    "province_2006_河北省_政府工作报告.jsonl": (0.97, 0.68),
    "city_2014_保定市_政府工作报告.jsonl": (0.97, 0.89),  # first look 0.977 / 0.901
    "city_2024_锡林郭勒盟_政府工作报告.jsonl": (0.98, 0.70),  # first look 0.985 / 0.704 (a 十四五 carried on)
    "city_2024_菏泽市_政府工作报告.jsonl": (0.97, 0.93),  # blind first look 0.977 / 0.939
    "city_2024_宜春市_政府工作报告.jsonl": (0.97, 0.94),  # blind first look 0.981 / 0.944
    "city_2007_保定市_政府工作报告.jsonl": (0.97, 0.96),  # first look 0.975 / 0.966
    "province_2005_河北省_政府工作报告.jsonl": (0.99, 0.91),  # first look 0.996 / 0.921
    "province_2008_河北省_政府工作报告.jsonl": (0.98, 0.92),  # first look 0.990 / 0.928
    "city_2024_六安市_政府工作报告.jsonl": (0.96, 0.92),  # first look 0.969 / 0.925 (undated)
    "national_2004_国务院_政府工作报告.jsonl": (0.98, 0.80),  # first look 0.991 / 0.804, six copies
    "province_2015_河北省_政府工作报告.jsonl": (0.97, 0.95),  # first look 0.979 / 0.952
    "city_2019_保定市_政府工作报告.jsonl": (0.99, 0.92),  # blind first look 1.000 / 0.926
    "city_2013_保定市_政府工作报告.jsonl": (0.8, 0.2),  # blind first look 0.824 / 0.235, 7 records
    "city_2017_保定市_政府工作报告.jsonl": (0.99, 0.12),  # blind first look 1.000 / 0.125
    "city_2024_枣庄市_政府工作报告.jsonl": (0.92, 0.88),  # blind first look 0.924 / 0.884 (PDF wrap spaces)
    "city_2009_保定市_政府工作报告.jsonl": (0.95, 0.91),  # first look 0.958 / 0.916
    "province_2012_河北省_政府工作报告.jsonl": (0.99, 0.94),  # first look 0.996 / 0.944
    "province_2014_河北省_政府工作报告.jsonl": (0.99, 0.95),  # first look 0.996 / 0.958
    "province_2002_河北省_政府工作报告.jsonl": (0.97, 0.87),  # first look 0.980 / 0.879, two copies
    "city_2011_保定市_政府工作报告.jsonl": (0.98, 0.81),  # blind first look 0.984 / 0.814
    "city_2024_德州市_政府工作报告.jsonl": (0.98, 0.93),  # blind first look 0.982 / 0.935
    "city_2024_舟山市_政府工作报告.jsonl": (0.99, 0.93),  # blind first look 0.990 / 0.938
    "city_2024_南通市_政府工作报告.jsonl": (0.99, 0.98),  # blind first look 0.990 / 0.983
    "city_2024_眉山市_政府工作报告.jsonl": (0.97, 0.37),  # blind first look 0.979 / 0.378 (预计，下同)
    "province_2017_河北省_政府工作报告.jsonl": (0.99, 0.98),  # first look 1.000 / 0.989
    "province_2001_河北省_政府工作报告.jsonl": (0.96, 0.88),  # first look 0.974 / 0.896, two copies
    "province_2007_河北省_政府工作报告.jsonl": (0.98, 0.94),  # first look 0.988 / 0.951, two copies
    "province_2018_河北省_政府工作报告.jsonl": (0.98, 0.96),  # first look 0.994 / 0.974, two copies
    "province_2009_河北省_政府工作报告.jsonl": (0.98, 0.91),  # first look 0.994 / 0.924, two copies
    "province_2010_河北省_政府工作报告.jsonl": (0.98, 0.91),  # first look 0.989 / 0.927, two copies
    "province_2004_河北省_政府工作报告.jsonl": (0.98, 0.95),  # first look 0.993 / 0.966, two copies
    "city_2024_承德市_政府工作报告.jsonl": (0.96, 0.85),  # blind first look 0.963 / 0.852 (PDF line ends)
    "city_2024_遵义市_政府工作报告.jsonl": (0.98, 0.94),  # blind first look 0.982 / 0.946
    "city_2024_荆州市_政府工作报告.jsonl": (0.97, 0.93),  # blind first look 0.978 / 0.937
    "city_2024_淮安市_政府工作报告.jsonl": (0.96, 0.88),  # blind first look 0.965 / 0.900 on fa5dbc1
    # first look 0.986 / 0.475, two copies; 0.941 after the review-heading rule
    "province_2003_河北省_政府工作报告.jsonl": (0.98, 0.93),
    # first look 0.988 / 0.718, page 1 six times; 0.871 after the earlier-year rule
    "national_2007_国务院_政府工作报告.jsonl": (0.98, 0.85),
    "city_2024_嘉兴市_政府工作报告.jsonl": (0.98, 0.95),  # blind first look 0.989 / 0.952 on fa5dbc1
    "city_2024_常州市_政府工作报告.jsonl": (0.96, 0.95),  # blind first look 0.970 / 0.953 on fa5dbc1
    # first look 0.985 / 0.834, page 1 six times
    "national_2008_国务院_政府工作报告.jsonl": (0.97, 0.82),
    # first look 1.000 / 0.769, six copies
    "national_2002_国务院_政府工作报告.jsonl": (0.99, 0.75),
    # first look 1.000 / 0.828, six copies
    "national_2000_国务院_政府工作报告.jsonl": (0.99, 0.81),
    # first look 1.000 / 0.792, six copies
    "national_2001_国务院_政府工作报告.jsonl": (0.99, 0.77),
    # first look 0.979 / 0.748, six copies; 0.769 after full-width times_of_year
    "national_2003_国务院_政府工作报告.jsonl": (0.97, 0.75),
    "city_2024_乌鲁木齐市_政府工作报告.jsonl": (0.97, 0.95),  # blind first look 0.981 / 0.961 on 01a3920
    "city_2024_广州市_政府工作报告.jsonl": (0.96, 0.90),  # blind first look 0.974 / 0.910 on 01a3920
    # blind first look 0.967 / 0.922 on 01a3920
    "city_2024_黔东南苗族侗族自治州_政府工作报告.jsonl": (0.96, 0.91),
    # a county-level bulletin captured from a web page as one line, navigation included
    # blind first look 0.978 / 0.951; 0.986 / 0.970 with the furniture of a capture blanked
    "bulletin_2021_渭南高新区统计公报.jsonl": (0.98, 0.96),
    # a province-level bulletin captured from a web page, captions and footnote markers inline
    # blind first look 0.988 / 0.923; 0.990 / 0.957 read as a bulletin, its furniture blanked
    "bulletin_2024_北京市统计公报.jsonl": (0.98, 0.95),
    "city_2024_哈尔滨市_政府工作报告.jsonl": (0.98, 0.92),  # blind first look 0.986 / 0.921 on 89859e2
    "city_2024_深圳市_政府工作报告.jsonl": (0.98, 0.97),  # blind first look 0.990 / 0.974 on 89859e2
    "city_2024_毕节市_政府工作报告.jsonl": (0.98, 0.97),  # blind first look 0.991 / 0.979 on f1f78c1
    # blind first look 0.945 / 0.910 on 7728daf (thresholds and named targets read as values); 0.968 / 0.956 with
    # classes beside counts (2个50亿元以上) and slogans of years (“3年500亿”目标) no records
    "city_2024_晋城市_政府工作报告.jsonl": (0.96, 0.94),
    # a county-level bulletin saved as its government's web page (.html: trafilatura's main text, six HTML tables)
    # blind first look 0.854 / 0.000 on 89859e2: every region 河南省 for 济源市 (0.808 strict without region), tables unread
    # 0.854 / 0.808 with 济源示范区 an alias of 济源市 (knowledge/region_aliases.tsv); 0.880 / 0.829 with a space
    # before a unit (257778 人) and the units ℃, 毫米, 卷, 微克／立方米; 0.998 / 0.963 with its six tables read
    # 0.998 / 0.977 with 示范区 a region word of keys (示范区生产总值 is gdp); 0.999 / 0.983 with changes against the
    # long-run average (较历年平均值偏少21.3毫米) and the count of a classification's classes (33个大类中) no record
    "bulletin_2019_济源示范区统计公报.jsonl": (0.99, 0.98),
    "city_2024_郴州市_政府工作报告.jsonl": (0.99, 0.94),  # blind first look 0.995 / 0.947 on 7728daf
    # blind first look 0.991 / 0.931 on 7728daf; the capture begins inside the review (no heading)
    "city_2024_柳州市_政府工作报告.jsonl": (0.98, 0.93),
    # blind first look 0.990 / 0.974 on 7728daf (20 estimates)
    "city_2024_雅安市_政府工作报告.jsonl": (0.98, 0.97),
    "city_2024_赣州市_政府工作报告.jsonl": (0.99, 0.95),  # blind first look 0.998 / 0.952 on 7728daf
    "city_2024_黄石市_政府工作报告.jsonl": (0.98, 0.97),  # blind first look 0.991 / 0.973 on 7728daf
    # blind first look 0.982 / 0.938 on 7728daf
    "city_2024_黔西南布依族苗族自治州_政府工作报告.jsonl": (0.98, 0.93),
    "city_2024_连云港市_政府工作报告.jsonl": (0.98, 0.97),  # blind first look 0.991 / 0.978 on 7728daf
    # blind first look 0.987 / 0.667 on 25b8b7b: a sentence of 五年来 with no figure dates the rest of the review 2019-2023;
    # 0.991 / 0.965 with such a sentence dating its own paragraph only
    "city_2024_岳阳市_政府工作报告.jsonl": (0.98, 0.95),
    # a statistics office's review of the year (济源 2021) as its saved web page: two-year averages, gaps to 全省平均水平
    # blind first look 0.995 / 0.000 on f1f78c1: no region for any record (0.848 strict without region)
    # 0.995 / 0.848 with 济源 an alias of 济源市; 1.000 / 0.854 with a space before a unit (111 家); 1.000 / 0.906 with
    # two-year averages (两年平均) and a streak (连续16年) read as spans
    # 1.000 / 0.938 with a change of a growth rate in points given no id (较去年同期提高29.1个百分点) and 较同期 no benchmark
    # 1.000 / 0.958 with 分别 spreading the compared indicators over gaps of their growth (…两年平均增速分别高于全省平均水平1.1、2.7个百分点)
    # 1.000 / 0.979 with 济源 stripped from names like other places and 现价总量 a suffix of keys (…现价总量 is gdp)
    # 1.000 / 0.990 with “十三五”开局之年的18.9% dated by the plan's first year (2016)
    "bulletin_2021_济源示范区经济运行.jsonl": (0.99, 0.98),
    # blind first look 0.990 / 0.954 on d2146e4 (indicator_text exact 0.722, with an id 0.497): 新增 not spread over the
    # members of a list after a comma, 根 and 户次 not read as counters, 优化营商环境51条 (a policy's name) read as a count
    "city_2024_随州市_政府工作报告.jsonl": (0.98, 0.94),
    # blind first look 0.953 / 0.880 on 70188c7 (indicator_text exact 0.747, with an id 0.505): a three-year action's summary
    # sentence dated as the reviewed year, counts before a class (2个10万吨级泊位) or without a counter missed, classes of parks
    # (300亿元园区) and an outside resource (国家新发1万亿元) read as values; 0.953 / 0.890 after a gold fix (新增建设… change)
    "city_2024_玉林市_政府工作报告.jsonl": (0.94, 0.88),
    # a county-level city's report (恩施市, the seat of 恩施州), undated, its review figures estimates (预计全年（下同）)
    # blind first look 0.993 / 0.948 on 28941a7 (indicator_text exact 0.783, with an id 0.448); 0.998 / 0.953 after a gold
    # offset slip was fixed: （下同） taken into the name (gdp missed), 标准厂房…万方 read as m3, 拉动GDP增长3个百分点 a change,
    # 新增 not spread after a comma, 争取建设用地 a hedge, 省级…小巨人 given little_giants, an exhaustive list counted (…3项工作)
    "county_2024_恩施市_政府工作报告.jsonl": (0.99, 0.94),
    # an undated prefecture-level city's report (长治市, 山西), dated by its headings
    # blind first look 0.991 / 0.939 on 2c7765a (indicator_text exact 0.705, with an id 0.384): 每立方米36微克 (the unit
    # written before the number) and a count before a grade (8家A级景区) missed, 四部委 read as a count, a 确保 of a
    # condition (在确保安全的前提下) taken as the hedge of the goals after it, 居民消费价格指数控制在3%左右 a level, 增产30% a
    # level, 减税退税…34.08亿元 a fall, 能耗强度“十四五”已累计下降 dated 2021-2025 in a review of 2023
    "city_2024_长治市_政府工作报告.jsonl": (0.98, 0.93),
    # an undated prefecture-level city's report (益阳市, 湖南), its review figures estimates (预计数，下同), footnote markers
    # [1]-[23], a glossary and a web page's furniture after it; taken instead of 黔东南 (already annotated, commit 43a4a95)
    # blind first look 0.987 / 0.980 on 9305270 (indicator_text exact 0.819, with an id 0.507): 十大重点民生实事 not counted
    # (x2), 两起避险案例 missed, 健康益阳15个专项行动 read as a count, a 确保 carried past 争创 to the goal it opens;
    # 0.997 / 0.990 with 大 a counter of pledged items (十大民生实事) and N个专项行动 a programme's layout
    "city_2024_益阳市_政府工作报告.jsonl": (0.99, 0.98),
    # the State Council's 2024 report (the robustness corpus's city_2024/台州.txt, 襄阳.txt and 贵阳.txt hold it), undated
    # blind first look 0.988 / 0.871 on 9305270 (indicator_text exact 0.786, with an id 0.786): 6600多万纳税人受益 missed,
    # 新增税费优惠 (a relief noun) a change, 两次下调政策利率 a fall, 超过全球一半 read as eq, the budget's expenditure after a
    # 预计 of the revenue read as estimates
    "national_2024_国务院_政府工作报告.jsonl": (0.98, 0.86),
    # an undated prefecture-level city's report (绍兴市, 浙江), dated by its headings
    # blind first look 0.984 / 0.947 on b6145a7 (indicator_text exact 0.837, with an id 0.473): 121个 opening its clause
    # and 千家 missed, an evaluation's own indicators and a rank (16项中有8项…末3位), 29次亲临 (an outside actor) and
    # 3个80% (a label) read as records, 分别不少于…的7.5%、22.5%、45% read as eq, 新增 not spread past 新增城镇就业,
    # AQI优良率 without good_air_days, 境内(A股)上市 firms given listed_companies; 0.997 / 0.981 after the fixes (and a
    # second look at the gold: 121个 before its rate and 千家 no records, 境内A股上市公司 listed_companies)
    "city_2024_绍兴市_政府工作报告.jsonl": (0.99, 0.97),
    # an undated prefecture-level city's report (贺州市, 广西), 22,282 characters, 326 records; blind first look 0.988 / 0.948
    # on b6145a7 (indicator_text exact 0.652, with an id 0.368): 零成本 read as 零成, a base year (在2022年…的基础上) dating
    # the year's falls, 不足50亿元 read as eq, 新增 spread past 推进, counts before a noun at a clause's start missed (457项…,
    # rate bases: the gold was wrong); 0.995 / 0.980 after nine rules and the gold brought to the gold sets' forms
    "city_2024_贺州市_政府工作报告.jsonl": (0.99, 0.97),
    # an undated prefecture-level city's report (徐州市, 江苏), 15,213 characters, 242 records
    # blind first look 0.992 / 0.971 on 0c3aa69 (indicator_text exact 0.841, with an id 0.542)
    # 0.992 / 0.975 after one gold row was brought to the gold sets' form (新增农村劳动力转移就业: level)
    "city_2024_徐州市_政府工作报告.jsonl": (0.99, 0.97),
    # an undated province-level municipality's report (重庆市), a shortened text of 23,264 characters, 202 records
    # blind first look 0.985 / 0.970 on 054cc03 (indicator_text exact 0.760, with an id 0.536): counts of measures issued
    # (20条举措, 108条改革举措, 十项举措) and 超过1000P missed, the gdp values after 迈上3万亿元新台阶 without their id;
    # 1.000 / 1.000 after P read as petaflops, 新台阶 closing its value's phrase, and a second look at the gold (the counts
    # of a policy's articles and two party documents' titles no records: the extractor was right)
    "city_2024_重庆市_政府工作报告.jsonl": (0.99, 0.99),
    # a dated prefecture-level city's report (河池市, 广西), 22,626 characters, 267 records
    # blind first look 0.989 / 0.966 on 054cc03 (indicator_text exact 0.640, with an id 0.386): drags (拉低) read as rises,
    # 新增 money read as changes, the full-width slash unread (元／立方米, 2／3), rate and total bases read as counts;
    # 0.993 / 0.989 after four rules and a second look at the gold (4家 before its total counted, 新增规模以上工业产值 a change)
    "city_2024_河池市_政府工作报告.jsonl": (0.99, 0.98),
    # an undated prefecture-level city's report (苏州市, 江苏), 20,694 characters, 194 records
    # blind first look 0.997 / 0.982 on 054cc03 (indicator_text exact 0.835, with an id 0.523): a policy's name
    # (推动经济率先整体好转55条) read as a count, 研究与试验发展经费支出占…比重 and 接待国内外游客人次 without their ids,
    # 日污水处理能力 in t (not t/day); 1.000 / 0.990 after four rules and a second look at the gold (境内A股上市公司
    # listed_companies, the id the extractor does not give)
    "city_2024_苏州市_政府工作报告.jsonl": (0.99, 0.98),
    # an undated prefecture-level city's report (蚌埠市, 安徽), 16,797 characters, 332 records
    # blind first look 0.988 / 0.964 on 054cc03 (indicator_text exact 0.773, with an id 0.509): capacities in projects'
    # names (年产4500万平方米…) and a rank list (前20、30、50名) read as values, 214所 (an institute) a count, 投资超百亿的…灌区 missed;
    # 0.996 / 0.987 after three gold rows (城镇化率's rise in pp: urbanization_rate; 争取 "strive for" a hedge of the goals after
    # it) and rules (年产 before a product, 新增、改造, 前20、30、50名, N个…合计)
    "city_2024_蚌埠市_政府工作报告.jsonl": (0.99, 0.98),
    # an undated prefecture-level city's report (阳泉市, 山西), 18,050 characters, 179 records
    # blind first look 0.977 / 0.955 on 054cc03 (indicator_text exact 0.727, with an id 0.445): 保持在千亿以上 (no 元) and
    # counts in Chinese numerals before a set's noun (九条重点产业链, 六个专业镇) missed, 120万吨以上 (a class) read for the count
    # before it, gaps against last year and 减亏 read as levels; 0.986 / 0.980 after eight rules (高于上年 a change, 在…下
    # no part of a name, 千亿以上 an amount, a tonnage threshold after a count a class…) and nine gold names to the gold sets' forms
    "city_2024_阳泉市_政府工作报告.jsonl": (0.98, 0.97),
    # an undated sub-provincial city's report (宁波市, 浙江), 16,614 characters, 227 records
    # blind first look 1.000 / 0.987 on 9bb60e6 (indicator_text exact 0.903, with an id 0.493): 新增…指标供给 (a quota)
    # read as a change, 3万套（间）以上 read as eq, and one gold row's 亿斤 converted a factor of 1000 too high;
    # 1.000 / 1.000 (indicator_text exact 0.956) after the gold's conversion and six names (conventions 5, 16) were put
    # right and two rules (a quota allocated with 新增 a level, 套（间） one unit) and five name rules
    "city_2024_宁波市_政府工作报告.jsonl": (0.99, 0.99),
    # an undated prefecture-level city's report (铜仁市, 贵州), 21,134 characters, 275 records
    # blind first look 0.978 / 0.952 on 9bb60e6 (indicator_text exact 0.807, with an id 0.472): counts in Chinese numerals
    # missed (十件民生实事 in the plan ×2, 十项活动, 千万千瓦, 百户), the second count of a pair (44个25319户, 55个12764户),
    # 320枪 and 29万 before a class of people; 8个县城 and 3000人以上 read as values, 东莞 money given 东莞's region,
    # 优良天数比例 without good_air_days; 0.991 / 0.991 after eleven rules (枪, 县级城市 and 平均优良天数比例, N个M户, 恢复到…年的,
    # the city's core before a verb, 一二三产, a quoted 民生实事 count, a floor of people before settlements, 争取各类, an age class
    # before a people noun) and a second look
    # at the gold (三产 services_value_added, 东莞's aid 东莞's, 中心城区 kept in two names)
    "city_2024_铜仁市_政府工作报告.jsonl": (0.99, 0.99),
}
WHOLE_DOCUMENTS = sorted(
    str(p)
    for p in (ROOT / "corpus" / "gold").glob("*.jsonl")
    if p != MAIN_TARGETS and p.name not in FIRST_LOOK_FLOORS
)


def _summary(capsys, gold: list[str], docs: Path) -> dict:
    assert main(["eval", *gold, "--docs", str(docs), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_whole_document_annotations(capsys) -> None:
    assert len(WHOLE_DOCUMENTS) >= 4
    s = _summary(capsys, WHOLE_DOCUMENTS, ROOT / "corpus")
    # the issue asks for 0.95 and 0.85; the floors sit just under today's 0.983 and 0.962
    assert s["f1"] >= 0.97, s
    assert s["strict_f1"] >= 0.94, s
    # ids given must be right; the share of records with an id is what the taxonomy raises
    assert s["id_precision"] >= 0.95, s
    # 0.141 with the 36 core ids alone, 0.353 with the taxonomy, 0.430 grown, 0.580 in session 9, 0.5835 in session 10,
    # 0.5899 in session 11 (rows of indicators written in two or more regions)
    assert s["id_share"] >= 0.589, s
    # names as the spec asks for them: the issue asks for 0.85; 0.537 before the names work of session 4, 0.739 after
    # 0.811 after the names work of session 9, 0.810 in session 10, 0.814 → 0.823 with gold conventions 14-21 and the
    # names rules of session 11
    assert s["field_accuracy"]["indicator_text"] >= 0.82, s


@pytest.mark.parametrize("name", sorted(FIRST_LOOK_FLOORS))
def test_documents_annotated_after_the_rules(capsys, name: str) -> None:
    f1, strict_f1 = FIRST_LOOK_FLOORS[name]
    s = _summary(capsys, [str(ROOT / "corpus" / "gold" / name)], ROOT / "corpus")
    assert s["f1"] >= f1, s
    assert s["strict_f1"] >= strict_f1, s


def test_main_targets_recall(capsys) -> None:
    s = _summary(capsys, [str(MAIN_TARGETS)], ROOT / "corpus")
    assert s["recall"] >= 0.97, s
    # every main target read right (66 of 66 since 广东 2026's 十五五 goal, wrapped over three lines, is dated 2026-2030)
    assert s["strict_recall"] >= 0.99, s


def test_seed_article(capsys) -> None:
    s = _summary(capsys, [str(SHARED / "gold" / "seed.jsonl")], SHARED)
    assert s["f1"] >= 0.95, s


def test_eval_lists_every_miss_and_false_hit(tmp_path, capsys) -> None:
    (tmp_path / "a.txt").write_text(
        "今年地区生产总值增长5%左右，粮食产量稳定在500亿斤以上。", encoding="utf-8"
    )
    gold = {"doc": "a.txt", "start": 10, "end": 14, "value_text": "5%左右", "indicator": "gdp", "measure": "growth",
            "value_low": 5.0, "value_high": 5.0, "comparator": "approx", "unit": "%", "modality": "target",
            "period": "2020", "annual_average": False, "hedge": None, "indicator_text": "地区生产总值", "quote": ""}  # fmt: skip
    missing = dict(gold, start=0, end=2, value_text="今年")
    (tmp_path / "gold.jsonl").write_text(
        json.dumps(gold) + "\n" + json.dumps(missing) + "\n", encoding="utf-8"
    )
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "WRONG a.txt:10-14" in out and "period: gold '2020' got None" in out
    assert "MISS  a.txt:0-2" in out
    assert "FALSE a.txt:" in out and "500亿斤以上" in out
    assert "indicator  with an id 1.000  id precision 1.000" in out
