"""The README's examples run, and its first two commands are the ones CI and users run."""

from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_examples_run() -> None:
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_readme_starts_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert [line.split()[0] for line in block] == ["scripts/run.sh", "scripts/test.sh"]
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    from mubiao.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    subcommands = build_parser()._subparsers._group_actions[0]
    undocumented = [name for name in subcommands.choices if f"`mubiao {name}" not in readme]
    assert not undocumented, f"commands missing from the README's table: {undocumented}"
    without_help = [a.dest for a in subcommands._choices_actions if not a.help]
    assert not without_help, f"commands without a help line: {without_help}"
