"""Turn cleaning outcomes into dataset rows: the one place that maps the model to the schema.

Pure functions, no I/O: they run inside the `clean_batch` task (in a worker process or on a
Dask worker) and in unit tests alike. Rows are plain dicts holding only what the row itself
knows; run-level columns (`run_id`, `pipeline_version`, `schema_version`, `ingested_at`,
`at`) are left out on purpose, because `flows.sinks.to_table` fills them from one clock and
one run id for the whole batch.

Identity rules (they decide what counts as a duplicate, so they are stable across runs):

- `doc_id` is the first 32 hex digits of a sha256. When the page has an address (its
  declared canonical URL, else the URL it was fetched from or archived under) the hash is
  of that address after `normalize_url`, so the same article fetched twice, with tracking
  parameters or a `#fragment`, is one document. Without an address (a local file) the hash
  is of the raw bytes.
- `content_sha256` hashes the article text, which is what lets the writer record the same
  story under another address as an alias instead of a second article.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from cleaners.model import CleanResult, RawDocument, RejectReason
from flows.records import FailedInput
from flows.sources.dates import as_utc

Row = dict[str, Any]

DOC_ID_HEX_CHARS = 32

# Query parameters that only say how a reader arrived, never which page they reached.
_TRACKING_PARAMS = frozenset({"fbclid", "gclid"})
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_WORD = re.compile(r"\w+")
_MAX_ERROR_DETAIL_CHARS = 500


@dataclass(slots=True)
class DocumentRows:
    """The rows one input contributes, per table (the same names as `BatchRows`)."""

    articles: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    rejects: list[Row] = field(default_factory=list)
    raw: list[Row] = field(default_factory=list)

    def extend(self, other: DocumentRows) -> None:
        self.articles.extend(other.articles)
        self.removed.extend(other.removed)
        self.rejects.extend(other.rejects)
        self.raw.extend(other.raw)


# --- identity -----------------------------------------------------------------------------


def sha256_hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def normalize_url(url: str | None) -> str | None:
    """The form of an http(s) URL used for identity, or None if it is not one.

    Lower-cases scheme and host, drops credentials, default ports, the fragment and
    tracking parameters (`utm_*`, `fbclid`, `gclid`); keeps the path and the remaining
    query in their order, because those do select the page.
    """
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if ":" in host:  # an IPv6 literal lost its brackets in `hostname`
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = "&".join(piece for piece in parts.query.split("&") if _is_kept_param(piece))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _is_kept_param(piece: str) -> bool:
    """Keep a `name=value` query piece unless it is empty or a tracking parameter.

    Pieces are kept byte-for-byte (no decode/re-encode), so a URL without tracking
    parameters keeps exactly the query its site uses.
    """
    name = unquote_plus(piece.partition("=")[0]).lower()
    if not piece:
        return False
    return name not in _TRACKING_PARAMS and not name.startswith(_TRACKING_PREFIXES)


def identity_url(raw: RawDocument, result: CleanResult | None) -> str | None:
    """The normalised address a document's `doc_id` hashes: declared canonical, else own URL.

    A relative canonical link is resolved against the page's URL; one that cannot be made an
    absolute http(s) URL is ignored rather than trusted.
    """
    declared = result.metadata.canonical_url if result is not None else None
    if declared:
        canonical = normalize_url(urljoin(raw.url, declared) if raw.url else declared)
        if canonical:
            return canonical
    return normalize_url(raw.url)


def make_doc_id(raw: RawDocument, result: CleanResult | None = None) -> str:
    """Stable id: hash of the identity URL when there is one, else of the raw bytes."""
    address = identity_url(raw, result)
    digest = sha256_hex(address) if address else raw.sha256
    return digest[:DOC_ID_HEX_CHARS]


def count_words(text: str) -> int:
    """Unicode word tokens (`\\w+`): language-neutral, so counts compare across languages."""
    return len(_WORD.findall(text))


def _utc(moment: datetime | None) -> datetime | None:
    """Timestamps in the dataset are UTC; a naive one (no offset given) is taken as UTC."""
    return None if moment is None else as_utc(moment)


# --- rows -----------------------------------------------------------------------------------


def article_row(raw: RawDocument, result: CleanResult) -> Row:
    """The `articles` row of a successfully cleaned document."""
    text = result.text
    meta = result.metadata
    return {
        "doc_id": make_doc_id(raw, result),
        "source": raw.source,
        "url": raw.url,
        "canonical_url": identity_url(raw, result),
        "title": meta.title,
        "authors": list(meta.authors),
        "published_at": _utc(meta.published_at),
        "site_name": meta.site_name,
        "description": meta.description,
        "language": result.language,
        "language_score": result.language_score,
        "text": text,
        "n_words": count_words(text),
        "n_chars": len(text),
        "n_paragraphs": len(result.paragraphs),
        "n_removed": len(result.removed),
        "input_format": result.input_format,
        "encoding": result.encoding,
        "content_sha256": sha256_hex(text),
        "raw_sha256": raw.sha256,
        "fetched_at": _utc(raw.fetched_at),
    }


def removed_rows(doc_id: str, result: CleanResult) -> list[Row]:
    """One `removed` row per block a step took out, in document order."""
    return [
        {
            "doc_id": doc_id,
            "position": removal.position,
            "kind": removal.kind,
            "rule": removal.rule,
            "text": removal.text,
        }
        for removal in result.removed
    ]


def reject_row(raw: RawDocument, reason: str, detail: str) -> Row:
    """A `rejects` row for a document that was read but produced no article."""
    return {
        "source": raw.source,
        "url": raw.url,
        "reason": reason,
        "detail": detail,
        "raw_sha256": raw.sha256,
    }


def failed_input_row(failed: FailedInput) -> Row:
    """A `rejects` row for an input that could not even be read or fetched."""
    return {
        "source": failed.source,
        "url": failed.url,
        "reason": failed.reason,
        "detail": failed.detail,
        "http_status": failed.http_status,
        "raw_sha256": failed.raw_sha256,
    }


def internal_error_row(raw: RawDocument, error: BaseException) -> Row:
    """A `rejects` row for a document whose cleaning raised: a bug, recorded, not fatal."""
    detail = f"{type(error).__name__}: {error}"[:_MAX_ERROR_DETAIL_CHARS]
    return reject_row(raw, RejectReason.INTERNAL_ERROR.value, detail)


def raw_row(raw: RawDocument) -> Row:
    """The `raw` row keeping the bytes as received, so any document can be re-cleaned."""
    return {
        "raw_sha256": raw.sha256,
        "source": raw.source,
        "url": raw.url,
        "fetched_at": _utc(raw.fetched_at),
        "media_type": raw.media_type,
        "charset": raw.charset,
        "n_bytes": len(raw.content),
        "content": raw.content,
    }


def result_rows(raw: RawDocument, result: CleanResult) -> DocumentRows:
    """Article and removed rows for an article, or one reject row for a rejected document."""
    if result.reject is not None:
        detail = result.reject.detail
        return DocumentRows(rejects=[reject_row(raw, result.reject.reason.value, detail)])
    article = article_row(raw, result)
    return DocumentRows(articles=[article], removed=removed_rows(article["doc_id"], result))


def document_rows(
    raw: RawDocument,
    clean: Callable[[RawDocument], CleanResult],
    *,
    keep_raw: bool = True,
) -> DocumentRows:
    """Clean one document and return its rows; an exception becomes an `internal_error` reject.

    Catching here, per document, is what keeps one pathological page from failing the whole
    batch (and with it hundreds of good pages).
    """
    try:
        rows = result_rows(raw, clean(raw))
    except Exception as error:
        rows = DocumentRows(rejects=[internal_error_row(raw, error)])
    if keep_raw:
        rows.raw.append(raw_row(raw))
    return rows
