"""Lists of other articles and comment threads.

Headline lists are recognised by shape, not by words: a run of headline-shaped lines (a few
words, no final full stop), possibly each followed by a one-sentence blurb, introduced by a
header such as "Most read" or "Главное за день". A body list looks similar but follows an
introduction ending in a colon, which is how we keep "The pricing announced Tuesday:" and its
bullet points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.cues import Cues
from cleaners.features import BlockClass, BlockFeatures
from cleaners.metadata import (
    DATELINE_MAX_WORDS,
    announces_article,
    is_dateline,
    is_role_line,
    parse_byline,
)
from cleaners.model import Document, Removal
from cleaners.steps.base import (
    ANNOUNCED_WITHIN,
    Wall,
    candidate_positions,
    cues,
    features,
    kept_positions,
    mark_boundary,
    removal,
)
from cleaners.text import has_digit

BLURB_MAX_CHARS = 320
BLURB_MAX_SENTENCES = 2
# Two pairs can be two subheadings with a one-paragraph section each; three rarely are.
MIN_PAIRS = 3
MIN_TAIL_PAIRS = 2
# Share of a teaser run's content words that may also occur in the article above it.
MAX_TEASER_OVERLAP = 0.35
CONTENT_WORD_MIN_CHARS = 4

RELATIVE_TIME_RE = re.compile(
    r"\b\d+\s?(?:min(?:ute)?s?|h|hrs?|hours?|days?|weeks?|months?) ago\b"
    r"|\b(?:vor|hace|il y a|há)\s\d+\s?\w+"
    r"|\b\d+\s(?:минут\w*|час\w*|дн\w*|недел\w*|хвилин\w*|годин\w*|тижн\w*)\s(?:назад|тому)\b"
    r"|\b(?:yesterday|today|вчера|сегодня|вчора|сьогодні|gestern|heute|hier|ayer|hoy)"
    r"\s(?:at\s|в\s|о\s|um\s|à\s|a las\s)?\d{1,2}[:.]\d\d"
    r"|[·|—–-]\s\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?$"
    r"|\s[—–-]\s\w+\.? \d{1,2}, \d{4} at \d{1,2}:\d\d",
    re.IGNORECASE,
)
COMMENT_META_MAX_WORDS = 10
# A full stop inside a line, after a real word and before a capital: two sentences.
# Spelled "\w{4,}[.!?] +[A-ZА-ЯЁІЇЄ]", but found from the punctuation, with the word behind it
# checked by a lookbehind: a search opening on \w{4,} is retried at every letter (25x slower).
INTERNAL_SENTENCE_RE = re.compile(r"[.!?](?<=\w{4}[.!?]) +[A-ZА-ЯЁІЇЄ]")


def _starts_capitalised(text: str) -> bool:
    stripped = text.lstrip("0123456789.)•–—-* «\"“‘'„")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _content_words(feats: list[BlockFeatures], positions: list[int]) -> set[str]:
    return {w for p in positions for w in feats[p].lower_words if len(w) >= CONTENT_WORD_MIN_CHARS}


def is_headline(feat: BlockFeatures) -> bool:
    """Headline shape: 2+ words, starts with a capital, and ends like a finished phrase (no
    sentence punctuation, but no trailing comma or colon either: those are cut sentences)."""
    return feat.answer(_headline_shaped)


def _headline_shaped(feat: BlockFeatures) -> bool:
    text = feat.text
    return (
        feat.title_like
        and feat.n_words >= 2
        and not text.rstrip().endswith((":", ",", ";", "-"))
        and _starts_capitalised(text)
        and not INTERNAL_SENTENCE_RE.search(text)
        and parse_byline(text, allow_bare_name=False) is None
        and not is_role_line(text)
    )


def is_blurb(feat: BlockFeatures) -> bool:
    """A teaser sentence: one or two full sentences, starting with a capital."""
    return feat.answer(_blurb_shaped)


def _blurb_shaped(feat: BlockFeatures) -> bool:
    return (
        feat.ends_sentence
        and not is_dateline(feat.text, feat.n_words)
        and feat.n_chars <= BLURB_MAX_CHARS
        and feat.sentences <= BLURB_MAX_SENTENCES
        and _starts_capitalised(feat.text)
    )


def headline_run(doc: Document, kept: list[int], start: int) -> list[int]:
    """Positions of the headline list starting at kept[start] (headlines and their blurbs).

    A list whose headlines came without blurbs takes none later: the paragraph after its
    last headline is where the article goes on."""
    feats = features(doc)
    run: list[int] = []
    bare_headlines = 0
    i = start
    while i < len(kept):
        position = kept[i]
        if not is_headline(feats[position]):
            break
        run.append(position)
        i += 1
        if (
            i < len(kept)
            and not bare_headlines
            and is_blurb(feats[kept[i]])
            and not is_headline(feats[kept[i]])
        ):
            run.append(kept[i])
            i += 1
        else:
            bare_headlines += 1
    return run


@dataclass(frozen=True, slots=True)
class ListHeaders:
    """ "Most read", "More from Local", "Читайте также": the header and the list under it."""

    name: str = "list_headers"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        index = cues(doc)
        candidates = set(candidate_positions(doc, "list_header"))
        kept = kept_positions(doc)
        removed = []
        for i, position in enumerate(kept):
            feat = feats[position]
            if position not in candidates or feat.final_mark == ".":
                continue
            if not index.label("list_header", position, segments=False):
                continue
            mark_boundary(doc, position)
            removed.append(removal(doc, position, "navigation", "list_header"))
            run = headline_run(doc, kept, i + 1)
            if run and _heads_article(doc, kept, feats, i, i + 1 + len(run)):
                # The article's own header (title, dek, photo caption) right under a menu
                # ("Archiv", "Trending:"): the article span and the title search judge it.
                del run[-ARTICLE_HEADER_LINES:]
            removed.extend(
                removal(doc, p, "unrelated_headline", "listed_under_header") for p in run
            )
        return removed


# The most lines an article's header puts above its byline: title, dek, photo caption.
ARTICLE_HEADER_LINES = 3


def _heads_article(
    doc: Document, kept: list[int], feats: list[BlockFeatures], header: int, after: int
) -> bool:
    """True if a headline run under a list header in the page's masthead (kept[header], no
    long paragraph above it) ends at a dateline or a byline with a long paragraph close
    below it: the run's last headline is then the article's, under a menu. Lower down, a
    teaser card has the same shape ("10 Jahre NSU" / "04.11.2021" / its blurb)."""
    if after >= len(kept) or any(feats[p].klass is BlockClass.GOOD for p in kept[:header]):
        return False
    position = kept[after]
    feat = feats[position]
    announces = feat.n_words <= DATELINE_MAX_WORDS and announces_article(
        doc.blocks[position].text, feat.n_words
    )
    below = kept[after + 1 : after + 1 + ANNOUNCED_WITHIN]
    return announces and any(feats[p].klass is BlockClass.GOOD for p in below)


@dataclass(frozen=True, slots=True)
class HeadlineBlurbPairs:
    """Headline + one-sentence blurb pairs in a row: a teaser list.

    Three pairs anywhere are a list. Two pairs look just like two subheadings with a short
    section each (or a title and its lead), so they count only at the very end of the page
    and only when their words are not the article's: teasers point at other stories.
    """

    name: str = "headline_blurb_pairs"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        kept = kept_positions(doc)
        runs = _pair_runs([feats[p] for p in kept])
        removed = []
        i = 0
        while i < len(kept) - 1:
            pairs = runs[i]
            if not pairs:
                i += 1
                continue
            if i > 0 and doc.blocks[kept[i - 1]].text.rstrip().endswith(":"):
                i += 2 * pairs  # a list the article introduces itself
                continue
            if pairs >= MIN_PAIRS or (
                pairs >= MIN_TAIL_PAIRS and self._unrelated_tail(feats, kept, i, 2 * pairs)
            ):
                run = kept[i : i + 2 * pairs]
                mark_boundary(doc, run[0])
                removed.extend(removal(doc, p, "unrelated_headline", "headline_blurb") for p in run)
                i += 2 * pairs
            else:
                i += 1
        return removed

    @staticmethod
    def _unrelated_tail(
        feats: list[BlockFeatures], kept: list[int], start: int, length: int
    ) -> bool:
        after = kept[start + length :]
        if any(feats[p].klass is BlockClass.GOOD for p in after):
            return False
        run_words = _content_words(feats, kept[start : start + length])
        body_words = _content_words(feats, kept[:start])
        if not run_words or not body_words:
            return False
        return len(run_words & body_words) / len(run_words) < MAX_TEASER_OVERLAP


def _pair_runs(feats: list[BlockFeatures]) -> list[int]:
    """For each kept index i, how many headline + blurb pairs follow each other from there:
    (i, i+1), (i+2, i+3)... Counted once for the page from the end backwards, instead of
    once per start (a run of k pairs would be re-walked from each of its 2k lines)."""
    runs = [0] * (len(feats) + 1)
    for i in range(len(feats) - 2, -1, -1):
        head, blurb = feats[i], feats[i + 1]
        if (
            not head.list_item
            and head.final_mark != "?"
            and not blurb.list_item
            and is_headline(head)
            and is_blurb(blurb)
        ):
            runs[i] = 1 + runs[i + 2]
    return runs


def _in_share_bar(index: Cues, kept: list[int], i: int) -> bool:
    """A "Comments" button in a row of share buttons ("Email", "Copy Link", "Comments")
    links to the comments from the article's header: no comment section starts there."""
    neighbours = kept[max(0, i - 1) : i] + kept[i + 1 : i + 2]
    return any(index.label("social_share", p) for p in neighbours)


@dataclass(frozen=True, slots=True)
class CommentThreads:
    """Comment headers ("14 Comments"), comment meta lines ("PrairieMom58 — June 3, 2025 at
    9:14 am", "Rosa M. hace 5 horas") and reply/like buttons. Meta lines count only after a
    comment header: elsewhere "Montealto, 3 de abril de 2025 - 10:05" is a dateline. The
    comments' own text is removed by the article span, because nothing of the article
    follows a comment header."""

    name: str = "comments"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        index = cues(doc)
        candidates = set(candidate_positions(doc, "comments"))
        removed = []
        in_comments = False
        kept = kept_positions(doc)
        for i, position in enumerate(kept):
            feat = feats[position]
            text = doc.blocks[position].text
            if position in candidates and index.label("comments", position, segments=False):
                in_comments = True
                removed.append(removal(doc, position, "comments", "label"))
                if feat.n_words <= 4 and not _in_share_bar(index, kept, i):
                    mark_boundary(doc, position, Wall.TERMINAL)
            elif (
                position in candidates
                and feat.n_words <= 25
                and index.phrases("comments", position)
            ):
                removed.append(removal(doc, position, "comments", "phrase"))
                mark_boundary(doc, position, Wall.TERMINAL)
                in_comments = True
            elif (
                in_comments
                and feat.n_words <= COMMENT_META_MAX_WORDS
                and has_digit(text)  # each form has one: a cheap test first
                and RELATIVE_TIME_RE.search(text)
            ):
                removed.append(removal(doc, position, "comments", "comment_meta"))
        return removed
