"""The extractor's modules compiled with Cython, each loaded compiled only where it was built from the
source beside it.

Compiling changes no behaviour: the same Python code runs without the interpreter's loop of bytecodes
(over the ten 2026 reports, the records are byte for byte those of the source, in about 15% less time).
``mubiao compile`` builds an extension for each module of EXTRACTION and writes the SHA-256 of the
source it was built from to BUILT; the import finder installed by ``install`` loads a module's extension
only where its source still has that digest, and its source otherwise, so that an edited module is never
shadowed by a stale build. Without a build (no C compiler, Cython not installed) every module is read
from its source. MUBIAO_PURE_PYTHON=1 in the environment loads every module from its source."""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from contextlib import chdir
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
# the digest of each compiled module's source, by module name, written by build()
BUILT = PACKAGE / "compiled.json"
# the packages and modules whose code every extraction runs (a module of a package: all but __init__)
EXTRACTION = ("mubiao.extract", "mubiao.numbers", "mubiao.firstchar", "mubiao.wordfinder")
PURE_PYTHON = "MUBIAO_PURE_PYTHON"
EXTENSION = importlib.machinery.EXTENSION_SUFFIXES[
    0
]  # the suffix this interpreter builds (.cpython-311-….so)


def extraction_modules() -> dict[str, Path]:
    """The source file of each module of EXTRACTION, by module name."""
    sources: dict[str, Path] = {}
    for name in EXTRACTION:
        path = PACKAGE.parent.joinpath(*name.split("."))
        if path.is_dir():
            for source in sorted(path.glob("*.py")):
                if source.stem != "__init__":
                    sources[f"{name}.{source.stem}"] = source
        else:
            sources[name] = path.with_suffix(".py")
    return sources


def _digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


def _built() -> dict[str, str]:
    try:
        return json.loads(BUILT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _extension(source: Path) -> Path:
    return source.with_name(source.stem + EXTENSION)


def _current(name: str, source: Path, built: dict[str, str]) -> bool:
    """Whether module ``name``'s extension exists and was built from ``source`` as it is now."""
    return name in built and _extension(source).exists() and built[name] == _digest(source)


class CompiledFinder(importlib.abc.MetaPathFinder):
    """Finds the modules of EXTRACTION: the extension where it was built from the source as it is now, the
    source otherwise (never an extension built from other source, which the default finder, trying
    extensions first, would load)."""

    def __init__(self, sources: dict[str, Path], built: dict[str, str]) -> None:
        self.sources, self.built = sources, built

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(name)
        if source is None:
            return None
        if _current(name, source, self.built):
            extension = _extension(source)
            loader = importlib.machinery.ExtensionFileLoader(name, str(extension))
            return importlib.util.spec_from_file_location(name, extension, loader=loader)
        return importlib.util.spec_from_file_location(name, source)


def install() -> None:
    """Put the finder before the default ones, once (with MUBIAO_PURE_PYTHON set, one that knows no build:
    every module from its source)."""
    if any(isinstance(f, CompiledFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(
        0, CompiledFinder(extraction_modules(), {} if os.environ.get(PURE_PYTHON) else _built())
    )


def status() -> dict[str, bool]:
    """Whether each module of EXTRACTION is loaded (or would load) compiled."""
    built = {} if os.environ.get(PURE_PYTHON) else _built()
    return {name: _current(name, source, built) for name, source in extraction_modules().items()}


def build(jobs: int = 2, force: bool = False) -> list[str]:
    """Compile each module of EXTRACTION whose extension is missing or was built from other source (every
    one with ``force``), and record the digests; the names of the modules compiled. Needs Cython and a C
    compiler (ImportError, or the compiler's error, otherwise); a build that fails records nothing: every
    module loads as it did before."""
    from Cython.Build import cythonize  # (only here: reading texts needs neither)
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    sources = extraction_modules()
    built = {} if force else _built()
    stale = {name: source for name, source in sources.items() if force or not _current(name, source, built)}
    if not stale:
        return []
    digests = {name: _digest(source) for name, source in stale.items()}  # of the source compiled
    with tempfile.TemporaryDirectory() as work, chdir(PACKAGE.parent):
        # (the C sources go to a scratch folder: only the extensions are kept beside the modules)
        extensions = cythonize(
            [str(source.relative_to(PACKAGE.parent)) for source in stale.values()],
            build_dir=work,
            nthreads=jobs,
            language_level=3,
            quiet=True,
            # binding: functions keep their names and signatures; annotation_typing off: a hint never
            # becomes a C type that would refuse a value the source accepts (None where float is written)
            compiler_directives={"binding": True, "annotation_typing": False},
        )
        for extension in extensions:  # no debugging symbols: a fifth of the size, built sooner
            extension.extra_compile_args.append("-g0")
        command = build_ext(Distribution({"ext_modules": extensions, "script_args": ["-q"]}))
        command.inplace, command.parallel, command.build_temp = True, jobs, work
        command.ensure_finalized()
        command.run()
    recorded = {name: digest for name, digest in _built().items() if name in sources} | digests
    partial = BUILT.with_suffix(".tmp")
    partial.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    partial.replace(BUILT)  # (whole or not at all: a reader never sees half a file)
    return sorted(stale)
