"""Steps that judge one block at a time: buttons, labels, menus, credits, links, ads.

These are the cheap, high-precision removals: a line that *is* a share bar, a menu, a photo
credit or an "Advertisement" label says so by its words or its shape, wherever it sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.cues import Cues
from cleaners.features import SEGMENT_SPLIT_RE, BlockFeatures
from cleaners.lexicons import label_form, lexicon
from cleaners.lexicons import related_link as related_lexicon
from cleaners.lexicons import tags as tags_lexicon
from cleaners.lexicons import widget as widget_lexicon
from cleaners.metadata import find_date, is_dateline, is_update_line, parse_byline
from cleaners.model import Document, Removal
from cleaners.steps.base import (
    Wall,
    candidate_positions,
    cues,
    features,
    kept_positions,
    mark_boundary,
    removal,
)
from cleaners.text import contains_any, has_letters

MENU_MIN_SEGMENTS = 3
MENU_SEGMENT_MAX_WORDS = 4
BREADCRUMB_RE = re.compile(r"\s[›»>/]\s|\s›|›\s")
CAPTION_MAX_WORDS = 60
AD_COPY_MAX_BLOCKS = 3
AD_COPY_MAX_WORDS = 30


def _alternation(groups: dict[str, list[str]]) -> str:
    return "|".join(f"(?:{p})" for plist in groups.values() for p in plist)


@dataclass(frozen=True, slots=True)
class LineCueStep:
    """Remove short lines that are a known label of `kind`, or carry one of its phrases."""

    kind: str
    phrase_max_words: int | None = 12
    boundary: bool = False

    @property
    def name(self) -> str:
        return self.kind

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        index = cues(doc)
        removed = []
        for position in candidate_positions(doc, self.kind):
            feat = feats[position]
            if index.label(self.kind, position):
                removed.append(removal(doc, position, self.kind, "label"))
            elif (
                self.phrase_max_words is None or feat.n_words <= self.phrase_max_words
            ) and index.phrases(self.kind, position):
                removed.append(removal(doc, position, self.kind, "phrase"))
            else:
                continue
            if self.boundary:
                mark_boundary(doc, position)
        return removed


@dataclass(frozen=True, slots=True)
class NoLetters:
    """Lines with no letters at all: counters, timestamps, amounts, dividers, icons. A bare
    date ("14.08.2025") is left for the header, where it becomes the published date."""

    name: str = "no_letters"

    def find(self, doc: Document) -> list[Removal]:
        return [
            removal(doc, p, "page_furniture", "no_letters")
            for p in kept_positions(doc)
            if not has_letters(doc.blocks[p].text) and find_date(doc.blocks[p].text) is None
        ]


@dataclass(frozen=True, slots=True)
class LoneLinks:
    """A line that is only a URL, a domain, an e-mail address or a handle."""

    name: str = "lone_links"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        return [
            removal(doc, p, "link", "link_only") for p in kept_positions(doc) if feats[p].link_only
        ]


@dataclass(frozen=True, slots=True)
class Menus:
    """Menus and breadcrumbs: several very short segments between separators."""

    name: str = "menus"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        removed = []
        for position in kept_positions(doc):
            rule = self._rule(doc.blocks[position].text, feats[position])
            if rule:
                removed.append(removal(doc, position, "navigation", rule))
        return removed

    @staticmethod
    def _rule(text: str, feat: BlockFeatures) -> str | None:
        if feat.n_words > 40 or not feat.has_separator or text.startswith("|"):
            return None  # "| a | b |" is a table row, not a menu
        # A menu may run into a breadcrumb ("Amateure | E-Paper Startseite > Fußball").
        segments = [
            s
            for part in SEGMENT_SPLIT_RE.split(text)
            for s in BREADCRUMB_RE.split(part)
            if s.strip()
        ]
        short = all(len(s.split()) <= MENU_SEGMENT_MAX_WORDS for s in segments)
        if len(segments) >= MENU_MIN_SEGMENTS and short and not feat.ends_sentence:
            return "menu"
        crumbs = [s for s in BREADCRUMB_RE.split(text) if s.strip()]
        if len(crumbs) >= 2 and all(len(s.split()) <= MENU_SEGMENT_MAX_WORDS for s in crumbs):
            return "breadcrumb"
        return None


@cache
def _related_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    strong = _alternation(
        {k: [p for p in v if "opinion" not in p] for k, v in related_lexicon.PREFIXES.items()}
    )
    return (
        re.compile(rf"^(?:{strong})\s*(?:[:：—–»›>|-]|\.\.\.|…)\s*\S", re.I),
        re.compile(r"^(?:opinion|analysis|watch|inside|previously|more)\s*[:：—–]\s*\S", re.I),
    )


@dataclass(frozen=True, slots=True)
class RelatedLinks:
    """ "Read also: <another headline>" lines, wherever they sit in the article."""

    name: str = "related_links"

    def find(self, doc: Document) -> list[Removal]:
        strong, weak = _related_re()
        feats = features(doc)
        removed = []
        for position in kept_positions(doc):
            text = doc.blocks[position].text.lstrip("→►▸•*- ")
            feat = feats[position]
            if feat.n_words > 40:
                continue
            if strong.match(text) or (
                weak.match(text) and not feat.ends_sentence and feat.n_words <= 20
            ):
                removed.append(removal(doc, position, "unrelated_headline", "related_link"))
        return removed


@cache
def _tags_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "Tags: a, b, c" on one line, or the label alone ("Etiquetas:", "MARKIERT MIT") with
    # the tags on the lines below it.
    prefix = re.compile(
        rf"^(?:{_alternation(tags_lexicon.PREFIXES)})\s*(?:[:：]\s*\S|[:：]?\s*$)", re.I
    )
    post_meta = re.compile("|".join(f"(?:{p})" for p in tags_lexicon.POST_META), re.I)
    return prefix, post_meta


_POSTING_WORDS = (
    "post", "entry", "eintrag", "beitrag", "veröffentlicht", "abgelegt", "publié",
    "publicado", "опублік", "опублик",
)  # fmt: skip


def _mentions_posting(lower: str) -> bool:
    """Cheap gate before the post-meta expressions: they all name posting."""
    return contains_any(lower, _POSTING_WORDS)


@dataclass(frozen=True, slots=True)
class Tags:
    """ "Tags: a, b, c", "Topics: x · y" and blog post-meta lines ("Posted in X by Y"). They
    close an article, so each is also a boundary."""

    name: str = "tags"

    def find(self, doc: Document) -> list[Removal]:
        prefix, post_meta = _tags_res()
        feats = features(doc)
        removed = []
        for position in kept_positions(doc):
            text = doc.blocks[position].text
            if feats[position].n_words > 40:
                continue
            if prefix.match(text):
                rule = "tag_prefix"
            elif _mentions_posting(feats[position].lower) and post_meta.search(text):
                rule = "post_meta"
            else:
                continue
            if is_dateline(text, feats[position].n_words):
                continue  # "Publié le 18 janvier 2025 à 17h32" is the header's dateline
            removed.append(removal(doc, position, "tags", rule))
            mark_boundary(doc, position, Wall.HARD if rule == "post_meta" else Wall.SOFT)
        return removed


@dataclass(frozen=True, slots=True)
class Captions:
    """Photo captions: a credit line, a caption ending in a credit, or the line just above a
    standalone credit ("Conservator repairs a sampler." / "Photo: Martin Lobo")."""

    name: str = "captions"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        kept = kept_positions(doc)
        removed: dict[int, Removal] = {}
        for i, position in enumerate(kept):
            feat = feats[position]
            block = doc.blocks[position]
            if feat.n_words > CAPTION_MAX_WORDS or not feat.credit:
                continue
            if parse_byline(block.text, allow_bare_name=False):
                continue  # "Words by X · Photographs by Y" is a byline
            removed[position] = removal(doc, position, "caption", "credit")
            # In extracted HTML the line above a credit is as often a paragraph as a caption.
            if doc.input_format == "text" and feat.n_words <= 8 and i > 0 and block.gap_before == 0:
                above = kept[i - 1]
                if _caption_shaped(feats[above]):
                    removed.setdefault(above, removal(doc, above, "caption", "above_credit"))
        return sorted(removed.values(), key=lambda r: r.position)


# The line above a standalone credit is its caption only if shaped like one: a single
# sentence or phrase. Two sentences there are the paragraph the image sits under, as
# often as not in text dumped one line per block.
CAPTION_ABOVE_MAX_WORDS = 20
CAPTION_ABOVE_MAX_SENTENCES = 1


def _caption_shaped(feat: BlockFeatures) -> bool:
    return feat.n_words <= CAPTION_ABOVE_MAX_WORDS and feat.sentences <= CAPTION_ABOVE_MAX_SENTENCES


@dataclass(frozen=True, slots=True)
class Advertisements:
    """An "Advertisement" label and the few lines of ad copy right after it. A marking that
    opens with the label ("Реклама. ООО «Кедр», ИНН ..., erid: ...") is followed by its copy
    the same way."""

    name: str = "advertisements"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        index = cues(doc)
        kept = kept_positions(doc)
        candidates = set(candidate_positions(doc, "advertisement"))
        removed = []
        i = 0
        while i < len(kept):
            position = kept[i]
            i += 1
            if position not in candidates:
                continue
            if index.label("advertisement", position):
                removed.append(removal(doc, position, "advertisement", "label"))
            elif feats[position].n_words <= AD_COPY_MAX_WORDS * 2 and index.phrases(
                "advertisement", position
            ):
                removed.append(removal(doc, position, "advertisement", "disclosure"))
                if not _opens_with_ad_label(doc.blocks[position].text):
                    continue
            else:
                continue
            for _ in range(AD_COPY_MAX_BLOCKS):
                if i >= len(kept) or not self._is_ad_copy(index, kept[i], feats[kept[i]]):
                    break
                removed.append(removal(doc, kept[i], "advertisement", "ad_copy"))
                i += 1
        return removed

    @staticmethod
    def _is_ad_copy(index: Cues, position: int, feat: BlockFeatures) -> bool:
        """Short, and commercial in wording, in capitals, or exclaiming: an article's next
        paragraph is longer and does not shout."""
        if feat.n_words > AD_COPY_MAX_WORDS:
            return False
        return (
            index.weak("advertisement", position)
            or (feat.upper_ratio > 0.6 and feat.n_words >= 3)
            or feat.text.rstrip().endswith("!")
        )


_LABEL_SEGMENT_RE = re.compile(r"[.:|—–]")


def _opens_with_ad_label(text: str) -> bool:
    """ "Реклама. ООО ...", "Anzeige: ...": the block's first segment is an ad label."""
    first = _LABEL_SEGMENT_RE.split(text, maxsplit=1)[0]
    return bool(first) and lexicon("advertisement").label(label_form(first))


# A poll's answers are short ("Yes, until it tests clean"), and a poll offers a few.
POLL_OPTION_MAX_WORDS = 10
POLL_MAX_OPTIONS = 6
POLL_QUESTION_MAX_WORDS = 25
_POLL_LABEL_RE = re.compile(widget_lexicon.POLL_LABELS)


@dataclass(frozen=True, slots=True)
class PollOptions:
    """The answers of a poll, between its question and its button ("Quick poll: Will you
    ...?" / "Yes" / "No" / "Vote"). An answer says nothing alone; a short line is one only
    where a widget question above it and a widget button below it enclose it."""

    name: str = "poll_options"

    def find(self, doc: Document) -> list[Removal]:
        index = cues(doc)
        feats = features(doc)
        found = index.candidates("widget")
        positions = sorted(found) if found is not None else range(len(doc.blocks))
        removed = []
        question = None
        for position in positions:
            is_label = index.label("widget", position)
            if question is not None and is_label:
                removed.extend(self._answers(doc, feats, question, position))
            is_widget = is_label or index.phrases("widget", position)
            question = position if is_widget and "?" in doc.blocks[position].text else None
            if is_widget and _POLL_LABEL_RE.fullmatch(feats[position].label):
                removed.extend(self._question_below(doc, feats, position))
        return removed

    @staticmethod
    def _question_below(doc: Document, feats: list[BlockFeatures], label: int) -> list[Removal]:
        """ "Umfrage" / "Wie finden Sie ...?": the question under a poll's heading."""
        below = next((p for p in (label + 1, label + 2) if p in doc.kept), None)
        if below is None:
            return []
        text = doc.blocks[below].text.rstrip()
        if not text.endswith("?") or feats[below].n_words > POLL_QUESTION_MAX_WORDS:
            return []
        return [removal(doc, below, "widget", "poll_question")]

    @staticmethod
    def _answers(
        doc: Document, feats: list[BlockFeatures], question: int, button: int
    ) -> list[Removal]:
        between = [p for p in range(question + 1, button) if p in doc.kept]
        if not 2 <= len(between) <= POLL_MAX_OPTIONS:
            return []
        if any(feats[p].n_words > POLL_OPTION_MAX_WORDS or feats[p].sentences > 1 for p in between):
            return []
        return [removal(doc, p, "widget", "poll_option") for p in between]


@dataclass(frozen=True, slots=True)
class DomBoilerplate:
    """Paragraphs that lie inside an HTML element marked as boilerplate (a share bar, a
    related rail, a newsletter box...), when the page came as HTML. See `cleaners.html`."""

    name: str = "dom_boilerplate"
    min_chars: int = 3

    def find(self, doc: Document) -> list[Removal]:
        found = doc.hints.get("dom_boilerplate") or []
        if not found:
            return []
        removed = []
        for position in kept_positions(doc):
            text = " ".join(doc.blocks[position].text.split())
            if len(text) < self.min_chars:
                continue
            element = next((e for e in found if text in e.text), None)  # type: ignore[attr-defined]
            if element is not None:
                removed.append(removal(doc, position, element.kind, element.rule))
        return removed


@dataclass(frozen=True, slots=True)
class UpdateLines:
    """ "Last modified 14.02.2019", "Aktualisiert am 17.01.2021": page furniture."""

    name: str = "update_lines"

    def find(self, doc: Document) -> list[Removal]:
        return [
            removal(doc, p, "page_furniture", "update_line")
            for p in kept_positions(doc)
            if is_update_line(doc.blocks[p].text)
        ]


_JUMP_KEY = r"[A-ZÀ-ÞА-ЯЁІЇЄ][\w'’-]+"
JUMP_LINE_RE = re.compile(
    rf"\b(?:see|siehe|voir|ver|vedi|см\.?|див\.?)\s+(?P<key>{_JUMP_KEY}(?: {_JUMP_KEY})?)"
    r"\s*,?\s+(?:page|p\.|seite|s\.|página|pagina|стр\.?|с\.)\s*[A-Z]?\d+",
    re.IGNORECASE,
)
JUMP_HEAD_MAX_WORDS = 12
_PAGE_WORDS = ("page", "seite", "pág", "pagin", "стр", " p.", " s.", " с.")


# The Wayback Machine's banner: its capture counter and "About this capture" box, which
# describes the crawl and its collection in prose, ending with the "TIMESTAMPS" toggle.
_ARCHIVE_BANNER_START_RE = re.compile(r"^(?:\d[\d,]* captures?|about this capture)$", re.IGNORECASE)
_ARCHIVE_BANNER_END_RE = re.compile(r"^timestamps$", re.IGNORECASE)
ARCHIVE_BANNER_MAX_BLOCKS = 30


@dataclass(frozen=True, slots=True)
class WebArchiveBanner:
    """The banner a web archive puts above an archived page, from its capture counter to its
    "TIMESTAMPS" toggle. Its crawl description is prose, and would compete with the page's
    own article."""

    name: str = "web_archive_banner"

    def find(self, doc: Document) -> list[Removal]:
        kept = kept_positions(doc)
        for i, position in enumerate(kept):
            if not _ARCHIVE_BANNER_START_RE.match(doc.blocks[position].text):
                continue
            window = kept[i : i + ARCHIVE_BANNER_MAX_BLOCKS]
            for j, end in enumerate(window):
                if _ARCHIVE_BANNER_END_RE.match(doc.blocks[end].text):
                    return [
                        removal(doc, p, "page_furniture", "web_archive_banner")
                        for p in window[: j + 1]
                    ]
        return []


@dataclass(frozen=True, slots=True)
class JumpHeads:
    """Print jump headlines: after "Please see BUDGET, Page A4", the continuation on A4 opens
    with "BUDGET: Library hours at stake". The keyword named by the jump line marks it."""

    name: str = "jump_heads"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        removed = []
        keys: list[str] = []
        for position in kept_positions(doc):
            text = doc.blocks[position].text
            lower = feats[position].lower
            jump = JUMP_LINE_RE.search(text) if contains_any(lower, _PAGE_WORDS) else None
            if jump:
                keys.append(jump.group("key").lower())
                continue
            if not keys or feats[position].n_words > JUMP_HEAD_MAX_WORDS:
                continue
            if text.split(":", 1)[0].strip().lower() in keys:
                removed.append(removal(doc, position, "page_furniture", "jump_head"))
        return removed
