"""Uploads read and extracted in worker processes, each bounded in time and memory.

Reading a file and extracting its records is pure Python: in a thread of the server it would hold
the interpreter lock for as long as it takes, and every other request would wait. In a process of
its own it cannot slow the server, and a hostile file meets the worker's limits, not the server's:
an address-space limit (RLIMIT_AS) on the process, and a timer in it that stops the work after the
time limit. Should the timer not get through (code stuck in a C call), the server kills the worker
a little later and starts a fresh one.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import FrameType
from typing import Any, TypeVar

from mubiao.serve.errors import UploadError

T = TypeVar("T")

# How long after the time limit a worker that ignored its own timer is killed.
GRACE_SECONDS = 5.0
# How long new workers may take to start (a loaded machine imports slowly); not part of any limit.
STARTUP_SECONDS = 300.0


class ServerBusy(UploadError):
    """Every worker is busy for longer than an upload may take: the client should retry."""

    status = 503


@dataclass(frozen=True, slots=True)
class WorkerLimits:
    workers: int = 1  # uploads worked on at the same time
    seconds: float = 60.0  # time to read and extract one file
    memory_bytes: int = 1024 << 20  # address space of a worker process


class _TimeUp(BaseException):
    """Not an Exception: the readers' and the extractor's own handlers must not swallow it."""


def _start_worker(memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    import mubiao.extract.pipeline  # noqa: F401 — loaded once per worker, not on its first upload


def _ready() -> None:
    """A task that returns once a worker has started."""


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _TimeUp


def _timed(seconds: float, work: Callable[..., T], *args: Any) -> T:
    """``work(*args)`` in the worker, stopped by a timer after ``seconds``; a file that needs more
    time or memory than allowed is an ``UploadError`` saying which."""
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return work(*args)
    except _TimeUp:
        raise UploadError(f"the file took longer than the limit of {seconds:g} s to read") from None
    except MemoryError:
        raise UploadError("the file needs more memory to read than the server allows") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class UploadWorkers:
    """A pool of ``limits.workers`` processes, started on first use."""

    def __init__(self, limits: WorkerLimits) -> None:
        self.limits = limits
        self._free = threading.BoundedSemaphore(limits.workers)
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a forked copy of a server with running threads may inherit held locks
                self._pool = ProcessPoolExecutor(
                    self.limits.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self.limits.memory_bytes,),
                )
                # started before the first upload is timed, so that its limit counts working time
                self._pool.submit(_ready).result(timeout=STARTUP_SECONDS)
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        """Kill ``pool``'s processes (the next upload starts new ones)."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        # The executor cannot stop a running call; its processes are killed instead.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def run(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` in a worker within the limits; blocks the calling thread (call it from a
        thread of the server's pool, never from the event loop)."""
        # Wait for a free worker first, so that the time limit counts working time only.
        if not self._free.acquire(timeout=self.limits.seconds):
            raise ServerBusy("the server is busy reading other uploads; try again shortly")
        try:
            pool = self._executor()
            future: Future[T] = pool.submit(_timed, self.limits.seconds, work, *args)
            try:
                return future.result(timeout=self.limits.seconds + GRACE_SECONDS)
            except FutureTimeout:
                self._discard(pool)
                raise UploadError(
                    f"the file took longer than the limit of {self.limits.seconds:g} s to read"
                ) from None
            except BrokenProcessPool:
                self._discard(pool)
                raise UploadError("the worker reading the file stopped (out of memory?)") from None
        finally:
            self._free.release()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
