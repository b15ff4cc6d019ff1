"""Arabic and Chinese numerals → float (三百 → 300, 一百零四万 → 1040000, 1,234.5 → 1234.5)."""

from __future__ import annotations

from functools import lru_cache

from mubiao.knowledge import load

_NUMERALS = load("numerals")
DIGITS: dict[str, int] = _NUMERALS["digits"]
CHINESE_DIGITS: str = _NUMERALS["writing"]["positional"]
SMALL_UNITS: dict[str, int] = _NUMERALS["small_units"]
LARGE_UNITS: dict[str, int] = _NUMERALS["large_units"]
DECIMAL_POINT: str = _NUMERALS["writing"]["decimal_point"]
MORE: str = _NUMERALS["writing"]["more"]
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)

# Full-width forms are mapped one to one, so offsets into the mapped text stay true.
# (The full-width comma is left alone: between digits it separates clauses, not thousands.)
# A full-width form is its ASCII character shifted by U+FEE0 (U+FF10 is 0).
NARROW = "0123456789%.-~"
WIDE = "".join(chr(ord(ch) + 0xFEE0) for ch in NARROW)


WIDTH_PAIRS = tuple(zip(WIDE, NARROW, strict=True))


def narrow(text: str) -> str:
    """``text`` with full-width digits and signs as ASCII, one to one (offsets stay true). (Each
    character is looked for and replaced by itself: str.translate looks every character of a long
    text up in a dict, several times slower.)"""
    for wide, ascii_form in WIDTH_PAIRS:
        if wide in text:
            text = text.replace(wide, ascii_form)
    return text


def _parse_chinese(text: str) -> float:
    total = 0.0  # finished groups above 万/亿
    section = 0.0  # the group below the next 万/亿
    digit = None
    last_unit = 1  # the unit just written, for the colloquial 一万二 (= 12000)
    zero_seen = False
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
            zero_seen = zero_seen or digit == 0
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
            last_unit = SMALL_UNITS[ch]
        elif ch in LARGE_UNITS:
            section += digit or 0
            digit = None
            scale = LARGE_UNITS[ch]
            if section == 0 and total and total < scale:
                total *= scale  # 万亿: 亿 right after 万 scales the whole
            elif scale > 10_000 and total and total < scale:
                total = (total + section) * scale  # 三万五千亿
            else:
                total += (section or 1) * scale
            section = 0
            last_unit = scale
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if digit and last_unit >= 100 and not zero_seen:
        return total + section + digit * last_unit / 10
    return total + section + (digit or 0)


@lru_cache(maxsize=4096)  # (a text writes the same few hundred numerals again and again)
def parse_numeral(text: str) -> float:
    """The value of an Arabic, Chinese or digit-by-digit numeral (二〇二六 → 2026)."""
    if text.isascii() and (text.isdigit() or text.replace(".", "", 1).isdigit()):
        return float(text)  # (most numerals: digits, or a decimal with one point)
    text = narrow(text).replace(",", "").replace(" ", "").replace("\u3000", "")
    if not text:
        raise ValueError("empty numeral")
    if text[0].isdigit() or text[0] == ".":
        if not text.replace(".", "").isdigit():  # 1万6千, 1亿3千万: digits written into a Chinese numeral
            digits = text.replace(MORE, "")  # 1亿3千多万: the 多 bounds the value, it adds nothing
            return _parse_chinese("".join(CHINESE_DIGITS[int(c)] if c.isdigit() else c for c in digits))
        return float(text)
    if DECIMAL_POINT in text:
        whole, _, frac = text.partition(DECIMAL_POINT)
        return parse_numeral(whole) + float("0." + "".join(str(DIGITS[c]) for c in frac))
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        return float("".join(str(DIGITS[c]) for c in text))
    return _parse_chinese(text)
