"""What a record's number measures: the indicator id of a name (``ids``), its normalised name
(``normalise``), the key every record carries (``key``) and the subject a bare head measures (``subject``)."""

from mubiao.taxonomy.ids import indicator_id, unit_fits
from mubiao.taxonomy.key import indicator_key
from mubiao.taxonomy.normalise import normalised_name
from mubiao.taxonomy.subject import is_bare_head, subject_name

__all__ = ["indicator_id", "indicator_key", "is_bare_head", "normalised_name", "subject_name", "unit_fits"]
