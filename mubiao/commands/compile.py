"""mubiao compile [--check] [--force]: the extractor's modules compiled with Cython (mubiao/compiled.py)."""

from __future__ import annotations

import argparse
import sys

from mubiao import compiled


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "compile",
        help="compile the extractor with Cython (the same records, in less time)",
        description="Builds an extension for each module of the extractor whose build is missing or was made "
        "from other source; a module is loaded compiled only while its source is the one it was built from.",
    )
    p.add_argument("--check", action="store_true", help="only say which modules load compiled")
    p.add_argument("--force", action="store_true", help="build every module again")
    p.add_argument("--jobs", type=int, default=2, help="modules compiled at once (default: 2)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.check:
        try:
            made = compiled.build(jobs=args.jobs, force=args.force)
        except ImportError as exc:
            print(f"mubiao compile: {exc} (pip install 'mubiao[speed]')", file=sys.stderr)
            return 1
        except Exception as exc:  # the compiler's own errors (a missing compiler or header) are its messages
            print(
                f"mubiao compile: the build failed, every module loads from its source: {exc}",
                file=sys.stderr,
            )
            return 1
        print(
            f"compiled {len(made)} modules"
            + (f": {', '.join(made)}" if made else " (every build is current)")
        )
    loaded = compiled.status()
    source = [name for name, built in loaded.items() if not built]
    print(f"{len(loaded) - len(source)} of {len(loaded)} modules of the extractor load compiled")
    for name in source:
        print(f"  from source: {name}")
    return 0 if args.check or not source else 1
