"""Size limits for local inputs, and the bounded reads that enforce them.

Every reader in `flows.sources` goes through `read_at_most`, so no input, however large or
however well it compresses, can make us hold more than one capped document in memory.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Protocol

MiB = 1024 * 1024

#: Read granularity: large enough to be fast, small enough that a cap is never overshot by much.
CHUNK_SIZE = MiB


@dataclass(frozen=True, slots=True)
class InputLimits:
    """Caps applied while reading local inputs.

    `max_bytes` bounds one document's content (a file, a WARC payload, a JSONL `html`/`text`
    field). `max_decompressed_bytes` bounds how many decompressed bytes we are willing to
    produce for one document or record, including bytes we only skip over: it is the
    gzip-bomb guard, checked while decompressing, so a tiny file cannot make us inflate
    gigabytes. `max_record_bytes` bounds one JSONL line; JSON escaping can double a page's
    size, hence the larger default.
    """

    max_bytes: int = 20 * MiB
    max_decompressed_bytes: int = 100 * MiB
    max_record_bytes: int = 48 * MiB

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_decompressed_bytes", "max_record_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"InputLimits.{name} must be positive")


DEFAULT_LIMITS = InputLimits()


class Readable(Protocol):
    """Anything with a `read(size)` method: files, gzip streams, warcio payload readers."""

    def read(self, size: int = ..., /) -> bytes: ...


def read_at_most(stream: Readable | BinaryIO, limit: int) -> bytes:
    """Read up to `limit + 1` bytes, so the caller can tell "fits" from "too large".

    Reading one byte past the limit (instead of the whole stream) is what keeps oversize
    and decompression-bomb inputs cheap: we stop as soon as the answer is known.
    """
    parts: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(CHUNK_SIZE, remaining))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def drain(stream: Readable | BinaryIO, limit: int | None = None) -> int:
    """Read and discard the rest of a stream; return how many bytes were discarded.

    With `limit`, stop once more than `limit` bytes were discarded (the caller checks the
    returned count), so skipping over a bomb costs at most `limit` bytes of work.
    """
    discarded = 0
    while limit is None or discarded <= limit:
        chunk = stream.read(CHUNK_SIZE)
        if not chunk:
            break
        discarded += len(chunk)
    return discarded


#: What a corrupt or truncated gzip stream raises, depending on where the damage is.
GZIP_ERRORS: tuple[type[Exception], ...] = (gzip.BadGzipFile, EOFError, zlib.error)


def open_gzip(fileobj: BinaryIO) -> gzip.GzipFile:
    """Wrap a binary file in a streaming gzip reader (multi-member files included).

    `GzipFile.read(n)` inflates only as much as it needs for `n` output bytes, which is
    what makes `read_at_most` a real bomb guard rather than an after-the-fact check.
    """
    return gzip.GzipFile(fileobj=fileobj, mode="rb")


def drain_line(stream: BinaryIO | gzip.GzipFile, limit: int) -> int:
    """Discard up to and including the next newline; return how many bytes were discarded.

    Stops once more than `limit` bytes were discarded, so an endless "line" (a bomb with no
    newline in it) costs at most `limit` bytes of work; the caller compares the count.
    """
    discarded = 0
    while discarded <= limit:
        chunk = stream.readline(CHUNK_SIZE)
        discarded += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            break
    return discarded
