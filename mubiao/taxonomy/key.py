"""The indicator key of a record: its indicator id when the name has one, else its normalised
name. Records of the same indicator share a key across documents, regions and years, so that
the store, tracking and the page can group them even when the taxonomy has no id for them."""

from __future__ import annotations

from functools import lru_cache

from mubiao.taxonomy.ids import indicator_id
from mubiao.taxonomy.normalise import normalised_name


@lru_cache(maxsize=8192)
def indicator_key(indicator_text: str) -> str | None:
    """成都市新建5G基站 and 新增5G基站 → 5G基站; 全市地区生产总值 → gdp; None for a record with no name."""
    if not indicator_text:
        return None
    name = normalised_name(indicator_text)
    # A name with a qualifier after it (一般预算收入可比) has its id once the qualifier is gone.
    return indicator_id(indicator_text) or indicator_id(name) or name or None
