"""Titles as a person would give them: a title line, a `标题：` header or the first heading, never the
salutation (各位代表：), a lead-in (一年来，我们主要做了以下工作：), a part heading, the speaker's name, a
photo caption, markup or a file path. Checked on every report of the robustness corpus, on the
national reports and on the saved web pages (all read from ../shared)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ingest_support import CORPUS, read_one
from robustness_support import ROBUSTNESS, manifest

from mubiao.extract.structure import read_structure
from mubiao.record import Document

# what a title never is (written here independently of the cues in knowledge/structure.toml)
NEVER_A_TITLE = {
    "salutation or lead-in": re.compile(r"^各位|[:：]$"),
    "part heading": re.compile(r"^[一二三四五六七八九十]、|^20\d\d年工作回顾$"),
    "speaker": re.compile(r"(?:市长|州长|总理)\s*\S{1,2}\s*\S{1,2}$"),
    "caption": re.compile(r"摄[）)]?$|^图为"),
    "markup or path": re.compile(r"^\W*$|[<>/\\]|\.txt$"),
    "sentence": re.compile(r"[。；]$|，[^，]*，"),
}

# (file under ../shared/corpus, title, genre) as a reader of the file would give them
SAMPLE = [
    ("robustness/hebei/河北省_2000_report.txt", "河北省2000年政府工作报告", "work_report"),
    ("robustness/national/2000_国务院_政府工作报告.txt", "2000年国务院政府工作报告", "work_report"),
    ("robustness/national/2009_国务院_政府工作报告.txt", "2009年国务院政府工作报告", "work_report"),
    ("robustness/city_2024/黔东南.txt", "政府工作报告", "work_report"),  # 政 府 工 作 报 告
    ("robustness/city_2024/中山.txt", None, "work_report"),  # 各位代表： is the first line
    ("robustness/city_2024/杭州.txt", None, "work_report"),  # a delivery note, the mayor, 各位代表：
    ("robustness/city_2024/乌鲁木齐.txt", None, "work_report"),  # 2023年工作回顾 is a part heading
    ("robustness/city_2024/北海.txt", None, "work_report"),  # 一年来，我们主要做了以下工作：
    ("robustness/city_2024/锡林郭勒.txt", None, "work_report"),  # 各位主任、委员：…作工作报告
    ("robustness/city_2024/荆州.txt", None, "work_report"),  # a plan cited in the opening
    (
        "robustness/baoding/保定市_2007_report.txt",
        "夯实基础 提速发展 为建设京南近海强市名城而努力奋斗——在保定市第十二届人民代表大会第五次会议上的政府工作报告",
        "work_report",
    ),
    ("national/2015_国务院_政府工作报告.txt", "政府工作报告", "work_report"),
    (
        "national/2016_国务院_政府工作报告.txt",
        "政府工作报告——2016年3月5日在第十二届全国人民代表大会第四次会议上",  # not 国务院总理 李克强
        "work_report",
    ),
    ("web/gne_163_1.html", '多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？', None),  # og:title cut short
    ("web/gne_gzggw_1.html", "1-10月德清县固定资产投资结构趋稳趋优", None),
]


def _wrong(title: str | None) -> list[str]:
    return [kind for kind, pattern in NEVER_A_TITLE.items() if title and pattern.search(title)]


def test_no_title_of_the_robustness_corpus_is_a_salutation_caption_or_path() -> None:
    entries = manifest()
    titles = {e.file: read_one(ROBUSTNESS / e.file).title for e in entries}
    wrong = {file: (title, _wrong(title)) for file, title in titles.items() if _wrong(title)}
    assert not wrong
    # every report that prints a title line above its salutation has one
    titled = sum(title is not None for title in titles.values())
    assert titled >= 40, titled


@pytest.mark.parametrize(("file", "title", "genre"), SAMPLE, ids=[s[0] for s in SAMPLE])
def test_titles_are_what_a_reader_would_say(file: str, title: str | None, genre: str | None) -> None:
    document = read_one(CORPUS / file)
    assert document.title == title
    if genre:
        assert document.structure.genre == genre


def test_national_and_web_titles_are_titles() -> None:
    paths = sorted((CORPUS / "national").glob("*.txt")) + sorted((CORPUS / "web").glob("*.html"))
    titles = {p.name: read_one(p).title for p in paths}
    assert not {name: title for name, title in titles.items() if _wrong(title)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# 年度报告\n\n各位代表：\n", "年度报告"),  # a Markdown heading's marks
        ("<!--\n-->\n当前位置： 首页>> 中国概况\n2001年政府工作报告\n各位代表：\n", "2001年政府工作报告"),
        ("市长  马  军\n\n各位代表：\n（一）稳增长，促发展，惠民生\n", None),
        (Path("C:/reports/2024_政府工作报告.txt").as_posix() + "\n各位代表：\n", None),
        ("3月5日，大会开幕。新华社记者 张三 摄\n政府工作报告\n", "政府工作报告"),
    ],
)
def test_title_rules(text: str, title: str | None) -> None:
    assert read_structure(Document(text=text)).title == title
