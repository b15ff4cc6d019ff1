"""No knowledge word is left in the extractor's code (issue 11): a Chinese word, numeral or mark in a
string literal of an extractor module belongs in a file of mubiao/knowledge, as a row with an
example. Docstrings and comments may quote Chinese; a character written as an escape (the range
\\u4e00-\\u9fff of a character class) is no word. The allow-list is checked both ways: a module
listed that no longer holds such a literal fails too (take it off the list)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mubiao"
EXTRACTOR = sorted(
    path
    for pattern in ("extract/*.py", "numbers/*.py", "ingest/*.py", "taxonomy/*.py", "regions.py")
    for path in PACKAGE.glob(pattern)
)
# Han characters, the CJK marks (、。《》【】 and the ideographic space), full-width forms (，：０％)
CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# string tokens; from Python 3.12 an f-string's text is a token of its own (FSTRING_MIDDLE)
LITERALS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
# modules whose words are still in code, and why (none now: every extractor module reads its words from the
# knowledge files; a module put here needs a reason)
ALLOWED: dict[str, str] = {}


def _docstrings(tree: ast.Module) -> set[tuple[int, int]]:
    """Where each docstring of the module, its classes and functions starts."""
    starts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                starts.add((first.lineno, first.col_offset))
    return starts


def cjk_literals(path: Path) -> list[str]:
    """The string literals of ``path`` (docstrings aside) written with a CJK character, as line: text."""
    source = path.read_text(encoding="utf-8")
    docstrings = _docstrings(ast.parse(source))
    return [
        f"{token.start[0]}: {token.string}"
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type in LITERALS and token.start not in docstrings and CJK.search(token.string)
    ]


def test_the_check_finds_a_word_in_code(tmp_path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""文档"""\n# 注释\nA = "[\\u4e00-\\u9fff]"\nB = re.compile(r"(\\d+)年")\n', encoding="utf-8"
    )
    assert cjk_literals(module) == ['4: r"(\\d+)年"']


@pytest.mark.parametrize("path", EXTRACTOR, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_knowledge_word_in_extractor_code(path: Path) -> None:
    name = str(path.relative_to(PACKAGE))
    found = cjk_literals(path)
    if name in ALLOWED:
        assert found, f"{name} holds no CJK literal any more: take it off ALLOWED"
    else:
        assert not found, f"{name}: move these words into mubiao/knowledge (rows with examples): {found}"


def test_knowledge_files_are_read_by_the_one_loader() -> None:
    """Every file of mubiao/knowledge is read by mubiao.knowledge (load, rows): no module names one of
    them to open it by its own path (three modules did, each its own way)."""
    names = [path.name for path in (PACKAGE / "knowledge").iterdir() if path.suffix in (".toml", ".tsv")]
    opened = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if path.parent.name != "knowledge"
        for name in names
        if f'"{name}"' in path.read_text(encoding="utf-8")
    ]
    assert names
    assert not opened, opened
