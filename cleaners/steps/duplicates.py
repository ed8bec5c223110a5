"""Duplicated teaser leads: the first paragraph shown twice, once truncated above the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.features import BlockFeatures
from cleaners.model import Document, Removal
from cleaners.steps.base import TEASER_LEADS, features, kept_positions, removal
from cleaners.text import WORD_RE

TRUNCATION_RE = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*$")
# A wire-style dateline opening the paragraph: "BELLHAVEN —", "BERLIN (dpa) –", or a place
# in capitals and a full stop ("VILLANUEVA DEL OLIVAR.", "СЕВЕРОГОРСК."). The teaser above
# the title often drops it, so both sides are compared without it.
DATELINE_PREFIX_RE = re.compile(
    r"^[^\W\d_][^\W\d_'’.-]*(?:[ ,.'’-]+[^\W\d_][^\W\d_'’.-]*){0,3}[.,]?"
    r"(?:\s*\([^()]{1,30}\))?\s*[—–]\s+"
    r"|^[^\W\d_a-zà-ÿа-яёіїєґ][^\W\d_a-zà-ÿа-яёіїєґ'’-]*(?: [^\W\d_a-zà-ÿа-яёіїєґ'’-]+){0,3}\.\s+"
)
MIN_WORDS = 8
STREAM_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class DuplicateLead:
    """A block that repeats the start of later blocks, usually cut off with an ellipsis.

    Blocks are indexed by their first MIN_WORDS words, so only blocks that open the same
    way are compared: linear in the document, whatever its length.
    """

    name: str = "duplicate_lead"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        kept = kept_positions(doc)
        openings: dict[tuple[str, ...], list[int]] = {}
        lead_words = [_without_dateline(doc.blocks[p].text, feats[p]) for p in kept]
        for index, words in enumerate(lead_words):
            if len(words) >= MIN_WORDS:
                openings.setdefault(tuple(words[:MIN_WORDS]), []).append(index)
        removed = []
        for indexes in openings.values():
            for earlier in indexes[:-1]:
                teaser = _teaser_words(doc.blocks[kept[earlier]].text, lead_words[earlier])
                later = [i for i in indexes if i > earlier]
                if any(_continues(feats, kept, lead_words, i, teaser) for i in later):
                    removed.append(
                        removal(doc, kept[earlier], "duplicate_lead", "repeats_later_text")
                    )
        doc.hints[TEASER_LEADS] = {r.position for r in removed}
        return sorted(removed, key=lambda r: r.position)


def _without_dateline(text: str, feat: BlockFeatures) -> list[str]:
    """The block's lower-case words, less a dateline that opens it."""
    opening = text.split(None, 1)
    if feat.n_words < MIN_WORDS or not opening or not opening[0].isupper():
        return feat.lower_words  # a dateline opens on a place name in capitals
    prefix = DATELINE_PREFIX_RE.match(text)
    if prefix is None:
        return feat.lower_words
    return feat.lower_words[len(WORD_RE.findall(prefix.group(0))) :]


def _teaser_words(text: str, words: list[str]) -> list[str]:
    """The teaser's words; the last one may be cut mid-way by the ellipsis, so drop it."""
    return words[:-1] if TRUNCATION_RE.search(text) else words


def _continues(
    feats: list[BlockFeatures],
    kept: list[int],
    lead_words: list[list[str]],
    start: int,
    teaser: list[str],
) -> bool:
    """True if the text from kept[start] on (less its dateline) begins with all of the
    teaser's words."""
    stream: list[str] = list(lead_words[start])
    for index in range(start + 1, min(start + STREAM_BLOCKS, len(kept))):
        if len(stream) >= len(teaser):
            break
        stream.extend(feats[kept[index]].lower_words)
    return len(teaser) >= MIN_WORDS and stream[: len(teaser)] == teaser
