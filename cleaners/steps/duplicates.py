"""Duplicated teaser leads: the first paragraph shown twice, once truncated above the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.features import BlockFeatures
from cleaners.model import Document, Removal
from cleaners.steps.base import features, kept_positions, removal

TRUNCATION_RE = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*$")
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
        for index, position in enumerate(kept):
            words = feats[position].lower_words
            if len(words) >= MIN_WORDS:
                openings.setdefault(tuple(words[:MIN_WORDS]), []).append(index)
        removed = []
        for indexes in openings.values():
            for earlier in indexes[:-1]:
                teaser = _teaser_words(doc.blocks[kept[earlier]].text, feats[kept[earlier]])
                later = [i for i in indexes if i > earlier]
                if any(_continues(feats, kept, i, teaser) for i in later):
                    removed.append(
                        removal(doc, kept[earlier], "duplicate_lead", "repeats_later_text")
                    )
        return sorted(removed, key=lambda r: r.position)


def _teaser_words(text: str, feat: BlockFeatures) -> list[str]:
    """The teaser's words; the last one may be cut mid-way by the ellipsis, so drop it."""
    return feat.lower_words[:-1] if TRUNCATION_RE.search(text) else feat.lower_words


def _continues(feats: list[BlockFeatures], kept: list[int], start: int, teaser: list[str]) -> bool:
    """True if the text from kept[start] on begins with all of the teaser's words."""
    stream: list[str] = []
    for index in range(start, min(start + STREAM_BLOCKS, len(kept))):
        stream.extend(feats[kept[index]].lower_words)
        if len(stream) >= len(teaser):
            break
    return len(teaser) >= MIN_WORDS and stream[: len(teaser)] == teaser
