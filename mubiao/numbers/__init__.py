"""Numerals, scale words and units: text → value. Knows nothing about indicators."""

from mubiao.numbers.numerals import parse_numeral
from mubiao.numbers.scan import Mention, find_exclusions, find_mentions, parse_value

__all__ = ["Mention", "find_exclusions", "find_mentions", "parse_numeral", "parse_value"]
