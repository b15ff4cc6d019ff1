"""Throughput of the engines on one generated corpus, in one run: the local engine in one
process, then Dask with 1 and with N worker processes; the scaling ratio compares them."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mubiao.extract.pipeline import extract_document
from mubiao.ingest import IngestOptions, ReadError, read_source
from mubiao.scale.engine import connect, run_job
from mubiao.scale.synth import paragraph_rows, write_jsonl
from mubiao.scale.task import Job


@dataclass(frozen=True, slots=True)
class BenchRow:
    engine: str
    workers: int
    documents: int
    chars: int
    records: int
    seconds: float
    peak_mb: float = 0.0  # highest resident memory of the process (of any worker, for dask)
    startup: float = 0.0  # starting the local cluster, not counted in ``seconds``

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds


def run_local(corpus: Path, options: IngestOptions) -> BenchRow:
    """The local engine: every document read and extracted in this process."""
    began = time.perf_counter()
    documents = chars = records = 0
    for item in read_source(str(corpus), options, None):
        if isinstance(item, ReadError):
            continue
        documents += 1
        chars += len(item.text)
        records += len(extract_document(item))
    return BenchRow("local", 1, documents, chars, records, time.perf_counter() - began, peak_rss_mb())


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_dask(
    corpus: Path, options: IngestOptions, workers: int, out_dir: Path, partition_size: int
) -> BenchRow:
    began = time.perf_counter()
    with connect(workers=workers, dashboard="127.0.0.1:0") as client:
        startup = time.perf_counter() - began
        report = run_job(
            [str(corpus)], Job(options, out_dir=str(out_dir)), client, partition_size, progress=False
        )
        peak = max(client.run(peak_rss_mb).values())
    return BenchRow(
        "dask", workers, report.documents, report.chars, report.records, report.seconds, peak, startup
    )


def bench_scale(
    texts: Sequence[Path], n_docs: int, workers: int = 2, partition_size: int = 250
) -> tuple[list[BenchRow], int]:
    """Rows for local, dask 1 worker and dask ``workers`` workers; and the corpus size."""
    options = IngestOptions()
    with tempfile.TemporaryDirectory(prefix="mubiao-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = write_jsonl(paragraph_rows(texts, n_docs), corpus)
        rows = [run_local(corpus, options)]
        for n in sorted({1, workers}):
            rows.append(run_dask(corpus, options, n, Path(tmp) / f"dask-{n}", partition_size))
    return rows, size


def format_table(rows: Sequence[BenchRow]) -> str:
    lines = [
        f"{'engine':<8}{'workers':>8}{'docs':>9}{'chars':>11}{'records':>9}{'seconds':>9}{'docs/s':>10}"
        f"{'chars/s':>12}{'peak MB':>9}"
    ]
    for r in rows:
        lines.append(
            f"{r.engine:<8}{r.workers:>8}{r.documents:>9}{r.chars:>11}{r.records:>9}{r.seconds:>9.2f}"
            f"{r.docs_per_s:>10.1f}{r.chars_per_s:>12,.0f}{r.peak_mb:>9.0f}"
        )
    local = rows[0]
    dask = [r for r in rows if r.engine == "dask"]
    one, most = dask[0], dask[-1]
    lines.append(
        f"scaling: dask {most.workers} workers / dask 1 worker = {most.docs_per_s / one.docs_per_s:.2f}x "
        f"(ideal {most.workers / one.workers:.2f}x)"
    )
    lines.append(
        f"dask {most.workers} workers / local 1 process = {most.docs_per_s / local.docs_per_s:.2f}x; "
        f"dask 1 worker / local = {one.docs_per_s / local.docs_per_s:.2f}x (the engine's overhead)"
    )
    lines.append(
        "cluster startup (not timed above): "
        + ", ".join(f"{r.workers} worker(s) {r.startup:.1f} s" for r in dask)
    )
    return "\n".join(lines)
