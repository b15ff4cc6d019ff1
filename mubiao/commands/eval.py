"""mubiao eval GOLD.jsonl --docs DIR: extraction scored against hand-made gold records; or
mubiao eval --db URL: against the records people reviewed in a store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mubiao.evaluate.score import STRICT_FIELDS, Passages, Score, score
from mubiao.extract.pipeline import extract_document
from mubiao.record import Document


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("eval", help="score the extractor against gold records")
    p.add_argument("gold", nargs="*", metavar="GOLD.jsonl")
    p.add_argument(
        "--db",
        metavar="URL",
        help="score against the store's reviewed documents instead of gold files (see mubiao export --gold)",
    )
    p.add_argument("--docs", default=".", help="folder holding the gold's documents (default: .)")
    p.add_argument("--json", action="store_true", help="print a machine-readable summary only")
    p.add_argument("--quiet", "-q", action="store_true", help="print the summary without the error lists")
    p.set_defaults(func=run)


def read_gold(paths: list[str]) -> list[dict]:
    rows = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise SystemExit(f"mubiao eval: {path}: cannot read the gold ({exc})") from exc
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"mubiao eval: {path}:{number}: not JSON ({exc.msg})") from exc
    return rows


def split_passages(rows: list[dict]) -> tuple[list[dict], Passages]:
    """Gold records, and the passages a gold set annotates: a line ``{"doc": D, "passage": [start, end]}``
    says D is annotated from start to end only (several lines, several passages)."""
    spans, records = [], []
    for row in rows:
        if "passage" not in row:
            records.append(row)
            continue
        span = row["passage"]
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            raise SystemExit(f"mubiao eval: {row.get('doc')}: passage {span!r} is not [start, end]")
        if not 0 <= span[0] < span[1]:
            raise SystemExit(f"mubiao eval: {row.get('doc')}: passage {span!r} is empty or negative")
        spans.append((row["doc"], span[0], span[1]))
    passages = Passages(spans)
    for record in records:
        if not passages.covers(record):
            raise SystemExit(
                f"mubiao eval: {record['doc']}:{record['start']}-{record['end']}: gold record outside "
                "the document's annotated passages"
            )
    return records, passages


def read_gold_document(path: Path) -> str:
    """A gold document's text as its offsets count it: decoded whatever its encoding, nothing dropped."""
    from mubiao.ingest import IngestOptions, ReadError, read_source

    document = next(read_source(str(path), IngestOptions(keep_boilerplate=True)))
    if isinstance(document, ReadError):
        raise OSError(0, document.reason, str(path))
    return document.text


def predict(names: list[str], docs: Path) -> list[dict]:
    """Predictions for each document named in the gold, with no metadata but the text's own."""
    texts = {name: read_gold_document(docs / name) for name in dict.fromkeys(names)}
    return predict_texts(texts)


def predict_texts(texts: dict[str, str]) -> list[dict]:
    predicted = []
    for name, text in texts.items():
        predicted.extend(r.to_dict() for r in extract_document(Document(text=text, id=name)))
    return predicted


def store_gold(url: str) -> tuple[list[dict], list[dict]]:
    """(gold, predicted) of the store's reviewed documents."""
    from mubiao.evaluate.store_gold import gold_from_store
    from mubiao.store import open_store

    store = open_store(url, create=False)
    try:
        gold = gold_from_store(store)
    finally:
        store.close()
    if gold.partly_reviewed:
        print(f"mubiao eval: {gold.partly_reviewed} partly reviewed documents left out", file=sys.stderr)
    if not gold.records:
        raise SystemExit(f"mubiao eval: {url}: no document is reviewed in full yet")
    return gold.records, predict_texts(gold.texts)


def _line(record: dict) -> str:
    return (
        f"{record['doc']}:{record['start']}-{record['end']} {record['value_text']!r} "
        f"[{record.get('indicator_text')}] {record.get('quote', '')[:60]}"
    )


def report(result: Score, out=None) -> None:
    out = out or sys.stdout
    s = result.summary()
    for g, p, wrong in result.wrong_fields:
        fields = ", ".join(f"{name}: gold {g.get(name)!r} got {p.get(name)!r}" for name in wrong)
        print(f"WRONG {_line(g)}\n      {fields}", file=out)
    for g in result.misses:
        print(f"MISS  {_line(g)}", file=out)
    for p in result.false_hits:
        print(f"FALSE {_line(p)}", file=out)
    print_summary(s, out)


def print_summary(s: dict, out=None) -> None:
    out = out or sys.stdout
    print(f"gold {s['gold']}  predicted {s['predicted']}  matched {s['matched']}", file=out)
    print(f"detection  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}", file=out)
    fields = "  ".join(f"{k} {v:.3f}" for k, v in s["field_accuracy"].items())
    print(f"fields     {fields}", file=out)
    print(
        f"strict     P {s['strict_precision']:.3f}  R {s['strict_recall']:.3f}  F1 {s['strict_f1']:.3f}"
        f"  (all of: {', '.join(STRICT_FIELDS)}{_optional(s)})",
        file=out,
    )
    print(
        f"indicator  with an id {s['id_share']:.3f}  id precision {s['id_precision']:.3f}"
        f"  indicator_text exact {s['field_accuracy']['indicator_text']:.3f}",
        file=out,
    )


def _optional(s: dict) -> str:
    scored = [f"{k} on {n} pairs" for k, n in s["optional_fields_scored"].items() if n]
    return f"; where the gold has it: {', '.join(scored)}" if scored else ""


def run(args: argparse.Namespace) -> int:
    if bool(args.db) == bool(args.gold):
        raise SystemExit("mubiao eval: give gold files, or --db URL for a store's reviewed records")
    passages = None
    if args.db:
        gold, predicted = store_gold(args.db)
    else:
        gold, passages = split_passages(read_gold(args.gold))
        try:
            predicted = predict([g["doc"] for g in gold] + list(passages.spans), Path(args.docs))
        except OSError as exc:
            print(f"mubiao eval: {exc.filename}: {exc.strerror}", file=sys.stderr)
            return 1
    result = score(gold, predicted, passages)
    if args.json:
        print(json.dumps(result.summary(), ensure_ascii=False, indent=2))
    elif args.quiet:
        print_summary(result.summary())
    else:
        report(result)
    return 0
