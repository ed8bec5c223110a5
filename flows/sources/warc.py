"""WARC archives: one `RawDocument` per HTML response, read record by record.

What becomes what:

* a `response` record with an HTTP 2xx status whose Content-Type is HTML (or is missing,
  `text/plain` or `application/octet-stream` and the payload sniffs as HTML) becomes a
  `RawDocument`; its payload has transfer and content encodings removed;
* a 4xx/5xx response for a page (HTML or undeclared Content-Type) becomes a `FailedInput`
  `http_error`, so a crawl's dead pages show up in the rejects;
* 1xx/3xx responses, non-HTML responses, and `request`, `metadata`, `revisit`,
  `warcinfo`... records are skipped without a trace: they are not pages;
* a corrupt or truncated archive gives one `FailedInput` `bad_warc` at its first damaged
  record, after everything that could be read. In a `.warc.gz` (one gzip member per
  record) the walk resumes at the next intact member, and the detail lists each region
  skipped; in a plain `.warc` the first damage (including a record whose Content-Length
  does not end at its blank-line terminator) ends the file. ARC files are not read (the
  first record is reported as `bad_warc`);
* a payload whose Content-Encoding cannot be decoded is a `bad_content_encoding` failure
  for that record only.

`source` is `"{path}#{offset}"`, the record's byte offset in the file as stored (compressed
offset for `.warc.gz`). That is what CDX indexes and `warcio extract` use, so a reject can
be located with standard tools, and it stays meaningful for records without a Record-ID.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Generator, Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from cleaners.model import RawDocument
from flows.records import FailedInput, SourceItem
from flows.sources.dates import parse_iso_datetime
from flows.sources.limits import DEFAULT_LIMITS, InputLimits, drain, read_at_most
from flows.sources.reasons import (
    BAD_CONTENT_ENCODING,
    BAD_WARC,
    HTTP_ERROR,
    NOT_FOUND,
    TOO_LARGE,
    UNREADABLE,
)
from flows.sources.sniff import (
    BINARY,
    HTML,
    SNIFF_BYTES,
    TEXT,
    is_html_media_type,
    parse_content_type,
    sniff_media_type,
)

# Declared types that servers put on HTML by mistake: these payloads are sniffed.
_SNIFFED_MEDIA_TYPES = frozenset({None, TEXT, BINARY, "binary/octet-stream", "unknown/unknown"})

_MAX_DETAIL_CHARS = 200
_MAX_MERGED_DETAIL_CHARS = 1000


class _CorruptWarcError(Exception):
    """Damage we detect ourselves, which warcio would silently treat as a clean end."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source  # the damaged record, when it is not the current one


class _CheckedArchiveIterator(ArchiveIterator):
    """warcio's iterator, plus a note of whether the last gzip member ended properly.

    warcio treats a gzip member cut short like the end of the file, so a truncated
    `.warc.gz` would silently lose its tail. warcio calls `close()` when iteration ends,
    just before it drops its reader: the last moment the decompressor can be inspected.
    """

    ended_inside_gzip_member = False
    # warcio counts a record not followed by its blank-line terminator in `err_count` (a
    # wrong Content-Length) and writes this message to stderr; the count is what we read.
    INC_RECORD = ""

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.ended_inside_gzip_member = True
        super().close()

    @property
    def is_compressed(self) -> bool:
        return getattr(self.reader, "decompressor", None) is not None


def iter_warc(
    warc: str | os.PathLike[str] | BinaryIO,
    source: str | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> Iterator[SourceItem]:
    """Yield the HTML pages of a WARC (plain or gzip) file, one record at a time.

    `warc` is a path or an open binary file; `source` defaults to the path (or
    `"<warc stream>"` for a file object) and prefixes every record's `source`.
    """
    if isinstance(warc, str | os.PathLike):
        path = os.fspath(warc)
        yield from _iter_warc_file(path, source or path, limits)
    else:
        yield from _iter_warc_stream(warc, source or "<warc stream>", limits)


def _iter_warc_file(path: str, source: str, limits: InputLimits) -> Iterator[SourceItem]:
    try:
        warc_file = open(path, "rb")  # noqa: SIM115 - closed by the `with` below
    except FileNotFoundError:
        yield FailedInput(source, NOT_FOUND, f"no such file: {path}")
        return
    except OSError as error:
        yield FailedInput(source, UNREADABLE, f"cannot open {path}: {error.strerror or error}")
        return
    with warc_file:
        yield from _iter_warc_stream(warc_file, source, limits)


def _iter_warc_stream(
    warc_file: BinaryIO, source: str, limits: InputLimits
) -> Iterator[SourceItem]:
    """Walk the archive; in a seekable `.warc.gz`, resume after damage at the next member.

    Each record of a `.warc.gz` is its own gzip member, so one damaged record need not
    cost the records after it: the walk starts again at the next offset where a gzip
    member holding a WARC record begins. The damage is reported once per file, after the
    records that could be read, as one `bad_warc` at the first damaged offset whose detail
    lists every region skipped. A plain `.warc` has no such boundaries (warcio would read
    the next record from the wrong place), so there the first damage ends the file.
    """
    resumable = _is_gzip(warc_file) and _seekable(warc_file)
    damages: list[FailedInput] = []
    while True:
        damage = yield from _walk_records(warc_file, source, limits)
        if damage is None:
            break
        restart = _next_warc_member(warc_file, _offset_of(damage)) if resumable else None
        if restart is None:
            damages.append(damage)
            break
        damages.append(replace(damage, detail=f"{damage.detail}; resumed at #{restart}"))
        warc_file.seek(restart)
    if damages:
        yield _merged_damage(damages)


def _walk_records(
    warc_file: BinaryIO, source: str, limits: InputLimits
) -> Generator[SourceItem, None, FailedInput | None]:
    """Yield the items of the records from the file's position; return the damage, if any."""
    archive = _CheckedArchiveIterator(warc_file)
    held = _HeldRecord()
    # warcio reports damage with whatever exception its parsers happen to raise
    # (ArchiveLoadFailed, EOFError, zlib.error, AttributeError on a cut header...), so
    # anything raised while walking the archive means "the rest is unreadable".
    try:
        for record in archive:
            yield from held.release(archive)
            record_source = f"{source}#{archive.offset}"
            if record.format != "warc":
                raise _CorruptWarcError("not a WARC record (no WARC/1.x header)")
            if not _declares_its_length(record):
                raise _CorruptWarcError("a record's Content-Length is missing or not a number")
            if archive.is_compressed and record.length > limits.max_decompressed_bytes:
                yield _declared_too_large(record, record_source, limits)
                return None
            item = _record_item(record, record_source, limits)
            _ensure_record_complete(record)
            held.hold(item, record_source, archive)
        yield from held.release(archive)
        _ensure_clean_end(archive)
    except Exception as error:
        failed_at = getattr(error, "source", None) or f"{source}#{archive.offset}"
        try:
            yield from held.release(archive)
        except _CorruptWarcError as framing:
            error, failed_at = framing, framing.source or failed_at
        detail = f"{_describe(error)} (after {held.released} complete records)"
        return FailedInput(failed_at, BAD_WARC, detail)
    return None


GZIP_MAGIC = b"\x1f\x8b\x08"
_SCAN_CHUNK = 1 << 20
_PROBE_BYTES = 64 * 1024


def _is_gzip(warc_file: BinaryIO) -> bool:
    try:
        position = warc_file.tell()
        head = warc_file.read(2)
        warc_file.seek(position)
    except (OSError, ValueError):
        return False
    return head == GZIP_MAGIC[:2]


def _seekable(warc_file: BinaryIO) -> bool:
    try:
        return bool(warc_file.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _offset_of(failure: FailedInput) -> int:
    return int(failure.source.rsplit("#", 1)[1])


def _next_warc_member(warc_file: BinaryIO, damaged_at: int) -> int | None:
    """Offset of the first gzip member after `damaged_at` that inflates to a WARC record.

    The magic bytes can also occur inside compressed data, so each candidate is checked by
    inflating its first bytes: only a member that starts with `WARC/` is a resume point.
    """
    position = damaged_at + 1
    while True:
        warc_file.seek(position)
        chunk = warc_file.read(_SCAN_CHUNK + len(GZIP_MAGIC) - 1)
        if len(chunk) < len(GZIP_MAGIC):
            return None
        found = chunk.find(GZIP_MAGIC)
        while found >= 0:
            if _starts_warc_member(warc_file, position + found):
                return position + found
            found = chunk.find(GZIP_MAGIC, found + 1)
        position += _SCAN_CHUNK


def _starts_warc_member(warc_file: BinaryIO, offset: int) -> bool:
    warc_file.seek(offset)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        head = inflater.decompress(warc_file.read(_PROBE_BYTES), len(b"WARC/"))
    except zlib.error:
        return False
    return head == b"WARC/"


def _merged_damage(damages: list[FailedInput]) -> FailedInput:
    """One `bad_warc` per file: at the first damaged offset, listing every damaged region."""
    first = damages[0]
    if len(damages) == 1:
        return first
    regions = "; ".join(f"#{_offset_of(d)}: {d.detail}" for d in damages[1:])
    detail = f"{first.detail}; then {len(damages) - 1} more damaged: {regions}"
    return FailedInput(first.source, BAD_WARC, detail[:_MAX_MERGED_DETAIL_CHARS])


class _HeldRecord:
    """The last record's item, held back until warcio has read past the record's end.

    A record whose Content-Length is wrong by a few bytes parses, but yields its page cut
    short or with the next record's bytes appended. The only sign is the missing blank-line
    terminator after the declared length, which warcio checks when it moves on to the next
    record (its `err_count`). So an item is released only after that check; a record that
    fails it ends the file with `bad_warc` at that record, as other damage does (warcio's
    resynchronisation after a wrong length reads the next record from the wrong place).
    """

    def __init__(self) -> None:
        self._item: SourceItem | None = None
        self._source = ""
        self._errors_before = 0
        self._holding = False
        self.released = 0  # records that passed every check

    def hold(self, item: SourceItem | None, source: str, archive: _CheckedArchiveIterator) -> None:
        self._item, self._source, self._holding = item, source, True
        self._errors_before = archive.err_count

    def release(self, archive: _CheckedArchiveIterator) -> Iterator[SourceItem]:
        if not self._holding:
            return
        self._holding = False
        item, self._item = self._item, None
        if archive.err_count > self._errors_before:
            raise _CorruptWarcError(
                "a record is not followed by its blank-line terminator (wrong Content-Length)",
                self._source,
            )
        self.released += 1
        if item is not None:
            yield item


def _declares_its_length(record: Any) -> bool:
    """True if the WARC header block gives Content-Length as digits.

    warcio leaves `length` None when the header is absent and reads an empty value as 0, so
    a file cut inside a record's header block (`Content-Length:` and nothing after it)
    would end with an empty record and no error at all.
    """
    value = record.rec_headers.get_header("Content-Length")
    return record.length is not None and value is not None and value.strip().isdigit()


def _record_item(record: Any, record_source: str, limits: InputLimits) -> SourceItem | None:
    """Turn one WARC record into a document, a failure, or None (not a page: skip it)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = _http_status(record.http_headers)
    if status is None or status < 200 or 300 <= status < 400:
        return None
    media_type, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    url = record.rec_headers.get_header("WARC-Target-URI")
    if status >= 400:
        if media_type is None or is_html_media_type(media_type):
            return FailedInput(record_source, HTTP_ERROR, f"HTTP {status}", url, status)
        return None
    if not is_html_media_type(media_type) and media_type not in _SNIFFED_MEDIA_TYPES:
        return None
    return _payload_document(record, record_source, url, media_type, charset, limits)


def _payload_document(
    record: Any,
    record_source: str,
    url: str | None,
    media_type: str | None,
    charset: str | None,
    limits: InputLimits,
) -> SourceItem | None:
    """Read a response payload (decoded) and keep it if it is an HTML page within limits."""
    try:
        stream = record.content_stream()
        payload = read_at_most(stream, limits.max_bytes)
        if len(payload) <= limits.max_bytes and not _decoder_finished(stream):
            raise ValueError("compressed payload ends early or is corrupt")
    except Exception as error:  # warcio re-raises whatever gzip/brotli/deflate raised
        detail = f"cannot decode the HTTP payload: {_describe(error)}"
        return FailedInput(record_source, BAD_CONTENT_ENCODING, detail, url)
    declared_html = is_html_media_type(media_type)
    if not declared_html and sniff_media_type(payload[:SNIFF_BYTES]) != HTML:
        return None
    if len(payload) > limits.max_bytes:
        detail = f"decoded HTTP payload is larger than max_bytes={limits.max_bytes}"
        return FailedInput(record_source, TOO_LARGE, detail, url)
    return RawDocument(
        content=payload,
        source=record_source,
        url=url,
        media_type=media_type if declared_html else HTML,
        charset=charset,
        fetched_at=_warc_date(record),
    )


def _decoder_finished(stream: Any) -> bool:
    """True unless a Content-Encoding decoder stopped before the end of its data.

    On a decoding error past the first block, warcio logs to stderr and returns no more
    bytes instead of raising, which would silently truncate the page; the decoder's own
    end-of-stream flag is the only trace left.
    """
    decoder = getattr(stream, "decompressor", None)
    if decoder is None:
        return True
    if hasattr(decoder, "eof"):  # zlib: gzip and deflate
        return bool(decoder.eof)
    is_finished = getattr(decoder, "is_finished", None)  # brotli
    return bool(is_finished()) if callable(is_finished) else True


def _declared_too_large(record: Any, record_source: str, limits: InputLimits) -> FailedInput:
    """A gzip record declaring more than the cap: skipping it would mean inflating it all."""
    detail = (
        f"record declares {record.length} bytes, more than "
        f"max_decompressed_bytes={limits.max_decompressed_bytes}; "
        "the rest of this compressed WARC was not read"
    )
    url = record.rec_headers.get_header("WARC-Target-URI")
    return FailedInput(record_source, TOO_LARGE, detail, url)


def _ensure_record_complete(record: Any) -> None:
    """Drain the record and raise if the file ended before its declared Content-Length."""
    raw_stream = record.raw_stream
    drain(raw_stream)
    missing = getattr(raw_stream, "limit", 0)
    if missing > 0:
        raise _CorruptWarcError(f"record is {missing} bytes short of its Content-Length")


def _ensure_clean_end(archive: _CheckedArchiveIterator) -> None:
    """Raise if the archive ended inside a gzip member or inside a record's headers."""
    if archive.ended_inside_gzip_member:
        raise _CorruptWarcError("the file ends inside a gzip member (truncated download?)")
    leftover = archive.fh.tell() - archive.offset
    if leftover > 0:
        raise _CorruptWarcError(f"the last {leftover} bytes are an incomplete record")


def _http_status(http_headers: Any) -> int | None:
    try:
        return int(http_headers.get_statuscode())
    except (TypeError, ValueError):
        return None


def _warc_date(record: Any) -> datetime | None:
    return parse_iso_datetime(record.rec_headers.get_header("WARC-Date"))


def _describe(error: BaseException) -> str:
    """One short line naming the error, for `FailedInput.detail`."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    message = lines[0] if lines else ""
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text[:_MAX_DETAIL_CHARS]
