"""HTML pages: decode, prune the DOM, extract the article with trafilatura, then clean the text.

Three layers, each catching what the previous one lets through:

1. selectolax (Lexbor) finds the elements that are not the article: navigation, asides,
   footers, and blocks whose class, id, role or aria-label names a newsletter box, a
   donation ask, a related-links rail, a share bar, comments, a consent banner or an
   advertisement.
2. trafilatura extracts the main text, without comments and without its process-wide
   deduplication cache, so the same page always gives the same text: in its fast mode, and
   again in full where the fast text looks like a fragment of the article (`extract_text`).
   The metadata (title, authors, date, site name, description, canonical URL) is read from
   the markup (`cleaners.html_metadata`), with htmldate for pages that declare no date.
3. The plain-text steps run on the extracted paragraphs: first `DomBoilerplate`, which
   removes every paragraph that lies inside one of the elements found in (1), then the cue
   steps, so an appeal or a headline list that slipped through is still removed.

Why (1) marks elements instead of deleting them before trafilatura: deleting them (or even
scripts and noscript blocks) changes which container trafilatura picks as the article, and
on the 884 htmldev pages that lost more article text than it removed boilerplate. Marking
keeps trafilatura's choice and still removes, with its DOM evidence recorded, everything
that sits in a boilerplate element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaners.decode import Decoded, decode
from cleaners.html_metadata import htmldate_published, page_metadata
from cleaners.model import Block, CleanResult, Metadata, RawDocument, Reject, RejectReason
from cleaners.text import LETTER_RE, normalize_text

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Legacy labels that browsers read as a superset (WHATWG encoding standard).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
                    "tis-620": "cp874", "ks_c_5601-1987": "cp949", "x-sjis": "shift_jis",
                    "gb2312": "gb18030", "gbk": "gb18030"}  # fmt: skip
SNIFF_BYTES = 4096
DOM_BOILERPLATE = "dom_boilerplate"
# A pruning rule never removes an element holding more than this share of the page's text.
MAX_PRUNED_TEXT_SHARE = 0.5

ALWAYS_PRUNED_TAGS = ("script", "style", "template", "svg", "canvas", "select", "textarea")
STRUCTURAL_TAGS = {"nav": "navigation", "aside": "sidebar", "footer": "page_footer"}
# Paragraphs this long are article prose: an element holding one is never pruned by its
# class name (paywalled bodies carry "paywall" classes; comment-enabled bodies "comments").
PROSE_PARAGRAPH_CHARS = 200

# Class/id/role/aria-label vocabulary, matched against each hyphen/underscore-separated part.
_PART_KINDS = {
    "newsletter_prompt": "newsletter newsletters signup subscribe subscription optin "
    "mailchimp mc4wp",
    "donation_appeal": "donate donation donations contribute contribution membership supporter",
    "unrelated_headline": "related recommended recommendations trending outbrain taboola "
    "mostread mostpopular readnext morestories popular",
    "social_share": "share sharing shares social sociable addthis sharethis sharebar",
    # Singular "comment" and "paywall" classes also wrap forum posts and paywalled article
    # bodies, so only unambiguous names count.
    "comments": "comments disqus",
    "cookie_notice": "cookie cookies consent gdpr",
    "advertisement": "ad ads advert adverts advertisement advertising sponsor sponsored "
    "dfp adslot adunit banner",
    "navigation": "breadcrumb breadcrumbs pagination pager navbar menu skiplink",
}
_PART_TO_KIND = {part: kind for kind, parts in _PART_KINDS.items() for part in parts.split()}
# Multi-part phrases: "most-read", "read-more", "support-us", "you-may-like".
_PHRASE_KINDS = {
    ("most", "read"): "unrelated_headline",
    ("most", "popular"): "unrelated_headline",
    ("read", "next"): "unrelated_headline",
    ("more", "stories"): "unrelated_headline",
    ("you", "may", "like"): "unrelated_headline",
    ("support", "us"): "donation_appeal",
    ("sign", "up"): "newsletter_prompt",
    ("author", "bio"): "author_bio",
    ("about", "author"): "author_bio",
}
_PART_SPLIT_RE = re.compile(r"[-_\s:]+|(?<=[a-z])(?=[A-Z])")
_NAME_WORDS = frozenset(_PART_TO_KIND) | {w for phrase in _PHRASE_KINDS for w in phrase}
_NAMED_ATTRIBUTES = ("class", "id", "role", "aria-label", "data-component")
# Elements that can carry a boilerplate name; Lexbor selects them in C.
_CANDIDATES = "nav, aside, footer, " + ", ".join(f"[{name}]" for name in _NAMED_ATTRIBUTES)


@dataclass(frozen=True, slots=True)
class PrunedElement:
    kind: str
    rule: str
    text: str


def sniff_charset(content: bytes) -> str | None:
    match = _META_CHARSET_RE.search(content[:SNIFF_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    return _CHARSET_ALIASES.get(label, label)


def decode_html(raw: RawDocument) -> Decoded | Reject:
    """HTTP charset, then BOM (inside `decode`), then <meta charset>, then detection."""
    declared = raw.charset.lower() if raw.charset else sniff_charset(raw.content)
    return decode(raw.content, _CHARSET_ALIASES.get(declared or "", declared))


def _attribute_values(node: LexborNode) -> str:
    return " ".join(filter(None, map(node.attributes.get, _NAMED_ATTRIBUTES)))


def kind_of(node: LexborNode) -> tuple[str, str] | None:
    """(kind, rule) if the element is a structural non-article tag or its attributes name a
    boilerplate widget."""
    tag = node.tag or ""
    if tag in STRUCTURAL_TAGS:
        return STRUCTURAL_TAGS[tag], f"dom:<{tag}>"
    return _named_kind(_attribute_values(node))


@lru_cache(maxsize=8192)
def _named_kind(values: str) -> tuple[str, str] | None:
    """The verdict for one set of attribute values. Cached: a page repeats the same class
    strings on hundreds of elements ("menu-item", "col-md-6"), and so do a site's pages."""
    parts = _parts(values)
    if not parts or parts[0] in ("article", "main") or _NAME_WORDS.isdisjoint(parts):
        return None
    for phrase, kind in _PHRASE_KINDS.items():
        if phrase[0] in parts and _contains_run(parts, phrase):
            return kind, "dom:attr:" + "-".join(phrase)
    for part in parts:
        kind = _PART_TO_KIND.get(part)
        if kind:
            return kind, f"dom:attr:{part}"
    return None


_SEPARATORS_TO_SPACE = str.maketrans("-_:", "   ")


def _parts(values: str) -> list[str]:
    """The lower-case parts of attribute values, split at hyphens, underscores, colons,
    whitespace and lower-to-upper case changes. Most values have no capital letter, and
    those split without the regular expression (this runs for every element with a class
    or id, and most of them have a class or id of their own: the cache rarely knows them)."""
    lowered = values.lower()
    if lowered == values:
        return values.translate(_SEPARATORS_TO_SPACE).split()
    return [p.lower() for p in _PART_SPLIT_RE.split(values) if p]


def _contains_run(parts: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(parts[i : i + n]) == phrase for i in range(len(parts) - n + 1))


def find_boilerplate(tree: LexborHTMLParser) -> list[PrunedElement]:
    """The boilerplate elements of a page, outermost first, with their visible text.

    The tree is a private copy: script-like elements are deleted from it so that element
    texts are what a reader sees. trafilatura gets the page as it came (see the module
    docstring for why nothing is deleted before extraction).
    """
    for tag in ALWAYS_PRUNED_TAGS:
        for node in tree.css(tag):
            node.decompose()
    body = tree.body
    if body is None:
        return []
    total = len(body.text(separator=" ", strip=True)) or 1
    found: list[PrunedElement] = []
    accepted: set[int] = set()
    for node in body.css(_CANDIDATES):
        if node.tag in ("html", "body", "article", "main"):
            continue
        verdict = kind_of(node)
        if verdict is None or _inside(node, accepted):
            continue
        text = node.text(separator=" ", strip=True)
        if not text or len(text) > MAX_PRUNED_TEXT_SHARE * total:
            continue
        if not verdict[1].startswith("dom:<") and _holds_prose(node):
            continue
        found.append(PrunedElement(verdict[0], verdict[1], " ".join(text.split())))
        accepted.add(node.mem_id)
    return found


def _inside(node: LexborNode, accepted: set[int]) -> bool:
    """True if an ancestor of the node was already taken as boilerplate."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in accepted:
            return True
        parent = parent.parent
    return False


def _holds_prose(node: LexborNode) -> bool:
    return any(len(p.text(strip=True)) >= PROSE_PARAGRAPH_CHARS for p in node.css("p"))


def page_language(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("html")
    lang = (node.attributes.get("lang") or "") if node else ""
    return lang.split("-")[0].lower() or None


# HTML parsers (Lexbor, lxml) slow down superlinearly on very deep nesting and on tags with
# thousands of attributes; real pages stay far below these bounds.
MAX_ATTRIBUTES = 1_000
MAX_NESTING_DEPTH = 2_000
LONG_TAG_CHARS = 20_000
DEPTH_CHECK_MIN_TAGS = 5_000
_LONG_TAG_RE = re.compile(rf"<[a-zA-Z][^>]{{{LONG_TAG_CHARS},}}")
_ATTRIBUTE_RE = re.compile(r"\s[^\s=/>\"']+\s*=")
_SCRIPT_RE = re.compile(
    r"<(script|style|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_ANY_TAG_RE = re.compile(r"<[^>]*>")
_BLANK_RUN_RE = re.compile(r"\n(?:[ \t]*\n)+")
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>")
# Elements that close themselves (void) or may be left open: they never add depth.
_DEPTHLESS_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option"}
    | {"optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head"}
    | {"body"}
)


def markup_too_complex(html: str) -> str | None:
    """Why the page would take the parsers superlinear time, or None. Ordinary pages pay
    one `count` and one failed search; scripts and comments are set aside before counting
    attributes or depth, so their contents never look like markup."""
    has_long_tag = _LONG_TAG_RE.search(html) is not None
    if not has_long_tag and html.count("<") < DEPTH_CHECK_MIN_TAGS:
        return None
    markup = _SCRIPT_RE.sub(" ", html)
    if has_long_tag:
        for tag in _LONG_TAG_RE.finditer(markup):
            if len(_ATTRIBUTE_RE.findall(tag.group(0))) > MAX_ATTRIBUTES:
                return f"a tag with more than {MAX_ATTRIBUTES} attributes"
    if markup.count("<") < DEPTH_CHECK_MIN_TAGS:
        return None
    depth = 0
    for match in _TAG_RE.finditer(markup):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _DEPTHLESS_TAGS:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        if depth > MAX_NESTING_DEPTH:
            return f"elements nested deeper than {MAX_NESTING_DEPTH}"
    return None


def strip_tags(html: str) -> str:
    """The page's text, one line per tag boundary, in linear time (no parser)."""
    import html as html_module

    text = _ANY_TAG_RE.sub("\n", _SCRIPT_RE.sub(" ", html))
    return html_module.unescape(_BLANK_RUN_RE.sub("\n\n", text))


# trafilatura's full extraction compares its own result with readability's and jusText's and
# keeps the better one; that comparison is a third of its time. The fast mode skips it, and
# on 818 of the 884 htmldev pages gives the same text. Where it does not, the fast text is
# mostly a fragment: short, and holding little of the page's paragraph text. Only then is the
# page extracted again in full. On the 884 pages that re-extracts 5% of them, takes 22% off
# the extraction time, and scores as full extraction does (see README, Throughput).
FRAGMENT_MAX_CHARS = 1000
FRAGMENT_MAX_PARAGRAPH_SHARE = 0.5
# A page with less paragraph text than this says nothing by its <p> elements.
FEW_PARAGRAPH_CHARS = 300


def extract_text(
    html: str, url: str | None, paragraph_chars: int, mode: str = "adaptive"
) -> str | None:
    """trafilatura's main text, one paragraph per line (metadata comes from the markup).

    `mode` "adaptive": the fast extraction, or the full one when the fast text looks like a
    fragment (`is_fragment`); "full": always the full extraction."""
    if mode == "adaptive":
        text = _trafilatura_text(html, url, fast=True)
        if not is_fragment(text, paragraph_chars):
            return text
    return _trafilatura_text(html, url, fast=False)


def is_fragment(text: str | None, paragraph_chars: int) -> bool:
    """A fast extraction that may have missed the article: short, and either holding less
    than half of the text of the page's <p> elements or from a page without them."""
    extracted = len(text or "")
    return extracted < FRAGMENT_MAX_CHARS and (
        extracted < FRAGMENT_MAX_PARAGRAPH_SHARE * paragraph_chars
        or paragraph_chars < FEW_PARAGRAPH_CHARS
    )


def paragraph_chars(tree: LexborHTMLParser) -> int:
    """Characters of text in the page's <p> elements."""
    return sum(len(node.text(strip=True)) for node in tree.css("p"))


def _trafilatura_text(html: str, url: str | None, *, fast: bool) -> str | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
    )
    return result.text if result is not None else None


def clean_html(raw: RawDocument, config) -> CleanResult:
    """Clean one HTML page (see the module docstring for the three layers)."""
    from cleaners.pipeline import clean_blocks, clean_text, line_limits, tag_language
    from cleaners.steps import HTML_STEPS

    decoded = decode_html(raw)
    if isinstance(decoded, Reject):
        return _rejected(decoded)
    if markup_too_complex(decoded.text):
        # Parsers would take superlinear time: read the page as text instead (linear).
        result = clean_text(Decoded(strip_tags(decoded.text), decoded.encoding), config)
        result.input_format = "html"
        return result
    try:
        tree = LexborHTMLParser(decoded.text)
    except Exception as error:
        return _rejected(Reject(RejectReason.HTML_PARSE_ERROR, str(error)[:200]), decoded.encoding)
    metadata = page_metadata(tree, raw.url)
    metadata.declared_language = page_language(tree)
    if metadata.published_at is None:
        metadata.published_at = htmldate_published(decoded.text)
    found = find_boilerplate(tree)
    text = extract_text(decoded.text, raw.url, paragraph_chars(tree), config.html_extraction)
    if text and (limit := line_limits(text, config)) is not None:
        return _rejected(limit, decoded.encoding)
    if not text:
        fallback = tree.body.text(separator="\n", strip=True) if tree.body else ""
        result = clean_text(Decoded(fallback, decoded.encoding), config)
        result.input_format = "html"
        return result
    blocks = [
        Block(i, line.strip(), tag=None)
        for i, line in enumerate(x for x in normalize_text(text).split("\n") if x.strip())
    ]
    result = clean_blocks(
        blocks,
        metadata,
        config,
        input_format="html",
        encoding=decoded.encoding,
        steps=HTML_STEPS,
        hints={DOM_BOILERPLATE: found},
    )
    return tag_language(_rejected_if_too_short(result), config)


# One short sentence: the shortest article on the 884 htmldev pages has 96 characters, while
# bytes that merely sniff as HTML extract to a few characters of mojibake.
MIN_ARTICLE_LETTERS = 25


def _rejected_if_too_short(result: CleanResult) -> CleanResult:
    """An extraction with less text than one short sentence is not an article."""
    if not result.ok:
        return result
    letters = len(LETTER_RE.findall(result.text))
    if letters >= MIN_ARTICLE_LETTERS:
        return result
    result.reject = Reject(
        RejectReason.NO_TEXT,
        f"the extracted text has {letters} letters, fewer than an article's {MIN_ARTICLE_LETTERS}",
    )
    result.paragraphs = []
    return result


def _rejected(reject: Reject, encoding: str | None = None) -> CleanResult:
    return CleanResult(
        paragraphs=[], metadata=Metadata(), removed=[], encoding=encoding, reject=reject
    )
