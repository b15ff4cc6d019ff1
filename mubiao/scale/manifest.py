"""The manifest of a job's output directory: one JSON line per finished partition.

Appended by the client after the partition's shards are in place, flushed to disk line by
line, so a killed job leaves at worst one torn last line, which is ignored: that partition
is simply done again on the rerun.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.jsonl"


class Manifest:
    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self.entries: dict[str, dict[str, Any]] = {}
        if not self.path.exists():
            return
        torn = False
        with self.path.open(encoding="utf-8") as stream:
            for line in stream:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    torn = True  # cut by a kill mid-write
                    continue
                self.entries[entry["key"]] = entry
        if torn:
            self._rewrite()

    def add(self, entry: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as stream:
            stream.write(_line(entry))
            stream.flush()
            os.fsync(stream.fileno())
        self.entries[entry["key"]] = entry

    def keep_only(self, keys: set[str]) -> None:
        """Forget partitions that are no longer part of the job (rewritten atomically)."""
        if set(self.entries) <= keys:
            return
        self.entries = {k: v for k, v in self.entries.items() if k in keys}
        self._rewrite()

    def _rewrite(self) -> None:
        temp = self.path.with_suffix(".tmp")
        temp.write_text("".join(map(_line, self.entries.values())), "utf-8")
        os.replace(temp, self.path)


def _line(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False) + "\n"
