"""Inputs → files: directories (recursively), globs and ``-`` (standard input); and each file's format,
from its name, else from its first bytes."""

from __future__ import annotations

import atexit
import glob
import gzip
import os
import shutil
import sys
import tempfile
import zipfile
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

from mubiao.ingest.errors import InputError

# Extension (lower case, longest first when compound) → format.
EXTENSIONS = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".arc.gz": "warc",
    ".csv.gz": "csv",
    ".tsv.gz": "tsv",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
CORPUS_FORMATS = {"csv", "tsv", "jsonl", "parquet", "warc"}
STDIN = "-"


def format_by_name(path: str) -> str | None:
    name = path.lower()
    return next((fmt for ext, fmt in EXTENSIONS.items() if name.endswith(ext)), None)


def sniff(path: str) -> str:
    """The format of a file whose name does not tell, from its first bytes."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as handle:
                head = handle.read(4096)
        except (OSError, EOFError):
            return "txt"
        if head.startswith(b"WARC/"):
            return "warc"
        return "jsonl" if head.lstrip().startswith(b"{") else "gz"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PK") and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "docx" if "word/document.xml" in archive.namelist() else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
        return "html"
    return "txt"


def detect_format(path: str) -> str:
    if path == STDIN:
        return sniff(stdin_file())
    return format_by_name(path) or sniff(path)


@cache
def stdin_file() -> str:
    """Standard input, copied once to a temporary file (in chunks), so that every reader can read it
    like any other file."""
    with tempfile.NamedTemporaryFile(prefix="mubiao-stdin-", delete=False) as handle:
        shutil.copyfileobj(sys.stdin.buffer, handle, 1 << 20)
    atexit.register(os.unlink, handle.name)
    return handle.name


def local_path(path: str) -> str:
    return stdin_file() if path == STDIN else path


def document_name(path: str) -> str:
    """``path`` as text that every output takes (JSON Lines, CSV, a database, a terminal). A file name
    whose bytes are not UTF-8 (a GBK name unpacked from a Windows ZIP archive) reaches Python with
    its bytes as lone surrogates, which no UTF-8 writer accepts: each part of the path is decoded as
    UTF-8, else as GB18030, else with its undecodable bytes shown as U+FFFD."""
    if not any("\udc80" <= c <= "\udcff" for c in path):
        return path
    return "/".join(_decoded(part) for part in os.fsencode(path).split(b"/"))


def _decoded(part: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return part.decode(encoding)
        except UnicodeDecodeError:
            pass
    return part.decode("utf-8", "replace")


def _walk(directory: Path) -> list[str]:
    """Readable files under ``directory``, sorted; hidden files and unknown formats left out. A
    directory that cannot be listed is kept in its place, so that reading it reports why."""
    found: list[str] = []

    def unreadable(error: OSError) -> None:
        found.append(str(error.filename))

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and format_by_name(name) not in (None, "doc"):
                found.append(os.path.join(root, name))
    return found


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files to read, in the order given: a directory is walked recursively, a glob is expanded
    (sorted), ``-`` stays ``-``. A name that is neither is kept, so that reading it reports why."""
    files: list[str] = []
    for item in inputs:
        if item == STDIN:
            files.append(item)
        elif os.path.isdir(item):
            files.extend(_walk(Path(item)))
        elif not os.path.exists(item) and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            files.extend(m for f in matches for m in (_walk(Path(f)) if os.path.isdir(f) else [f]))
            if not matches:
                files.append(item)
        else:
            files.append(item)
    seen: set[str] = set()
    return [f for f in files if not (f in seen or seen.add(f))]


def _inputs_named(item: str) -> list[str]:
    """The paths an input names: itself, or what its glob matches now."""
    if item == STDIN:
        return []
    if not os.path.exists(item) and glob.has_magic(item):
        return glob.glob(item, recursive=True)
    return [item]


def check_output(output: str, inputs: list[str]) -> None:
    """Refuses (``InputError``) an output path that is an input, lies inside an input directory or
    holds an input, or that a glob among the inputs matches: writing it would destroy an input or
    feed the output back in as one. Checked before anything is read or written."""
    target = Path(output).resolve()
    for item in inputs:
        if glob.has_magic(item) and not os.path.exists(item) and fnmatch(str(target), os.path.abspath(item)):
            raise InputError(output, f"the output would match the input {item}; write it elsewhere")
        for named in _inputs_named(item):
            source = Path(named).resolve()
            if source == target or (target.exists() and source.exists() and os.path.samefile(source, target)):
                raise InputError(output, f"the output is the input {item}; write it elsewhere")
            if source in target.parents:
                raise InputError(
                    output, f"the output is inside the input directory {item}; write it elsewhere"
                )
            if target in source.parents:
                raise InputError(output, f"the output directory holds the input {item}; write it elsewhere")
