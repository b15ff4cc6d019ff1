"""The first stage of the extractor: what kind of document this is and how it is built, decided
once, before any number is read: its genre, title, publication year (and where that came from),
and its parts, each with a role and the years it covers. Cues are in knowledge/structure.toml."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from mubiao.extract.dates import YEAR_DIGITS, find_any_date, find_dateline, find_delivered, five_year_plan
from mubiao.extract.segment import SPACE, SPACE_OPENS, find_headings
from mubiao.extract.trace import Step
from mubiao.knowledge import load
from mubiao.numbers.numerals import NARROW, WIDE
from mubiao.record import Document
from mubiao.regions import document_region, gazetteer, resolve_region
from mubiao.wordfinder import AnchoredWords

GENRES = ("work_report", "statistical_bulletin", "news", "plan", "other")
# review_year: a review of one year (its numbers are outcomes of that year); review_period: of a
# five-year period; five_year_plan / plan_year: the goals of a plan period / of the coming year
ROLES = ("review_year", "review_period", "five_year_plan", "plan_year", "other")
STAGE = "structure"

_WORDS = load("structure")
TITLE_YEAR = re.compile(_WORDS["title"]["year"])
# A statistical bulletin reports one year, named in its title, published the year after.
BULLETIN_TITLE = re.compile(_WORDS["title"]["bulletin_year"])
TITLE_CHARS = 300
NUMERAL_YEAR = re.compile(_WORDS["title"]["numeral_year"])
TITLE_WRAP = re.compile(_WORDS["title"]["wrap"])
HEADING_YEAR = re.compile(_WORDS["parts"]["heading_year"])
HEADING_PLAN = re.compile(_WORDS["parts"]["heading_plan"])
# the first lines of a text, where a title line stands
TITLE_LINES = 12
PART_HEADING = re.compile(_WORDS["parts"]["part_heading"])
FULL_WIDTH_DIGITS = str.maketrans(WIDE[:10], NARROW[:10])
# a line standing alone as a heading: short, no sentence punctuation, no figure but a year
LINE = re.compile(_WORDS["parts"]["line"].format(space=SPACE, space_opens=SPACE_OPENS), re.M)
BOOK_TITLE = re.compile(_WORDS["parts"]["book_title"])
# a line a layout wrapped inside a sentence: what joins the line before it, or what goes on in the line after it
WRAPPED_BEFORE = re.compile(_WORDS["parts"]["wrapped_before"])
WRAPPED_AFTER = re.compile(_WORDS["parts"]["wrapped_after"])
# how far around a line those look, past the white space and blank lines between
WRAP_REACH = 8
WHITE = " \t\u3000\xa0\r\n"
NOT_IN_HEADING = re.compile(_WORDS["parts"]["not_in_heading"])
# a heading with this word reviews, whatever else it holds
REVIEW_OUTRIGHT = _WORDS["parts"]["review_outright"]
# where a heading on the line of its first sentence ends (_inline_title)
INLINE_TITLE_END = re.compile(_WORDS["parts"]["inline_title_end"])
# a text with no more line breaks than this is a capture on one line: its headings stand between white space
ONE_LINE_BREAKS = _WORDS["parts"]["one_line_breaks"]
INLINE_LINE = re.compile(_WORDS["parts"]["inline_line"].format(space=SPACE))
PARAGRAPH_BREAK = re.compile(_WORDS["parts"]["paragraph_break"].format(space=SPACE))
# the kinds of page furniture found inline (structure.toml [furniture]; the notes part is found apart)
FURNITURE = ("caption", "heading", "footnote_marker")


@dataclass(slots=True)
class Part:
    """A top-level part of a document: from its heading to the next one."""

    start: int
    end: int
    heading: str
    heading_end: int  # where the heading's line ends: cues in it belong to the part, not to a sentence
    role: str
    years: tuple[int, int] | None  # the first and last year it covers
    period: str | None  # the period of a value in it that names none
    why: Step

    @property
    def kind(self) -> str | None:
        """review / plan / None: what the part's numbers state when their own words do not say."""
        if self.role.startswith("review"):
            return "review"
        if self.role in ("plan_year", "five_year_plan"):
            return "plan"
        return None


def _start(part: Part) -> int:
    return part.start


@dataclass(slots=True)
class DocumentStructure:
    genre: str
    title: str | None
    published: str | None  # YYYY-MM-DD when a date is known
    publication_year: int | None
    year_source: str | None  # flag, metadata, dateline, title, headings, date in the opening
    reported_year: int | None  # the year a statistical bulletin reports on
    parts: list[Part]
    steps: list[Step] = field(default_factory=list)
    # (start, end) of the page furniture written among the sentences (find_furniture), in order
    furniture: list[tuple[int, int]] = field(default_factory=list)
    # where the paragraphs of a capture on one line break (find_paragraph_breaks): its line ends stand for these
    paragraph_breaks: list[int] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The year 今年 means: a bulletin's reported year, else the year of publication."""
        return self.reported_year or self.publication_year

    def within(self, start: int, end: int) -> DocumentStructure:
        """The structure of text[start:end] (a chunk of a longer text): its parts and furniture, moved to it."""
        parts = [
            replace(p, start=p.start - start, end=p.end - start, heading_end=p.heading_end - start)
            for p in self.parts
            if p.start < end and p.end > start
        ]
        furniture = [
            (max(a, start) - start, min(b, end) - start) for a, b in self.furniture if a < end and b > start
        ]
        breaks = [at - start for at in self.paragraph_breaks if start <= at < end]
        return replace(self, parts=parts, furniture=furniture, paragraph_breaks=breaks)

    def masked(self, text: str) -> str:
        """``text`` with its page furniture blanked, one space a character (offsets hold)."""
        if not self.furniture:
            return text
        pieces, at = [], 0
        for start, end in self.furniture:
            start = max(start, at)
            if end > start:
                pieces += [text[at:start], " " * (end - start)]
                at = end
        return "".join(pieces) + text[at:]

    def part_at(self, offset: int) -> Part:
        return self.parts[max(0, bisect_right(self.parts, offset, key=_start) - 1)]

    def describe(self) -> str:
        """The structure and why, one line a fact (for `show --structure` and `explain`)."""
        lines = [f"   genre: {self.genre}", f"   title: {self.title or '-'}"]
        lines.append(
            f"   publication year: {self.publication_year or 'unknown'} (from {self.year_source or '-'})"
        )
        if self.reported_year:
            lines.append(f"   reports on: {self.reported_year}")
        lines += [f"   why: {step}" for step in self.steps]
        for part in self.parts:
            years = "-" if part.years is None else "-".join(dict.fromkeys(map(str, part.years)))
            lines.append(
                f"   part @{part.start} {part.heading[:30] or '(opening)'}: {part.role}, years {years}; {part.why}"
            )
        return "\n".join(lines)


@cache
def _cues() -> dict:
    return load("structure")


def find_genre(title: str | None, text: str) -> tuple[str, Step]:
    """The genre by a word of its titles in the title, else by its title leading a text with no title
    line (a capture on one line), else by a word of its openings (各位代表), else by a word of its
    titles in the opening outside a book title (《…实施方案》 cites another)."""
    cues = _cues()["genres"]
    opening = text[: _cues()["title"]["head_chars"]]
    for genre in cues["order"]:
        if title and (word := next((w for w in cues[genre]["title"] if w in title), None)):
            return genre, Step(STAGE, f"genre {genre}: title word", word)
    lead = _title_head(text)
    for genre in cues["order"]:
        if (head := cues[genre].get("head")) and (m := re.search(head, lead)):
            return genre, Step(STAGE, f"genre {genre}: its title leads the text", m.group(), m.start())
    for genre in cues["order"]:
        for word in cues[genre]["opening"]:
            if word in opening:
                return genre, Step(STAGE, f"genre {genre}: opening word", word, opening.find(word))
    uncited = BOOK_TITLE.sub(lambda m: " " * len(m.group()), opening)
    for genre in cues["order"]:
        for word in cues[genre]["title"]:
            if word in uncited:
                return genre, Step(
                    STAGE, f"genre {genre}: title word in the opening", word, uncited.find(word)
                )
    return "other", Step(STAGE, "genre other: no cue")


@cache
def goal_statement() -> AnchoredWords:
    """Words that state the year's goals (主要预期目标是…): what follows them is a target. (Looked for near
    the words that no other holds: wordfinder.AnchoredWords.)"""
    words = sorted(_cues()["local"]["goal_statements"], key=len, reverse=True)
    return AnchoredWords(re.compile("|".join(re.escape(w) for w in words)), words)


@dataclass(frozen=True, slots=True)
class _TitleCues:
    header: re.Pattern[str]
    body_starts: re.Pattern[str]
    not_title: re.Pattern[str]
    speaker: re.Pattern[str]
    heading_marks: re.Pattern[str]


@cache
def _title_cues() -> _TitleCues:
    cues = _cues()["title"]
    return _TitleCues(
        re.compile(cues["header"], re.M),
        re.compile("|".join(cues["body_starts"])),
        re.compile("|".join(cues["not_title"])),
        re.compile(cues["speaker"]),
        re.compile(cues["heading_marks"]),
    )


# a title set in spaced-out characters (政 府 工 作 报 告)
SPACED_OUT = re.compile(r"(?:[\u4e00-\u9fff][ \t\u3000\xa0]+)+[\u4e00-\u9fff]")
SPACES = re.compile(r"[ \t\u3000\xa0]+")


def _as_title(line: str) -> str:
    """A line as a title reads: without a Markdown heading's marks, spaced-out characters closed
    up, and without the speaker's name after it (…会议上国务院总理 李克强)."""
    cues = _title_cues()
    line = cues.heading_marks.sub("", line.strip())
    if SPACED_OUT.fullmatch(line):
        line = SPACES.sub("", line)
    if (speaker := cues.speaker.search(line)) and speaker.start() > 0:
        line = line[: speaker.start()].rstrip()
    return line


def _opens_body(line: str) -> bool:
    """The salutation, opening formula, lead-in or first part heading: the title stands above it."""
    line = line.strip()
    return bool(
        _title_cues().body_starts.search(line)
        or PART_HEADING.match(line)
        or (_opens_a_part(line) and not _genre_title_word(line))
    )


def is_title(line: str) -> bool:
    """A line that can be a title: short, not a sentence, caption, date, path or speaker's name,
    and not where the body begins (a salutation, a part heading)."""
    cues = _title_cues()
    line = _as_title(line)
    return (
        1 < len(line) <= _cues()["title"]["max_chars"]
        and not line.endswith(tuple(_cues()["title"]["not_endings"]))
        and not cues.not_title.search(line)
        and not cues.speaker.match(line)
        and not gazetteer().dateline.fullmatch(line)
        and not _opens_body(line)
    )


def find_title(given: str | None, text: str) -> tuple[str | None, Step]:
    """A `标题：` header, else the title the input gave, else the first line above the body that
    reads as one (the first lines of a web capture may be furniture, blanked out)."""
    head = text[: _cues()["title"]["head_chars"]]
    if m := _title_cues().header.search(head):
        return _as_title(m.group(1)), Step(STAGE, "title from a title header line", at=m.start(1))
    if given and is_title(given):
        return _as_title(given), Step(STAGE, "title given by the input")
    offset, seen = 0, 0
    for line in text.split("\n"):
        if line.strip():
            if is_title(line):
                return _as_title(line), Step(STAGE, "title from the first line that reads as one", at=offset)
            if _opens_body(line):
                return None, Step(STAGE, "no title: the body begins before any line reads as one", at=offset)
            seen += 1
            if seen == TITLE_LINES:
                break
        offset += len(line) + 1
    return None, Step(STAGE, "no title: no line reads as one")


def _heading_years(heading: str) -> tuple[list[int], list[tuple[int, int]]]:
    heading = heading.translate(FULL_WIDTH_DIGITS)
    return [int(y) for y in HEADING_YEAR.findall(heading)], [
        five_year_plan(n) for n in HEADING_PLAN.findall(heading)
    ]


def _has(heading: str, key: str) -> str:
    """The first cue word of list ``key`` in the heading, or ''."""
    return next((w for w in _cues()["parts"][key] if w in heading), "")


def _plan_year(heading: str, year: int | None) -> bool:
    """A heading that names the plan year (or 今年) with 工作/任务/安排/目标…, and reviews nothing."""
    named, _ = _heading_years(heading)
    names_year = (year is not None and year in named) or bool(_has(heading, "this_year"))
    return names_year and bool(_has(heading, "plan")) and REVIEW_OUTRIGHT not in heading


def role_of(heading: str, year: int | None) -> tuple[str, tuple[int, int] | None, str | None, str]:
    """(role, years covered, period of values naming none, the rule) of a part by its heading."""
    named, plans = _heading_years(heading)
    review, plan_word = _has(heading, "review"), _has(heading, "plan_without_year")
    if _plan_year(heading, year):
        return "plan_year", (year, year), str(year), "a heading naming the plan year with a plan word"
    if review and (REVIEW_OUTRIGHT in heading or not plan_word):
        if named:
            # 2020年工作回顾和“十三五”时期发展成就, 过去五年回顾和2002年工作情况: both the year and the
            # five years up to it
            y = max(named)
            first = min(
                [y] + [p[0] for p in plans if p[1] <= y] + [y - 4] * bool(_has(heading, "five_years"))
            )
            rule = "a review heading naming a year" + (" and a five-year period" if first < y else "")
            five = _has(heading, "five_years")
            if first < y and five and heading.index(five) < heading.index(str(y)):
                # 过去五年回顾和2002年工作情况: the five years come first, the year's work last; a value
                # naming no period is of the five years, a year named in it speaks for its paragraph
                return "review_period", (first, y), f"{first}-{y}", rule + ", the five years first"
            return "review_year", (first, y), str(y), rule
        if plans:
            first, last = plans[-1]
            return (
                "review_period",
                (first, last),
                f"{first}-{last}",
                "a review heading naming a five-year plan",
            )
        if year and _has(heading, "five_years"):
            return "review_period", (year - 5, year - 1), f"{year - 5}-{year - 1}", "a review of five years"
        if year:
            return "review_year", (year - 1, year - 1), str(year - 1), f"a review heading ({review})"
        return "review_year", None, None, f"a review heading ({review}), year unknown"
    if year and named and max(named) < year and not plans and _has(heading, "plan"):
        # 一、2025年主要工作 in a report of 2026: the work of a year gone by
        y = max(named)
        return "review_year", (y, y), str(y), "a heading naming a year before the plan year"
    if plans and (plan_word or _has(heading, "plan") or _has(heading, "plan_documents")):
        first, last = plans[-1]
        return "five_year_plan", (first, last), f"{first}-{last}", "a heading naming a five-year plan's goals"
    if year and not named and _has(heading, "next_five_years") and (plan_word or _has(heading, "plan")):
        return (
            "five_year_plan",
            (year, year + 4),
            f"{year}-{year + 4}",
            "a plan heading naming the next five years",
        )
    if plan_word:
        years = (year, year) if year else None
        return "plan_year", years, str(year) if year else None, f"a plan heading ({plan_word})"
    return "other", None, None, "the heading says neither review nor plan"


def year_from_headings(headings: list[str]) -> tuple[int | None, str]:
    """An undated report's year from its headings: the latest year a plan heading names (a report
    may call its review 2023年主要工作 before 2024年主要目标和重点工作), else the year after the one
    its review part names (一、2023年工作回顾 / 二、2024年工作安排 → 2024)."""
    planned = [
        (max(named), heading)
        for heading in headings
        if (named := _heading_years(heading)[0])
        and _has(heading, "plan")
        and REVIEW_OUTRIGHT not in heading
        and not _has(heading, "review")
    ]
    if planned:
        return max(planned)
    for heading in headings:
        named, _ = _heading_years(heading)
        if named and _has(heading, "review"):
            return max(named) + 1, heading
    return None, ""


def _opens_a_part(heading: str) -> bool:
    """A heading that says by itself what its part is: a year, a five-year plan or 今年/五年 with a
    review or plan word (2023年工作回顾, 2024年主要工作安排, 过去五年工作回顾), or a plan heading
    that needs no year (主要目标任务)."""
    named, plans = _heading_years(heading)
    when = named or plans or _has(heading, "this_year") or _has(heading, "five_years")
    return bool(
        (when and (_has(heading, "review") or _has(heading, "plan")))
        or _has(heading, "plan_without_year")
        or REVIEW_OUTRIGHT in heading
    )


def _genre_title_word(line: str) -> str:
    """The first word of any genre's titles in ``line`` (政府工作报告, 统计公报…), or ''."""
    genres = _cues()["genres"]
    return next((w for g in genres["order"] for w in genres[g]["title"] if w in line), "")


def _whole_lines(text: str) -> Iterator[re.Match[str]]:
    """The lines of ``text`` that LINE reads whole, in order. (Tried at each line's start only: a
    search for a pattern opening with ^ tries every character.)"""
    start, size = 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        if m := LINE.fullmatch(text, start, end):
            yield m
        start = end + 1


def find_part_headings(text: str) -> list[tuple[int, int, str]]:
    """The headings that open the parts of ``text``. Numbered top-level headings (一、…), unless
    some line standing alone opens a part (2023年工作回顾 / 2024年工作安排 on lines of their own, as
    city reports print them): then those lines and the numbered headings that open a part by
    themselves, and the other numbered headings are sections inside the parts."""
    alone, numbered = [], []
    for m in _heading_lines(text):
        heading = m.group(2).strip()
        if (
            NOT_IN_HEADING.search(heading.translate(FULL_WIDTH_DIGITS))
            or _genre_title_word(heading)
            or not _opens_a_part(heading)
            or _inside_a_sentence(text, m.start(), m.end())
        ):
            continue
        (numbered if m.group(1) else alone).append(
            (m.start(1) if m.group(1) else m.start(2), m.end(), heading)
        )
    if alone:
        return sorted(alone + numbered)
    top = [_inline_title(text, *heading) for heading in find_headings(text)]
    starts = {start for start, _, _ in top}
    return sorted(top + [h for h in numbered if h[0] not in starts])


def _inside_a_sentence(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] is part of a sentence a layout wrapped around it (今年经济社会发展的⏎
    主要预期目标⏎是：…): the line before it ends joined to it, or the line after it goes on."""
    before = text[max(0, start - WRAP_REACH) : start].rstrip(WHITE)
    after = text[end : end + WRAP_REACH].lstrip(WHITE)
    return bool(WRAPPED_BEFORE.search(before) or WRAPPED_AFTER.match(after))


def _heading_lines(text: str) -> list[re.Match[str]]:
    """Lines that may be headings; in a capture on one line (its white space collapsed, no line reads as a
    heading), the short stretches standing between white space after a sentence's end (… 。 2023年工作回顾
    过去一年…), where its lines were."""
    lines = list(_whole_lines(text))
    if lines or text.count("\n") > ONE_LINE_BREAKS:
        return lines
    return list(INLINE_LINE.finditer(text))


def _inline_title(text: str, start: int, end: int, heading: str) -> tuple[int, int, str]:
    """A numbered heading written on the line of its first sentence (a capture on one line, its white space
    collapsed: 一、“十一五”时期经济社会发展取得重大成就 2010年是…) ends at the white space before the sentence: the
    sentence's words are not the heading's (its year would make a review of five years a review of one)."""
    words = len(heading) - len(heading.lstrip())  # where the title's words begin
    if end >= len(text) or text[end] == "\n" or not (gap := INLINE_TITLE_END.search(heading, words + 1)):
        return start, end, heading
    return start, end - (len(heading) - gap.start()), heading[: gap.start()]


def find_paragraph_breaks(text: str) -> list[int]:
    """Where the paragraphs of a capture on one line (its white space collapsed) break: the white space after a
    sentence's end (…增长5.5%。 过去一年…), as its line ends did; none in a text with lines."""
    if text.count("\n") > ONE_LINE_BREAKS:
        return []
    return [m.start() for m in PARAGRAPH_BREAK.finditer(text)]


def find_furniture(text: str, genre: str) -> list[tuple[int, int]]:
    """The page furniture a capture of a ``genre`` writes on the lines of its sentences (structure.toml
    [furniture]): captions of tables and figures, section headings, footnote markers, and the notes at
    the end; (start, end) in order."""
    words = _cues()["furniture"]
    if genre not in words["genres"]:
        return []
    spans = [m.span() for key in FURNITURE for m in _furniture(key).finditer(text)]
    if notes := _furniture("notes").search(text):
        spans.append((notes.start(), len(text)))
    return sorted(spans)


@cache
def _furniture(key: str) -> re.Pattern[str]:
    return re.compile(_cues()["furniture"][key])


def find_parts(text: str, headings: list[tuple[int, int, str]], year: int | None) -> list[Part]:
    """Parts in order; the text before the first heading is a part with no heading."""
    first = headings[0][0] if headings else len(text)
    parts = [Part(0, first, "", 0, "other", None, None, Step(STAGE, "the opening, before any heading"))]
    if first == 0:
        parts = []
    for i, (start, heading_end, heading) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        role, years, period, rule = role_of(heading, year)
        parts.append(
            Part(start, end, heading, heading_end, role, years, period, Step(STAGE, rule, heading, start))
        )
    return parts


def _title_head(text: str, lines_joined: bool = False) -> str:
    """The opening where a title stands, its years in digits (２０２１年, 二○二三年 → 2021年, 2023年);
    ``lines_joined``: with the line breaks inside a title a layout wrapped (2023年某市国民经济和\n社会发展统计公报)
    taken out, for the patterns that read a year from the title (the genre's head pattern reads lines as written)."""
    head = text[:TITLE_CHARS].translate(FULL_WIDTH_DIGITS)
    if lines_joined:
        head = TITLE_WRAP.sub("", head)
    return NUMERAL_YEAR.sub(lambda m: m.group().translate(YEAR_DIGITS), head)


def _stated_year(text: str, reported: int | None) -> tuple[int, str, str | None] | None:
    """(year, source, date) the text states for itself: the day it was delivered, else its title's year."""
    if delivered := find_delivered(text):
        return int(delivered[:4]), "delivery date", delivered
    if m := TITLE_YEAR.search(_title_head(text, lines_joined=True)):
        # a bulletin is published the year after the one it reports
        return int(m.group(1)) + (1 if reported else 0), "title", None
    return None


def read_structure(document: Document, published_from: str | None = None) -> DocumentStructure:
    """The structure of ``document``. ``published_from`` says where its ``published`` came from
    (flag or metadata) when the caller knows; a date read here from the text is a dateline."""
    text = document.text
    steps: list[Step] = []
    title, why = find_title(document.title, text)
    steps.append(why)
    genre, why = find_genre(title, text)
    steps.append(why)
    bulletin = (
        BULLETIN_TITLE.search(_title_head(text, lines_joined=True))
        if genre == "statistical_bulletin"
        else None
    )
    reported = int(bulletin.group(1)) if bulletin else None
    headings = find_part_headings(text)
    published, source = document.published, (published_from or "metadata") if document.published else None
    if not published and (published := find_dateline(text)):
        source = "dateline"
    year = int(published[:4]) if published else None
    if source != "flag" and (stated := _stated_year(text, reported)) and (year is None or stated[0] < year):
        # the date a text gives for itself beats a later one of the page that carried it (a
        # 2001 report reposted in 2006, a 2015 bulletin with a PubDate of 2022)
        year, source, published = stated
    if year is None:
        year, heading = year_from_headings([h for _, _, h in headings])
        source = f"headings ({heading[:20]})" if year else None
    if year is None and (published := find_any_date(text)):
        year, source = int(published[:4]), "a date in the opening"
    steps.append(Step(STAGE, f"publication year from {source or 'nothing'}", str(year or "")))
    parts = find_parts(text, headings, reported or year)
    if genre == "other" and set(_cues()["genres"]["work_report"]["parts"]) <= {p.role for p in parts}:
        genre = "work_report"
        steps[1] = Step(STAGE, "genre work_report: its parts review a year and plan the next")
    furniture = find_furniture(text, genre)
    breaks = find_paragraph_breaks(text)
    return DocumentStructure(genre, title, published, year, source, reported, parts, steps, furniture, breaks)


def read_region(document: Document, structure: DocumentStructure, names: Sequence[str] = ()) -> None:
    """The document's region, decided once, why in ``structure``'s steps: the region given (the division
    it names, else as written), else the one the document speaks for (regions.document_region: none
    for a news page about many regions). ``names``: title-like strings such as the file's name."""
    if document.region:
        found = resolve_region(document.region)
        if found:
            document.region, document.region_code = found.full_name, found.code
        structure.steps.append(Step(STAGE, "region given", document.region))
        return
    found, why = document_region(structure.title, document.text, names, structure.genre)
    document.region, document.region_code = (found.full_name, found.code) if found else (None, None)
    structure.steps.append(Step(STAGE, f"region: {why}", document.region or ""))
