"""Gold records from a store's reviewed documents: the records people decided, in the spec's
format with offsets, and the texts they index. ``mubiao export --gold`` writes them as files,
``mubiao eval --db`` scores against them directly; both read them here, so they agree.

A document is gold when a person decided every one of its records (none left to the machine,
none changed since review): a partly reviewed document would count the records nobody looked at
as false hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mubiao.store.db import Store
from mubiao.store.models import DocumentRow
from mubiao.store.reviewed import finished_documents, progress

# fields of the stored record that come from the document's metadata, not the gold's judgement
NOT_GOLD = ("region_code", "published", "page")


@dataclass(slots=True)
class StoreGold:
    records: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # gold document name → text
    partly_reviewed: int = 0  # documents with some decisions, left out


def document_name(row: DocumentRow) -> str:
    """A file name for the document's text: its id and the last part of its key, always ``.txt``
    (a stored text is plain text whatever it was read from)."""
    stem = re.sub(r"[^\w.\-]+", "_", row.key.rstrip("/").rsplit("/", 1)[-1]).strip("._") or "document"
    return f"{row.id}-{stem.removesuffix('.txt')[:80]}.txt"


def gold_from_store(store: Store) -> StoreGold:
    gold = StoreGold()
    with store.session() as session:
        done = finished_documents(session=session)
        gold.partly_reviewed = sum(
            1 for doc, (reviewed, _total) in progress(session=session).items() if reviewed and doc not in done
        )
        for document_id, records in done.items():
            row = session.get_one(DocumentRow, document_id)
            name = document_name(row)
            gold.texts[name] = row.text
            for record in sorted(records, key=lambda r: (r.start, r.end)):
                out = {k: v for k, v in record.to_dict().items() if k not in NOT_GOLD}
                gold.records.append({**out, "doc": name})
    return gold


def write_gold(gold: StoreGold, directory: Path) -> list[Path]:
    """``gold.jsonl`` and the texts under ``docs/``: ``mubiao eval DIR/gold.jsonl --docs DIR/docs``."""
    import json

    docs = directory / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in gold.texts.items():
        path = docs / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    path = directory / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold.records), encoding="utf-8")
    return [path, *written]
