"""Limits (issue 6): each one configurable and enforced, tested at its exact boundary.

- bytes per document: `InputLimits.max_bytes` (files, .gz documents, WARC payloads, JSONL
  fields), `CleanConfig.max_bytes`, `FetchConfig.max_bytes` (declared and streamed);
- decompression bombs: `InputLimits.max_decompressed_bytes` (gzip documents, JSONL, WARC)
  and `FetchConfig.max_decoded_bytes` (gzip, deflate, brotli, stacked encodings);
- line length and count: `CleanConfig.max_line_chars`, `CleanConfig.max_lines`;
- redirects: `FetchConfig.max_redirects`;
- HTML nesting: no limit; the parser survives any depth
  (`tests/test_fuzz_readers.py::test_100k_nested_divs_complete_with_text_or_a_reject`).

"Exact boundary" means the limit itself passes and one more byte, line or hop fails with
the documented reason. Bombs are also checked for *work*: peak memory while reading a bomb
many times the cap stays a small multiple of the cap (tracemalloc traces every thread, the
test server's included), so the cap is enforced while inflating, not after.
"""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import brotli
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners import CleanConfig, RawDocument, RejectReason, clean
from flows.fetch import FetchConfig, Fetcher, FetchReason
from flows.records import FailedInput
from flows.sources import InputLimits, iter_paths
from tests.fuzzing import tally
from tests.httpserver import LocalHTTPServer, Reply

pytestmark = pytest.mark.timeout(120)

MiB = 1024 * 1024
FAST = CleanConfig(language_detector=None)
LOCAL = FetchConfig(
    allow_private=True,
    respect_robots=False,
    per_host_delay=0.0,
    max_retries=0,
    connect_timeout=5.0,
    read_timeout=5.0,
    total_timeout=20.0,
)
PROSE = "The minister said on Thursday that the talks would resume after a long pause. "


def plain(text: str) -> RawDocument:
    return RawDocument(text.encode("utf-8"), "page.txt", media_type="text/plain")


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def one(items: list) -> RawDocument | FailedInput:
    assert len(items) == 1, items
    return items[0]


def assert_failed(item: object, reason: str) -> FailedInput:
    assert isinstance(item, FailedInput), item
    assert item.reason == reason, item
    return item


@contextmanager
def peak_memory() -> Iterator[Callable[[], int]]:
    """Peak bytes allocated (all threads) inside the block."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def zeros_gzip(n_bytes: int) -> bytes:
    """A gzip stream of `n_bytes` zero bytes, built in chunks (no n_bytes buffer)."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MiB)
    parts = [squeezer.compress(chunk) for _ in range(n_bytes // MiB)]
    return b"".join(parts) + squeezer.compress(bytes(n_bytes % MiB)) + squeezer.flush()


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as local_server:
        yield local_server


def fetch(url: str, **config: object) -> object:
    with Fetcher(replace(LOCAL, **config)) as fetcher:
        return fetcher.fetch(url)


# --------------------------------------------------------------------------- bytes per document


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_sources_max_bytes_boundary_for_files(tmp_path: Path, suffix: str) -> None:
    limits = InputLimits(max_bytes=1000)
    at_limit = one(list(iter_paths([write(tmp_path / f"at{suffix}", b"a" * 1000)], limits)))
    assert isinstance(at_limit, RawDocument) and len(at_limit.content) == 1000
    over = one(list(iter_paths([write(tmp_path / f"over{suffix}", b"a" * 1001)], limits)))
    assert_failed(over, "too_large")
    tally.fault("limits.bytes", 2)


def test_sources_max_bytes_boundary_for_gzip_documents(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=1000, max_decompressed_bytes=10 * MiB)
    at_limit = write(tmp_path / "at.txt.gz", gzip.compress(b"a" * 1000))
    over = write(tmp_path / "over.txt.gz", gzip.compress(b"a" * 1001))
    items = list(iter_paths([at_limit, over], limits))
    assert isinstance(items[0], RawDocument) and len(items[0].content) == 1000
    assert_failed(items[1], "too_large")
    tally.fault("limits.bytes", 2)


def test_sources_max_bytes_boundary_for_jsonl_fields(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=1000)
    lines = [
        json.dumps({"url": "https://e.org/at", "text": "a" * 1000}),
        json.dumps({"url": "https://e.org/over", "text": "a" * 1001}),
        json.dumps({"url": "https://e.org/utf8", "text": "é" * 501}),  # 1002 UTF-8 bytes
    ]
    items = list(iter_paths([write(tmp_path / "c.jsonl", "\n".join(lines).encode())], limits))
    assert isinstance(items[0], RawDocument) and len(items[0].content) == 1000
    assert_failed(items[1], "too_large")
    assert_failed(items[2], "too_large")
    tally.fault("limits.bytes", 3)


def _warc_with_pages(bodies: list[bytes], *, compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for n, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_sources_max_bytes_boundary_for_warc_payloads(tmp_path: Path, compress: bool) -> None:
    limits = InputLimits(max_bytes=1000)
    data = _warc_with_pages([b"<html>" + b"a" * 994, b"<html>" + b"a" * 995], compress=compress)
    path = write(tmp_path / ("c.warc.gz" if compress else "c.warc"), data)
    items = list(iter_paths([path], limits))
    assert isinstance(items[0], RawDocument) and len(items[0].content) == 1000
    assert_failed(items[1], "too_large")
    tally.fault("limits.bytes", 2)


@pytest.mark.parametrize("media_type", ["text/plain", "text/html"])
def test_clean_config_max_bytes_boundary(media_type: str) -> None:
    body = (PROSE * 40).encode()
    config = CleanConfig(language_detector=None, max_bytes=len(body))
    assert clean(RawDocument(body, "at", media_type=media_type), config).reject is None
    over = clean(RawDocument(body + b" ", "over", media_type=media_type), config)
    assert over.reject is not None and over.reject.reason == RejectReason.TOO_LARGE
    tally.fault("limits.bytes", 2)


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "chunked"])
def test_fetch_max_bytes_boundary(server: LocalHTTPServer, streamed: bool) -> None:
    chunk = 1000 if streamed else None
    server.route("/at", Reply(body=b"a" * 5000, content_type="text/plain", chunk_size=chunk))
    server.route("/over", Reply(body=b"a" * 5001, content_type="text/plain", chunk_size=chunk))
    at_limit = fetch(server.url("/at"), max_bytes=5000)
    assert isinstance(at_limit, RawDocument) and len(at_limit.content) == 5000
    assert_failed(fetch(server.url("/over"), max_bytes=5000), FetchReason.TOO_LARGE.value)
    tally.fault("limits.bytes", 2)


# --------------------------------------------------------------------------- decompression bombs


def test_sources_gzip_document_bomb_is_stopped_while_inflating(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=100 * MiB, max_decompressed_bytes=1 * MiB)
    bomb = write(tmp_path / "bomb.html.gz", zeros_gzip(256 * MiB))
    with peak_memory() as peak:
        item = one(list(iter_paths([bomb], limits)))
    assert_failed(item, "too_large")
    assert peak() < 8 * MiB, peak()
    tally.fault("limits.bomb")


def test_sources_gzip_bomb_boundary(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=100 * MiB, max_decompressed_bytes=MiB)
    at_cap = one(list(iter_paths([write(tmp_path / "a.txt.gz", zeros_gzip(MiB))], limits)))
    assert isinstance(at_cap, RawDocument) and len(at_cap.content) == MiB
    over = one(list(iter_paths([write(tmp_path / "b.txt.gz", zeros_gzip(MiB + 1))], limits)))
    assert_failed(over, "too_large")
    tally.fault("limits.bomb", 2)


def test_sources_jsonl_gzip_bomb_is_stopped_while_inflating(tmp_path: Path) -> None:
    """A bomb without a newline: finding the end of the 'line' must not inflate it all."""
    limits = InputLimits(max_decompressed_bytes=MiB, max_record_bytes=MiB // 2)
    good = json.dumps({"url": "https://e.org/ok", "text": "fine"}).encode() + b"\n"
    bomb = gzip.compress(good) + zeros_gzip(256 * MiB)  # two members: a line, then the bomb
    with peak_memory() as peak:
        items = list(iter_paths([write(tmp_path / "c.jsonl.gz", bomb)], limits))
    assert isinstance(items[0], RawDocument)
    assert [getattr(i, "reason", None) for i in items[1:]] == ["too_large", "too_large"]
    assert peak() < 8 * MiB, peak()
    tally.fault("limits.bomb")


def test_sources_warc_gzip_bomb_is_stopped_while_inflating(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=MiB, max_decompressed_bytes=2 * MiB)
    page = _warc_with_pages([b"<html>ok</html>"], compress=True)
    bomb_record = _warc_with_pages([b"<html>" + bytes(64 * MiB)], compress=True)
    data = page + bomb_record
    with peak_memory() as peak:
        items = list(iter_paths([write(tmp_path / "c.warc.gz", data)], limits))
    assert isinstance(items[0], RawDocument)
    assert_failed(items[1], "too_large")
    assert peak() < 16 * MiB, peak()
    tally.fault("limits.bomb")


def _encoded_zeros(encoding: str, n_bytes: int) -> bytes:
    if encoding == "gzip":
        return zeros_gzip(n_bytes)
    if encoding == "deflate":
        return zlib.compress(bytes(n_bytes), 9)
    if encoding == "br":
        return brotli.compress(bytes(n_bytes), quality=1)
    if encoding == "gzip, gzip":  # a bomb inside a bomb
        return gzip.compress(zeros_gzip(n_bytes), mtime=0)
    raise ValueError(encoding)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "gzip, gzip"])
def test_fetch_bomb_is_stopped_while_decoding(server: LocalHTTPServer, encoding: str) -> None:
    bomb = _encoded_zeros(encoding, 64 * MiB)
    server.route(
        "/bomb", Reply(body=bomb, content_type="text/html", headers={"Content-Encoding": encoding})
    )
    with peak_memory() as peak:
        result = fetch(server.url("/bomb"), max_bytes=10 * MiB, max_decoded_bytes=MiB)
    assert_failed(result, FetchReason.DECOMPRESSION_BOMB.value)
    assert peak() < 8 * MiB + 2 * len(bomb), (peak(), len(bomb))
    tally.fault("limits.bomb")


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_fetch_decoded_bytes_boundary(server: LocalHTTPServer, encoding: str) -> None:
    for path, size in (("/at", 100_000), ("/over", 100_001)):
        body = _encoded_zeros(encoding, size)
        headers = {"Content-Encoding": encoding}
        server.route(path, Reply(body=body, content_type="text/plain", headers=headers))
    at_cap = fetch(server.url("/at"), max_decoded_bytes=100_000)
    assert isinstance(at_cap, RawDocument) and len(at_cap.content) == 100_000
    over = fetch(server.url("/over"), max_decoded_bytes=100_000)
    assert_failed(over, FetchReason.DECOMPRESSION_BOMB.value)
    tally.fault("limits.bomb", 2)


# --------------------------------------------------------------------------- lines


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r", "\u2028"])
def test_line_count_boundary(line_end: str) -> None:
    config = CleanConfig(language_detector=None, max_lines=50)
    at_limit = line_end.join(f"{PROSE}({n})" for n in range(50))
    result = clean(plain(at_limit), config)
    assert result.reject is None or result.reject.reason != RejectReason.TOO_MANY_LINES
    over = clean(plain(at_limit + line_end + PROSE), config)
    assert over.reject is not None and over.reject.reason == RejectReason.TOO_MANY_LINES
    tally.fault("limits.lines", 2)


def test_line_length_boundary() -> None:
    line = (PROSE * 20)[:1500]
    config = CleanConfig(language_detector=None, max_line_chars=1500)
    result = clean(plain(f"{PROSE}\n{line}\n{PROSE}"), config)
    assert result.reject is None or result.reject.reason != RejectReason.LINE_TOO_LONG
    over = clean(plain(f"{PROSE}\n{line}x\n{PROSE}"), config)
    assert over.reject is not None and over.reject.reason == RejectReason.LINE_TOO_LONG
    tally.fault("limits.lines", 2)


def test_line_length_counts_characters_not_bytes() -> None:
    config = CleanConfig(language_detector=None, max_line_chars=1000)
    at_limit = clean(plain(f"{PROSE}\n{'é' * 1000}\n{PROSE}"), config)  # 2000 UTF-8 bytes
    assert at_limit.reject is None or at_limit.reject.reason != RejectReason.LINE_TOO_LONG
    over = clean(plain(f"{PROSE}\n{'é' * 1001}\n{PROSE}"), config)
    assert over.reject is not None and over.reject.reason == RejectReason.LINE_TOO_LONG


@pytest.mark.parametrize("limit", ["max_lines", "max_line_chars"])
def test_line_limits_apply_to_html_too(limit: str) -> None:
    paragraphs = [f"<p>{PROSE}{PROSE}({n})</p>" for n in range(300)]
    html = f"<html><body><article>{''.join(paragraphs)}</article></body></html>"
    config = CleanConfig(language_detector=None, **{limit: 100})
    result = clean(RawDocument(html.encode(), "x", media_type="text/html"), config)
    expected = {
        "max_lines": RejectReason.TOO_MANY_LINES,
        "max_line_chars": RejectReason.LINE_TOO_LONG,
    }[limit]
    assert result.reject is not None and result.reject.reason == expected, result.reject


@pytest.mark.parametrize("field", ["max_bytes", "max_lines", "max_line_chars"])
def test_clean_config_rejects_nonsense_limits(field: str) -> None:
    with pytest.raises(ValueError):
        CleanConfig(**{field: 0})


# --------------------------------------------------------------------------- redirects


def _chain(server: LocalHTTPServer, name: str, hops: int) -> str:
    """`hops` redirects, /name0 -> /name1 -> ... -> /name{hops}, which is a page."""
    for hop in range(hops):
        server.redirect(f"/{name}{hop}", f"/{name}{hop + 1}")
    server.route(f"/{name}{hops}", Reply(body=b"<p>arrived</p>"))
    return server.url(f"/{name}0")


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_redirect_boundary(server: LocalHTTPServer, limit: int) -> None:
    """`limit` hops are followed; one more is `too_many_redirects`; no request is wasted."""
    within = fetch(_chain(server, "in", limit), max_redirects=limit)
    assert isinstance(within, RawDocument) and within.url == server.url(f"/in{limit}"), within
    assert [server.hits(f"/in{hop}") for hop in range(limit + 1)] == [1] * (limit + 1)

    too_far = fetch(_chain(server, "out", limit + 1), max_redirects=limit)
    assert_failed(too_far, FetchReason.TOO_MANY_REDIRECTS.value)
    assert [server.hits(f"/out{hop}") for hop in range(limit + 2)] == [1] * (limit + 1) + [0]
    tally.fault("limits.redirects", 2)


def test_redirect_loop_ends(server: LocalHTTPServer) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    result = fetch(server.url("/a"), max_redirects=7)
    assert_failed(result, FetchReason.TOO_MANY_REDIRECTS.value)
    assert server.hits("/a") + server.hits("/b") == 8
    tally.fault("limits.redirects")


def test_limits_reject_nonsense_values() -> None:
    with pytest.raises(ValueError):
        InputLimits(max_bytes=0)
    with pytest.raises(ValueError):
        InputLimits(max_decompressed_bytes=-1)
    with pytest.raises(ValueError):
        FetchConfig(max_bytes=0)
    with pytest.raises(ValueError):
        FetchConfig(max_redirects=-1)
