"""Bytes to text, without crashing and without silently producing mojibake.

Order of evidence: a byte-order mark, then a charset the transport or the page declared, then
strict UTF-8 (most of the web), then UTF-16 recognised from its zero bytes, then a statistical
detector (charset-normalizer) for legacy code pages such as cp1251, koi8-r or latin-1. A
detector guess is accepted only if it decodes cleanly; otherwise the input is rejected as
undecodable rather than stored as garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from cleaners.model import Reject, RejectReason

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# File signatures of formats that are never page text.
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "icon"),
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
DETECTION_SAMPLE_BYTES = 64 * 1024
MAX_CONTROL_SHARE = 0.02
# Text codecs that no web page is written in; a charset naming one is ignored.
# (codecs.lookup names, hyphenated: "unicode-escape".)
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "mbcs"}
)
UTF16_MIN_ZERO_SHARE = 0.05
# UTF-8 text with a few stray bytes (a truncated upload, one bad character) is still UTF-8:
# replace those bytes rather than let a detector pick a legacy code page for the whole text.
MAX_STRAY_UTF8_SHARE = 0.001
MIN_STRAY_UTF8_BYTES = 3
# Encodings the web actually uses; a statistical guess outside them is usually wrong
# (iso8859-10 for Polish, say).
WEB_ENCODINGS = [
    "utf_8", "cp1252", "iso8859_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
    "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1253", "iso8859_7", "cp1254",
    "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257", "iso8859_13",
    "cp874", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5", "euc_kr",
]  # fmt: skip
# A few stray NULs occur in real pages; text with more than this share is binary.
MAX_NUL_SHARE = 0.01
MAX_REPLACEMENT_SHARE = 0.005
MAX_CHAOS = 0.2


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _normal_codec(name: str | None) -> str | None:
    """The codec a declared charset names, if it is a real text encoding ("undefined",
    "base64", "rot13" or a name with a NUL in it are not)."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError, UnicodeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: zeros sit on one parity only (every other byte for Latin text;
    the spaces and digits of Cyrillic or Greek text), and the bytes decode as letters."""
    if len(sample) < 16:
        return None
    half = len(sample) / 2
    even_zero = sample[0::2].count(0) / half
    odd_zero = sample[1::2].count(0) / half
    if odd_zero > UTF16_MIN_ZERO_SHARE and even_zero == 0:
        candidate = "utf-16-le"
    elif even_zero > UTF16_MIN_ZERO_SHARE and odd_zero == 0:
        candidate = "utf-16-be"
    else:
        return None
    text = sample[: len(sample) // 2 * 2].decode(candidate, errors="replace")
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return candidate if letters >= 0.7 * len(text) else None


def _binary_reason(content: bytes) -> str | None:
    for magic, name in _MAGIC:
        if content.startswith(magic):
            return name
    sample = content[:DETECTION_SAMPLE_BYTES]
    if sample.count(0) > MAX_NUL_SHARE * len(sample):
        return "contains NUL bytes"
    return None


def _strict(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeError, LookupError, ValueError):
        return None


def _too_many_controls(text: str) -> bool:
    sample = text[:DETECTION_SAMPLE_BYTES]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) / len(sample) > MAX_CONTROL_SHARE


def decode(content: bytes, declared: str | None = None) -> Decoded | Reject:
    """Decode page bytes to text, or say why they cannot be."""
    if not content.strip():
        return Reject(RejectReason.EMPTY, "no bytes" if not content else "only whitespace")
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            text = content[len(bom) :].decode(encoding, errors="replace")
            return Decoded(text, encoding)
    declared_codec = _normal_codec(declared)
    if declared_codec in ("utf-8", "ascii"):
        text = _strict(content, "utf-8")
        if text is not None:
            return _checked(text, "utf-8")
    utf16 = _looks_utf16(content[:DETECTION_SAMPLE_BYTES])
    if utf16:
        return Decoded(content.decode(utf16, errors="replace"), utf16)
    binary = _binary_reason(content)
    if binary:
        return Reject(RejectReason.BINARY, binary)
    content = content.replace(b"\x00", b"")
    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page declares:
    # legacy encodings almost never form valid multi-byte sequences by chance.
    for encoding in filter(None, ("utf-8", declared_codec)):
        text = _strict(content, encoding)
        if text is not None:
            return _checked(text, encoding)
    mostly_utf8 = content.decode("utf-8", errors="replace")
    stray_allowed = max(MIN_STRAY_UTF8_BYTES, MAX_STRAY_UTF8_SHARE * len(mostly_utf8))
    strays = mostly_utf8.count("\ufffd")
    # Only text that proves itself UTF-8 elsewhere (valid multi-byte characters) is read
    # as UTF-8 with a few bad bytes; a short cp1252 text has no such proof.
    proven = sum(1 for c in mostly_utf8 if ord(c) > 127 and c != "\ufffd") > strays
    if strays <= stray_allowed and proven and not declared:
        return _checked(mostly_utf8, "utf-8")
    return _detected(content)


def _checked(text: str, encoding: str) -> Decoded | Reject:
    if _too_many_controls(text):
        return Reject(RejectReason.BINARY, f"control characters after decoding as {encoding}")
    return Decoded(text, encoding)


# Code pages that differ in a handful of positions: detectors cannot tell them apart by
# statistics, but the right one turns those positions into letters, the wrong one into
# symbols ("gę¶l±" in cp1250 is "gęślą" in iso8859-2).
_SIBLINGS = (
    ("cp1250", "iso8859_2"),
    ("cp1252", "iso8859_15", "iso8859_1"),
    ("cp1251", "iso8859_5", "koi8_r", "koi8_u", "cp866", "mac_cyrillic"),
    ("cp1253", "iso8859_7"),
    ("cp1254", "iso8859_9"),
)


def _best_sibling(content: bytes, encoding: str) -> str:
    family = next((f for f in _SIBLINGS if encoding in f), None)
    if family is None:
        return encoding
    sample = content[:DETECTION_SAMPLE_BYTES]
    return max(family, key=lambda codec: (_letter_share(sample, codec), codec == encoding))


def _letter_share(sample: bytes, codec: str) -> float:
    """Share of the non-ASCII characters that are letters when decoded with `codec`."""
    text = sample.decode(codec, errors="replace")
    non_ascii = [c for c in text if ord(c) > 127]
    return sum(c.isalpha() for c in non_ascii) / len(non_ascii) if non_ascii else 0.0


def _detected(content: bytes) -> Decoded | Reject:
    best = from_bytes(content[:DETECTION_SAMPLE_BYTES], cp_isolation=WEB_ENCODINGS).best()
    if best is None or best.chaos > MAX_CHAOS:
        return Reject(RejectReason.UNDECODABLE, "no character set decodes these bytes cleanly")
    encoding = _best_sibling(content, _normal_codec(best.encoding) or best.encoding)
    text = content.decode(encoding, errors="replace")
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(text):
        return Reject(RejectReason.UNDECODABLE, f"too many invalid bytes for {encoding}")
    return _checked(text, encoding)
