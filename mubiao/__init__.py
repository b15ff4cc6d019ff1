"""mubiao: quantitative targets and outcomes in Chinese government and news texts."""

from mubiao import compiled

compiled.install()  # before the extractor's modules are imported: their builds where current (compiled.py)

from mubiao.extract.pipeline import extract, extract_document  # noqa: E402
from mubiao.record import Document, TargetRecord  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Document", "TargetRecord", "extract", "extract_document", "__version__"]
