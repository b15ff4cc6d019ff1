"""Candidate example rows from real reports, for a person to check before any goes into a table.

Reads the government work reports of ../shared/corpus/robustness and the project's corpus/, cuts
them into clauses (or sentences) and prints, per wanted item (an exclusion rule, a unit spelling, a
bound word, an indicator alias…), a few short real strings in which the item occurs, with what the
extractor makes of them today. Nothing printed here is an expected value: a row goes into
tests/examples/ only after its expected output was checked by hand against the text and the spec.

    python scripts/mine_examples.py exclusions|units|bounds|aliases|hedges|periods [--per 3]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from mubiao import extract
from mubiao.knowledge import load, rows
from mubiao.numbers import find_exclusions, find_mentions
from mubiao.record import TargetRecord

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"
CLAUSE = re.compile(r"[^，。；！？：\n]+")
SENTENCE = re.compile(r"[^。；！？\n]+")
LONGEST = 60


def reports() -> Iterator[tuple[str, str, str]]:
    """(source, year, text) of every report: the robustness corpus, then corpus/."""
    for entry in json.loads((ROBUSTNESS / "manifest.json").read_text(encoding="utf-8")):
        text = (ROBUSTNESS / entry["file"]).read_bytes().decode(entry["encoding"], errors="replace")
        yield f"robustness/{entry['file']}", entry["report_year"], text
    for path in sorted([*(ROOT / "corpus").glob("*.txt"), *(ROOT / "corpus").glob("*/*.txt")]):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        yield str(path.relative_to(ROOT)), path.name[:4], text


def pieces(pattern: re.Pattern[str]) -> Iterator[tuple[str, str, str]]:
    seen = set()
    for source, year, text in reports():
        for m in pattern.finditer(text):
            piece = m.group().strip()
            if 4 <= len(piece) <= LONGEST and piece not in seen:
                seen.add(piece)
                yield source, year, piece


def exclusions(per: int) -> None:
    found = defaultdict(list)
    for source, _, clause in pieces(CLAUSE):
        excluded = find_exclusions(clause)
        if len(excluded) == 1 and not find_mentions(clause):
            rule = excluded[0][2]
            if len(found[rule]) < per:
                found[rule].append((clause, source))
    for rule in [row["name"] for row in load("exclusions")["rule"]]:
        for clause, source in found[rule]:
            print(f"{clause}\t{rule}\t{source}")


def units(per: int) -> None:
    found = defaultdict(list)
    for source, _, clause in pieces(CLAUSE):
        for m in find_mentions(clause):
            if len(found[m.unit_text]) < per:
                found[m.unit_text].append((clause, clause[m.start : m.end], m, source))
    for spelling in load("units")["units"]:
        for clause, value_text, m, source in found[spelling]:
            print(f"{clause}\t{value_text}\t{m.unit_text}\t{m.unit}\t{m.low:g}\t{source}")


def bounds(per: int) -> None:
    found = defaultdict(list)
    for source, _, clause in pieces(CLAUSE):
        for m in find_mentions(clause):
            for word in {m.lead, m.trail} - {""}:
                if len(found[word]) < per:
                    found[word].append((clause, clause[m.start : m.end], m, source))
    cues = load("cues")["bounds"]
    for word in [*cues["leading"], *cues["trailing"]]:
        for clause, value_text, m, source in found[word]:
            low = "" if m.low is None else f"{m.low:g}"
            high = "" if m.high is None else f"{m.high:g}"
            print(f"{clause}\t{value_text}\t{m.comparator}\t{low}\t{high}\t{source}")


def aliases(per: int) -> None:
    spellings = {}
    for row in rows("taxonomy"):
        for spelling in [row["name"], *filter(None, row["aliases"].split("|"))]:
            spellings.setdefault(spelling, row["id"])
    found = defaultdict(list)
    for source, year, sentence in pieces(SENTENCE):
        present = [s for s in spellings if s in sentence and len(found[s]) < per]
        if not present:
            continue
        for record in extract(sentence, published=f"{year}-03-01"):
            for spelling in present:
                if spelling in record.indicator_text and record.indicator == spellings[spelling]:
                    found[spelling].append((sentence, record, source))
    for spelling, indicator in spellings.items():
        for sentence, record, source in found[spelling][:per]:
            print(f"{sentence}\t{record.value_text}\t{indicator}\t{record.indicator_text}\t{source}")


def _records_with_words(words: list[str], per: int, show: Callable[[TargetRecord], str]) -> None:
    """Sentences holding one of ``words`` and the records extract gives of them, per word."""
    found = defaultdict(list)
    for source, year, sentence in pieces(SENTENCE):
        present = [w for w in words if w in sentence and len(found[w]) < per]
        if not present:
            continue
        published = f"{year}-03-01"
        records = extract(sentence, published=published)
        if records:
            found[present[0]].append((sentence, records[0], published, source))
    for word in words:
        for sentence, record, published, source in found[word]:
            print(f"{word}\t{sentence}\t{record.value_text}\t{show(record)}\t{published}\t{source}")


def hedges(per: int) -> None:
    _records_with_words(load("cues")["hedges"]["words"], per, lambda r: f"{r.hedge}\t{r.modality}")


def periods(per: int) -> None:
    words = load("cues")["period"]
    cues = [*words["last_five_years"], *words["next_five_years"], *words["this_year"], *words["last_year"]]
    _records_with_words(cues, per, lambda r: f"{r.period}\t{r.modality}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["exclusions", "units", "bounds", "aliases", "hedges", "periods"])
    parser.add_argument("--per", type=int, default=3, help="strings per item (default 3)")
    args = parser.parse_args(argv)
    globals()[args.what](args.per)


if __name__ == "__main__":
    sys.exit(main())
