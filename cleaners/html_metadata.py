"""Page metadata from the markup: title, authors, date, site, description, canonical URL.

News pages publish their metadata for social networks and search engines (Open Graph,
`article:*` properties, JSON-LD `NewsArticle`), so reading those tags from the Lexbor tree we
already have costs a fraction of a millisecond. trafilatura's own metadata pass re-parses
the page and runs htmldate's heuristics (about 7 ms a page); we fall back to htmldate only
for pages that publish no date at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from cleaners.model import Metadata

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage"}
_TITLE_SEPARATORS_RE = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
MAX_JSON_LD_CHARS = 200_000


def _meta(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            value = (node.attributes.get("content") or "").strip()
            if value:
                return " ".join(value.split())
    return None


def _json_ld(tree: LexborHTMLParser) -> Iterator[dict]:
    """Objects of the page's JSON-LD blocks, flattening @graph lists."""
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(strip=True)
        if not raw or len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
                yield item


def _article_ld(tree: LexborHTMLParser) -> dict:
    for item in _json_ld(tree):
        types = item.get("@type")
        names = {
            t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)
        }
        if names & _ARTICLE_TYPES:
            return item
    return {}


def _names(value: object) -> list[str]:
    """Author names from JSON-LD (a string, an object with `name`, or a list of either)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(" ".join(name.split()))
    return names


def parse_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime as tz-aware UTC (naive times are taken as UTC)."""
    if not value:
        return None
    value = value.strip().replace("Z", "+00:00")
    for candidate in (value, value[:25], value[:19], value[:10]):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return None


def _title(tree: LexborHTMLParser, site_name: str | None) -> str | None:
    title = _meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]')
    if title:
        return title
    heading = tree.css_first("h1")
    if heading is not None and heading.text(strip=True):
        return " ".join(heading.text().split())
    node = tree.css_first("title")
    if node is None or not node.text(strip=True):
        return None
    return _strip_site_name(" ".join(node.text().split()), site_name)


def _strip_site_name(title: str, site_name: str | None) -> str:
    """'Storm closes the port | The Gazette' -> 'Storm closes the port'."""
    parts = _TITLE_SEPARATORS_RE.split(title)
    if len(parts) < 2:
        return title
    if site_name and parts[-1].strip().lower() == site_name.lower():
        return " - ".join(parts[:-1]).strip()
    return max(parts, key=len).strip()


def _published(tree: LexborHTMLParser, article: dict) -> datetime | None:
    candidates = [
        _meta(
            tree,
            'meta[property="article:published_time"]',
            'meta[property="og:published_time"]',
            'meta[itemprop="datePublished"]',
            'meta[name="date"]',
            'meta[name="pubdate"]',
            'meta[name="publish-date"]',
            'meta[name="dc.date"]',
            'meta[name="DC.date.issued"]',
        ),
        article.get("datePublished") if isinstance(article.get("datePublished"), str) else None,
    ]
    time_node = tree.css_first("article time[datetime], time[datetime]")
    if time_node is not None:
        candidates.append(time_node.attributes.get("datetime"))
    for value in candidates:
        parsed = parse_datetime(value)
        if parsed:
            return parsed
    return None


def page_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """Everything the page declares about itself (read before any element is pruned)."""
    article = _article_ld(tree)
    publisher = article.get("publisher") if isinstance(article.get("publisher"), dict) else {}
    site_name = _meta(tree, 'meta[property="og:site_name"]') or (
        publisher.get("name") if isinstance(publisher.get("name"), str) else None
    )
    authors = _names(article.get("author")) or [
        a
        for a in re.split(
            r"\s*[;,]\s*|\s+and\s+|\s+und\s+",
            _meta(tree, 'meta[name="author"]', 'meta[property="article:author"]') or "",
        )
        if a and not a.startswith("http")
    ]
    canonical = tree.css_first('link[rel="canonical"]')
    href = (canonical.attributes.get("href") or "").strip() if canonical is not None else ""
    headline = article.get("headline") if isinstance(article.get("headline"), str) else None
    return Metadata(
        title=_title(tree, site_name) or headline,
        authors=authors,
        published_at=_published(tree, article),
        site_name=site_name,
        description=_meta(tree, 'meta[name="description"]', 'meta[property="og:description"]'),
        canonical_url=urljoin(url or "", href) if href else None,
    )


def htmldate_published(html: str) -> datetime | None:
    """Fallback for pages without a declared date: htmldate's fast search of the page."""
    from htmldate import find_date

    try:
        found = find_date(
            html, extensive_search=False, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S%z"
        )
    except Exception:
        return None
    return parse_datetime(found)
