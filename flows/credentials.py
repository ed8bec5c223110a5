"""Credentials in input URLs stay in this process, out of Prefect's records.

Prefect stores every flow run's parameters verbatim in its API database and shows them in
the UI, so `newsclean ingest https://user:secret@host/feed` would leave the password there.
`flows.ingest.run_ingest` therefore passes URLs with their `user:password@` replaced by a
placeholder (`***@`, `***2@` when two inputs differ only in their credentials), and keeps
the real URLs in this process. The flow body, which runs in the same process and is the
only place that fetches, puts them back before fetching. Everything that leaves the
fetcher (rows, logs) is redacted separately (`flows.fetch.redact_url`).

Scheduled runs (`newsclean serve`) start in processes of their own, so nothing can be held
back in memory for them: a source URL in the config names its credentials instead,
`https://${FEED_USER}:${FEED_PASSWORD}@host/feed`, and the flow body reads them from the
environment when it restores the URL. The config refuses literal passwords in URLs.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

_WITHHELD: dict[str, str] = {}
_LOCK = threading.Lock()


def _userinfo_split(url: str) -> tuple[str, str, str] | None:
    """(netloc, userinfo, host part) of a URL that carries `userinfo@`, or None."""
    if "://" not in url:
        return None
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return None
    if "@" not in netloc:
        return None
    userinfo, host = netloc.rsplit("@", 1)
    return netloc, userinfo, host


def withhold(url: str) -> str:
    """`url` with its credentials replaced by a placeholder this process can resolve."""
    parts = _userinfo_split(url)
    if parts is None:
        return url
    netloc, _userinfo, host = parts
    with _LOCK:
        for attempt in range(1, len(_WITHHELD) + 2):
            mark = "***" if attempt == 1 else f"***{attempt}"
            placeholder = url.replace(f"//{netloc}", f"//{mark}@{host}", 1)
            if _WITHHELD.setdefault(placeholder, url) == url:
                return placeholder
    raise AssertionError("unreachable: a free placeholder always exists")


def withhold_all(items: Iterable[str]) -> list[str]:
    """Every item of a flow's `inputs`, URLs with credentials withheld, paths unchanged."""
    return [withhold(item) for item in items]


def restore(url: str) -> str:
    """The URL `withhold` was given for `placeholder` (any other string unchanged), with the
    environment references in its credentials filled in."""
    with _LOCK:
        original = _WITHHELD.get(url, url)
    return expand_references(original)


_REFERENCE_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_references(url: str) -> str:
    """`${NAME}` in a URL's `user:password@` replaced by the environment variable NAME,
    percent-encoded; a variable that is not set stays a reference (the server then refuses
    the login, and the fetch fails with its status, not with a guessed password)."""
    parts = _userinfo_split(url)
    if parts is None or "${" not in parts[1]:
        return url
    netloc, userinfo, host = parts

    def value(match: re.Match[str]) -> str:
        found = os.environ.get(match.group(1))
        return match.group(0) if found is None else quote(found, safe="")

    return url.replace(f"//{netloc}", f"//{_REFERENCE_RE.sub(value, userinfo)}@{host}", 1)


def has_literal_password(url: str) -> bool:
    """A URL whose `user:password@` holds a password written out, not a `${NAME}`."""
    parts = _userinfo_split(url)
    if parts is None:
        return False
    _, colon, password = parts[1].partition(":")
    return bool(colon and password) and not _REFERENCE_RE.fullmatch(password)
