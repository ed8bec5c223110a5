"""Fetch security (issue 6), beyond what tests/test_fetch.py already pins down.

- Only http and https: every other scheme is refused before any name is resolved, as an
  input and as a redirect target.
- The SSRF guard vets the resolved address of EVERY connection: a public-looking name that
  resolves to loopback, each non-public range reached through a redirect from an allowed
  host, a redirect after several allowed hops, numeric host spellings (decimal, hex, octal,
  short forms) that the system resolver turns into 127.0.0.1, and userinfo tricks.
- TLS is verified: a self-signed certificate is refused (and accepted once trusted, which
  shows the refusal is the verification), a certificate for another name is refused, and
  the connection pool's context requires certificates and checks host names.
- Credentials in URLs never reach a log record (DEBUG, every logger), a `FailedInput` or a
  `RawDocument`, whatever happens to the fetch.

Every network test talks to a server on 127.0.0.1; "blocked" means the guard refused the
connection before it was made, so the server must not have seen the request either.
"""

from __future__ import annotations

import base64
import gzip
import logging
import socket
import ssl
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cleaners.model import RawDocument
from flows.fetch import FetchConfig, Fetcher, FetchReason
from flows.records import FailedInput
from tests.fuzzing import tally
from tests.fuzzing.servers import http_server_on, https_server
from tests.httpserver import LocalHTTPServer, Reply

pytestmark = pytest.mark.timeout(60)

# The test server lives on 127.0.0.1: allowed explicitly, every other private range blocked.
GUARDED = FetchConfig(
    allow_private=False,
    allowed_networks=("127.0.0.1/32",),
    respect_robots=False,
    per_host_delay=0.0,
    max_retries=0,
    connect_timeout=3.0,
    read_timeout=3.0,
    total_timeout=10.0,
)
PAGE = Reply(body=b"<html><body><p>page</p></body></html>")


class RecordingResolver:
    """A getaddrinfo stand-in: known names map to addresses; every lookup is recorded."""

    def __init__(self, names: dict[str, list[str]] | None = None) -> None:
        self.names = names or {}
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int, *args: Any, **kwargs: Any) -> list[tuple]:
        self.lookups.append(host)
        if host not in self.names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        family = lambda a: socket.AF_INET6 if ":" in a else socket.AF_INET  # noqa: E731
        return [(family(a), socket.SOCK_STREAM, 6, "", (a, port)) for a in self.names[host]]


@pytest.fixture
def server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as local_server:
        yield local_server


def fetch(url: str, resolver: Any = socket.getaddrinfo, **overrides: Any) -> object:
    with Fetcher(replace(GUARDED, **overrides), resolver=resolver) as fetcher:
        return fetcher.fetch(url)


def assert_failed(result: object, reason: FetchReason) -> FailedInput:
    assert isinstance(result, FailedInput), result
    assert result.reason == reason.value, result
    return result


# --------------------------------------------------------------------------- schemes

BAD_SCHEMES = [
    "file:///etc/passwd",
    "file://localhost/etc/passwd",
    "ftp://example.com/pub/file.txt",
    "gopher://example.com:70/1",
    "data:text/html,<p>hi</p>",
    "data:text/html;base64,PHA+aGk8L3A+",
    "javascript:alert(document.cookie)",
    "ws://example.com/socket",
    "wss://example.com/socket",
    "ldap://example.com/",
    "dict://127.0.0.1:11211/stat",
    "jar:http://example.com/a.jar!/",
    "view-source:http://example.com/",
    "mailto:desk@example.com",
    "news:comp.lang.python",
    "blob:https://example.com/uuid",
]


@pytest.mark.parametrize("url", BAD_SCHEMES)
def test_only_http_and_https_inputs(url: str) -> None:
    tally.fault("fetch.scheme")
    resolver = RecordingResolver()
    result = fetch(url, resolver=resolver)
    assert isinstance(result, FailedInput) and result.reason in {"bad_scheme", "invalid_url"}
    assert resolver.lookups == [], "a refused URL must not even be resolved"


@pytest.mark.parametrize("target", BAD_SCHEMES)
def test_only_http_and_https_redirect_targets(server: LocalHTTPServer, target: str) -> None:
    tally.fault("fetch.scheme")
    server.redirect("/jump", target)
    result = fetch(server.url("/jump"))
    assert isinstance(result, FailedInput), result
    assert [request.path for request in server.requests()] == ["/jump"]


@pytest.mark.parametrize("target", BAD_SCHEMES)
def test_redirect_to_another_scheme_is_a_bad_scheme(server: LocalHTTPServer, target: str) -> None:
    server.redirect("/jump", target)
    assert_failed(fetch(server.url("/jump")), FetchReason.BAD_SCHEME)


@pytest.mark.parametrize("url", ["HTTP://127.0.0.1:{port}/page", "hTTp://127.0.0.1:{port}/page"])
def test_scheme_matching_is_case_insensitive(server: LocalHTTPServer, url: str) -> None:
    server.route("/page", PAGE)
    assert isinstance(fetch(url.format(port=server.port)), RawDocument)


# --------------------------------------------------------------------------- SSRF, every hop

NON_PUBLIC = {
    "loopback": "127.0.0.2",
    "private_10": "10.0.0.1",
    "private_172": "172.16.5.4",
    "private_192": "192.168.1.1",
    "link_local_metadata": "169.254.169.254",
    "multicast": "224.0.0.251",
    "broadcast": "255.255.255.255",
    "unspecified": "0.0.0.0",
    "cgnat": "100.64.0.1",
    "ipv6_loopback": "::1",
    "ipv6_unique_local": "fd00::1",
    "ipv6_link_local": "fe80::1",
    "ipv6_multicast": "ff02::1",
    "ipv4_mapped_loopback": "::ffff:127.0.0.2",
    "nat64_private": "64:ff9b::a00:1",
}


@pytest.mark.parametrize("address", NON_PUBLIC.values(), ids=NON_PUBLIC.keys())
def test_public_looking_name_resolving_to_a_blocked_address(
    server: LocalHTTPServer, address: str
) -> None:
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver({"news.example.com": [address]})
    result = fetch(f"http://news.example.com:{server.port}/", resolver=resolver)
    failed = assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert address.split("%")[0] in failed.detail
    assert resolver.lookups == ["news.example.com"]
    assert server.requests() == []


@pytest.mark.parametrize("address", NON_PUBLIC.values(), ids=NON_PUBLIC.keys())
def test_redirect_from_an_allowed_host_to_a_blocked_one(
    server: LocalHTTPServer, address: str
) -> None:
    """The first host is fine (127.0.0.1 is exempted); the hop's address is checked too."""
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver({"allowed.test": ["127.0.0.1"], "internal.test": [address]})
    server.redirect("/start", f"http://internal.test:{server.port}/admin")
    server.route("/admin", Reply(body=b"<p>secret admin panel</p>"))
    result = fetch(f"http://allowed.test:{server.port}/start", resolver=resolver)
    failed = assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert failed.url == f"http://internal.test:{server.port}/admin"
    assert resolver.lookups == ["allowed.test", "internal.test"]
    assert server.hits("/start") == 1 and server.hits("/admin") == 0


def test_blocked_hop_after_several_allowed_hops(server: LocalHTTPServer) -> None:
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver(
        {"a.test": ["127.0.0.1"], "b.test": ["127.0.0.1"], "evil.test": ["127.0.0.1", "10.1.1.1"]}
    )
    server.redirect("/one", f"http://b.test:{server.port}/two")
    server.redirect("/two", "/three")
    server.redirect("/three", f"http://evil.test:{server.port}/four")
    server.route("/four", Reply(body=b"<p>internal</p>"))
    result = fetch(f"http://a.test:{server.port}/one", resolver=resolver)
    assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert [r.path for r in server.requests()] == ["/one", "/two", "/three"]


def test_robots_txt_requests_are_guarded_too(server: LocalHTTPServer) -> None:
    """With robots.txt on, the first request to a host is robots.txt: vetted like any other."""
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver({"internal.test": ["10.0.0.9"]})
    result = fetch(f"http://internal.test:{server.port}/", resolver=resolver, respect_robots=True)
    assert_failed(result, FetchReason.BLOCKED_ADDRESS)
    assert server.requests() == []


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "127.1",
        "2130706433",
        "0x7f000001",
        "0x7f.0.0.1",
        "0177.0.0.1",
        "017700000001",
        "127.000.000.001",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "[0:0:0:0:0:ffff:7f00:1]",
        "0.0.0.0",
        "0",
    ],
)
def test_numeric_and_local_spellings_of_loopback_are_blocked(
    server: LocalHTTPServer, host: str
) -> None:
    """The real resolver turns these into 127.0.0.1 or ::1; none may reach the server."""
    tally.fault("fetch.ssrf")
    server.route("/", PAGE)
    result = fetch(f"http://{host}:{server.port}/", allowed_networks=())
    assert isinstance(result, FailedInput), result
    assert result.reason in {"blocked_address", "invalid_url", "dns_error"}, result
    assert server.requests() == []


@pytest.fixture
def other_loopback() -> Iterator[LocalHTTPServer]:
    """A server on 127.0.0.2: loopback, not exempted, so the guard must keep us away."""
    with http_server_on("127.0.0.2") as loopback:
        yield loopback


def test_allow_private_is_what_lets_loopback_through(other_loopback: LocalHTTPServer) -> None:
    """The control for the SSRF tests: the same request succeeds once allowed."""
    assert_failed(fetch(other_loopback.url("/x")), FetchReason.BLOCKED_ADDRESS)
    assert other_loopback.served == []
    assert isinstance(fetch(other_loopback.url("/x"), allow_private=True), RawDocument)
    assert other_loopback.served == ["/x"]


def test_blocked_address_is_never_contacted(
    server: LocalHTTPServer, other_loopback: LocalHTTPServer
) -> None:
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver({"allowed.test": ["127.0.0.1"], "sneaky.test": ["127.0.0.2"]})
    server.redirect("/start", f"http://sneaky.test:{other_loopback.port}/internal")
    for url in (
        other_loopback.url("/direct"),
        f"http://sneaky.test:{other_loopback.port}/by-name",
        f"http://allowed.test:{server.port}/start",
    ):
        assert_failed(fetch(url, resolver=resolver), FetchReason.BLOCKED_ADDRESS)
    assert other_loopback.served == []
    # Control: exempting 127.0.0.2 lets the very same redirect through.
    exempt = ("127.0.0.1/32", "127.0.0.2/32")
    result = fetch(f"http://allowed.test:{server.port}/start", resolver, allowed_networks=exempt)
    assert isinstance(result, RawDocument), result
    assert other_loopback.served == ["/internal"]


@pytest.mark.parametrize(
    "url",
    [
        "http://allowed.test@127.0.0.2:{port}/",
        "http://allowed.test:80@127.0.0.2:{port}/",
        "http://127.0.0.2:{port}#@allowed.test/",
        "http://127.0.0.2:{port}?@allowed.test/",
        "http://127.0.0.2:{port}\\@allowed.test/",
        "http://allowed.test%40127.0.0.2:{port}/",
    ],
)
def test_userinfo_tricks_never_reach_an_unvetted_address(
    other_loopback: LocalHTTPServer, url: str
) -> None:
    """Whatever host the URL parser picks is the host that is vetted and connected to."""
    tally.fault("fetch.ssrf")
    resolver = RecordingResolver({"allowed.test": ["127.0.0.1"]})
    result = fetch(url.format(port=other_loopback.port), resolver=resolver)
    assert isinstance(result, FailedInput), result
    assert other_loopback.served == []


# --------------------------------------------------------------------------- TLS

LOCAL_TLS = {"allow_private": True, "allowed_networks": ()}


def test_self_signed_certificate_is_refused(tmp_path: Path) -> None:
    tally.fault("fetch.tls")
    with https_server(tmp_path, ["127.0.0.1", "localhost"]) as (tls, _certificate):
        result = fetch(tls.url("/"), **LOCAL_TLS)
        failed = assert_failed(result, FetchReason.TLS_ERROR)
        assert "CERTIFICATE_VERIFY_FAILED" in failed.detail
        assert tls.served == []


def test_trusted_certificate_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: trusting the same certificate makes the same fetch succeed."""
    with https_server(tmp_path, ["127.0.0.1", "localhost"]) as (tls, certificate):
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
        result = fetch(tls.url("/"), **LOCAL_TLS)
        assert isinstance(result, RawDocument), result
        assert tls.served == ["/"]


def test_certificate_for_another_name_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tally.fault("fetch.tls")
    with https_server(tmp_path, ["other.example"]) as (tls, certificate):
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
        result = fetch(tls.url("/"), **LOCAL_TLS)
        failed = assert_failed(result, FetchReason.TLS_ERROR)
        assert "mismatch" in failed.detail
        assert tls.served == []


def test_connection_pool_requires_verified_certificates() -> None:
    with Fetcher(GUARDED) as fetcher:
        context = fetcher._client._transport._pool._ssl_context  # type: ignore[attr-defined]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True
    assert context.minimum_version >= ssl.TLSVersion.TLSv1_2


# --------------------------------------------------------------------------- credentials

SECRET = "s3cr3t-Pa55"


def _leaks(text: str) -> list[str]:
    encoded = base64.b64encode(f"editor:{SECRET}".encode()).decode()
    return [needle for needle in (SECRET, encoded, "s3cr3t%2DPa55") if needle in text]


def _scenarios(server: LocalHTTPServer) -> dict[str, tuple[str, dict[str, Any]]]:
    server.route("/ok", PAGE)
    server.route("/missing", Reply(status=404))
    server.route("/flaky", Reply(status=503))
    server.route("/big", Reply(body=b"x" * 5000))
    bomb = gzip.compress(bytes(200_000))
    server.route("/bomb", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    server.route("/slow", Reply(body=b"late", delay=2.0))
    server.redirect("/same-origin", "/ok")
    server.redirect("/cross-origin", server.url("/ok", host="elsewhere.test"))
    server.redirect("/to-file", "file:///etc/passwd")
    server.redirect("/loop", "/loop")
    base = f"http://editor:{SECRET}@127.0.0.1:{server.port}"
    return {
        "ok": (f"{base}/ok", {}),
        "not_found": (f"{base}/missing", {}),
        "retried_5xx": (f"{base}/flaky", {"max_retries": 1, "backoff_base": 0.0}),
        "too_large": (f"{base}/big", {"max_bytes": 1000}),
        "bomb": (f"{base}/bomb", {"max_decoded_bytes": 1000}),
        "timeout": (f"{base}/slow", {"read_timeout": 0.3, "total_timeout": 0.5}),
        "same_origin_redirect": (f"{base}/same-origin", {}),
        "cross_origin_redirect": (f"{base}/cross-origin", {}),
        "bad_redirect": (f"{base}/to-file", {}),
        "redirect_loop": (f"{base}/loop", {"max_redirects": 2}),
        "blocked": (f"http://editor:{SECRET}@10.0.0.1:{server.port}/", {}),
        "refused": (f"http://editor:{SECRET}@127.0.0.1:1/", {}),
        "dns_error": (f"http://editor:{SECRET}@nowhere.invalid/", {}),
        "bad_scheme": (f"ftp://editor:{SECRET}@example.com/", {}),
        "invalid_url": (f"http://editor:{SECRET}@[::1/broken", {}),
        "robots": (f"{base}/ok", {"respect_robots": True}),
        "encoded": (f"http://editor:s3cr3t%2DPa55@127.0.0.1:{server.port}/missing", {}),
    }


SCENARIOS = [
    "ok", "not_found", "retried_5xx", "too_large", "bomb", "timeout", "same_origin_redirect",
    "cross_origin_redirect", "bad_redirect", "redirect_loop", "blocked", "refused", "dns_error",
    "bad_scheme", "invalid_url", "robots", "encoded",
]  # fmt: skip


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_credentials_never_logged_or_returned(
    server: LocalHTTPServer, caplog: pytest.LogCaptureFixture, scenario: str
) -> None:
    tally.fault("fetch.credentials")
    url, overrides = _scenarios(server)[scenario]
    resolver = RecordingResolver({"elsewhere.test": ["127.0.0.1"]})
    with caplog.at_level(logging.DEBUG):  # every logger: ours, httpx, httpcore, h11
        result = fetch(url, resolver=resolver, **{"allow_private": False, **overrides})
    assert isinstance(result, RawDocument | FailedInput)
    fields = (
        [result.source, result.url or "", result.detail]
        if isinstance(result, FailedInput)
        else [result.source, result.url or ""]
    )
    assert _leaks(" ".join(fields)) == [], (scenario, result)
    for record in caplog.records:
        rendered = f"{record.getMessage()} {record.exc_text or ''} {record.args!r}"
        assert _leaks(rendered) == [], (scenario, record.name, rendered[:300])
    assert _leaks(caplog.text) == []
