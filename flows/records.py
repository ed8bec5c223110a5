"""Records that move between sources, the fetcher, the cleaning task and the sinks."""

from __future__ import annotations

from dataclasses import dataclass

from cleaners.model import RawDocument


@dataclass(frozen=True, slots=True)
class FailedInput:
    """An input that could not even be read or fetched: it becomes one `rejects` row.

    `reason` is a short stable code (`not_found`, `http_error`, `timeout`, `too_large`,
    `robots_disallowed`, `blocked_address`, `bad_scheme`, `bad_gzip`, `bad_warc`, ...);
    `detail` is a human-readable sentence. Credentials are never part of `url`.
    """

    source: str
    reason: str
    detail: str = ""
    url: str | None = None
    http_status: int | None = None
    raw_sha256: str | None = None


SourceItem = RawDocument | FailedInput
