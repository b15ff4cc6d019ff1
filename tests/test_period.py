"""period: what every form needs where it starts (knowledge/periods.toml form_needs) is a necessary
condition only: the period cues found with it are those found without it."""

from __future__ import annotations

import re
from pathlib import Path

from example_tables import table

from mubiao.extract.period import FORMS, _pattern
from mubiao.firstchar import SPAN, finditer

CORPUS = Path(__file__).parent.parent / "corpus"
# forms at their longest before their 年 or 五, and counts of no bounded length
LONGEST = "到2030年，过去的一年，“十四五”，“九五”时期，近123年，连续第12345年，用12345—23456年时间，十二年来，两年平均"


def _cues(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(SPAN), m.groups()) for m in finditer(pattern, text)]


def test_form_needs_drops_no_cue() -> None:
    guarded = _pattern()
    unguarded = re.compile(guarded.pattern.replace(FORMS["form_needs"], "", 1))
    assert unguarded.pattern != guarded.pattern
    texts = [LONGEST, *(row["text"] for row in table("periods"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    for text in texts:
        assert _cues(guarded, text) == _cues(unguarded, text), text[:40]
    assert len(_cues(guarded, LONGEST)) == 9
