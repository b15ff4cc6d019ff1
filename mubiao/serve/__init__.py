"""The web page and REST API over a store (``mubiao serve``)."""

from mubiao.serve.app import create_app
from mubiao.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
