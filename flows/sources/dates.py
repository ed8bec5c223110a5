"""Timestamp parsing for WARC headers, JSONL records, feeds and sitemaps.

All results are timezone-aware UTC: a naive timestamp from these formats means UTC by
convention (WARC-Date is defined as UTC; sitemaps and feeds without an offset are almost
always UTC), and one representation keeps comparisons and Parquet columns unambiguous.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# W3C datetime allows a bare year or year-month, which `fromisoformat` rejects.
_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_iso_datetime(value: str | None) -> datetime | None:
    """Parse ISO 8601 / W3C datetime text (`2024-05-01`, `2024-05`, `...T12:00:00Z`)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    partial = _YEAR_OR_MONTH.match(text)
    try:
        if partial:
            parsed = datetime(int(partial[1]), int(partial[2] or 1), 1)
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return as_utc(parsed)


def parse_feed_datetime(value: str | None) -> datetime | None:
    """Parse a feed date: ISO 8601 (Atom, Dublin Core) or RFC 822 (RSS `pubDate`)."""
    parsed = parse_iso_datetime(value)
    if parsed is not None or not value:
        return parsed
    try:
        return as_utc(parsedate_to_datetime(value.strip()))
    except (TypeError, ValueError, IndexError):
        return None


def as_utc(moment: datetime) -> datetime:
    """Attach UTC to a naive datetime, or convert an aware one to UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
