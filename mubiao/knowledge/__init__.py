"""Knowledge as data: units, cue words, indicators. Loaded once, read-only."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``mubiao/knowledge/<name>.toml``."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
