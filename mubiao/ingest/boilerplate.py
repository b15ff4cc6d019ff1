"""Page furniture in plain text (text captures of web pages, main text from HTML, corpus rows): lines
of navigation, share widgets, copyright, ICP licences, hotlines and credits are blanked out with
spaces, never deleted, so that offsets into the text are offsets into the text the user has. Cues
are data: ``knowledge/ingest.toml``."""

from __future__ import annotations

import re
from functools import cache

from mubiao.knowledge import load


def cues() -> dict:
    """The cues of knowledge/ingest.toml."""
    return load("ingest")


BULLETS = cues()["boilerplate"]["bullets"]
SENTENCE_PUNCTUATION = re.compile(cues()["boilerplate"]["sentence_marks"])
LINE = re.compile(r"[^\n]+")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = cues()["boilerplate"]
    cue = re.compile("|".join(map(re.escape, table["cues"])), re.I)
    words = sorted(table["ui_words"], key=len, reverse=True)
    separators = table["ui_separators"]
    ui_only = re.compile(rf"^(?:{separators}(?:" + "|".join(map(re.escape, words)) + rf"))*{separators}$")
    return cue, re.compile(table["credit_pattern"]), ui_only, re.compile(table["page_number_pattern"])


def is_boilerplate(line: str) -> bool:
    table = cues()["boilerplate"]
    cue, credit, ui_only, page_number = _patterns()
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) <= table["max_line_chars"] and (cue.search(stripped) or credit.match(stripped)):
        return True
    if ui_only.match(stripped) or page_number.match(stripped):
        return True
    if stripped[0] in BULLETS:
        entry = stripped.lstrip(BULLETS).strip()
        return len(entry) <= table["nav_bullet_chars"] and not SENTENCE_PUNCTUATION.search(entry)
    return False


def mask_boilerplate(text: str) -> str:
    """``text`` with each furniture line blanked out by as many spaces: the same length, the same
    offsets, nothing of the furniture left to read. A text with none is returned as it is, and no
    text is split into a list of its lines (a line an object: more than the text's size again)."""
    furniture = [line.span() for line in LINE.finditer(text) if is_boilerplate(line.group())]
    if not furniture:
        return text
    pieces, kept_from = [], 0
    for start, end in furniture:
        pieces += [text[kept_from:start], " " * (end - start)]
        kept_from = end
    pieces.append(text[kept_from:])
    return "".join(pieces)
