"""The extractor's modules compiled with Cython (mubiao/compiled.py): built by scripts/setup.sh, loaded
only where built from the source as it is, and giving the records the source gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mubiao import compiled, extract_document
from mubiao.cli import main
from mubiao.record import Document

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    *sorted((ROOT / "corpus").glob("2026_*.txt"))[:3],
    *sorted((ROOT / "corpus" / "city").glob("2024_*.txt"))[:3],
    *sorted((ROOT / "corpus" / "province").glob("*.txt"))[:2],
]
# the records of TEXTS, printed by a process that reads every module from its source
PURE_RECORDS = """
import json, sys
from pathlib import Path
from mubiao import extract_document
from mubiao.record import Document
for path in sys.argv[1:]:
    for r in extract_document(Document(text=Path(path).read_text(encoding="utf-8"), id=path)):
        print(json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True))
"""


def test_setup_compiled_every_module_of_the_extractor() -> None:
    # scripts/setup.sh runs `mubiao compile` (CI has Cython and a C compiler): a module left to its source
    # here is one the build missed or one edited since (run `mubiao compile`)
    assert all(compiled.status().values()), [n for n, built in compiled.status().items() if not built]
    names = sys.modules["mubiao.extract.names"]
    assert names.__file__.endswith(compiled.EXTENSION), names.__file__


def test_compiled_modules_give_the_records_of_the_source() -> None:
    assert len(TEXTS) == 8
    env = dict(os.environ, **{compiled.PURE_PYTHON: "1"})
    pure = subprocess.run(
        [sys.executable, "-c", PURE_RECORDS, *map(str, TEXTS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    here = [
        json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True)
        for path in TEXTS
        for r in extract_document(Document(text=path.read_text(encoding="utf-8"), id=str(path)))
    ]
    assert len(here) > 1000
    assert here == pure
    loaded = subprocess.run(
        [sys.executable, "-c", "import mubiao, sys; print(sys.modules['mubiao.extract.names'].__file__)"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert loaded.strip().endswith("names.py"), loaded  # (the records above were the source's)


def test_a_build_of_other_source_is_never_loaded(tmp_path) -> None:
    source = compiled.extraction_modules()["mubiao.extract.names"]
    current = compiled._digest(source)
    stale = compiled.CompiledFinder({"mubiao.extract.names": source}, {"mubiao.extract.names": "0" * 64})
    assert stale.find_spec("mubiao.extract.names", None).origin == str(source)
    fresh = compiled.CompiledFinder({"mubiao.extract.names": source}, {"mubiao.extract.names": current})
    assert fresh.find_spec("mubiao.extract.names", None).origin.endswith(compiled.EXTENSION)
    never_built = compiled.CompiledFinder({"mubiao.extract.names": source}, {})
    assert never_built.find_spec("mubiao.extract.names", None).origin == str(source)
    assert (
        fresh.find_spec("mubiao.record", None) is None
    )  # not a module of the extractor: the default finders'


def test_every_module_of_the_extraction_packages_is_listed() -> None:
    modules = compiled.extraction_modules()
    assert {"mubiao.extract.pipeline", "mubiao.numbers.scan", "mubiao.firstchar"} <= set(modules)
    assert not any(name.endswith("__init__") for name in modules)
    assert all(path.is_file() for path in modules.values())


def test_compile_check_says_how_many_modules_load_compiled(capsys) -> None:
    assert main(["compile", "--check"]) == 0
    out = capsys.readouterr().out
    total = len(compiled.extraction_modules())
    assert f"{total} of {total} modules of the extractor load compiled" in out
