"""Tests for flows.fetch against a local HTTP server; nothing here touches the internet.

Waits that the fetcher chooses (backoff, Retry-After) are observed through an injected fake
clock/sleep. Politeness is asserted on server-side timestamps and concurrency counters.
"""

from __future__ import annotations

import base64
import gzip
import itertools
import logging
import random
import socket
import time
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC
from typing import Any

import pytest

from cleaners.model import RawDocument
from flows.fetch import (
    DEFAULT_USER_AGENT,
    FetchConfig,
    Fetcher,
    FetchReason,
    MemoryValidatorStore,
    NotModified,
    is_public_address,
    redact_url,
)
from flows.records import FailedInput
from tests.httpserver import LocalHTTPServer, Reply, encode_body, http_date

pytestmark = pytest.mark.timeout(30)

# Loopback allowed (the test server lives there), no politeness delay, tiny backoff.
LOCAL = FetchConfig(
    allow_private=True,
    per_host_delay=0.0,
    backoff_base=0.01,
    jitter=0.0,
    max_retries=2,
    connect_timeout=2.0,
    read_timeout=2.0,
    total_timeout=5.0,
)


class FakeTime:
    """A clock that only moves when the fetcher sleeps, recording every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fake_resolver(names: dict[str, list[str]]) -> Any:
    """A getaddrinfo stand-in: `names` maps hostnames to addresses; others do not resolve."""

    def resolve(host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple[Any, ...]]:
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in names[host]
        ]

    return resolve


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as local_server:
        yield local_server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def fetcher(fake_time: FakeTime) -> Iterator[Fetcher]:
    with Fetcher(LOCAL, sleep=fake_time.sleep, clock=fake_time.clock) as local_fetcher:
        yield local_fetcher


def make_fetcher(fake_time: FakeTime | None = None, **overrides: Any) -> Fetcher:
    resolver = overrides.pop("resolver", socket.getaddrinfo)
    validators = overrides.pop("validators", None)
    timing = {"sleep": fake_time.sleep, "clock": fake_time.clock} if fake_time else {}
    return Fetcher(replace(LOCAL, **overrides), validators, resolver, **timing)


def assert_failed(result: object, reason: FetchReason, status: int | None = None) -> FailedInput:
    assert isinstance(result, FailedInput), result
    assert result.reason == reason.value, result
    assert result.http_status == status
    return result


# --------------------------------------------------------------------------- success


def test_fetches_html_keeping_bytes_and_declared_charset(server, fetcher):
    body = "<html><body><p>Café crème</p></body></html>".encode("iso-8859-1")
    server.route("/article", Reply(body=body, content_type='text/html; charset="ISO-8859-1"'))

    result = fetcher.fetch(server.url("/article"))

    assert isinstance(result, RawDocument)
    assert result.content == body  # bytes as sent, not charset-decoded
    assert result.media_type == "text/html"
    assert result.charset == "iso-8859-1"
    assert result.source == result.url == server.url("/article")
    assert result.fetched_at is not None and result.fetched_at.tzinfo is UTC
    sent = server.requests("/article")[0].headers
    assert sent["user-agent"] == DEFAULT_USER_AGENT
    assert sent["user-agent"].startswith("newsclean/")
    assert sent["accept-encoding"] == "gzip, deflate, br"


def test_missing_content_type_is_allowed_for_later_sniffing(server, fetcher):
    server.route("/raw", Reply(body=b"plain words", content_type=None))

    result = fetcher.fetch(server.url("/raw"))

    assert isinstance(result, RawDocument)
    assert (result.media_type, result.charset, result.content) == (None, None, b"plain words")


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_compressed_bodies_are_decoded(server, fetcher, encoding):
    text = b"<p>" + b"compressible news text " * 500 + b"</p>"
    server.route("/zipped", Reply(body=text, encoding=encoding))

    result = fetcher.fetch(server.url("/zipped"))

    assert isinstance(result, RawDocument)
    assert result.content == text


def test_empty_compressed_body_is_empty(server, fetcher):
    server.route("/empty", Reply(body=b"", headers={"Content-Encoding": "gzip"}))

    assert fetcher.fetch(server.url("/empty")).content == b""


def test_raw_deflate_and_chunked_gzip_are_decoded(server, fetcher):
    text = b"<p>" + b"streamed text " * 2000 + b"</p>"
    squeezer = zlib.compressobj(wbits=-15)
    raw_deflate = squeezer.compress(text) + squeezer.flush()
    server.route("/raw-deflate", Reply(body=raw_deflate, headers={"Content-Encoding": "deflate"}))
    server.route("/chunked", Reply(body=text, encoding="gzip", chunk_size=100))

    assert fetcher.fetch(server.url("/raw-deflate")).content == text
    assert fetcher.fetch(server.url("/chunked")).content == text


def test_hostname_resolved_by_injected_resolver(server, fake_time):
    """Proves connections go through our vetting backend: only our resolver knows news.test."""
    server.route("/", Reply(body=b"<p>ok</p>"))
    resolver = fake_resolver({"news.test": ["127.0.0.1"]})

    with make_fetcher(fake_time, resolver=resolver) as fetcher:
        result = fetcher.fetch(server.url("/", host="news.test"))

    assert isinstance(result, RawDocument)
    assert server.requests("/")[0].headers["host"] == f"news.test:{server.port}"


# --------------------------------------------------------------------------- redirects


def test_follows_relative_and_absolute_redirects(server, fetcher):
    server.redirect("/old", "/middle", status=301)
    server.redirect("/middle", "next/page", status=302)  # path-relative
    server.redirect("/next/page", server.url("/final"), status=307)  # absolute
    server.route("/final", Reply(body=b"<p>arrived</p>"))

    result = fetcher.fetch(server.url("/old"))

    assert isinstance(result, RawDocument)
    assert result.source == server.url("/old")
    assert result.url == server.url("/final")
    assert [server.hits(p) for p in ("/old", "/middle", "/next/page", "/final")] == [1, 1, 1, 1]


def test_too_many_redirects(server, fake_time):
    server.redirect("/loop", "/loop")

    with make_fetcher(fake_time, max_redirects=3) as fetcher:
        result = fetcher.fetch(server.url("/loop"))

    assert_failed(result, FetchReason.TOO_MANY_REDIRECTS)
    assert server.hits("/loop") == 4  # the first request plus three redirects followed


def test_redirect_to_other_scheme_is_refused(server, fetcher):
    server.redirect("/to-file", "file:///etc/passwd")

    result = fetcher.fetch(server.url("/to-file"))

    assert_failed(result, FetchReason.BAD_SCHEME)


# --------------------------------------------------------------------------- statuses & retries


@pytest.mark.parametrize("status", [404, 410])
def test_not_found_is_not_retried(server, fetcher, fake_time, status):
    server.route("/gone", Reply(status=status, body=b"nope"))

    result = fetcher.fetch(server.url("/gone"))

    assert_failed(result, FetchReason.NOT_FOUND, status)
    assert server.hits("/gone") == 1
    assert fake_time.sleeps == []


def test_other_client_errors_are_http_errors_without_retry(server, fetcher):
    server.route("/forbidden", Reply(status=403))

    result = fetcher.fetch(server.url("/forbidden"))

    assert_failed(result, FetchReason.HTTP_ERROR, 403)
    assert server.hits("/forbidden") == 1


def test_server_error_then_success_is_retried_with_backoff(server, fetcher, fake_time):
    server.route("/flaky", [Reply(status=500), Reply(status=502), Reply(body=b"<p>ok</p>")])

    result = fetcher.fetch(server.url("/flaky"))

    assert isinstance(result, RawDocument)
    assert server.hits("/flaky") == 3
    assert fake_time.sleeps == pytest.approx([0.01, 0.02])  # backoff_base * 2**n, no jitter


def test_persistent_server_error_gives_up_after_max_retries(server, fetcher):
    server.route("/down", Reply(status=503))

    result = fetcher.fetch(server.url("/down"))

    assert_failed(result, FetchReason.HTTP_ERROR, 503)
    assert server.hits("/down") == LOCAL.max_retries + 1


def test_jitter_comes_from_the_injected_rng(server, fake_time):
    server.route("/down", Reply(status=500))
    config = replace(LOCAL, jitter=0.5, max_retries=1)
    expected_factor = 1 + 0.5 * random.Random(7).random()

    with Fetcher(config, sleep=fake_time.sleep, clock=fake_time.clock, rng=random.Random(7)) as f:
        f.fetch(server.url("/down"))

    assert fake_time.sleeps == pytest.approx([0.01 * expected_factor])


def test_429_honours_retry_after_seconds(server, fetcher, fake_time):
    server.route(
        "/busy", [Reply(status=429, headers={"Retry-After": "7"}), Reply(body=b"<p>ok</p>")]
    )

    result = fetcher.fetch(server.url("/busy"))

    assert isinstance(result, RawDocument)
    assert fake_time.sleeps == [7.0]
    assert server.hits("/busy") == 2


def test_retry_after_http_date(server, fetcher, fake_time):
    later = http_date(time.time() + 30)
    server.route(
        "/busy", [Reply(status=503, headers={"Retry-After": later}), Reply(body=b"<p>ok</p>")]
    )

    result = fetcher.fetch(server.url("/busy"))

    assert isinstance(result, RawDocument)
    assert len(fake_time.sleeps) == 1
    assert 27 < fake_time.sleeps[0] <= 30


def test_retry_after_beyond_the_cap_gives_up_at_once(server, fake_time):
    server.route("/busy", Reply(status=429, headers={"Retry-After": "3600"}))

    with make_fetcher(fake_time, max_retry_after=60) as fetcher:
        result = fetcher.fetch(server.url("/busy"))

    failed = assert_failed(result, FetchReason.HTTP_ERROR, 429)
    assert "3600" in failed.detail
    assert server.hits("/busy") == 1
    assert fake_time.sleeps == []


def test_retry_after_delays_other_requests_to_the_same_host(server, fetcher, fake_time):
    server.route("/busy", [Reply(status=429, headers={"Retry-After": "5"}), Reply()])
    server.route("/other", Reply())

    fetcher.fetch(server.url("/busy"))
    fake_time.now -= 5  # pretend another thread asks for /other right after the 429
    fetcher.fetch(server.url("/other"))

    assert fake_time.sleeps == [5.0, 5.0]


# --------------------------------------------------------------------------- network failures


def test_slow_response_times_out(server, fake_time):
    server.route("/slow", Reply(body=b"late", delay=3.0))

    with make_fetcher(fake_time, read_timeout=0.2, max_retries=0) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(server.url("/slow"))

    assert_failed(result, FetchReason.TIMEOUT)
    assert time.monotonic() - started < 2.0


def test_timeouts_are_retried(server, fake_time):
    server.route("/slow", [Reply(delay=3.0), Reply(body=b"<p>fast now</p>")])

    with make_fetcher(fake_time, read_timeout=0.2, max_retries=1) as fetcher:
        result = fetcher.fetch(server.url("/slow"))

    assert isinstance(result, RawDocument)
    assert server.hits("/slow") == 2


def test_connection_refused_is_a_connect_error_and_retried(fake_time):
    with socket.socket() as placeholder:  # reserve a port nobody listens on
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
    with make_fetcher(fake_time, max_retries=1, respect_robots=False) as fetcher:
        result = fetcher.fetch(f"http://127.0.0.1:{port}/")

    assert_failed(result, FetchReason.CONNECT_ERROR)
    assert len(fake_time.sleeps) == 1


def test_unresolvable_host_is_a_dns_error(fake_time):
    with make_fetcher(fake_time, resolver=fake_resolver({})) as fetcher:
        result = fetcher.fetch("http://nowhere.test/page")

    failed = assert_failed(result, FetchReason.DNS_ERROR)
    assert failed.url == "http://nowhere.test/page"
    assert fake_time.sleeps == []


# --------------------------------------------------------------------------- size limits


def test_declared_oversized_body_is_too_large(server, fake_time):
    server.route("/big", Reply(body=b"x" * 5000))

    with make_fetcher(fake_time, max_bytes=1000) as fetcher:
        result = fetcher.fetch(server.url("/big"))

    assert_failed(result, FetchReason.TOO_LARGE)


def test_streamed_oversized_body_is_cut_off(server, fake_time):
    server.route("/stream", Reply(body=b"x" * 300_000, chunk_size=16_384))

    with make_fetcher(fake_time, max_bytes=50_000) as fetcher:
        result = fetcher.fetch(server.url("/stream"))

    failed = assert_failed(result, FetchReason.TOO_LARGE)
    assert "50000" in failed.detail


def test_gzip_bomb_is_stopped_on_decoded_size(server, fake_time):
    bomb = gzip.compress(b"\0" * 20_000_000)  # ~20 kB on the wire
    server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))

    with make_fetcher(fake_time, max_bytes=1_000_000, max_decoded_bytes=1_000_000) as fetcher:
        result = fetcher.fetch(server.url("/bomb"))

    assert len(bomb) < 100_000
    assert_failed(result, FetchReason.DECOMPRESSION_BOMB)


def test_brotli_bomb_is_stopped_on_decoded_size(server, fake_time):
    bomb = encode_body(b"\0" * 20_000_000, "br")
    server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "br"}))

    with make_fetcher(fake_time, max_decoded_bytes=1_000_000) as fetcher:
        result = fetcher.fetch(server.url("/bomb"))

    assert_failed(result, FetchReason.DECOMPRESSION_BOMB)


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (b"definitely not gzip", "gzip"),
        (b"definitely not brotli", "br"),
        (gzip.compress(b"<p>cut short</p>" * 100)[:-40], "gzip"),
        (encode_body(b"<p>cut short</p>" * 100, "br")[:-5], "br"),
        (b"whatever", "zstd"),
    ],
)
def test_corrupt_or_unknown_encoding_is_bad_encoding(server, fetcher, body, encoding):
    server.route("/odd", Reply(body=body, headers={"Content-Encoding": encoding}))

    result = fetcher.fetch(server.url("/odd"))

    assert_failed(result, FetchReason.BAD_ENCODING)


# --------------------------------------------------------------------------- input checks


def test_unsupported_media_type(server, fetcher):
    server.route("/file.pdf", Reply(body=b"%PDF-1.7", content_type="application/pdf"))

    result = fetcher.fetch(server.url("/file.pdf"))

    assert_failed(result, FetchReason.UNSUPPORTED_MEDIA, 200)


def test_allowed_media_types_are_configurable(server, fake_time):
    server.route("/data.json", Reply(body=b"{}", content_type="application/json"))

    with make_fetcher(fake_time, allowed_media_types=frozenset({"application/json"})) as fetcher:
        result = fetcher.fetch(server.url("/data.json"))

    assert isinstance(result, RawDocument)
    assert result.media_type == "application/json"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/file.txt", FetchReason.BAD_SCHEME),
        ("file:///etc/passwd", FetchReason.BAD_SCHEME),
        ("javascript:alert(1)", FetchReason.BAD_SCHEME),
        ("example.com/no-scheme", FetchReason.BAD_SCHEME),
        ("http://", FetchReason.INVALID_URL),
        ("http://[::1/broken", FetchReason.INVALID_URL),
    ],
)
def test_bad_urls_fail_without_network(fetcher, url, reason):
    assert_failed(fetcher.fetch(url), reason)


# --------------------------------------------------------------------------- SSRF guard


def test_loopback_is_refused_unless_allowed(server, fake_time):
    server.route("/", Reply(body=b"<p>internal</p>"))

    with make_fetcher(fake_time, allow_private=False) as fetcher:
        result = fetcher.fetch(server.url("/"))

    assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert server.requests() == []  # not even robots.txt was requested


def test_hostname_resolving_to_loopback_is_refused(server, fake_time):
    resolver = fake_resolver({"innocent.test": ["127.0.0.1"]})

    with make_fetcher(fake_time, allow_private=False, resolver=resolver) as fetcher:
        result = fetcher.fetch(server.url("/", host="innocent.test"))

    failed = assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert "127.0.0.1" in failed.detail
    assert server.requests() == []


def test_host_with_any_private_address_is_refused(fake_time):
    resolver = fake_resolver({"mixed.test": ["93.184.216.34", "10.0.0.7"]})

    with make_fetcher(fake_time, allow_private=False, resolver=resolver) as fetcher:
        result = fetcher.fetch("http://mixed.test/")

    assert_failed(result, FetchReason.BLOCKED_ADDRESS)


def test_redirect_hop_to_private_address_is_refused(server, fake_time):
    """The first hop is allowed (127.0.0.1 exempted); the redirect's target is not."""
    resolver = fake_resolver({"intranet.test": ["127.0.0.2"]})
    server.redirect("/start", server.url("/secret", host="intranet.test"))
    server.route("/secret", Reply(body=b"<p>admin panel</p>"))
    config = {"allow_private": False, "allowed_networks": ("127.0.0.1/32",)}

    with make_fetcher(fake_time, resolver=resolver, **config) as fetcher:
        result = fetcher.fetch(server.url("/start"))

    failed = assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert failed.url == server.url("/secret", host="intranet.test")
    assert server.hits("/start") == 1
    assert server.hits("/secret") == 0


@pytest.mark.parametrize("literal", ["[::1]", "[::ffff:127.0.0.2]", "[::ffff:10.0.0.1]"])
def test_redirect_to_ipv6_literal_loopback_or_private_is_refused(server, fake_time, literal):
    server.redirect("/start", f"http://{literal}:{server.port}/secret")
    config = {"allow_private": False, "allowed_networks": ("127.0.0.1/32",)}

    with make_fetcher(fake_time, **config) as fetcher:
        result = fetcher.fetch(server.url("/start"))

    assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert server.hits("/secret") == 0


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "255.255.255.255",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "64:ff9b::a00:1",
        "2001:db8::1",
    ],
)
def test_non_public_addresses(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address):
    assert is_public_address(address)


# --------------------------------------------------------------------------- robots.txt


def test_robots_disallow_is_respected_and_cached(server, fetcher):
    server.robots("User-agent: *\nDisallow: /private\n")
    server.route("/private/story", Reply(body=b"<p>secret</p>"))
    server.route("/public/story", Reply(body=b"<p>news</p>"))

    blocked = fetcher.fetch(server.url("/private/story"))
    allowed = fetcher.fetch(server.url("/public/story"))

    assert_failed(blocked, FetchReason.ROBOTS_DISALLOWED)
    assert isinstance(allowed, RawDocument)
    assert server.hits("/private/story") == 0
    assert server.hits("/robots.txt") == 1
    assert server.requests("/robots.txt")[0].headers["user-agent"] == DEFAULT_USER_AGENT


def test_robots_rules_for_our_user_agent(server, fetcher):
    server.robots("User-agent: newsclean\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    server.route("/story", Reply(body=b"<p>news</p>"))

    assert_failed(fetcher.fetch(server.url("/story")), FetchReason.ROBOTS_DISALLOWED)


def test_robots_checked_on_every_redirect_hop(server, fake_time):
    resolver = fake_resolver({"strict.test": ["127.0.0.1"]})
    server.route(
        "/robots.txt",
        lambda request: Reply(
            body=b"User-agent: *\nDisallow: /"
            if request.headers["host"].startswith("strict.test")
            else b"",
            content_type="text/plain",
        ),
    )
    server.redirect("/hop", server.url("/landing", host="strict.test"))

    with make_fetcher(fake_time, resolver=resolver) as fetcher:
        result = fetcher.fetch(server.url("/hop"))

    assert_failed(result, FetchReason.ROBOTS_DISALLOWED)
    assert server.hits("/landing") == 0


def test_robots_server_error_disallows_and_404_allows(server, fake_time):
    server.robots("oops", status=500)
    server.route("/story", Reply(body=b"<p>news</p>"))
    resolver = fake_resolver({"other.test": ["127.0.0.1"]})

    with make_fetcher(fake_time, max_retries=0, resolver=resolver) as fetcher:
        unreachable = fetcher.fetch(server.url("/story"))
        server.route("/robots.txt", Reply(status=404))
        missing = fetcher.fetch(server.url("/story", host="other.test"))  # a fresh origin

    assert_failed(unreachable, FetchReason.ROBOTS_DISALLOWED)
    assert isinstance(missing, RawDocument)


def test_robots_can_be_ignored(server, fake_time):
    server.robots("User-agent: *\nDisallow: /\n")
    server.route("/story", Reply(body=b"<p>news</p>"))

    with make_fetcher(fake_time, respect_robots=False) as fetcher:
        result = fetcher.fetch(server.url("/story"))

    assert isinstance(result, RawDocument)
    assert server.hits("/robots.txt") == 0


# --------------------------------------------------------------------------- conditional requests


def test_etag_makes_the_second_fetch_not_modified(server, fake_time):
    server.route("/feed", Reply(body=b"<rss/>", content_type="application/rss+xml", etag='"v1"'))
    store = MemoryValidatorStore()

    with make_fetcher(fake_time, validators=store) as fetcher:
        first = fetcher.fetch(server.url("/feed"))
        second = fetcher.fetch(server.url("/feed"))

    assert isinstance(first, RawDocument)
    assert isinstance(second, NotModified)
    assert second.reason == "not_modified"
    assert second.etag == '"v1"'
    assert second.fetched_at.tzinfo is UTC
    assert store.get(server.url("/feed")) == ('"v1"', None)
    assert server.requests("/feed")[1].headers["if-none-match"] == '"v1"'


def test_last_modified_makes_the_second_fetch_not_modified(server, fake_time):
    stamp = http_date(1_700_000_000)
    server.route("/page", Reply(body=b"<p>x</p>", last_modified=stamp))
    store = MemoryValidatorStore()

    with make_fetcher(fake_time, validators=store) as fetcher:
        fetcher.fetch(server.url("/page"))
        second = fetcher.fetch(server.url("/page"))

    assert isinstance(second, NotModified)
    assert server.requests("/page")[1].headers["if-modified-since"] == stamp


def test_without_a_store_no_validators_are_sent(server, fetcher):
    server.route("/feed", Reply(body=b"<rss/>", etag='"v1"'))

    fetcher.fetch(server.url("/feed"))
    second = fetcher.fetch(server.url("/feed"))

    assert isinstance(second, RawDocument)
    assert "if-none-match" not in server.requests("/feed")[1].headers


# --------------------------------------------------------------------------- credentials


def test_credentials_never_reach_failures_or_logs(server, fetcher, caplog):
    caplog.set_level(logging.DEBUG)
    server.route("/private", Reply(status=404))
    url = server.url("/private").replace("http://", "http://editor:hunter2@")

    result = fetcher.fetch(url)

    failed = assert_failed(result, FetchReason.NOT_FOUND, 404)
    assert "hunter2" not in f"{failed.source} {failed.url} {failed.detail}"
    assert failed.source == server.url("/private").replace("http://", "http://***@")
    assert "hunter2" not in caplog.text
    assert base64.b64encode(b"editor:hunter2").decode() not in caplog.text
    assert server.requests("/private")[0].headers["authorization"].startswith("Basic ")


def test_credentials_are_dropped_on_cross_origin_redirect(server, fake_time):
    resolver = fake_resolver({"elsewhere.test": ["127.0.0.1"]})
    server.redirect("/login", server.url("/landing", host="elsewhere.test"))
    server.route("/landing", Reply(body=b"<p>hi</p>"))
    url = server.url("/login").replace("http://", "http://editor:hunter2@")

    with make_fetcher(fake_time, resolver=resolver) as fetcher:
        result = fetcher.fetch(url)

    assert isinstance(result, RawDocument)
    assert "hunter2" not in f"{result.source} {result.url}"
    assert "authorization" in server.requests("/login")[0].headers
    assert "authorization" not in server.requests("/landing")[0].headers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://user:pa%40ss@example.com/a?b=1", "https://***@example.com/a?b=1"),
        ("http://token@example.com:8080/", "http://***@example.com:8080/"),
        ("https://example.com/@someone", "https://example.com/@someone"),
        ("https://example.com/a?next=//x@y", "https://example.com/a?next=//x@y"),
        ("not a url at all", "not a url at all"),
        ("http://user:pw@[::1/broken", "http://***@[::1/broken"),
    ],
)
def test_redact_url(url, expected):
    assert redact_url(url) == expected


# --------------------------------------------------------------------------- politeness


def test_per_host_concurrency_is_bounded(server):
    server.route("/slow", Reply(body=b"<p>x</p>", delay=0.2))
    urls = [server.url(f"/slow?n={n}") for n in range(6)]

    with make_fetcher(per_host_concurrency=2, respect_robots=False) as fetcher:
        results = list(fetcher.fetch_many(urls, max_workers=6))

    assert all(isinstance(r, RawDocument) for r in results)
    assert server.max_concurrent("/slow") == 2


def test_per_host_delay_spaces_request_starts(server):
    server.route("/page", Reply(body=b"<p>x</p>"))
    urls = [server.url(f"/page?n={n}") for n in range(4)]

    with make_fetcher(per_host_delay=0.15, per_host_concurrency=4, respect_robots=False) as f:
        list(f.fetch_many(urls, max_workers=4))

    starts = sorted(r.received_at for r in server.requests("/page"))
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert len(gaps) == 3
    assert min(gaps) >= 0.13


def test_fetch_many_yields_in_input_order(server):
    server.route("/slow", Reply(body=b"slow", delay=0.2))
    server.route("/fast", Reply(body=b"fast"))
    urls = [server.url("/slow"), server.url("/fast"), "ftp://nope/", server.url("/missing")]

    with make_fetcher(per_host_concurrency=4, respect_robots=False) as fetcher:
        results = list(fetcher.fetch_many(urls, max_workers=4))

    assert [r.content for r in results[:2]] == [b"slow", b"fast"]
    assert_failed(results[2], FetchReason.BAD_SCHEME)
    assert_failed(results[3], FetchReason.NOT_FOUND, 404)


# --------------------------------------------------------------------------- contract


def test_fetch_never_raises(fetcher):
    result = fetcher.fetch(None)  # type: ignore[arg-type]

    assert isinstance(result, FailedInput)


def test_config_rejects_nonsense():
    with pytest.raises(ValueError):
        FetchConfig(max_bytes=0)
    with pytest.raises(ValueError):
        FetchConfig(allowed_networks=("not-a-network",))
