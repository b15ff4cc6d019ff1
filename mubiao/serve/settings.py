"""The web server's settings: one object, filled from the environment and then from CLI flags."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from mubiao.store.db import DEFAULT_URL


@dataclass(frozen=True, slots=True)
class ServeSettings:
    # SQLAlchemy URL of the store (MUBIAO_DB)
    db_url: str = DEFAULT_URL
    # bearer token that writes (upload, delete, re-extract) must carry (MUBIAO_API_TOKEN);
    # None disables writes altogether
    api_token: str | None = None
    # when true, reads need the token too (MUBIAO_PROTECT_READS=1)
    protect_reads: bool = False
    # largest accepted request body, in bytes (MUBIAO_MAX_UPLOAD_MB, in MiB)
    max_upload_bytes: int = 20 * 1024 * 1024
    # API requests allowed per client address per minute; 0 turns the limit off (MUBIAO_RATE_LIMIT)
    rate_limit_per_minute: int = 600
    # addresses of reverse proxies whose X-Forwarded-For names the client (MUBIAO_TRUSTED_PROXIES,
    # comma-separated); otherwise the client is the socket's peer, whatever the headers say
    trusted_proxies: tuple[str, ...] = ()
    # uploads read and extracted at the same time, each in a process of its own (MUBIAO_UPLOAD_WORKERS)
    upload_workers: int = 1
    # time to read and extract one upload, in seconds (MUBIAO_UPLOAD_SECONDS)
    upload_seconds: float = 60.0
    # memory (address space) of a process reading an upload, in bytes (MUBIAO_UPLOAD_MEMORY_MB, in MiB)
    upload_memory_bytes: int = 1024 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.protect_reads and not self.api_token:
            raise ValueError("protect_reads needs an API token (set MUBIAO_API_TOKEN)")
        if self.max_upload_bytes <= 0:
            raise ValueError("max_upload_bytes must be positive")
        if self.rate_limit_per_minute < 0:
            raise ValueError("rate_limit_per_minute must be 0 (off) or positive")
        if self.upload_workers < 1 or self.upload_seconds <= 0 or self.upload_memory_bytes < 64 << 20:
            raise ValueError("uploads need at least 1 worker, a positive time and 64 MiB of memory")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> ServeSettings:
        """Settings from MUBIAO_* variables; keyword overrides that are not None win."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if env.get("MUBIAO_DB"):
            values["db_url"] = env["MUBIAO_DB"]
        if env.get("MUBIAO_API_TOKEN"):
            values["api_token"] = env["MUBIAO_API_TOKEN"]
        if env.get("MUBIAO_PROTECT_READS"):
            values["protect_reads"] = env["MUBIAO_PROTECT_READS"].strip().lower() in (
                "1",
                "true",
                "yes",
                "on",
            )
        if env.get("MUBIAO_MAX_UPLOAD_MB"):
            values["max_upload_bytes"] = int(float(env["MUBIAO_MAX_UPLOAD_MB"]) * 1024 * 1024)
        if env.get("MUBIAO_RATE_LIMIT"):
            values["rate_limit_per_minute"] = int(env["MUBIAO_RATE_LIMIT"])
        if env.get("MUBIAO_TRUSTED_PROXIES"):
            values["trusted_proxies"] = tuple(
                a.strip() for a in env["MUBIAO_TRUSTED_PROXIES"].split(",") if a.strip()
            )
        if env.get("MUBIAO_UPLOAD_WORKERS"):
            values["upload_workers"] = int(env["MUBIAO_UPLOAD_WORKERS"])
        if env.get("MUBIAO_UPLOAD_SECONDS"):
            values["upload_seconds"] = float(env["MUBIAO_UPLOAD_SECONDS"])
        if env.get("MUBIAO_UPLOAD_MEMORY_MB"):
            values["upload_memory_bytes"] = int(float(env["MUBIAO_UPLOAD_MEMORY_MB"]) * 1024 * 1024)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
