"""Reason codes for `FailedInput`s produced by the local sources (the `rejects.reason` column).

They are plain strings, not an enum, because `FailedInput.reason` is shared with the
fetcher and the sinks write it verbatim.
"""

from __future__ import annotations

NOT_FOUND = "not_found"
"""A path the user named does not exist."""

UNREADABLE = "unreadable"
"""The file or folder exists but could not be opened or read (permissions, I/O error)."""

TOO_LARGE = "too_large"
"""A document, record or decompressed stream exceeded an `InputLimits` cap."""

BAD_GZIP = "bad_gzip"
"""A gzip stream is corrupt or truncated."""

BAD_WARC = "bad_warc"
"""A WARC file is corrupt or truncated; records before the damage were still yielded."""

BAD_RECORD = "bad_record"
"""A JSONL line is not valid JSON or lacks the fields a document needs."""

BAD_CONTENT_ENCODING = "bad_content_encoding"
"""A WARC response's HTTP Content-Encoding (gzip, br, deflate) could not be decoded."""

HTTP_ERROR = "http_error"
"""A WARC response for a page carried a 4xx or 5xx HTTP status."""
