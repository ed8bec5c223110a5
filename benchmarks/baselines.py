"""The baselines newsclean is compared with: keep everything, C4's line filter, jusText, and
bare trafilatura. Each turns one page (text lines or HTML) into article text.

They are deliberately the plain, published recipes, so the comparison says what newsclean
adds over what anyone could run in a few lines.
"""

from __future__ import annotations

import html as html_escape
import re
from collections.abc import Iterable
from functools import cache

# --- C4 ------------------------------------------------------------------------------------------
# The page and line heuristics of C4 (Raffel et al. 2020, "Exploring the Limits of Transfer
# Learning with a Unified Text-to-Text Transformer", section 2.2):
#   - keep only lines ending in terminal punctuation (period, !, ?, or an end quotation mark);
#   - keep only lines with at least 3 words, and drop pages with fewer than 5 sentences;
#   - drop lines containing "javascript"; drop pages containing "lorem ipsum" or "{";
#   - drop lines with privacy/cookie policy phrases and Wikipedia citation markers (from
#     the reference implementation).
# Not reproduced: the bad-words page filter (irrelevant to boilerplate) and the corpus-wide
# three-sentence deduplication (it needs the whole corpus).
C4_MIN_WORDS_PER_LINE = 3
C4_MIN_SENTENCES = 5
C4_MAX_WORD_CHARS = 1000
# ASCII marks as in C4, plus the typographic closing quotes of the languages in the data
# ("end quotation mark" in the paper; German and Russian texts close with “ and »).
C4_TERMINAL_MARKS = (".", "!", "?", '"', "”", "“", "»", "’")
C4_POLICY_PHRASES = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
C4_CITATION_RE = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”“»’)]*(?=\s|$)")


def c4_keep_line(line: str) -> bool:
    """C4's per-line test."""
    text = C4_CITATION_RE.sub("", line).strip()
    if not text.endswith(C4_TERMINAL_MARKS) or text.endswith("..."):
        return False
    words = text.split()
    if len(words) < C4_MIN_WORDS_PER_LINE:
        return False
    if any(len(word) > C4_MAX_WORD_CHARS for word in words):
        return False
    lowered = text.lower()
    if "javascript" in lowered:
        return False
    return not any(phrase in lowered for phrase in C4_POLICY_PHRASES)


def count_sentences(text: str) -> int:
    """Sentence ends (C4 used NLTK's punkt; a punctuation count is close enough here)."""
    return len(_SENTENCE_END_RE.findall(text))


def c4_filter(lines: Iterable[str]) -> str:
    """The text C4 would keep from a page given as lines; empty when it drops the page."""
    lines = list(lines)
    page = "\n".join(lines).lower()
    if "lorem ipsum" in page or "{" in page:
        return ""
    kept = [C4_CITATION_RE.sub("", line).strip() for line in lines if c4_keep_line(line)]
    text = "\n".join(kept)
    return text if count_sentences(text) >= C4_MIN_SENTENCES else ""


def keep_everything(lines: Iterable[str]) -> str:
    """Every non-blank line: the floor any cleaner must beat."""
    return "\n".join(line.strip() for line in lines if line.strip())


# --- decoding and a plain text dump of HTML ------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p",
        "pre", "section", "summary", "table", "td", "th", "title", "tr", "ul",
    }
)  # fmt: skip
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")


def decode_html_bytes(content: bytes) -> str:
    """HTML bytes to text the way trafilatura decodes them (declared charset, then guessing)."""
    from trafilatura.utils import decode_file

    return decode_file(content)


def html_to_lines(html: str) -> list[str]:
    """Visible text of a page, one line per block element, like a crawler's text dump (WET).

    What C4 and "keep everything" see on HTML input: scripts, styles and `<head>` dropped,
    everything else kept, including navigation and hidden elements.
    """
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(tree, *_INVISIBLE_TAGS, with_tail=False)
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        is_element = isinstance(element.tag, str)
        block = is_element and element.tag.lower() in _BLOCK_TAGS
        if event == "start":
            if block:
                flush()
            if is_element and element.text:
                current.append(element.text)
        else:
            if block:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return lines


def text_lines(content: bytes) -> list[str]:
    """A text page's lines (UTF-8; the shared data is UTF-8)."""
    return content.decode("utf-8", errors="replace").splitlines()


# --- jusText -------------------------------------------------------------------------------------

# langdetect's codes to jusText's stoplist names, for the languages the data holds.
JUSTEXT_STOPLISTS = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "kn": "Kannada", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
    "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese",
}  # fmt: skip


@cache
def justext_stoplist(language: str | None) -> frozenset[str]:
    """The stoplist of the page's language; the union of all of them when it is unknown
    (what trafilatura does when it falls back on jusText without a target language)."""
    import justext

    name = JUSTEXT_STOPLISTS.get(language or "")
    if name:
        return frozenset(justext.get_stoplist(name))
    union: set[str] = set()
    for each in justext.get_stoplists():
        union.update(justext.get_stoplist(each))
    return frozenset(union)


def guess_language(text: str) -> str | None:
    """Bare seeded langdetect on the page text, to pick jusText's stoplist."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text[:5000]).split("-")[0]
    except LangDetectException:
        return None


def justext_html(html: str) -> str:
    """jusText's non-boilerplate paragraphs, with the stoplist of the page's language."""
    import justext

    language = guess_language(" ".join(html_to_lines(html)))
    try:
        paragraphs = justext.justext(html, justext_stoplist(language))
    except Exception:  # jusText raises lxml's untyped errors on odd pages
        return ""
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def lines_to_html(lines: Iterable[str]) -> str:
    """Text lines as a page of paragraphs, so jusText can judge a text dump line by line."""
    body = "\n".join(f"<p>{html_escape.escape(line)}</p>" for line in lines if line.strip())
    return f"<html><body>\n{body}\n</body></html>"


def justext_lines(lines: Iterable[str]) -> str:
    return justext_html(lines_to_html(lines))


# --- trafilatura ---------------------------------------------------------------------------------


def trafilatura_html(content: bytes | str) -> str:
    """Bare trafilatura with the options the issue names (no comments, with tables)."""
    import trafilatura

    return trafilatura.extract(content, include_comments=False, include_tables=True) or ""
