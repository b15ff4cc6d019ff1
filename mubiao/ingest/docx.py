"""Word documents (.docx): paragraphs and tables in document order, one line each (table cells
separated by tabs)."""

from __future__ import annotations

import io
import zipfile

from mubiao.ingest.base import BadInput, IngestOptions
from mubiao.ingest.limits import OverLimit, show_size
from mubiao.record import Document


def check_expanded_size(data: bytes, options: IngestOptions) -> None:
    """Refuses a Word file whose members expand past ``max_bytes`` before any is expanded. The sizes
    the archive declares bound what is read: zipfile stops a member at its declared size and fails
    its checksum if the data goes on, so a lying size makes a corrupt file, never a larger one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise BadInput(f"not a valid DOCX file, corrupt or truncated ({type(exc).__name__})") from exc
    if expanded > options.limits.max_bytes:
        raise OverLimit("max_bytes", options.limits.max_bytes, f"expands to {show_size(expanded)}")


def read(data: bytes, doc_id: str, options: IngestOptions) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    check_expanded_size(data, options)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = list(
                        dict.fromkeys(cell.text.strip() for cell in row.cells)
                    )  # merged cells repeat
                    lines.append("\t".join(cells))
            else:
                lines.append(block.text)
        title = document.core_properties.title or None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError, EOFError) as exc:
        raise BadInput(f"not a valid DOCX file, corrupt or truncated ({type(exc).__name__})") from exc
    return Document(text="\n".join(lines).strip("\n"), id=doc_id, title=title)
