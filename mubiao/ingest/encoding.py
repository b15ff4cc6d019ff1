"""Bytes → text: the encoding is detected (BOM, strict UTF-8, a declared charset that proves right,
then charset-normalizer). A text that decodes but for a few bytes is read with those bytes replaced
(U+FFFD) and a warning; a byte-order mark the bytes belie is ignored, with a warning."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from mubiao.ingest.base import BadInput

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings Chinese text comes in. GB2312 and GBK are read as GB18030, their superset, because pages
# that declare gb2312 routinely use characters outside it. A guess outside this list (a Latin or
# Cyrillic code page fits almost any bytes) is treated as a failure to decode, not as text.
SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "euc_cn": "gb18030",
    "big5": "big5hkscs",
}
CHINESE_OR_UNICODE = {
    "utf_8",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_32",
    "gb18030",
    "big5hkscs",
    "hz",
    "ascii",
}
SNIFF_BYTES = 8192
# "A few" undecodable bytes: at most one in a thousand (and 8 in any text). A text in the wrong
# encoding fails on most of its non-ASCII characters, far more than this.
FEW_BAD_PER_BYTE = 1 / 1000
FEW_BAD_AT_LEAST = 8
# UTF-8 with a few bad bytes is told from another encoding by its valid multi-byte characters: at
# least this many for each bad byte (GBK text read as UTF-8 has almost none).
UTF8_CHARS_PER_BAD_BYTE = 10
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def canonical(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None
    return SUPERSET.get(codec, codec)


def _common(ch: str) -> bool:
    """ASCII, CJK ideographs and punctuation, full-width forms: what Chinese text is made of."""
    code = ord(ch)
    return code < 0x80 or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: the byte order under which the text is made of common characters
    (the other order turns 中 into an unassigned code point and ASCII into U+xx00)."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if sample and sum(map(_common, sample)) >= len(sample) * 0.9:
            return text, codec
    return None


def _mostly_chinese(text: str) -> bool:
    """Chinese text is runs of ideographs. Latin-1 bytes read as GB18030 also give ideographs, but
    each one alone between Latin letters (Ökonomie → one ideograph + "onomie")."""
    sample = text[:20000]
    wide = [i for i, ch in enumerate(sample) if ord(ch) >= 0x80]
    if not wide or sum(_common(sample[i]) for i in wide) < len(wide) * 0.9:
        return False
    positions = set(wide)
    in_runs = sum(1 for i in wide if i - 1 in positions or i + 1 in positions)
    return in_runs >= len(wide) * 0.6


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters near the start."""
    head = data[:SNIFF_BYTES]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return b"\x00" in head or controls > len(head) * 0.05


def _with_few_replaced(data: bytes, codec: str) -> Decoded | None:
    """``data`` in ``codec`` with its undecodable bytes replaced by U+FFFD, if they are few."""
    escaped = data.decode(codec, "surrogateescape")
    bad = ESCAPED_BYTE.findall(escaped)
    if not bad or len(bad) > max(FEW_BAD_AT_LEAST, len(data) * FEW_BAD_PER_BYTE):
        return None
    if (
        codec == "utf_8"
        and sum(ord(ch) >= 0x80 for ch in escaped) - len(bad) < len(bad) * UTF8_CHARS_PER_BAD_BYTE
    ):
        return None
    first = ESCAPED_BYTE.search(escaped).start()  # type: ignore[union-attr]
    at = len(escaped[:first].encode(codec, "surrogateescape"))
    warning = f"{len(bad)} undecodable byte{'s' * (len(bad) > 1)} replaced with U+FFFD (the first at byte {at}), read as {codec}"
    return Decoded(ESCAPED_BYTE.sub("\ufffd", escaped), codec, (warning,))


def _without_bom(data: bytes, bom: bytes, codec: str, declared: str | None) -> Decoded:
    """A text whose byte-order mark does not decode it: read as if the mark were not there."""
    rest = decode(data[len(bom) :], declared)
    family = codec.replace("-", "_").removesuffix("_sig")
    if rest.encoding.startswith(family):
        return rest  # the mark was right; a few bad bytes were replaced
    warning = f"its {family} byte-order mark does not fit the bytes: ignored, read as {rest.encoding}"
    return Decoded(rest.text, rest.encoding, (warning, *rest.warnings))


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """The text of ``data`` and its encoding. ``declared`` is what the document says of itself (an
    HTML ``<meta charset>``, an HTTP header): used only when the bytes bear it out."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                return _without_bom(data, bom, codec, declared)
    if b"\x00" in data[:SNIFF_BYTES] and (found := _utf16_without_bom(data)) is not None:
        return Decoded(*found)
    if looks_binary(data):
        raise BadInput("binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf_8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if (
        utf8_error.start >= len(data) - 3
        and utf8_error.reason.startswith("unexpected end")
        and utf8_error.start > 0
    ):
        raise BadInput("truncated: ends inside a UTF-8 character") from utf8_error
    if mostly_utf8 := _with_few_replaced(data, "utf_8"):
        return mostly_utf8
    claimed = canonical(declared) if declared else None
    if claimed and claimed != "utf_8":
        try:
            return Decoded(data.decode(claimed), claimed)
        except UnicodeDecodeError:
            pass  # the declaration lies; detect instead
    from charset_normalizer import from_bytes

    # Markup-heavy pages can make a Latin code page the best guess; a Chinese candidate that decodes
    # cleanly is preferred, then GB18030 when what it decodes to is Chinese text.
    matches = list(from_bytes(data))
    candidates = [
        c for c in (canonical(m.encoding) for m in matches) if c in CHINESE_OR_UNICODE and c != "utf_8"
    ]
    for codec in dict.fromkeys([*candidates, "gb18030"]):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec in candidates or _mostly_chinese(text):
            return Decoded(text, codec)
    for codec in dict.fromkeys([*candidates, "gb18030"]):
        found = _with_few_replaced(data, codec)
        if found and (codec in candidates or _mostly_chinese(found.text)):
            return found
    guess = matches[0].encoding if matches else None
    raise BadInput(
        f"not valid UTF-8 at byte {utf8_error.start}, and not GB18030, Big5 or UTF-16 either"
        + (f" (looks like {guess})" if guess else "")
    )
