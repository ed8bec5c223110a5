"""HTML pages through `cleaners.clean`: extraction, DOM boilerplate, metadata, charsets, and
pages with nothing but boilerplate. The pages are written here, small but shaped like real
news pages (cookie banner, header navigation, share bar, newsletter box inside the article,
related rail, footer)."""

from __future__ import annotations

import gzip
import html as html_lib
from datetime import date
from pathlib import Path

import pytest

import cleaners.html as html_module
from cleaners import CleanConfig, CleanResult, RawDocument, RejectReason, clean
from cleaners.html import is_fragment
from tests.cleaning_helpers import ARTICLES, assert_kept, describe, in_body, removal_for

EN = ARTICLES["en"]


def paragraphs_html(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"    <p>{html_lib.escape(p, quote=False)}</p>" for p in paragraphs)


def news_page(*, middle: str = "", lang: str = "en", charset: str = "utf-8") -> str:
    article = ARTICLES[lang]
    first, rest = article.paragraphs[:3], article.paragraphs[3:]
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{article.title} | Gullhaven Gazette</title>
  <meta property="og:title" content="{article.title}">
  <meta property="og:site_name" content="Gullhaven Gazette">
  <meta name="author" content="Rhona Keillor">
  <meta property="article:published_time" content="2025-03-04T07:45:00+00:00">
  <link rel="canonical" href="https://gullhaven-gazette.example/news/ferry-returns">
  <script>window.dataLayer = [{{"page": "article"}}];</script>
  <style>.share-bar {{ display: flex; }}</style>
</head>
<body>
  <div class="cookie-banner" id="consent">
    <p>We use cookies to personalise content and to analyse our traffic. You can change
    your choices at any time in the privacy settings.</p>
    <button>Accept all</button> <button>Manage preferences</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">Gullhaven Gazette</a>
    <nav class="main-nav"><ul>
      <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
    </ul></nav>
  </header>
  <main>
  <article class="story">
    <h1>{article.title}</h1>
    <p class="byline">By <a href="/authors/rhona-keillor" rel="author">Rhona Keillor</a></p>
    <time datetime="2025-03-04T07:45:00+00:00">4 March 2025</time>
    <div class="share-bar">
      <a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Copy link</a>
    </div>
{paragraphs_html(first)}
{middle}
    <div class="newsletter-signup">
      <h3>The Harbour Briefing</h3>
      <p>Tides, timetables and the week's local stories, delivered to your inbox every Friday.</p>
      <form><input type="email" placeholder="Your email"><button>Sign up</button></form>
    </div>
{paragraphs_html(rest)}
  </article>
  <aside class="related-stories">
    <h2>Related stories</h2>
    <ul>
      <li><a href="/a">Lifeboat crew rescues two kayakers off Skerry Head</a></li>
      <li><a href="/b">Fish plant workers vote on new shift pattern</a></li>
      <li><a href="/c">Ferry fares to rise by five per cent from June</a></li>
    </ul>
  </aside>
  </main>
  <footer>
    <p>© 2025 Gullhaven Media Group. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a></p>
  </footer>
</body>
</html>
"""


BOILERPLATE = [
    "We use cookies to personalise content",
    "Accept all",
    "Manage preferences",
    "Share on Facebook",
    "Copy link",
    "The Harbour Briefing",
    "delivered to your inbox every Friday",
    "Related stories",
    "Lifeboat crew rescues two kayakers off Skerry Head",
    "Fish plant workers vote on new shift pattern",
    "Gullhaven Media Group. All rights reserved",
    "Privacy policy",
]


def clean_html_text(text: str, **raw: object) -> object:
    """Clean a page encoded as `encoding` (characters it lacks become &#NNN; references, as a
    legacy-charset page writes them)."""
    content = text.encode(str(raw.pop("encoding", "utf-8")), errors="xmlcharrefreplace")
    return clean(RawDocument(content, source="page.html", **raw))


def test_news_page_keeps_the_article_and_drops_the_page_around_it() -> None:
    result = clean_html_text(
        news_page(), media_type="text/html", url="https://gullhaven-gazette.example/x"
    )
    assert result.ok, describe(result)
    assert result.input_format == "html"
    assert_kept(result, *EN.paragraphs)
    for snippet in BOILERPLATE:
        assert not in_body(result, snippet), f"{snippet!r} leaked{describe(result)}"
    for line in ("Home", "News", "Sport", "Weather"):
        assert line not in result.paragraphs
    assert "window.dataLayer" not in result.text and "display: flex" not in result.text
    assert result.language == "en"


def test_news_page_metadata() -> None:
    result = clean_html_text(news_page(), media_type="text/html")
    meta = result.metadata
    assert meta.title == EN.title
    assert meta.authors == ["Rhona Keillor"]
    assert meta.published_at is not None and meta.published_at.utcoffset().total_seconds() == 0
    assert meta.published_at.date() == date(2025, 3, 4)
    assert meta.site_name == "Gullhaven Gazette"
    assert meta.canonical_url == "https://gullhaven-gazette.example/news/ferry-returns"
    assert meta.declared_language == "en"


def test_news_page_publication_time_is_kept() -> None:
    meta = clean_html_text(news_page(), media_type="text/html").metadata
    assert meta.published_at is not None
    assert (meta.published_at.hour, meta.published_at.minute) == (7, 45)


def test_boilerplate_inside_the_article_is_removed_with_its_dom_evidence() -> None:
    middle = """
    <div class="donate-box">
      <p>Local journalism needs your support. Please consider a monthly contribution to the
      Gullhaven Gazette: it keeps our reporting free for everyone.</p>
      <p><a href="/support">Support us</a></p>
    </div>
    <p>Read more: Council approves new ferry timetable for the summer season</p>
    <p>Advertisement</p>
    """
    result = clean_html_text(news_page(middle=middle), media_type="text/html")
    assert_kept(result, *EN.paragraphs)
    for snippet in (
        "Local journalism needs your support",
        "Read more: Council approves",
        "Advertisement",
    ):
        assert not in_body(result, snippet), f"{snippet!r} leaked{describe(result)}"
    appeal = removal_for(result, "Local journalism needs your support")
    assert appeal is not None and appeal.kind == "donation_appeal"
    related = removal_for(result, "Read more: Council approves")
    assert related is not None and related.kind == "unrelated_headline"
    for item in result.removed:
        assert item.kind and item.rule


@pytest.mark.parametrize("declared", ["windows-1251", "cp1251"])
def test_meta_charset_windows_1251(declared: str) -> None:
    article = ARTICLES["ru"]
    page = news_page(lang="ru", charset=declared)
    result = clean_html_text(page, media_type="text/html", encoding="cp1251")
    assert result.ok, describe(result)
    assert result.encoding == "cp1251"
    assert_kept(result, *article.paragraphs)
    assert result.metadata.title == article.title
    assert result.language == "ru"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('<meta charset="windows-1251">', "windows-1251"),
        ("<meta charset=koi8-r>", "koi8-r"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
            "windows-1251",
        ),
        ('<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1">', "cp1252"),
        ("<meta name=viewport content=width=device-width>", None),
    ],
)
def test_sniff_charset(tag: str, expected: str | None) -> None:
    from cleaners.html import sniff_charset

    page = f"<!DOCTYPE html><html><head>{tag}<title>x</title></head><body></body></html>"
    assert sniff_charset(page.encode("ascii")) == expected


def test_http_equiv_charset_decodes_the_page() -> None:
    article = ARTICLES["ru"]
    page = news_page(lang="ru").replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    )
    result = clean_html_text(page, media_type="text/html", encoding="cp1251")
    assert result.encoding == "cp1251"
    assert_kept(result, *article.paragraphs)


def test_transport_charset_wins_over_detection() -> None:
    article = ARTICLES["ru"]
    page = news_page(lang="ru", charset="koi8-r")
    result = clean_html_text(page, media_type="text/html", charset="koi8-r", encoding="koi8-r")
    assert result.encoding == "koi8-r"
    assert_kept(result, *article.paragraphs)


def test_html_is_sniffed_without_a_media_type_and_plain_text_is_respected() -> None:
    page = news_page()
    sniffed = clean_html_text(page)
    assert sniffed.input_format == "html"
    assert_kept(sniffed, *EN.paragraphs)
    as_text = clean_html_text(page, media_type="text/plain")
    assert as_text.input_format == "text"


ONLY_BOILERPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Subscribe | Gullhaven Gazette</title></head>
<body>
  <nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
  <div class="cookie-consent">
    <p>We use cookies to improve your experience and for analytics.</p>
    <button>Accept all</button><button>Reject all</button>
  </div>
  <div class="paywall">
    <h2>You've reached your limit of free articles this month.</h2>
    <p>Subscribe now for unlimited access to local news.</p>
    <a href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a>
  </div>
  <footer><p>© 2025 Gullhaven Media Group. All rights reserved.</p></footer>
</body></html>
"""


def test_page_of_only_boilerplate_is_rejected() -> None:
    result = clean_html_text(ONLY_BOILERPLATE, media_type="text/html")
    assert not result.ok
    assert result.reject is not None
    assert result.reject.reason in (RejectReason.ONLY_BOILERPLATE, RejectReason.NO_TEXT)
    assert result.paragraphs == [] and result.text == ""


@pytest.mark.parametrize(
    "page",
    [
        "<html><body></body></html>",
        "<!DOCTYPE html><html><head><title>x</title></head><body>   </body></html>",
    ],
    ids=["empty-body", "blank-body"],
)
def test_page_without_text_is_rejected(page: str) -> None:
    result = clean_html_text(page, media_type="text/html")
    assert not result.ok
    assert result.reject is not None
    assert result.reject.reason in (RejectReason.NO_TEXT, RejectReason.ONLY_BOILERPLATE)


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body>RIFF WAVEfmt",
        b"<html>\x8d\xfb\x80\xa8I",
        b"<!DOCTYPE html><html><body>j}\xd3\xc5\xac\xcc&\xd9\x8eE\xa1",
    ],
    ids=["binary-after-doctype", "mojibake", "symbols"],
)
def test_bytes_that_only_look_like_html_are_no_article(content: bytes) -> None:
    """Sniffing takes these for HTML; the few characters they extract are not an article."""
    result = clean(RawDocument(content, source="fuzz"))
    assert result.input_format == "html"
    assert result.reject is not None and result.reject.reason is RejectReason.NO_TEXT
    assert "letters" in result.reject.detail and result.paragraphs == []


def test_a_one_sentence_page_is_still_an_article() -> None:
    page = "<html><body><article><p>" + EN.paragraphs[0] + "</p></article></body></html>"
    result = clean_html_text(page, media_type="text/html")
    assert result.ok, describe(result)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>unclosed <div><<<>>>&&&&; <p>" + EN.paragraphs[0],
        "<html><body>" + "<div>" * 3000 + EN.paragraphs[0] + "</div>" * 10,
        "<html><body><p>" + EN.paragraphs[0] + "\x00\x00</p></body></html>",
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>"
        + EN.paragraphs[0]
        + "</p></body></html>",
    ],
    ids=["malformed", "deeply-nested", "nul-bytes", "xhtml"],
)
def test_broken_html_never_raises(page: str) -> None:
    result = clean_html_text(page, media_type="text/html")
    assert result.ok or result.reject is not None
    if result.ok:
        assert "Gullhaven harbour ferry" in result.text


# --- adaptive extraction ---------------------------------------------------------------------

HTML_PAGES = Path(__file__).parent / "data" / "html"


def _real_page(name: str) -> bytes:
    return gzip.decompress((HTML_PAGES / name).read_bytes())


def _clean_page(page: bytes, mode: str) -> CleanResult:
    config = CleanConfig(language_detector=None, html_extraction=mode)
    return clean(RawDocument(page, source="page.html", media_type="text/html"), config)


@pytest.mark.parametrize(
    ("extracted", "paragraphs", "fragment"),
    [
        (372, 4508, True),  # a teaser box of a long guide
        (999, 2000, True),
        (1000, 20_000, False),  # long enough to be an article on its own
        (600, 1100, False),  # most of the page's paragraph text
        (0, 0, True),  # nothing extracted
        (290, 250, True),  # a page without paragraphs says nothing by them
        (400, 300, False),
    ],
)
def test_a_short_fast_extraction_holding_little_of_the_paragraphs_is_a_fragment(
    extracted: int, paragraphs: int, fragment: bool
) -> None:
    assert is_fragment("x" * extracted, paragraphs) is fragment


def test_a_fragment_is_extracted_again_in_full(extraction_calls: list[bool]) -> None:
    """smava.de's rate guide: trafilatura's fast mode returns only its 370-character intro,
    while the page's paragraphs hold 4,500 characters; the full extraction keeps the guide's
    sections (the htmldev labels' must-keep snippets)."""
    page = _real_page("smava.de.privatkredit.html.gz")
    adaptive = _clean_page(page, "adaptive")
    assert extraction_calls == [True, False]
    sections = ("Änderung der Zinshöhe bei Privatkrediten", "ein unbefristetes Arbeitsverhältnis")
    assert all(section in adaptive.text for section in sections)
    assert adaptive.paragraphs == _clean_page(page, "full").paragraphs
    fast_only = html_module._trafilatura_text(page.decode("utf-8"), None, fast=True) or ""
    assert not any(section in fast_only for section in sections)


@pytest.mark.parametrize("name", ["flowfx.de.tmux.html.gz", "wordsmith.org.maudlin.html.gz"])
def test_a_whole_fast_extraction_is_kept_without_the_full_one(
    name: str, extraction_calls: list[bool]
) -> None:
    page = _real_page(name)
    adaptive = _clean_page(page, "adaptive")
    assert extraction_calls == [True]
    assert adaptive.ok and adaptive.paragraphs == _clean_page(page, "full").paragraphs


def test_the_extraction_mode_is_checked() -> None:
    with pytest.raises(ValueError, match="html_extraction"):
        CleanConfig(html_extraction="fastest")


@pytest.mark.parametrize(
    "values",
    [
        "menu-item menu-item-type-post",
        "col-md-6 sidebar__widget",
        "newsletterSignup",
        "AdSlot ad_container",
        "role:navigation\tmain\u00a0share\u2003bar",
        "ΣΕΛΙΔΑ σελίδα",
        "  --__::  ",
        "",
        "mostRead MOST-READ most_read",
        "related\u200bposts",
    ],
)
def test_attribute_parts_split_as_the_expression_does(values: str) -> None:
    """`_parts` skips the splitting expression for values without capitals; it must give
    the expression's parts, lower-cased, for every value."""
    expected = [part.lower() for part in html_module._PART_SPLIT_RE.split(values) if part]
    assert html_module._parts(values) == expected
