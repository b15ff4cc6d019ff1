"""What every command that reads documents shares: the input flags, a progress bar on a terminal,
one line per bad input and the closing summary."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from mubiao.ingest.base import DEFAULT_TEXT_COLUMN, IngestOptions, ReadError
from mubiao.ingest.limits import PARSERS, Limits, show_size


def published_flag(value: str) -> str:
    """``--published``: a calendar date, checked before anything is read."""
    from mubiao.ingest.metadata import checked_date

    try:
        return checked_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_input_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published",
        type=published_flag,
        help="publication date YYYY-MM-DD of every document (else read from each)",
    )
    parser.add_argument("--region", help="region name or code of every document (else found in each)")
    group = parser.add_argument_group("corpora (CSV/TSV, JSON Lines, Parquet): one document per row")
    group.add_argument(
        "--text-column",
        default=DEFAULT_TEXT_COLUMN,
        help="column with the text (default: %(default)s)",
    )
    group.add_argument("--id-column", help="column with the document id (default: id, doc_id, … if present)")
    group.add_argument(
        "--date-column", help="column with the publication date (default: published, publish_date, date, …)"
    )
    group.add_argument(
        "--region-column", help="column with the region name or code (default: region, province, city, …)"
    )
    group.add_argument("--title-column", help="column with the title (default: title, headline, …)")
    group.add_argument("--url-column", help="column with the URL (default: url, source_url, link, …)")
    limits = parser.add_argument_group(
        "limits per document (a document over one is refused with a line, the others are read)"
    )
    defaults = Limits()
    for name, metavar, help in (
        (
            "max_bytes",
            "SIZE",
            f"bytes a compressed document may expand to (default {show_size(defaults.max_bytes)})",
        ),
        ("max_pages", "N", f"pages of a PDF (default {defaults.max_pages})"),
        ("max_chars", "N", f"characters of a document's text (default {defaults.max_chars:,})"),
        ("max_seconds", "S", f"seconds to read and extract one document (default {defaults.max_seconds:g})"),
    ):
        limits.add_argument(
            "--" + name.replace("_", "-"),
            type=limit_flag(name),
            metavar=metavar,
            help=f"{help}; also MUBIAO_{name.upper()}",
        )
    parser.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="keep plain text exactly as decoded (page furniture not blanked out); offsets index the "
        "decoded file either way",
    )


def limit_flag(name: str) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            return PARSERS[name](value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc

    return parse


def options_from_args(args: argparse.Namespace) -> IngestOptions:
    """Reading options from the flags; limits from the flags, else the environment, else defaults."""
    names = {f.name for f in dataclasses.fields(IngestOptions)} - {"limits"}
    given = {k: v for k, v in vars(args).items() if k in names and v is not None}
    limits = Limits.from_env().replace(
        **{f.name: getattr(args, f.name, None) for f in dataclasses.fields(Limits)}
    )
    return IngestOptions(**given, limits=limits)


@dataclasses.dataclass
class Tally:
    read: int = 0
    skipped: int = 0
    failed: int = 0
    records: int = 0

    def summary(self) -> str:
        return f"{self.read} documents read, {self.skipped} skipped, {self.failed} failed; {self.records} records"


Item = TypeVar("Item")


def track(items: Iterable[Item | ReadError], tally: Tally, stream: Any = None) -> Iterator[Item]:
    """The documents of ``items`` (or what stands for each: a document with its records); each error
    is printed as one line (``mubiao: INPUT: REASON``) and counted. A progress bar is drawn when ``stream`` (default stderr) is a terminal."""
    stream = stream or sys.stderr
    bar = None
    if stream.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" docs", file=stream, dynamic_ncols=True, leave=False)

    def show(line: str) -> None:
        if bar is not None:
            bar.write(line, file=stream)
        else:
            print(line, file=stream)

    try:
        for item in items:
            document = item[0] if isinstance(item, tuple) else item  # (document, its records)
            for warning in getattr(document, "warnings", ()):
                show(f"mubiao: {document.id}: warning: {warning}")
            if isinstance(item, ReadError):
                if item.skipped:
                    tally.skipped += 1
                    line = f"mubiao: {item} (skipped)"
                else:
                    tally.failed += 1
                    line = f"mubiao: {item}"
                show(line)
            else:
                tally.read += 1
                yield item
            if bar is not None:
                bar.update(1)
                bar.set_postfix(records=tally.records, failed=tally.failed, refresh=False)
    finally:
        if bar is not None:
            bar.close()
