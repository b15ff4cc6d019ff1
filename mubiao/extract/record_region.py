"""The record_region stage: whose number each value is (spec: "Whose number: the region of each
record"). Here, first, the document's region when the caller gave none: found in the title, the
document's name and the opening, as ingest finds it."""

from __future__ import annotations

from pathlib import PurePath

from mubiao.extract.doc import Doc
from mubiao.regions import find_region

STAGE = "record_region"


def document_region(doc: Doc) -> None:
    document = doc.document
    if document.region:
        return
    stem = PurePath(document.id).name.split(".")[0]
    names = [stem] if stem and not stem.isdigit() and stem != "-" else []
    found = find_region(doc.structure.title, document.text, names)
    if found:
        document.region, document.region_code = found.full_name, found.code


def read_regions(doc: Doc) -> None:
    document_region(doc)
    for reading in doc.readings:
        reading.trace.add(STAGE, "the document's region", doc.document.region or "")
