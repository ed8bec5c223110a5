"""Tests for `flows.sources`: local files and folders, WARC, JSONL, URL lists, discovery.

Inputs are real where it matters: the repository's seed files, three pages from the HTML
development set (`tests/data/html/`), WARCs written with warcio's own writer, and feeds
and sitemaps shaped like the ones real sites publish.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.model import RawDocument
from flows.records import FailedInput
from flows.sources import (
    DiscoveryError,
    FeedEntry,
    InputLimits,
    SitemapEntry,
    iter_jsonl,
    iter_paths,
    iter_warc,
    parse_feed,
    parse_sitemap,
    read_url_list,
    sniff_discovery_kind,
    sniff_media_type,
)
from flows.sources.sniff import BINARY, GZIP, HTML, TEXT, WARC

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
HTML_PAGES = Path(__file__).resolve().parent / "data" / "html"
MiB = 1024 * 1024

WARC_DATE = "2024-05-01T12:30:00Z"
UTF8_PAGE = (
    "<!DOCTYPE html><html><head><title>Über uns</title></head><body><p>Grüße</p></body></html>"
)
CP1251_PAGE = "<html><head><title>Новости</title></head><body><p>Москва сообщила</p></body></html>"
SNIFFED_PAGE = b"\n  <!doctype html><html><body><p>No Content-Type header</p></body></html>"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(200)


def items_summary(items: list) -> list[tuple[str, str, str | None]]:
    """(kind, source, media type or reason) per item: compact for whole-list asserts."""
    return [
        ("doc", item.source, item.media_type)
        if isinstance(item, RawDocument)
        else ("fail", item.source, item.reason)
        for item in items
    ]


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"", None),
        (gzip.compress(b"<html></html>"), GZIP),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", WARC),
        (b"\xef\xbb\xbf \n<!DOCTYPE HTML PUBLIC>\n<html>", HTML),
        (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- generator -->\n<html xmlns="x">', HTML),
        (b"<!-- saved from url=(0040)https://example.org/ -->\n<HTML><HEAD>", HTML),
        (b"  <body><p>fragment</p></body>", HTML),
        ("<!DOCTYPE html><html>".encode("utf-16"), HTML),
        (b"MOSCOW (Reuters) - Officials said on Thursday...\n", TEXT),
        ("Москва сообщила в четверг".encode("cp1251"), TEXT),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', TEXT),
        (PNG_BYTES, BINARY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", BINARY),
        (b"abc\x00def\x00ghi", BINARY),
        (bytes(range(1, 32)) * 4, BINARY),
    ],
)
def test_sniff_media_type_classifies_heads(head: bytes, expected: str | None) -> None:
    assert sniff_media_type(head) == expected


def test_sniff_media_type_sees_html_behind_bom_in_real_page() -> None:
    # The NHK page starts with a UTF-8 BOM, then an upper-case doctype.
    head = gzip.decompress((HTML_PAGES / "nhk.or.jp.k100.html.gz").read_bytes())[:1024]
    assert head.startswith(b"\xef\xbb\xbf")
    assert sniff_media_type(head) == HTML


# --------------------------------------------------------------------------- local paths


def test_seed_folder_yields_every_seed_in_order_with_sources_as_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    items = list(iter_paths(["seeds/"]))
    expected_names = sorted(path.name for path in SEEDS.iterdir())
    assert [item.source for item in items] == [f"seeds/{name}" for name in expected_names]
    for item in items:
        assert isinstance(item, RawDocument)
        assert item.media_type == "text/plain"
        assert item.url is None
        assert item.content == (REPO / item.source).read_bytes()


def test_folder_without_trailing_slash_and_explicit_file_keep_the_given_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    first_seed = sorted(SEEDS.iterdir())[0].name
    items = list(iter_paths(["seeds", f"./seeds/{first_seed}"]))
    assert items[0].source == f"seeds/{first_seed}"
    assert items[-1].source == f"./seeds/{first_seed}"
    assert items[0].content == items[-1].content


def test_real_gzipped_pages_are_decompressed_and_typed_html() -> None:
    items = list(iter_paths([HTML_PAGES]))
    names = sorted(path.name for path in HTML_PAGES.glob("*.html.gz"))
    assert [item.source for item in items] == [str(HTML_PAGES / name) for name in names]
    for item in items:
        assert isinstance(item, RawDocument)
        assert item.media_type == "text/html"
        assert item.content == gzip.decompress(Path(item.source).read_bytes())
        assert sniff_media_type(item.content[:1024]) == HTML


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_folder_walk_order_rules_and_sources(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    outside = _write(tmp_path / "outside.txt", b"secret text outside the root\n")
    _write(root / "b.txt", b"plain text b\n")
    _write(root / "Z.TXT", b"upper-case extension\n")
    _write(root / "a" / "z.html", b"<html><body>z</body></html>")
    _write(root / "a" / "y.htm.gz", gzip.compress(b"<html><body>y</body></html>"))
    _write(
        root / "a" / "x.xhtml", b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'
    )
    _write(root / "notes", b"An extension-less text file.\n")
    _write(root / "page.php", b"<!DOCTYPE html><html><body>php page</body></html>")
    _write(root / "archive.dat", gzip.compress(b"gzipped text with an odd name\n"))
    _write(root / "data.jsonl", b'{"url": "https://example.org/x", "text": "from jsonl"}\n')
    # Never read in a folder walk:
    _write(root / ".hidden.txt", b"hidden file\n")
    _write(root / ".git" / "HEAD.txt", b"hidden folder\n")
    _write(root / "photo.png", PNG_BYTES)
    _write(root / "blob.bin", b"\x00\x01\x02binary\x00" * 10)
    _write(root / "style.css", b"body { color: red }\n")
    _write(root / "images.tar.gz", gzip.compress(b"a.png\x00\x00\x00" + bytes(500)))
    (root / "link_inside.txt").symlink_to(root / "b.txt")
    (root / "link_outside.txt").symlink_to(outside)
    (root / "linked_folder").symlink_to(root / "a", target_is_directory=True)

    items = list(iter_paths([f"{root}/"]))

    prefix = f"{root}/"
    assert [
        (kind, source.removeprefix(prefix), extra) for kind, source, extra in items_summary(items)
    ] == [
        ("doc", "Z.TXT", "text/plain"),
        ("doc", "a/x.xhtml", "application/xhtml+xml"),
        ("doc", "a/y.htm.gz", "text/html"),
        ("doc", "a/z.html", "text/html"),
        ("doc", "archive.dat", None),
        ("doc", "b.txt", "text/plain"),
        ("doc", "data.jsonl:1", "text/plain"),
        ("doc", "link_inside.txt", "text/plain"),
        ("doc", "notes", None),
        ("doc", "page.php", "text/html"),
    ]
    by_name = {item.source.removeprefix(prefix): item for item in items}
    assert by_name["a/y.htm.gz"].content == b"<html><body>y</body></html>"
    assert by_name["archive.dat"].content == b"gzipped text with an odd name\n"
    assert by_name["link_inside.txt"].content == b"plain text b\n"
    assert by_name["data.jsonl:1"].url == "https://example.org/x"


def test_explicit_files_are_always_attempted_even_binary_or_hidden(tmp_path: Path) -> None:
    png = _write(tmp_path / "photo.png", PNG_BYTES)
    hidden = _write(tmp_path / ".draft", b"hidden but named explicitly\n")
    empty = _write(tmp_path / "empty.txt", b"")
    items = list(iter_paths([str(png), str(hidden), str(empty)]))
    assert items_summary(items) == [
        ("doc", str(png), None),
        ("doc", str(hidden), None),
        ("doc", str(empty), "text/plain"),
    ]
    assert items[0].content == PNG_BYTES


def test_missing_unreadable_and_special_paths_fail_without_stopping(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    good = _write(tmp_path / "good.txt", b"still read\n")
    items = list(iter_paths([str(tmp_path / "missing.html"), str(fifo), str(good)]))
    assert items_summary(items) == [
        ("fail", str(tmp_path / "missing.html"), "not_found"),
        ("fail", str(fifo), "unreadable"),
        ("doc", str(good), "text/plain"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    locked = _write(tmp_path / "locked.txt", b"no access\n")
    locked.chmod(0)
    try:
        assert items_summary(list(iter_paths([str(locked)]))) == [
            ("fail", str(locked), "unreadable")
        ]
    finally:
        locked.chmod(0o600)


def test_size_limits_apply_to_plain_and_gzipped_documents(tmp_path: Path) -> None:
    limits = InputLimits(max_bytes=1000)
    big = _write(tmp_path / "big.txt", b"x" * 1001)
    fits = _write(tmp_path / "fits.txt", b"x" * 1000)
    big_gz = _write(tmp_path / "big.html.gz", gzip.compress(b"<p>" + b"y" * 2000))
    items = list(iter_paths([str(big), str(fits), str(big_gz)], limits))
    assert items_summary(items) == [
        ("fail", str(big), "too_large"),
        ("doc", str(fits), "text/plain"),
        ("fail", str(big_gz), "too_large"),
    ]
    assert "max_bytes=1000" in items[0].detail


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed to about 200 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MiB)
    return b"".join([*(compressor.compress(zeros) for _ in range(200)), compressor.flush()])


def test_gzip_bomb_is_stopped_at_the_decompression_cap(tmp_path: Path, gzip_bomb: bytes) -> None:
    assert len(gzip_bomb) < 300_000
    bomb = _write(tmp_path / "bomb.txt.gz", gzip_bomb)
    limits = InputLimits(max_bytes=500 * MiB, max_decompressed_bytes=2 * MiB)
    started = time.monotonic()
    items = list(iter_paths([str(bomb)], limits))
    assert time.monotonic() - started < 1.0
    assert items_summary(items) == [("fail", str(bomb), "too_large")]
    assert "max_decompressed_bytes=2097152" in items[0].detail


def test_broken_gzip_is_bad_gzip_and_iteration_goes_on(tmp_path: Path) -> None:
    page = gzip.compress(b"<html><body>" + b"text " * 5000 + b"</body></html>")
    truncated = _write(tmp_path / "cut.html.gz", page[: len(page) // 2])
    not_gzip = _write(tmp_path / "plain.txt.gz", b"this was never compressed\n")
    good = _write(tmp_path / "good.txt", b"fine\n")
    items = list(iter_paths([str(truncated), str(not_gzip), str(good)]))
    assert items_summary(items) == [
        ("fail", str(truncated), "bad_gzip"),
        ("fail", str(not_gzip), "bad_gzip"),
        ("doc", str(good), "text/plain"),
    ]


# --------------------------------------------------------------------------- WARC


def _chunked(body: bytes, size: int = 100) -> bytes:
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks) + b"0\r\n\r\n"


def _response(
    writer: WARCWriter, url: str, status: str, headers: list[tuple[str, str]], body: bytes
):
    http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )


def build_warc(path: Path, *, compress: bool, extra_bodies: dict[str, bytes] | None = None) -> Path:
    """A small crawl: warcinfo, request, five responses of different kinds, metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = writer.create_warc_record(
            "https://example.org/news/1",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /news/1 HTTP/1.1", [("Host", "example.org")], is_http_request=True
            ),
        )
        writer.write_record(request)
        encoded = _chunked(gzip.compress(UTF8_PAGE.encode()))
        headers = [
            ("Content-Type", "text/html; charset=UTF-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ]
        writer.write_record(
            _response(writer, "https://example.org/news/1", "200 OK", headers, encoded)
        )
        headers = [("Content-Type", 'text/html; charset="windows-1251"')]
        writer.write_record(
            _response(
                writer, "https://example.ru/news/2", "200 OK", headers, CP1251_PAGE.encode("cp1251")
            )
        )
        headers = [("Content-Type", "image/png")]
        writer.write_record(
            _response(writer, "https://example.org/logo.png", "200 OK", headers, PNG_BYTES)
        )
        headers = [("Content-Type", "text/html")]
        writer.write_record(
            _response(
                writer, "https://example.org/gone", "404 Not Found", headers, b"<html>404</html>"
            )
        )
        headers = [("Location", "https://example.org/news/1")]
        writer.write_record(
            _response(writer, "https://example.org/old", "301 Moved Permanently", headers, b"")
        )
        writer.write_record(
            _response(writer, "https://example.org/bare", "200 OK", [], SNIFFED_PAGE)
        )
        for url, body in (extra_bodies or {}).items():
            headers = [("Content-Type", "text/html")]
            writer.write_record(_response(writer, url, "200 OK", headers, body))
        metadata = writer.create_warc_record(
            "https://example.org/news/1",
            "metadata",
            payload=io.BytesIO(b"outlinks: none\n"),
            warc_content_type="application/warc-fields",
        )
        writer.write_record(metadata)
    return path


def record_offsets(path: Path) -> dict[str, int]:
    """Offsets of response records by target URI, as warcio itself reports them."""
    offsets = {}
    with open(path, "rb") as warc_file:
        archive = ArchiveIterator(warc_file)
        for record in archive:
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                offsets[uri] = archive.get_record_offset()
    return offsets


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_html_responses_and_http_errors(tmp_path: Path, compress: bool) -> None:
    warc = build_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress=compress)
    offsets = record_offsets(warc)

    items = list(iter_warc(warc))

    assert items_summary(items) == [
        ("doc", f"{warc}#{offsets['https://example.org/news/1']}", "text/html"),
        ("doc", f"{warc}#{offsets['https://example.ru/news/2']}", "text/html"),
        ("fail", f"{warc}#{offsets['https://example.org/gone']}", "http_error"),
        ("doc", f"{warc}#{offsets['https://example.org/bare']}", "text/html"),
    ]
    utf8, cp1251, gone, bare = items
    assert utf8.content == UTF8_PAGE.encode()  # chunking and gzip content-encoding removed
    assert (utf8.url, utf8.charset) == ("https://example.org/news/1", "utf-8")
    assert utf8.fetched_at == datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    assert cp1251.content.decode(cp1251.charset) == CP1251_PAGE
    assert cp1251.charset == "windows-1251"
    assert (gone.url, gone.http_status) == ("https://example.org/gone", 404)
    assert bare.content == SNIFFED_PAGE
    assert bare.charset is None


def test_warc_from_a_file_object_and_inside_a_folder_walk(tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "corpus" / "crawl.warc.gz", compress=True)
    from_stream = list(iter_warc(io.BytesIO(warc.read_bytes()), source="crawl"))
    assert [item.source.split("#")[0] for item in from_stream] == ["crawl"] * 4
    from_folder = list(iter_paths([str(tmp_path / "corpus")]))
    assert [item.source for item in from_folder] == [
        item.source.replace("crawl", str(warc), 1) for item in from_stream
    ]


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("cut_at", ["inside_third_page", "inside_last_headers"])
def test_truncated_warc_keeps_earlier_records_then_one_bad_warc(
    tmp_path: Path, compress: bool, cut_at: str
) -> None:
    warc = build_warc(tmp_path / "full.warc", compress=compress)
    data = warc.read_bytes()
    offsets = record_offsets(warc)
    bare = offsets["https://example.org/bare"]
    end = bare + 40 if cut_at == "inside_last_headers" else bare + (len(data) - bare) // 2
    truncated = _write(tmp_path / "cut.warc", data[:end])

    items = list(iter_warc(truncated))

    assert [kind for kind, _, _ in items_summary(items)] == ["doc", "doc", "fail", "fail"]
    assert items[2].reason == "http_error"
    assert items[-1].reason == "bad_warc"
    assert items[-1].source == f"{truncated}#{bare}"


def test_text_file_named_warc_is_bad_warc(tmp_path: Path) -> None:
    fake = _write(tmp_path / "fake.warc", b"this is not an archive\n")
    assert items_summary(list(iter_warc(fake))) == [("fail", f"{fake}#0", "bad_warc")]


def test_warc_payload_limits(tmp_path: Path) -> None:
    big_page = b"<html><body>" + b"<p>news</p>" * 200_000 + b"</body></html>"  # ~2.2 MB
    extra = {"https://example.org/huge": big_page, "https://example.org/after": b"<html>ok</html>"}
    warc = build_warc(tmp_path / "big.warc.gz", compress=True, extra_bodies=extra)

    over_max_bytes = list(iter_warc(warc, limits=InputLimits(max_bytes=MiB)))
    assert [item.url for item in over_max_bytes if isinstance(item, FailedInput)] == [
        "https://example.org/gone",
        "https://example.org/huge",
    ]
    assert over_max_bytes[-2].reason == "too_large"
    assert over_max_bytes[-1].url == "https://example.org/after"

    # A gzip record declaring more than the bomb cap ends the file: skipping it would
    # mean inflating it.
    over_cap = list(iter_warc(warc, limits=InputLimits(max_decompressed_bytes=MiB)))
    assert over_cap[-1].reason == "too_large"
    assert over_cap[-1].url == "https://example.org/huge"
    assert "not read" in over_cap[-1].detail


def test_undecodable_content_encoding_is_reported_per_record(tmp_path: Path) -> None:
    noise = random.Random(0).randbytes(100_000).hex().encode()
    compressed = bytearray(gzip.compress(b"<html><body>" + noise + b"</body></html>"))
    compressed[len(compressed) // 2 :] = bytes(len(compressed) - len(compressed) // 2)
    path = tmp_path / "enc.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
        writer.write_record(
            _response(writer, "https://example.org/broken", "200 OK", headers, bytes(compressed))
        )
        headers = [("Content-Type", "text/html")]
        writer.write_record(
            _response(writer, "https://example.org/fine", "200 OK", headers, b"<html>ok</html>")
        )
    items = list(iter_warc(path))
    assert [(type(item).__name__, item.url) for item in items] == [
        ("FailedInput", "https://example.org/broken"),
        ("RawDocument", "https://example.org/fine"),
    ]
    assert items[0].reason == "bad_content_encoding"


# --------------------------------------------------------------------------- JSONL


JSONL_LINES = [
    json.dumps({"url": "https://example.org/a", "html": "<p>Grüße</p>"}),
    json.dumps(
        {
            "url": "https://example.org/b",
            "text": "Plain body",
            "fetched_at": "2024-05-01T14:30:00+02:00",
            "source": "crawl-2024/b",
        }
    ),
    "",
    "{not json",
    json.dumps({"html": "<p>no url</p>"}),
    json.dumps({"url": "https://example.org/c"}),
    json.dumps(["https://example.org/d", "<p>list</p>"]),
    json.dumps({"url": "https://example.org/e", "text": 42}),
    json.dumps({"url": "https://example.org/f", "text": "x", "fetched_at": "yesterday"}),
    json.dumps({"url": "https://example.org/g", "html": "<p>both</p>", "text": "both"}),
    "[" * 100_000 + "]" * 100_000,
]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "data.jsonl", "\n".join(JSONL_LINES).encode() + b"\n")
    items = list(iter_jsonl(path))
    assert items_summary(items) == [
        ("doc", f"{path}:1", "text/html"),
        ("doc", "crawl-2024/b", "text/plain"),
        ("fail", f"{path}:4", "bad_record"),
        ("fail", f"{path}:5", "bad_record"),
        ("fail", f"{path}:6", "bad_record"),
        ("fail", f"{path}:7", "bad_record"),
        ("fail", f"{path}:8", "bad_record"),
        ("fail", f"{path}:9", "bad_record"),
        ("doc", f"{path}:10", "text/html"),
        ("fail", f"{path}:11", "bad_record"),
    ]
    first, second = items[0], items[1]
    assert (first.content, first.url, first.charset) == (
        "<p>Grüße</p>".encode(),
        "https://example.org/a",
        "utf-8",
    )
    assert second.fetched_at == datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    assert items[8].content == b"<p>both</p>"
    assert "url" in items[3].detail and "html" in items[4].detail


def test_jsonl_gz_with_bom_and_record_limits(tmp_path: Path) -> None:
    lines = [
        "\ufeff" + json.dumps({"url": "https://example.org/1", "text": "first"}),
        json.dumps({"url": "https://example.org/2", "text": "y" * 5000}),
        json.dumps({"url": "https://example.org/3", "html": "z" * 700}),
        json.dumps({"url": "https://example.org/4", "text": "last"}),
    ]
    path = _write(tmp_path / "data.ndjson.gz", gzip.compress("\n".join(lines).encode()))
    limits = InputLimits(max_bytes=500, max_record_bytes=1000)
    items = list(iter_jsonl(path, limits))
    assert items_summary(items) == [
        ("doc", f"{path}:1", "text/plain"),
        ("fail", f"{path}:2", "too_large"),
        ("fail", f"{path}:3", "too_large"),
        ("doc", f"{path}:4", "text/plain"),
    ]
    assert "max_record_bytes=1000" in items[1].detail
    assert items[2].url == "https://example.org/3"
    assert items[3].content == b"last"


def test_jsonl_bomb_and_truncated_gzip_end_the_file_after_good_lines(
    tmp_path: Path, gzip_bomb: bytes
) -> None:
    good = json.dumps({"url": "https://example.org/1", "text": "before"}).encode() + b"\n"
    bomb = _write(tmp_path / "bomb.jsonl.gz", gzip.compress(good) + gzip_bomb)
    limits = InputLimits(max_record_bytes=64 * 1024, max_decompressed_bytes=2 * MiB)
    started = time.monotonic()
    items = list(iter_jsonl(bomb, limits))
    assert time.monotonic() - started < 1.0
    assert items_summary(items) == [
        ("doc", f"{bomb}:1", "text/plain"),
        ("fail", f"{bomb}:2", "too_large"),
        ("fail", f"{bomb}:2", "too_large"),
    ]
    assert "rest of the file was not read" in items[-1].detail

    lines = b"".join(
        json.dumps({"url": f"https://example.org/{n}", "text": f"doc {n} " + "w" * 3000}).encode()
        + b"\n"
        for n in range(20)
    )
    compressed = gzip.compress(lines)
    cut = _write(tmp_path / "cut.jsonl.gz", compressed[: len(compressed) * 3 // 4])
    items = list(iter_jsonl(cut))
    assert all(isinstance(item, RawDocument) for item in items[:-1])
    assert len(items) > 2
    assert items[-1].reason == "bad_gzip"
    assert items[-1].source == f"{cut}:{len(items)}"


def test_jsonl_missing_file_is_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert items_summary(list(iter_jsonl(missing))) == [("fail", str(missing), "not_found")]


# --------------------------------------------------------------------------- URL lists


def test_read_url_list_strips_comments_blanks_and_duplicates(tmp_path: Path) -> None:
    url_file = _write(
        tmp_path / "urls.txt",
        (
            "\ufeff# seed list for the morning run\n"
            "https://example.org/a\n"
            "\n"
            "   https://example.org/b#section-2   \n"
            "  # indented comment\n"
            "https://example.org/a\n"
            "http://example.net/c\t\n"
        ).encode(),
    )
    assert read_url_list(url_file) == [
        "https://example.org/a",
        "https://example.org/b#section-2",
        "http://example.net/c",
    ]


# --------------------------------------------------------------------------- discovery

RSS_FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Example News</title>
    <link>https://news.example.org/</link>
    <atom:link href="https://news.example.org/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Latest stories</description>
    <item>
      <title><![CDATA[Council approves budget & new park]]></title>
      <link>https://news.example.org/2024/05/01/budget.html</link>
      <pubDate>Wed, 01 May 2024 08:15:00 +0200</pubDate>
      <guid isPermaLink="false">news-4711</guid>
      <content:encoded><![CDATA[<p>The council ...</p>]]></content:encoded>
    </item>
    <item>
      <title>Relative link</title>
      <link>/2024/05/02/relative.html</link>
      <dc:date>2024-05-02T06:00:00Z</dc:date>
    </item>
    <item>
      <title>Only a permalink guid</title>
      <guid>https://news.example.org/2024/05/03/guid.html</guid>
    </item>
    <item><title>Mail us</title><link>mailto:desk@example.org</link></item>
    <item><title>Duplicate</title><link>https://news.example.org/2024/05/01/budget.html</link></item>
  </channel>
</rss>
"""

RDF_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://blog.example.de/">
    <title>Beispiel-Blog</title>
    <link>https://blog.example.de/</link>
    <items><rdf:Seq>
      <rdf:li rdf:resource="https://blog.example.de/artikel/1"/>
      <rdf:li rdf:resource="https://blog.example.de/artikel/2"/>
    </rdf:Seq></items>
  </channel>
  <item rdf:about="https://blog.example.de/artikel/1">
    <title>Erster Artikel</title>
    <link>https://blog.example.de/artikel/1</link>
    <dc:date>2024-04-30T18:00:00+02:00</dc:date>
  </item>
  <item rdf:about="https://blog.example.de/artikel/2">
    <title>Zweiter Artikel</title>
  </item>
</rdf:RDF>
"""

ATOM_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.example.com/blog/">
  <title>Example Blog</title>
  <link href="https://www.example.com/blog/" rel="alternate"/>
  <link href="https://www.example.com/blog/atom.xml" rel="self"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-05-03T10:00:00Z</updated>
  <entry>
    <title type="html">Release 2.0 &amp;lt;beta&amp;gt;</title>
    <link rel="enclosure" href="/media/release.mp3" type="audio/mpeg"/>
    <link rel="alternate" type="text/html" href="posts/release-2"/>
    <id>tag:example.com,2024:release-2</id>
    <published>2024-05-03T09:00:00-05:00</published>
    <updated>2024-05-03T10:00:00Z</updated>
  </entry>
  <entry xml:base="https://cdn.example.com/mirror/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Mirrored <b>post</b></div></title>
    <link href="mirrored.html"/>
    <id>tag:example.com,2024:mirrored</id>
    <updated>2024-05-01T00:00:00Z</updated>
  </entry>
  <entry>
    <title>Id is the permalink</title>
    <id>https://www.example.com/blog/posts/id-only</id>
    <updated>2024-04-01</updated>
  </entry>
</feed>
"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://www.example.org/politik/wahl-2024.html</loc>
    <lastmod>2024-05-01T08:00:00+02:00</lastmod>
    <news:news><news:title>Wahl 2024</news:title></news:news>
  </url>
  <url><loc>  /wirtschaft/zinsen.html  </loc><lastmod>2024-04-30</lastmod></url>
  <url><loc>https://www.example.org/kultur/?id=1&amp;page=2</loc></url>
  <url><loc>ftp://www.example.org/file.txt</loc></url>
</urlset>
"""

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.org/sitemap-news.xml.gz</loc><lastmod>2024-05</lastmod></sitemap>
  <sitemap><loc>sitemap-archive-2023.xml</loc></sitemap>
</sitemapindex>
"""

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol0 "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><item><title>&lol9;</title>'
    b"<link>https://example.org/laughs</link></item></channel></rss>"
)

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>leak &xxe;</title>
<link>https://example.org/xxe</link></item></channel></rss>"""


def test_parse_rss2_links_dates_and_resolution() -> None:
    entries = parse_feed(RSS_FEED, "https://news.example.org/feed.xml")
    assert entries == [
        FeedEntry(
            "https://news.example.org/2024/05/01/budget.html",
            "Council approves budget & new park",
            datetime(2024, 5, 1, 6, 15, tzinfo=UTC),
        ),
        FeedEntry(
            "https://news.example.org/2024/05/02/relative.html",
            "Relative link",
            datetime(2024, 5, 2, 6, 0, tzinfo=UTC),
        ),
        FeedEntry("https://news.example.org/2024/05/03/guid.html", "Only a permalink guid"),
    ]


def test_parse_rss1_rdf() -> None:
    entries = parse_feed(RDF_FEED, "https://blog.example.de/index.rdf")
    assert entries == [
        FeedEntry(
            "https://blog.example.de/artikel/1",
            "Erster Artikel",
            datetime(2024, 4, 30, 16, 0, tzinfo=UTC),
        ),
        FeedEntry("https://blog.example.de/artikel/2", "Zweiter Artikel"),
    ]


def test_parse_atom_alternate_links_xml_base_and_dates() -> None:
    entries = parse_feed(ATOM_FEED, "https://www.example.com/blog/atom.xml")
    assert entries == [
        FeedEntry(
            "https://www.example.com/blog/posts/release-2",
            "Release 2.0 <beta>",
            datetime(2024, 5, 3, 14, 0, tzinfo=UTC),
        ),
        FeedEntry(
            "https://cdn.example.com/mirror/mirrored.html",
            "Mirrored post",
            datetime(2024, 5, 1, tzinfo=UTC),
        ),
        FeedEntry(
            "https://www.example.com/blog/posts/id-only",
            "Id is the permalink",
            datetime(2024, 4, 1, tzinfo=UTC),
        ),
    ]


def test_parse_feed_recovers_from_unescaped_ampersand_and_gzip() -> None:
    broken = RSS_FEED.replace(b"<![CDATA[Council approves budget & new park]]>", b"Budget & park")
    entries = parse_feed(gzip.compress(broken), "https://news.example.org/feed.xml")
    assert [entry.url for entry in entries][:2] == [
        "https://news.example.org/2024/05/01/budget.html",
        "https://news.example.org/2024/05/02/relative.html",
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body><p>Not a feed</p></body></html>",
        b"just some words",
        b"",
        gzip.compress(b"<rss>")[:-6],
        URLSET,
    ],
    ids=["html", "text", "empty", "corrupt-gzip", "sitemap"],
)
def test_parse_feed_rejects_non_feeds(content: bytes) -> None:
    with pytest.raises(DiscoveryError):
        parse_feed(content, "https://example.org/feed")


def test_billion_laughs_and_external_entities_do_not_expand() -> None:
    started = time.monotonic()
    entries = parse_feed(BILLION_LAUGHS, "https://example.org/")
    assert time.monotonic() - started < 1.0
    assert all("lol" not in (entry.title or "") for entry in entries)
    assert sniff_discovery_kind(BILLION_LAUGHS) == "rss"

    [entry] = parse_feed(XXE, "https://example.org/")
    assert entry.url == "https://example.org/xxe"
    assert entry.title == "leak"


def test_parse_urlset_with_lastmod_and_relative_locs() -> None:
    sitemap = parse_sitemap(URLSET, "https://www.example.org/sitemap.xml")
    assert sitemap.kind == "urlset"
    assert sitemap.sitemaps == ()
    assert sitemap.urls == (
        SitemapEntry(
            "https://www.example.org/politik/wahl-2024.html",
            datetime(2024, 5, 1, 6, 0, tzinfo=UTC),
        ),
        SitemapEntry(
            "https://www.example.org/wirtschaft/zinsen.html", datetime(2024, 4, 30, tzinfo=UTC)
        ),
        SitemapEntry("https://www.example.org/kultur/?id=1&page=2"),
    )


def test_parse_sitemap_index_plain_and_gzipped() -> None:
    expected = (
        SitemapEntry(
            "https://www.example.org/sitemap-news.xml.gz", datetime(2024, 5, 1, tzinfo=UTC)
        ),
        SitemapEntry("https://www.example.org/sitemaps/sitemap-archive-2023.xml"),
    )
    for content in (SITEMAP_INDEX, gzip.compress(SITEMAP_INDEX)):
        sitemap = parse_sitemap(content, "https://www.example.org/sitemaps/index.xml")
        assert (sitemap.kind, sitemap.urls, sitemap.sitemaps) == ("sitemapindex", (), expected)


def test_parse_text_sitemap_and_feed_as_sitemap() -> None:
    text = b"https://example.org/a\r\n\r\nhttps://example.org/b\n/c\n"
    sitemap = parse_sitemap(text, "https://example.org/sitemap.txt")
    assert [entry.url for entry in sitemap.urls] == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/c",
    ]
    from_feed = parse_sitemap(RDF_FEED, "https://blog.example.de/index.rdf")
    assert [entry.url for entry in from_feed.urls] == [
        "https://blog.example.de/artikel/1",
        "https://blog.example.de/artikel/2",
    ]


def test_parse_sitemap_rejects_prose_html_and_bombs(gzip_bomb: bytes) -> None:
    with pytest.raises(DiscoveryError, match="line 2"):
        parse_sitemap(b"https://example.org/a\nsee you soon\n", "https://example.org/")
    with pytest.raises(DiscoveryError, match="not a sitemap"):
        parse_sitemap(b"<!DOCTYPE html><html><body>hi</body></html>", "https://example.org/")
    with pytest.raises(DiscoveryError, match="inflates"):
        parse_sitemap(gzip_bomb, "https://example.org/", max_decompressed_bytes=MiB)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (RSS_FEED, "rss"),
        (RDF_FEED, "rss"),
        (ATOM_FEED, "atom"),
        (URLSET, "sitemap"),
        (SITEMAP_INDEX, "sitemapindex"),
        (gzip.compress(SITEMAP_INDEX), "sitemapindex"),
        (b"https://example.org/a\nhttps://example.org/b\n", "sitemap"),
        (b"<!DOCTYPE html>\n<html><head><title>Home</title></head></html>", "html"),
        (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            "html",
        ),
        (b"Just a paragraph of prose, not URLs.\n", None),
        (b'{"url": "https://example.org"}', None),
        (PNG_BYTES, None),
        (b"", None),
    ],
)
def test_sniff_discovery_kind_routes_content(content: bytes, expected: str | None) -> None:
    assert sniff_discovery_kind(content) == expected


def test_sniff_discovery_kind_on_real_page() -> None:
    page = gzip.decompress((HTML_PAGES / "wordsmith.org.maudlin.html.gz").read_bytes())
    assert sniff_discovery_kind(page) == "html"
