"""Byte spans of a corpus file, so that a part of it can be read without reading what comes before.

A ``Span`` says which rows a stretch of bytes holds: a reader seeks to ``start``, numbers the record
there ``first_row`` and reads until ``stop``, where the next span's first record begins. Spans come
from one pass over the file that notes where records start (``record_starts`` in ``mubiao.ingest``);
a gzip stream cannot be entered in the middle, so compressed JSON Lines and CSV have none and are
read from the beginning (a WARC's records are gzip members of their own and can be entered).
"""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Rows [first_row, end_row) of a corpus file, held by its bytes [start, stop)."""

    first_row: int
    end_row: int
    start: int
    stop: int

    def rows(self) -> range:
        return range(self.first_row, self.end_row)


class Window(io.RawIOBase):
    """The bytes [start, stop) of a file, read as if they were the whole file."""

    def __init__(self, path: str, start: int, stop: int) -> None:
        super().__init__()
        # unbuffered: the buffered reader wrapped around the window is the only buffer, so nothing
        # past ``stop`` is read from the disk
        self._file = open(path, "rb", buffering=0)  # noqa: SIM115 — closed by close()
        self._file.seek(start)
        self._left = stop - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self._left)
        if wanted <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:wanted]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def open_span(path: str, span: Span) -> io.BufferedReader:
    return io.BufferedReader(Window(path, span.start, span.stop))
