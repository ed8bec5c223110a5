"""Per-block measurements that the steps read, computed once per document.

The features are deliberately language-independent (lengths, punctuation, case, stop-word
density from the guessed language's stop list, separators, link shapes): they are what lets a
rule tuned on English pages hold on Ukrainian or Spanish ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from cleaners.credits import is_credit
from cleaners.lexicons import hyphen_label_form, label_form
from cleaners.model import Document
from cleaners.segment import LIST_MARKER_RE
from cleaners.stopwords import guess_stoplist_language, stoplist
from cleaners.text import LETTER_RE, WORD_RE, ends_sentence, has_letters

URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|"
    r"gov|edu|info|io|co|uk|de|fr|es|it|pl|pt|ru|ua|by|kz|nl|ch|at|be|eu|me|tv|news)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Menu separators: pipes, middle dots, bullets, chevrons, slashes between words, wide gaps.
# Spelled " \| |\s[·•›»>/|▸►]\s|\S {2,}\S|\s[—–]\s(?=\S+$)", but opening on the one
# whitespace character every form has, so the engine skips to it (3x faster).
SEPARATOR_RE = re.compile(r"\s(?:[·•›»>/|▸►]\s|(?<=\S ) +\S|[—–]\s(?=\S+$))")
SENTENCE_END_RE = re.compile(r"[.!?…][\"'»”’)]*(?:\s|$)")
# Text inside quotation marks, and a cheap test for whether a text has any quotes at all.
QUOTED_RE = re.compile(r"[“\"«„‘][^“”\"«»„]{3,}?[”\"»“’]")
_QUOTE_CHARS_RE = re.compile(r"[“\"«„‘]")
# Reported speech: boilerplate addresses the reader, it never reports what somebody said.
REPORTED_SPEECH_RE = re.compile(
    r"\b(?:said|says|told|according to|sagte|sagt|erklärte|so der|laut|a déclaré|a dit|selon|"
    r"dijo|afirmó|explicó|según|ha detto|secondo|disse|segundo|powiedział|powiedziała|według|"
    r"сказал|сказала|заявил|заявила|по словам|сказав|сказала|заявив|за словами)\b",
    re.IGNORECASE,
)
# A button row: segments split by pipes, dots, bullets or wide gaps.
SEGMENT_SPLIT_RE = re.compile(r"\s+[|·•/]\s+|\s{2,}")
LANGUAGE_SAMPLE_WORDS = 300
# Blocks with at least this many words that look like noise are judged in their own language.
OWN_LANGUAGE_MIN_WORDS = 6
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PUNCT_RE = re.compile(r"[。，、！？；：]")
CJK_MIN_CHARS = 10
CJK_SHARE = 0.3
# The stop-word share credited to CJK prose: enough to pass the prose thresholds.
CJK_PROSE_RATIO = 0.35


class BlockClass(StrEnum):
    """jusText-style context classes: how much a block looks like article prose on its own."""

    GOOD = "good"
    NEAR_GOOD = "near_good"
    SHORT = "short"
    BAD = "bad"


class BlockFeatures:
    """Measurements of one block. Cheap ones are computed up front; the rest on first use,
    because most blocks are long prose that no step asks about their case or separators."""

    __slots__ = (
        "_answers",
        "_credit",
        "_free_text",
        "_hyphen_label",
        "_link_chars",
        "_segment_labels",
        "_sentences",
        "_separators",
        "_upper_ratio",
        "ends_sentence",
        "final_mark",
        "klass",
        "label",
        "link_only",
        "list_item",
        "lower",
        "lower_words",
        "n_chars",
        "n_words",
        "stop_ratio",
        "text",
    )

    def __init__(self, text: str, lower_words: list[str], stops: frozenset[str], threshold: float):
        self.text = text
        self.lower = text.lower()
        self.lower_words = lower_words
        self.n_chars = len(text)
        self.n_words = len(lower_words)
        n_stop = sum(map(stops.__contains__, lower_words))
        self.stop_ratio = n_stop / self.n_words if self.n_words else 0.0
        if self.n_words and self.n_chars >= CJK_MIN_CHARS and _CJK_RE.search(text):
            self._measure_cjk(text)
        self.ends_sentence = ends_sentence(text)
        self.final_mark = text.rstrip().rstrip("\"'»”’)]›")[-1:]
        self.list_item = LIST_MARKER_RE.match(text) is not None
        self.label = label_form(text) if self.n_words <= LABEL_MAX_WORDS else ""
        self._sentences: int | None = None
        self._upper_ratio: float | None = None
        self._separators: bool | None = None
        self._free_text: str | None = None
        self._hyphen_label: str | None = None
        self._segment_labels: list[str] | None = None
        self._link_chars: int | None = None
        self._credit: bool | None = None
        self._answers: dict[Callable[[BlockFeatures], bool], bool] | None = None
        link_chars = self.link_chars
        self.link_only = link_chars > 0 and link_chars >= 0.8 * self.n_chars
        self.klass = (
            classify(self.n_chars, self.stop_ratio, threshold, self.link_only, self.ends_sentence)
            if has_letters(text)
            else BlockClass.BAD
        )

    def _measure_cjk(self, text: str) -> None:
        """Chinese and Japanese write no spaces, so a "word" is a whole clause and no stop
        list applies. Count characters instead: two per word; a clause with sentence or
        clause punctuation reads as prose."""
        cjk = len(_CJK_RE.findall(text))
        if cjk < CJK_SHARE * self.n_chars:
            return
        self.n_words = max(self.n_words, cjk // 2)
        self.stop_ratio = CJK_PROSE_RATIO if _CJK_PUNCT_RE.search(text) else 0.0

    @property
    def sentences(self) -> int:
        if self._sentences is None:
            self._sentences = len(SENTENCE_END_RE.findall(self.text))
        return self._sentences

    @property
    def upper_ratio(self) -> float:
        if self._upper_ratio is None:
            letters = LETTER_RE.findall(self.text)
            upper = sum(map(str.isupper, letters))
            self._upper_ratio = upper / len(letters) if letters else 0.0
        return self._upper_ratio

    def answer(self, question: Callable[[BlockFeatures], bool]) -> bool:
        """A step's yes/no test of this block's text, computed once. A block's features are
        shared by every pass over its page, and list steps ask whether the same line is
        headline- or blurb-shaped once per run they try to start there."""
        if self._answers is None:
            self._answers = {}
        found = self._answers.get(question)
        if found is None:
            found = self._answers[question] = question(self)
        return found

    @property
    def credit(self) -> bool:
        """Carries a photo credit (`cleaners.credits.is_credit`)."""
        if self._credit is None:
            self._credit = is_credit(self.text)
        return self._credit

    @property
    def has_separator(self) -> bool:
        """A menu separator between words: a pipe, a middle dot, a bullet, a wide gap."""
        if self._separators is None:
            self._separators = SEPARATOR_RE.search(self.text) is not None
        return self._separators

    @property
    def link_chars(self) -> int:
        """Characters inside URLs, e-mail addresses and domains. Only looked for where a URL
        can be: after "://", "www." or "@", or in a line that is one dotted token."""
        if self._link_chars is None:
            text = self.text
            marked = "://" in text or "www." in text or "@" in text
            bare_domain = " " not in text.strip() and "." in text
            if marked or bare_domain:
                self._link_chars = sum(len(m.group(0)) for m in URL_RE.finditer(text))
            else:
                self._link_chars = 0
        return self._link_chars

    @property
    def free_text(self) -> str:
        """Lower-case text with quotations blanked out: cue phrases inside quotes are
        somebody's words, not the page talking to the reader."""
        if self._free_text is None:
            self._free_text = (
                QUOTED_RE.sub(" ", self.lower) if _QUOTE_CHARS_RE.search(self.lower) else self.lower
            )
        return self._free_text

    @property
    def hyphen_label(self) -> str:
        """The label form keeping in-word hyphens ("abonnez-vous"), or "" when the line has
        none (then it equals `label`)."""
        if self._hyphen_label is None:
            self._hyphen_label = (
                hyphen_label_form(self.text) if self.label and "-" in self.text else ""
            )
        return self._hyphen_label

    @property
    def segment_labels(self) -> list[str]:
        """Label forms of the parts of a button row ("Share | Save | Gift article")."""
        if self._segment_labels is None:
            parts = SEGMENT_SPLIT_RE.split(self.text) if self.has_separator else [self.text]
            self._segment_labels = [label for part in parts if (label := label_form(part))]
        return self._segment_labels

    @property
    def reports_speech(self) -> bool:
        return self.n_words >= 8 and REPORTED_SPEECH_RE.search(self.text) is not None

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


def _language_sample(tokens: list[list[str]]) -> list[str]:
    """Words of the longest blocks: prose says which language a page is in, menus do not."""
    sample: list[str] = []
    for block_words in sorted(tokens, key=len, reverse=True):
        sample.extend(block_words)
        if len(sample) >= LANGUAGE_SAMPLE_WORDS:
            break
    return sample


class FeatureMemo:
    """Block measurements shared by the passes that clean one page.

    A settling pass (`cleaners.pipeline.settle`) re-reads the page's own clean text, whose
    blocks are mostly the first pass's blocks verbatim; features depend only on a block's
    text and the page's stop-list language, so they are measured once per page."""

    __slots__ = ("features", "languages", "tokens")

    def __init__(self) -> None:
        self.tokens: dict[str, list[str]] = {}
        self.features: dict[tuple[str, str], BlockFeatures] = {}
        self.languages: dict[frozenset[str], str] = {}

    def language(self, sample: list[str]) -> str:
        """The stop-list language of a sample (it depends only on the set of its words)."""
        words = frozenset(sample)
        found = self.languages.get(words)
        if found is None:
            found = self.languages[words] = guess_stoplist_language(words)
        return found


MEMO = "feature_memo"


def document_features(doc: Document) -> list[BlockFeatures]:
    """Features for every block (indexed by position), cached in `doc.hints`."""
    cached = doc.hints.get("features")
    if cached is not None:
        return cached  # type: ignore[return-value]
    memo = doc.hints.get(MEMO)
    if not isinstance(memo, FeatureMemo):
        memo = FeatureMemo()
    tokens = [_tokens(block.text, memo) for block in doc.blocks]
    language = doc.hints.get("stoplist_language")
    if language is None:
        language = memo.language(_language_sample(tokens))
        doc.hints["stoplist_language"] = language
    language = str(language)
    stops = stoplist(language)
    threshold = _good_ratio(stops)
    features = []
    for block, block_words in zip(doc.blocks, tokens, strict=True):
        key = (block.text, language)
        feat = memo.features.get(key)
        if feat is None:
            feat = _in_own_language(
                BlockFeatures(block.text, block_words, stops, threshold), language
            )
            memo.features[key] = feat
        features.append(feat)
    doc.hints["features"] = features
    return features


def _tokens(text: str, memo: FeatureMemo) -> list[str]:
    found = memo.tokens.get(text)
    if found is None:
        found = memo.tokens[text] = WORD_RE.findall(text.lower())
    return found


def _good_ratio(stops: frozenset[str]) -> float:
    return GOOD_STOP_RATIO_LARGE_LIST if len(stops) > LARGE_LIST else GOOD_STOP_RATIO


def _in_own_language(feat: BlockFeatures, page_language: str) -> BlockFeatures:
    """A long block that reads as noise in the page's language, judged in its own.

    Pages quote, and mix, other languages: a paragraph in French on an English page has no
    English stop words, yet it is prose. Judging such a block by its own stop list makes
    its class independent of which other blocks share the page, so cleaning a clean text
    again classifies it the same (the page's language may differ once boilerplate is gone).
    """
    if feat.klass is not BlockClass.BAD or feat.n_words < OWN_LANGUAGE_MIN_WORDS:
        return feat
    own = guess_stoplist_language(feat.lower_words)
    if own == page_language:
        return feat
    stops = stoplist(own)
    again = BlockFeatures(feat.text, feat.lower_words, stops, _good_ratio(stops))
    return again if again.klass is not BlockClass.BAD else feat
