"""The FastAPI application: the REST API under /api, the web page at /, the docs at /docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mubiao import __version__
from mubiao.serve.limits import BodySizeLimit, RateLimit
from mubiao.serve.routes import documents, facets, pages, records, review, tracking
from mubiao.serve.routes.pages import STATIC
from mubiao.serve.settings import ServeSettings
from mubiao.serve.worker import UploadWorkers, WorkerLimits
from mubiao.store.db import Store, open_store

DESCRIPTION = """Quantitative targets and outcomes found in Chinese government and news texts.

Every record points into its document's text (`start`, `end`). Reads are open unless the server
protects them; writes need `Authorization: Bearer <MUBIAO_API_TOKEN>`. Errors are JSON
`{"detail": "..."}`; 413 for a body over the size limit, 429 over the rate limit."""

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Headers every response carries (no MIME sniffing, no referrer, no framing)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


def create_app(settings: ServeSettings | None = None, store: Store | None = None) -> FastAPI:
    """The application over ``store`` (else the store at ``settings.db_url``, opened and upgraded
    now and closed on shutdown)."""
    settings = settings or ServeSettings.from_env()
    own_store = store is None
    # a server that takes uploads may start from an empty store; a read-only one would serve it empty
    store = store or open_store(settings.db_url, create=settings.api_token is not None)

    workers = UploadWorkers(
        WorkerLimits(
            workers=settings.upload_workers,
            seconds=settings.upload_seconds,
            memory_bytes=settings.upload_memory_bytes,
        )
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        workers.close()
        if own_store:
            store.close()

    app = FastAPI(
        title="mubiao API",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.upload_workers = workers
    for module in (documents, records, review, tracking, facets, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # The last added runs first: headers on every answer, then the rate, then the body size,
    # all before anything parses a body.
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_upload_bytes)
    if settings.rate_limit_per_minute:
        app.add_middleware(RateLimit, per_minute=settings.rate_limit_per_minute)
    app.add_middleware(SecurityHeaders)
    return app


def server_config(app: FastAPI, host: str, port: int, **options: Any) -> Any:
    """uvicorn's configuration for ``app``: the client address (for the rate limit and the log) is
    the socket's peer, taken from X-Forwarded-For only when the peer is a configured trusted proxy
    (uvicorn by default trusts that header from loopback, where anyone on the machine connects)."""
    import uvicorn

    trusted: tuple[str, ...] = app.state.settings.trusted_proxies
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=bool(trusted),
        forwarded_allow_ips=",".join(trusted) or None,
        **options,
    )
