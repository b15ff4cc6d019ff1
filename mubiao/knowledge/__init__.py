"""Knowledge as data: units, cue words, indicators. One loader for every file here, TOML or TSV;
loaded once, read-only."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML file ``mubiao/knowledge/<name>.toml``."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the TSV file ``mubiao/knowledge/<name>.tsv``, keyed by its header; lines starting
    with ``#`` are comments."""
    with resources.files(__package__).joinpath(f"{name}.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))
