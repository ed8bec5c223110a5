"""Per-block measurements that the steps read, computed once per document.

The features are deliberately language-independent (lengths, punctuation, case, stop-word
density from the guessed language's stop list, separators, link shapes): they are what lets a
rule tuned on English pages hold on Ukrainian or Spanish ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from cleaners.lexicons import label_form
from cleaners.model import Block, Document
from cleaners.segment import LIST_MARKER_RE
from cleaners.stopwords import guess_stoplist_language, stoplist
from cleaners.text import ends_sentence, has_letters, words

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|"
    r"gov|edu|info|io|co|uk|de|fr|es|it|pl|pt|ru|ua|by|kz|nl|ch|at|be|eu|me|tv|news)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Menu separators: pipes, middle dots, bullets, chevrons, slashes between words, wide gaps.
SEPARATOR_RE = re.compile(r" \| |\s[·•›»>/|▸►]\s|\S {2,}\S|\s[—–]\s(?=\S+$)")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'»”’)]*(?:\s|$)")
DIGIT_RE = re.compile(r"\d")


class BlockClass(StrEnum):
    """jusText-style context classes: how much a block looks like article prose on its own."""

    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    BAD = "bad"


@dataclass(slots=True)
class BlockFeatures:
    lower: str
    label: str
    n_chars: int
    n_words: int
    lower_words: list[str]
    stop_ratio: float
    ends_sentence: bool
    final_mark: str
    sentences: int
    capitalised_ratio: float
    upper_ratio: float
    separators: int
    link_chars: int
    digits: int
    list_item: bool
    klass: BlockClass

    @property
    def link_only(self) -> bool:
        return self.link_chars > 0 and self.link_chars >= 0.8 * self.n_chars

    @property
    def title_like(self) -> bool:
        """Headline shape: a few words, one line's worth, no closing full stop (a headline
        may end in "?" or "!")."""
        return 2 <= self.n_words <= 30 and self.n_chars <= 200 and not self.ends_with_stop

    @property
    def ends_with_stop(self) -> bool:
        return self.ends_sentence and self.final_mark in ".…"

    @property
    def prose(self) -> bool:
        return self.klass in (BlockClass.GOOD, BlockClass.NEAR_GOOD)


# Thresholds on the stop-word share, per stop list size: big lists (Russian, Ukrainian,
# Polish) cover more of any text, so their prose and their menus both score higher.
GOOD_STOP_RATIO = 0.22
GOOD_STOP_RATIO_LARGE_LIST = 0.25
# Lines longer than this are never buttons or headers, so they get no label form.
LABEL_MAX_WORDS = 12
LARGE_LIST = 1500
GOOD_MIN_CHARS = 90
# Prose this long is prose even when cut off mid-sentence (a paywall, a page break).
GOOD_UNFINISHED_MIN_CHARS = 200
NEAR_GOOD_MIN_CHARS = 40


def classify(
    n_chars: int, stop_ratio: float, threshold: float, link_only: bool, ends: bool
) -> BlockClass:
    """jusText's context-free classification, with sentence end as an extra prose cue."""
    if link_only:
        return BlockClass.BAD
    if n_chars < NEAR_GOOD_MIN_CHARS:
        return BlockClass.SHORT
    if stop_ratio >= threshold:
        if (n_chars >= GOOD_MIN_CHARS and ends) or n_chars >= GOOD_UNFINISHED_MIN_CHARS:
            return BlockClass.GOOD
        return BlockClass.NEAR_GOOD
    if stop_ratio >= threshold * 0.6 and ends:
        return BlockClass.NEAR_GOOD
    return BlockClass.BAD


def measure(block: Block, stops: frozenset[str], threshold: float) -> BlockFeatures:
    text = block.text
    tokens = words(text)
    lower = [t.lower() for t in tokens]
    alpha = [t for t in tokens if t.isalpha()]
    content = [t for t, low in zip(tokens, lower, strict=True) if t.isalpha() and low not in stops]
    letters = [c for c in text if c.isalpha()]
    link_chars = sum(len(m.group(0)) for m in URL_RE.finditer(text))
    n_stop = sum(1 for w in lower if w in stops)
    ends = ends_sentence(text)
    return BlockFeatures(
        lower=text.lower(),
        label=label_form(text) if len(tokens) <= LABEL_MAX_WORDS else "",
        n_chars=len(text),
        n_words=len(tokens),
        lower_words=lower,
        stop_ratio=n_stop / len(tokens) if tokens else 0.0,
        ends_sentence=ends,
        final_mark=text.rstrip().rstrip("\"'»”’)]›")[-1:],
        sentences=len(SENTENCE_END_RE.findall(text)),
        capitalised_ratio=(sum(1 for t in content if t[0].isupper()) / len(content))
        if content
        else (1.0 if alpha and all(t[0].isupper() for t in alpha) else 0.0),
        upper_ratio=(sum(1 for c in letters if c.isupper()) / len(letters)) if letters else 0.0,
        separators=len(SEPARATOR_RE.findall(text)),
        link_chars=link_chars,
        digits=len(DIGIT_RE.findall(text)),
        list_item=bool(LIST_MARKER_RE.match(text)),
        klass=classify(
            len(text),
            n_stop / len(tokens) if tokens else 0.0,
            threshold,
            link_chars >= 0.8 * len(text) and link_chars > 0,
            ends,
        )
        if has_letters(text)
        else BlockClass.BAD,
    )


def document_features(doc: Document) -> list[BlockFeatures]:
    """Features for every block (indexed by position), cached in `doc.hints`."""
    cached = doc.hints.get("features")
    if cached is not None:
        return cached  # type: ignore[return-value]
    language = doc.hints.get("stoplist_language")
    if language is None:
        sample = [w.lower() for b in doc.blocks for w in words(b.text)]
        language = guess_stoplist_language(sample)
        doc.hints["stoplist_language"] = language
    stops = stoplist(str(language))
    threshold = GOOD_STOP_RATIO_LARGE_LIST if len(stops) > LARGE_LIST else GOOD_STOP_RATIO
    features = [measure(block, stops, threshold) for block in doc.blocks]
    doc.hints["features"] = features
    return features
