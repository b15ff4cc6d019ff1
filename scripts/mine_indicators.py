"""Mine indicator names that recur across regions, to grow knowledge/taxonomy.tsv from.

Runs the extractor over the robustness corpus (../shared/corpus/robustness, 104 work reports of
provinces, cities, a county and the State Council) and the project's own corpus, and writes one
row per normalised name (mubiao.taxonomy.normalised_name): how many records, documents and regions
use it, its id when the taxonomy already has one, and its most frequent spelling as written.

    .venv/bin/python scripts/mine_indicators.py [-o corpus/indicator_candidates.tsv]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions, ReadError, read_source
from mubiao.taxonomy import indicator_id, normalised_name

ROOT = Path(__file__).resolve().parents[1]
ROBUSTNESS = ROOT.parent / "shared" / "corpus" / "robustness"


def documents() -> list[tuple[Path, str]]:
    """(path, region) of every report to mine."""
    manifest = json.loads((ROBUSTNESS / "manifest.json").read_text(encoding="utf-8"))
    found = [(ROBUSTNESS / row["file"], row["region"]) for row in manifest]
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        found.append((path, path.stem.split("_")[1] if "_" in path.stem else path.stem))
    return found


def mine(paths: list[tuple[Path, str]]) -> list[dict]:
    records: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for path, region in paths:
        read = next(read_source(str(path), IngestOptions()))
        if isinstance(read, ReadError):
            print(f"mine_indicators: {path}: {read.reason}", file=sys.stderr)
            continue
        for record in extract_document(read):
            name = normalised_name(record.indicator_text) if record.indicator_text else ""
            if not name:
                continue
            records[name] += 1
            docs[name].add(str(path))
            regions[name].add(region)
            spellings[name][record.indicator_text] += 1
    rows = [
        {
            "name": name,
            "records": count,
            "documents": len(docs[name]),
            "regions": len(regions[name]),
            "id": indicator_id(name) or "",
            "spelling": spellings[name].most_common(1)[0][0],
        }
        for name, count in records.items()
    ]
    rows.sort(key=lambda r: (-r["regions"], -r["records"], r["name"]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "corpus" / "indicator_candidates.tsv"))
    args = parser.parse_args()
    rows = mine(documents())
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with_id = sum(r["records"] for r in rows if r["id"])
    total = sum(r["records"] for r in rows)
    print(f"{len(rows)} names, {total} named records, {with_id / total:.3f} with an id → {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
