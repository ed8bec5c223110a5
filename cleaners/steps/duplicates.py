"""Duplicated teaser leads: the first paragraph shown twice, once truncated above the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.model import Document, Removal
from cleaners.steps.base import features, kept_positions, removal
from cleaners.text import words

TRUNCATION_RE = re.compile(r"\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*$")
MIN_WORDS = 8
STREAM_BLOCKS = 4


@dataclass(frozen=True, slots=True)
class DuplicateLead:
    """A block that repeats the start of later blocks, usually cut off with an ellipsis."""

    name: str = "duplicate_lead"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        kept = kept_positions(doc)
        removed = []
        for i, position in enumerate(kept):
            if feats[position].n_words < MIN_WORDS:
                continue
            teaser = self._teaser_words(doc.blocks[position].text)
            if self._repeated_later(doc, kept[i + 1 :], teaser):
                removed.append(removal(doc, position, "duplicate_lead", "repeats_later_text"))
        return removed

    @staticmethod
    def _teaser_words(text: str) -> list[str]:
        truncated = TRUNCATION_RE.search(text) is not None
        found = [w.lower() for w in words(TRUNCATION_RE.sub("", text))]
        return found[:-1] if truncated else found  # the last word may be cut mid-way

    @staticmethod
    def _repeated_later(doc: Document, later: list[int], teaser: list[str]) -> bool:
        if len(teaser) < MIN_WORDS:
            return False
        for start, position in enumerate(later):
            block_words = [w.lower() for w in words(doc.blocks[position].text)]
            if block_words[:MIN_WORDS] != teaser[:MIN_WORDS]:
                continue
            stream = list(block_words)
            for extra in later[start + 1 : start + STREAM_BLOCKS]:
                if len(stream) >= len(teaser):
                    break
                stream.extend(w.lower() for w in words(doc.blocks[extra].text))
            return stream[: len(teaser)] == teaser and len(stream) > len(teaser) - 1
        return False
