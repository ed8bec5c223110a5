"""Feed and sitemap discovery: bytes in, page URLs out.

Pure parsing; fetching is `flows.fetch.Fetcher`'s job, so these functions can be tested on
inline samples and never touch the network.

XML is parsed with a hardened lxml parser (no entity expansion, no network, no huge
trees), so a billion-laughs or external-entity payload cannot expand or read files.
Malformed but recognisable XML (an unescaped `&`, a truncated download) is parsed in
lxml's recover mode and yields whatever entries survive: real feeds are often slightly
broken, and half a feed is more useful than a reject. Content that is not a feed or
sitemap at all raises `DiscoveryError`, which the caller turns into a reject.

Only absolute `http`/`https` URLs come out: relative links are resolved against
`xml:base` and then `base_url`; links with other schemes (`mailto:`, `javascript:`) and
entries without a link are dropped; duplicates keep their first occurrence.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree

from flows.sources.dates import parse_feed_datetime, parse_iso_datetime
from flows.sources.limits import GZIP_ERRORS, MiB, open_gzip, read_at_most
from flows.sources.sniff import GZIP_MAGIC, HTML, SNIFF_BYTES, TEXT, UTF8_BOM, sniff_media_type

DiscoveryKind = Literal["rss", "atom", "sitemap", "sitemapindex", "html"]

#: The sitemap protocol caps a sitemap at 50 MB uncompressed; we apply it to feeds too.
MAX_DISCOVERY_BYTES = 50 * MiB

# Enough to get past an XML declaration, a stylesheet PI and a long comment to the root.
_KIND_SNIFF_BYTES = 64 * 1024

_HTML_TAG = re.compile(r"<[^>]*>")

_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"

_KIND_BY_ROOT: dict[str, DiscoveryKind] = {
    "rss": "rss",
    "rdf": "rss",
    "feed": "atom",
    "urlset": "sitemap",
    "sitemapindex": "sitemapindex",
    "html": "html",
}


_Entry = TypeVar("_Entry", "FeedEntry", "SitemapEntry")


class DiscoveryError(ValueError):
    """The content is not a feed or sitemap we can read (the caller records a reject)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One article link from an RSS or Atom feed."""

    url: str
    title: str | None = None
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One `<loc>` of a sitemap, with its `<lastmod>` when given (UTC)."""

    url: str
    lastmod: datetime | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: page URLs (`urlset`) or child sitemaps to fetch (`sitemapindex`)."""

    kind: Literal["urlset", "sitemapindex"]
    urls: tuple[SitemapEntry, ...] = ()
    sitemaps: tuple[SitemapEntry, ...] = ()


def sniff_discovery_kind(content: bytes) -> DiscoveryKind | None:
    """Say what a fetched URL returned, so the CLI can route it: feed, sitemap or page.

    A plain-text list of http(s) URLs counts as a `"sitemap"` (the protocol's text format).
    Gzip-compressed content is looked into. None means "none of these".
    """
    head = content[:_KIND_SNIFF_BYTES]
    complete = len(content) <= _KIND_SNIFF_BYTES
    if head.startswith(GZIP_MAGIC):
        head, complete = _gunzip_head(content)
    media_type = sniff_media_type(head[:SNIFF_BYTES])
    if media_type == HTML:
        return "html"
    if media_type != TEXT:
        return None
    if _starts_with_markup(head):
        root_name = _root_name(head)
        return _KIND_BY_ROOT.get(root_name) if root_name else None
    return "sitemap" if _is_url_list(head, complete) else None


def parse_feed(content: bytes, base_url: str) -> list[FeedEntry]:
    """Parse RSS 2.0 (and 0.9x), RSS 1.0/RDF or Atom into entries, in document order.

    Raises `DiscoveryError` if the content is not XML or its root is not a feed.
    """
    root = _parse_xml(_maybe_gunzip(content, MAX_DISCOVERY_BYTES), base_url)
    entries = _feed_entries(root, base_url)
    if entries is None:
        raise DiscoveryError(f"not a feed: the root element is <{_local_name(root)}>")
    return list(_unique_by_url(entries))


def parse_sitemap(
    content: bytes, base_url: str, *, max_decompressed_bytes: int = MAX_DISCOVERY_BYTES
) -> Sitemap:
    """Parse an XML sitemap or sitemap index, plain or gzip, or a plain-text URL list.

    An RSS or Atom feed is accepted too (the sitemap protocol allows it): its entries
    become the urlset. Raises `DiscoveryError` for anything else, for corrupt gzip, and
    for gzip that inflates beyond `max_decompressed_bytes`.
    """
    data = _maybe_gunzip(content, max_decompressed_bytes)
    if _starts_with_markup(data):
        return _xml_sitemap(_parse_xml(data, base_url), base_url)
    return _text_sitemap(data, base_url)


def _xml_sitemap(root: etree._Element, base_url: str) -> Sitemap:
    name = _local_name(root)
    if name == "urlset":
        return Sitemap("urlset", urls=_sitemap_entries(root, "url", base_url))
    if name == "sitemapindex":
        return Sitemap("sitemapindex", sitemaps=_sitemap_entries(root, "sitemap", base_url))
    feed_entries = _feed_entries(root, base_url)
    if feed_entries is None:
        raise DiscoveryError(f"not a sitemap: the root element is <{name}>")
    entries = (SitemapEntry(entry.url, entry.published_at) for entry in feed_entries)
    return Sitemap("urlset", urls=tuple(_unique_by_url(entries)))


def _sitemap_entries(
    root: etree._Element, child_name: str, base_url: str
) -> tuple[SitemapEntry, ...]:
    entries = []
    for child in _children(root, child_name):
        url = _resolve(_child_text(child, "loc"), child.base or base_url)
        if url:
            lastmod = parse_iso_datetime(_child_text(child, "lastmod"))
            entries.append(SitemapEntry(url, lastmod))
    return tuple(_unique_by_url(entries))


def _text_sitemap(data: bytes, base_url: str) -> Sitemap:
    """The protocol's text format: one absolute URL per line, nothing else."""
    if sniff_media_type(data[:SNIFF_BYTES]) != TEXT:
        raise DiscoveryError("neither XML nor a plain-text list of URLs")
    entries = []
    text = data.removeprefix(UTF8_BOM).decode("utf-8", errors="replace")
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        url = _resolve(line, base_url)
        if url is None:
            raise DiscoveryError(f"line {line_no} of the text sitemap is not an http(s) URL")
        entries.append(SitemapEntry(url))
    return Sitemap("urlset", urls=tuple(_unique_by_url(entries)))


def _feed_entries(root: etree._Element, base_url: str) -> list[FeedEntry] | None:
    """Entries of an RSS/RDF/Atom root; None if the root is not a feed."""
    name = _local_name(root)
    if name in ("rss", "rdf"):
        items = (el for el in root.iter(etree.Element) if _local_name(el) == "item")
        return [entry for item in items if (entry := _rss_entry(item, base_url))]
    if name == "feed":
        entries = (_atom_entry(entry, base_url) for entry in _children(root, "entry"))
        return [entry for entry in entries if entry]
    return None


def _rss_entry(item: etree._Element, base_url: str) -> FeedEntry | None:
    url = _first_url(_rss_link_candidates(item), item.base or base_url)
    if url is None:
        return None
    published = _child_text(item, "pubdate") or _child_text(item, "date")
    return FeedEntry(url, _child_text(item, "title"), parse_feed_datetime(published))


def _rss_link_candidates(item: etree._Element) -> Iterator[str | None]:
    """`<link>` text (RSS), `<atom:link href>`, `rdf:about` (RSS 1.0), permalink `<guid>`."""
    for link in _children(item, "link"):
        yield _element_text(link) or link.get("href")
    yield item.get(_RDF_ABOUT)
    for guid in _children(item, "guid"):
        if guid.get("isPermaLink", "true").strip().lower() != "false":
            yield _element_text(guid)


def _atom_entry(entry: etree._Element, base_url: str) -> FeedEntry | None:
    url = _atom_link(entry, base_url)
    if url is None:
        return None
    published = _child_text(entry, "published") or _child_text(entry, "updated")
    return FeedEntry(url, _atom_title(entry), parse_feed_datetime(published))


def _atom_title(entry: etree._Element) -> str | None:
    """The entry title as plain text; `type="html"` titles carry escaped HTML markup."""
    titles = _children(entry, "title")
    if not titles:
        return None
    text = _element_text(titles[0])
    if text and titles[0].get("type") == "html":
        text = " ".join(html.unescape(_HTML_TAG.sub(" ", text)).split()) or None
    return text


def _atom_link(entry: etree._Element, base_url: str) -> str | None:
    """The entry's alternate (HTML) link, else its `<id>` when that is an http(s) URL."""
    alternates = [
        link for link in _children(entry, "link") if link.get("rel", "alternate") == "alternate"
    ]
    alternates.sort(key=lambda link: link.get("type", "text/html") not in ("text/html", ""))
    for link in alternates:
        url = _resolve(link.get("href"), link.base or base_url)
        if url:
            return url
    return _resolve(_child_text(entry, "id"), base_url)


def _parse_xml(data: bytes, base_url: str) -> etree._Element:
    """Parse with the hardened parser: strictly first, then in recover mode."""
    data = data.lstrip(b" \t\r\n")
    try:
        return etree.fromstring(data, _xml_parser(recover=False), base_url=base_url or None)
    except etree.XMLSyntaxError as strict_error:
        try:
            root = etree.fromstring(data, _xml_parser(recover=True), base_url=base_url or None)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise DiscoveryError(f"malformed XML: {strict_error}") from None
        return root


def _xml_parser(*, recover: bool) -> etree.XMLParser:
    """A parser that never expands entities, never fetches, and keeps libxml2's size caps."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        recover=recover,
    )


def _root_name(head: bytes) -> str | None:
    """Local name of the first element in a (possibly truncated) XML head."""
    parser = etree.XMLPullParser(
        events=("start",),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=True,
    )
    try:
        parser.feed(head)
        for _event, element in parser.read_events():
            return _local_name(element)
    except etree.XMLSyntaxError:
        return None
    return None


def _maybe_gunzip(content: bytes, limit: int) -> bytes:
    if not content.startswith(GZIP_MAGIC):
        return content
    try:
        data = read_at_most(open_gzip(io.BytesIO(content)), limit)
    except GZIP_ERRORS as error:
        raise DiscoveryError(f"corrupt gzip: {error}") from None
    if len(data) > limit:
        raise DiscoveryError(f"gzip content inflates to more than {limit} bytes")
    return data


def _gunzip_head(content: bytes) -> tuple[bytes, bool]:
    """First decompressed bytes of gzip content, and whether that was all of it."""
    try:
        head = read_at_most(open_gzip(io.BytesIO(content)), _KIND_SNIFF_BYTES)
    except GZIP_ERRORS:
        return b"", True
    return head[:_KIND_SNIFF_BYTES], len(head) <= _KIND_SNIFF_BYTES


def _is_url_list(head: bytes, complete: bool) -> bool:
    """True if every (complete) non-blank line is an http(s) URL, and there is one."""
    lines = head.decode("utf-8", errors="replace").splitlines()
    if not complete:
        lines = lines[:-1]
    urls = [line for line in lines if line.strip()]
    return bool(urls) and all(_resolve(line, "") for line in urls)


def _starts_with_markup(data: bytes) -> bool:
    return data.removeprefix(UTF8_BOM).lstrip()[:1] == b"<"


def _resolve(link: str | None, base_url: str) -> str | None:
    """Absolute http(s) URL for a link, or None if it is empty or another scheme."""
    if not link or not link.strip():
        return None
    link = link.strip()
    if any(char.isspace() for char in link):
        return None
    try:
        url = urljoin(base_url, link)
        parts = urlsplit(url)
    except ValueError:  # e.g. an unbalanced IPv6 bracket: "http://[::1/"
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _first_url(links: Iterable[str | None], base_url: str) -> str | None:
    for link in links:
        url = _resolve(link, base_url)
        if url:
            return url
    return None


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    """Child elements by lower-cased local name: feeds and sitemaps in the wild use every
    namespace (or none) for the same elements, so names matter and namespaces do not."""
    return [child for child in element.iterchildren(etree.Element) if _local_name(child) == name]


def _child_text(element: etree._Element, name: str) -> str | None:
    children = _children(element, name)
    return _element_text(children[0]) if children else None


def _element_text(element: etree._Element) -> str | None:
    """Whitespace-collapsed text; unexpanded entity references contribute nothing."""
    text = " ".join(str(element.xpath("string()")).split())
    return text or None


def _local_name(element: etree._Element) -> str:
    """Lower-cased tag without namespace or prefix.

    Not `etree.QName`: recover mode keeps undeclared prefixes in the tag (`dc:date`),
    which QName rejects.
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def _unique_by_url(entries: Iterable[_Entry]) -> Iterator[_Entry]:
    seen: set[str] = set()
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            yield entry
