"""Small, valid inputs to damage: a WARC crawl, a JSONL corpus, a gzipped page.

Each builder returns bytes (so tests can truncate or corrupt them in memory) together with
what a reader yields for the intact input, so a test can say which records must still come
out after the damage.
"""

from __future__ import annotations

import gzip
import io
import json

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.model import RawDocument
from flows.records import FailedInput

ARTICLE = (
    "<html><head><title>Talks to resume</title></head><body><article>"
    "<p>The minister said on Thursday that the talks would resume after a long pause.</p>"
    "<p>Officials warned that inflation could rise again before the end of the year.</p>"
    "</article></body></html>"
)

# Every reason code the local readers may give (`flows.sources.reasons`).
SOURCE_REASONS = frozenset(
    {
        "not_found",
        "unreadable",
        "too_large",
        "bad_gzip",
        "bad_warc",
        "bad_record",
        "bad_content_encoding",
        "http_error",
    }
)


def article(n: int) -> bytes:
    return ARTICLE.replace("Talks", f"Talks {n}").encode()


def warc_bytes(*, compress: bool, pages: int = 3) -> bytes:
    """warcinfo, then per page a request and a 200 HTML response, then one 404."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("fuzz.warc", {"software": "tests"}))
    for n in range(pages):
        url = f"https://example.org/news/{n}"
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                f"GET /news/{n} HTTP/1.1", [("Host", "example.org")], is_http_request=True
            ),
        )
        writer.write_record(request)
        writer.write_record(_response(writer, url, "200 OK", article(n)))
    writer.write_record(_response(writer, "https://example.org/gone", "404 Not Found", b"gone"))
    return out.getvalue()


def _response(writer: WARCWriter, url: str, status: str, body: bytes) -> object:
    headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-05-01T12:30:00Z"},
    )


def warc_record_offsets(data: bytes) -> list[int]:
    """Byte offsets where each record starts, plus the end of the file."""
    archive = ArchiveIterator(io.BytesIO(data))
    offsets = [archive.get_record_offset() for _ in archive]
    return [*offsets, len(data)]


def jsonl_bytes(records: int = 3, *, compress: bool) -> bytes:
    lines = [
        json.dumps({"url": f"https://example.org/{n}", "text": f"Body {n}. " * 30})
        for n in range(records)
    ]
    data = ("\n".join(lines) + "\n").encode()
    return gzip.compress(data, mtime=0) if compress else data


def summary(items: list[RawDocument | FailedInput]) -> list[tuple[str, str]]:
    """(kind, source suffix after the path) per item: comparable across file names."""
    return [
        ("doc" if isinstance(item, RawDocument) else item.reason, _suffix(item.source))
        for item in items
    ]


def _suffix(source: str) -> str:
    for separator in ("#", ":"):
        if separator in source.rsplit("/", 1)[-1]:
            return source.rsplit("/", 1)[-1].split(separator, 1)[1]
    return ""
