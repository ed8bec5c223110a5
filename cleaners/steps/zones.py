"""Zones: boilerplate that spans several blocks around a strong cue.

A donation letter, a newsletter box, a cookie banner or a paywall is a run of blocks: a header,
some prose in the publisher's voice, buttons, a field, fine print. Only some of those blocks
carry a cue a reader would recognise out of context, so a zone step finds *anchors* (a label
line or a reader-addressed phrase) and grows the zone over neighbours that are compatible:
more cues, weak cues in the publisher's voice, context buttons ("Monthly"), amount buttons,
or short lines bridged between two zone blocks.

Growth is asymmetric on purpose. A zone grows forward freely (letters run top to bottom) but
backward only over short blocks, because the block above a newsletter box is usually the
article's last paragraph, which may well mention newsletters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.cues import Cues
from cleaners.features import LABEL_MAX_WORDS, SEGMENT_SPLIT_RE, BlockFeatures
from cleaners.lexicons import Lexicon, label_form, lexicon
from cleaners.model import Document, Removal
from cleaners.steps.base import Wall, cues, features, kept_positions, mark_boundary, removal
from cleaners.text import contains_any, has_digit

CURRENCY = r"[$€£₽₴¥]|руб\.?|грн\.?|zł|kr|chf|eur|usd|uah|rub"
# A cheap test before AMOUNT_RE: one of its currencies, in the case folding that covers what
# its case-insensitive match accepts ("USD", "ſ" for "s", the Kelvin sign for "k").
CURRENCY_NEEDLES = (
    "$", "€", "£", "₽", "₴", "¥", "руб", "грн", "zł", "kr", "chf", "eur", "usd", "uah", "rub",
)  # fmt: skip
AMOUNT_RE = re.compile(rf"(?:(?:{CURRENCY})\s?\d[\d\s.,]*|\d[\d\s.,]*\s?(?:{CURRENCY}))", re.I)
BUTTON_MAX_WORDS = 4
AMOUNT_LINE_MAX_CHARS = 120
SHORT_PROMPT_CHARS = 300
BACKWARD_WEAK_CHARS_PER_SENTENCE = 160
BRIDGE_MAX_WORDS = 6
BOX_PROSE_CHARS = 150


class Cue:
    """How strongly a block signals the zone's kind."""

    ANCHOR = 3
    CONTEXT = 2
    WEAK = 1
    NONE = 0


def is_amount_line(text: str, lex: Lexicon) -> bool:
    """A donation button row: currency amounts, optionally with labels ("Other amount")."""
    if len(text) > AMOUNT_LINE_MAX_CHARS or not has_digit(text):
        return False
    if not contains_any(text.casefold(), CURRENCY_NEEDLES) or not AMOUNT_RE.search(text):
        return False
    rest = AMOUNT_RE.sub(" ", text)
    labels = [label for part in SEGMENT_SPLIT_RE.split(rest) if (label := label_form(part))]
    return all(lex.label(label) or lex.context_label(label) for label in labels)


@dataclass(frozen=True, slots=True)
class ZoneStep:
    """Find anchors of one kind and grow each into a zone of neighbouring blocks."""

    kind: str
    header_is_boundary: bool = False
    # A zone of at most this many blocks, one of them its own prose, separates softly: a
    # short, complete box set into the article ("Our reporters have been out since dawn...
    # Become a supporter", mid-way through a live blog) does not end it. A lone header
    # ("Unterstützen Sie meine Arbeit!") still does: its letter follows, uncaught.
    soft_wall_max_blocks: int = 0
    # A zone of buttons only separates softly ("Subscribe" under a newsletter box reads as a
    # paywall button too); a paywall's own notice says so in a sentence.
    buttons_are_soft: bool = False
    amounts: bool = False
    absorb_title_above: bool = False
    backward_weak_max_sentences: int = 1
    max_bridge: int = 3

    @property
    def name(self) -> str:
        return self.kind

    def find(self, doc: Document) -> list[Removal]:
        lex = lexicon(self.kind)
        feats = features(doc)
        index = cues(doc)
        candidates = index.candidates(self.kind)
        kept = kept_positions(doc)
        if candidates is not None and not candidates & doc.kept and not self.amounts:
            return []
        # Only candidates (and, for amounts, any short line) can carry a cue: the others
        # are NONE without asking.
        if candidates is None or self.amounts:
            asked = range(len(kept))
        else:
            asked = [i for i, position in enumerate(kept) if position in candidates]
        cues_ = [Cue.NONE] * len(kept)
        for i in asked:
            cues_[i] = self._cue(kept[i], feats[kept[i]], index, lex, candidates)
        if Cue.ANCHOR not in cues_:
            return []
        in_zone = [c == Cue.ANCHOR for c in cues_]
        self._grow_forward(kept, feats, cues_, in_zone)
        self._grow_backward(kept, feats, cues_, in_zone)
        self._bridge(kept, feats, in_zone)
        return self._removals(doc, kept, feats, cues_, in_zone)

    def _cue(
        self,
        position: int,
        feat: BlockFeatures,
        index: Cues,
        lex: Lexicon,
        candidates: set[int] | None,
    ) -> int:
        if self.amounts and feat.n_words <= LABEL_MAX_WORDS and is_amount_line(feat.text, lex):
            return Cue.CONTEXT  # a price alone is not an appeal; between appeal lines it is
        if candidates is not None and position not in candidates:
            return Cue.NONE
        if index.label(self.kind, position):
            return Cue.ANCHOR
        hits = index.phrases(self.kind, position)
        weak = index.weak(self.kind, position)
        # One phrase anchors a short prompt; in a longer paragraph it may be reported speech
        # ("Readers who sign up for the newsletter will..."), so it needs company there.
        short_prompt = (
            feat.sentences <= 2 and feat.n_chars <= SHORT_PROMPT_CHARS and not feat.reports_speech
        )
        if hits and (short_prompt or len(set(hits)) >= 2 or (weak and not feat.reports_speech)):
            return Cue.ANCHOR
        if index.context(self.kind, position):
            return Cue.CONTEXT
        return Cue.WEAK if hits or weak else Cue.NONE

    def _grow_forward(
        self, kept: list[int], feats: list[BlockFeatures], cues: list[int], in_zone: list[bool]
    ) -> None:
        for i in range(1, len(kept)):
            if in_zone[i] or not in_zone[i - 1]:
                continue
            if cues[i] >= Cue.WEAK:
                in_zone[i] = True

    def _grow_backward(
        self, kept: list[int], feats: list[BlockFeatures], cues: list[int], in_zone: list[bool]
    ) -> None:
        for i in range(len(kept) - 2, -1, -1):
            if in_zone[i] or not in_zone[i + 1]:
                continue
            feat = feats[kept[i]]
            if cues[i] >= Cue.CONTEXT or (
                cues[i] == Cue.WEAK
                and feat.sentences <= self.backward_weak_max_sentences
                and feat.n_chars
                <= BACKWARD_WEAK_CHARS_PER_SENTENCE * self.backward_weak_max_sentences
            ):
                in_zone[i] = True
            elif self.absorb_title_above and feat.title_like and feat.n_words <= 5:
                in_zone[i] = True
                break

    def _bridge(self, kept: list[int], feats: list[BlockFeatures], in_zone: list[bool]) -> None:
        """Fill short gaps between two zone blocks with the short lines inside them."""
        last = None
        for i, inside in enumerate(in_zone):
            if not inside:
                continue
            if last is not None and 1 < i - last <= self.max_bridge + 1:
                gap = range(last + 1, i)
                if all(feats[kept[j]].n_words <= BRIDGE_MAX_WORDS for j in gap):
                    for j in gap:
                        in_zone[j] = True
            last = i

    def _removals(
        self,
        doc: Document,
        kept: list[int],
        feats: list[BlockFeatures],
        cues: list[int],
        in_zone: list[bool],
    ) -> list[Removal]:
        removed = []
        for i, inside in enumerate(in_zone):
            if not inside:
                continue
            if self.header_is_boundary and (i == 0 or not in_zone[i - 1]):
                mark_boundary(doc, kept[i], self._wall(kept, feats, in_zone, i))
            rule = {Cue.ANCHOR: "cue", Cue.CONTEXT: "zone_button", Cue.WEAK: "zone_weak_cue"}
            removed.append(removal(doc, kept[i], self.kind, rule.get(cues[i], "zone_bridge")))
        return removed

    def _wall(
        self, kept: list[int], feats: list[BlockFeatures], in_zone: list[bool], first: int
    ) -> Wall:
        """HARD after a paywall or a donation letter; SOFT for a short box with its prose, or
        for a zone of buttons only where `buttons_are_soft`."""
        end = first
        while end < len(in_zone) and in_zone[end]:
            end += 1
        zone = [feats[kept[i]] for i in range(first, end)]
        if self.buttons_are_soft and all(feat.n_words <= BUTTON_MAX_WORDS for feat in zone):
            return Wall.SOFT  # "Subscribe" alone may be a newsletter's button
        short = len(zone) <= self.soft_wall_max_blocks
        with_prose = any(feat.n_chars >= BOX_PROSE_CHARS for feat in zone)
        return Wall.SOFT if short and with_prose else Wall.HARD


COOKIE_NOTICE = ZoneStep("cookie_notice", backward_weak_max_sentences=3)
PAYWALL = ZoneStep("paywall", header_is_boundary=True, buttons_are_soft=True)
NEWSLETTER_PROMPT = ZoneStep("newsletter_prompt", absorb_title_above=True)
DONATION_APPEAL = ZoneStep(
    "donation_appeal", header_is_boundary=True, soft_wall_max_blocks=2, amounts=True
)
