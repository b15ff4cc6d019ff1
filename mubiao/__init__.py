"""mubiao: quantitative targets and outcomes in Chinese government and news texts."""

from mubiao.extract.pipeline import extract, extract_document
from mubiao.record import Document, TargetRecord

__version__ = "0.1.0"
__all__ = ["Document", "TargetRecord", "extract", "extract_document", "__version__"]
