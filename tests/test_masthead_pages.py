"""Real page texts (`tests/data/clean/masthead/`, from `shared/htmldev/text/`) whose article
header sits right under a site menu or a "Trending" list, and one whose teaser cards after
the article have the same shape.

A list header ("Archiv", "Trending:") removes the headline-shaped lines under it. When that
run ends at a dateline or byline with the body right below, in the page's masthead, its
last lines are the article's own header: they must survive as the title. The snippet
labels (`snippets.json`) are the htmldev annotations of the same pages. That cleaning their
articles again changes nothing is checked with the other pages in `tests/test_settle.py`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from cleaners import CleanResult, RawDocument, clean
from tests.cleaning_helpers import DATA, in_body, norm

PAGES = DATA / "masthead"
SNIPPETS: dict[str, dict[str, list[str]]] = json.loads(
    (PAGES / "snippets.json").read_text(encoding="utf-8")
)


def clean_page(name: str) -> CleanResult:
    raw = (PAGES / name).read_bytes()
    return clean(RawDocument(raw, source=name, media_type="text/plain"))


def page_lines(name: str) -> list[str]:
    """The page's non-blank lines."""
    text = (PAGES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def line_above(lines: list[str], prefix: str, distance: int = 1) -> str:
    """The line `distance` lines above the first line starting with `prefix`."""
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    return lines[index - distance]


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_the_labelled_article_text_is_kept(name: str) -> None:
    result = clean_page(name)
    missing = [s for s in SNIPPETS[name]["with"] if not in_body(result, s)]
    assert not missing, f"{name}: lost {missing}"


def test_a_headline_under_the_blog_menu_is_the_title() -> None:
    """ "Archiv" heads the menu; the post's headline follows the menu items, right above
    its dateline ("Published on 19. Juni 201619. Juni 2016 von …")."""
    name = "mitternachtskabinett.wordpress.com.gentrifizierung.txt"
    result = clean_page(name)
    assert result.metadata.title == line_above(page_lines(name), "Published on")
    assert result.metadata.published_at == datetime(2016, 6, 19, tzinfo=UTC)


def test_a_headline_under_a_trending_list_is_the_title() -> None:
    """A "Trending:" list runs into the article's header: headline, dek and photo caption
    above the byline. The headline is the title and the caption, with its credit, goes."""
    name = "bostonherald.com-Brothel-catering.txt"
    lines = page_lines(name)
    result = clean_page(name)
    assert result.metadata.title == line_above(lines, "By Grace", 3)
    caption = line_above(lines, "By Grace")
    assert caption.endswith("/Boston Herald)")
    assert not in_body(result, caption)


def test_a_teaser_card_after_the_article_does_not_take_the_title() -> None:
    """Under "Mehr zum Thema", after the article, each card is a kicker, a date, a headline
    and a long blurb: the shape of an article header, but below the article's prose. (Two
    of the cards' blurbs still leak into the body: the htmldev scores count them.)"""
    name = "freiheit.org-überlebende.txt"
    lines = page_lines(name)
    result = clean_page(name)
    assert result.metadata.title == line_above(lines, "05.11.2021")
    cards = lines[lines.index("Mehr zum Thema", lines.index("Meist gelesen")) :]
    kicker = cards[1]
    assert kicker != result.metadata.title
    assert not in_body(result, kicker)


def test_a_short_post_under_its_glued_dates_is_the_article() -> None:
    """A two-paragraph post whose dateline glues the published and updated dates
    ("17/11/201917/11/2019 ~ Cem Basman"), above a longer sidebar text."""
    name = "sprechblase.wordpress.com.zapfsaeulen.txt"
    result = clean_page(name)
    assert result.metadata.published_at == datetime(2019, 11, 17, tzinfo=UTC)
    assert norm(result.text).startswith(norm(line_above(page_lines(name), "Ich bedanke"))[:40])
    leaked = [s for s in SNIPPETS[name]["without"] if in_body(result, s)]
    assert not leaked
