"""Content sniffing shared by the local readers and feed/sitemap discovery.

File extensions lie or are missing (saved pages named `index`, WARCs renamed `.dat`), and
servers mislabel payloads, so every reader that has to guess looks at the first bytes
through this one function and therefore guesses the same way.
"""

from __future__ import annotations

HTML = "text/html"
XHTML = "application/xhtml+xml"
TEXT = "text/plain"
WARC = "application/warc"
GZIP = "application/gzip"
BINARY = "application/octet-stream"

#: How many leading bytes callers should pass to `sniff_media_type`.
SNIFF_BYTES = 1024

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/1."
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Formats whose magic is printable ASCII (so the control-character test would call them
# text) or that are common in downloaded folders: we never want to clean these as articles.
_BINARY_MAGICS = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"RIFF",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"OggS",
    b"ID3",
    b"wOFF",
    b"wOF2",
    b"\x00\x00\x01\x00",
    b"PAR1",
    b"SQLite format 3",
)

_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body")
# Control bytes that do appear in real text files (tab, newlines, form feed, backspace, ESC).
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
# Share of other control bytes above which a head is binary; legacy 8-bit encodings use
# bytes >= 0x80 freely, so only C0 controls count against a file.
_MAX_CONTROL_SHARE = 0.05
# A head may open with an XML declaration and a few comments before the <html> tag.
_MAX_PROLOG_ITEMS = 8


def sniff_media_type(head: bytes) -> str | None:
    """Classify the first bytes of an input as HTML, WARC, gzip, plain text or binary.

    Returns one of the module constants `HTML`, `WARC`, `GZIP`, `TEXT`, `BINARY`, or None
    for an empty head. A gzip head says nothing about what is inside: callers decompress
    a little and sniff again.
    """
    if not head:
        return None
    if head.startswith(GZIP_MAGIC):
        return GZIP
    if head.startswith(WARC_MAGIC):
        return WARC
    if head.startswith(_BINARY_MAGICS):
        return BINARY
    text = head_as_text(head)
    if text is None:
        return BINARY
    return HTML if looks_like_html(text) else TEXT


def head_as_text(head: bytes) -> str | None:
    """Decode a head just well enough to look for ASCII markers; None if it looks binary.

    Latin-1 never fails, which is what we want: the head of a cp1251 or Shift-JIS page
    must still count as text, and the markers we look for are ASCII in all of them.
    """
    if head.startswith(UTF16_BOMS):
        return head.decode("utf-16", errors="replace")
    if b"\x00" in head:
        return None
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > len(head) * _MAX_CONTROL_SHARE:
        return None
    return head.removeprefix(UTF8_BOM).decode("latin-1")


def looks_like_html(text: str) -> bool:
    """True if the text opens like an HTML document, after any XML prolog and comments.

    Saved pages often start with an `<?xml ...?>` declaration or a `<!-- saved from url=
    -->` comment, so those are skipped before looking for the first tag.
    """
    rest = strip_prolog(text)
    return rest.startswith(_HTML_STARTS)


def strip_prolog(text: str) -> str:
    """Lower-case the text and drop leading BOM, whitespace, XML declaration and comments."""
    rest = text.lstrip("\ufeff \t\r\n\f").lower()
    for _ in range(_MAX_PROLOG_ITEMS):
        if rest.startswith("<?xml"):
            end, closer = rest.find("?>"), "?>"
        elif rest.startswith("<!--"):
            end, closer = rest.find("-->"), "-->"
        else:
            break
        if end < 0:
            return ""
        rest = rest[end + len(closer) :].lstrip(" \t\r\n\f")
    return rest


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split an HTTP Content-Type header into (media type, charset), both lower-cased.

    Hand-rolled instead of `email.message` because real headers are often slightly broken
    (`text/html;;charset="UTF-8"`, trailing semicolons) and we only need these two parts.
    """
    if not value:
        return None, None
    media_part, *params = value.split(";")
    media_type = media_part.strip().lower() or None
    charset = None
    for param in params:
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'").strip().lower() or None
    return media_type, charset


def is_html_media_type(media_type: str | None) -> bool:
    """True for the declared types we treat as HTML pages."""
    return media_type in (HTML, XHTML)
