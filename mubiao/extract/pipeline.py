"""The public entry points of the extractor."""

from __future__ import annotations

from mubiao.record import Document, TargetRecord


def extract_document(document: Document) -> list[TargetRecord]:
    """Every target, outcome and estimate in ``document``, in text order."""
    return []


def extract(text: str, published: str | None = None, region: str | None = None, doc: str = "-") -> list[TargetRecord]:
    """Records of ``text``; ``published`` (YYYY-MM-DD) anchors 今年/去年, else it is read from the text."""
    return extract_document(Document(text=text, id=doc, published=published, region=region))
