"""A local HTTP/1.1 test server, so network tests never touch the internet.

It listens on 127.0.0.1 on a random port, serves each request on its own thread and records
every request it sees. Tests register what each path answers:

    def test_something(http_server):
        http_server.route("/page", Reply(body=b"<p>hi</p>"))
        http_server.route("/flaky", [Reply(status=500), Reply(body=b"ok")])  # in turn
        http_server.route("/echo", lambda request: Reply(body=request.path.encode()))
        http_server.redirect("/old", "/page")
        http_server.robots("User-agent: *\\nDisallow: /private\\n")

        fetch(http_server.url("/page"))
        assert http_server.hits("/page") == 1
        assert http_server.requests("/page")[0].headers["user-agent"].startswith("newsclean/")

A `Reply` can delay its status line (`delay`), stream its body in chunks with pauses
(`chunk_size`, `chunk_delay`; sent with `Transfer-Encoding: chunked`, no Content-Length),
compress its body (`encoding="gzip" | "deflate" | "br"`), and answer conditional requests
with 304 (`etag`, `last_modified`). Unregistered paths get 404, including /robots.txt.

Use the `http_server` fixture below (add it to a conftest with
`from tests.httpserver import http_server  # noqa: F401`) or `with LocalHTTPServer() as s:`.
"""

from __future__ import annotations

import email.utils
import gzip
import ssl
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import brotli
import pytest


@dataclass(frozen=True)
class Reply:
    """What the server sends for one request."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    encoding: str | None = None
    delay: float = 0.0
    chunk_size: int | None = None
    chunk_delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it. Header names are lower-cased."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    received_at: float  # time.monotonic() when the request line was parsed


Responder = Callable[[RecordedRequest], Reply]


def http_date(timestamp: float) -> str:
    """An RFC 9110 HTTP-date (as used by Last-Modified and Retry-After)."""
    return email.utils.formatdate(timestamp, usegmt=True)


def encode_body(body: bytes, encoding: str) -> bytes:
    """Compress `body` as `Content-Encoding: encoding` would (gzip, deflate or br)."""
    if encoding == "gzip":
        return gzip.compress(body, compresslevel=6, mtime=0)
    if encoding == "deflate":
        return zlib.compress(body)
    if encoding == "br":
        return brotli.compress(body, quality=5)
    raise ValueError(f"unknown encoding {encoding!r}")


class _Route:
    """A path's responder; a list of replies is served in turn, the last one repeating."""

    def __init__(self, answer: Reply | Sequence[Reply] | Responder) -> None:
        self._lock = threading.Lock()
        self._queue: list[Reply] = []
        self._responder: Responder
        if isinstance(answer, Reply):
            self._responder = lambda _request: answer
        elif callable(answer):
            self._responder = answer
        else:
            if not answer:
                raise ValueError("a reply sequence needs at least one Reply")
            self._queue = list(answer)
            self._responder = self._next_in_queue

    def reply_to(self, request: RecordedRequest) -> Reply:
        return self._responder(request)

    def _next_in_queue(self, _request: RecordedRequest) -> Reply:
        with self._lock:
            return self._queue.pop(0) if len(self._queue) > 1 else self._queue[0]


class LocalHTTPServer:
    """A threaded HTTP/1.1 server whose answers tests register per path.

    It listens on 127.0.0.1 unless given another `host` (another loopback address, for
    the SSRF tests), and speaks HTTPS when given a server-side `ssl_context`."""

    def __init__(self, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None) -> None:
        self._host = host
        self._scheme = "http" if ssl_context is None else "https"
        self._routes: dict[str, _Route] = {}
        self._fallback: _Route | None = None
        self._requests: list[RecordedRequest] = []
        self._in_flight: dict[str | None, int] = defaultdict(int)
        self._max_in_flight: dict[str | None, int] = defaultdict(int)
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._server = _Server((host, 0), _Handler, self)
        if ssl_context is not None:
            self._server.socket = ssl_context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # ---- lifecycle

    def start(self) -> Self:
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving; handlers still sleeping in a `delay` are woken and abandoned."""
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ---- addresses

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str = "/", host: str | None = None) -> str:
        """Absolute URL of `path`; pass `host` to address the server by another name."""
        return f"{self._scheme}://{host or self.host}:{self.port}{path}"

    # ---- registering answers

    def route(self, path: str, answer: Reply | Sequence[Reply] | Responder) -> None:
        """Answer GETs of `path` (query string ignored) with a reply, replies, or a function."""
        with self._lock:
            self._routes[path] = _Route(answer)

    def fallback(self, answer: Reply | Sequence[Reply] | Responder) -> None:
        """Answer every path no route names (instead of 404)."""
        with self._lock:
            self._fallback = _Route(answer)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.route(path, Reply(status=status, headers={"Location": location}, content_type=None))

    def robots(self, text: str, status: int = 200) -> None:
        self.route(
            "/robots.txt", Reply(status=status, body=text.encode(), content_type="text/plain")
        )

    # ---- what happened

    def requests(self, path: str | None = None) -> list[RecordedRequest]:
        """Requests received so far, in arrival order; only those for `path` if given."""
        with self._lock:
            return [r for r in self._requests if path is None or r.path == path]

    def hits(self, path: str) -> int:
        return len(self.requests(path))

    @property
    def served(self) -> list[str]:
        """The paths requested so far, in arrival order."""
        return [r.path for r in self.requests()]

    def max_concurrent(self, path: str | None = None) -> int:
        """Most requests (for `path`, or overall) that were being served at the same time."""
        with self._lock:
            return self._max_in_flight[path]

    # ---- used by the handler

    def _record(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self._requests.append(request)
            for key in (None, request.path):
                self._in_flight[key] += 1
                self._max_in_flight[key] = max(self._max_in_flight[key], self._in_flight[key])
            route = self._routes.get(request.path, self._fallback)
        if route is None:
            return Reply(status=404, body=b"not found", content_type="text/plain")
        return route.reply_to(request)

    def _done(self, request: RecordedRequest) -> None:
        with self._lock:
            for key in (None, request.path):
                self._in_flight[key] -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # never wait for a handler stuck in a long `delay`

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        owner: LocalHTTPServer,
    ) -> None:
        super().__init__(address, handler)
        self.owner = owner

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-response is what several tests do on purpose: stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Silence per-request logging on stderr."""

    def _serve(self, *, send_body: bool) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        request = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=parts.query,
            headers={name.lower(): value for name, value in self.headers.items()},
            received_at=time.monotonic(),
        )
        reply = owner._record(request)
        try:
            if reply.delay and owner.stopping.wait(reply.delay):
                self.close_connection = True
                return
            self._send(_conditional(reply, request), send_body=send_body)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        finally:
            owner._done(request)

    def _send(self, reply: Reply, *, send_body: bool) -> None:
        body = encode_body(reply.body, reply.encoding) if reply.encoding else reply.body
        chunked = reply.chunk_size is not None and reply.status != 304
        self.send_response(reply.status)
        for name, value in _reply_headers(reply).items():
            self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif reply.status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not send_body or reply.status == 304:
            return
        if chunked:
            self._send_chunks(body, reply)
        else:
            self.wfile.write(body)

    def _send_chunks(self, body: bytes, reply: Reply) -> None:
        size = reply.chunk_size or len(body) or 1
        for start in range(0, len(body), size):
            piece = body[start : start + size]
            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            self.wfile.flush()
            if reply.chunk_delay and self.server.owner.stopping.wait(reply.chunk_delay):
                return
        self.wfile.write(b"0\r\n\r\n")


def _reply_headers(reply: Reply) -> dict[str, str]:
    headers: dict[str, str] = {}
    if reply.content_type:
        headers["Content-Type"] = reply.content_type
    if reply.encoding:
        headers["Content-Encoding"] = reply.encoding
    if reply.etag:
        headers["ETag"] = reply.etag
    if reply.last_modified:
        headers["Last-Modified"] = reply.last_modified
    headers.update(reply.headers)
    return headers


def _conditional(reply: Reply, request: RecordedRequest) -> Reply:
    """Turn a 200 into a 304 when the request's validators match (RFC 9110 section 13.2.2)."""
    if reply.status != 200:
        return reply
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        matched = reply.etag is not None and (reply.etag in tags or "*" in tags)
    else:
        matched = _not_modified_since(reply.last_modified, request.headers.get("if-modified-since"))
    if not matched:
        return reply
    return Reply(status=304, content_type=None, etag=reply.etag, last_modified=reply.last_modified)


def _not_modified_since(last_modified: str | None, if_modified_since: str | None) -> bool:
    if not last_modified or not if_modified_since:
        return False
    try:
        changed = email.utils.parsedate_to_datetime(last_modified)
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    return changed <= since


@pytest.fixture
def http_server() -> Iterator[LocalHTTPServer]:
    """A started `LocalHTTPServer`, closed after the test."""
    with LocalHTTPServer() as server:
        yield server
