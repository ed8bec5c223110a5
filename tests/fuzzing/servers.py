"""Servers the fetch-security tests need beyond the default `tests.httpserver` fixture.

- `https_server`: HTTPS with a self-signed certificate made with `cryptography` (`trustme`
  is not a dependency; `cryptography` is, through Prefect).
- `http_server_on(host)`: plain HTTP on another loopback address (127.0.0.2...), so a test
  of the SSRF guard can show that a blocked address really was never contacted.

Both are `LocalHTTPServer`s that answer every GET with a small HTML page; their `served`
paths let a test tell "refused before connecting / during the handshake" from "served,
then rejected".
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.httpserver import LocalHTTPServer, Reply

PAGE = Reply(body=b"<html><body><p>served by a test server</p></body></html>")


def self_signed(folder: Path, names: list[str]) -> tuple[Path, Path]:
    """(certificate, key) PEM files for `names` (DNS names or IP addresses)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
    alternatives: list[x509.GeneralName] = []
    for name in names:
        try:
            alternatives.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alternatives.append(x509.DNSName(name))
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(alternatives), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@contextmanager
def http_server_on(host: str) -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer(host=host) as server:
        server.fallback(PAGE)
        yield server


@contextmanager
def https_server(folder: Path, names: list[str]) -> Iterator[tuple[LocalHTTPServer, Path]]:
    """A server with a certificate for `names`, and that certificate's PEM file."""
    cert_path, key_path = self_signed(folder, names)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    with LocalHTTPServer(ssl_context=context) as server:
        server.fallback(PAGE)
        yield server, cert_path
