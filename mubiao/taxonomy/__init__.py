"""What a record's number measures: the indicator id of a name (``ids``), its normalised name
(``normalise``) and the key every record carries (``key``)."""

from mubiao.taxonomy.ids import indicator_id, unit_fits
from mubiao.taxonomy.key import indicator_key
from mubiao.taxonomy.normalise import normalised_name

__all__ = ["indicator_id", "indicator_key", "normalised_name", "unit_fits"]
