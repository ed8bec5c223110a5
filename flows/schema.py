"""The dataset's schema: one place, versioned, explicit pyarrow types.

The README's "Dataset" section documents these tables column by column; keep the two in step
(a test compares them). Bump SCHEMA_VERSION when a column changes meaning or type; adding a
nullable column keeps old partitions readable because readers use `unify_schemas`.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1
PARTITION_COLUMN = "ingest_date"

UTC_TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("canonical_url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("published_at", UTC_TIMESTAMP),
        pa.field("site_name", pa.string()),
        pa.field("description", pa.string()),
        pa.field("language", pa.string(), nullable=False),
        pa.field("language_score", pa.float32()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_words", pa.int32()),
        pa.field("n_chars", pa.int32()),
        pa.field("n_paragraphs", pa.int32()),
        pa.field("n_removed", pa.int32()),
        pa.field("input_format", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("content_sha256", pa.string(), nullable=False),
        pa.field("raw_sha256", pa.string(), nullable=False),
        pa.field("fetched_at", UTC_TIMESTAMP),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("schema_version", pa.int16(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("ingested_at", UTC_TIMESTAMP, nullable=False),
    ]
)

REMOVED = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("position", pa.int32(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("rule", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("ingested_at", UTC_TIMESTAMP, nullable=False),
    ]
)

REJECTS = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string()),
        pa.field("http_status", pa.int16()),
        pa.field("raw_sha256", pa.string()),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("at", UTC_TIMESTAMP, nullable=False),
    ]
)

RAW = pa.schema(
    [
        pa.field("raw_sha256", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("fetched_at", UTC_TIMESTAMP),
        pa.field("media_type", pa.string()),
        pa.field("charset", pa.string()),
        pa.field("n_bytes", pa.int64(), nullable=False),
        pa.field("content", pa.large_binary(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("ingested_at", UTC_TIMESTAMP, nullable=False),
    ]
)

ALIASES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("content_sha256", pa.string(), nullable=False),
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("seen_at", UTC_TIMESTAMP, nullable=False),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "removed": REMOVED,
    "rejects": REJECTS,
    "raw": RAW,
    "aliases": ALIASES,
}
