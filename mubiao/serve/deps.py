"""Dependencies of the routes: the store session, the settings and the token checks."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from mubiao.serve.settings import ServeSettings
from mubiao.serve.worker import UploadWorkers
from mubiao.store.db import Store

bearer = HTTPBearer(auto_error=False, description="the server's MUBIAO_API_TOKEN")


def get_settings(request: Request) -> ServeSettings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_upload_workers(request: Request) -> UploadWorkers:
    return request.app.state.upload_workers


def get_session(store: Annotated[Store, Depends(get_store)]) -> Iterator[Session]:
    with store.session() as session:
        yield session


SettingsDep = Annotated[ServeSettings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
UploadWorkersDep = Annotated[UploadWorkers, Depends(get_upload_workers)]
SessionDep = Annotated[Session, Depends(get_session)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _check_token(
    settings: ServeSettings, credentials: HTTPAuthorizationCredentials | None, what: str
) -> None:
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            f"{what} need the API token: send the header 'Authorization: Bearer <MUBIAO_API_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    assert settings.api_token is not None  # callers check
    if not secrets.compare_digest(credentials.credentials.encode(), settings.api_token.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the API token is not valid")


def require_read(settings: SettingsDep, credentials: Credentials) -> None:
    """Reads are open unless the server protects them (MUBIAO_PROTECT_READS)."""
    if settings.protect_reads:
        _check_token(settings, credentials, "reads on this server")


def require_write(settings: SettingsDep, credentials: Credentials) -> None:
    """Writes need the configured token; a server without one accepts no writes."""
    if not settings.api_token:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled: the server was started without MUBIAO_API_TOKEN",
        )
    _check_token(settings, credentials, "writes (upload, delete, re-extract, review)")
