"""What one document may cost: bytes once decompressed, pages, characters and seconds. A document
over a limit is refused with one line naming the limit (``OverLimit``, a ``BadInput``), the batch
goes on. Limits come from flags, else from ``MUBIAO_MAX_*`` environment variables, else the defaults,
which let every real report through (the longest PDF of the corpus has 600-odd pages, a year of a
province's reports a few million characters) and stop a compressed bomb before it is expanded."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from mubiao.ingest.errors import BadInput, InputError

SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?", re.I)
SIZE_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
# A character is at most four bytes in any encoding mubiao reads, so a plain file of more bytes than
# four per allowed character is over the limit before it is read.
MAX_BYTES_PER_CHAR = 4


def parse_size(value: str) -> int:
    """Bytes from 1048576, 64M, 64 MiB, 1.5G; ValueError for anything else."""
    match = SIZE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a size (bytes, or a number with K, M or G)")
    return int(float(match.group(1)) * SIZE_UNITS[match.group(2).lower()])


def show_size(size: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


@dataclasses.dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one document (a file, a corpus row, a WARC page)."""

    # bytes a compressed document expands to: a .docx's members, a gzip corpus row, a WARC record
    max_bytes: int = 64 << 20
    max_pages: int = 2000  # pages of a PDF
    max_chars: int = 50_000_000  # characters of the text read (a 100 MB Chinese text has ~35 M)
    max_seconds: float = 300.0  # reading one document, then extracting it (where a timer can run)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Limits:
        """The defaults, each replaced by its ``MUBIAO_MAX_*`` variable when set."""
        environ = dict(os.environ if environ is None else environ)
        values = {}
        for field in dataclasses.fields(cls):
            name = f"MUBIAO_{field.name.upper()}"
            if environ.get(name, "").strip():
                try:
                    values[field.name] = PARSERS[field.name](environ[name])
                except ValueError as exc:
                    raise InputError(name, str(exc)) from exc
        return cls(**values)

    def replace(self, **changes: float | None) -> Limits:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _count(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(f"{value!r} is not a positive number")
    return number


def _seconds(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise ValueError(f"{value!r} is not a positive number of seconds")
    return number


PARSERS: dict[str, Callable[[str], float]] = {
    "max_bytes": parse_size,
    "max_pages": _count,
    "max_chars": _count,
    "max_seconds": _seconds,
}
WHAT = {
    "max_bytes": "decompressed per document",
    "max_pages": "pages per document",
    "max_chars": "characters per document",
    "max_seconds": "seconds per document",
}


class OverLimit(BadInput):
    """A document over one of its limits; the message names the limit and how to raise it."""

    def __init__(self, limit: str, allowed: float, found: str | None = None) -> None:
        if limit == "max_bytes":
            shown = show_size(int(allowed))
        else:
            shown = f"{int(allowed):,}" if allowed == int(allowed) else f"{allowed:g}"
        flag = "--" + limit.replace("_", "-")
        over = f"over the limit of {shown} {WHAT[limit]} (raise it with {flag} or MUBIAO_{limit.upper()})"
        super().__init__(f"{found}, {over}" if found else over)
        self.limit = limit


def check_chars(text: str, limits: Limits) -> str:
    if len(text) > limits.max_chars:
        raise OverLimit("max_chars", limits.max_chars, f"{len(text):,} characters")
    return text


def check_file_size(size: int, limits: Limits) -> None:
    """A plain file too large to hold ``max_chars`` characters, refused before it is read."""
    if size > limits.max_chars * MAX_BYTES_PER_CHAR:
        raise OverLimit("max_chars", limits.max_chars, f"{show_size(size)} of text")


def read_capped(read: Callable[[int], bytes], limits: Limits) -> bytes:
    """What ``read(n)`` gives, refused once it passes ``max_bytes`` (so at most that much is held)."""
    data = read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise OverLimit("max_bytes", limits.max_bytes)
    return data


@contextmanager
def deadline(limits: Limits) -> Iterator[None]:
    """Raises ``OverLimit`` in the block once it has run ``max_seconds``. A timer signal can only
    interrupt the main thread: elsewhere (the server's threads, Dask workers) the block runs
    unbounded, and those callers bound it themselves."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverLimit("max_seconds", limits.max_seconds)

    # An outer timer (an upload worker's limit) may be running: it keeps counting, and fires first
    # when it is due first, so a nested deadline can never extend the outer one.
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left <= limits.max_seconds:
        yield
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limits.max_seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 1e-3))


Result = TypeVar("Result")


def timed(function: Callable[..., Result], limits: Limits) -> Callable[..., Result]:
    """``function`` run under ``deadline(limits)`` (an extractor, for one document at a time)."""

    def run(*args: object) -> Result:
        with deadline(limits):
            return function(*args)

    return run
