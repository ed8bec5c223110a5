"""Where documents come from: local files and folders, WARC archives, JSONL corpora, URL
lists, and feed/sitemap discovery.

Every reader is an iterator of `SourceItem` (`RawDocument | FailedInput`) that streams:
one document in memory at a time, WARC and JSONL files read record by record, every read
bounded by `InputLimits`. Nothing raises for a bad input; it becomes a `FailedInput` with
one of the reason codes in `flows.sources.reasons`, and the iteration goes on.
Discovery (`parse_feed`, `parse_sitemap`) is pure parsing of bytes someone else fetched.
"""

from flows.sources.discovery import (
    MAX_DISCOVERY_BYTES,
    DiscoveryError,
    DiscoveryKind,
    FeedEntry,
    Sitemap,
    SitemapEntry,
    parse_feed,
    parse_sitemap,
    sniff_discovery_kind,
)
from flows.sources.jsonl import iter_jsonl
from flows.sources.limits import DEFAULT_LIMITS, InputLimits
from flows.sources.local import SKIPPED_SUFFIXES, iter_path, iter_paths
from flows.sources.sniff import sniff_media_type
from flows.sources.urllist import read_url_list
from flows.sources.warc import iter_warc

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_DISCOVERY_BYTES",
    "SKIPPED_SUFFIXES",
    "DiscoveryError",
    "DiscoveryKind",
    "FeedEntry",
    "InputLimits",
    "Sitemap",
    "SitemapEntry",
    "iter_jsonl",
    "iter_path",
    "iter_paths",
    "iter_warc",
    "parse_feed",
    "parse_sitemap",
    "read_url_list",
    "sniff_discovery_kind",
    "sniff_media_type",
]
