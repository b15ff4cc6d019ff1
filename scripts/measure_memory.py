#!/usr/bin/env python3
"""Peak memory (RSS of a fresh process) of ``mubiao export`` over a large store and of ``mubiao
extract`` over a large text, to show that both stay bounded whatever the size.

    .venv/bin/python scripts/measure_memory.py store /tmp/big.db --records 650000   # build a store
    .venv/bin/python scripts/measure_memory.py export /tmp/big.db --format csv,jsonl,parquet
    (a database URL instead of a file: postgresql://…)
    .venv/bin/python scripts/measure_memory.py text /tmp/big.txt --size 100M        # build a text
    .venv/bin/python scripts/measure_memory.py extract /tmp/big.txt

The store holds copies of the project's reports (the national series 2014-2018 and the 2026
provincial reports), each set of copies filed under another county, so that tracking links
targets to outcomes as in a real store of many regions; the records are extracted once and
inserted in bulk. The text is one provincial report (UTF-8) repeated. Each command runs in a child process
whose peak RSS (``ru_maxrss`` from ``os.wait4``) is the figure reported.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "corpus" / "national").glob("201[4-8]_*.txt")) + sorted(
    (REPO / "corpus").glob("2026_*.txt")
)
REPORT = REPO / "corpus" / "2026_北京市_政府工作报告.txt"
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
BATCH = 20_000


def parse_size(text: str) -> int:
    return int(float(text[:-1]) * UNITS[text[-1].upper()]) if text[-1].upper() in UNITS else int(text)


def database(path: str) -> str:
    """A database URL, or a SQLite file's."""
    return path if "://" in path else f"sqlite:///{path}"


def make_store(path: str, records: int) -> dict:
    """A store at ``path`` (a file or URL) with about ``records`` records (copies of SOURCES)."""
    from sqlalchemy import insert

    from mubiao.extract.pipeline import extract_document
    from mubiao.ingest import IngestOptions, read_source
    from mubiao.regions import gazetteer
    from mubiao.store import open_store
    from mubiao.store.crud import content_hash, start_run
    from mubiao.store.models import DocumentRow, RecordRow

    sources = []
    for source in SOURCES:
        [document] = list(read_source(str(source), IngestOptions()))
        sources.append((document, [r.to_dict() for r in extract_document(document)]))
    per_copy = sum(len(found) for _, found in sources)
    copies = max(1, round(records / per_copy))
    counties = [r for r in gazetteer().by_code.values() if r.level == "county"][:copies]
    store = open_store(database(path))
    with store.begin() as session:
        run_id = start_run(session=session, command="measure_memory").id
    pending: list[dict] = []
    document_id = 0
    for copy, county in enumerate(counties):
        with store.begin() as session:
            for document, found in sources:
                document_id += 1
                text = f"{document.text}\n（{county.full_name}，副本{copy}）"
                key = f"{county.code}/{Path(document.id).name}"
                session.execute(
                    insert(DocumentRow),
                    [
                        dict(
                            id=document_id,
                            key=key,
                            text=text,
                            content_hash=content_hash(text),
                            title=document.title,
                            published=document.published,
                            region=county.full_name,
                            region_code=county.code,
                            page_starts=[],
                            run_id=run_id,
                        )
                    ],
                )
                pending += [
                    dict(
                        r,
                        doc=key,
                        region=county.full_name,
                        region_code=county.code,
                        document_id=document_id,
                        run_id=run_id,
                    )
                    for r in found
                ]
            if len(pending) >= BATCH or copy == len(counties) - 1:
                session.execute(insert(RecordRow), pending)
                pending = []
    store.close()
    return {"documents": document_id, "records": per_copy * len(counties)}


def make_text(path: Path, size: int) -> int:
    """``path`` of REPORT repeated (paragraph breaks between copies) up to ``size`` bytes; copies."""
    report = REPORT.read_text(encoding="utf-8").strip("\n") + "\n\n"
    copies = max(1, size // len(report.encode("utf-8")))
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(report)
    return copies


def mib(size: int) -> float:
    return round(size / (1 << 20), 1)


def measured(command: list[str], env: dict[str, str] | None = None) -> dict:
    """Runs ``command``; its seconds and peak RSS (MiB) and the exit code."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(child.pid, 0)
    return {
        "exit_code": os.waitstatus_to_exitcode(status),
        "seconds": round(time.perf_counter() - start, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
    }


def export_in_child(path: str, formats: str, panel: bool = False) -> dict:
    """``mubiao export`` of the store at ``path`` in ``formats`` (csv,jsonl…) in a child process:
    its seconds, peak RSS and the sizes of the files it wrote."""
    mubiao = str(Path(sys.executable).with_name("mubiao"))
    with tempfile.TemporaryDirectory() as out:
        command = [mubiao, "export", "--db", database(path), "--format", formats, "-o", out]
        result = measured(command + (["--panel"] if panel else []))
        result["files_mib"] = {p.name: mib(p.stat().st_size) for p in sorted(Path(out).iterdir())}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("store", "export", "text", "extract"))
    parser.add_argument("path", help="the store (a SQLite file or a database URL), or the text")
    parser.add_argument("--records", type=int, default=650_000, help="records of the store (store)")
    parser.add_argument("--size", default="100M", help="size of the text (text): 100M, 1G…")
    parser.add_argument("--format", default="csv,jsonl,parquet", help="formats to export (export)")
    parser.add_argument("--panel", action="store_true", help="export the panel (export)")
    args = parser.parse_args()
    mubiao = str(Path(sys.executable).with_name("mubiao"))
    if args.what == "store":
        result = make_store(args.path, args.records)
    elif args.what == "text":
        text = Path(args.path)
        result = {"copies": make_text(text, parse_size(args.size)), "mib": mib(text.stat().st_size)}
    elif args.what == "export":
        result = export_in_child(args.path, args.format, args.panel)
    else:
        with tempfile.TemporaryDirectory() as out:
            records = Path(out) / "records.jsonl"
            # the default limit on seconds per document is for real reports, not for this test
            command = [mubiao, "extract", args.path, "-o", str(records)]
            result = measured(command, {"MUBIAO_MAX_SECONDS": "3600"})
            with open(records, encoding="utf-8") as handle:
                result["records"] = sum(1 for _ in handle)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
