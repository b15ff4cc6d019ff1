"""The web page and the API documentation, both served from vendored assets (no CDN)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(include_in_schema=False)

STATIC = resources.files("mubiao.serve") / "static"

# The page builds its DOM from data with textContent only; the policy is a second line of
# defence: no inline or foreign scripts, no plugins, no framing.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(
        str(STATIC / "index.html"),
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": PAGE_POLICY, "Cache-Control": "no-cache"},
    )


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title="mubiao API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
