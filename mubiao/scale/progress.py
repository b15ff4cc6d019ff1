"""Terminal progress of a job: documents done, records, errors and throughput.

The Dask dashboard shows the same job as tasks named ``mubiao-partition-…``; this is the
view for the terminal, fed by the counts each finished partition sends back.
"""

from __future__ import annotations

import sys
import time

from tqdm import tqdm

from mubiao.scale.task import PartitionResult

ERROR_LINES_SHOWN = 20


class Progress:
    def __init__(self, total: int, done: int, enabled: bool = True) -> None:
        self.bar = tqdm(
            total=total, initial=done, unit="doc", desc="documents", disable=not enabled, file=sys.stderr
        )
        self.began = time.perf_counter()
        self.documents = self.chars = self.records = self.errors = self.stored = self.skipped = 0
        self.error_lines = 0

    def advance(self, expected_documents: int, result: PartitionResult) -> None:
        self.documents += result.documents
        self.chars += result.chars
        self.records += result.records
        self.errors += result.errors
        self.stored += result.stored
        self.skipped += result.skipped
        for row in result.first_errors:
            self.error(f"{row['input']}" + (f" ({row['doc']})" if row["doc"] else "") + f": {row['reason']}")
        elapsed = max(time.perf_counter() - self.began, 1e-9)
        self.bar.set_postfix(
            records=self.records,
            errors=self.errors,
            chars_per_s=f"{self.chars / elapsed:,.0f}",
            refresh=False,
        )
        self.bar.update(expected_documents)

    def error(self, line: str) -> None:
        """One line per failure, up to a limit: the errors shards hold them all."""
        self.error_lines += 1
        if self.error_lines <= ERROR_LINES_SHOWN:
            self.bar.write(f"mubiao: {line}", file=sys.stderr)
        elif self.error_lines == ERROR_LINES_SHOWN + 1:
            self.bar.write("mubiao: more errors: see the errors/ shards", file=sys.stderr)

    def close(self) -> None:
        self.bar.close()
