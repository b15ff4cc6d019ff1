"""A kill test: ingestion killed (SIGKILL) at random points and rerun ends with exactly the records
of an uninterrupted run, and no kill ever leaves a document without all of its records."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from mubiao.store import crud, open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = [
    *sorted((SHARED / "corpus" / "national").glob("*.txt")),
    *sorted((SHARED / "corpus").glob("2026_*.txt")),
]


def ingest_command(db: Path) -> list[str]:
    # Not quiet: ingest reports each document on stderr once it is committed.
    return [sys.executable, "-m", "mubiao.cli", "ingest", *map(str, CORPUS), "--db", f"sqlite:///{db}"]


def contents(db: Path) -> tuple[dict[str, int], list[tuple]]:
    """Records per document key, and every record as a sorted tuple list."""
    store = open_store(f"sqlite:///{db}")
    with store.session() as session:
        documents = crud.list_documents(session=session, limit=None)
        counts = crud.record_counts(session=session, document_ids=[d.id for d in documents])
        per_document = {d.key: counts.get(d.id, 0) for d in documents}
        records = sorted(
            tuple(r.to_record().to_dict().values()) for r in crud.query_records(session=session, limit=None)
        )
    store.close()
    return per_document, records


def kill_after(db: Path, committed: int, delay: float) -> None:
    """Start an ingest, let it report ``committed`` more documents, wait ``delay`` s, SIGKILL it."""
    process = subprocess.Popen(
        ingest_command(db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    while committed > 0:
        line = process.stderr.readline()
        if not line:
            break
        committed -= not line.rstrip().endswith("already stored")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()


def test_killed_ingestion_resumes_to_the_same_records(tmp_path: Path) -> None:
    assert len(CORPUS) >= 10, f"corpus not found under {SHARED}"
    baseline = tmp_path / "baseline.db"
    subprocess.run(ingest_command(baseline), check=True, capture_output=True)
    expected_counts, expected_records = contents(baseline)
    assert len(expected_counts) == len(CORPUS) and expected_records

    killed = tmp_path / "killed.db"
    rng = random.Random(20240219)
    # Kill points: during start-up and schema creation, then inside the document loop (after a
    # random number of commits, a random moment into the next document).
    plan = [(0, rng.uniform(0.1, 0.8))] + [(rng.randint(2, 6), rng.uniform(0, 0.02)) for _ in range(2)]
    partial_states = 0
    for committed, delay in plan:
        kill_after(killed, committed, delay)
        if killed.exists():
            counts, _ = contents(killed)
            # Every document present has all of its records: none is half-written.
            assert counts == {key: expected_counts[key] for key in counts}
            partial_states += 0 < len(counts) < len(CORPUS)
    assert partial_states, "no kill landed mid-ingest"
    subprocess.run(ingest_command(killed), check=True, capture_output=True)
    assert contents(killed) == (expected_counts, expected_records)
