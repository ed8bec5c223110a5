"""One polite, bounded HTTP client for pages, feeds and sitemaps.

Everything newsclean downloads goes through `Fetcher.fetch`, which never raises: it returns a
`RawDocument` (the body, transfer-decoded but not charset-decoded), a `NotModified` (the
server answered 304 to our validators) or a `FailedInput` carrying a short, stable reason
code (see `FetchReason`).

Design choices worth knowing before changing anything here:

* **SSRF protection is enforced at connect time, not before the request.** httpx is given
  a network backend (`_VettedBackend`) that resolves the host itself, refuses the whole host
  if ANY of its addresses is non-public, and then connects to one of the addresses it just
  vetted. Checking first and letting httpx resolve again would leave a DNS-rebinding window
  (the second answer could be 127.0.0.1); connecting to the vetted address closes it. Every
  connection goes through the backend, so every redirect hop, retry and robots.txt request
  is checked. TLS still uses the hostname for SNI and certificate verification.
* **Environment proxies are ignored** (`trust_env=False`): a proxy resolves names itself, so
  our address check would vet the proxy instead of the target.
* **Redirects are followed by hand** so each hop gets the scheme check, the robots.txt check
  and the address check, and so the hop count is ours to limit.
* **Content-Encoding is decoded here, not by httpx,** with every decoder bounded on the bytes
  it *produces*: `max_bytes` caps what crosses the wire, `max_decoded_bytes` caps what a
  gzip/deflate/brotli stream may expand to (a 50 kB gzip of zeros can be 50 MB).
* **Politeness is per host**: at most `per_host_concurrency` requests in flight and request
  starts spaced by `per_host_delay`; a `Retry-After` from a host delays every thread's next
  request to it, not only the one that was told.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import random
import re
import socket
import ssl
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from importlib import metadata
from types import TracebackType
from typing import Any, ClassVar, Protocol, Self
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import brotli
import httpcore
import httpx

from cleaners.model import RawDocument
from flows.records import FailedInput

logger = logging.getLogger(__name__)


def _package_version() -> str:
    try:
        return metadata.version("newsclean")
    except metadata.PackageNotFoundError:  # running from a bare checkout
        return "0.0.0"


DEFAULT_USER_AGENT = f"newsclean/{_package_version()} (+https://github.com/newsclean/newsclean)"

DEFAULT_MEDIA_TYPES: frozenset[str] = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
    }
)

# Only advertise brotli when the installed binding can bound its output per call
# (brotli >= 1.2); an unbounded decoder would defeat the decompression-bomb cap.
_BROTLI_BOUNDED = hasattr(brotli.Decompressor, "can_accept_more_data")
ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI_BOUNDED else "gzip, deflate"

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_NOT_FOUND_STATUSES = frozenset({404, 410})
_READ_CHUNK = 64 * 1024
# Where the response hook moves a reply's Location header (see `_take_over_redirect`).
_LOCATION_HEADER = "x-newsclean-location"


class FetchReason(StrEnum):
    """The `FailedInput.reason` codes this module produces. Stable: they end up in datasets."""

    BAD_SCHEME = "bad_scheme"
    INVALID_URL = "invalid_url"
    BLOCKED_ADDRESS = "blocked_address"
    DNS_ERROR = "dns_error"
    CONNECT_ERROR = "connect_error"
    TLS_ERROR = "tls_error"
    TIMEOUT = "timeout"
    NOT_FOUND = "not_found"
    HTTP_ERROR = "http_error"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    TOO_LARGE = "too_large"
    DECOMPRESSION_BOMB = "decompression_bomb"
    BAD_ENCODING = "bad_encoding"
    UNSUPPORTED_MEDIA = "unsupported_media"
    ROBOTS_DISALLOWED = "robots_disallowed"
    INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Limits and manners of a `Fetcher`. Defaults suit crawling third-party news sites.

    Timeouts: `connect_timeout` bounds the TCP+TLS handshake, `read_timeout` any single wait
    for bytes, and `total_timeout` one request/response exchange including its body (checked
    between chunks, so it can overshoot by at most one `read_timeout`). Retries, backoff and
    redirects multiply it: a fetch takes at most about
    `(max_redirects + 1) * (max_retries + 1) * total_timeout` plus waits.

    Retries (`max_retries` after the first attempt) happen on 5xx, 429, connection errors
    and timeouts. The wait is `Retry-After` when the server sends one, else
    `backoff_base * 2**n` capped at `backoff_max`, stretched by up to `jitter` (a fraction).
    A `Retry-After` longer than `max_retry_after` ends the fetch instead: waiting less than
    asked would be rude, waiting longer would stall the pipeline.

    Sizes: `max_bytes` caps the body as received (compressed); `max_decoded_bytes` caps it
    after Content-Encoding is undone (`decompression_bomb` beyond). A 2xx whose media type
    is not in `allowed_media_types` is refused before its body is read; a response with no
    Content-Type is accepted and left for content sniffing.

    `allow_private` turns the SSRF guard off entirely; `allowed_networks` (CIDR strings)
    exempts specific ranges, e.g. an internal mirror, while keeping the rest blocked.

    robots.txt is cached per origin for `robots_cache_ttl` seconds, including the
    "disallow everything" verdict of an unreachable robots.txt (5xx, 429, network error).
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_decoded_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    jitter: float = 0.1
    max_retry_after: float = 120.0
    per_host_concurrency: int = 2
    per_host_delay: float = 0.5
    allowed_media_types: frozenset[str] = DEFAULT_MEDIA_TYPES
    respect_robots: bool = True
    robots_cache_ttl: float = 3600.0
    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()
    max_connections: int = 64

    def __post_init__(self) -> None:
        positive = {
            "connect_timeout": self.connect_timeout,
            "read_timeout": self.read_timeout,
            "total_timeout": self.total_timeout,
            "max_bytes": self.max_bytes,
            "max_decoded_bytes": self.max_decoded_bytes,
            "per_host_concurrency": self.per_host_concurrency,
            "max_connections": self.max_connections,
        }
        for name, value in positive.items():
            if value <= 0:
                raise ValueError(f"FetchConfig.{name} must be > 0, got {value!r}")
        not_negative = {
            "max_redirects": self.max_redirects,
            "max_retries": self.max_retries,
            "backoff_base": self.backoff_base,
            "backoff_max": self.backoff_max,
            "jitter": self.jitter,
            "max_retry_after": self.max_retry_after,
            "per_host_delay": self.per_host_delay,
            "robots_cache_ttl": self.robots_cache_ttl,
        }
        for name, value in not_negative.items():
            if value < 0:
                raise ValueError(f"FetchConfig.{name} must be >= 0, got {value!r}")
        for network in self.allowed_networks:
            ipaddress.ip_network(network, strict=False)  # fail at construction, not mid-crawl


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server confirmed (304) that the copy behind our validators is still current.

    Neither a document nor an error: the caller decides whether that means "skip" or
    "reuse the stored copy". `reason` lets a caller record it as a reject if it wants to.
    """

    reason: ClassVar[str] = "not_modified"

    source: str
    url: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime


FetchResult = RawDocument | FailedInput | NotModified


class ValidatorStore(Protocol):
    """Where a fetcher keeps HTTP validators between runs, keyed by the redacted source URL.

    `get` returns `(etag, last_modified)` (either may be None) or None if unknown; `put` is
    called after each successful 200 that carried at least one validator. Implementations
    must be thread-safe: `fetch_many` calls them from several threads.
    """

    def get(self, url: str) -> tuple[str | None, str | None] | None: ...

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None: ...


class MemoryValidatorStore:
    """A `ValidatorStore` in a dict: for tests and single-process runs."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str | None, str | None]] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        with self._lock:
            return self._entries.get(url)

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._entries[url] = (etag, last_modified)


# --------------------------------------------------------------------------- redaction

_USERINFO_IN_TEXT = re.compile(r"//[^/?#\s@]*@")


def redact_url(url: str) -> str:
    """`url` with any `user:password@` replaced by `***@`; everything else byte-identical.

    Used for every URL that leaves this module (results, logs, validator keys), so a
    credential in an input list can never reach a dataset or a log line.
    """
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return _scrub_text(url)
    if "@" not in netloc:
        return url
    host = netloc.rsplit("@", 1)[1]
    return url.replace(f"//{netloc}", f"//***@{host}", 1)


def _scrub_text(text: str) -> str:
    """Redact anything that looks like `//userinfo@` inside free text (error messages)."""
    return _USERINFO_IN_TEXT.sub("//***@", text)


# --------------------------------------------------------------------------- addresses


def is_public_address(address: str) -> bool:
    """True if `address` is a globally routable unicast IP we may connect to.

    Refuses private, loopback, link-local, multicast, reserved, unspecified and shared
    (CGNAT) ranges, and looks inside IPv6 forms that embed an IPv4 address (IPv4-mapped,
    6to4, Teredo, NAT64) so `::ffff:127.0.0.1` cannot smuggle loopback through.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return all(_is_public_ip(candidate) for candidate in _with_embedded_ipv4(ip))


def _with_embedded_ipv4(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    if isinstance(ip, ipaddress.IPv4Address):
        return [ip]
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    found: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if ip in _NAT64_PREFIX:
        found.append(ipaddress.IPv4Address(ip.packed[-4:]))
    return found


_NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")


def _is_public_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


class _AddressBlocked(Exception):
    """Raised inside the network backend; crosses httpx untouched (it is not an httpcore error)."""


class _ResolutionFailed(Exception):
    """The host did not resolve; raised inside the network backend."""


Resolver = Callable[..., list[tuple[Any, ...]]]


class _AddressPolicy:
    """Decides which resolved addresses a connection may use."""

    def __init__(self, allow_private: bool, allowed_networks: Iterable[str]) -> None:
        self._allow_private = allow_private
        self._exempt = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]

    def permits(self, address: str) -> bool:
        if self._allow_private:
            return True
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False  # a resolver answer we cannot read is not one we can vouch for
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in network for network in self._exempt):
            return True
        return is_public_address(str(ip))


class _VettedBackend(httpcore.SyncBackend):
    """httpcore network backend that only ever connects to addresses the policy permits.

    See the module docstring for why this lives at connect time. A host is refused if ANY
    of its addresses is refused, because an attacker controlling DNS could otherwise pair a
    public decoy with 127.0.0.1 and hope the connect falls through to it.
    """

    def __init__(self, policy: _AddressPolicy, resolver: Resolver) -> None:
        self._policy = policy
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._vetted_addresses(host, port)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # addresses is never empty
        raise last_error

    def _vetted_addresses(self, host: str, port: int) -> list[str]:
        addresses = self._resolve(host, port)
        refused = [address for address in addresses if not self._policy.permits(address)]
        if refused:
            raise _AddressBlocked(f"{host} resolves to non-public address {refused[0]}")
        return addresses

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            return [host]  # a literal needs no lookup (and fake resolvers need not know it)
        except ValueError:
            pass
        try:
            infos = self._resolver(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise _ResolutionFailed(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise _ResolutionFailed(f"{host} has no addresses")
        return addresses


class _VettedTransport(httpx.HTTPTransport):
    """An httpx transport whose connection pool uses `_VettedBackend`."""

    def __init__(self, backend: httpcore.NetworkBackend, max_connections: int) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for httpcore's network backend, so we replace the pool
        # HTTPTransport built with an identical one that uses ours. test_fetch proves the
        # backend is in use (a hostname only the fake resolver knows gets fetched).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # certifi bundle, verification on
            max_connections=max_connections,
            max_keepalive_connections=min(max_connections, 20),
            keepalive_expiry=5.0,
            network_backend=backend,
        )


# --------------------------------------------------------------------------- politeness


class _HostGate:
    """Per-host politeness: bounded concurrency plus a minimum spacing of request starts.

    Start times are reserved under a lock and slept for outside it, so N waiting threads get
    N distinct, evenly spaced slots instead of all waking at once.
    """

    def __init__(
        self,
        concurrency: int,
        delay: float,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
    ) -> None:
        self._slots = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()
        self._delay = delay
        self._clock = clock
        self._sleep = sleep
        self._next_start = float("-inf")

    @contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            self._wait_for_start_slot()
            yield

    def defer(self, seconds: float) -> None:
        """Hold every next request to this host until `seconds` from now (Retry-After)."""
        with self._lock:
            self._next_start = max(self._next_start, self._clock() + seconds)

    def _wait_for_start_slot(self) -> None:
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start)
            self._next_start = start + self._delay
        if start > now:
            self._sleep(start - now)


class _HostGates:
    def __init__(self, make_gate: Callable[[], _HostGate]) -> None:
        self._make_gate = make_gate
        self._gates: dict[str, _HostGate] = {}
        self._lock = threading.Lock()

    def for_host(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = self._make_gate()
            return gate


class _RobotsCache:
    """robots.txt rules per origin, loaded once per TTL even under concurrent fetches.

    A per-origin lock is held while loading so twenty threads hitting a new site cause one
    robots.txt request, not twenty; different origins load in parallel. A load that returns
    a `_Failure` (the host itself is unreachable for us) is passed through and not cached.
    """

    def __init__(
        self,
        load: Callable[[httpx.URL], RobotFileParser | _Failure],
        ttl: float,
        clock: Callable[[], float],
    ) -> None:
        self._load = load
        self._ttl = ttl
        self._clock = clock
        self._entries: dict[str, tuple[RobotFileParser, float]] = {}
        self._origin_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def rules_for(self, url: httpx.URL) -> RobotFileParser | _Failure:
        origin = f"{url.scheme}://{url.host}:{url.port or _default_port(url.scheme)}"
        with self._lock_for(origin):
            entry = self._entries.get(origin)
            if entry is not None and entry[1] > self._clock():
                return entry[0]
            rules = self._load(url)
            if isinstance(rules, RobotFileParser):
                self._entries[origin] = (rules, self._clock() + self._ttl)
            return rules

    def _lock_for(self, origin: str) -> threading.Lock:
        with self._lock:
            return self._origin_locks.setdefault(origin, threading.Lock())


def _default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


# --------------------------------------------------------------------------- decoding


class _DecodedTooLarge(Exception):
    pass


class _BadEncoding(Exception):
    pass


class _Decoder(Protocol):
    def feed(self, data: bytes) -> bytes: ...

    def finish(self) -> bytes: ...


class _OutputBudget:
    """Counts what one decoder produced and stops it the moment it exceeds `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.produced = 0

    def room(self) -> int:
        """How much more output to ask for: one byte over the limit, to detect the excess."""
        return max(1, self.limit - self.produced + 1)

    def take(self, piece: bytes) -> bytes:
        self.produced += len(piece)
        if self.produced > self.limit:
            raise _DecodedTooLarge(f"decoded body exceeds {self.limit} bytes")
        return piece


class _ZlibDecoder:
    """gzip or deflate, decoded with `max_length` so output is bounded per call.

    `deflate` is ambiguous in the wild (zlib-wrapped per the RFC, raw from some servers),
    so its first two bytes are sniffed for a zlib header. gzip uses wbits 47, which also
    accepts a zlib stream mislabelled as gzip, and concatenated gzip members are decoded.
    A stream that stops before its end marker is an error rather than a silently
    truncated article (the transport already checked that all bytes arrived).
    """

    def __init__(self, encoding: str, limit: int) -> None:
        self._budget = _OutputBudget(limit)
        self._wbits: int | None = 47 if encoding == "gzip" else None
        self._multi_member = encoding == "gzip"
        self._pending = b""
        self._obj: Any = zlib.decompressobj(self._wbits) if self._wbits else None
        self._ended = False
        self._received = 0

    def feed(self, data: bytes) -> bytes:
        self._received += len(data)
        if self._obj is None:
            self._pending += data
            if len(self._pending) < 2:
                return b""
            data, self._pending = self._pending, b""
            self._wbits = 15 if _looks_like_zlib(data) else -15
            self._obj = zlib.decompressobj(self._wbits)
        return self._inflate(data)

    def finish(self) -> bytes:
        if not self._received:
            return b""  # an empty body is empty whatever its declared encoding
        if self._obj is None:
            self._obj = zlib.decompressobj(-15)
            return self._inflate(self._pending) + self._flush()
        return self._flush()

    def _flush(self) -> bytes:
        try:
            tail = self._budget.take(self._obj.flush())
        except zlib.error as exc:
            raise _BadEncoding(f"corrupt compressed body: {exc}") from exc
        if not (self._obj.eof or self._ended):
            raise _BadEncoding("compressed body ends before its stream does")
        return tail

    def _inflate(self, data: bytes) -> bytes:
        pieces: list[bytes] = []
        try:
            while data and not self._ended:
                pieces.append(self._budget.take(self._obj.decompress(data, self._budget.room())))
                data = self._next_input()
        except zlib.error as exc:
            raise _BadEncoding(f"corrupt compressed body: {exc}") from exc
        return b"".join(pieces)

    def _next_input(self) -> bytes:
        if not self._obj.eof:
            return bytes(self._obj.unconsumed_tail)
        rest = bytes(self._obj.unused_data)
        if self._multi_member and rest.startswith(b"\x1f\x8b"):
            self._obj = zlib.decompressobj(self._wbits)
            return rest
        self._ended = True  # trailing garbage after the stream is ignored
        return b""


def _looks_like_zlib(data: bytes) -> bool:
    cmf, flg = data[0], data[1]
    return cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0


class _BrotliDecoder:
    """brotli with `output_buffer_limit`, so one small chunk cannot expand unboundedly."""

    def __init__(self, limit: int) -> None:
        self._budget = _OutputBudget(limit)
        self._decompressor = brotli.Decompressor()
        self._received = 0

    def feed(self, data: bytes) -> bytes:
        self._received += len(data)
        try:
            pieces = [self._process(data)]
            while not self._decompressor.can_accept_more_data():
                pieces.append(self._process(b""))
        except brotli.error as exc:
            raise _BadEncoding(f"corrupt brotli body: {exc}") from exc
        return b"".join(pieces)

    def finish(self) -> bytes:
        if self._received and not self._decompressor.is_finished():
            raise _BadEncoding("brotli body ends before its stream does")
        return b""

    def _process(self, data: bytes) -> bytes:
        limit = min(_READ_CHUNK, self._budget.room())
        return self._budget.take(self._decompressor.process(data, output_buffer_limit=limit))


class _IdentityDecoder:
    def feed(self, data: bytes) -> bytes:
        return data

    def finish(self) -> bytes:
        return b""


class _DecoderChain:
    """Undoes a `Content-Encoding` list (applied left to right, so undone right to left)."""

    def __init__(self, stages: list[_Decoder]) -> None:
        self._stages = stages

    @classmethod
    def for_header(cls, header: str | None, limit: int) -> _DecoderChain:
        names = [n.strip().lower() for n in (header or "").split(",")]
        names = [n for n in names if n and n != "identity"]
        return cls([_decoder_for(name, limit) for name in reversed(names)])

    def feed(self, data: bytes) -> bytes:
        for stage in self._stages:
            data = stage.feed(data)
        return data

    def finish(self) -> bytes:
        tail = b""
        for stage in self._stages:
            tail = stage.feed(tail) + stage.finish()
        return tail


def _decoder_for(name: str, limit: int) -> _Decoder:
    if name in ("gzip", "x-gzip"):
        return _ZlibDecoder("gzip", limit)
    if name == "deflate":
        return _ZlibDecoder("deflate", limit)
    if name == "br" and _BROTLI_BOUNDED:
        return _BrotliDecoder(limit)
    raise _BadEncoding(f"unsupported Content-Encoding {name!r}")


# --------------------------------------------------------------------------- exchanges


@dataclass(frozen=True, slots=True)
class _Reply:
    """One HTTP response; `body` is read (and decoded) only for 2xx."""

    status: int
    headers: httpx.Headers
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class _Failure:
    reason: FetchReason
    detail: str
    status: int | None = None
    retryable: bool = False


def _split_content_type(header: str | None) -> tuple[str | None, str | None]:
    """`text/html; charset="UTF-8"` -> ("text/html", "utf-8"); missing parts -> None."""
    if not header:
        return None, None
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower() or None, charset


def _retry_after_seconds(headers: httpx.Headers) -> float | None:
    """`Retry-After` as seconds from now (delta-seconds or HTTP-date), None if absent/bad."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _is_tls_failure(exc: BaseException) -> bool:
    current: BaseException | None = exc
    visited: set[int] = set()
    while current is not None and id(current) not in visited:
        if isinstance(current, ssl.SSLError):
            return True
        visited.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _transport_failure(exc: Exception) -> _Failure:
    """Map what the connection raised to a reason; only transient kinds are retryable."""
    if isinstance(exc, _AddressBlocked):
        return _Failure(FetchReason.BLOCKED_ADDRESS, str(exc))
    if isinstance(exc, _ResolutionFailed):
        return _Failure(FetchReason.DNS_ERROR, str(exc))
    if isinstance(exc, httpx.TimeoutException):
        return _Failure(FetchReason.TIMEOUT, f"{type(exc).__name__}: {exc}", retryable=True)
    if _is_tls_failure(exc):
        return _Failure(FetchReason.TLS_ERROR, f"{type(exc).__name__}: {exc}")
    return _Failure(FetchReason.CONNECT_ERROR, f"{type(exc).__name__}: {exc}", retryable=True)


# --------------------------------------------------------------------------- the fetcher


class Fetcher:
    """A thread-safe, polite HTTP client. Use as a context manager; it owns one httpx.Client.

    `resolver` (getaddrinfo-compatible), `sleep`, `clock` and `rng` are injectable so tests
    can map hostnames to a local server and observe waits without spending real time.
    `rng=None` means an unseeded `random.Random` for jitter; set `jitter=0` to disable it.
    """

    def __init__(
        self,
        config: FetchConfig | None = None,
        validators: ValidatorStore | None = None,
        resolver: Resolver = socket.getaddrinfo,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self._validators = validators
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._client = self._build_client(resolver)
        self._gates = _HostGates(self._new_gate)
        self._robots = _RobotsCache(self._load_robots, self.config.robots_cache_ttl, clock)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ---- public entry points

    def fetch(self, url: str) -> FetchResult:
        """Fetch one URL. Never raises: every problem becomes a `FailedInput`."""
        try:
            return self._fetch(url)
        except Exception as exc:  # the contract is "never raises"; keep the evidence
            source = redact_url(str(url))
            # The traceback goes to DEBUG only: exception text is not ours to vouch for.
            logger.error("unexpected error fetching %s: %s", source, type(exc).__name__)
            logger.debug("traceback for %s", source, exc_info=True)
            return FailedInput(
                source=source,
                reason=FetchReason.INTERNAL_ERROR.value,
                detail=_scrub_text(f"{type(exc).__name__}: {exc}"),
                url=source,
            )

    def fetch_many(self, urls: Iterable[str], max_workers: int = 8) -> Iterator[FetchResult]:
        """Fetch `urls` on `max_workers` threads, yielding results IN INPUT ORDER.

        Input order lets callers zip results with their inputs. At most `2 * max_workers`
        fetches are submitted ahead of the one being waited on, so `urls` may be a huge lazy
        iterator. Per-host limits still apply: a worker waiting for a busy host's slot
        simply waits. Closing the generator early cancels fetches not yet started.
        """
        if max_workers < 1:
            raise ValueError("max_workers must be >= 1")
        pending: deque[Future[FetchResult]] = deque()
        with ThreadPoolExecutor(max_workers, thread_name_prefix="newsclean-fetch") as pool:
            try:
                for url in urls:
                    pending.append(pool.submit(self.fetch, url))
                    if len(pending) >= 2 * max_workers:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()

    # ---- one fetch, hop by hop

    def _fetch(self, url: str) -> FetchResult:
        source = redact_url(url)
        target = _parse_target(url)
        if isinstance(target, _Failure):
            return _failed(source, source, target)
        known = self._validators.get(source) if self._validators else None
        final_url, outcome = self._follow(target, _conditional_headers(known), for_robots=False)
        return self._to_result(source, final_url, outcome)

    def _follow(
        self, url: httpx.URL, headers: dict[str, str], *, for_robots: bool
    ) -> tuple[httpx.URL, _Reply | _Failure]:
        """GET `url`, following redirects by hand so each hop is vetted like the first."""
        for _ in range(self.config.max_redirects + 1):
            refusal = None if for_robots else self._robots_refusal(url)
            if refusal is not None:
                return url, refusal
            reply = self._get_with_retries(url, headers, check_media=not for_robots)
            if isinstance(reply, _Failure) or reply.status not in _REDIRECT_STATUSES:
                return url, reply
            location = reply.headers.get(_LOCATION_HEADER)
            if not location:
                return url, _Failure(
                    FetchReason.HTTP_ERROR, "redirect without Location", status=reply.status
                )
            next_url = _redirect_target(url, location)
            if isinstance(next_url, _Failure):
                return url, next_url
            logger.debug("redirect %s -> %s", redact_url(str(url)), redact_url(str(next_url)))
            url = next_url
        return url, _Failure(
            FetchReason.TOO_MANY_REDIRECTS, f"more than {self.config.max_redirects} redirects"
        )

    def _get_with_retries(
        self, url: httpx.URL, headers: dict[str, str], *, check_media: bool
    ) -> _Reply | _Failure:
        attempts = self.config.max_retries + 1
        for attempt in range(attempts):
            reply = self._attempt(url, headers, check_media=check_media)
            if attempt == attempts - 1 or not _is_retryable(reply):
                return reply
            wait = self._retry_wait(url, reply, attempt)
            if isinstance(wait, _Failure):
                return wait
            logger.info(
                "retrying %s in %.2fs after %s",
                redact_url(str(url)),
                wait,
                reply.status if isinstance(reply, _Reply) else reply.reason.value,
            )
            self._sleep(wait)
        raise AssertionError("unreachable: the last attempt always returns")

    def _retry_wait(
        self, url: httpx.URL, reply: _Reply | _Failure, attempt: int
    ) -> float | _Failure:
        """Seconds to wait before the next attempt: the server's Retry-After, else backoff."""
        retry_after = _retry_after_seconds(reply.headers) if isinstance(reply, _Reply) else None
        if retry_after is None:
            backoff = min(self.config.backoff_max, self.config.backoff_base * 2**attempt)
            return backoff * (1 + self.config.jitter * self._rng.random())
        if retry_after > self.config.max_retry_after:
            return _Failure(
                FetchReason.HTTP_ERROR,
                f"server asked to retry after {retry_after:.0f}s, "
                f"more than max_retry_after={self.config.max_retry_after:.0f}s",
                status=reply.status if isinstance(reply, _Reply) else None,
            )
        self._gates.for_host(url.host).defer(retry_after)
        return retry_after

    def _attempt(
        self, url: httpx.URL, headers: dict[str, str], *, check_media: bool
    ) -> _Reply | _Failure:
        """One request/response exchange, inside the host's politeness gate."""
        with self._gates.for_host(url.host).turn():
            deadline = self._clock() + self.config.total_timeout
            try:
                response = self._client.send(
                    self._client.build_request("GET", url.copy_with(userinfo=b""), headers=headers),
                    auth=_basic_auth(url),
                    stream=True,
                )
            except (httpx.TransportError, _AddressBlocked, _ResolutionFailed) as exc:
                return _transport_failure(exc)
            try:
                return self._read_reply(response, deadline, check_media=check_media)
            except httpx.TransportError as exc:
                return _transport_failure(exc)
            finally:
                response.close()

    def _read_reply(
        self, response: httpx.Response, deadline: float, *, check_media: bool
    ) -> _Reply | _Failure:
        status, headers = response.status_code, response.headers
        if not 200 <= status < 300:
            return _Reply(status, headers)
        if check_media:
            media_type, _ = _split_content_type(headers.get("content-type"))
            if media_type and media_type not in self.config.allowed_media_types:
                return _Failure(
                    FetchReason.UNSUPPORTED_MEDIA, f"media type {media_type}", status=status
                )
        body = self._read_body(response, deadline)
        if isinstance(body, _Failure):
            return body
        return _Reply(status, headers, body)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes | _Failure:
        """Stream the body, enforcing the wire cap, the decoded cap and the total timeout."""
        limit = self.config.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return _Failure(FetchReason.TOO_LARGE, f"Content-Length {declared} > {limit} bytes")
        try:
            decoder = _DecoderChain.for_header(
                response.headers.get("content-encoding"), self.config.max_decoded_bytes
            )
            received, parts = 0, []
            for chunk in response.iter_raw(_READ_CHUNK):
                received += len(chunk)
                if received > limit:
                    return _Failure(FetchReason.TOO_LARGE, f"body exceeds {limit} bytes")
                parts.append(decoder.feed(chunk))
                if self._clock() > deadline:
                    return _Failure(
                        FetchReason.TIMEOUT,
                        f"body not received within {self.config.total_timeout}s",
                        retryable=True,
                    )
            parts.append(decoder.finish())
        except _DecodedTooLarge as exc:
            return _Failure(FetchReason.DECOMPRESSION_BOMB, str(exc))
        except _BadEncoding as exc:
            return _Failure(FetchReason.BAD_ENCODING, str(exc))
        return b"".join(parts)

    # ---- results

    def _to_result(
        self, source: str, final_url: httpx.URL, outcome: _Reply | _Failure
    ) -> FetchResult:
        url = redact_url(str(final_url))
        if isinstance(outcome, _Failure):
            return _failed(source, url, outcome)
        etag = outcome.headers.get("etag")
        last_modified = outcome.headers.get("last-modified")
        if outcome.status == 304:
            return NotModified(source, url, etag, last_modified, datetime.now(UTC))
        if 200 <= outcome.status < 300:
            if self._validators is not None and (etag or last_modified):
                self._validators.put(source, etag, last_modified)
            media_type, charset = _split_content_type(outcome.headers.get("content-type"))
            return RawDocument(
                content=outcome.body,
                source=source,
                url=url,
                media_type=media_type,
                charset=charset,
                fetched_at=datetime.now(UTC),
            )
        reason = (
            FetchReason.NOT_FOUND
            if outcome.status in _NOT_FOUND_STATUSES
            else FetchReason.HTTP_ERROR
        )
        return _failed(source, url, _Failure(reason, f"HTTP {outcome.status}", outcome.status))

    # ---- robots.txt

    def _robots_refusal(self, url: httpx.URL) -> _Failure | None:
        """None if robots.txt lets us fetch `url`, else the failure to report for it."""
        if not self.config.respect_robots:
            return None
        rules = self._robots.rules_for(url)
        if isinstance(rules, _Failure):
            return rules
        if rules.can_fetch(self.config.user_agent, str(url.copy_with(userinfo=b""))):
            return None
        return _Failure(FetchReason.ROBOTS_DISALLOWED, f"robots.txt of {url.host} disallows it")

    def _load_robots(self, url: httpx.URL) -> RobotFileParser | _Failure:
        """Fetch and parse robots.txt, applying RFC 9309's error rules.

        2xx: parse. 4xx (except 429): no usable file, so everything is allowed. 5xx, 429 and
        network failures: the site may be struggling, so everything is disallowed until the
        cache entry expires (RFC 9309 section 2.3.1.4). Exception: if the host itself is
        refused or does not resolve, that failure is returned as is, since it (not robots)
        is why the page cannot be fetched, and it is not cached.
        """
        robots_url = httpx.URL(scheme=url.scheme, host=url.host, port=url.port, path="/robots.txt")
        final_url, outcome = self._follow(robots_url, {}, for_robots=True)
        rules = RobotFileParser()
        if isinstance(outcome, _Reply) and 200 <= outcome.status < 300:
            rules.parse(outcome.body.decode("utf-8", errors="replace").splitlines())
        elif isinstance(outcome, _Reply) and 400 <= outcome.status < 500 and outcome.status != 429:
            rules.allow_all = True
        elif isinstance(outcome, _Failure) and _is_host_failure(outcome, final_url, url):
            return outcome
        else:
            rules.disallow_all = True
            logger.info("robots.txt unreachable for %s: disallowing the host", url.host)
        return rules

    # ---- construction helpers

    def _build_client(self, resolver: Resolver) -> httpx.Client:
        config = self.config
        policy = _AddressPolicy(config.allow_private, config.allowed_networks)
        transport = _VettedTransport(_VettedBackend(policy, resolver), config.max_connections)
        accept = ", ".join(sorted(config.allowed_media_types)) + ", */*;q=0.1"
        return httpx.Client(
            transport=transport,
            trust_env=False,
            follow_redirects=False,
            event_hooks={"response": [_take_over_redirect]},
            timeout=httpx.Timeout(
                connect=config.connect_timeout,
                read=config.read_timeout,
                write=config.read_timeout,
                pool=config.connect_timeout,
            ),
            headers={
                "User-Agent": config.user_agent,
                "Accept": accept,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )

    def _new_gate(self) -> _HostGate:
        return _HostGate(
            self.config.per_host_concurrency, self.config.per_host_delay, self._clock, self._sleep
        )


def _basic_auth(url: httpx.URL) -> httpx.BasicAuth | None:
    """Credentials from the URL, sent as a header so the URL httpx logs carries none."""
    if not url.userinfo:
        return None
    return httpx.BasicAuth(url.username, url.password)


def _is_host_failure(failure: _Failure, failed_at: httpx.URL, page: httpx.URL) -> bool:
    """True if `failure` means the page's own host is refused or unresolvable."""
    host_reasons = (FetchReason.BLOCKED_ADDRESS, FetchReason.DNS_ERROR)
    return failure.reason in host_reasons and failed_at.host == page.host


def _is_retryable(reply: _Reply | _Failure) -> bool:
    if isinstance(reply, _Failure):
        return reply.retryable
    return reply.status == 429 or 500 <= reply.status < 600


def _parse_target(url: str) -> httpx.URL | _Failure:
    """Validate a URL given by the user: http(s) with a host, or a reason why not."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        return _Failure(FetchReason.INVALID_URL, _scrub_text(str(exc)))
    if parsed.scheme not in ("http", "https"):
        return _Failure(FetchReason.BAD_SCHEME, f"scheme {parsed.scheme or '(none)'!r}")
    if not parsed.host:
        return _Failure(FetchReason.INVALID_URL, "URL has no host")
    return parsed


def _take_over_redirect(response: httpx.Response) -> None:
    """Move Location out of httpx's sight: redirects are followed and vetted by `Fetcher`.

    Even with `follow_redirects=False`, `httpx.Client.send` builds `response.next_request`
    from Location and raises `InvalidURL` on one without an authority (`data:...`,
    `javascript:...`, `mailto:...`), which would lose the response and its reason. Under
    another name, the header reaches `_redirect_target`, which gives such a hop
    `bad_scheme` like any other non-http(s) target.
    """
    location = response.headers.get("location")
    if location is not None:
        del response.headers["location"]
        response.headers[_LOCATION_HEADER] = location


def _redirect_target(current: httpx.URL, location: str) -> httpx.URL | _Failure:
    """Resolve a Location header against the current URL and vet it like an input URL.

    Credentials of the current URL are carried over only to the same origin, mirroring
    browsers: a redirect to another host must not receive them.
    """
    try:
        joined = current.join(location)
    except (httpx.InvalidURL, ValueError) as exc:
        return _Failure(FetchReason.INVALID_URL, f"bad redirect target: {_scrub_text(str(exc))}")
    target = _parse_target(str(joined))
    if isinstance(target, _Failure):
        return _Failure(target.reason, f"redirect to {redact_url(str(joined))}: {target.detail}")
    same_origin = (target.scheme, target.host, target.port) == (
        current.scheme,
        current.host,
        current.port,
    )
    if same_origin and current.userinfo and not target.userinfo:
        target = target.copy_with(userinfo=current.userinfo)
    return target


def _conditional_headers(known: tuple[str | None, str | None] | None) -> dict[str, str]:
    if known is None:
        return {}
    etag, last_modified = known
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _failed(source: str, url: str, failure: _Failure) -> FailedInput:
    return FailedInput(
        source=source,
        reason=failure.reason.value,
        detail=_scrub_text(failure.detail),
        url=url,
        http_status=failure.status,
    )
