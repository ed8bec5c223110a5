"""URL list files: the plain "one URL per line" input of `newsclean fetch`-style runs."""

from __future__ import annotations

import os


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """Read a URL list: one URL per line, stripped; blank lines and `#` comment lines ignored.

    Duplicates are dropped, keeping the first occurrence, so a list assembled from several
    sources fetches each page once and in the order the user wrote. Only whole-line
    comments count: `#` inside a URL is a fragment. URLs are not validated here; the
    fetcher rejects bad schemes with a reason the user can see. A missing or unreadable
    file raises `OSError` (the caller decides whether that aborts the run); a UTF-8 BOM is
    tolerated.
    """
    seen: set[str] = set()
    urls: list[str] = []
    with open(path, encoding="utf-8-sig", errors="replace") as url_file:
        for line in url_file:
            url = line.strip()
            if url and not url.startswith("#") and url not in seen:
                seen.add(url)
                urls.append(url)
    return urls
