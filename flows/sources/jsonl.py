"""JSON Lines corpora (`.jsonl`, `.ndjson`, optionally gzip-compressed), read line by line.

Each line is an object with `url` and either `html` (-> `text/html`) or `text`
(-> `text/plain`); optional `source` (a string that replaces the default
`"{path}:{line}"`, for corpora that carry their own document ids) and `fetched_at`
(ISO 8601; naive means UTC). If both `html` and `text` are present, `html` wins: it
carries more structure for the cleaner. Blank lines are ignored.

Failures never stop the file, except damage that makes the rest unreadable (a corrupt
gzip stream, or a line so long that finding its end would exceed
`max_decompressed_bytes`); those end it with one `FailedInput` for the remainder.
Failures always use `"{path}:{line}"` as `source` so the line can be found.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from cleaners.model import RawDocument
from flows.records import FailedInput, SourceItem
from flows.sources.dates import parse_iso_datetime
from flows.sources.limits import (
    DEFAULT_LIMITS,
    GZIP_ERRORS,
    InputLimits,
    drain_line,
    open_gzip,
)
from flows.sources.reasons import BAD_GZIP, BAD_RECORD, NOT_FOUND, TOO_LARGE, UNREADABLE
from flows.sources.sniff import GZIP_MAGIC, HTML, TEXT


class _BadRecordError(ValueError):
    """A line that is JSON but not a usable document; the message becomes the detail."""


def iter_jsonl(
    path: str | os.PathLike[str], limits: InputLimits = DEFAULT_LIMITS
) -> Iterator[SourceItem]:
    """Yield one `RawDocument` (or `FailedInput`) per non-blank line of a JSONL file.

    Gzip is detected by its magic bytes, not the name, so `.jsonl.gz`, `.ndjson.gz` and
    misnamed files all work.
    """
    source = os.fspath(path)
    try:
        raw_file = open(source, "rb")  # noqa: SIM115 - closed by the `with` below
    except FileNotFoundError:
        yield FailedInput(source, NOT_FOUND, f"no such file: {source}")
        return
    except OSError as error:
        yield FailedInput(source, UNREADABLE, f"cannot open {source}: {error.strerror or error}")
        return
    with raw_file:
        gzipped = raw_file.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        raw_file.seek(0)
        stream: IO[bytes] = open_gzip(raw_file) if gzipped else raw_file
        yield from _iter_lines(stream, source, limits)


def _iter_lines(stream: IO[bytes], source: str, limits: InputLimits) -> Iterator[SourceItem]:
    """Read lines with bounded memory; turn read errors into one final `FailedInput`."""
    line_no = 0
    while True:
        line_no += 1
        line_source = f"{source}:{line_no}"
        try:
            # Asking for one byte over the cap: a read that fills it without reaching a
            # newline is a line that does not fit.
            line = stream.readline(limits.max_record_bytes + 1)
            if not line:
                return
            if len(line) > limits.max_record_bytes and not line.endswith(b"\n"):
                yield _overlong_line(line_source, limits)
                if not _skip_rest_of_line(stream, len(line), limits):
                    yield _abandoned(line_source, limits)
                    return
                continue
        except GZIP_ERRORS as error:
            yield FailedInput(line_source, BAD_GZIP, f"corrupt gzip stream from here on: {error}")
            return
        except OSError as error:
            yield FailedInput(line_source, UNREADABLE, f"read error from here on: {error}")
            return
        if line.strip():
            yield _line_item(line, line_no, line_source, limits)


def _overlong_line(line_source: str, limits: InputLimits) -> FailedInput:
    detail = f"line is longer than max_record_bytes={limits.max_record_bytes}"
    return FailedInput(line_source, TOO_LARGE, detail)


def _skip_rest_of_line(stream: IO[bytes], already_read: int, limits: InputLimits) -> bool:
    """Skip to the end of an over-long line; False if that would exceed the bomb cap."""
    budget = limits.max_decompressed_bytes - already_read
    return budget >= 0 and drain_line(stream, budget) <= budget


def _abandoned(line_source: str, limits: InputLimits) -> FailedInput:
    detail = (
        f"no line end within max_decompressed_bytes={limits.max_decompressed_bytes}; "
        "the rest of the file was not read"
    )
    return FailedInput(line_source, TOO_LARGE, detail)


def _line_item(line: bytes, line_no: int, line_source: str, limits: InputLimits) -> SourceItem:
    """Parse one line into a document, or a `bad_record`/`too_large` failure."""
    try:
        record = _decode_object(line, line_no)
        return _record_document(record, line_source, limits)
    except _BadRecordError as error:
        return FailedInput(line_source, BAD_RECORD, str(error))


def _decode_object(line: bytes, line_no: int) -> dict[str, Any]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _BadRecordError(f"line is not UTF-8: {error.reason} at byte {error.start}") from None
    if line_no == 1:
        text = text.removeprefix("\ufeff")
    try:
        record = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise _BadRecordError(f"invalid JSON: {error}") from None
    if not isinstance(record, dict):
        raise _BadRecordError(f"expected a JSON object, got {type(record).__name__}")
    return record


def _record_document(
    record: dict[str, Any], line_source: str, limits: InputLimits
) -> RawDocument | FailedInput:
    url = _optional_string(record, "url")
    if not url:
        raise _BadRecordError("missing or empty 'url'")
    body, media_type = _body(record)
    # Lone surrogates ("\ud83d" from a split emoji) cannot be UTF-8: replace, don't reject.
    content = body.encode("utf-8", errors="replace")
    if len(content) > limits.max_bytes:
        field = "html" if media_type == HTML else "text"
        detail = f"'{field}' is larger than max_bytes={limits.max_bytes}"
        return FailedInput(line_source, TOO_LARGE, detail, url)
    return RawDocument(
        content=content,
        source=_optional_string(record, "source") or line_source,
        url=url,
        media_type=media_type,
        charset="utf-8",
        fetched_at=_fetched_at(record),
    )


def _body(record: dict[str, Any]) -> tuple[str, str]:
    """The page body and its media type: `html` if present, else `text`."""
    html = _optional_string(record, "html")
    if html is not None:
        return html, HTML
    text = _optional_string(record, "text")
    if text is not None:
        return text, TEXT
    raise _BadRecordError("needs an 'html' or 'text' string")


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _BadRecordError(f"'{key}' must be a string, got {type(value).__name__}")


def _fetched_at(record: dict[str, Any]) -> datetime | None:
    value = _optional_string(record, "fetched_at")
    if value is None:
        return None
    parsed = parse_iso_datetime(value)
    if parsed is None:
        raise _BadRecordError(f"'fetched_at' is not an ISO 8601 timestamp: {value[:40]!r}")
    return parsed
