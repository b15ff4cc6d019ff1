"""Command line: parses flags and calls the library. Each command lives in a module with
``add_parser(subparsers)``; the list below is the only place commands are registered."""
# The docstring above is for developers; users read DESCRIPTION.

from __future__ import annotations

import argparse
import importlib
import sys

from mubiao.ingest.errors import InputError

DESCRIPTION = (
    "Find the quantitative targets and outcomes that Chinese government work reports, plans, "
    "statistical bulletins and news state (GDP growth of about 5%, 1.2 million new urban jobs), "
    "as records with their indicator, value, period, region and the passage they come from."
)
EPILOG = "Start with `mubiao extract report.txt`; `mubiao COMMAND --help` describes each command."

COMMAND_MODULES = (
    "mubiao.commands.extract",
    "mubiao.commands.eval",
    "mubiao.commands.eval_track",
    "mubiao.commands.bench",
    "mubiao.commands.explain",
    "mubiao.commands.bench_scale",
    "mubiao.commands.serve",
    "mubiao.commands.loadcheck",
    "mubiao.commands.ingest",
    "mubiao.commands.reextract",
    "mubiao.commands.track",
    "mubiao.commands.export",
    "mubiao.commands.show",
    "mubiao.commands.indicators",
    "mubiao.commands.compile",
)


def build_parser() -> argparse.ArgumentParser:
    from mubiao import __version__

    parser = argparse.ArgumentParser(prog="mubiao", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"mubiao {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:  # refused before anything was read
        print(f"mubiao: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
